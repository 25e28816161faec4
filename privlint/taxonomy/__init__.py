"""Personal-data types, their categories, and the classifier of identifiers and literals."""

from __future__ import annotations

from privlint.taxonomy.model import DataType
from privlint.taxonomy.taxonomy import Taxonomy, load_taxonomy

__all__ = ["DataType", "Taxonomy", "load_taxonomy"]

"""``privlint init``: a commented ``[tool.privlint]`` section with every key at its default."""

from __future__ import annotations

import tomllib
from pathlib import Path

from privlint.errors import ConfigError

TEMPLATE = """\
[tool.privlint]
# Python files to scan, as globs relative to this file's folder, and globs to skip.
include = ["**/*.py"]
exclude = []
# Code rule packs: "core" is built in; an installed pack (entry-point group privlint.rules) by its name.
packs = ["core"]
# Rule ids to turn off, and per-rule levels (error, warning or note), e.g. { pii-in-log = "error" }.
disable = []
severity = {}
# Folders of the project's own rule packs (code/, sinks/, taxonomy/, policy/).
rule-paths = []
# Lowest level that fails a run (error, warning, note or never) and lowest level reported at all.
fail-on = "warning"
min-severity = "note"
# Hosts (and their subdomains) that belong to the project: requests to them are not transfers.
internal-domains = []
# The project's own sanitizers by qualified name (globs allowed), e.g. "myapp.privacy.scrub".
sanitizers = []
# Privacy-policy regimes to check (pipl, gbt35273, gdpr, ccpa) and where the policy is if not PRIVACY.md.
regimes = []
policy-paths = []
# The project's home jurisdiction, e.g. "CN", "EU" or "US".
# home-region = "CN"
# Per-file results are kept in the user's cache folder so that a scan of an unchanged tree is nearly free.
cache = true
"""


def append_section(pyproject: Path) -> None:
    """Append TEMPLATE to ``pyproject`` (created when missing); refuse when a [tool.privlint] table exists."""
    existing = ""
    if pyproject.exists():
        existing = pyproject.read_text(encoding="utf-8")
        try:
            document = tomllib.loads(existing)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"invalid TOML: {error}", path=str(pyproject)) from None
        if "privlint" in document.get("tool", {}):
            raise ConfigError("already has a [tool.privlint] table; edit it instead", path=str(pyproject))
    separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    pyproject.write_text(existing + separator + TEMPLATE, encoding="utf-8")

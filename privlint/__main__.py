"""Entry point for ``python -m privlint``."""

import sys

from privlint.cli import main

sys.exit(main())

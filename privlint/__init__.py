"""privlint: a static linter for personal data in Python code and privacy policies."""

__version__ = "0.2.0"

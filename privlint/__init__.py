"""privlint: a static linter for personal data in Python code and privacy policies."""

__version__ = "0.1.0"

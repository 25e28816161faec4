"""Formatters: pure functions from a Report to text, JSON or SARIF."""

"""Fernwood Market API."""

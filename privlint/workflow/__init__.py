"""Workflow around a scan: gates, baselines, diff scans, rule listings, pack tests and progress."""

"""Tests of the dashboard (a package, so its conftest never shadows tests/conftest.py)."""

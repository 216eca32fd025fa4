"""Tests of the HTTP service (a package, so its conftest never shadows tests/conftest.py)."""

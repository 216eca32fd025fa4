"""The store's error: a database that cannot be opened, read or written."""

from __future__ import annotations

from warta.errors import WartaError


class StoreError(WartaError):
    """A database file that is corrupt, foreign, locked, read-only, or a disk that is full."""

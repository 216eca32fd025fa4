"""Open a DuckDB file for warta, turning DuckDB's many failure modes into one clear `StoreError`."""

from __future__ import annotations

import errno
from pathlib import Path

import duckdb

from warta.store.errors import StoreError

_NOT_DUCKDB = ("not a valid duckdb database", "file is not a valid", "invalid magic", "bad magic",
               "corrupt", "serialization", "failed to read", "checksum", "unable to read")


def describe_error(exc: BaseException, label: str) -> str:
    """A one-line reason for an open or write failure, saying what to do."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    low = text.lower()
    if "could not set lock" in low or "conflicting lock" in low:
        return f"{label} is in use by another process (an ingest still running?); try again when it ends"
    if "no space left" in low or "disk full" in low or "file too large" in low or "enospc" in low:
        return f"cannot write {label}: the disk is full; nothing from the failed batch was kept"
    if "read-only" in low or "permission denied" in low or "readonly" in low:
        return f"cannot write {label}: the file or its folder is read-only; choose a writable --db"
    if "out of memory" in low:
        return (f"DuckDB ran out of memory on {label} ({text.split(': ', 1)[-1][:80]}); "
                "give an ingest more with --memory-limit")
    if any(marker in low for marker in _NOT_DUCKDB):
        return f"{label} is not a warta database (corrupt, or another kind of file); choose another --db"
    return f"cannot use {label}: {text}"


def connect(path: Path, read_only: bool, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to `path`; a missing file is created only when writing.

    `memory_limit` caps DuckDB's buffer pool (its default is 80% of RAM, so a long ingest's
    resident memory would grow with the database: bench/ingest_scale.py).
    """
    label = str(path)
    if read_only and not path.exists():
        raise StoreError(f"no database at {label}; run 'warta ingest' first")
    if path.exists() and path.is_dir():
        raise StoreError(f"{label} is a folder, not a database file")
    if not read_only and not path.exists() and not _writable_folder(path):
        raise StoreError(f"cannot write {label}: the folder is read-only or missing; choose a writable --db")
    _check_header(path)
    try:
        config: dict[str, str | bool | int | float | list[str]] = (
            {"memory_limit": memory_limit} if memory_limit else {})
        return duckdb.connect(label, read_only=read_only, config=config)
    except duckdb.Error as exc:
        raise StoreError(describe_error(exc, label)) from exc
    except OSError as exc:
        raise StoreError(describe_error(exc, label)) from exc


def _writable_folder(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        probe = folder / f".{path.name}.probe"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        return exc.errno not in (errno.EACCES, errno.EROFS, errno.ENOENT, errno.EPERM)
    return True


def _check_header(path: Path) -> None:
    """Refuse a non-empty file without DuckDB's magic bytes before DuckDB touches it.

    DuckDB writes "DUCK" at byte 8 of every database file; anything else (a CSV, an SQLite file,
    random bytes) would only produce an internal error later, or be overwritten.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(describe_error(exc, str(path))) from exc
    if head and head[8:12] != b"DUCK":
        raise StoreError(f"{path} is not a warta database (corrupt, or another kind of file); "
                         "choose another --db")

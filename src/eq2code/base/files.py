"""Reading the files a user names: text as UTF-8 (a BOM dropped), with a clear problem instead
of a traceback when the path is missing or not a file."""

from __future__ import annotations

from pathlib import Path


class FileProblem(Exception):
    """A named file cannot be read; the message says why, for the user."""


def read_text(path: str, what: str) -> str:
    p = Path(path)
    if not p.exists():
        raise FileProblem(f"{what} not found: {path}")
    if p.is_dir():
        raise FileProblem(f"{what} is a directory: {path}")
    data = p.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")

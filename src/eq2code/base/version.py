"""The version of eq2code (one place; the package face re-exports it) and the source files
whose contents or times fingerprint a build (the equation cache's key, the shipped models)."""

from __future__ import annotations

import os

__version__ = "0.1.0"

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def source_files(*parts: str) -> list[tuple[str, str]]:
    """(path relative to the package with `/`, absolute path) of every .py and .lark file under
    `parts` (folders or files of the package; none: all of it), __pycache__ skipped, sorted.
    os.scandir, not Path.rglob or os.walk: this runs on every check (rglob 5×, walk 2× slower)."""
    found: list[str] = []
    for part in parts or ("",):
        top = os.path.join(PACKAGE_ROOT, *part.split("/")) if part else PACKAGE_ROOT
        if os.path.isfile(top):
            found += [top] if top.endswith((".py", ".lark")) else []
        else:
            _scan(top, found)
    return sorted((path[len(PACKAGE_ROOT) + 1:].replace(os.sep, "/"), path) for path in found)


def _scan(folder: str, found: list[str]) -> None:
    """The .py and .lark files under `folder` (links to folders not followed, as os.walk does)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if not is_dir:
                    if entry.name.endswith((".py", ".lark")):
                        found.append(entry.path)
                elif entry.name != "__pycache__" and not entry.name.startswith(".") and not entry.is_symlink():
                    _scan(entry.path, found)
    except OSError:  # a folder that cannot be listed: skipped, as os.walk does
        pass

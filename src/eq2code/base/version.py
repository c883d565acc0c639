"""The version of eq2code (one place; the package face re-exports it) and the source files
whose contents or times fingerprint a build (the equation cache's key, the shipped models)."""

from __future__ import annotations

import os

__version__ = "0.1.0"

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def source_files(*parts: str) -> list[tuple[str, str]]:
    """(path relative to the package with `/`, absolute path) of every .py and .lark file under
    `parts` (folders or files of the package; none: all of it), __pycache__ skipped, sorted.
    os.walk, not Path.rglob: this runs on every check (5× faster)."""
    found = []
    for part in parts or ("",):
        top = os.path.join(PACKAGE_ROOT, *part.split("/")) if part else PACKAGE_ROOT
        walked = [(os.path.dirname(top), [], [os.path.basename(top)])] if os.path.isfile(top) else os.walk(top)
        for folder, dirs, files in walked:
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            for name in files:
                if name.endswith((".py", ".lark")):
                    path = os.path.join(folder, name)
                    found.append((path[len(PACKAGE_ROOT) + 1:].replace(os.sep, "/"), path))
    return sorted(found)

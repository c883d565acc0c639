"""Where eq2code keeps its private files: the cache directory (equations read, Lark tables)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    if os.environ.get("EQ2CODE_NO_CACHE"):
        return None
    base = os.environ.get("EQ2CODE_CACHE_DIR")
    if base:
        path = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        path = (Path(xdg) if xdg else Path.home() / ".cache") / "eq2code"
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path
    except OSError:
        return None

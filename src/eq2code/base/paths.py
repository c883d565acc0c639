"""Where eq2code keeps its private files: the cache directory (equations read, Lark tables).

`EQ2CODE_NO_CACHE=1`: none; `EQ2CODE_CACHE_DIR`: that directory; otherwise where each OS
expects a user's caches (platformdirs): `$XDG_CACHE_HOME/eq2code` or `~/.cache/eq2code` on
Linux, `~/Library/Caches/eq2code` on macOS, `%LOCALAPPDATA%\\eq2code\\Cache` on Windows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path | None:
    if os.environ.get("EQ2CODE_NO_CACHE"):
        return None
    base = os.environ.get("EQ2CODE_CACHE_DIR")
    if base:
        path = Path(base)
    elif sys.platform.startswith("linux"):  # what platformdirs says there, without its import
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        path = (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "eq2code"
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("eq2code", appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path
    except OSError:
        return None

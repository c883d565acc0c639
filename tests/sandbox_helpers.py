"""Helpers for the sandbox tests: which backend runs, and processes left behind."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest


def backend() -> str:
    """"strict" or "basic": what runs get in this test session (EQ2CODE_SANDBOX forces basic)."""
    from eq2code.code.sandbox import platform

    return platform.backend_name()


def needs_strict(reason: str):
    """Skip unless the strict sandbox runs (Linux namespaces + seccomp, not forced basic)."""
    return pytest.mark.skipif(backend() != "strict",
                              reason=f"needs the strict sandbox ({reason}); "
                                     f"this session runs the {backend()} backend")


def _state(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return "X"


def marked(marker: str) -> list[int]:
    """Live (not zombie) processes whose command line contains `marker`."""
    if not sys.platform.startswith("linux"):
        return []
    found = []
    needle = marker.encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if needle in cmdline and _state(entry) not in ("Z", "X"):
            found.append(int(entry))
    return found


def survivors(marker: str, seconds: float = 3.0) -> list[int]:
    """Processes with `marker` in their command line still alive after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        alive = marked(marker)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def gone(pid: int, seconds: float = 5.0) -> bool:
    """True once the process no longer exists or is a zombie nobody reaped yet (Linux; elsewhere
    at once, having no /proc to look in)."""
    deadline = time.monotonic() + seconds
    while _state(str(pid)) not in ("Z", "X"):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True

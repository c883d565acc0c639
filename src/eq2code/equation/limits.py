"""The limits a cold equation read runs under: the command line's `--timeout` and `--memory-mb`,
set by the front ends before any read and used by the guard (`guard.py`) — apart from it, so that
a warm check, which reads nothing, sets them without importing the guard (docs/performance.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Limits:
    """The limits of a cold read (`set_limits`)."""

    timeout: float = 10.0  # seconds of wall time for reading one equation file (at least MIN_DEADLINE)
    memory_mb: int = 2048  # address space the reading may add


LIMITS = Limits()


def set_limits(timeout: float | None = None, memory_mb: int | None = None) -> None:
    """The limits of later reads (the command line's `--timeout`/`--memory-mb`)."""
    if timeout is not None and math.isfinite(timeout) and timeout > 0:
        LIMITS.timeout = float(timeout)
    if memory_mb is not None and memory_mb > 0:
        LIMITS.memory_mb = int(memory_mb)

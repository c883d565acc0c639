"""A run's request as data: what the child reads from `request.json` and the `.npy` files of
the arguments — without NumPy, so that a single check can replay one before it imports NumPy
(`early.py`).

`stable` is everything that is the same every time the same check runs; `write` adds the
volatile fields — the checker's pid, the deadline, the process limit (it counts the user's
processes now) — when the files go into a run directory. `runner.py` builds requests.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

PROCESS_MARGIN = 256  # processes/threads the child may add to what the user already runs


@dataclass
class Request:
    """One run's request: its stable part and its argument files (a docstring also spares
    `dataclass` building one with `inspect.signature` on every import)."""

    stable: dict  # request.json without the volatile fields
    files: dict[str, bytes]  # .npy file name → its bytes

    def write(self, request_dir: Path, deadline: float | None) -> None:
        """The request's files in a run's `request` folder (deadline: `time.monotonic()` at
        which the checker kills the child)."""
        for name, data in self.files.items():
            (request_dir / name).write_bytes(data)
        request = dict(self.stable, limits=dict(self.stable["limits"], processes=process_limit()),
                       parent_pid=os.getpid(), deadline=deadline)
        (request_dir / "request.json").write_text(json.dumps(request), encoding="utf-8")


def process_limit() -> int | None:
    """RLIMIT_NPROC for the child, or None to leave it alone.

    The limit counts every process and thread of the real user, not only the child's, so it
    is set to what the user runs now plus a margin. Root is exempt from it anyway.
    """
    if not hasattr(os, "getuid") or os.getuid() == 0:
        return None
    tasks = _count_user_tasks(os.getuid())
    return None if tasks is None else tasks + PROCESS_MARGIN


def _count_user_tasks(uid: int) -> int | None:
    try:
        entries = os.listdir("/proc")
    except OSError:  # no procfs (macOS, BSD): no process limit
        return None
    return sum(_task_count(entry, uid) for entry in entries if entry.isdigit())


def _task_count(pid: str, uid: int) -> int:
    try:
        if os.stat(f"/proc/{pid}").st_uid != uid:
            return 0
        return len(os.listdir(f"/proc/{pid}/task"))
    except OSError:  # the process ended meanwhile
        return 0

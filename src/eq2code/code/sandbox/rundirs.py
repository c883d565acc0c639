"""Run directories: one fresh directory per run, named after the checker's pid, and the
sweep that deletes those of checkers that were killed before they could clean up (called by
every eq2code at start and by the zygote when it ends).

Where they go (`run_base`): the user's `TMPDIR` when it is set; otherwise, on Linux, the
memory file system `/dev/shm` when it is there with room to spare — a run writes a few dozen
small files (arguments, results, progress), and on a disk's file system creating them was a
third of the run (docs/performance.md); else the system's temporary directory. Each run
directory is private (mode 0700) wherever it is.
"""

from __future__ import annotations

import os

MEMORY_DIRECTORY = "/dev/shm"
MEMORY_ROOM = 256 * 2**20  # bytes free on it, at least, for it to be used
_base: str | None = None


def run_base() -> str:
    """The directory run directories are made in (once per process)."""
    global _base
    if _base is None:
        memory = _memory_directory()
        if memory is None:
            import tempfile  # only here: a check on /dev/shm does not import it (~3 ms)

            memory = tempfile.gettempdir()
        _base = memory
    return _base


def _memory_directory() -> str | None:
    if os.environ.get("TMPDIR") or not os.path.isdir(MEMORY_DIRECTORY) or not hasattr(os, "statvfs"):
        return None
    try:
        info = os.stat(MEMORY_DIRECTORY)
        room = os.statvfs(MEMORY_DIRECTORY)
    except OSError:
        return None
    sticky_and_open = info.st_mode & 0o1777 == 0o1777  # like /tmp: anyone may make, only owners remove
    if not sticky_and_open or room.f_bavail * room.f_frsize < MEMORY_ROOM or not os.access(MEMORY_DIRECTORY, os.W_OK):
        return None
    return MEMORY_DIRECTORY


def new_run_folders() -> str:
    """A fresh run directory with its `request` and `scratch` folders, as a string path (`os`
    only: the basic child's head start makes one before pathlib is imported)."""
    base = new_run_path()
    for folder in ("request", "scratch"):
        os.mkdir(os.path.join(base, folder))
    return base


def new_run_path() -> str:
    """A fresh directory for one run, named after this process so that a later eq2code can
    delete it if this one is killed before it cleans up (`sweep_stale`). A string path (`os`
    only: the head start makes one before its imports)."""
    base, prefix = run_base(), f"eq2code-{os.getpid()}-"
    for _ in range(100):  # as tempfile.mkdtemp: a random name, made private, never reused
        path = os.path.join(base, prefix + os.urandom(6).hex())
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free name for a run directory in {base}")


def sweep_stale(directory: str | None = None) -> int:
    """Delete run directories ``eq2code-PID-*`` of eq2code processes that no longer run."""
    directory = directory or run_base()
    removed = 0
    try:
        entries = os.listdir(directory)
    except OSError:
        return 0
    uid = os.getuid() if hasattr(os, "getuid") else None
    for name in entries:
        parts = name.split("-")
        if len(parts) < 3 or parts[0] != "eq2code" or not parts[1].isdigit():
            continue
        if int(parts[1]) == os.getpid() or _pid_exists(int(parts[1])):
            continue
        path = os.path.join(directory, name)
        try:
            if uid is not None and os.lstat(path).st_uid != uid:
                continue
        except OSError:
            continue
        import shutil  # only when there is one: every eq2code sweeps at its start

        shutil.rmtree(path, ignore_errors=True)
        removed += 1
    return removed


def _pid_exists(pid: int) -> bool:
    if os.name == "nt":  # never os.kill on Windows: it terminates
        try:
            import psutil

            return psutil.pid_exists(pid)
        except ImportError:  # pragma: no cover - psutil is a dependency
            return True
    try:  # POSIX: signal 0 asks without sending (psutil is not imported on a check's way)
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, another user's
        return True
    return True

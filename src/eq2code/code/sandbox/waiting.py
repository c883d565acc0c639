"""The basic backend's child spawned ahead of its run (macOS, Windows; Linux without namespaces).

A basic run is a fresh ``python -I child.py`` per run. Spawned when the run's request is
written, its interpreter's start and its NumPy import — about the floor, ``python -c "import
numpy"`` — came after all of the checker's own work: a warm basic check cost about 3.3 × the
floor against 1.6 × for the strict sandbox's zygote. Here the child is spawned for a run
directory ahead of the run — first thing in a command (cli/head_start.py), and, where many
checks follow (a batch, the language server), as soon as a run is taken — and imports NumPy
while the checker works; it then waits on its stdin for the one line ``go`` (child.py,
`wait_for_go`). The checker writes the request, says ``go``, and the run's deadline counts from
then. A child nobody needs is killed at exit with its directory; a child that died while waiting
is replaced by one spawned at the run, as before.

The child is the same process, with the same environment, limits and clean-up, as one spawned
at the run: it reads nothing of the request before ``go``, and its stdin is /dev/null after it.
On Linux it asks to be killed when the thread that spawned it ends (PR_SET_PDEATHSIG), so
children spawned ahead for later runs come from one long-lived thread (`Spawner`).
"""

from __future__ import annotations

import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from eq2code.code.sandbox.spawn import waiting_process

GO = b"go\n"  # child.GO, the line its `wait_for_go` waits for (child.py runs alone: it imports no eq2code module)


@dataclass
class WaitingChild:
    """A spawned child waiting in `base` (its `request` and `scratch` folders) for ``go``."""

    base: Path
    process: subprocess.Popen
    token: str  # marks every process the run starts (platform._sweep)
    since: float  # system uptime before the spawn: no process started earlier carries the token
    gone: bool = field(default=False)  # told `go`, or killed

    def alive(self) -> bool:
        return not self.gone and self.process.poll() is None

    def go(self) -> bool:
        """Start the run (its request is written). False: the child is not there to run it."""
        if not self.alive():
            return False
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(GO)
            self.process.stdin.close()
        except (OSError, ValueError):
            return False
        self.gone = True
        return True


def spawn(base: Path, since: float) -> WaitingChild:
    """Spawn a child that waits in `base` for its run, with a run's environment and token."""
    process, token = waiting_process(str(base))
    return WaitingChild(base, process, token, since)


class Spawner:
    """One long-lived thread that spawns children ahead for later runs (many checks): a child
    asks to die with the thread that spawned it (Linux), and the threads that run checks come
    and go (the language server's pool)."""

    def __init__(self, spawn_one) -> None:
        self._spawn_one = spawn_one
        self._wanted = threading.Semaphore(0)
        threading.Thread(target=self._serve, name="eq2code-spawner", daemon=True).start()

    def request(self) -> None:
        self._wanted.release()

    def _serve(self) -> None:
        while True:
            self._wanted.acquire()
            try:
                self._spawn_one()
            except Exception:  # a child spawned at the run instead
                from eq2code.base.log import get_logger

                get_logger(__name__).debug("no child spawned ahead", exc_info=True)

"""Reading an equation under a deadline and a memory limit.

An equation file is data, but reading it runs SymPy, and SymPy computes exact values eagerly:
`10^{10^{10}}` has ten billion digits. `lowering.check_power` refuses such powers by a static
bound, and the evaluator caps index ranges; this module is the net under both. A cold read
(the cache missed) runs in a forked copy of the checker (SymPy and the parser tables loaded
first, so a fork costs milliseconds) with an address-space limit and a CPU-time limit of
`LIMITS.timeout` seconds (CPU time, so that a loaded machine does not turn a slow read into a
false finding); the parent waits a few times longer in wall time, then kills it; either way
an `equation-file` finding. The
model comes back as the cache's JSON (no pickle). Where `fork` does not exist the equation is
read in the process (static bounds only).
"""

from __future__ import annotations

import json
import math
import os
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from eq2code.base.log import get_logger
from eq2code.base.span import Range
from eq2code.equation.limits import LIMITS, Limits  # noqa: F401 - the limits the front ends set (equation/limits.py)
from eq2code.equation.model import Diagnostic, EquationFile
from eq2code.findings.phrases import phrase

log = get_logger(__name__)
MIN_DEADLINE = 5.0  # CPU seconds: the slowest shipped rule reads in about 1 s
WALL_FACTOR = 3  # wall time allowed: this many times the CPU limit (a child that waits, not computes)


_in_child = False
# Told about each reading child (an object with `pid` and `poll()`, the child its own process
# group), so that a front end can kill it — the language server does when an edit makes the
# reading moot.
fork_observer: ContextVar[Callable[[Any], None] | None] = ContextVar("eq2code_fork_observer", default=None)


class ForkHandle:
    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        return self.returncode


def read_guarded(path: str, text: str, to_json: Callable[[EquationFile], Any],
                 from_json: Callable[[Any, str, str], EquationFile]) -> tuple[EquationFile, bool]:
    """The equation file's model and whether it may be cached (not after a timeout);
    `to_json`/`from_json` carry it from the child (the cache's own form)."""
    from eq2code.equation.latex.parser import _lark

    if not _in_child and hasattr(os, "fork") and not os.environ.get("EQ2CODE_READ_IN_PROCESS"):
        _lark()  # build (or load) the parser tables once, here, not in every child
    return start_read(path, text, to_json, from_json).result()


class PendingRead:
    """A guarded read under way in a forked child (`start_read`); `result()` waits for it."""

    def __init__(self, path: str, text: str, from_json: Callable[[Any, str, str], EquationFile],
                 fork: _Fork | None = None, model: EquationFile | None = None) -> None:
        self.path, self.text, self.from_json, self.fork, self.model = path, text, from_json, fork, model

    def result(self) -> tuple[EquationFile, bool]:
        if self.model is not None:
            return self.model, True
        assert self.fork is not None
        status, payload = self.fork.finish()
        if status == "ok":
            try:
                return self.from_json(json.loads(payload.decode("utf-8")), self.path, self.text), True
            except (ValueError, KeyError, TypeError, RecursionError):
                status = "broken"
        if status == "timeout":
            detail = phrase("reading-timed-out", seconds=f"{self.fork.deadline:g}")
        elif status == "memory":
            detail = phrase("reading-out-of-memory", mb=LIMITS.memory_mb)
        else:
            detail = phrase("reading-failed", status=status)
        return EquationFile(self.path, self.text, {}, [], [Diagnostic("equation-file", Range.of(0, 0, 0, 1),
                                                                      {"detail": detail})]), False


def start_read(path: str, text: str, to_json: Callable[[EquationFile], Any],
               from_json: Callable[[Any, str, str], EquationFile]) -> PendingRead:
    """Start reading the equation file in a forked, limited child and return at once (the
    checker imports NumPy meanwhile: a cold check, docs/performance.md); where there is no
    fork, or in such a child, it is read here and now (SymPy is imported by the child only)."""
    if not _in_child and hasattr(os, "fork") and not os.environ.get("EQ2CODE_READ_IN_PROCESS"):
        try:
            fork = _Fork(path, text, max(LIMITS.timeout, MIN_DEADLINE), to_json)
            return PendingRead(path, text, from_json, fork=fork)
        except OSError as e:  # no fork possible (process limit): read here
            log.debug("reading %s in the process: %s", path, e)
    from eq2code.equation.semantics import read_equation_file

    return PendingRead(path, text, from_json, model=read_equation_file(path, text))


class _Fork:
    """The reading child: forked at once; `finish()` collects its JSON, or why there is none."""

    def __init__(self, path: str, text: str, deadline: float, to_json: Callable[[EquationFile], Any]) -> None:
        self.deadline = deadline  # CPU seconds
        r, w = os.pipe()
        with warnings.catch_warnings():  # Python 3.12 warns about fork in a threaded process
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the child: read, write JSON, exit without running any cleanup of the parent's
            _read_in_child(r, w, path, text, deadline, to_json)
        os.close(w)
        self.r, self.pid = r, pid
        self.handle = ForkHandle(pid)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        observer = fork_observer.get()
        if observer is not None:
            observer(self.handle)

    def finish(self) -> tuple[str, bytes]:
        chunks: list[bytes] = []
        end = time.monotonic() + WALL_FACTOR * self.deadline + 2  # the CPU limit ends a busy child first
        timed_out = False
        try:
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                ready, _, _ = select.select([self.r], [], [], min(left, 1.0))
                if not ready:
                    continue
                chunk = os.read(self.r, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self.r)
            if timed_out:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            _, status = os.waitpid(self.pid, 0)
            self.handle.returncode = status
        if timed_out:
            return "timeout", b""
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig in (signal.SIGKILL, getattr(signal, "SIGXCPU", -1)):
                return "timeout", b""
            return f"killed by signal {sig}", b""
        code = os.WEXITSTATUS(status)
        if code == 3:
            return "memory", b""
        if code != 0:
            return f"exit status {code}", b""
        return "ok", b"".join(chunks)


def _read_in_child(r: int, w: int, path: str, text: str, deadline: float,
                   to_json: Callable[[EquationFile], Any]) -> None:
    code = 1
    try:
        os.close(r)
        os.setpgid(0, 0)
        _child_limits(deadline)
        global _in_child
        _in_child = True
        from eq2code.equation.semantics import read_equation_file

        data = json.dumps(to_json(read_equation_file(path, text))).encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(w, view[:1 << 20])
            view = view[n:]
        code = 0
    except MemoryError:
        code = 3
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _child_limits(deadline: float) -> None:
    if sys.platform.startswith("linux"):  # die with the checker
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    try:
        import resource
    except ImportError:  # pragma: no cover
        return
    try:
        cpu = math.ceil(deadline)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    except (ValueError, OSError):
        pass
    try:
        if sys.platform.startswith("linux"):
            with open("/proc/self/statm", "rb") as f:
                pages = int(f.read().split()[0])
            now = pages * os.sysconf("SC_PAGE_SIZE")
            limit = now + LIMITS.memory_mb * 1024 * 1024
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass

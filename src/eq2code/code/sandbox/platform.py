"""The platform layer: every OS-specific step of running a child, behind two backends.

- **strict** (Linux): children forked from a warm zygote (zygote.py) into new user, PID,
  network, mount and IPC namespaces, a read-only file system but for the run's own directory,
  a tmpfs scratch, no capabilities, a seccomp filter (linux.py); the checker is non-dumpable.
  Every descendant ends with the check (the PID namespace), whatever it did.
- **basic** (macOS, other POSIX, Windows, Linux where the kernel refuses namespaces): a
  spawned ``python -I child.py`` per run — spawned ahead of the run where it can be, so that
  its NumPy import overlaps the checker's work (waiting.py) — its own process group where there is one,
  resource limits where the `resource` module has them, the process tree killed with
  psutil, marked processes swept from /proc on Linux.

The mode: ``--sandbox`` (`configure`), else ``EQ2CODE_SANDBOX`` (strict|basic|auto), else
auto: strict where this machine gives it, basic otherwise with a notice saying so. Forcing
basic on Linux runs the exact path macOS and Windows take, so CI tests it.
"""

from __future__ import annotations

import _thread
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eq2code.code.sandbox.spawn import KEPT_VARIABLES, TOKEN_VARIABLE, child_environment, uptime  # noqa: F401 - re-exported

if TYPE_CHECKING:
    import subprocess

MODES = ("auto", "strict", "basic")
MODE_VARIABLE = "EQ2CODE_SANDBOX"
IS_LINUX = sys.platform.startswith("linux")

_configured: str | None = None
_lock = _thread.allocate_lock()  # `threading` only where a thread is started (~0.7 ms of import)
_strict: dict | None = None  # the zygote's probe, once per process
_notices: list[str] = []
_pool = None
_protected = False
_rearm = False  # arm the next run's sandbox after each run (many checks: batch, language server)
_waiting: list = []  # basic: children spawned ahead, waiting for their runs (waiting.py)
_waiting_ended = False  # their end at exit is registered
_spawner: Any = None  # basic, many checks: the thread that spawns them


class SandboxError(RuntimeError):
    """The child failed before reaching the user's code: a fault of eq2code, not the user."""


class StrictUnavailable(SandboxError):
    """`--sandbox strict` on a machine that cannot give it."""


class StrictSetupError(SandboxError):
    """The kernel refused a step of the strict sandbox's set-up (namespaces, mounts, seccomp)."""


def configure(mode: str | None) -> None:
    """The mode for this process (`--sandbox`); None: the environment's or auto."""
    global _configured
    if mode is not None and mode not in MODES:
        raise ValueError(f"unknown sandbox mode {mode!r} (one of {', '.join(MODES)})")
    _configured = mode


def mode() -> str:
    chosen = _configured or os.environ.get(MODE_VARIABLE, "").strip().lower() or "auto"
    if chosen not in MODES:
        raise SandboxError(f"{MODE_VARIABLE}={chosen!r}: expected one of {', '.join(MODES)}")
    return chosen


def notices() -> list[str]:
    """What the user should know about the sandbox of this run (printed once by the CLI)."""
    return list(_notices)


# ----------------------------------------------------------------------------- environment


def protect_checker() -> None:
    """Linux: the checker becomes non-dumpable — no ptrace, and its /proc/PID/{mem,environ,fd}
    belong to root (only CAP_SYS_PTRACE in the initial user namespace opens them)."""
    global _protected
    if _protected or not IS_LINUX:
        return
    from eq2code.code.sandbox import linux

    try:
        linux.set_dumpable(False)
    except OSError:
        pass
    _protected = True


# ----------------------------------------------------------------------------- choosing


def _zygotes():
    global _pool
    with _lock:
        if _pool is None:
            import atexit

            from eq2code.code.sandbox.zygote import Pool

            _pool = Pool()
            atexit.register(_pool.close, wait=False)  # the zygotes end by themselves
        return _pool


def prestart(count: int = 1) -> None:
    """Start the zygote(s) now, so NumPy's import there overlaps the checker's own start-up
    (the CLI calls this first thing), each with a sandbox armed for its first run. In basic
    mode or off Linux: `count` children spawned ahead of their runs (waiting.py)."""
    if mode() == "basic" or not IS_LINUX or not hasattr(os, "pidfd_open"):
        take_started()
        for _ in range(count - len(_waiting)):
            _spawn_waiting()
        return
    # The zygote first (its start is on the clock), then the checker's protection (ctypes) —
    # before any run: no user code runs in between.
    _zygotes().prestart(child_environment(), count, arm=_arm, then=protect_checker)


def keep_armed(enabled: bool = True) -> None:
    """Many checks follow (a batch, the language server): after each run the zygote sets the
    next run's sandbox up at once; basic: `BASIC_AHEAD` children wait, one more spawned as each
    is taken (a check that runs twice finds the second ready too). A single check leaves it off —
    an armed sandbox nobody uses costs CPU and the time to take it down at exit."""
    global _rearm, _spawner
    _rearm = enabled
    if enabled and _spawner is None and backend_name() == "basic":
        from eq2code.code.sandbox.waiting import Spawner

        _spawner = Spawner(_spawn_waiting)
        for _ in range(BASIC_AHEAD - len(_waiting)):
            _spawner.request()


BASIC_AHEAD = 2  # basic, many checks: children kept waiting for the next runs


_cleaner: Any = None  # queue of run directories a background thread deletes (many checks)


def discard_run_directory(base: Path) -> None:
    """Delete a finished run's directory: for a single check, by an idle zygote (it leaves last)
    or at once; where many checks follow
    (`keep_armed`), by a background thread, off the way of the next check's report (the
    thread is waited for at exit)."""
    global _cleaner
    if not _rearm:
        if not (_pool is not None and _pool.remove(str(base))):  # the zygote deletes it: off the clock
            import shutil

            shutil.rmtree(base, ignore_errors=True)
        return
    with _lock:
        if _cleaner is None:
            import atexit
            import queue

            _cleaner = queue.Queue()
            import threading

            threading.Thread(target=_clean, args=(_cleaner,), name="eq2code-cleanup", daemon=True).start()
            atexit.register(_cleaner.join)
    _cleaner.put(base)


def _clean(directories: Any) -> None:
    import shutil

    while True:
        base = directories.get()
        try:
            shutil.rmtree(base, ignore_errors=True)
        finally:
            directories.task_done()


ARMED_SCRATCH_BYTES = 64 * 2**20  # the scratch of an armed sandbox; a run that needs more gets its own


def _fresh_run_directory() -> Path:
    """A new run directory with its `request` and `scratch` folders."""
    from eq2code.code.sandbox.rundirs import new_run_folders

    return Path(new_run_folders())


def _strict_request(base: Path, scratch_bytes: int) -> dict:
    """What the zygote is told about a run: paths and the child's environment, no value."""
    scratch = base / "scratch"
    return {"base": str(base), "request_dir": str(base / "request"), "scratch": str(scratch),
            "env": child_environment(scratch, os.urandom(16).hex()), "scratch_bytes": scratch_bytes}


def _arm(zygote) -> None:
    """Set the next run's sandbox up in `zygote` ahead of the run (zygote.py, "arm")."""
    try:
        base = _fresh_run_directory()
    except OSError:
        return
    zygote.arm(_strict_request(base, ARMED_SCRATCH_BYTES))
    if zygote.armed is None:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


class RunSlot:
    """One run's directory (`base`, with `request` and `scratch`) and, strict, the zygote
    that runs it, with the sandbox it armed for this directory if it did; basic, the child
    spawned ahead that waits in it, if there is one. `close()` gives the zygote back (arming
    its next run); the runner deletes the directory."""

    def __init__(self, base: Path, zygote=None, armed: dict | None = None, waiting=None) -> None:
        self.base, self.zygote, self.armed, self.waiting = base, zygote, armed, waiting
        self.sent = False  # the run was sent ahead (early.py): the zygote or child runs it already

    def close(self) -> None:
        zygote, self.zygote = self.zygote, None
        if zygote is not None:
            _zygotes().release(zygote, arm=_arm if _rearm else None)


def open_run() -> RunSlot:
    """The directory of the next run: strict, the one the zygote's armed sandbox waits in."""
    protect_checker()
    if backend_name() != "strict":
        return _basic_slot()
    zygote = _zygotes().acquire(child_environment())
    armed, zygote.armed = zygote.armed, None
    if armed is not None:
        return RunSlot(Path(armed["base"]), zygote, armed)
    try:
        return RunSlot(_fresh_run_directory(), zygote)
    except BaseException:
        _zygotes().release(zygote)
        raise


def _spawn_child(base: Path):
    """basic: a child in `base`, waiting for `go` (waiting.py)."""
    from eq2code.code.sandbox import waiting

    return waiting.spawn(base, uptime() - 1.0)  # no process started earlier carries its token


def _spawn_waiting() -> None:
    """basic: one more child spawned ahead, waiting in a fresh run directory."""
    base = _fresh_run_directory()
    try:
        child = _spawn_child(base)
    except BaseException:
        import shutil

        shutil.rmtree(base, ignore_errors=True)
        raise
    _add_waiting(child)


def take_started() -> None:
    """basic: the first run's child the command spawned before this module was imported
    (`spawn.start_waiting_child`, cli/head_start.py), now one of the waiting children — ended
    at exit with its directory if no run takes it."""
    from eq2code.code.sandbox import spawn

    started = spawn.waiting_child_started()
    if started is not None:
        from eq2code.code.sandbox import waiting

        base, process, token, since = started
        _add_waiting(waiting.WaitingChild(Path(base), process, token, since))


def _add_waiting(child) -> None:
    """A child spawned ahead joins the waiting ones; killed at exit if nobody used it."""
    global _waiting, _waiting_ended
    with _lock:
        if not _waiting_ended:
            import atexit

            atexit.register(_end_waiting)
            _waiting_ended = True
        _waiting = [*_waiting, child]


def _basic_slot() -> RunSlot:
    """basic: the directory of a child spawned ahead (the next one is spawned at once where
    many checks follow), else a fresh one."""
    global _waiting
    with _lock:
        child, dead = None, []
        for candidate in _waiting:
            if candidate.alive():  # asked once: a child that ends meanwhile is the run's to replace
                child = candidate
                break
            dead.append(candidate)
        _waiting = _waiting[len(dead) + (child is not None):]
    for gone in dead:
        _end(gone)
    if _spawner is not None:
        _spawner.request()
    return RunSlot(child.base, waiting=child) if child is not None else RunSlot(_fresh_run_directory())


def _end(child) -> None:
    """A waiting child nobody will use: killed, its directory deleted."""
    _end_process(child)
    import shutil

    shutil.rmtree(child.base, ignore_errors=True)


def _end_waiting() -> None:
    global _waiting
    with _lock:
        children, _waiting = _waiting, []
    for child in children:
        try:
            _end(child)
        except Exception:
            pass


def cancel_sent(slot: RunSlot) -> None:
    """End a run sent ahead that nobody adopted (early.py); the directory stays for the caller."""
    if slot.zygote is not None:
        slot.zygote.run({}, 0.0, sent=True)  # reads its start, kills it, reads its end
    elif slot.waiting is not None:
        _end_process(slot.waiting)


def _plausible() -> dict | None:
    """Why strict cannot work here without trying, or None."""
    if not IS_LINUX:
        return {"available": False, "error": f"namespaces and seccomp are Linux's ({sys.platform})"}
    if not hasattr(os, "pidfd_open"):
        return {"available": False, "error": "os.pidfd_open is missing (Linux ≥ 5.3 needed)"}
    from eq2code.code.sandbox import linux

    if not linux.seccomp_supported():
        return {"available": False, "error": f"no seccomp filter for the architecture {linux.MACHINE}"}
    return None


def strict_status() -> dict:
    """{"available": bool, "error": text}: the zygote's probe (tried for real, once)."""
    global _strict
    if _strict is not None:
        return _strict
    status = _plausible()
    if status is None:
        from eq2code.code.sandbox.zygote import ZygoteError

        pool = _zygotes()
        zygote = pool.acquire(child_environment())
        try:
            status = dict(zygote.probe())
        except ZygoteError as error:
            status = {"available": False, "error": str(error)}
        finally:
            pool.release(zygote)
    _strict = status
    return status


def require_strict() -> None:
    """Raise StrictUnavailable, saying why, unless the strict sandbox works here."""
    status = strict_status()
    if not status.get("available"):
        raise StrictUnavailable(f"the strict sandbox is not available on this machine: "
                                f"{status.get('error') or 'unknown reason'} (eq2code doctor tells more)")


def backend_name() -> str:
    """The backend runs use now: "strict" or "basic" (after auto's probe)."""
    chosen = mode()
    if chosen == "basic":
        return "basic"
    if chosen == "strict":
        require_strict()
        return "strict"
    # auto: the first run is the probe (no throw-away sandbox on the way of a single check);
    # a run whose strict set-up fails marks strict unavailable and is run again, basic.
    status = _strict if _strict is not None else (_plausible() or {"available": True, "error": ""})
    if status.get("available"):
        return "strict"
    with _lock:
        text = (f"the strict sandbox is not available here ({status.get('error')}); running with "
                f"the basic sandbox: limits and process cleanup, but no file-system, network or "
                f"process isolation (see eq2code doctor, docs/security.md)")
        if text not in _notices:
            _notices.append(text)
    return "basic"


# ----------------------------------------------------------------------------- running


def run_child(slot: RunSlot, timeout: float, *, scratch_bytes: int,
              observer: Callable | None = None) -> tuple[bool, int]:
    """Run the child on the request in the slot's `request` folder to its end or `timeout`
    seconds; returns (timed out, return code as Popen gives it). Nothing it started is alive
    afterwards (strict), or nothing that kept the process group or the run's token (basic)."""
    global _strict
    protect_checker()
    if slot.zygote is not None:
        try:
            return _run_strict(slot, timeout, scratch_bytes, observer)
        except StrictSetupError as error:
            if mode() == "strict":
                raise StrictUnavailable(f"the strict sandbox is not available on this machine: {error}") from None
            _strict = {"available": False, "error": str(error)}
            backend_name()  # the notice
    return _run_basic(slot, timeout, observer)


def _run_strict(slot: RunSlot, timeout: float, scratch_bytes: int,
                observer: Callable | None) -> tuple[bool, int]:
    from eq2code.code.sandbox.zygote import ZygoteError

    try:
        return slot.zygote.run(_run_request(slot, scratch_bytes), timeout, observer, sent=slot.sent)
    except ZygoteError as error:
        if "could not be set up" in str(error):
            raise StrictSetupError(str(error).split(": ", 1)[-1]) from None
        raise SandboxError(str(error)) from None


def _run_request(slot: RunSlot, scratch_bytes: int) -> dict:
    """The armed sandbox's request (its environment, its run token) when there is one: the
    zygote uses the armed sandbox only for the very request it was armed for."""
    request = dict(slot.armed) if slot.armed is not None else _strict_request(slot.base, scratch_bytes)
    request["scratch_bytes"] = scratch_bytes
    return request


def send_ahead(slot: RunSlot, scratch_bytes: int) -> bool:
    """Have the slot's zygote start the run on the request already in its directory, without
    waiting for an answer (`early.py`); `run_child` then waits for it. False: nothing was sent
    (no zygote, or its pipe is broken)."""
    if slot.waiting is not None:
        slot.sent = slot.waiting.go()
        return slot.sent
    if slot.zygote is None:
        return False
    try:
        slot.zygote.send_run(_run_request(slot, scratch_bytes))
    except (OSError, ValueError):
        return False
    slot.sent = True
    return True


def _run_basic(slot: RunSlot, timeout: float, observer: Callable | None) -> tuple[bool, int]:
    """The slot's waiting child told `go` (or already told, early.py); where there is none, or
    it died while waiting, a child spawned now and told `go` at once."""
    import subprocess  # the basic backend only: the strict one spawns nothing (zygote.py)

    child = slot.waiting
    if child is None or not (slot.sent or child.go()):
        if child is not None:
            _end_process(child)
        child = _spawn_child(slot.base)
        child.go()
    process = child.process
    timed_out = False
    try:
        if observer is not None:
            observer(process)
        process.wait(max(timeout, 0.0))
    except subprocess.TimeoutExpired:
        timed_out = True
    finally:
        _end_process(child)
    return timed_out, process.returncode


def _end_process(child) -> None:
    """Nothing the child started is left: its tree, its group, its token."""
    child.gone = True
    kill_tree(child.process)
    child.process.wait()
    _sweep(child.token, child.since)


def kill_tree(process: subprocess.Popen) -> None:
    """Kill the child and everything it started that is still its descendant or in its
    process group, even after success (psutil finds descendants on every OS)."""
    # POSIX: a process that has ended has no descendants left under it (they were reparented
    # when it exited; its group and its token still find them), so psutil's import (~8 ms) is
    # spared. Windows records the parent's pid, not its tree: psutil is asked always.
    ended = os.name == "posix" and process.poll() is not None
    descendants = [] if ended else _descendants(process.pid)
    if hasattr(os, "killpg"):
        try:
            os.killpg(process.pid, _SIGKILL)
        except (ProcessLookupError, PermissionError):  # the group is already empty
            pass
    else:  # Windows
        process.kill()
    for child in descendants:
        try:
            child.kill()
        except Exception:
            pass


_SIGKILL = 9  # POSIX (killpg and the /proc sweep are POSIX-only): `signal`'s enums cost ~0.6 ms of import


def _descendants(pid: int) -> list:
    try:
        import psutil

        try:
            return psutil.Process(pid).children(recursive=True)
        except psutil.Error:
            return []
    except ImportError:  # pragma: no cover - psutil is a dependency
        return []


SWEEPS = 20  # rounds of killing marked processes (each round catches what forked meanwhile)
ENVIRON_BYTES = 2**20  # most of /proc/PID/environ read when looking for the token


def _sweep(token: str, since: float = 0.0) -> None:
    """Linux: kill every process that still carries this run's token (those that left the
    process group and the tree). Repeated while any is found."""
    if not hasattr(os, "getuid") or not os.path.isdir("/proc"):
        return
    needle = f"{TOKEN_VARIABLE}={token}".encode()
    for _ in range(SWEEPS):
        marked = [pid for pid in _own_processes(since) if _carries(pid, needle)]
        if not marked:
            return
        for pid in marked:
            try:
                os.kill(pid, _SIGKILL)
            except OSError:  # gone meanwhile
                pass
        time.sleep(0.01)


def _own_processes(since: float = 0.0) -> list[int]:
    uid, me = os.getuid(), os.getpid()
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    pids = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            if os.stat(f"/proc/{entry}").st_uid != uid:
                continue
            with open(f"/proc/{entry}/stat", "rb") as stream:
                fields = stream.read(1024).rpartition(b")")[2].split()
            started = int(fields[19]) / ticks  # field 22 of stat, counted after the name
        except (OSError, ValueError, IndexError):
            continue
        if fields[0] not in (b"Z", b"X") and started >= since:
            pids.append(int(entry))
    return pids


def _carries(pid: int, needle: bytes) -> bool:
    try:
        with open(f"/proc/{pid}/environ", "rb") as stream:
            return needle in stream.read(ENVIRON_BYTES).split(b"\0")
    except OSError:
        return False


# ----------------------------------------------------------------------------- doctor


def doctor() -> list[tuple[str, str, str]]:
    """What this machine gives: (what, yes/no/partly, detail) rows for `eq2code doctor`."""
    rows: list[tuple[str, str, str]] = []
    rows.append(("platform", sys.platform, f"Python {sys.version.split()[0]}, {os.name}"))
    chosen = mode()
    strict = strict_status() if chosen != "basic" or IS_LINUX else {"available": False, "error": "not tried"}
    available = bool(strict.get("available"))
    using = "basic" if chosen == "basic" or not available else "strict"
    rows.append(("sandbox mode", chosen, f"runs use the {using} backend"
                 + ("" if available else f"; strict: {strict.get('error')}")))
    rows.append(("namespaces (user, PID, network, mount, IPC)", "yes" if available else "no",
                 ("tried in a forked probe" + ("; not used (basic)" if using == "basic" else ""))
                 if available else str(strict.get("error"))))
    available = using == "strict"  # the rows below: what runs get now
    rows.append(("seccomp filter", "yes" if available else "no",
                 "ptrace, process_vm_*, setns, unshare, mount, bpf, keyctl, kexec, … denied"
                 if available else "—"))
    rows.append(("read-only file system, tmpfs scratch", "yes" if available else "no",
                 "only the run's directory is writable" if available
                 else "the function can write what the user can write"))
    try:
        import resource
        limits = [name for name in ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_NPROC")
                  if hasattr(resource, name)]
        detail = ", ".join(limits) + ("; RLIMIT_AS is not enforced on macOS" if sys.platform == "darwin" else "")
        rows.append(("resource limits", "yes", detail))
    except ImportError:
        rows.append(("resource limits", "no", "only the wall-time limit and the output cap (Windows)"))
    rows.append(("process cleanup", "yes" if available else "partly",
                 "PID namespace: every descendant ends with the check" if available
                 else "process group and tree (psutil)" + (", token sweep" if IS_LINUX else "")
                 + "; a process that leaves both can survive"))
    rows.append(("checker protected from the function", "yes" if IS_LINUX else "no",
                 "non-dumpable (no ptrace, no /proc/PID/mem)" if IS_LINUX else "same user, same rights"))
    rows.append(("network", "cut" if available else ("cut if allowed" if IS_LINUX else "open"),
                 "empty network namespace" if available else
                 "unprivileged network namespace where the kernel allows" if IS_LINUX else "not isolated"))
    return rows


def render_doctor(fmt: str = "text") -> str:
    """`eq2code doctor`: the rows of `doctor()` as text or JSON."""
    rows = doctor()
    if fmt == "json":
        import json

        return json.dumps({"version": 1, "sandbox": [{"what": w, "status": s, "detail": d}
                                                     for w, s, d in rows]}, ensure_ascii=False, indent=2)
    width = max(len(w) for w, _, _ in rows)
    return "\n".join(f"{w:<{width}}  {s:<7} {d}" for w, s, d in rows)


def start(chosen: str | None, *, runs: bool = True, workers: int = 1) -> None:
    """The front ends' one call: the mode (`--sandbox`), a clear failure when strict is
    required and not available (StrictUnavailable), and the zygote(s) started early."""
    from eq2code.code.sandbox.rundirs import sweep_stale

    configure(chosen)
    sweep_stale()  # run directories of eq2code processes killed before they could clean up
    if mode() == "strict":
        require_strict()
    if runs:
        prestart(max(1, workers))

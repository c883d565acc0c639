"""The sandbox's processes started with nothing imported but `os` and `sys`: the command starts
one first thing (cli/head_start.py), so that its NumPy import overlaps the whole start of the
check — strict, the zygote's process, which `zygote.Zygote` takes over; basic, the first run's
child waiting for its ``go`` (waiting.py), which `platform.prestart` takes over. Also the
allow-listed environment every sandboxed process gets (`child_environment`).
"""

from __future__ import annotations

import os
import sys

KEPT_VARIABLES = ("PATH", "LANG", "SYSTEMROOT", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
TOKEN_VARIABLE = "EQ2CODE_RUN_TOKEN"  # marks every process a basic child starts (sweeps)
# The directory that holds this `eq2code` (site-packages, or a source tree's `src`): the zygote
# runs `python -I`, which ignores PYTHONPATH, and finds this copy there (zygote.serve).
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

CHILD_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "child.py")
# ``python -I -c CHILD_START ARGS`` runs ``python -I child.py ARGS`` with child.py loaded by path from
# its cached bytecode (a script is compiled again at every start: ~5 ms of a basic run's start), as
# itself (no eq2code package imported) and with the same `sys.argv`.
CHILD_START = ("import importlib.util, sys; "
               f"spec = importlib.util.spec_from_file_location('eq2code_sandbox_child', {CHILD_SCRIPT!r}); "
               "child = importlib.util.module_from_spec(spec); sys.modules[spec.name] = child; "
               f"spec.loader.exec_module(child); sys.argv[0] = {CHILD_SCRIPT!r}; child.command(sys.argv)")

TYPE_CHECKING = False  # not `typing`'s (~3 ms): this module is imported before anything else
if TYPE_CHECKING:
    import subprocess

_started: tuple[dict[str, str], Spawned] | None = None  # a zygote process started ahead, not yet taken
# basic: the first run's child started ahead, not yet taken: (run directory, process, token, since)
_waiting_started: tuple[str, subprocess.Popen, str, float] | None = None


def child_environment(scratch: str | os.PathLike | None = None, token: str = "") -> dict[str, str]:
    """The allow-listed environment of a child (and of the zygote): no secrets."""
    kept = {name: value for name, value in os.environ.items()
            if name in KEPT_VARIABLES or name.startswith("LC_")}
    single_thread = dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                   "MKL_NUM_THREADS"), "1")
    marker = {TOKEN_VARIABLE: token} if token else {}
    home = {"HOME": str(scratch), "TMPDIR": str(scratch)} if scratch is not None else {}
    return kept | single_thread | marker | home


def start_zygote() -> None:
    """Start a zygote process now (once) for `zygote_process` to hand over."""
    global _started
    if _started is None:
        environment = child_environment()
        _started = (environment, _zygote(environment))


def zygote_process(environment: dict[str, str]) -> Spawned:
    """The zygote process started ahead if it has this environment, else a new one. `PATH` may
    differ (a check server started from another shell, a tool's own PATH): the zygote's own
    process never looks it up, and each run gets the check's environment, PATH included, from its
    request (strict.py). The locale and BLAS variables must match: the interpreter and NumPy read
    them once, at the zygote's start, for every run it forks."""
    global _started
    started, _started = _started, None
    if started is not None and _beyond_path(started[0]) == _beyond_path(environment) and started[1].poll() is None:
        return started[1]
    if started is not None:
        started[1].kill()
    return _zygote(environment)


def _beyond_path(environment: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in environment.items() if name != "PATH"}


def handed_over() -> tuple[dict[str, str], Spawned] | None:
    """The zygote process started ahead, no longer this process's to use: the check server
    (cli/server.py) hands it to the request process it forks, which calls `adopt`."""
    global _started
    started, _started = _started, None
    return started


def adopt(started: tuple[dict[str, str], Spawned] | None) -> None:
    """In a request process of the check server: the server's zygote process is this check's
    (not its child: the server reaps it)."""
    global _started
    if started is not None:
        started[1].adopted = True
    _started = started


def start_waiting_child() -> None:
    """basic: the first run's child spawned now (once), waiting in a fresh run directory for its
    ``go``, before the sandbox's own modules are imported (~10 ms earlier)."""
    global _waiting_started
    if _waiting_started is not None:
        return
    from eq2code.code.sandbox.rundirs import new_run_folders

    base = new_run_folders()
    try:
        since = uptime() - 1.0  # no process started earlier carries the token
        process, token = waiting_process(base)
        _waiting_started = (base, process, token, since)
    except BaseException:
        import shutil

        shutil.rmtree(base, ignore_errors=True)
        raise


def waiting_child_started() -> tuple[str, subprocess.Popen, str, float] | None:
    """The child `start_waiting_child` spawned, for `platform.prestart` to take over (once)."""
    global _waiting_started
    started, _waiting_started = _waiting_started, None
    return started


def waiting_process(base: str) -> tuple[subprocess.Popen, str]:
    """``python -I child.py --wait PID REQUEST`` (`CHILD_START`) for the run directory `base`
    (waiting.py), and the token that marks it: its stdin a pipe for ``go``, stdout and stderr
    files in `base`, its scratch folder as working directory and HOME, a run's environment and a
    fresh token, a session (POSIX) or process group (Windows) of its own."""
    import subprocess

    token = os.urandom(16).hex()
    scratch = os.path.join(base, "scratch")
    command = [sys.executable, "-I", "-c", CHILD_START, "--wait", str(os.getpid()), os.path.join(base, "request")]
    options: dict = {"start_new_session": True} if os.name == "posix" else {
        "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    with open(os.path.join(base, "stdout"), "wb") as out, open(os.path.join(base, "stderr"), "wb") as err:
        return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=err,
                                cwd=scratch, env=child_environment(scratch, token), **options), token


def uptime() -> float:
    """Seconds since the system started (Linux; 0 elsewhere): the token sweep's lower bound."""
    try:
        with open("/proc/uptime", "rb") as stream:
            return float(stream.read(64).split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0


def _zygote(environment: dict[str, str]) -> Spawned:
    """`python -I -c` importing `zygote` as a module: its cached bytecode is used, where a script
    would be compiled again by every check (~4 ms on the zygote's way to its first run)."""
    return Spawned([sys.executable, "-I", "-c", _zygote_start("serve")], environment)


def _zygote_start(function: str) -> str:
    """The `-c` code that runs `zygote.FUNCTION()` from this eq2code (`python -I`: no PYTHONPATH)."""
    return (f"import sys; root = {PACKAGE_ROOT!r}; root in sys.path or sys.path.append(root); "
            f"from eq2code.code.sandbox.zygote import {function}; {function}()")


class Master:
    """The check server's master zygote (`zygote.serve_master`, D36): a zygote's process that never
    runs anything itself but forks a zygote for each check — ready at once, where a zygote spawned
    for the next check imports NumPy first (~0.1 s of CPU, which a check that follows at once
    waits for). Started with the zygote's environment; its socket is the only way to it."""

    def __init__(self, environment: dict[str, str]) -> None:
        import socket

        self.environment = environment
        ours, theirs = socket.socketpair()
        try:
            self.pid = os.posix_spawn(sys.executable, [sys.executable, "-I", "-c", _zygote_start("serve_master")],
                                      environment,
                                      file_actions=[(os.POSIX_SPAWN_DUP2, theirs.fileno(), 0),
                                                    (os.POSIX_SPAWN_DUP2, theirs.fileno(), 1),
                                                    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.control = ours
        self._buffer = b""
        self.broken = False

    def fork(self, timeout: float = 60.0) -> Spawned | None:
        """A zygote forked from the master, its pipes this process's (None: the master is gone
        or did not answer in `timeout` seconds; it is not asked again)."""
        import socket

        if self.broken:
            return None
        in_r, in_w = os.pipe()
        out_r, out_w = os.pipe()
        pid: int | None = None
        try:
            self.control.settimeout(timeout)
            socket.send_fds(self.control, [b"fork"], [in_r, out_w])
            while (pid := self._answer()) is None:
                chunk = self.control.recv(64)
                if not chunk:
                    break
                self._buffer += chunk
        except OSError:
            pass
        finally:
            os.close(in_r)
            os.close(out_w)
        if pid is None or pid <= 0:
            self.broken = True
            os.close(in_w)
            os.close(out_r)
            return None
        return Spawned.taking(pid, in_w, out_r)

    def _answer(self) -> int | None:
        """The next whole line after the first (the master's `ready`), as a pid."""
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            if not line.startswith(b"{"):
                return int(line)
        return None

    def close(self) -> None:
        """The master ends when its socket does (its zygotes serve on until their checks end)."""
        self.control.close()


def _running(pid: int) -> bool:
    """Whether a process that is not this one's child still runs (its pidfd is not readable)."""
    import select

    try:
        fd = os.pidfd_open(pid)
    except OSError:
        return False
    try:
        return not select.select([fd], [], [], 0)[0]
    finally:
        os.close(fd)


class Spawned:
    """The zygote's process: ``os.posix_spawn`` with its stdin and stdout on pipes, stderr on
    /dev/null, and `poll`, `wait`, `kill` as `subprocess.Popen` has them — without importing
    `subprocess` on a check's way (~2.7 ms). The zygote itself closes every other descriptor it
    inherited and moves to / (`serve`)."""

    def __init__(self, argv: list[str], environment: dict[str, str]) -> None:
        in_r, in_w = os.pipe()
        out_r, out_w = os.pipe()
        try:
            self.pid = os.posix_spawn(argv[0], argv, environment, file_actions=[
                (os.POSIX_SPAWN_DUP2, in_r, 0), (os.POSIX_SPAWN_DUP2, out_w, 1),
                (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
        except BaseException:
            for fd in (in_w, out_r):
                os.close(fd)
            raise
        finally:
            for fd in (in_r, out_w):
                os.close(fd)
        self._serve_on(in_w, out_r, adopted=False)

    @classmethod
    def taking(cls, pid: int, stdin_fd: int, stdout_fd: int) -> Spawned:
        """A zygote another process started (the master, `Master.fork`), served on these pipe
        ends: as the check server's adopted zygote, it is not this process's child."""
        spawned = cls.__new__(cls)
        spawned.pid = pid
        spawned._serve_on(stdin_fd, stdout_fd, adopted=True)
        return spawned

    def _serve_on(self, stdin_fd: int, stdout_fd: int, adopted: bool) -> None:
        self.stdin = open(stdin_fd, "wb")  # noqa: SIM115 - closed by Zygote.close
        self.stdout = open(stdout_fd, "rb", buffering=0)  # noqa: SIM115 - lives as long as the zygote
        self.returncode: int | None = None
        self.adopted = adopted  # started by the check server, which reaps it (cli/server.py)

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # not this process's child: the server's, or reaped
                self.returncode = None if self.adopted and _running(self.pid) else -9
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> bool:
        """True once it has ended; False when `timeout` seconds passed first."""
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True

    def kill(self) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass

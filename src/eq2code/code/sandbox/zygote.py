"""The zygote: a fork server for the strict (Linux) sandbox, with NumPy imported once.

The checker starts it (`Zygote()`, a separate ``python -I -c`` process that imports this module
and calls `serve`, with the same scrubbed
environment as a sandbox child, working directory ``/``, no inherited descriptors but two
pipes) and sends it one line of JSON per run: paths of the run's directory and the child's
environment — never an argument's value, never a reference value. For each run (decisions D34):

    zygote ─ clone(new user, PID, network, mount, IPC namespaces) ─► init (PID 1 of the new namespace;
                       forks, reaps, reports the worker's end; user code never runs here; when
                       it ends the kernel kills every process of the namespace)
             ─ fork ─► worker (PID 2): id maps; mounts: / read-only (recursive), the run's
                       directory writable, a tmpfs scratch, a new /proc; then no capabilities,
                       no_new_privs, seccomp filter, limits, then child.py's run of the user's
                       module

init is cloned straight into its namespaces (`linux.fork_into`: clone(2) as fork(2) does it,
with CPython's fork hooks), so no process is forked only to create them; it does as little as
it can (every page it writes is a copy of the zygote's). The run's stdin, stdout and stderr are
opened by the zygote, outside the run's mount namespace.

The zygote is non-dumpable (nobody can ptrace it or read its /proc files without
CAP_SYS_PTRACE in the initial user namespace), invisible from the worker's PID namespace, and
holds nothing of the checker but its pipes (which init closes at once). When the
checker dies, its pipe ends: the zygote kills the run under way, deletes its directory and
stale ones of dead checkers, and exits.

Protocol (one JSON object per line): zygote → checker ``{"ready": true}`` once; checker →
zygote ``{"op": "probe"}``, zygote → ``{"strict": {"available": …, "error": …}}``; checker →
zygote ``{"op": "run", ...}``, zygote → ``{"started": PID}`` then
``{"exited": RETURNCODE, "error": TEXT}``; checker → ``{"op": "kill"}`` ends the run.
"""

from __future__ import annotations

import json
import os
import select
import sys
import time
from collections.abc import Callable

from eq2code.code.sandbox import spawn

READY_SECONDS = 60.0  # start-up allowance (NumPy's import on a cold, loaded machine)
STALE_PREFIX = "eq2code-"


# ============================================================================ checker side


class ZygoteError(RuntimeError):
    pass


class Zygote:
    """The checker's handle on one fork server."""

    def __init__(self, environment: dict[str, str]) -> None:
        self.process = spawn.zygote_process(environment)
        self._buffer = b""
        self.hello: dict | None = None
        self.broken = False
        self.armed: dict | None = None  # the request a sandbox was set up for ahead of its run
        if self.process.adopted:  # started by the check server: this checker owns it now
            self._send({"op": "owner", "pid": os.getpid()})

    def arm(self, request: dict) -> None:
        """Have the zygote set a sandbox up now for `request` (its directories exist; no
        argument is written yet): forks, namespaces, mounts, seccomp happen while the checker
        prepares the run, and its worker waits for the run's go. No answer is read."""
        try:
            self._send(dict(request, op="arm"))
        except (OSError, ValueError):
            self.broken = True
            return
        self.armed = request

    # -- lines

    def _send(self, message: dict) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message).encode() + b"\n")
        self.process.stdin.flush()

    def _line(self, timeout: float | None) -> dict | None:
        """The next message, or None at the deadline; ZygoteError when the zygote is gone."""
        deadline = None if timeout is None else time.monotonic() + timeout
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                self.broken = True
                raise ZygoteError("the sandbox's fork server ended unexpectedly")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def ready(self) -> dict:
        if self.hello is None:
            hello = self._line(READY_SECONDS)
            if hello is None or not hello.get("ready"):
                self.close()
                raise ZygoteError("the sandbox's fork server did not start")
            self.hello = hello
        return self.hello

    def probe(self) -> dict:
        """The strict sandbox tried for real in a throw-away fork: {"available", "error"}."""
        self.ready()
        try:
            self._send({"op": "probe"})
            answer = self._line(READY_SECONDS)
        except (OSError, ValueError) as error:
            self.close()
            raise ZygoteError(f"the sandbox's fork server failed: {error}") from None
        if answer is None or "strict" not in answer:
            self.close()
            raise ZygoteError("the sandbox's fork server did not answer the probe")
        return answer["strict"]

    # -- a run

    def send_run(self, request: dict) -> None:
        """Send a run without waiting for the zygote (it may still be starting): `run(…,
        sent=True)` then reads its answers. Raises OSError/ValueError when the pipe is broken."""
        self._send(dict(request, op="run"))

    def run(self, request: dict, timeout: float, observer=None, sent: bool = False) -> tuple[bool, int]:
        """Run one child to its end or the deadline; returns (timed out, return code).
        `sent`: the run was sent ahead (`send_run`); only its answers are read."""
        self.ready()
        deadline = time.monotonic() + max(timeout, 0.0)
        try:
            if not sent:
                self._send(dict(request, op="run"))
            started = self._line(max(deadline - time.monotonic(), 0.0) + READY_SECONDS)
            if started is None or "started" not in started:
                raise ZygoteError(f"the sandbox's fork server did not start a child: {started}")
            handle = _Handle(self, started["started"])
            if observer is not None:
                observer(handle)
            ended = self._line(max(deadline - time.monotonic(), 0.0))
            timed_out = ended is None
            if timed_out:
                self._send({"op": "kill"})
                ended = self._line(READY_SECONDS)
            handle._done = True
        except (OSError, ValueError) as error:
            self.broken = True
            self.close()
            raise ZygoteError(f"the sandbox's fork server failed: {error}") from None
        except ZygoteError:
            self.close()
            raise
        if ended is None or "exited" not in ended:
            self.close()
            raise ZygoteError("the sandbox's fork server stopped answering")
        if ended.get("error"):
            raise ZygoteError(f"the strict sandbox could not be set up: {ended['error']}")
        return timed_out, int(ended["exited"])

    def kill_run(self) -> None:
        try:
            self._send({"op": "kill"})
        except (OSError, ValueError):
            pass

    def close(self, wait: bool = True) -> None:
        """End the zygote: its input ends, it takes down an armed sandbox, deletes that run's
        directory and exits. `wait=False` (the checker's exit) leaves that to it."""
        self.broken = True
        try:
            if self.process.stdin:
                self.process.stdin.close()
        except OSError:
            pass
        if not wait:
            return
        if not self.process.wait(5):
            self.process.kill()
            self.process.wait()


class _Handle:
    """What `runner.child_observer` is told about a zygote run (the language server kills
    runs it no longer needs): `poll()` and `kill()`; `pid` leads its own process group."""

    def __init__(self, zygote: Zygote, pid: int) -> None:
        self.zygote, self.pid, self._done = zygote, pid, False

    def poll(self):
        return None if not self._done else 0

    def kill(self) -> None:
        self.zygote.kill_run()


class Pool:
    """Warm zygotes, one per thread that runs checks at once (batch workers, the language
    server); idle ones are kept for the next run and closed at exit."""

    def __init__(self) -> None:
        import _thread  # not `threading`: the zygote's own process never imports it, and a single
        # check starts no thread

        self._idle: list[Zygote] = []
        self._lock = _thread.allocate_lock()
        self.environment: dict[str, str] = {}

    def prestart(self, environment: dict[str, str], count: int = 1,
                 arm: Callable[[Zygote], None] | None = None, then: Callable[[], None] | None = None) -> None:
        """`count` zygotes started; `then` called once they are (before arming them: each
        zygote imports NumPy meanwhile)."""
        with self._lock:
            self.environment = environment
            started = [Zygote(environment) for _ in range(count - len(self._idle))]
            if then is not None:
                then()
            for zygote in started:
                if arm is not None:
                    arm(zygote)
                self._idle.append(zygote)

    def acquire(self, environment: dict[str, str]) -> Zygote:
        with self._lock:
            while self._idle:
                zygote = self._idle.pop(0)
                if not zygote.broken and zygote.process.poll() is None:
                    return zygote
            return Zygote(environment)

    def release(self, zygote: Zygote, arm: Callable[[Zygote], None] | None = None) -> None:
        """Back to the idle ones (`arm`: set up the next run's sandbox now)."""
        if zygote.broken or zygote.process.poll() is not None:
            _close_and_clean(zygote)
            return
        if arm is not None and zygote.armed is None:
            arm(zygote)
        with self._lock:
            self._idle.append(zygote)

    def remove(self, base: str) -> bool:
        """Have an idle zygote delete a finished run's directory (it does so before anything it
        is sent later, and before it exits); False when none can."""
        with self._lock:
            for zygote in self._idle:
                if not zygote.broken and zygote.process.poll() is None:
                    try:
                        zygote._send({"op": "remove", "base": base})
                        return True
                    except (OSError, ValueError):
                        zygote.broken = True
        return False

    def close(self, wait: bool = True) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for zygote in idle:
            _close_and_clean(zygote, wait)


def _close_and_clean(zygote: Zygote, wait: bool = True) -> None:
    """Close the zygote and delete the directory of a sandbox armed and never used (not
    waiting: the zygote deletes it when it has taken the sandbox down)."""
    zygote.close(wait)
    if zygote.armed is not None and wait:
        _remove(zygote.armed.get("base", ""))
        zygote.armed = None


# ============================================================================ the zygote


def _write(message: dict) -> None:
    data = json.dumps(message).encode() + b"\n"
    while data:
        data = data[os.write(1, data):]


class _Server:
    def __init__(self) -> None:
        self.buffer = b""
        self._lines = self.lines()
        self.current: tuple[int, str] | None = None  # (pid of the run's init, run directory)
        self.armed: _Armed | None = None
        self.owner = os.getppid()  # the checker whose run directories `remove` may delete
        self.ids = os.getuid(), os.getgid()  # mapped into each run's user namespace
        # Held open here only: a run's init, which closes its copy of the write end, reads
        # end-of-file on the read end when this zygote is gone.
        self.alive_r, self._alive_w = os.pipe()
        os.set_blocking(self.alive_r, False)
        self.null = os.open(os.devnull, os.O_RDONLY)  # each run's stdin

    def lines(self):
        """Messages from the checker; None at end of input (the checker is gone)."""
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                if line.strip():
                    yield json.loads(line)
            chunk = os.read(0, 65536)
            if not chunk:
                yield None
                return
            self.buffer += chunk

    def serve(self) -> None:
        for message in self._lines:
            if message is None:
                return
            if message.get("op") == "probe":
                from eq2code.code.sandbox import strict

                _write({"strict": strict.probe()})
            elif message.get("op") == "arm":
                self.disarm()
                self.armed = self.fork(message, armed=True)
            elif message.get("op") == "run" and not self.run(message):
                return
            elif message.get("op") == "remove":
                _remove_own(str(message.get("base", "")), self.owner)
            elif message.get("op") == "owner":  # handed over by the check server (cli/server.py)
                self.owner = int(message.get("pid") or self.owner)

    def fork(self, message: dict, armed: bool = False) -> _Armed:
        """A run's init, cloned into its new namespaces (strict.init); armed: its worker
        waits for a go. Its stdout and stderr are opened here, outside its mount namespace
        (a file open for writing on one of its mounts would keep that mount from being made
        read-only). A clone the kernel refuses becomes a forked child that reports why."""
        from eq2code.code.sandbox import linux, strict

        status_r, status_w = os.pipe()
        go_r, go_w = os.pipe() if armed else (-1, -1)
        streams: list[int] = []
        try:
            for name in ("stdout", "stderr"):
                streams.append(os.open(os.path.join(message["base"], name),
                                       os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            pid = linux.fork_into(linux.SANDBOX_NAMESPACES)
            refused = None
        except (OSError, KeyError, TypeError) as error:
            pid, refused = os.fork(), error
        if pid == 0:  # pragma: no cover - in the child
            os.close(status_r)
            if go_w >= 0:
                os.close(go_w)
            if refused is not None:
                strict.refused(status_w, refused)
            strict.init(message, self.ids, status_w, self.alive_r, go_r, (self.null, *streams))
        for fd in (status_w, go_r, *streams):
            if fd >= 0:
                os.close(fd)
        return _Armed(pid, status_r, go_w, message)

    def disarm(self) -> None:
        """Drop the armed sandbox (its run directory is the checker's)."""
        armed, self.armed = self.armed, None
        if armed is not None:
            _kill(armed.pid)
            os.waitpid(armed.pid, 0)
            for fd in (armed.status_r, armed.go_w):
                os.close(fd)

    def take(self, message: dict) -> _Armed:
        """The armed sandbox when it was armed for this very run (same directory, environment,
        scratch no smaller), told to go; otherwise a fresh one."""
        armed = self.armed
        same = armed is not None and all(armed.message.get(key) == message.get(key)
                                         for key in ("base", "request_dir", "scratch", "env")) \
            and int(armed.message.get("scratch_bytes") or 0) >= int(message.get("scratch_bytes") or 0)
        if armed is None or not same:
            self.disarm()
            return self.fork(message)
        self.armed = None
        try:
            os.write(armed.go_w, b"g")
        except OSError:  # its set-up failed: the status pipe says why
            pass
        os.close(armed.go_w)
        armed.go_w = -1
        return armed

    def run(self, message: dict) -> bool:
        """One run; False when the checker went away meanwhile."""
        from eq2code.code.sandbox import strict

        taken = self.take(message)
        pid, status_r = taken.pid, taken.status_r
        self.current = (pid, message.get("base", ""))
        _write({"started": pid})
        checker_gone = False
        pidfd = os.pidfd_open(pid)
        try:
            while True:
                ready, _, _ = select.select([0, pidfd], [], [])
                if pidfd in ready:
                    break
                chunk = os.read(0, 65536)
                if not chunk:
                    checker_gone = True
                    _kill(pid)
                    break
                self.buffer += chunk
                if b'"kill"' in self.buffer:
                    self.buffer = b""
                    _kill(pid)
        finally:
            os.close(pidfd)
        _, raw = os.waitpid(pid, 0)
        report = _read_all(status_r)
        os.close(status_r)
        self.current = None
        if checker_gone:
            _remove(message.get("base", ""))
            return False
        _write(strict.relay(report, raw))
        return True


class _Armed:
    """A run's init: its pid, the read end of its status pipe, the write end of its worker's
    go pipe (-1: not armed, or told to go) and the message it was forked for."""

    def __init__(self, pid: int, status_r: int, go_w: int, message: dict) -> None:
        self.pid, self.status_r, self.go_w, self.message = pid, status_r, go_w, message


def _kill(pid: int) -> None:
    try:
        os.kill(pid, 9)
    except OSError:
        pass


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _remove(path: str) -> None:
    import shutil

    if path and os.path.basename(path).startswith(STALE_PREFIX):
        shutil.rmtree(path, ignore_errors=True)


def _remove_own(path: str, owner: int) -> None:
    """A finished run's directory, when it is one of this zygote's checker (`remove`)."""
    if os.path.isabs(path) and os.path.basename(path).startswith(f"{STALE_PREFIX}{owner}-"):
        _remove(path)


def serve() -> None:
    """The zygote's process (spawn.py): NumPy and the sandbox imported, then runs until its
    checker is gone."""
    _prepare()
    _serve_runs()


def _prepare() -> None:
    """Everything a zygote holds before its first fork: NumPy and the sandbox's modules imported,
    non-dumpable, the seccomp filter built, what was imported frozen out of the collector's sight."""
    import gc

    gc.disable()  # no collection while NumPy and the sandbox's modules are imported (~4 ms)
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # nothing inherited but the two pipes (spawn.py)
    os.chdir("/")
    # The src directory of this eq2code, for `python -I` (no PYTHONPATH) from a source tree.
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    if root not in sys.path:
        sys.path.append(root)
    from eq2code.code.sandbox import linux, strict  # noqa: F401 - imported before any fork

    linux.set_dumpable(False)
    linux.python_api()  # made before gc.freeze below, as everything a fork uses
    linux.prepare_seccomp()
    import numpy  # noqa: F401 - the point of the zygote: imported once, inherited by every fork

    from eq2code.code.sandbox import child  # noqa: F401 - imported before any fork

    if root in sys.path:
        sys.path.remove(root)
    # Every object so far (NumPy's, eq2code's) out of the collector's sight: a fork's collections
    # no longer walk them, so they stay shared with the zygote (no copy-on-write page faults).
    gc.freeze()
    gc.enable()  # as in any Python: the user's code runs in forks of this process


def _serve_runs() -> None:
    """Say ready, serve the checker on stdin/stdout until it is gone, then clean up."""
    server = _Server()
    _write({"ready": True})
    try:
        server.serve()
    finally:
        if server.current is not None:
            _kill(server.current[0])
            _remove(server.current[1])
        if server.armed is not None:
            base = server.armed.message.get("base", "")
            server.disarm()
            _remove(base)
        from eq2code.code.sandbox.rundirs import sweep_stale

        sweep_stale()


def serve_master() -> None:
    """The check server's master zygote (spawn.Master, D36): prepared as a zygote, it never runs
    anything itself; for each check the server sends it a zygote's two pipe ends (stdin's read
    end, stdout's write end) over the socket on its stdin and stdout, and it forks: the child is
    a zygote serving on those pipes — ready at once, no second NumPy import — and the master
    answers its pid. It ends when the server's end of the socket closes."""
    import signal
    import socket

    _prepare()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # its zygotes reaped as they end, by the kernel
    control = socket.socket(fileno=0)  # 1 is the same socket: what it receives lands above 2
    control.sendall(b'{"ready": true}\n')
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 16, 2)
        except OSError:
            break
        if not data:
            for fd in fds:
                os.close(fd)
            break
        pid = _fork_zygote(control, fds) if data == b"fork" and len(fds) == 2 else -1
        for fd in fds:
            os.close(fd)
        try:
            control.sendall(b"%d\n" % pid)
        except OSError:
            break


def _fork_zygote(control, fds: list[int]) -> int:
    """A zygote forked from the master, serving on `fds` (its stdin, its stdout)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked zygote
        import signal

        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # it waits for its runs' processes
        control.detach()
        os.dup2(fds[0], 0)
        os.dup2(fds[1], 1)
        for fd in fds:
            os.close(fd)
        try:
            _serve_runs()
        finally:
            os._exit(0)
    return pid


if __name__ == "__main__":
    serve()

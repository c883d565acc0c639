"""The check server: `eq2code server start|stop|status` (decision D30, docs/performance.md).

A check's floor is one Python process with NumPy; a check run alone pays for two (its own and
its sandbox's zygote) plus eq2code's own imports. The server pays them once: it imports what a
check needs and keeps a zygote started (code/sandbox/spawn.py). For each `eq2code check` handed
to it (cli/client.py) it forks a request process that takes over the client's standard streams,
working directory, environment and umask, takes that zygote, runs `cli.main.served` (the command as
`run` runs it), and sends the exit code back; the server then starts the next zygote.

Trust: the server never runs a check itself — each one is a fresh fork, so nothing a check does
(or a submission makes it do) reaches the next; the learner's code still runs only in the
sandbox, forked from the zygote. The socket is abstract (a sandboxed child, in its own network
namespace, cannot reach it) and the server serves only its own user (SO_PEERCRED). It declines
a request from another eq2code (interpreter or installation) and stops when its own source files
or NumPy's change, so a check never runs with code other than the command's. It stops after
`--idle` seconds without a request (default 15 minutes).
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from eq2code.cli import client

if TYPE_CHECKING:
    from eq2code.code.sandbox.spawn import Master, Spawned

IDLE_SECONDS = 900.0
READY_SECONDS = 30.0  # for `start`: NumPy's and eq2code's imports on a cold, loaded machine
RECEIVE_SECONDS = 5.0  # a client that connects and says nothing is dropped after this
# What a check imports (measured with -X importtime) and what a failing one adds.
WARM_MODULES = (
    "numpy", "eq2code.cli.check", "eq2code.checking.check",
    "eq2code.checking.judge", "eq2code.checking.localize", "eq2code.checking.evidence",
    "eq2code.reference.compare", "eq2code.reference.trial_cache", "eq2code.diagnosis.mutants",
    "eq2code.diagnosis.naming", "eq2code.code.static", "eq2code.report.formats.text",
    "eq2code.report.formats.json", "eq2code.project.batch", "eq2code.code.sandbox.zygote",
    "eq2code.code.sandbox.linux", "eq2code.code.sandbox.rundirs", "eq2code.equation.guard",
    "eq2code.equation.source", "eq2code.equation.rulebook", "eq2code.equation.cache", "hashlib",
    "atexit", "encodings.utf_8_sig", "eq2code.findings.registry",
)


# ----------------------------------------------------------------------------- commands


def command(action: str, idle: float = IDLE_SECONDS) -> int:
    """`eq2code server ACTION`: start, stop or status; prints what it did, returns the exit code."""
    if not sys.platform.startswith("linux") or not hasattr(os, "pidfd_open"):
        print("eq2code server: not available on this system (each check runs in its own process)",
              file=sys.stderr)
        return 2
    status = _status()
    if action == "status":
        print(_describe(status) if status else "eq2code server: not running")
        return 0 if status else 1
    if action == "stop":
        if status is None:
            print("eq2code server: not running")
            return 0
        _request({"op": "stop"})
        print(f"eq2code server: stopped (pid {status['pid']})")
        return 0
    if status is not None:
        print(f"eq2code server: already running — {_describe(status)}")
        return 0
    return _start(idle)


def start_in_background(idle: float = IDLE_SECONDS) -> bool:
    """Start a server without waiting for it (after a check at a terminal, cli/main.py); False
    when one already answers or it cannot be started here."""
    if not hasattr(os, "pidfd_open") or client.connect_quietly():
        return False
    _spawn(idle)
    return True


def _spawn(idle: float) -> int:
    """The server's process, in a session of its own, its standard streams on /dev/null."""
    # The command line's `main` is given to the server (cli.main imports this module: no cycle).
    start = ("from eq2code.cli.main import served, one_blas_thread; one_blas_thread(); "
             f"from eq2code.cli.server import serve; serve(served, {float(idle)!r})")
    with open(os.devnull, "r+b") as null:
        return os.posix_spawn(sys.executable, [sys.executable, "-c", start], dict(os.environ), setsid=True,
                              file_actions=[(os.POSIX_SPAWN_DUP2, null.fileno(), fd) for fd in (0, 1, 2)])


def _start(idle: float) -> int:
    pid = _spawn(idle)
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        status = _status()
        if status is not None:
            print(f"eq2code server: started — {_describe(status)}")
            return 0
        if os.waitpid(pid, os.WNOHANG)[0]:  # it ended: another one won the name, or it failed
            status = _status()
            if status is not None:
                print(f"eq2code server: already running — {_describe(status)}")
                return 0
            break
        time.sleep(0.05)
    print("eq2code server: it did not start (checks run without it)", file=sys.stderr)
    return 2


def _describe(status: dict) -> str:
    return (f"pid {status['pid']}, {status['served']} checks served, stops after "
            f"{status['idle']:.0f} s without a request (`eq2code server stop` stops it now)")


def _status() -> dict | None:
    return _request({"op": "status"})


def _request(message: dict) -> dict | None:
    sock = client.connect()
    if sock is None:
        return None
    try:
        sock.sendall(json.dumps({**message, **client.identity()}).encode() + b"\n")
        answer = next(client.answers(sock), None)
        return answer if answer is not None and "decline" not in answer else None
    except OSError:
        return None
    finally:
        sock.close()


# ----------------------------------------------------------------------------- the server


def serve(main: Callable[[list[str]], int], idle: float = IDLE_SECONDS) -> None:
    """Run the server in this process until it has been idle for `idle` seconds, is stopped, or
    finds its files changed; each check is `main(argv)` (`cli.main.served`) in a request process.
    Returns at once when another server has the name."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(client.address())
    except OSError:
        return
    import importlib

    for name in WARM_MODULES:
        importlib.import_module(name)
    from eq2code.findings.registry import definitions

    definitions()  # the findings' catalogue, built on first use (the same for every check)
    from eq2code.base.collector import freeze_warm_heap

    freeze_warm_heap()  # also: no request process copies these pages for the collector's sake
    listener.listen(16)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _Server(listener, idle, main).loop()


class _Server:
    def __init__(self, listener: socket.socket, idle: float, main: Callable[[list[str]], int]) -> None:
        self.listener, self.idle, self.main = listener, idle, main
        self.watch = _Watch.of_sources()  # None: no inotify here, each check stats the files instead
        self.fingerprint = _fingerprint() if self.watch is None else None
        self.active: dict[int, socket.socket | None] = {}  # a check's pidfd: its client (None: gone)
        self.served = 0
        self.stopping = False
        self.last = time.monotonic()
        self.started = time.time()
        self.master: Master | None = None  # the master zygote (spawn.Master, D36); None: zygotes spawned one by one

    def loop(self) -> None:
        from eq2code.code.sandbox import spawn

        try:
            self.master = spawn.Master(spawn.child_environment())
        except OSError:
            spawn.start_zygote()
        while not (self.stopping and not self.active):
            timeout = None if self.active else max(0.0, self.idle - (time.monotonic() - self.last))
            clients = [c for c in self.active.values() if c is not None]
            ready = select.select([self.listener.fileno(), *self.active, *(c.fileno() for c in clients)],
                                  [], [], timeout)[0]
            if not ready and not self.active:
                break
            for fd in ready:
                if fd == self.listener.fileno():
                    self.accept()
                elif fd in self.active:
                    self.finished(fd)
                else:  # a client's connection (closed meanwhile when its check ended in this wait)
                    conn = next((c for c in clients if c.fileno() == fd), None)
                    if conn is not None:
                        self.relay(conn)
            _reap()
            if not self.active and not self.stopping and self.master is None:
                spawn.start_zygote()  # the next check's, once no check is running
        self.listener.close()
        if self.master is not None:
            self.master.close()

    def accept(self) -> None:
        conn, _ = self.listener.accept()
        try:
            if client.peer_uid(conn) != os.getuid():
                raise OSError("another user")
            message, fds = _receive(conn)
        except (OSError, ValueError):
            conn.close()
            return
        op = message.get("op")
        if message.get("executable") != sys.executable or message.get("root") != client.identity()["root"]:
            _answer(conn, {"decline": "another eq2code"})
        elif op == "status":
            _answer(conn, {"pid": os.getpid(), "served": self.served, "idle": self.idle,
                           "since": self.started})
        elif op == "stop":
            self.stopping = True
            _answer(conn, {"stopping": True})
        elif op == "check" and len(fds) == 3 and not self.stopping:
            if self.changed():  # eq2code or NumPy was changed under it
                self.stopping = True
                _answer(conn, {"decline": "eq2code changed"})
            else:
                self.last = time.monotonic()  # only a check keeps the server from its idle end
                self.start_check(message, fds, conn)
                return
        else:
            _answer(conn, {"decline": "not understood"})
        for fd in fds:
            os.close(fd)
        conn.close()

    def changed(self) -> bool:
        """Whether eq2code's source files or NumPy's changed since the server started (inotify's
        events when it has them — nothing on a check's way — else the files' sizes and times)."""
        if self.watch is not None:
            return self.watch.changed()
        return _fingerprint() != self.fingerprint

    def start_check(self, message: dict, fds: list[int], conn: socket.socket) -> None:
        from eq2code.code.sandbox import spawn

        spare = self.zygote()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the request process
            self.listener.close()
            for other in self.active.values():
                if other is not None:
                    other.close()
            spawn.adopt(spare)
            _check(message, fds, conn, self.main)
        if spare is not None:  # the request process's now: its pipes are closed here, not it
            spare[1].stdin.close()
            spare[1].stdout.close()
        for fd in fds:
            os.close(fd)
        self.active[os.pidfd_open(pid)] = conn
        self.served += 1

    def zygote(self) -> tuple[dict[str, str], Spawned] | None:
        """The check's zygote, handed to its request process: forked from the master (ready at
        once); where the master is gone, the zygote started ahead (`spawn.start_zygote`), if any."""
        from eq2code.code.sandbox import spawn

        if self.master is not None:
            forked = self.master.fork()
            if forked is not None:
                return self.master.environment, forked
            self.master.close()  # broken: zygotes spawned one by one from now on
            self.master = None
        return spawn.handed_over()

    def relay(self, conn: socket.socket) -> None:
        """A client's Ctrl-C goes to its check; a client gone ends its check."""
        pidfd = next((fd for fd, c in self.active.items() if c is conn), None)
        if pidfd is None:  # its check ended in the same wait: already closed
            return
        try:
            data = conn.recv(4096)
        except OSError:
            data = b""
        try:
            signal.pidfd_send_signal(pidfd, signal.SIGINT if data else signal.SIGTERM)
        except OSError:
            pass
        if not data:  # the client is gone: its check's end is still seen on the pidfd
            conn.close()
            self.active[pidfd] = None

    def finished(self, pidfd: int) -> None:
        conn = self.active.pop(pidfd)
        os.close(pidfd)
        if conn is not None:
            conn.close()
        self.last = time.monotonic()


def _check(message: dict, fds: list[int], conn: socket.socket, main: Callable[[list[str]], int]) -> None:
    """In the request process: become the command the client would have run, run it, answer.
    When it cannot become that command (a working directory gone, a bad request), it declines
    and the client runs the check itself."""
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(message["cwd"])
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in dict(message["env"]).items()})
        os.umask(int(message["umask"]))
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _standard_streams(message.get("streams") or {})
        argv = [str(a) for a in message["argv"]]
        sys.argv = ["eq2code", *argv]
    except BaseException as error:
        _answer(conn, {"decline": f"{type(error).__name__}: {error}"})
        os._exit(0)
    _answer(conn, {"pid": os.getpid()})
    from eq2code.base.collector import tune_collector

    tune_collector()  # a request process is one check, as the command it stands for
    code = 2
    try:
        code = main(argv)  # says itself what went wrong (exit 2, never a traceback); ends as `run` does
    except BaseException:  # a fault past `main`'s own handling: the check did not pass
        code = 2
    try:
        _answer(conn, {"exit": code})
    finally:
        os._exit(0)


def _standard_streams(streams: dict) -> None:
    """sys.stdin/stdout/stderr on the client's descriptors, with the client's encodings."""
    def opened(fd: int, mode: str, name: str):
        encoding, errors = (list(streams.get(name) or []) + [None, None])[:2]
        return open(fd, mode, buffering=1 if mode == "w" and os.isatty(fd) else -1,
                    encoding=encoding, errors=errors, closefd=False)

    sys.stdin = opened(0, "r", "stdin")
    sys.stdout = opened(1, "w", "stdout")
    sys.stderr = opened(2, "w", "stderr")


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    """One JSON line and the descriptors sent with it (SCM_RIGHTS)."""
    conn.settimeout(RECEIVE_SECONDS)
    data, fds = b"", []
    while b"\n" not in data:
        chunk, ancillary, _, _ = conn.recvmsg(65536, socket.CMSG_SPACE(3 * 4))
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds += [int.from_bytes(payload[i:i + 4], sys.byteorder) for i in range(0, len(payload) - 3, 4)]
        if not chunk:
            break
        data += chunk
        if len(data) > 2**22:
            break
    conn.settimeout(None)
    try:
        message = json.loads(data.split(b"\n", 1)[0])
        if not isinstance(message, dict):
            raise ValueError("not an object")
    except ValueError:
        for fd in fds:
            os.close(fd)
        raise
    return message, fds


def _answer(conn: socket.socket, message: dict) -> None:
    try:
        conn.sendall(json.dumps(message).encode() + b"\n")
    except OSError:
        pass


def _fingerprint() -> tuple[str, str]:
    """eq2code's source files (sizes and times) and NumPy's installed version file."""
    from eq2code.equation.cache import code_fingerprint

    numpy_dir = os.path.dirname(sys.modules["numpy"].__file__ or "") if "numpy" in sys.modules else ""
    try:
        st = os.stat(os.path.join(numpy_dir, "version.py"))
        numpy_stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        numpy_stamp = ""
    return code_fingerprint.__wrapped__(), numpy_stamp


class _Watch:
    """inotify (through libc) on the directories of eq2code's and NumPy's files: any change to,
    creation, removal or move of a file there is an event. Read without blocking."""

    # modify, attrib, close-write, moved from/to, create, delete, delete-self, move-self
    MASK = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.seen = False

    @classmethod
    def of_sources(cls) -> _Watch | None:
        import ctypes

        from eq2code.base.version import source_files

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
            if fd < 0:
                return None
            folders = {os.path.dirname(path) for _, path in source_files()}
            if "numpy" in sys.modules and sys.modules["numpy"].__file__:
                folders.add(os.path.dirname(sys.modules["numpy"].__file__))
            for folder in folders:
                if libc.inotify_add_watch(fd, os.fsencode(folder), cls.MASK) < 0:
                    os.close(fd)
                    return None
        except (OSError, AttributeError):
            return None
        return cls(fd)

    def changed(self) -> bool:
        if not self.seen:
            try:
                self.seen = bool(os.read(self.fd, 65536))
            except BlockingIOError:
                pass
            except OSError:
                self.seen = True
        return self.seen


def _reap() -> None:
    """Reap ended children (request processes, handed-over zygotes) without waiting."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return

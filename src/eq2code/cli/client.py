"""The client side of the check server (cli/server.py, decision D30).

`eq2code check …` first asks whether a check server of this very eq2code (same interpreter,
same installation) runs for this user. If one does, the check is handed to it — the arguments,
the working directory, the environment, the umask and this process's own standard streams
(passed as file descriptors, so colours, terminals and pipes behave as they would here) — and
this process only waits for the exit code. Otherwise (`None`) the check runs here, as always.

Only `_socket` (and `json` to talk) is imported: a check without a server pays ~0.5 ms for asking.
The server is found by an abstract Unix socket name: it lives in the network namespace, so a
sandboxed child (a network namespace of its own, code/sandbox/strict.py) cannot reach it, and
both sides check that the other runs as the same user (SO_PEERCRED).
"""

from __future__ import annotations

import os
import sys

from eq2code.code.sandbox.spawn import PACKAGE_ROOT  # os and sys only: the folder holding eq2code

NO_SERVER_VARIABLE = "EQ2CODE_NO_SERVER"  # set (non-empty): never hand a check to a server
TAG_VARIABLE = "EQ2CODE_SERVER_TAG"  # a separate server per value (tests, one per project)
COMMANDS = ("check",)


def command_of(argv: list[str]) -> str | None:
    """The command word of `eq2code ARGV` (the first argument that is no option), else None."""
    return next((a for a in argv if not a.startswith("-")), None)


def address() -> bytes:
    """The abstract socket name of this user's server for this interpreter and this eq2code
    (FNV-1a of their paths: a name, not a secret — the server checks the request's identity)."""
    digest = 0x811C9DC5
    for byte in f"{sys.executable}\0{PACKAGE_ROOT}\0{os.environ.get(TAG_VARIABLE, '')}".encode():
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return b"\0eq2code-server-%d-%08x" % (os.getuid(), digest)


def identity() -> dict[str, str]:
    """What a request says about the eq2code it expects (the server declines another one)."""
    return {"executable": sys.executable, "root": PACKAGE_ROOT}


def connect():
    """A connected socket to this user's server, or None (no server, another user's, not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    import _socket

    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.connect(address())
        if peer_uid(sock) == os.getuid():
            return sock
    except OSError:
        pass
    sock.close()
    return None


def connect_quietly() -> bool:
    """Whether a server answers (the connection is closed again at once)."""
    sock = connect()
    if sock is not None:
        sock.close()
    return sock is not None


def peer_uid(sock) -> int:
    """The user id of the process at the other end (SO_PEERCRED: pid, uid, gid as three ints)."""
    import _socket

    data = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)
    return int.from_bytes(data[4:8], sys.byteorder)


def delegate(argv: list[str]) -> int | None:
    """Hand `eq2code ARGV` to the server and return its exit code; None: run it here."""
    if command_of(argv) not in COMMANDS or os.environ.get(NO_SERVER_VARIABLE):
        return None
    sock = connect()
    if sock is None:
        return None
    try:
        return _ask(sock, argv)
    finally:
        sock.close()


def _ask(sock, argv: list[str]) -> int | None:
    import _socket
    import json

    try:
        umask = os.umask(0o022)
        os.umask(umask)
        request = {"op": "check", "argv": argv, "cwd": os.getcwd(), "env": dict(os.environ),
                   "umask": umask, "streams": _streams(), **identity()}
        fds = (0, 1, 2)
        sock.sendmsg([json.dumps(request).encode() + b"\n"],
                     [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, b"".join(fd.to_bytes(4, sys.byteorder) for fd in fds))])
    except (OSError, ValueError):  # a closed standard stream, a deleted working directory
        return None
    started = False
    for answer in answers(sock):
        if "decline" in answer:  # another eq2code, or the server's own files changed
            return None
        if "pid" in answer:
            started = True
        if "exit" in answer:
            return int(answer["exit"])
    if not started:
        return None
    print("eq2code: error: the check server ended without an answer "
          f"(set {NO_SERVER_VARIABLE}=1 to check without it)", file=sys.stderr)
    return 2


def answers(sock):
    """The server's JSON lines; Ctrl-C here is passed on to the check (it stops as it would)."""
    import json

    buffer = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except KeyboardInterrupt:
            try:
                sock.sendall(b'{"op": "interrupt"}\n')
            except OSError:
                return
            continue
        except OSError:
            return
        if not chunk:
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            try:
                answer = json.loads(line)
            except ValueError:
                return
            if isinstance(answer, dict):
                yield answer


def _streams() -> dict[str, list[str | None]]:
    """The encoding and error handler of this process's stdout and stderr (the server's may differ)."""
    return {name: [getattr(stream, "encoding", None), getattr(stream, "errors", None)]
            for name, stream in (("stdout", sys.stdout), ("stderr", sys.stderr))}

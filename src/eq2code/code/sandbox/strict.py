"""The strict sandbox's three forks (Linux; run inside the zygote, see zygote.py).

`first` (outer PID namespace) creates the namespaces and the mounts, `_init` is PID 1 of the
new PID namespace, `_worker` drops every privilege and runs child.py's code on the run's
request. Each step that the kernel refuses is reported to the zygote as a setup error with
the call that failed, never silently skipped: strict means strict.
"""

from __future__ import annotations

import json
import os
import signal
import sys

from eq2code.code.sandbox import linux

SCRATCH_MIN_BYTES = 64 * 2**20


def _report(fd: int, message: dict) -> None:
    data = json.dumps(message).encode()
    try:
        while data:
            data = data[os.write(fd, data):]
    except OSError:
        pass


def _descriptors(base: str) -> None:
    """stdin /dev/null, stdout/stderr the run's files; nothing of the zygote's kept."""
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, name in ((1, "stdout"), (2, "stderr")):
        out = os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, fd)
        os.close(out)
    os.close(null)


def first(message: dict, status_w: int, zygote_pid: int, go_r: int = -1) -> None:
    """The first fork: namespaces and mounts, then PID 1. Never returns. `go_r`: an armed
    sandbox (zygote.py) — the worker waits for one byte on it before it reads the request."""
    code = 3
    try:
        os.setpgid(0, 0)  # a group of its own: `killpg` of the language server reaches it
        linux.die_with_parent()
        if os.getppid() != zygote_pid:
            os._exit(1)
        _close_all_but(status_w, go_r)
        _descriptors(message["base"])
        isolate(message)
        alive_r, alive_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(alive_w)
            _init(message, status_w, alive_r, go_r)
        os.close(alive_r)
        os.close(status_w)
        if go_r >= 0:
            os.close(go_r)
        os.waitpid(pid, 0)
        code = 0
    except BaseException as error:
        _report(status_w, {"error": f"{type(error).__name__}: {error}"})
    os._exit(code)


def _close_all_but(*kept: int) -> None:
    """Close every descriptor from 3 up but those in `kept` (negative: none)."""
    low = 3
    for fd in sorted(k for k in kept if k >= 3):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, _max_fd())


def _max_fd() -> int:
    try:
        return max(int(name) for name in os.listdir("/proc/self/fd")) + 1
    except (OSError, ValueError):
        return 1024


def isolate(message: dict) -> None:
    """New user, PID, network, mount and IPC namespaces; the file system read-only but for
    the run's directory; a fresh tmpfs as scratch (gone with the namespace)."""
    uid, gid = os.getuid(), os.getgid()
    linux.set_dumpable(True)  # a non-root user may write its own id maps only while dumpable
    linux.unshare(linux.SANDBOX_NAMESPACES)
    linux.write_id_maps(uid, gid)
    linux.set_dumpable(False)
    base, scratch = message["base"], message["scratch"]
    linux.mount(None, "/", None, linux.MS_REC | linux.MS_PRIVATE)
    linux.mount(base, base, None, linux.MS_BIND | linux.MS_REC)
    size = max(SCRATCH_MIN_BYTES, int(message.get("scratch_bytes") or 0))
    linux.mount("tmpfs", scratch, "tmpfs", linux.MS_NOSUID | linux.MS_NODEV,
                f"size={size},mode=0700")
    linux.set_read_only("/", True)
    linux.set_read_only(base, False)


def _init(message: dict, status_w: int, alive_r: int, go_r: int = -1) -> None:
    """PID 1 of the namespace: a new /proc, then the worker; reaps until the worker ends and
    reports its wait status. Its own end ends every process of the namespace."""
    code = 3
    try:
        linux.die_with_parent()
        os.set_blocking(alive_r, False)
        try:
            if os.read(alive_r, 1) == b"":  # the first fork is already gone
                os._exit(1)
        except BlockingIOError:
            pass
        os.close(alive_r)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # PID 1 ignores what it does not handle
        linux.mount("proc", "/proc", "proc", linux.MS_NOSUID | linux.MS_NODEV | linux.MS_NOEXEC)
        worker = os.fork()
        if worker == 0:
            os.close(status_w)
            _worker(message, go_r)
        if go_r >= 0:
            os.close(go_r)
        while True:
            pid, raw = os.wait()
            if pid == worker:
                _report(status_w, {"status": raw})
                code = 0
                break
    except BaseException as error:
        _report(status_w, {"error": f"{type(error).__name__}: {error}"})
    os._exit(code)


def _worker(message: dict, go_r: int = -1) -> None:
    """The user's process: no privileges, confined, then child.py. Never returns. Armed
    (`go_r`): confined first, then it waits for the zygote's go — the request is written by
    then — or exits when the zygote drops it (the pipe ends without a byte)."""
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.chdir(message["scratch"])
        os.environ.clear()
        os.environ.update(message["env"])
        linux.drop_capabilities()
        linux.install_seccomp()
    except BaseException as error:
        os.write(2, f"eq2code sandbox: {type(error).__name__}: {error}\n".encode())
        os._exit(3)  # no progress file: the checker reports a sandbox fault
    if go_r >= 0:
        try:
            go = os.read(go_r, 1)
            os.close(go_r)
        except OSError:
            go = b""
        if go != b"g":
            os._exit(3)
    from eq2code.code.sandbox import child

    sys.argv = [str(child.__file__), message["request_dir"]]
    child.main(message["request_dir"], forked=True)
    os._exit(1)


def relay(report: bytes, raw_first: int) -> dict:
    """The zygote's answer for a finished run: the worker's return code as Popen gives it."""
    try:
        data = json.loads(report.decode()) if report else {}
    except ValueError:
        data = {}
    if "error" in data:
        return {"exited": -1, "error": str(data["error"])[:2000]}
    if "status" in data:
        return {"exited": os.waitstatus_to_exitcode(int(data["status"]))}
    # killed before the worker's status was known (the deadline): as the first fork ended
    return {"exited": os.waitstatus_to_exitcode(raw_first) if raw_first else -9}


# ----------------------------------------------------------------------------- probing


def probe() -> dict:
    """What this machine gives, tried for real in a forked throw-away sandbox:
    {"available": bool, "error": text, "steps": [...]}."""
    if not sys.platform.startswith("linux"):
        return {"available": False, "error": "not Linux"}
    if not linux.seccomp_supported():
        return {"available": False, "error": f"no seccomp filter for {linux.MACHINE}"}
    import tempfile  # only for the probe: the zygote's start-up does not pay for it

    base = tempfile.mkdtemp(prefix=f"eq2code-{os.getpid()}-probe-")
    try:
        scratch = os.path.join(base, "scratch")
        os.mkdir(scratch)
        status_r, status_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - in the child
            os.close(status_r)
            _probe_first({"base": base, "scratch": scratch}, status_w, os.getppid())
        os.close(status_w)
        chunks = []
        while chunk := os.read(status_r, 65536):
            chunks.append(chunk)
        os.close(status_r)
        os.waitpid(pid, 0)
        answer = relay(b"".join(chunks), 0)
        if answer.get("error"):
            return {"available": False, "error": answer["error"]}
        if answer["exited"] != 0:
            return {"available": False, "error": f"the probe ended with {answer['exited']}"}
        return {"available": True, "error": ""}
    finally:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


def _probe_first(message: dict, status_w: int, zygote_pid: int) -> None:
    code = 3
    try:
        linux.die_with_parent()
        os.closerange(3, status_w)
        isolate(message)
        pid = os.fork()
        if pid == 0:
            try:
                linux.mount("proc", "/proc", "proc", linux.MS_NOSUID | linux.MS_NODEV | linux.MS_NOEXEC)
                inner = os.fork()
                if inner == 0:
                    linux.drop_capabilities()
                    linux.install_seccomp()
                    os._exit(0 if _denied() else 4)
                _, raw = os.waitpid(inner, 0)
                _report(status_w, {"status": raw})
                os._exit(0)
            except BaseException as error:
                _report(status_w, {"error": f"{type(error).__name__}: {error}"})
                os._exit(3)
        os.waitpid(pid, 0)
        code = 0
    except BaseException as error:
        _report(status_w, {"error": f"{type(error).__name__}: {error}"})
    os._exit(code)


def _denied() -> bool:
    """The filter is in force: unshare fails with EPERM."""
    try:
        linux.unshare(linux.CLONE_NEWUTS)
    except OSError:
        return True
    return False

"""The strict sandbox's two processes (Linux; run inside the zygote, see zygote.py).

`init`, cloned by the zygote straight into new namespaces (`linux.fork_into`), is PID 1 of
the new PID namespace: it forks `_worker` and reaps. `_worker` maps the ids, makes the mounts
and a new /proc, drops every privilege and runs child.py's code on the run's request. Each
step that the kernel refuses is reported to the zygote as a setup error with the call that
failed, never silently skipped: strict means strict.
"""

from __future__ import annotations

import json
import os
import select
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


def init(message: dict, ids: tuple[int, int], status_w: int, alive_r: int, go_r: int,
         streams: tuple[int, ...]) -> None:
    """PID 1 of the run's namespaces, cloned into them by the zygote (`linux.fork_into`): forks
    the worker, reaps until the worker ends and reports its wait status; its own end ends
    every process of the namespace. As little as possible happens here (every page it writes
    is a copy), the worker sets the namespaces up. Never returns. `ids`: the zygote's user
    and group ids, for the worker to map. `alive_r`: ends (EOF) only when the zygote is gone.
    `go_r`: an armed sandbox (zygote.py) — the worker waits for one byte on it before it reads
    the request. `streams`: stdin, stdout and stderr of the run, opened by the zygote."""
    code = 3
    try:
        os.setpgid(0, 0)  # a group of its own: `killpg` of the language server reaches it
        linux.die_with_parent()
        for fd, stream in enumerate(streams):
            os.dup2(stream, fd)
        _close_all_but(status_w, go_r, alive_r)
        if select.select([alive_r], [], [], 0)[0]:  # end of file: the zygote is already gone
            os._exit(1)
        os.close(alive_r)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # PID 1 ignores what it does not handle
        worker = os.fork()
        if worker == 0:
            _worker(message, ids, status_w, go_r)
        if go_r >= 0:
            os.close(go_r)
        while True:
            pid, raw = os.wait()
            if pid == worker:
                os.write(status_w, b'{"status": %d}' % raw)
                code = 0
                break
    except BaseException as error:
        _report(status_w, {"error": f"{type(error).__name__}: {error}"})
    os._exit(code)


def _close_all_but(*kept: int) -> None:
    """Close every descriptor from 3 up but those in `kept` (negative: none)."""
    low = 3
    for fd in sorted(kept):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, os.sysconf("SC_OPEN_MAX"))  # close_range(2): one call


def enter(message: dict, ids: tuple[int, int]) -> None:
    """In the run's new namespaces (`linux.fork_into`): the zygote's
    ids mapped; the file system read-only but for the run's directory; a fresh tmpfs as
    scratch (gone with the namespace)."""
    linux.set_dumpable(True)  # a non-root user may write its own id maps only while dumpable
    linux.write_id_maps(*ids)
    linux.set_dumpable(False)
    base, scratch = message["base"], message["scratch"]
    linux.mount(None, "/", None, linux.MS_REC | linux.MS_PRIVATE)
    linux.mount(base, base, None, linux.MS_BIND | linux.MS_REC)
    size = max(SCRATCH_MIN_BYTES, int(message.get("scratch_bytes") or 0))
    linux.mount("tmpfs", scratch, "tmpfs", linux.MS_NOSUID | linux.MS_NODEV,
                f"size={size},mode=0700")
    linux.set_read_only("/", True)
    linux.set_read_only(base, False)


def refused(status_w: int, error: BaseException) -> None:
    """The run could not be cloned into new namespaces (the kernel refused, or its streams
    could not be opened): say so as a setup error."""
    _report(status_w, {"error": f"{type(error).__name__}: {error}"})
    os._exit(3)


def _worker(message: dict, ids: tuple[int, int], status_w: int, go_r: int = -1) -> None:
    """The user's process: the namespaces set up (ids, mounts, /proc; a failure goes to the
    zygote on `status_w`, closed before anything else), no privileges, confined, then
    child.py. Never returns. Armed (`go_r`): confined first, then it waits for the zygote's
    go — the request is written by then — or exits when the zygote drops it (the pipe ends
    without a byte)."""
    try:
        enter(message, ids)
        linux.mount("proc", "/proc", "proc", linux.MS_NOSUID | linux.MS_NODEV | linux.MS_NOEXEC)
    except BaseException as error:
        _report(status_w, {"error": f"{type(error).__name__}: {error}"})
        os._exit(3)
    os.close(status_w)
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


def relay(report: bytes, raw_init: int) -> dict:
    """The zygote's answer for a finished run: the worker's return code as Popen gives it."""
    try:  # the first report: a worker whose set-up failed says so before init reports its end
        data = json.JSONDecoder().raw_decode(report.decode())[0] if report else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    if "error" in data:
        return {"exited": -1, "error": str(data["error"])[:2000]}
    if "status" in data:
        return {"exited": os.waitstatus_to_exitcode(int(data["status"]))}
    # killed before the worker's status was known (the deadline): as init ended
    return {"exited": os.waitstatus_to_exitcode(raw_init) if raw_init else -9}


# ----------------------------------------------------------------------------- probing


def probe() -> dict:
    """What this machine gives, tried for real in a throw-away sandbox cloned as a run's is:
    {"available": bool, "error": text}."""
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
        ids = os.getuid(), os.getgid()
        try:
            pid = linux.fork_into(linux.SANDBOX_NAMESPACES)
        except OSError as error:
            os.close(status_r)
            os.close(status_w)
            return {"available": False, "error": f"{type(error).__name__}: {error}"}
        if pid == 0:  # pragma: no cover - in the child
            os.close(status_r)
            _probe_init({"base": base, "scratch": scratch}, ids, status_w)
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


def _probe_init(message: dict, ids: tuple[int, int], status_w: int) -> None:
    code = 3
    try:
        linux.die_with_parent()
        _close_all_but(status_w)
        enter(message, ids)
        linux.mount("proc", "/proc", "proc", linux.MS_NOSUID | linux.MS_NODEV | linux.MS_NOEXEC)
        inner = os.fork()
        if inner == 0:
            linux.drop_capabilities()
            linux.install_seccomp()
            os._exit(0 if _denied() else 4)
        _, raw = os.waitpid(inner, 0)
        _report(status_w, {"status": raw})
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

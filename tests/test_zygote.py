"""The strict sandbox's process tree (zygote.py, strict.py, linux.fork_into): the zygote clones
each run's init straight into its new namespaces, init forks the worker, which sets the
namespaces up and runs the user's code as PID 2; a set-up the kernel refuses is reported,
never skipped."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sandbox_helpers import needs_strict

from eq2code.code.sandbox import linux, spawn, strict, zygote

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux namespaces")

EQUATION = r"""\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}

\mathbf{z} \in \mathbb{R}^{K}
"""


def _check(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    (tmp_path / "softmax.tex").write_text(EQUATION, encoding="utf-8")
    impl = tmp_path / "impl.py"
    impl.write_text("import os, signal\nimport numpy as np\n\n" + textwrap.dedent(body), encoding="utf-8")
    env = dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache"), EQ2CODE_NO_SERVER="1")
    return subprocess.run([sys.executable, "-m", "eq2code.cli.main", "check", str(tmp_path / "softmax.tex"),
                           str(impl), "--format", "json", "--timeout", "20"],
                          env=env, capture_output=True, text=True, timeout=120)


def _verdicts(result: subprocess.CompletedProcess) -> list[str]:
    return [check["verdict"] for check in json.loads(result.stdout)["checks"]]


@needs_strict("the process tree is the strict sandbox's")
def test_the_users_code_runs_as_pid_2_under_an_init_it_cannot_signal(tmp_path):
    # PID 1 is init (not the user's code); only the namespace's processes are in /proc; init
    # ignores the worker's signals (no handler), so the run goes on and ends as the worker's.
    result = _check(tmp_path, """
        def softmax(z):
            pids = sorted(int(name) for name in os.listdir("/proc") if name.isdigit())
            if os.getpid() != 2 or os.getppid() != 1 or pids != [1, 2]:
                return np.zeros_like(z)
            for number in (signal.SIGTERM, signal.SIGKILL, signal.SIGINT):
                os.kill(1, number)
            e = np.exp(z - np.max(z, axis=-1, keepdims=True))
            return e / np.sum(e, axis=-1, keepdims=True)
        """)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert _verdicts(result) == ["pass"]


@needs_strict("the process tree is the strict sandbox's")
@pytest.mark.parametrize("how, words", [("os.kill(os.getpid(), signal.SIGTERM)", "SIGTERM"),
                                        ("os.abort()", "SIGABRT"),
                                        ("__import__('ctypes').string_at(0)", "SIGSEGV")])
def test_a_worker_that_signals_itself_ends_by_that_signal(tmp_path, how, words):
    # The worker is not PID 1 of its namespace: a signal it sends itself ends it, as anywhere.
    result = _check(tmp_path, f"""
        def softmax(z):
            {how}
            e = np.exp(z - np.max(z, axis=-1, keepdims=True))
            return e / np.sum(e, axis=-1, keepdims=True)
        """)
    assert result.returncode == 1
    assert _verdicts(result) == ["fail"]
    assert words in result.stdout


@needs_strict("the zygote's set-up is the strict sandbox's")
def test_a_set_up_the_kernel_refuses_is_reported_not_run(tmp_path):
    base = tmp_path / "eq2code-run"
    (base / "request").mkdir(parents=True)
    handle = zygote.Zygote(spawn.child_environment())
    try:
        with pytest.raises(zygote.ZygoteError, match=r"could not be set up: .*mount"):
            handle.run({"base": str(base), "request_dir": str(base / "request"),
                        "scratch": str(base / "no-such-scratch"), "env": {}}, timeout=20)
    finally:
        handle.close()


def test_a_process_with_threads_is_not_cloned():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with pytest.raises(OSError) as raised:
            linux.fork_into(linux.SANDBOX_NAMESPACES)
        assert raised.value.errno == errno.EAGAIN
    finally:
        stop.set()
        thread.join()


def test_the_first_report_counts():
    # a worker whose set-up failed reports it; init then reports the worker's end
    assert strict.relay(b'{"error": "OSError: mount"}{"status": 768}', 0) == {"exited": -1, "error": "OSError: mount"}
    assert strict.relay(b'{"status": 256}', 0) == {"exited": 1}
    assert strict.relay(b"", 9) == {"exited": -9}
    assert strict.relay(b"[1]", 0)["exited"] == -9


@pytest.mark.parametrize("name, other, same", [("PATH", "/nowhere:/usr/bin:/bin", True),
                                               ("LANG", "ja_JP.UTF-8", False)])
def test_a_zygote_started_ahead_is_taken_unless_what_it_read_at_its_start_differs(monkeypatch, name, other, same):
    """A check server started from one shell serves a check from another: PATH may differ (each
    run gets the check's own from its request), the locale may not (read once, at the start)."""
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(spawn, "_started", None)
    spawn.start_zygote()
    assert spawn._started is not None
    started = spawn._started[1]
    monkeypatch.setenv(name, other)
    taken = spawn.zygote_process(spawn.child_environment())
    try:
        assert (taken is started) is same
    finally:
        for process in {id(started): started, id(taken): taken}.values():
            process.kill()
            process.wait()


def _parent(pid: int) -> int:
    with open(f"/proc/{pid}/stat", "rb") as stat:
        return int(stat.read().rsplit(b")", 1)[1].split()[1])


@needs_strict("the master zygote is the check server's, which runs strict checks")
def test_zygotes_forked_from_the_master_are_ready_and_run_strict_sandboxes():
    """D36: each fork is a zygote of its own — the master's child, on its own pipes, ready at
    once — that clones a run into new namespaces as a spawned zygote does (the probe)."""
    master = spawn.Master(spawn.child_environment())
    try:
        for _ in range(2):
            forked = master.fork()
            assert forked is not None and _parent(forked.pid) == master.pid
            handle = zygote.Zygote.__new__(zygote.Zygote)
            handle.process, handle._buffer, handle.hello, handle.broken, handle.armed = forked, b"", None, False, None
            assert handle.ready() == {"ready": True}
            assert handle.probe() == {"available": True, "error": ""}
            handle.close()
            assert forked.wait(10)  # its checker gone, the forked zygote ends (and the master reaps it)
    finally:
        master.close()
    os.waitpid(master.pid, 0)

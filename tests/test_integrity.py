"""Issue 15: attacks on the checker's integrity, through the real command line.

Each case is a function that attacks the checker (its memory, its stdout, its environment,
its network namespace, the files around it, the end of the check) and then returns the right
softmax only if every attack failed — so a pass (exit 0) means the checker held. The attacks
need the strict sandbox (Linux namespaces + seccomp); under the basic backend (forced with
EQ2CODE_SANDBOX=basic, as on macOS and Windows) they are skipped with the reason, except
where the basic backend holds too.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from sandbox_helpers import backend, marked, needs_strict, survivors

from eq2code.code.sandbox.rundirs import run_base

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the attacks use /proc")

EQUATION = r"""\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}

\mathbf{z} \in \mathbb{R}^{K}
"""
CORRECT = """
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
"""
# the checker's pid, written by the test right after it starts the checker
CHECKER_PID = """
import ctypes, os, signal, sys, time
import numpy as np

def checker_pid():
    for _ in range(200):
        try:
            return int(open(PID_FILE).read())
        except (OSError, ValueError):
            time.sleep(0.05)
    raise RuntimeError("no checker pid")
"""


def _check(tmp_path: Path, body: str, *extra: str, env: dict | None = None,
           marker: str = "") -> subprocess.CompletedProcess:
    equation = tmp_path / "softmax.tex"
    equation.write_text(EQUATION, encoding="utf-8")
    pid_file = tmp_path / "checker.pid"
    impl = tmp_path / "impl.py"
    impl.write_text(f"PID_FILE = {str(pid_file)!r}\nMARKER = {marker!r}\n" + CHECKER_PID
                    + textwrap.dedent(body) + textwrap.indent(textwrap.dedent(CORRECT), "    "),
                    encoding="utf-8")
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    full_env = dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache"), **(env or {}))
    process = subprocess.Popen([sys.executable, "-m", "eq2code.cli.main", "check", str(equation), str(impl),
                                "--format", "json", "--timeout", "20", *extra],
                               cwd=cwd, env=full_env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pid_file.write_text(str(process.pid))
    try:
        out, err = process.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _verdicts(result: subprocess.CompletedProcess) -> list[str]:
    document = json.loads(result.stdout)  # exactly one JSON document
    return [check["verdict"] for check in document["checks"]]


@needs_strict("root may open a non-dumpable process's /proc files without namespaces")
def test_the_checkers_memory_stdout_and_signals_are_out_of_reach(tmp_path):
    result = _check(tmp_path, """
        def softmax(z):
            pid = checker_pid()
            reached = []
            for path, mode in ((f"/proc/{pid}/mem", "r+b"), (f"/proc/{pid}/fd/1", "w"),
                               (f"/proc/{pid}/environ", "rb"), (f"/proc/{os.getppid()}/mem", "r+b")):
                try:
                    open(path, mode).close()
                    reached.append(path)
                except OSError:
                    pass
            try:
                os.kill(pid, signal.SIGCONT)  # harmless, but a signal all the same
                reached.append("signal")
            except OSError:
                pass
            if reached:
                return np.zeros_like(z)
        """)
    assert result.returncode == 0, result.stdout[-3000:]
    assert _verdicts(result) == ["pass"]


@needs_strict("the checker's stdout is open to the same user without a PID namespace")
def test_a_forged_report_on_the_checkers_stdout_never_shows(tmp_path):
    result = _check(tmp_path, """
        def softmax(z):
            pid = checker_pid()
            for target in (pid, os.getppid()):
                try:
                    with open(f"/proc/{target}/fd/1", "w") as stream:
                        stream.write("FORGED All checks passed.\\n")
                except OSError:
                    pass
                try:
                    os.kill(target, signal.SIGKILL)
                except OSError:
                    pass
            return np.zeros_like(z)
        """)
    assert "FORGED" not in result.stdout
    assert result.returncode == 1
    assert _verdicts(result) == ["fail"]


@needs_strict("without a PID namespace, a process that leaves the group and drops the token survives")
def test_double_forked_setsid_reexeced_uid_changed_processes_end_with_the_check(tmp_path):
    marker = f"eq2code-survivor-{uuid.uuid4().hex}"
    result = _check(tmp_path, """
        def softmax(z):
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    try:
                        os.setgid(65534)
                        os.setuid(65534)
                    except OSError:
                        pass
                    os.execve(sys.executable, [sys.executable, "-c", "import time; time.sleep(60)", MARKER], {})
                os._exit(0)
            time.sleep(0.5)
        """, marker=marker)
    assert result.returncode == 0, result.stdout[-3000:]
    assert survivors(marker) == []


@needs_strict("setns needs the namespaces and the seccomp filter")
def test_the_function_cannot_join_the_checkers_network(tmp_path):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    try:
        result = _check(tmp_path, f"""
            import socket

            def softmax(z):
                libc = ctypes.CDLL(None, use_errno=True)
                for target in (checker_pid(), os.getppid(), 1):
                    try:
                        fd = os.open(f"/proc/{{target}}/ns/net", os.O_RDONLY)
                        libc.setns(fd, 0x40000000)
                    except OSError:
                        pass
                try:
                    socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
                    return np.zeros_like(z)  # reached the host's loopback
                except OSError:
                    pass
            """)
    finally:
        server.close()
    assert result.returncode == 0, result.stdout[-3000:]


@needs_strict("the basic backend leaves the file system writable")
def test_files_outside_scratch_are_read_only(tmp_path):
    home = Path(os.path.expanduser("~"))
    home_file = home / f"eq2code-test-{uuid.uuid4().hex}"
    precious = tmp_path / "precious.py"
    precious.write_text("keep me\n")
    result = _check(tmp_path, f"""
        def softmax(z):
            wrote = []
            for path in ({str(tmp_path / 'written')!r}, {str(home_file)!r}, "/tmp/eq2code-test-written"):
                try:
                    open(path, "w").write("x")
                    wrote.append(path)
                except OSError:
                    pass
            try:
                os.remove({str(precious)!r})
                wrote.append("removed")
            except OSError:
                pass
            open("scratch-file", "w").write("the working directory is writable")
            if wrote:
                return np.zeros_like(z)
        """)
    try:
        assert result.returncode == 0, result.stdout[-3000:]
        assert not (tmp_path / "written").exists() and not home_file.exists()
        assert precious.read_text() == "keep me\n"
    finally:
        home_file.unlink(missing_ok=True)


def test_environment_secrets_never_reach_the_report(tmp_path):
    if backend() == "basic" and os.geteuid() == 0:
        pytest.skip("root reads any process's environment without a user namespace (basic backend)")
    secret = f"hunter2-{uuid.uuid4().hex}"
    result = _check(tmp_path, """
        def softmax(z):
            seen = [repr(dict(os.environ))]
            for entry in os.listdir("/proc"):
                try:
                    seen.append(open(f"/proc/{entry}/environ", "rb").read().decode(errors="replace"))
                except OSError:
                    pass
            raise ValueError(" ".join(seen)[-1500:] + str([s for s in seen if "hunter2" in s])[:400])
        """, env={"EQ2CODE_TEST_SECRET": secret})
    assert result.returncode == 1
    assert secret not in result.stdout and secret not in result.stderr


def test_run_directories_go_when_the_checker_is_killed(tmp_path):
    marker = f"eq2code-killed-{uuid.uuid4().hex}"
    equation = tmp_path / "softmax.tex"
    equation.write_text(EQUATION, encoding="utf-8")
    impl = tmp_path / "impl.py"
    impl.write_text(textwrap.dedent(f"""
        import subprocess, sys, time

        def softmax(z):
            subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", {marker!r}])
            time.sleep(60)
        """), encoding="utf-8")
    env = dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "eq2code.cli.main", "check", str(equation), str(impl), "--timeout", "50"]
    checker = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not marked(marker) and time.monotonic() < deadline and checker.poll() is None:
        time.sleep(0.05)
    assert marked(marker), "the function never started"
    runs = list(Path(run_base()).glob(f"eq2code-{checker.pid}-*"))
    assert runs
    checker.send_signal(signal.SIGKILL)
    checker.wait()
    if backend() == "strict":  # the zygote sees its pipe end: the run's namespace and directory go
        assert survivors(marker, seconds=10) == []
        deadline = time.monotonic() + 10
        while any(p.exists() for p in runs) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(p.exists() for p in runs)
    else:  # basic: the next eq2code removes directories of dead checkers
        for pid in marked(marker):
            os.kill(pid, signal.SIGKILL)
        subprocess.run([sys.executable, "-m", "eq2code.cli.main", "doctor"], env=env, cwd=tmp_path,
                       capture_output=True, timeout=120)
        assert not any(p.exists() for p in runs)


def test_strict_fails_clearly_where_it_cannot_be_had_and_doctor_says_what_there_is(tmp_path):
    env = dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache"))
    doctor = subprocess.run([sys.executable, "-m", "eq2code.cli.main", "doctor", "--format", "json"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert doctor.returncode == 0, doctor.stderr
    rows = {row["what"]: row for row in json.loads(doctor.stdout)["sandbox"]}
    assert "namespaces (user, PID, network, mount, IPC)" in rows and "resource limits" in rows
    if rows["namespaces (user, PID, network, mount, IPC)"]["status"] == "yes":
        pytest.skip("this machine gives the strict sandbox")
    equation = tmp_path / "softmax.tex"
    equation.write_text(EQUATION, encoding="utf-8")
    impl = tmp_path / "impl.py"
    impl.write_text("import numpy as np\ndef softmax(z):\n" + textwrap.indent(textwrap.dedent(CORRECT), "    "))
    strict = subprocess.run([sys.executable, "-m", "eq2code.cli.main", "check", str(equation), str(impl),
                             "--sandbox", "strict"], capture_output=True, text=True, env=env, timeout=120)
    assert strict.returncode == 2 and "strict sandbox is not available" in strict.stderr


def test_strict_required_where_it_is_missing_is_a_usage_error(tmp_path, monkeypatch, run_cli):
    from eq2code.code.sandbox import platform

    monkeypatch.setattr(platform, "_strict", {"available": False, "error": "user namespaces are off"})
    monkeypatch.setattr(platform, "_configured", None)
    equation = tmp_path / "softmax.tex"
    equation.write_text(EQUATION, encoding="utf-8")
    impl = tmp_path / "impl.py"
    impl.write_text("import numpy as np\ndef softmax(z):\n" + textwrap.indent(textwrap.dedent(CORRECT), "    "))
    code, out, err = run_cli("check", equation, impl, "--sandbox", "strict")
    assert code == 2 and "strict sandbox is not available" in err and "user namespaces are off" in err
    code, out, err = run_cli("doctor")
    assert code == 0 and "user namespaces are off" in out
    monkeypatch.setattr(platform, "_notices", [])
    code, out, err = run_cli("check", equation, impl, "--sandbox", "auto", "--format", "json")
    assert code == 0 and json.loads(out)["checks"][0]["verdict"] == "pass"
    assert any("strict sandbox is not available" in n for n in platform.notices())
    platform.configure(None)

"""The check server (cli/server.py, cli/client.py, decision D30): a check it serves says and
exits exactly what the same check says alone; it serves only this eq2code; a sandboxed
submission cannot reach it; it stops when told or idle."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sandbox_helpers import needs_strict

ROOT = Path(__file__).resolve().parent.parent
SOFTMAX = ROOT / "examples" / "softmax"

pytestmark = [pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check server is Linux's"),
              needs_strict("the server's checks run in the strict sandbox")]


@pytest.fixture
def server_env(tmp_path):
    """The environment of a test's own server: its own tag (address) and cache; stopped after."""
    env = {k: v for k, v in os.environ.items() if k != "EQ2CODE_NO_SERVER"}
    env |= {"EQ2CODE_SERVER_TAG": f"test-{os.getpid()}-{tmp_path.name}",
            "EQ2CODE_CACHE_DIR": str(tmp_path / "cache")}
    yield env
    eq2code("server", "stop", env=env)


def eq2code(*args: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eq2code", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def status(env: dict[str, str]) -> dict | None:
    from eq2code.cli import server

    saved = dict(os.environ)
    os.environ.update(env)
    try:
        return server._status()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def started(env: dict[str, str], idle: float = 120.0) -> dict:
    out = eq2code("server", "start", "--idle", str(idle), env=env)
    assert out.returncode == 0, out.stderr
    assert "started" in out.stdout
    found = status(env)
    assert found is not None
    return found


def test_a_served_check_says_and_exits_what_the_check_says_alone(server_env, tmp_path):
    alone = {**server_env, "EQ2CODE_NO_SERVER": "1"}
    for impl in ("correct_stable_max.py", "wrong_sum_of_z.py"):
        (tmp_path / impl).write_text((SOFTMAX / impl).read_text(encoding="utf-8"), encoding="utf-8")
    expected = {impl: eq2code("check", "--rule", "softmax", impl, env=alone, cwd=tmp_path)
                for impl in ("correct_stable_max.py", "wrong_sum_of_z.py")}
    started(server_env)
    for impl, code in (("correct_stable_max.py", 0), ("wrong_sum_of_z.py", 1)):
        served = eq2code("check", "--rule", "softmax", impl, env=server_env, cwd=tmp_path)  # a relative path: its cwd
        assert served.returncode == expected[impl].returncode == code
        assert served.stdout == expected[impl].stdout
    assert status(server_env)["served"] == 2
    as_json = eq2code("check", "--rule", "softmax", "wrong_sum_of_z.py", "--format", "json",
                      env=server_env, cwd=tmp_path)
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["summary"]["errors"] >= 1


def test_the_server_serves_only_its_own_eq2code(server_env):
    from eq2code.cli import client

    started(server_env)
    saved = dict(os.environ)
    os.environ.update(server_env)
    try:
        sock = client.connect()
        assert sock is not None
        other = {"op": "status", "executable": "/elsewhere/python", "root": client.identity()["root"]}
        sock.sendall(json.dumps(other).encode() + b"\n")
        assert b"decline" in sock.recv(4096)
        sock.close()
    finally:
        os.environ.clear()
        os.environ.update(saved)


REACH_SERVER = '''import socket
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    try:  # the check server's abstract socket, as a hostile submission would look for it
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect({address!r})
        s.sendall(b'{{"op": "stop"}}\\n')
        return e  # reached: a wrong answer, so that the check fails
    except OSError:
        return e / np.sum(e)
'''


def test_a_sandboxed_submission_cannot_reach_the_server(server_env, tmp_path):
    from eq2code.cli import client

    saved = dict(os.environ)
    os.environ.update(server_env)
    try:
        address = client.address()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    started(server_env)
    impl = tmp_path / "hostile.py"
    impl.write_text(REACH_SERVER.format(address=address), encoding="utf-8")
    out = eq2code("check", "--rule", "softmax", str(impl), env=server_env)
    assert out.returncode == 0, out.stdout + out.stderr  # the connection failed in the sandbox
    assert status(server_env) is not None  # and nobody stopped the server
    # Outside the sandbox the same code reaches it (so the test above could fail): it stops it.
    call = "import numpy, hostile; print(hostile.softmax(numpy.zeros(2)).sum())"
    direct = subprocess.run([sys.executable, "-c", call], cwd=tmp_path, env=server_env,
                            capture_output=True, text=True, timeout=60)
    assert direct.stdout.strip() == "2.0", direct.stderr


def test_stop_and_idle_end_the_server(server_env):
    first = started(server_env)
    out = eq2code("server", "stop", env=server_env)
    assert out.returncode == 0 and f"pid {first['pid']}" in out.stdout
    deadline = time.monotonic() + 10
    while status(server_env) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert status(server_env) is None
    assert eq2code("server", "status", env=server_env).returncode == 1
    started(server_env, idle=0.5)
    deadline = time.monotonic() + 15
    while status(server_env) is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status(server_env) is None  # idle for longer than --idle: gone


def test_without_a_server_the_check_runs_alone(server_env, tmp_path):
    out = eq2code("check", "--rule", "softmax", str(SOFTMAX / "correct_stable_max.py"), env=server_env)
    assert out.returncode == 0 and "All checks passed." in out.stdout
    assert status(server_env) is None  # nothing was started behind the user's back


def test_a_check_at_a_terminal_starts_a_server_for_the_next_ones_and_says_so(server_env):
    import pty

    primary, secondary = pty.openpty()
    try:
        out = subprocess.run([sys.executable, "-m", "eq2code", "check", "--rule", "softmax",
                              str(SOFTMAX / "correct_stable_max.py")],
                             env=server_env, stdout=secondary, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(secondary)
        os.close(primary)
    assert out.returncode == 0
    assert "a check server now runs" in out.stderr
    deadline = time.monotonic() + 30
    while status(server_env) is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status(server_env) is not None
    piped = eq2code("check", "--rule", "softmax", str(SOFTMAX / "correct_stable_max.py"),
                    env=server_env)  # served now; a pipe never starts one, and says nothing of it
    assert piped.returncode == 0 and "check server" not in piped.stderr
    assert status(server_env)["served"] == 1


def test_a_change_to_eq2code_stops_the_server_and_the_check_runs_alone(server_env):
    from eq2code.base.version import source_files

    started(server_env)
    path = dict(source_files())["cli/check.py"]
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # an event, the same times: nothing else notices
    out = eq2code("check", "--rule", "softmax", str(SOFTMAX / "correct_stable_max.py"), env=server_env)
    assert out.returncode == 0 and "All checks passed." in out.stdout  # run alone, declined by the server
    deadline = time.monotonic() + 10
    while status(server_env) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert status(server_env) is None


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of the processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                parent = int(stat.read().rsplit(b")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid:
            found.append((int(entry), command))
    return found


def test_checks_back_to_back_take_zygotes_forked_from_the_master(server_env, tmp_path):
    """D36: the server spawns one master zygote; each check's zygote is a fork of it, ready at
    once, and ends with its check — no zygote is spawned (and imports NumPy) per check."""
    server = started(server_env)["pid"]
    wrong = tmp_path / "wrong_sum_of_z.py"
    wrong.write_text((SOFTMAX / "wrong_sum_of_z.py").read_text(encoding="utf-8"), encoding="utf-8")
    for impl, code in ((SOFTMAX / "correct_stable_max.py", 0), (wrong, 1), (SOFTMAX / "correct_stable_max.py", 0)):
        assert eq2code("check", "--rule", "softmax", str(impl), env=server_env).returncode == code
    masters = [(pid, command) for pid, command in _children(server) if "serve_master" in command]
    assert len(masters) == 1, _children(server)
    assert not [command for _, command in _children(server) if "import serve; serve()" in command]
    master = masters[0][0]
    deadline = time.monotonic() + 10
    while _children(master) and time.monotonic() < deadline:
        time.sleep(0.05)  # each forked zygote ends once its check has ended
    assert _children(master) == []
    assert status(server_env)["served"] == 3

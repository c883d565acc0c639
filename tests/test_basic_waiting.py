"""The basic backend's child spawned ahead of its run (code/sandbox/waiting.py): the run takes
it, a dead one is replaced, it runs nothing before `go`, nobody's child outlives the command,
and the user's code sees the process a child spawned at the run would be."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sandbox_helpers import gone

from eq2code.cli import head_start
from eq2code.code.sandbox import platform, spawn, waiting
from eq2code.code.sandbox.api import CallSpec
from eq2code.code.sandbox.runner import run_calls

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the tests look at processes the POSIX way")


@pytest.fixture
def basic(monkeypatch):
    """The basic backend, with no child spawned ahead yet; every child ended afterwards."""
    monkeypatch.setattr(platform, "_configured", "basic")
    monkeypatch.setattr(platform, "_waiting", [])
    monkeypatch.setattr(platform, "_rearm", False)
    monkeypatch.setattr(platform, "_spawner", None)
    yield
    platform._end_waiting()


def run_source(tmp_path: Path, source: str):
    module = tmp_path / "impl.py"
    module.write_text(textwrap.dedent(source), encoding="utf-8")
    outcome = run_calls(str(module), "f", [CallSpec()], timeout=20.0)
    assert outcome.status == "ok", outcome
    return outcome.results[0].value


PID = """
    import os
    def f():
        return float(os.getpid())
"""


def test_a_run_takes_the_child_spawned_ahead(basic, tmp_path):
    platform.prestart()
    [child] = platform._waiting
    assert run_source(tmp_path, PID) == child.process.pid
    assert platform._waiting == []


def test_a_child_that_died_while_waiting_is_replaced_by_one_spawned_at_the_run(basic, tmp_path):
    platform.prestart()
    [child] = platform._waiting
    child.process.kill()
    child.process.wait()
    pid = run_source(tmp_path, PID)
    assert pid != child.process.pid and pid > 0


@pytest.mark.parametrize("said", [b"stop\n", b"gogo\n", b""])
def test_a_waiting_child_runs_nothing_but_on_go(tmp_path, said):
    base = tmp_path / "run"
    (base / "request").mkdir(parents=True)
    (base / "scratch").mkdir()
    child = waiting.spawn(base, 0.0)  # an empty request: had it gone on, reading it would fail
    assert child.process.stdin is not None
    child.process.stdin.write(said)
    child.process.stdin.close()
    assert child.process.wait(60) == 0
    assert (base / "stderr").read_bytes() == b""


def test_the_user_code_sees_the_argv_and_stdin_of_a_child_spawned_at_its_run(basic, tmp_path):
    source = """
        import sys
        def f():
            return [float(len(sys.argv)), float(sys.argv[0].endswith("child.py")),
                    float(len(sys.stdin.buffer.read()))]
    """
    platform.prestart()
    assert list(run_source(tmp_path, source)) == [2.0, 1.0, 0.0]


def waiting_children(count: int) -> list:
    deadline = time.monotonic() + 30
    while len(platform._waiting) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return list(platform._waiting)


def test_many_checks_find_children_spawned_ahead_and_refilled(basic, tmp_path):
    platform.keep_armed()
    first = waiting_children(platform.BASIC_AHEAD)[0]
    assert run_source(tmp_path, PID) == first.process.pid
    second = waiting_children(platform.BASIC_AHEAD)[0]
    assert run_source(tmp_path, PID) == second.process.pid != first.process.pid
    assert len(waiting_children(platform.BASIC_AHEAD)) == platform.BASIC_AHEAD


def test_the_commands_head_start_spawns_the_first_runs_child(basic, tmp_path, monkeypatch):
    """Before the sandbox's own modules are imported (spawn.start_waiting_child), taken over
    by the platform layer, and the first run's."""
    monkeypatch.setattr(head_start, "_started", False)
    head_start.early_zygote(["check", "--sandbox", "basic", "eq.tex", "impl.py"])
    assert spawn.waiting_child_started() is None  # taken
    [child] = platform._waiting
    assert run_source(tmp_path, PID) == child.process.pid


def test_the_basic_childs_head_start_imports_nothing_heavy():
    script = textwrap.dedent("""
        import shutil, sys
        before = set(sys.modules)
        from eq2code.code.sandbox import spawn
        spawn.start_waiting_child()
        loaded = set(sys.modules) - before
        base, process, token, since = spawn.waiting_child_started()
        process.kill()
        process.wait()
        shutil.rmtree(base)
        print(*sorted(loaded & {"typing", "pathlib", "argparse", "json", "numpy", "dataclasses"}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


@pytest.mark.parametrize("start", ["platform.configure('basic'); platform.prestart()",
                                   "early_zygote(['check', '--sandbox', 'basic', 'eq.tex', 'impl.py'])"])
def test_a_child_nobody_used_ends_with_the_command(tmp_path, start):
    script = textwrap.dedent(f"""
        from eq2code.cli.head_start import early_zygote
        from eq2code.code.sandbox import platform
        {start}
        [child] = platform._waiting
        print(child.process.pid, child.base, flush=True)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, EQ2CODE_NO_SERVER="1"))
    assert done.returncode == 0, done.stderr
    pid, base = done.stdout.split()
    assert gone(int(pid))
    assert not Path(base).exists()

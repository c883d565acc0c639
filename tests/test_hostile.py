"""Hostile implementations through the real command line (spec §5, issue 6).

Every case runs `python -m eq2code.cli.main check EQ IMPL --format json` in a subprocess, so nothing
the implementation does can reach the test process. Each must end well within 30 s with the
expected exit status, print one JSON document with a finding that has a message, leave no
process behind, and never run the user's code in the checker's own process: every
implementation starts with a line that records the pid it runs in, and that pid must not be
the checker's.

The cases run a few at a time in a module-scoped fixture so that the file takes seconds, not
minutes; each test then looks at its own case's result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from sandbox_helpers import backend, survivors

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="process checks read /proc")

EQUATION = r"""% Softmax over a vector of logits.
\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}

\mathbf{z} \in \mathbb{R}^{K}
"""

CORRECT = """
            e = np.exp(z - np.max(z, axis=-1, keepdims=True))
            return e / np.sum(e, axis=-1, keepdims=True)
        """  # the end of a function body, indented as the cases below are

HANGS = ("--timeout", "3")  # for the cases that never end on their own
ENDS = ("--timeout", "20")  # the others end by themselves: a slow CI machine must not time them out
MAX_SECONDS = 30.0
WORKERS = max(2, min(4, os.cpu_count() or 2))  # more would only stretch each case's time


@dataclass
class Case:
    source: str  # the implementation without its pid-recording first line; {dir} is the run dir
    finding: str | None  # the expected finding's name; None for a pass
    args: tuple[str, ...] = ENDS
    at: tuple[str, ...] = ()  # the finding must point at a line with one of these texts
    words: tuple[str, ...] = ()  # words the finding's message must contain
    reaches_user_code: bool = True

    @property
    def exit_code(self) -> int:
        return 0 if self.finding is None else 1


CASES: dict[str, Case] = {
    "infinite-loop-in-call": Case("""
        def softmax(z):
            while True:
                pass
        """, "timeout", args=HANGS, at=("while True", "pass"), words=("3 s",)),
    # script code that never ends: the module's definitions are checked alone (and said so)
    "infinite-loop-at-import": Case("""
        while True:
            pass

        def softmax(z):
        """ + CORRECT, None, args=HANGS),
    "infinite-loop-in-a-definition": Case("""
        import itertools

        def softmax(z, k=next(i for i in itertools.count() if i < 0)):
            return z
        """, "timeout", args=HANGS, at=("def softmax",), words=("import",)),
    "unbounded-allocation": Case("""
        def softmax(z):
            blocks = []
            while True:
                blocks.append(np.ones(10_000_000))
        """, "resource-limit", args=(*ENDS, "--memory-mb", "512"),
        at=("blocks.append",), words=("memory", "512")),
    "os-exit": Case("""
        def softmax(z):
            os._exit(0)
        """, "crashed", words=("os._exit",)),
    "sys-exit": Case("""
        def softmax(z):
            sys.exit(3)
        """, "crashed", at=("sys.exit(3)",), words=("SystemExit", "3")),
    "segfault": Case("""
        import ctypes

        def softmax(z):
            return ctypes.string_at(0)
        """, "crashed", at=("ctypes.string_at(0)",), words=("SIGSEGV",)),
    "c-stack-overflow": Case("""
        sys.setrecursionlimit(10**7)

        def softmax(z):  # recursion through C (sorted's key), so the C stack overflows
            return sorted([z], key=softmax)
        """, "crashed", at=("sorted([z], key=softmax)",), words=("SIGSEGV",)),
    "flood-of-output": Case("""
        def softmax(z):
            line = "x" * 99_999
            for _ in range(600):  # 60 MB
                print(line)
        """ + CORRECT, None),
    "string-result": Case("""
        def softmax(z):
            return "0.5"
        """, "wrong-type", words=("str",)),
    "huge-result": Case("""
        def softmax(z):
            return np.zeros(200_000_000)  # 1.6 GB, never written nor loaded
        """, "resource-limit"),
    "syntax-error": Case("""
        def softmax(z)
            return z
        """, "python-syntax", at=("def softmax(z)",), reaches_user_code=False),
    "unbounded-recursion": Case("""
        def softmax(z):
            return softmax(z)
        """, "exception", at=("return softmax(z)",), words=("RecursionError",)),
    "patched-comparisons": Case("""
        import numpy.testing

        def _always(*args, **kwargs):
            return True

        def _silent(*args, **kwargs):
            return None

        np.allclose = np.array_equal = np.array_equiv = _always
        np.isclose = lambda a, b, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
        for _name in dir(numpy.testing):
            if _name.startswith("assert_"):
                setattr(numpy.testing, _name, _silent)

        def softmax(z):
            return np.zeros_like(z)
        """, "numeric-mismatch"),
    "keyboard-interrupt": Case("""
        def softmax(z):
            raise KeyboardInterrupt
        """, "crashed", at=("raise KeyboardInterrupt",), words=("KeyboardInterrupt",)),
    "background-process": Case("""
        import subprocess

        def softmax(z):
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", MARKER])
            try:  # refused by the strict sandbox's read-only file system
                with open(os.path.join({dir!r}, "background.pids"), "a") as stream:
                    stream.write(f"{{child.pid}}\\n")
            except OSError:
                pass
        """ + CORRECT, None),
    "detached-process": Case("""
        import subprocess

        def softmax(z):
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", MARKER],
                                     start_new_session=True)
            try:
                with open(os.path.join({dir!r}, "background.pids"), "a") as stream:
                    stream.write(f"{{child.pid}}\\n")
            except OSError:
                pass
        """ + CORRECT, None),
    "exit-on-the-stress-trial": Case("""
        def softmax(z):
            if np.max(np.abs(z)) > 100:  # only the stress trials have such inputs
                os._exit(0)
        """ + CORRECT, "crashed", words=("os._exit",)),
    "nan-output": Case("""
        def softmax(z):
            return np.full(np.shape(z), np.nan)
        """, "nonfinite-output"),
    "code-on-unpickling": Case("""
        class Payload:
            def __reduce__(self):
                open(os.path.join({dir!r}, "pickled"), "w").close()
                return (open, (os.path.join({dir!r}, "unpickled"), "w"))

        def softmax(z):
            return np.array([Payload() for _ in range(np.shape(z)[-1])], dtype=object)
        """, "wrong-type", words=("object",)),
    "plain-object-result": Case("""
        class Payload:
            def __reduce__(self):
                open(os.path.join({dir!r}, "pickled"), "w").close()
                return (open, (os.path.join({dir!r}, "unpickled"), "w"))

        def softmax(z):
            return Payload()
        """, "wrong-type", words=("Payload",)),
    "forged-outcome": Case("""
        import json

        with open(os.path.join(sys.argv[1], "outcome.json"), "w") as stream:  # the child's report
            json.dump({{"status": "ok", "phase": ""}}, stream)
        os._exit(0)

        def softmax(z):
            return z
        """, "crashed", words=("before every input",)),
    "forged-pickled-results": Case("""
        import json

        def softmax(z):
            reports = sys.argv[1]
            with open(os.path.join(reports, "request.json")) as stream:
                calls = json.load(stream)["calls"]
            for index in range(len(calls)):
                payload = np.array([object()], dtype=object)
                np.save(os.path.join(reports, f"result_{{index}}.npy"), payload, allow_pickle=True)
                with open(os.path.join(reports, f"result_{{index}}.json"), "w") as stream:
                    json.dump({{"status": "ok", "result_type": "ndarray", "dtype": "float64"}}, stream)
            with open(os.path.join(reports, "outcome.json"), "w") as stream:
                json.dump({{"status": "ok", "phase": ""}}, stream)
            os._exit(0)
        """, "wrong-type", words=("could not be read back",)),
    "reads-stdin": Case("""
        def softmax(z):
            return float(input())
        """, "exception", at=("input()",), words=("EOFError",)),
}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    checker_pid: int
    directory: Path
    impl: Path


MARKER = f"eq2code-hostile-{uuid.uuid4().hex}"  # in the command line of every process the cases start


def _prelude(marks: Path) -> str:
    """The first lines of every implementation: record the pid it runs in (the strict
    sandbox's read-only file system refuses it: then the code ran there, not in the checker)."""
    return (f"import os, sys, numpy as np; MARKER = {MARKER!r}\n"
            f"try: open({str(marks)!r}, 'a').write(str(os.getpid()) + '\\n')\n"
            f"except OSError: pass\n")


def _run_case(name: str, case: Case, base: Path, equation: Path, env: dict) -> Run:
    directory = base / name
    directory.mkdir()
    impl = directory / "impl.py"
    source = textwrap.dedent(case.source).replace("{dir!r}", repr(str(directory)))
    source = source.replace("{{", "{").replace("}}", "}")
    impl.write_text(_prelude(directory / "pids") + source, encoding="utf-8")
    cwd = base / "cwd"  # `python -m` puts the working directory on sys.path: keep it empty
    command = [sys.executable, "-m", "eq2code.cli.main", "check", str(equation), str(impl),
               "--format", "json", *case.args]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    return Run(process.returncode, stdout.decode("utf-8", "replace"),
               stderr.decode("utf-8", "replace"), time.monotonic() - started, process.pid,
               directory, impl)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    base = tmp_path_factory.mktemp("hostile")
    (base / "cwd").mkdir()
    equation = base / "softmax.tex"
    equation.write_text(EQUATION, encoding="utf-8")
    env = dict(os.environ, EQ2CODE_CACHE_DIR=str(base / "cache"), LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    # Warm the equation cache once so that every case pays only for its own run.
    subprocess.run([sys.executable, "-m", "eq2code.cli.main", "parse", str(equation)], cwd=base / "cwd",
                   env=env, capture_output=True, timeout=120)
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {name: pool.submit(_run_case, name, case, base, equation, env)
                   for name, case in CASES.items()}
        return {name: future.result() for name, future in futures.items()}


def gone(pid: int, seconds: float = 5.0) -> bool:
    """True once the process no longer exists or is a zombie nobody reaped yet."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except (FileNotFoundError, ProcessLookupError, IndexError):
            return True
        if state in ("Z", "X"):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def _pids(path: Path) -> list[int]:
    if not path.exists():
        return []
    return [int(line) for line in path.read_text().split() if line.strip().isdigit()]


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_implementation(runs, name):
    case, run = CASES[name], runs[name]
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == case.exit_code, (run.returncode, run.stdout[-2000:], run.stderr[-2000:])
    assert run.seconds < MAX_SECONDS
    document = json.loads(run.stdout)  # one JSON document, whatever the function printed
    assert "error" not in document, document["error"]
    errors = [d for d in document["diagnostics"] if d["severity"] == 1]
    if case.finding is None:
        assert errors == [], errors
        assert [check["verdict"] for check in document["checks"]] == ["pass"]
    else:
        names = [d["data"]["name"] for d in errors]
        assert case.finding in names, errors
        diagnostic = errors[names.index(case.finding)]
        assert diagnostic["message"].strip() and diagnostic["data"]["help"].strip()
        assert diagnostic["path"] == str(run.impl)
        for word in case.words:
            assert word in diagnostic["message"], (word, diagnostic["message"])
        if case.at:
            lines = run.impl.read_text(encoding="utf-8").splitlines()
            line = diagnostic["range"]["start"]["line"]
            assert any(text in lines[line] for text in case.at), (case.at, line, lines)
    # The user's code ran, and never in the checker's own process (strict: it could not even
    # write its pid, as it could have in the checker).
    ran_in = _pids(run.directory / "pids")
    assert bool(ran_in) == (case.reaches_user_code and backend() == "basic")
    assert run.checker_pid not in ran_in
    # Nothing is left behind: the sandbox child and whatever it started.
    for pid in ran_in + _pids(run.directory / "background.pids"):
        assert gone(pid), f"process {pid} survived the check"
    assert not (run.directory / "pickled").exists()
    assert not (run.directory / "unpickled").exists()


def test_background_cases_did_start_processes(runs):
    if backend() == "strict":
        pytest.skip("the strict sandbox's read-only file system keeps the pids from the test "
                    "(the cases' pass shows that Popen worked)")
    for name in ("background-process", "detached-process"):
        assert _pids(runs[name].directory / "background.pids"), name


def test_no_process_the_cases_started_survives(runs):
    assert survivors(MARKER) == []


def test_the_file_stays_fast(runs):
    seconds = {name: round(run.seconds, 1) for name, run in runs.items()}
    print(json.dumps(seconds, indent=1))
    assert max(seconds.values()) < MAX_SECONDS


# ----------------------------------------------------------------------------- network


def _network_namespaces_allowed() -> bool:
    probe = ("from eq2code.code.sandbox.child import _libc, _new_network_namespace; "
             "import sys; sys.exit(0 if _new_network_namespace(_libc()) else 1)")
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60).returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux") or not _network_namespaces_allowed(),
                    reason="the kernel does not let an unprivileged process cut its network")
def test_the_function_has_no_network(tmp_path):
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    equation = tmp_path / "softmax.tex"
    equation.write_text(EQUATION, encoding="utf-8")
    impl = tmp_path / "impl.py"
    impl.write_text(textwrap.dedent(f"""
        import socket
        import numpy as np

        def softmax(z):
            try:
                socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
            except OSError:
                pass
            else:
                return np.zeros_like(z)  # reached the test's server: fail the check
        """) + textwrap.indent(textwrap.dedent(CORRECT), "    "), encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "eq2code.cli.main", "check", str(equation), str(impl),
                                 "--format", "json", "--timeout", "20"], cwd=tmp_path, timeout=60,
                                capture_output=True, text=True,
                                env=dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache")))
    finally:
        server.close()
    assert result.returncode == 0, result.stdout[-2000:]

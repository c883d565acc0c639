"""Issue 15 (integrity): a submission's own files decide nothing when grading, and every input is
handled as data — no leak, no hang, no crash, no forged line (docs/security.md, "Two modes"
and "Untrusted inputs"). Each test fails without the fix it names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES

CORRECT = (EXAMPLES / "softmax" / "correct_stable_max.py").read_text(encoding="utf-8")
WRONG = """import numpy as np


def softmax(z):{comment}
    return z
"""
SOFTMAX_TEX = "\\mathbf{z} \\in \\mathbb{R}^{K}\n\n\\mathrm{softmax}(\\mathbf{z})_i = " \
              "\\frac{\\exp(z_i)}{\\sum_{j=1}^{K}\\exp(z_j)}\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ----------------------------------------------------------------------------- cheats via own files


def test_own_suppression_does_not_decide_a_grading_run(run_json, in_tmp):
    sub = write(in_tmp / "alice" / "submission.py", WRONG.format(comment="  # eq2code: ignore[numeric-mismatch]"))
    code, doc = run_json("check", "--rule", "softmax", sub)
    assert code == 1
    assert [c["verdict"] for c in doc["checks"]] == ["fail"]
    assert "numeric-mismatch" in [d["data"]["name"] for d in doc["diagnostics"]]


def test_a_fail_verdict_never_exits_0_when_grading(run_json, in_tmp):
    sub = write(in_tmp / "submission.py", WRONG.format(comment="  # eq2code: ignore[numeric-mismatch]"))
    code, doc = run_json("check", "--rule", "softmax", sub, "--honour-suppressions")
    assert "numeric-mismatch" not in [d["data"]["name"] for d in doc["diagnostics"]]  # asked for: honoured
    assert doc["checks"][0]["verdict"] == "fail" and code == 1  # but the verdict stands


def test_own_pyproject_does_not_decide_a_grading_run(run_cli, run_json, in_tmp):
    folder = in_tmp / "bob"
    sub = write(folder / "submission.py", WRONG.format(comment=""))
    write(folder / "pyproject.toml", '[tool.eq2code]\nexclude = ["*"]\ntimeout = 86400\nbaseline = "b.json"\n')
    code, _, _ = run_cli("check", "--rule", "softmax", sub, "--project-config", "--write-baseline", folder / "b.json")
    assert code == 1  # grading: writing a baseline does not turn a fail into 0
    code, doc = run_json("check", "--rule", "softmax", sub)
    assert code == 1 and doc["checks"][0]["verdict"] == "fail"
    assert any(d["data"]["name"] == "numeric-mismatch" for d in doc["diagnostics"])  # the baseline is not read


def test_the_invoker_may_ask_for_the_project_config(run_json, in_tmp):
    folder = in_tmp / "course"
    sub = write(folder / "ex.py", WRONG.format(comment=""))
    write(folder / "pyproject.toml", "[tool.eq2code]\nfail-on = \"warning\"\nseed = 3\n")
    _, doc = run_json("check", "--rule", "softmax", sub)
    assert doc["checks"][0]["seed"] == 0
    _, doc = run_json("check", "--rule", "softmax", sub, "--project-config")
    assert doc["checks"][0]["seed"] == 3


def test_project_run_honours_suppressions_and_says_excused(run_json, in_tmp):
    write(in_tmp / "pyproject.toml", "[tool.eq2code]\n")
    write(in_tmp / "ex.py", "import numpy as np\n\n\n# eq2code: rule=softmax\n"
                            "def softmax(z):  # eq2code: ignore[numeric-mismatch]\n    return z\n")
    code, doc = run_json("check")
    assert code == 0
    assert [c["verdict"] for c in doc["checks"]] == ["excused"]  # never "fail" with exit 0


# ----------------------------------------------------------------------------- leaks via tags


@pytest.mark.parametrize("target", ["/proc/self/environ", "../outside/secret.txt", "/dev/zero", "link.tex"])
def test_tag_paths_stay_in_the_project(run_cli, tmp_path, monkeypatch, target):
    project = tmp_path / "project"
    write(tmp_path / "outside" / "secret.txt", "TOKEN=hunter2-secret\n")
    (project / ".git").mkdir(parents=True)
    (project / "link.tex").symlink_to(tmp_path / "outside" / "secret.txt")
    write(project / "ex.py", f"# eq2code: eq={target}\ndef f(x):\n    return x\n")
    monkeypatch.setenv("EQ2CODE_TEST_SECRET", "hunter2-secret")
    monkeypatch.chdir(project)
    code, out, err = run_cli("check", "ex.py", "--no-exec")
    assert code == 1
    assert "hunter2" not in out + err and "EQ2CODE_TEST_SECRET" not in out + err
    assert "which is not read" in out


def test_fifo_named_in_a_tag_is_a_finding_not_a_hang(run_cli, in_tmp):
    (in_tmp / ".git").mkdir()
    os.mkfifo(in_tmp / "pipe.tex")
    write(in_tmp / "ex.py", "# eq2code: eq=pipe.tex\ndef f(x):\n    return x\n")
    code, out, _ = run_cli("check", "ex.py")
    assert code == 1 and "FIFO" in out


def test_fifo_or_device_on_the_command_line_is_a_usage_error(run_cli, in_tmp):
    os.mkfifo(in_tmp / "pipe.tex")
    impl = write(in_tmp / "impl.py", CORRECT)
    code, _, err = run_cli("check", "pipe.tex", impl)
    assert code == 2 and "FIFO" in err
    code, _, err = run_cli("check", "/dev/zero", impl)
    assert code == 2 and "not a regular file" in err


# ----------------------------------------------------------------------------- bad equations


def _timed_cli(args: list[str], cwd: Path, limit: float) -> tuple[int, str, float]:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "eq2code", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=limit + 30, env=dict(os.environ, EQ2CODE_CACHE_DIR=str(cwd / "cache")))
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started


@pytest.mark.parametrize("latex", ["y = x + 10^{10^{10}}", "y = (2x)^{100000}", "y = \\sum_{i=1}^{10^{10}} x"])
def test_explosive_equation_is_a_finding_within_the_timeout(tmp_path, latex):
    write(tmp_path / "eq.tex", f"x \\in \\mathbb{{R}}\n\n{latex}\n")
    write(tmp_path / "impl.py", "def f(x):\n    return x\n")
    code, out, took = _timed_cli(["check", "eq.tex", "impl.py", "--timeout", "5"], tmp_path, 5)
    assert code == 1 and "Traceback" not in out, out
    assert ("too large" in out or "at most" in out), out
    assert took < 25


def test_power_tower_in_markdown_and_docstring(run_cli, in_tmp):
    write(in_tmp / "notes.md", "```math\ny = 10^{10^{10}} x\n```\n\n```python\ny = 2 * x\n```\n")
    code, out, _ = run_cli("check", "notes.md", "--timeout", "5")
    assert code == 1 and "too large" in out
    write(in_tmp / "doc.py", 'def f(x):\n    r"""$$f(x) = x^{10^{10}}$$"""\n    return x\n')
    code, out, _ = run_cli("check", "doc.py", "--timeout", "5")
    assert code == 1 and "too large" in out


def test_slow_equation_reading_is_stopped_at_the_deadline(monkeypatch, tmp_path):
    from eq2code.equation import cache, guard, semantics

    monkeypatch.setattr(semantics, "read_equation_file", lambda path, text: time.sleep(60))
    monkeypatch.setattr(guard, "MIN_DEADLINE", 1.0)
    monkeypatch.setattr(guard, "LIMITS", guard.Limits(timeout=1.0))
    started = time.monotonic()
    eq_file = cache.read_equation("slow.tex", "y = x + 123456789\n")
    assert time.monotonic() - started < 10
    assert [d.name for d in eq_file.diagnostics] == ["equation-file"]
    from eq2code.equation.lowering import english

    assert "took longer than 1 s" in english(eq_file.diagnostics[0].params["detail"])


@pytest.mark.parametrize("newline,bom", [("\r\n", ""), ("\r", ""), ("\r\n", "\ufeff")])
def test_crlf_cr_and_bom_equation_files(run_cli, in_tmp, newline, bom):
    eq = write(in_tmp / "softmax.tex", bom + SOFTMAX_TEX.replace("\n", newline))
    impl = write(in_tmp / "impl.py", CORRECT)
    code, out, _ = run_cli("check", eq, impl)
    assert code == 0, out


def test_cr_only_markdown(run_json, in_tmp):
    md = (EXAMPLES / "documents" / "softmax-correct.md").read_text(encoding="utf-8")
    write(in_tmp / "notes.md", md.replace("\n", "\r"))
    code, doc = run_json("check", "notes.md")
    assert code == 0 and doc["checks"] and all(c["verdict"] == "pass" for c in doc["checks"]), doc


# ----------------------------------------------------------------------------- the cache


def _entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "equations").glob("*.json"))


def _warm(run_cli, in_tmp) -> tuple[Path, Path, Path]:
    eq = write(in_tmp / "softmax.tex", SOFTMAX_TEX)
    zeros = write(in_tmp / "zeros.py", "import numpy as np\n\ndef softmax(z):\n    return np.zeros_like(z)\n")
    assert run_cli("check", eq, zeros)[0] == 1
    cache_dir = Path(os.environ["EQ2CODE_CACHE_DIR"])
    return eq, zeros, cache_dir


def _forged(entry: Path) -> dict:
    from eq2code.base.paths import _MAGIC

    blob = entry.read_bytes()
    payload = blob[blob.index(b"\n", len(_MAGIC)) + 1:]
    data = json.loads(payload)
    for e in data["equations"]:  # the reference now computes zeros
        if e.get("plans"):
            e["plans"] = [["num", 0.0] for _ in e["plans"]]
    return data


def test_forged_cache_entry_is_ignored(run_cli, in_tmp):
    eq, zeros, cache_dir = _warm(run_cli, in_tmp)
    entry = [p for p in _entries(cache_dir) if b"softmax" in p.read_bytes()][-1]
    entry.write_text(json.dumps(_forged(entry)), encoding="utf-8")  # unsigned, as a submission would write it
    assert run_cli("check", eq, zeros)[0] == 1


@pytest.mark.parametrize("how", ["deep", "fifo", "huge", "garbage"])
def test_broken_cache_entry_is_ignored(run_cli, in_tmp, how):
    eq, zeros, cache_dir = _warm(run_cli, in_tmp)
    for entry in _entries(cache_dir):
        entry.unlink()
        if how == "deep":
            entry.write_text("[" * 100_000 + "]" * 100_000)
        elif how == "fifo":
            os.mkfifo(entry)
        elif how == "huge":
            with open(entry, "wb") as f:
                f.truncate(64 * 1024 * 1024)
        else:
            entry.write_bytes(os.urandom(4096))
    code, out, err = run_cli("check", eq, zeros)
    assert code == 1 and "numeric-mismatch" in out and "Traceback" not in err


def test_cache_secret_is_private(run_cli, in_tmp):
    _, _, cache_dir = _warm(run_cli, in_tmp)
    mode = (cache_dir / "secret").stat().st_mode & 0o777
    assert mode == 0o600
    assert not list(cache_dir.glob("lark-grammar.cache"))  # no pickle of Lark's own in the cache


def test_parser_tables_refuse_foreign_classes():
    import io
    import pickle

    from eq2code.equation.latex.parser import _TablesUnpickler

    evil = pickle.dumps(os.system)  # any global but the lexer's
    with pytest.raises(pickle.UnpicklingError):
        _TablesUnpickler(io.BytesIO(evil)).load()


# ----------------------------------------------------------------------------- baselines and configs


@pytest.mark.parametrize("content", ["[" * 100_000, '{"findings": ' * 50_000])
def test_deep_baseline_is_a_clear_usage_error(run_cli, in_tmp, content):
    write(in_tmp / "b.json", content, "latin-1")
    impl = write(in_tmp / "ex.py", "# eq2code: rule=softmax\n" + CORRECT)
    code, _, err = run_cli("check", impl, "--baseline", "b.json")
    assert code == 2 and "Traceback" not in err and "baseline" in err


@pytest.mark.parametrize("entry", [
    'rule-dirs = ["/etc"]',
    'paths = ["../outside"]',
    'baseline = "link/b.json"',
    'pairs = [{file = "ex.py", equation = "../outside/secret.tex"}]',
    'pairs = [{file = "/tmp/*.py", rule = "softmax"}]',
])
def test_config_paths_stay_in_the_project(run_cli, tmp_path, monkeypatch, entry):
    project = tmp_path / "project"
    write(tmp_path / "outside" / "secret.tex", "TOKEN=hunter2-secret\n")
    project.mkdir()
    (project / "link").symlink_to(tmp_path / "outside")
    write(project / "pyproject.toml", f"[tool.eq2code]\n{entry}\n")
    write(project / "ex.py", "def f(x):\n    return x\n")
    monkeypatch.chdir(project)
    code, out, err = run_cli("check")
    assert code == 2 and ("outside the project root" in err or "relative to the project root" in err)
    assert "hunter2" not in out + err and "Traceback" not in err


@pytest.mark.parametrize("value", ["inf", "nan", "1e9"])
def test_config_timeout_must_be_finite(run_cli, in_tmp, value):
    write(in_tmp / "pyproject.toml", f"[tool.eq2code]\ntimeout = {value}\n")
    code, _, err = run_cli("check")
    assert code == 2 and "timeout" in err and "Traceback" not in err


# ----------------------------------------------------------------------------- bad Python files


def test_bom_and_crlf_python(run_cli, in_tmp):
    impl = write(in_tmp / "impl.py", "\ufeff" + CORRECT.replace("\n", "\r\n"))
    code, out, _ = run_cli("check", "--rule", "softmax", impl)
    assert code == 0, out


def test_latin1_coding_cookie(run_cli, in_tmp):
    text = "# -*- coding: latin-1 -*-\n" + CORRECT.replace("def softmax(z):\n",
                                                          "def softmax(z):\n    \"\"\"Softmax, été.\"\"\"\n")
    impl = write(in_tmp / "impl.py", text, "latin-1")
    code, out, _ = run_cli("check", "--rule", "softmax", impl)
    assert code == 0, out
    wrong = write(in_tmp / "wrong.py", text.replace("np.sum(e", "np.max(e"), "latin-1")
    code, out, _ = run_cli("check", "--rule", "softmax", wrong)
    assert code == 1 and "numeric-mismatch" in out and "python-syntax" not in out
    assert "| def softmax(z):" in out  # the snippet is read as Python reads the file


# ----------------------------------------------------------------------------- CLI numbers


@pytest.mark.parametrize("option,value", [("--timeout", "inf"), ("--timeout", "nan"), ("--timeout", "-5"),
                                          ("--timeout", "0"), ("--seed", "-1"), ("--jobs", "0"),
                                          ("--memory-mb", "99999999999999999999")])
def test_cli_numbers_are_usage_errors(run_cli, in_tmp, option, value):
    impl = write(in_tmp / "impl.py", CORRECT)
    code, _out, err = run_cli("check", "--rule", "softmax", impl, f"{option}={value}")
    assert code == 2 and "internal error" not in err and "Traceback" not in err
    assert option in err


# ----------------------------------------------------------------------------- control characters


FORGE = "\\r\\x1b[2K\\x1b[1;32mAll checks passed.\\x1b[0m\\nAll checks passed.\\u202e"


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_control_characters_are_escaped(run_cli, in_tmp, fmt):
    impl = write(in_tmp / "impl.py", f'def softmax(z):\n    raise ValueError("boom{FORGE}")\n')
    code, out, _ = run_cli("check", "--rule", "softmax", impl, "--format", fmt)
    assert code == 1
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out
    assert "\\x1b" in out and "\\u202e" in out
    assert not any(line.startswith("All checks passed") for line in out.splitlines())


def test_printable_escapes_bidi_and_keeps_text():
    from eq2code.report.formats.source import printable

    assert printable("softmax(z) — 日本語\t") == "softmax(z) — 日本語\t"
    assert printable("a\u202eb\x1b\x7f\u200b") == "a\\u202eb\\x1b\\x7f\\u200b"


# ----------------------------------------------------------------------------- the language server


def _watchdog(proc, seconds: float = 90.0):
    """Kill the server if a test's blocking read would otherwise wait forever."""
    import threading

    timer = threading.Timer(seconds, lambda: proc.poll() is None and proc.kill())
    timer.daemon = True
    timer.start()
    return timer


def _frame(obj) -> bytes:
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_message(stream) -> dict:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            raise EOFError
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
        elif line in (b"\r\n", b"\n"):
            return json.loads(stream.read(length))


def test_lsp_answers_malformed_messages_and_exits_quickly(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "eq2code", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path,
                            env=dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache")))
    _watchdog(proc)
    try:
        send = [
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                                           "capabilities": {}}},
            {"jsonrpc": "2.0", "method": "initialized", "params": {}},
            b"{this is not json",
            {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"bad": 1}},
            {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"nonsense": True}},
            [1, 2, 3],
            {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
        ]
        for m in send:
            proc.stdin.write(_frame(m if isinstance(m, bytes) else json.dumps(m).encode()))
        proc.stdin.flush()
        answers = {}
        while 3 not in answers:
            msg = _read_message(proc.stdout)
            if "id" in msg and "method" not in msg:
                answers.setdefault(msg["id"], []).append(msg)
        assert answers[1][0]["result"]["serverInfo"]["name"] == "eq2code"
        assert answers[None][0]["error"]["code"] == -32700  # parse error, id null
        assert answers[None][1]["error"]["code"] == -32600  # an array is not a request
        assert answers[2][0]["error"]["code"] == -32602  # invalid params
        started = time.monotonic()
        proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.flush()
        proc.wait(10)
        assert time.monotonic() - started < 2.0 and proc.returncode == 0
        err = proc.stderr.read().decode()
        assert "Traceback" not in err, err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_lsp_exits_within_2s_after_a_hostile_document(tmp_path):
    """A document whose equation once wedged a check thread (a power tower) and a check that
    runs (a function that sleeps): exit still ends the server at once."""
    hostile = write(tmp_path / "tower.md", "```math\ny = 10^{10^{10}} x\n```\n\n```python\ny = 2 * x\n```\n")
    impl = write(tmp_path / "slow.py", "# eq2code: rule=softmax\ndef softmax(z):\n    import time\n"
                                       "    time.sleep(60)\n    return z\n")
    proc = subprocess.Popen([sys.executable, "-m", "eq2code", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path,
                            env=dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache")))
    _watchdog(proc)
    try:
        for m in [{"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {},
                              "initializationOptions": {"timeout": 120}}},
                  {"jsonrpc": "2.0", "method": "initialized", "params": {}},
                  {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                      "uri": hostile.as_uri(), "languageId": "markdown", "version": 1, "text": hostile.read_text()}}},
                  {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                      "uri": impl.as_uri(), "languageId": "python", "version": 1, "text": impl.read_text()}}}]:
            proc.stdin.write(_frame(m))
        proc.stdin.flush()
        assert _read_message(proc.stdout)["id"] == 1
        time.sleep(4)  # the check is running (the function sleeps)
        proc.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        proc.stdin.flush()
        while _read_message(proc.stdout).get("id") != 2:
            pass
        started = time.monotonic()
        proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.flush()
        proc.wait(10)
        assert time.monotonic() - started < 2.0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_lsp_hostile_document_does_not_wedge_the_server(tmp_path):
    """A Markdown document with a power tower gets its finding, and a later edit is checked."""
    from eq2code.lsp.server import check_text

    path = tmp_path / "notes.md"
    text = "```math\ny = 10^{10^{10}} x\n```\n\n```python\ny = 2 * x\n```\n"
    write(path, text)
    started = time.monotonic()
    outcome = check_text(str(path), text, timeout=5)
    assert time.monotonic() - started < 30
    from eq2code.findings.messages import render_message

    assert any("too large" in render_message(f) for f in outcome.findings)


def test_class_report_ignores_learners_suppressions(run_cli, in_tmp):
    write(in_tmp / "submissions" / "aoki" / "softmax.py", WRONG.format(comment="  # eq2code: ignore[numeric-mismatch]"))
    _code, out, _ = run_cli("check", "submissions", "--format", "csv")
    assert "fail" in out and "excused" not in out

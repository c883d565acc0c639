"""Broken equation files through the command line (spec §5, issue 6, item 4).

Each file — empty, binary garbage, unbalanced braces, unknown macros, nesting 400 deep, a 1 MB
equation — must give a finding with a message (and a position in the .tex where there is one
to give), exit 1, in bounded time and memory, and never a traceback; with `--format json`
stdout is one JSON document. The implementation is never run for a broken equation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

IMPLEMENTATION = """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
"""

SOFTMAX = r"\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}"
DECLARATION = r"\mathbf{z} \in \mathbb{R}^{K}"
HEADER = "% Softmax over a vector of logits.\n% eq2code: function=softmax\n\n"
MAX_SECONDS = 20.0  # for one check in-process, however bad the file
DEEP = 400


@dataclass
class Bad:
    content: bytes
    finding: str
    at: tuple[int, int] | None = None  # 0-based (line, character) where the finding starts
    marks: str | None = None  # the text the finding's range covers
    words: tuple[str, ...] = ()  # words the message must contain


def _text(text: str) -> bytes:
    return text.encode("utf-8")


BAD: dict[str, Bad] = {
    "empty": Bad(b"", "equation-file"),
    "only-comments": Bad(b"% nothing here\n% eq2code: function=softmax\n", "equation-file"),
    "binary-garbage": Bad(bytes(range(256)) * 8 + b"\xff\xfe\x00\x01" * 64, "latex-syntax"),
    "random-bytes": Bad(bytes((i * 7919 + 13) % 256 for i in range(4096)), "latex-syntax"),
    "nul-bytes": Bad(_text("y = x\x00\x00 + 1\n"), "latex-syntax", at=(0, 5)),
    "unbalanced-open-brace": Bad(
        _text(HEADER + SOFTMAX[:-1] + "\n\n" + DECLARATION + "\n"), "latex-syntax",
        at=(3, SOFTMAX.index("{", SOFTMAX.index("}{") + 1)), marks="{", words=("never closed",)),
    "unbalanced-close-brace": Bad(
        _text(HEADER + "y = x + 1}\n\nx \\in \\mathbb{R}\n"), "latex-syntax", at=(3, 9), marks="}"),
    "unclosed-left": Bad(
        _text(HEADER + "y = \\left( x + 1\n\nx \\in \\mathbb{R}\n"), "latex-syntax", at=(3, 9)),
    "unknown-macro": Bad(
        _text(HEADER + "y = \\sum_{i=1}^{n} \\mathcal{Q}\\bogus_i x_i\n\nx \\in \\mathbb{R}^n\n"),
        "unsupported-notation", at=(3, 30), marks="\\bogus", words=("\\bogus",)),
    "unknown-macro-later-block": Bad(
        _text(HEADER + DECLARATION + "\n\n" + "y = \\weird{z}\n"), "unsupported-notation",
        at=(5, 4), marks="\\weird", words=("\\weird",)),
    "braces-400-deep": Bad(_text("y = " + "{" * DEEP + "x" + "}" * DEEP + "\n"), "latex-syntax",
                           words=("nested",)),
    "parentheses-400-deep": Bad(_text("y = " + "(" * DEEP + "x" + ")" * DEEP + "\n"), "latex-syntax"),
    "fractions-400-deep": Bad(_text("y = " + "\\frac{1}{" * DEEP + "x" + "}" * DEEP + "\n"), "latex-syntax"),
    "left-right-400-deep": Bad(_text("y = " + "\\left(" * DEEP + "x" + "\\right)" * DEEP + "\n"),
                               "latex-syntax"),
    "subscripts-400-deep": Bad(_text("y = x" + "_{a" * DEEP + "}" * DEEP + "\n"), "latex-syntax"),
    "square-roots-400-deep": Bad(_text("y = " + "\\sqrt{" * DEEP + "x" + "}" * DEEP + "\n"), "latex-syntax"),
    "one-megabyte-equation": Bad(_text("y = " + " + ".join(f"x_{{{i}}}" for i in range(110_000)) + "\n"),
                                 "latex-syntax", at=(0, 0)),
    "one-megabyte-unbalanced": Bad(_text("y = " + "{x + " * 100 + " x" * 600_000 + "\n"), "latex-syntax"),
}


@pytest.fixture
def impl(tmp_path) -> Path:
    path = tmp_path / "impl.py"
    path.write_text(IMPLEMENTATION, encoding="utf-8")
    return path


def _equation(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.tex"
    path.write_bytes(BAD[name].content)
    return path


def test_the_megabyte_cases_are_a_megabyte():
    assert len(BAD["one-megabyte-equation"].content) > 2**20
    assert len(BAD["one-megabyte-unbalanced"].content) > 2**20


@pytest.mark.parametrize("name", sorted(BAD))
def test_json(run_cli, tmp_path, impl, name):
    bad, equation = BAD[name], _equation(tmp_path, name)
    started = time.monotonic()
    code, out, err = run_cli("check", equation, impl, "--format", "json", "--timeout", "5")
    assert time.monotonic() - started < MAX_SECONDS
    assert "Traceback" not in err
    assert code == 1, (out[-2000:], err[-2000:])
    document = json.loads(out)
    assert "error" not in document
    findings = [d for d in document["diagnostics"] if d["data"]["name"] == bad.finding]
    assert findings, document["diagnostics"]
    finding = findings[0]
    assert finding["severity"] == 1 and finding["message"].strip() and finding["data"]["help"].strip()
    assert Path(finding["path"]) == equation
    for word in bad.words:
        assert word in finding["message"], finding["message"]
    start, end = finding["range"]["start"], finding["range"]["end"]
    if bad.at is not None:
        assert (start["line"], start["character"]) == bad.at, finding
    if bad.marks is not None:
        line = bad.content.decode("utf-8").splitlines()[start["line"]]
        assert end["line"] == start["line"]
        assert line[start["character"]:end["character"]] == bad.marks  # ASCII: UTF-16 = characters
    # Nothing was run: a broken equation stops the check before the sandbox.
    assert [check["verdict"] for check in document["checks"]] == ["error"]


@pytest.mark.parametrize("name", sorted(BAD))
def test_text(run_cli, tmp_path, impl, name):
    bad, equation = BAD[name], _equation(tmp_path, name)
    started = time.monotonic()
    code, out, err = run_cli("check", equation, impl, "--timeout", "5")
    assert time.monotonic() - started < MAX_SECONDS
    assert code == 1 and "Traceback" not in out + err
    assert f"{bad.finding}:" in out, out[:2000]
    if bad.at is not None:
        line, character = bad.at
        assert f"{equation}:{line + 1}:{character + 1}: " in out, out[:2000]


@pytest.mark.parametrize("name", sorted(BAD))
def test_parse_command(run_cli, tmp_path, name):
    code, out, err = run_cli("parse", _equation(tmp_path, name), "--format", "json")
    assert code in (0, 1) and "Traceback" not in err
    json.loads(out)


def test_a_swapped_argument_order_is_the_same_check(run_json, tmp_path, impl):
    equation = _equation(tmp_path, "unknown-macro")
    code, document = run_json("check", impl, equation)
    assert code == 1 and document["diagnostics"][0]["data"]["name"] == "unsupported-notation"


@pytest.mark.parametrize("args", [
    ("check", "missing.tex", "missing.py"),
    ("check", "only-one-path.tex"),
    ("check", "a.tex", "b.py", "--memory-mb", "1"),
    ("check", "a.tex", "b.py", "--timeout", "soon"),
])
def test_usage_errors_are_json_too(run_cli, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(*args, "--format", "json")
    assert code == 2 and "Traceback" not in err
    assert json.loads(out)["error"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS bounds memory on Linux")
@pytest.mark.parametrize("name", ["one-megabyte-equation", "braces-400-deep", "binary-garbage"])
def test_bounded_memory_in_a_fresh_process(tmp_path, impl, name):
    """The whole command, import included, fits in 1 GiB of address space and 60 s."""
    equation = _equation(tmp_path, name)
    limit = 2**30
    probe = ("import resource, sys; "
             f"resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit})); "
             "from eq2code.cli.main import main; sys.exit(main(sys.argv[1:]))")
    env = dict(os.environ, EQ2CODE_CACHE_DIR=str(tmp_path / "cache"), OPENBLAS_NUM_THREADS="1",
               OMP_NUM_THREADS="1")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", probe, "check", str(equation), str(impl),
                             "--format", "json"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert time.monotonic() - started < 60
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["diagnostics"][0]["data"]["name"] == BAD[name].finding


LATEX_PIECES = [r"\frac{", r"\sum_{", r"\left(", r"\right)", r"\mathbf{", r"\in", r"\mathbb{R}^{", r"\\", "{", "}",
                "^", "_", "=", "y", "x", "z_i", "K", "$$", r"\[", r"\]", r"\begin{align}", r"\end{align}", "&",
                "%", "% eq2code: function=", "\n", "\n\n", " ", r"\foo", r"\exp(", ")", "(", "\x00", "\ufeff"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=400),
                 st.lists(st.sampled_from(LATEX_PIECES), max_size=40).map(lambda parts: "".join(parts).encode())))
def test_any_bytes_give_a_json_document(tmp_path, impl, content):
    """Fuzz the whole command on equation files: one JSON document, exit 0 or 1, no traceback.
    (`--no-exec`: a fuzzed file that happens to be a valid equation is not run.)"""
    import contextlib
    import io

    from eq2code.cli.main import main

    equation = tmp_path / "fuzz.tex"
    equation.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(equation), str(impl), "--format", "json", "--no-exec"])
    assert code in (0, 1), (content, out.getvalue()[-2000:], err.getvalue()[-2000:])
    assert "Traceback" not in err.getvalue()
    document = json.loads(out.getvalue())
    assert all(d["message"].strip() for d in document["diagnostics"])
    assert not [d for d in document["diagnostics"] if d["data"]["name"] == "internal-error"], document

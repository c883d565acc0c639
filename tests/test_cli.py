"""The command line as a user meets it: exit codes, JSON shape, bad input without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SOFTMAX_EQ = ROOT / "rules" / "softmax.tex"  # a rule file is an ordinary equation file
ATTENTION_EQ = ROOT / "rules" / "attention.tex"

GOOD_SOFTMAX = """import numpy as np

def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
"""
WRONG_SOFTMAX = """import numpy as np

def softmax(z):
    return np.exp(z) / np.sum(z)
"""
GOOD_ATTENTION = """import numpy as np

def attention(Q, K, V):
    s = Q @ K.T / np.sqrt(Q.shape[-1])
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    return (w / w.sum(axis=-1, keepdims=True)) @ V
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_version(run_cli):
    code, out, _ = run_cli("--version")
    assert code == 0 and "eq2code 0.1.0" in out


def test_correct_softmax_exits_0(run_cli, tmp_path):
    code, out, _ = run_cli("check", SOFTMAX_EQ, write(tmp_path, "s.py", GOOD_SOFTMAX))
    assert code == 0
    assert "pass" in out


def test_wrong_softmax_exits_1_with_json_fields(run_json, tmp_path):
    code, doc = run_json("check", SOFTMAX_EQ, write(tmp_path, "s.py", WRONG_SOFTMAX))
    assert code == 1
    assert doc["version"] == 1 and doc["positionEncoding"] == "utf-16"
    assert doc["checks"][0]["verdict"] == "fail"
    diag = doc["diagnostics"][0]
    assert diag["severity"] == 1 and diag["source"] == "eq2code"
    assert diag["data"]["name"] == "numeric-mismatch"
    assert set(diag["range"]) == {"start", "end"}
    assert diag["range"]["start"]["line"] == 3  # `np.sum(z)`, where the values leave the equation (0-based)
    assert diag["relatedInformation"][0]["location"]["uri"].endswith("softmax.tex")
    assert doc["summary"]["errors"] == 1


def test_attention(run_cli, tmp_path):
    impl = write(tmp_path, "a.py", GOOD_ATTENTION)
    assert run_cli("check", ATTENTION_EQ, impl)[0] == 0
    unscaled = write(tmp_path, "b.py", GOOD_ATTENTION.replace(" / np.sqrt(Q.shape[-1])", ""))
    assert run_cli("check", ATTENTION_EQ, unscaled)[0] == 1


def test_editing_the_equation_flips_the_verdict(run_cli, tmp_path):
    """The reference comes from the LaTeX: without \\sqrt{d_k} the unscaled code is right."""
    edited = write(tmp_path, "eq.tex", ATTENTION_EQ.read_text(encoding="utf-8").replace(
        r"\frac{QK^\top}{\sqrt{d_k}}", r"QK^\top"))
    assert r"\sqrt" not in edited.read_text(encoding="utf-8")
    scaled = write(tmp_path, "a.py", GOOD_ATTENTION)
    unscaled = write(tmp_path, "b.py", GOOD_ATTENTION.replace(" / np.sqrt(Q.shape[-1])", ""))
    assert run_cli("check", ATTENTION_EQ, scaled)[0] == 0
    assert run_cli("check", ATTENTION_EQ, unscaled)[0] == 1
    assert run_cli("check", edited, scaled)[0] == 1
    assert run_cli("check", edited, unscaled)[0] == 0


def test_broken_tex_gives_position(run_json, tmp_path):
    eq = write(tmp_path, "eq.tex", "% a comment\n\\frac{\\exp(z_i)}{\\sum_j \\exp(z_j)\n")
    code, doc = run_json("check", eq, write(tmp_path, "s.py", GOOD_SOFTMAX))
    assert code == 1
    (diag,) = doc["diagnostics"]
    assert diag["data"]["name"] == "latex-syntax"
    assert diag["path"].endswith("eq.tex")
    assert diag["range"]["start"] == {"line": 1, "character": 16}  # the unclosed "{"


def test_unknown_macro_is_unsupported_notation(run_json, tmp_path):
    eq = write(tmp_path, "eq.tex", "y = \\foo{x}\n")
    code, doc = run_json("check", eq, write(tmp_path, "s.py", GOOD_SOFTMAX))
    assert code == 1
    assert doc["diagnostics"][0]["data"]["name"] == "unsupported-notation"
    assert doc["diagnostics"][0]["range"]["start"] == {"line": 0, "character": 4}


def test_broken_py_gives_position(run_json, tmp_path):
    impl = write(tmp_path, "s.py", "import numpy as np\n\ndef softmax(z):\n    return np.exp(z) /\n")
    code, doc = run_json("check", SOFTMAX_EQ, impl)
    assert code == 1
    (diag,) = doc["diagnostics"]
    assert diag["data"]["name"] == "python-syntax"
    assert diag["range"]["start"]["line"] == 3


def test_text_output_has_caret_and_help(run_cli, tmp_path):
    code, out, _ = run_cli("check", SOFTMAX_EQ, write(tmp_path, "s.py", WRONG_SOFTMAX))
    assert code == 1
    assert "s.py:4:24: EQ202 [error] numeric-mismatch" in out  # at `np.sum(z)`
    assert "^^^^^^^" in out and "= help:" in out


def test_exception_points_at_the_users_line(run_json, tmp_path):
    impl = write(tmp_path, "s.py", "import numpy as np\n\ndef softmax(z):\n    e = np.exp(z)\n"
                                   "    return e / e.sum(axis=1)\n")
    code, doc = run_json("check", SOFTMAX_EQ, impl)
    assert code == 1
    diag = doc["diagnostics"][0]
    assert diag["data"]["name"] == "exception"
    assert diag["range"]["start"]["line"] == 4
    assert "AxisError" in diag["message"]


def test_wrong_shape_uses_size_names(run_json, tmp_path):
    impl = write(tmp_path, "s.py", "import numpy as np\n\ndef softmax(z):\n    e = np.exp(z)\n"
                                   "    return (e / e.sum())[:, None]\n")
    code, doc = run_json("check", SOFTMAX_EQ, impl)
    assert code == 1
    diag = doc["diagnostics"][0]
    assert diag["data"]["name"] == "wrong-shape"
    assert "(K, 1)" in diag["message"] and "(K,)" in diag["message"]


def test_function_not_found(run_json, tmp_path):
    impl = write(tmp_path, "s.py", "def a(z):\n    return z\n\ndef b(z):\n    return z\n")
    code, doc = run_json("check", SOFTMAX_EQ, impl)
    assert code == 1
    assert doc["diagnostics"][0]["data"]["name"] == "function-not-found"
    assert "a, b" in doc["diagnostics"][0]["message"]


def test_missing_file_is_usage_error(run_cli, tmp_path):
    code, _, err = run_cli("check", tmp_path / "nope.tex", tmp_path / "nope.py")
    assert code == 2
    assert "not found" in err and "Traceback" not in err


def test_json_even_on_usage_error(run_cli, tmp_path):
    import json

    code, out, _ = run_cli("check", tmp_path / "nope.tex", tmp_path / "nope.py", "--format", "json")
    assert code == 2
    assert json.loads(out)["version"] == 1


def test_map_and_function_options(run_cli, tmp_path):
    impl = write(tmp_path, "s.py", "import numpy as np\n\ndef helper():\n    pass\n\n"
                                   "def my_soft(u, axis=-1):\n    e = np.exp(u)\n"
                                   "    return e / e.sum(axis=axis, keepdims=True)\n")
    assert run_cli("check", SOFTMAX_EQ, impl, "--function", "my_soft", "--map", "z=u")[0] == 0


def test_parse_json(run_json):
    code, doc = run_json("parse", ATTENTION_EQ)
    assert code == 0
    (main,) = [e for e in doc["equations"] if e["main"]]
    assert main["checkable"] and main["output"] == ["n", "d_v"]
    shapes = {i["name"]: i["shape"] for i in main["inputs"]}
    assert shapes == {"Q": ["n", "d_k"], "K": ["m", "d_k"], "V": ["m", "d_v"], "d_k": []}
    assert "softmax" in main["sympy"]


def test_console_script_has_no_traceback(tmp_path):
    eq = write(tmp_path, "eq.tex", "\\frac{a}{")
    impl = write(tmp_path, "s.py", GOOD_SOFTMAX)
    proc = subprocess.run([sys.executable, "-m", "eq2code.cli.main", "check", str(eq), str(impl)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "latex-syntax" in proc.stdout


def test_the_command_ends_at_once_with_its_output_and_exit_status(tmp_path):
    """`eq2code` (`python -m eq2code`) skips the interpreter's teardown (cli.main.run): the
    report is still written whole through a pipe, a fail still exits 1, a pass 0, and the
    exit handlers (the zygote's close, the sandbox's notices) have run."""
    wrong = write(tmp_path, "wrong.py", WRONG_SOFTMAX)
    good = write(tmp_path, "good.py", GOOD_SOFTMAX)
    failed = subprocess.run([sys.executable, "-m", "eq2code", "check", "--rule", "softmax", str(wrong),
                             "--format", "json"], capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1
    import json

    assert json.loads(failed.stdout)["summary"]["errors"] >= 1
    passed = subprocess.run([sys.executable, "-m", "eq2code", "check", "--rule", "softmax", str(good)],
                            capture_output=True, text=True, timeout=120)
    assert passed.returncode == 0 and "All checks passed." in passed.stdout
    noted = subprocess.run([sys.executable, "-m", "eq2code", "check", "--rule", "softmax", str(good),
                            "--sandbox", "basic"], capture_output=True, text=True, timeout=120)
    assert noted.returncode == 0 and "All checks passed." in noted.stdout

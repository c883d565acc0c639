"""Pairing without arguments (`eq2code check [PATH ...]`): tags, LaTeX docstrings,
`[tool.eq2code]`, folder pairing, and the reverse lookup from a changed equation file.

Most tests call `discover` directly (no child process); a few run the command line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eq2code.project.config import ConfigError, load_config
from eq2code.project.discovery import discover, docstring_latex

ROOT = Path(__file__).resolve().parent.parent

SOFTMAX_TEX = r"""\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}

\mathbf{z} \in \mathbb{R}^{K}
"""

RIGHT = """import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
"""

WRONG = """import numpy as np


def softmax(z):
    return np.exp(z) / np.sum(z)
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pairs_of(paths, config=None):
    return [(p.impl, p.function, p.equation, p.rule, p.origin, p.problem)
            for p in discover([str(x) for x in paths],
                              config or load_config(Path(str(paths[0])) if paths else None)).pairs]


# ----------------------------------------------------------------------------- tags


def test_eq_tag_pairs_the_function_below_it(in_tmp):
    write(in_tmp / "eqs" / "softmax.tex", SOFTMAX_TEX)
    write(in_tmp / "ex" / "a.py", "import numpy as np\n\n\ndef helper():\n    pass\n\n\n"
                                  "# eq2code: eq=../eqs/softmax.tex\n@staticmethod\ndef soft(z):\n    return z\n")
    assert pairs_of(["ex"]) == [("ex/a.py", "soft", "eqs/softmax.tex", None, "tag", None)]


def test_rule_tag_uses_the_rulebook(in_tmp):
    write(in_tmp / "a.py", "# eq2code: rule=softmax\ndef f(z):\n    return z\n")
    [(impl, func, eq, rule, origin, problem)] = pairs_of(["a.py"])
    assert (impl, func, rule, origin, problem) == ("a.py", "f", "softmax", "tag", None)
    assert eq.endswith("softmax.tex")


def test_unknown_rule_and_missing_equation_are_problems_not_crashes(in_tmp):
    write(in_tmp / "a.py", "# eq2code: rule=no-such-rule\ndef f(z):\n    return z\n\n\n"
                           "# eq2code: eq=missing.tex\ndef g(z):\n    return z\n")
    found = {p[1]: p for p in pairs_of(["a.py"])}
    assert "no-such-rule" in found["f"][5]
    assert "missing.tex" in found["g"][5]


def test_project_rule_dirs_win_over_shipped_rules(in_tmp):
    write(in_tmp / "pyproject.toml", '[tool.eq2code]\nrule-dirs = ["course-rules"]\n')
    write(in_tmp / "course-rules" / "softmax.tex", SOFTMAX_TEX)
    write(in_tmp / "a.py", "# eq2code: rule=softmax\ndef f(z):\n    return z\n")
    [pair] = discover(["a.py"], load_config(in_tmp)).pairs
    assert pair.equation == "course-rules/softmax.tex"


# ----------------------------------------------------------------------------- docstrings


DOC_RST = '''import numpy as np


def l2(x):
    r"""The L2 norm.

    .. math::

        \\|\\mathbf{x}\\|_2 = \\sqrt{\\sum_{i=1}^{n} x_i^2}

    Uses NumPy.
    """
    return np.sqrt(np.sum(x ** 2))
'''

DOC_DOLLARS = '''def sig(x):
    r"""Logistic function $$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$ elementwise."""
    return x
'''


def test_docstring_math_directive_keeps_positions(in_tmp):
    import ast

    py = write(in_tmp / "n.py", DOC_RST)
    text = py.read_text()
    blank, _first = docstring_latex(text, ast.parse(text).body[1])
    assert len(blank) == len(text) and blank.count("\n") == text.count("\n")
    line = text.split("\n").index("        \\|\\mathbf{x}\\|_2 = \\sqrt{\\sum_{i=1}^{n} x_i^2}")
    assert blank.split("\n")[line] == text.split("\n")[line]  # the LaTeX line, in place
    assert "Uses NumPy" not in blank and "def" not in blank and "return" not in blank
    assert pairs_of(["n.py"]) == [("n.py", "l2", "n.py", None, "docstring", None)]


def test_docstring_dollars_are_kept_with_their_delimiters(in_tmp):
    import ast

    text = write(in_tmp / "s.py", DOC_DOLLARS).read_text()
    blank, _ = docstring_latex(text, ast.parse(text).body[0])
    assert blank.strip() == r"$$\sigma(x) = \frac{1}{1 + e^{-x}}$$"
    assert blank.index("$$") == text.index("$$")


def test_docstring_without_latex_and_tag_wins_over_docstring(in_tmp):
    write(in_tmp / "e.tex", SOFTMAX_TEX)
    write(in_tmp / "d.py", 'def plain(x):\n    """No maths here."""\n    return x\n\n\n'
                           '# eq2code: eq=e.tex\ndef f(x):\n    r"""$$y = x$$"""\n    return x\n')
    assert [(p[1], p[4]) for p in pairs_of(["d.py"])] == [("f", "tag")]


def test_docstring_equation_is_checked_at_its_place_in_the_py_file(in_tmp, run_json):
    write(in_tmp / "n.py", DOC_RST.replace("x ** 2", "np.abs(x)"))
    code, doc = run_json("check", "n.py")
    assert code == 1
    assert [c["function"] for c in doc["checks"]] == ["l2"]
    assert doc["checks"][0]["equation"] == "n.py"
    diag = next(d for d in doc["diagnostics"] if d["severity"] == 1)
    assert diag["path"] == "n.py"
    related = diag["relatedInformation"][0]["location"]
    assert related["uri"].endswith("/n.py") and related["range"]["start"]["line"] == 8  # the .. math:: body


# ----------------------------------------------------------------------------- folders and config


def test_folder_pairing_with_exactly_one_tex(in_tmp):
    write(in_tmp / "a" / "equation.tex", SOFTMAX_TEX)
    write(in_tmp / "a" / "right.py", RIGHT)
    write(in_tmp / "a" / "__init__.py", "")
    write(in_tmp / "a" / "test_right.py", "def test_x():\n    pass\n")
    write(in_tmp / "a" / "constants.py", "K = 3\n")  # no function: not an implementation
    write(in_tmp / "b" / "one.tex", SOFTMAX_TEX)
    write(in_tmp / "b" / "two.tex", SOFTMAX_TEX)
    write(in_tmp / "b" / "right.py", RIGHT)  # two equation files: ambiguous, not paired
    assert pairs_of(["."]) == [("a/right.py", None, "a/equation.tex", None, "folder", None)]


def test_folder_pairing_can_be_turned_off_and_excludes_apply(in_tmp):
    write(in_tmp / "a" / "equation.tex", SOFTMAX_TEX)
    write(in_tmp / "a" / "right.py", RIGHT)
    write(in_tmp / "drafts" / "equation.tex", SOFTMAX_TEX)
    write(in_tmp / "drafts" / "right.py", RIGHT)
    write(in_tmp / "pyproject.toml", '[tool.eq2code]\nexclude = ["drafts"]\n')
    assert [p[0] for p in pairs_of(["."])] == ["a/right.py"]
    assert pairs_of(["drafts/right.py"]) == []  # excluded even when named
    write(in_tmp / "pyproject.toml", '[tool.eq2code]\nfolder-pairing = false\n')
    assert pairs_of(["."]) == []


def test_configured_pairs_literal_and_pattern(in_tmp):
    write(in_tmp / "pyproject.toml", """
[tool.eq2code]
paths = ["ex"]

[[tool.eq2code.pairs]]
file = "ex/week1/solution.py"
function = "soft"
equation = "eqs/softmax.tex"

[[tool.eq2code.pairs]]
file = "ex/*/*.py"
rule = "{folder}"
""")
    write(in_tmp / "eqs" / "softmax.tex", SOFTMAX_TEX)
    write(in_tmp / "ex" / "week1" / "solution.py", "def soft(z):\n    return z\n")
    write(in_tmp / "ex" / "sigmoid" / "mine.py", "def sigmoid(x):\n    return x\n")
    write(in_tmp / "ex" / "not-a-rule" / "mine.py", "def f(x):\n    return x\n")  # the pattern does not apply
    found = pairs_of([], load_config(in_tmp))
    assert [(p[0], p[1], p[3], p[4]) for p in found] == [
        ("ex/sigmoid/mine.py", None, "sigmoid", "config"),
        ("ex/week1/solution.py", "soft", None, "config"),
    ]
    assert found[1][2] == "eqs/softmax.tex"


@pytest.mark.parametrize("table, message", [
    ('unknown = 1', "unknown key"),
    ('fail-on = "info"', "fail-on"),
    ('timeout = -1', "timeout"),
    ('pairs = [{file = "a.py"}]', "exactly one of rule or equation"),
    ('pairs = [{file = "a.py", rule = "{nope}"}]', "{folder}"),
])
def test_bad_configuration_is_a_usage_error(in_tmp, run_cli, table, message):
    write(in_tmp / "pyproject.toml", f"[tool.eq2code]\n{table}\n")
    with pytest.raises(ConfigError, match=message.replace("{", r"\{").replace("}", r"\}")):
        load_config(in_tmp)
    code, _out, err = run_cli("check", ".")
    assert code == 2 and message.split()[0].strip("{}") in err


def test_configuration_is_found_upwards_and_fills_options(in_tmp):
    write(in_tmp / "pyproject.toml", '[tool.eq2code]\nlang = "ja"\ntimeout = 3\nseed = 7\nfail_on = "warning"\n')
    (in_tmp / "sub" / "deeper").mkdir(parents=True)
    config = load_config(in_tmp / "sub" / "deeper")
    assert (config.root, config.lang, config.timeout, config.seed, config.fail_on) == (in_tmp, "ja", 3.0, 7, "warning")


# ----------------------------------------------------------------------------- changed equation files


def test_a_changed_equation_file_selects_the_pairs_that_use_it(in_tmp):
    os.makedirs(in_tmp / ".git")  # the project tree searched is the git work tree
    write(in_tmp / "eqs" / "softmax.tex", SOFTMAX_TEX)
    write(in_tmp / "eqs" / "other.tex", SOFTMAX_TEX)
    write(in_tmp / "ex" / "tagged.py", "# eq2code: eq=../eqs/softmax.tex\ndef f(z):\n    return z\n")
    write(in_tmp / "ex" / "elsewhere.py", "# eq2code: eq=../eqs/other.tex\ndef g(z):\n    return z\n")
    write(in_tmp / "folder" / "equation.tex", SOFTMAX_TEX)
    write(in_tmp / "folder" / "impl.py", RIGHT)
    assert [(p[0], p[2]) for p in pairs_of(["eqs/softmax.tex"])] == [("ex/tagged.py", "eqs/softmax.tex")]
    assert [(p[0], p[2]) for p in pairs_of(["folder/equation.tex"])] == [("folder/impl.py", "folder/equation.tex")]
    # an equation file and its implementation both changed: one pair, not two
    assert len(pairs_of(["eqs/softmax.tex", "ex/tagged.py"])) == 1
    write(in_tmp / "README.md", "# notes\n")  # used by nothing: nothing to check
    assert pairs_of(["README.md"]) == []


def test_a_changed_rule_file_selects_the_rule_users(in_tmp):
    write(in_tmp / "pyproject.toml", '[tool.eq2code]\nrule-dirs = ["rules"]\n')
    write(in_tmp / "rules" / "my-softmax.tex", SOFTMAX_TEX)
    write(in_tmp / "ex" / "a.py", "# eq2code: rule=my-softmax\ndef f(z):\n    return z\n")
    write(in_tmp / "ex" / "b.py", "# eq2code: rule=sigmoid\ndef g(z):\n    return z\n")
    found = discover(["rules/my-softmax.tex"], load_config(in_tmp)).pairs
    assert [(p.impl, p.rule) for p in found] == [("ex/a.py", "my-softmax")]


def test_missing_path_is_a_usage_error(in_tmp, run_cli):
    code, _out, err = run_cli("check", "nowhere/")
    assert code == 2 and "path not found: nowhere/" in err


def test_nothing_to_check_passes(in_tmp, run_cli):
    write(in_tmp / "plain.py", "def f(x):\n    return x\n")
    code, out, err = run_cli("check", "plain.py")
    assert code == 0 and "no equation–implementation pairs" in err
    code, out, err = run_cli("check", "plain.py", "--format", "json")
    assert code == 0 and json.loads(out)["checks"] == []


# ----------------------------------------------------------------------------- the repository's examples


def test_examples_pair_every_file(monkeypatch):
    """`eq2code check examples/` from the repository root (its [tool.eq2code] pairs
    examples/<rule>/*.py with the rule <rule>) pairs every example, wrong ones included."""
    monkeypatch.chdir(ROOT)
    found = discover(["examples"], load_config(ROOT)).pairs
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").glob("*/*.py"))
    assert sorted(p.impl for p in found) == files
    assert all(p.problem is None and p.equation for p in found)
    assert any("/wrong_" in p.impl for p in found)

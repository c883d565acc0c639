"""Verified fixes (issue 14, item 5): a named mistake with a mechanical fix gets edits built
from the static facts' ranges; the fix is offered only when the edited code passes a re-check.
`check --diff` prints it, `check --fix` writes it, and a passing file is never changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from eq2code.checking.check import run_check
from eq2code.checking.options import Options
from eq2code.cli.main import main
from eq2code.code.static import analyze
from eq2code.diagnosis.fixes import apply, candidates
from eq2code.equation.cache import load_equation
from eq2code.equation.rulebook import find_rule
from eq2code.findings.model import Finding

EXAMPLES = ROOT / "examples"

# (rule, example, the fixed finding, a piece of the fixed line, extra arguments)
CASES = [
    ("attention", "attention/wrong_missing_keepdims.py", "missing-keepdims", "w.sum(axis=-1, keepdims=True)", []),
    ("attention", "attention/wrong_softmax_axis0.py", "wrong-reduction-axis", "scores.max(axis=-1, keepdims=True)",
     []),
    ("attention", "attention/wrong_missing_transpose.py", "missing-transpose", "Q @ K.T", []),
    ("attention", "attention/wrong_transpose_Q.py", "missing-transpose", "scores = Q @ K.T", []),
    ("attention", "attention/wrong_missing_scale.py", "missing-scale", "Q @ K.T / np.sqrt(Q.shape[-1])", []),
    ("cross-entropy", "cross-entropy/wrong_log2.py", "wrong-log-base", "np.log(y_hat)", []),
    ("l2-norm", "l2-norm/wrong_mean.py", "sum-vs-mean", "np.sqrt(np.sum(x ** 2))", []),
    ("softmax", "softmax/correct_naive_exp.py", "unstable-exp", "np.exp(z - np.max(z, axis=-1, keepdims=True))",
     ["--fail-on", "warning"]),
]


def _copy(tmp_path: Path, example: str) -> Path:
    target = tmp_path / Path(example).name
    shutil.copy(EXAMPLES / example, target)
    return target


def _check(rule: str, path: Path, fixes: bool = True):
    return run_check(load_equation(str(find_rule(rule, []).path)), str(path), Options(rule=rule, fixes=fixes))


@pytest.mark.parametrize("rule,example,name,fixed,extra", CASES, ids=[c[1] for c in CASES])
def test_a_wrong_example_gets_a_verified_fix(tmp_path: Path, capsys, rule, example, name, fixed, extra):
    path = _copy(tmp_path, example)
    before = path.read_text(encoding="utf-8")
    finding = next(f for f in _check(rule, path).findings if f.name == name)
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert fixed in apply(before, finding.fix.edits)

    assert main(["check", "--rule", rule, str(path), "--diff", *extra]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/") and any(line.startswith("+") and fixed in line for line in out.splitlines())
    assert path.read_text(encoding="utf-8") == before  # --diff changes nothing

    main(["check", "--rule", rule, str(path), "--fix", *extra])
    after = path.read_text(encoding="utf-8")
    assert after != before and fixed in after
    again = _check(rule, path, fixes=False)
    assert again.record.verdict == "pass" and not any(f.name == name for f in again.findings)


def test_the_normal_path_builds_no_fix(tmp_path: Path):
    path = _copy(tmp_path, "l2-norm/wrong_mean.py")
    assert all(f.fix is None for f in _check("l2-norm", path, fixes=False).findings)


@pytest.mark.parametrize("rule,example", [("softmax", "softmax/correct_stable_max.py"),
                                          ("softmax", "softmax/correct_naive_exp.py"),
                                          ("attention", "attention/correct_matmul.py")])
def test_a_passing_file_is_never_changed(tmp_path: Path, capsys, rule, example):
    if not (EXAMPLES / example).exists():
        pytest.skip(f"{example} is not shipped")
    path = _copy(tmp_path, example)
    before = path.read_bytes()
    assert main(["check", "--rule", rule, str(path), "--fix"]) == 0
    assert path.read_bytes() == before
    capsys.readouterr()
    assert main(["check", "--rule", rule, str(path), "--diff"]) == 0
    assert capsys.readouterr().out == ""


def test_an_unverifiable_candidate_is_not_offered(tmp_path: Path, capsys):
    """The code has the mean, but a second mistake too (a factor 2): swapping mean → sum alone
    does not make it pass, so no fix is offered for it and --fix changes nothing."""
    path = tmp_path / "l2.py"
    path.write_text("import numpy as np\n\n\ndef l2_norm(x):\n    return np.sqrt(np.mean(x ** 2)) * 2\n",
                    encoding="utf-8")
    result = _check("l2-norm", path)
    assert result.record.verdict == "fail"
    facts = analyze(str(path), "l2_norm")
    offered = [f for f in result.findings if f.fix is not None]
    assert not offered
    # the candidate exists; it is the re-check that refuses it
    fake = Finding("sum-vs-mean", str(path), facts.of("reduction")[0].range)
    assert candidates(fake, facts, path.read_text(encoding="utf-8"))
    before = path.read_text(encoding="utf-8")
    assert main(["check", "--rule", "l2-norm", str(path), "--fix"]) == 1
    assert path.read_text(encoding="utf-8") == before
    assert "no verified fix" in capsys.readouterr().err


def test_fix_is_for_one_check(tmp_path: Path, capsys):
    assert main(["check", str(tmp_path), "--fix"]) == 2
    assert "--fix" in capsys.readouterr().err

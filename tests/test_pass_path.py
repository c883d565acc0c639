"""What a passing check imports and reads (docs/performance.md): the finding catalogues, the
other report formats and a project run's modules stay unimported; a shipped rule is found
from its file name, as reading every rule would find it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sandbox_helpers import backend

from eq2code.equation.rulebook import find_rule, list_rules

ROOT = Path(__file__).resolve().parent.parent
IMPL = ROOT / "examples" / "softmax" / "correct_stable_max.py"
NOT_ON_THE_PASS_PATH = ("eq2code.findings.registry", "eq2code.findings.definitions", "eq2code.report.formats.html",
                        "eq2code.report.formats.sarif", "eq2code.project.discovery", "concurrent.futures",
                        "tomllib", "sympy", "lark")


def test_a_passing_check_imports_only_its_path(tmp_path):
    code = ("import sys, json\nfrom eq2code.cli.main import main\n"
            f"code = main(['check', '--rule', 'softmax', {str(IMPL)!r}])\n"
            "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}))")
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert warm.returncode == 0, warm.stderr  # the first run fills the equation cache
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["code"] == 0
    imported = [m for m in NOT_ON_THE_PASS_PATH if any(k == m or k.startswith(m + ".") for k in data["modules"])]
    assert imported == []


def test_every_shipped_rule_is_named_as_its_file_so_the_quick_lookup_agrees():
    for rule in list_rules():
        assert rule.name == rule.path.stem
        assert find_rule(rule.name) == rule


# What a passing check imports without using (round 9 of docs/performance.md): the evaluator (its
# references come from the trial cache), the other representations of an input (only for a function
# that failed as mapped), the equation guard (nothing is read), suppressions and baselines (grading
# reads neither), and the standard library's unicodedata (no caret is drawn).
NOT_USED_BY_A_PASS = ("eq2code.reference.evaluate", "eq2code.reference.representations", "eq2code.equation.guard",
                      "eq2code.project.suppress", "eq2code.project.baseline", "unicodedata")


def test_a_passing_check_imports_nothing_it_does_not_use(tmp_path):
    code = ("import sys, json\nfrom eq2code.cli.main import main\n"
            f"code = main(['check', '--rule', 'softmax', {str(IMPL)!r}])\n"
            "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}))")
    for _ in range(2):  # the first run fills the equation and trial caches
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                                timeout=300)
        assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["code"] == 0
    assert [m for m in NOT_USED_BY_A_PASS if m in data["modules"]] == []
    if backend() == "strict":  # a single strict check starts no thread and sends no signal itself
        assert [m for m in ("threading", "signal") if m in data["modules"]] == []

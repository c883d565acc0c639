"""The package face (issue 11): a small documented public API in `eq2code/__init__.py`,
imported lazily so that `import eq2code` does not import NumPy, SymPy or libcst."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import eq2code

ROOT = Path(__file__).resolve().parent.parent


def test_all_names_resolve() -> None:
    for name in eq2code.__all__:
        assert getattr(eq2code, name) is not None


def test_import_is_light() -> None:
    code = "import sys, eq2code; print([m for m in ('numpy', 'sympy', 'libcst', 'lark') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_check_a_rule_and_render() -> None:
    eq = eq2code.rule("softmax")
    good = eq2code.check(eq, str(ROOT / "examples/softmax/correct_stable_max.py"), rule="softmax")
    assert good.record.verdict == "pass"
    bad = eq2code.check(eq, str(ROOT / "examples/softmax/wrong_sum_of_z.py"), rule="softmax")
    assert bad.record.verdict == "fail"
    assert any(f.effective_severity == eq2code.Severity.ERROR for f in bad.findings)
    doc = json.loads(eq2code.render(bad, "json"))
    assert doc["checks"][0]["verdict"] == "fail"
    assert "EQ" in eq2code.render(bad, "text", lang="ja")

"""The shipped rules' models (rules/models.json, equation/shipped.py): current with the code, the
same as a fresh reading, used only for the shipped files, and ignored when stale (issue 16: a cold
`--rule` check needs neither SymPy nor the parser)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eq2code.equation import shipped
from eq2code.equation.cache import _to_json, read_equation
from eq2code.equation.rulebook import shipped_dir
from eq2code.equation.semantics import read_equation_file
from eq2code.equation.source import normalise

RULES = sorted(shipped_dir().glob("*.tex"))
STALE = "rules/models.json is stale: run `python scripts/gen_rule_models.py`"


def models_file() -> dict:
    return json.loads((shipped_dir() / shipped.MODELS_FILE).read_text(encoding="utf-8"))


def test_the_models_are_current() -> None:
    data = models_file()
    assert data["digest"] == shipped.source_digest(), STALE
    assert len(data["models"]) == len(RULES), STALE


@pytest.mark.parametrize("path", RULES, ids=[p.stem for p in RULES])
def test_each_model_is_a_fresh_reading(path: Path) -> None:
    text = normalise(path.read_text(encoding="utf-8"))
    fresh = _without_dummy_numbers(_to_json(read_equation_file(str(path), text)))
    assert _without_dummy_numbers(models_file()["models"][shipped.text_key(text)]) == fresh, STALE


def _without_dummy_numbers(model: dict) -> str:
    """SymPy numbers its dummy variables (`_u5413765`) by creation order: not part of the reading."""
    return re.sub(r'"_([A-Za-z]+)\d+"', r'"_\1"', json.dumps(model, sort_keys=True))


def test_only_the_shipped_files_are_served(tmp_path: Path) -> None:
    rule = RULES[0]
    text = normalise(rule.read_text(encoding="utf-8"))
    assert shipped.shipped_model(str(rule), text) is not None
    copy = tmp_path / rule.name
    copy.write_text(text, encoding="utf-8")
    assert shipped.shipped_model(str(copy), text) is None
    assert shipped.shipped_model(str(rule), text + "\n% edited\n") is None


def test_stale_models_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped._models.cache_clear()
    monkeypatch.setattr(shipped, "source_digest", lambda: "another version of the code")
    try:
        rule = RULES[0]
        assert shipped.shipped_model(str(rule), normalise(rule.read_text(encoding="utf-8"))) is None
    finally:
        shipped._models.cache_clear()


def test_a_cold_rule_check_imports_neither_sympy_nor_lark(tmp_path: Path) -> None:
    impl = tmp_path / "f.py"
    impl.write_text("import numpy as np\n\ndef softmax(z):\n    e = np.exp(z - z.max())\n    return e / e.sum()\n",
                    encoding="utf-8")
    probe = ("import sys\nfrom eq2code.cli.main import main\ncode = main(['check', '--rule', 'softmax', sys.argv[1]])\n"
             "print('IMPORTED', sorted(m for m in ('sympy', 'lark') if m in sys.modules), code)")
    env = {"EQ2CODE_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", probe, str(impl)], capture_output=True, text=True, env=env,
                         timeout=120).stdout
    assert "IMPORTED [] 0" in out, out


def test_the_cache_entry_made_from_a_model_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EQ2CODE_CACHE_DIR", str(tmp_path))
    rule = RULES[0]
    text = rule.read_text(encoding="utf-8")
    first = read_equation(str(rule), text)
    second = read_equation(str(rule), text)
    assert _to_json(first) == _to_json(second)

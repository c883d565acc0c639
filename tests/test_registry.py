"""The finding registry (issue 11): every finding defined once, in findings/definitions/.

Walks the registry — stable codes, kebab names, the same template fields in both languages,
a detector (or `reserved`), documentation in both languages — and runs every finding's
valid and invalid examples through the real command line (Fixit style): an invalid example
must report its finding at its line and column, a valid one must not report it.
"""

from __future__ import annotations

import io
import json
import os
import re
from contextlib import redirect_stdout
from pathlib import Path
from string import Formatter
from urllib.parse import unquote, urlparse

import pytest

from eq2code.cli.main import main
from eq2code.findings.model import KINDS, kind
from eq2code.findings.registry import Example, FindingDef, definitions, get

ROOT = Path(__file__).resolve().parent.parent

# Frozen: codes never change and are never reused (append new findings at the end of a group).
CODES = {
    "EQ001": "latex-syntax", "EQ002": "unsupported-notation", "EQ003": "not-checkable",
    "EQ004": "python-syntax", "EQ005": "function-not-found", "EQ006": "argument-mapping",
    "EQ007": "equation-file", "EQ008": "ambiguous-notation", "EQ009": "worked-example-mismatch",
    "EQ010": "unbalanced-bracket",
    "EQ101": "exception", "EQ102": "timeout", "EQ103": "resource-limit", "EQ104": "crashed",
    "EQ105": "wrong-type", "EQ106": "no-return", "EQ107": "nonfinite-output",
    "EQ201": "wrong-shape", "EQ202": "numeric-mismatch",
    "EQ301": "wrong-reduction-axis", "EQ302": "missing-keepdims", "EQ303": "missing-scale",
    "EQ304": "wrong-scale", "EQ305": "missing-transpose", "EQ306": "sign-error", "EQ307": "sum-vs-mean",
    "EQ308": "wrong-log-base", "EQ309": "swapped-arguments", "EQ310": "kl-direction-swapped",
    "EQ311": "temperature-inverted", "EQ312": "off-by-one", "EQ313": "missing-sqrt", "EQ314": "missing-abs",
    "EQ315": "missing-term", "EQ316": "missing-normalization", "EQ317": "missing-value-product",
    "EQ401": "unstable-exp", "EQ402": "log-of-zero", "EQ403": "batch-inconsistent", "EQ404": "input-mutated",
    "EQ405": "float32-output",
    "EQ501": "epsilon-variant", "EQ502": "equivalent-form", "EQ503": "convention-assumed",
    "EQ601": "missing-operation", "EQ602": "extra-operation",
    "EQ901": "internal-error", "EQ902": "unused-suppression", "EQ903": "rejects-core-form",
}
# Findings without a runnable invalid example, and why.
NO_EXAMPLE = {
    "internal-error": "a bug in eq2code itself: nothing a user's code can trigger on purpose",
    "extra-operation": "reserved: documented, not raised",
}
KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in Formatter().parse(template.replace("[[", "").replace("]]", "")) if f}


def test_codes_are_frozen_and_unique() -> None:
    assert {d.code: d.name for d in definitions()} == CODES
    assert {k.code: k.name for k in KINDS.values()} == CODES
    assert all(kind(code).name == name and kind(name).code == code for code, name in CODES.items())


def test_one_module_per_finding_named_after_it() -> None:
    folder = ROOT / "src" / "eq2code" / "findings" / "definitions"
    modules = {p.stem for p in folder.glob("*.py") if not p.name.startswith("_")}
    assert modules == {d.name.replace("-", "_") for d in definitions()}


@pytest.mark.parametrize("d", definitions(), ids=lambda d: d.name)
def test_definition(d: FindingDef) -> None:
    assert KEBAB.match(d.name)
    assert re.fullmatch(r"EQ\d{3}", d.code)
    for part in ("title", "message", "help"):
        en, ja = getattr(d.en, part), getattr(d.ja, part)
        assert en.strip() and ja.strip()
        assert fields(en) == fields(ja), part
    for lang in ("en", "ja"):
        docs = d.docs(lang)
        assert docs.what.strip() and docs.why.strip() and docs.fix.strip(), lang
    assert d.snippet.strip()  # the docs' example (language-neutral code)
    assert d.detectors or d.reserved, "raised by nothing and not reserved"
    assert not (d.detectors and d.reserved)
    if d.priority is not None:
        assert d.mutate_node or d.mutate_whole or d.mutate_values
    if d.name not in NO_EXAMPLE:
        assert d.invalid, "needs an invalid example"
        assert d.valid, "needs a valid example"
    for ex in d.invalid + d.valid:
        assert bool(ex.file) != bool(ex.code)
        if ex.file:
            assert (ROOT / ex.file).is_file(), ex.file
        else:
            assert bool(ex.rule) != bool(ex.equation)


def test_priorities_are_distinct() -> None:
    ranks = [d.priority for d in definitions() if d.priority is not None]
    assert len(ranks) == len(set(ranks))


# ----------------------------------------------------------------------------- the examples


def _run(args: list[str], cwd: Path) -> list[dict]:
    out = io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(cwd)
        with redirect_stdout(out):
            main(args)
    finally:
        os.chdir(here)
    return json.loads(out.getvalue())["diagnostics"]


def _path(diagnostic: dict) -> Path:
    return Path(unquote(urlparse(diagnostic["uri"]).path)).resolve()


def _write(ex: Example, folder: Path) -> tuple[Path, Path | None]:
    folder.mkdir(parents=True)
    impl = folder / "impl.py"
    impl.write_text(ex.code, encoding="utf-8")
    eq = None
    if ex.equation:
        eq = folder / "eq.tex"
        eq.write_text(ex.equation, encoding="utf-8")
    return impl, eq


@pytest.fixture(scope="module")
def example_runs(tmp_path_factory) -> dict[tuple[str, str, int], tuple[Path, list[dict]]]:
    """Every example of every finding, run in two command-line runs (repository files; inline
    examples in a temporary folder): (name, valid|invalid, index) → (the file the finding
    must be in, the diagnostics of that run)."""
    tmp = tmp_path_factory.mktemp("finding-examples")
    files: list[str] = []
    where: dict[tuple[str, str, int], tuple[Path, str]] = {}
    for d in definitions():
        for which, examples in (("invalid", d.invalid), ("valid", d.valid)):
            for i, ex in enumerate(examples):
                if ex.file:
                    files.append(ex.file)
                    where[(d.name, which, i)] = ((ROOT / ex.file).resolve(), "repo")
                else:
                    impl, eq = _write(ex, tmp / f"{d.name}-{which}-{i}")
                    target = eq if ex.in_equation and eq is not None else impl
                    where[(d.name, which, i)] = (target.resolve(), "inline")
    runs = {
        "repo": _run(["check", *sorted(set(files)), "--format", "json", "--jobs", "2"], ROOT),
        "inline": _run(["check", str(tmp), "--format", "json", "--jobs", "2", "--timeout", "2"], tmp),
    }
    return {key: (path, runs[run]) for key, (path, run) in where.items()}


def _cases() -> list[tuple[str, str, int]]:
    return [(d.name, which, i) for d in definitions()
            for which, examples in (("invalid", d.invalid), ("valid", d.valid)) for i in range(len(examples))]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_example(case: tuple[str, str, int], example_runs) -> None:
    name, which, i = case
    d = get(name)
    assert d is not None
    ex = (d.invalid if which == "invalid" else d.valid)[i]
    path, diagnostics = example_runs[case]
    here = [x for x in diagnostics if _path(x) == path]
    found = [(x["range"]["start"]["line"] + 1, x["range"]["start"]["character"] + 1)
             for x in here if x["data"]["name"] == name]
    if which == "valid":
        assert not found, f"{name} reported by a valid example at {found}"
        return
    assert found, f"{name} not reported; got {[x['data']['name'] for x in here]}"
    if ex.line is not None:
        assert any(line == ex.line and (ex.column is None or col == ex.column) for line, col in found), found


def test_phrases_have_both_languages_with_the_same_fields() -> None:
    from eq2code.findings.phrases import PHRASES

    for key, texts in PHRASES.items():
        assert set(texts) == {"en", "ja"}, key
        assert fields(texts["en"]) == fields(texts["ja"]), key

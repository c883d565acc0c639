"""The example gallery as a test suite (Fixit's VALID/INVALID idea).

Every ``examples/<rule>/*.py`` is a learner's implementation of the rule ``<rule>`` (checked
with ``eq2code check --rule <rule> FILE``) — or, in a folder that has its own
``equation.tex``, of that file — and starts with a header that states what eq2code must say
about it::

    # eq2code-example: verdict=pass
    # eq2code-example: verdict=fail findings=numeric-mismatch mistake=sum-vs-mean
    # eq2code-example: note=What the mistake is, in one sentence.

``findings`` (comma-separated finding names) must all appear in the report; a ``pass``
example may list warnings or infos it must carry. A wrong example lists the named mistake
(spec §3) in ``findings`` when eq2code names it today; when eq2code cannot tell it yet, it
lists the generic finding it gets (``numeric-mismatch``, ``exception``, ``wrong-shape``) and
the mistake the spec calls for in ``mistake``: the named mistake then replaces the generic
finding without a change to the header. A report that names a mistake listed in neither is
a wrong diagnosis and fails. Each example is checked through the real command line
entry point in-process (``eq2code.cli.main.main``), so it also tests the JSON report and the
exit status. One check costs one child process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from eq2code.cli.main import main
from eq2code.equation.rulebook import list_rules
from eq2code.findings.docs import EXAMPLE_HEADER, example_header
from eq2code.findings.model import KINDS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HEADER = EXAMPLE_HEADER
KNOWN_KEYS = {"verdict", "findings", "mistake", "note"}
MIN_CORRECT, MIN_WRONG = 2, 3
GENERIC = {"numeric-mismatch", "exception", "wrong-shape"}  # what a named mistake replaces
# The rules of issue 4: each has an example folder.
RULES = ("softmax", "softmax-temperature", "logsumexp", "attention", "multihead-attention", "cross-entropy",
         "token-cross-entropy", "negative-log-likelihood", "entropy", "cross-entropy-distributions",
         "kl-divergence", "expectation", "bayes-posterior", "sigmoid", "log-sigmoid-derivative", "l1-norm",
         "l2-norm", "dense-layer", "gradient-descent-step", "gaussian-kl")

# Examples whose true expectation eq2code does not meet yet (bugs or missing features in
# eq2code, not in the examples). strict: the xfail turns into a failure once it is fixed.
KNOWN_BUGS: dict[str, str] = {}

# Rules whose LaTeX eq2code cannot check yet (notation; see docs/rules-notation-todo.md).
# Every example of the folder is expected to fail until the notation works; strict, so
# the marks must go once it does.
NOTATION_TODO: dict[str, str] = {
}


@dataclass(frozen=True)
class Example:
    folder: str
    path: Path
    header: dict[str, str]

    @property
    def id(self) -> str:
        return f"{self.folder}/{self.path.name}"

    @property
    def equation(self) -> Path | None:
        """The folder's own equation file; None when the folder is checked against its rule."""
        path = self.path.parent / "equation.tex"
        return path if path.exists() else None

    @property
    def argv(self) -> list[str]:
        if self.equation is not None:
            return ["check", str(self.equation), str(self.path)]
        return ["check", "--rule", self.folder, str(self.path)]

    @property
    def verdict(self) -> str | None:
        return self.header.get("verdict")

    @property
    def findings(self) -> list[str]:
        return [f.strip() for f in self.header.get("findings", "").split(",") if f.strip()]

    @property
    def mistakes(self) -> list[str]:
        return [f.strip() for f in self.header.get("mistake", "").split(",") if f.strip()]


def read_header(path: Path) -> dict[str, str]:
    """The file's `# eq2code-example:` header, read as eq2code's own docs read it."""
    return example_header(path)


def example_folders() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and any(p.glob("*.py")))


def discover() -> list[Example]:
    return [Example(folder.name, path, read_header(path))
            for folder in example_folders() for path in sorted(folder.glob("*.py"))]


ALL = discover()


def _params() -> list:
    params = []
    for ex in ALL:
        marks = []
        if ex.folder in NOTATION_TODO:
            marks.append(pytest.mark.xfail(reason=NOTATION_TODO[ex.folder], strict=True))
        elif ex.id in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(reason=KNOWN_BUGS[ex.id], strict=True))
        params.append(pytest.param(ex, id=ex.id, marks=marks))
    return params


def run_check(ex: Example, capsys) -> tuple[int, dict]:
    capsys.readouterr()  # drop anything printed before
    code = main([*ex.argv, "--format", "json"])
    out = capsys.readouterr().out
    try:
        report = json.loads(out)
    except json.JSONDecodeError:  # pragma: no cover - a failure message, not a path
        pytest.fail(f"--format json did not print one JSON document (exit {code}):\n{out[:2000]}")
    return code, report


@pytest.mark.parametrize("ex", _params())
def test_example(ex: Example, capsys):
    assert ex.verdict in ("pass", "fail"), f"{ex.id}: header has no verdict=pass|fail"
    code, report = run_check(ex, capsys)
    diags = report.get("diagnostics", [])
    summary = [(d.get("data", {}).get("name"), d.get("severity"), d.get("message", "")[:160]) for d in diags]
    context = f"{ex.id}: report {report.get('checks')}, error={report.get('error')!r}, diagnostics {summary}"

    checks = report.get("checks", [])
    assert len(checks) == 1, context
    assert checks[0]["verdict"] == ex.verdict, context

    names = {d.get("data", {}).get("name") for d in diags}
    # a named mistake replaces the generic finding it explains (spec §3)
    replaced = any(m in names for m in ex.mistakes)
    missing = [f for f in ex.findings if f not in names and not (f in GENERIC and replaced)]
    assert not missing, f"missing findings {missing}; {context}"
    named = {n for n in names if n in KINDS and KINDS[n].group == "named"}
    wrong_diagnosis = named - set(ex.findings) - set(ex.mistakes)
    assert not wrong_diagnosis, f"names a mistake the example does not make: {sorted(wrong_diagnosis)}; {context}"

    if ex.verdict == "pass":
        assert not [d for d in diags if d.get("severity") == 1], context
        assert code == 0, context
    else:
        assert code == 1, context


def test_every_folder_has_enough_examples():
    folders = example_folders()
    assert {f.name for f in folders} >= set(RULES)
    for folder in folders:
        correct = sorted(folder.glob("correct_*.py"))
        wrong = sorted(folder.glob("wrong_*.py"))
        assert len(correct) >= MIN_CORRECT, f"{folder.name}: {len(correct)} correct examples"
        assert len(wrong) >= MIN_WRONG, f"{folder.name}: {len(wrong)} wrong examples"
        others = [p.name for p in folder.glob("*.py") if not p.name.startswith(("correct_", "wrong_"))]
        assert not others, f"{folder.name}: examples must be named correct_* or wrong_*: {others}"


@pytest.mark.parametrize("ex", [pytest.param(ex, id=ex.id) for ex in ALL])
def test_header(ex: Example):
    first = ex.path.read_text(encoding="utf-8").splitlines()[:1]
    assert first and HEADER.match(first[0]), f"{ex.id}: the first line must be '# eq2code-example: verdict=...'"
    assert set(ex.header) <= KNOWN_KEYS, f"{ex.id}: unknown header keys {set(ex.header) - KNOWN_KEYS}"
    expected = "pass" if ex.path.name.startswith("correct_") else "fail"
    assert ex.verdict == expected, f"{ex.id}: a {ex.path.name.split('_')[0]}_* file must say verdict={expected}"
    if ex.verdict == "fail":
        assert ex.findings, f"{ex.id}: a fail example must list the findings it expects"
    for name in ex.findings + ex.mistakes:
        assert name in KINDS, f"{ex.id}: {name!r} is not a finding name (findings.py)"
    for name in ex.mistakes:
        assert KINDS[name].group == "named", f"{ex.id}: mistake={name} is not a named mistake (spec §3)"
    if ex.mistakes:
        assert ex.verdict == "fail", f"{ex.id}: only a wrong example shows a mistake"


@pytest.mark.parametrize("folder", [pytest.param(f, id=f.name) for f in example_folders()])
def test_folder_names_a_rule(folder: Path):
    """A folder without its own equation.tex is checked against the rule of the same name; a
    folder whose rule exists must not keep a stale copy of the equation."""
    names = {r.name for r in list_rules()}
    if (folder / "equation.tex").exists():
        assert folder.name not in names, f"{folder.name}: use the rule, delete equation.tex"
    else:
        assert folder.name in names, f"{folder.name}: no rule of that name and no equation.tex"


def test_notation_todo_names_real_folders():
    assert set(NOTATION_TODO) <= {f.name for f in example_folders()}


def test_known_bugs_name_real_examples():
    ids = {ex.id for ex in ALL}
    assert set(KNOWN_BUGS) <= ids, set(KNOWN_BUGS) - ids

"""Code written the way textbooks and public repositories write it (issue 13): the textbook's
`cross_entropy_error(y, t)`, tuple and dict returns, layer classes, in-place optimizers on
dicts of arrays, unnamed argument orders, several functions in a file, required `axis`
parameters — each right one passes with a `convention-assumed` note saying what was assumed,
and each wrong one still fails with its mistake named.

Each `tests/conventions/*.py` starts with the header of `examples/` plus `check=` (the
arguments after `eq2code check`); see tests/conventions/README.md.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from eq2code.cli.main import main
from eq2code.findings.docs import example_header

CASES = sorted((Path(__file__).resolve().parent / "conventions").glob("*.py"))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_convention(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = example_header(path)
    args = [str(path.parent / a) if a.endswith(".tex") else a for a in shlex.split(header["check"])]
    code = main(["check", *args, str(path), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    verdict = doc["checks"][0]["verdict"]
    names = {d["data"]["name"] for d in doc["diagnostics"]}
    errors = {d["data"]["name"] for d in doc["diagnostics"] if d["severity"] == 1}
    assert verdict == header["verdict"], (verdict, names)
    if header["verdict"] == "pass":
        assert code == 0 and not errors, names
    else:
        assert code == 1 and errors, names
    wanted = {n for key in ("findings", "mistake") for n in header.get(key, "").split(",") if n}
    assert wanted <= names, (wanted, names)


def test_enough_cases() -> None:
    headers = [example_header(p) for p in CASES]
    assert sum(h["verdict"] == "pass" for h in headers) >= 8
    assert sum(h["verdict"] == "fail" for h in headers) >= 6


def test_epsilon_in_the_log_is_not_a_log_of_zero_warning(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).resolve().parent / "conventions" / "entropy_with_eps.py"
    main(["check", "--rule", "entropy", str(path), "--format", "json"])
    names = {d["data"]["name"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert "log-of-zero" not in names and "epsilon-variant" in names


@pytest.mark.parametrize(("name", "absent"), [("shared_weights.py", "batch-inconsistent"),
                                              ("affine_layer.py", "batch-inconsistent"),
                                              ("weighted_mean.py", "batch-inconsistent")])
def test_learner_style_passes_without_a_warning(name: str, absent: str, capsys: pytest.CaptureFixture[str]) -> None:
    """np.dot(x, W) + b with shared weights is right for a batch of x; a reduction over a data set
    reads a batch as more items (impl14)."""
    path = Path(__file__).resolve().parent / "conventions" / name
    tex = path.parent / example_header(path)["check"]
    assert main(["check", str(tex), str(path), "--format", "json"]) == 0
    names = {d["data"]["name"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert absent not in names, names

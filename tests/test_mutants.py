"""Guarding the diagnoses (as STACK's question tests guard its feedback): for every shipped
rule, each mutated reference differs from the reference on the generated inputs, and mutants
that give the same output get one and the same diagnosis."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT

from eq2code.diagnosis.naming import mutant_output, name_the_mistake
from eq2code.equation.semantics import read_equation_file
from eq2code.reference.compare import compare
from eq2code.reference.evaluate import evaluate
from eq2code.reference.inputs import make_trials

RULES = sorted((ROOT / "rules").glob("*.tex"))


def core_runs(eq):
    for t in make_trials(eq, 0):
        if t.form == "core":
            values = {s.sympy_name: t.values[s.name] for s in eq.inputs if s.role != "size"}
            yield values, t.sizes


def equation(path: Path):
    eq = read_equation_file(str(path), path.read_text(encoding="utf-8")).main
    assert eq is not None, f"{path.name} has no checkable main equation"
    return eq


@pytest.mark.parametrize("path", RULES, ids=[p.stem for p in RULES])
def test_every_mutant_differs_from_the_reference(path):
    eq = equation(path)
    runs = list(core_runs(eq))
    references = [evaluate(eq, v, s).astype(float) for v, s in runs]
    assert eq.mutants, f"{path.stem}: no mutants"
    for m in eq.mutants:
        outs = [mutant_output(eq, m, v, s) for v, s in runs]
        if any(o is None for o in outs):
            continue  # cannot be evaluated on these inputs (a shape clash): it can never match
        same = all(compare(r, o, s, "") is None for r, o, (_, s) in zip(references, outs, runs))
        assert not same, f"{path.stem}: mutant {m['name']} ({m['part']}) equals the reference"


@pytest.mark.parametrize("path", RULES, ids=[p.stem for p in RULES])
def test_mutants_with_the_same_output_share_one_diagnosis(path):
    eq = equation(path)
    runs = list(core_runs(eq))
    for m in eq.mutants:
        outs = [mutant_output(eq, m, v, s) for v, s in runs]
        if any(o is None or np.all(np.isnan(o)) for o in outs):
            continue  # undefined on some input: it explains nothing there
        found = name_the_mistake(eq, [(v, s, o, "float64") for (v, s), o in zip(runs, outs)])
        assert found is not None, f"{path.stem}: mutant {m['name']} does not diagnose itself"
        twins = [n for n in eq.mutants if all(
            (x := mutant_output(eq, n, v, s)) is not None and compare(o, x, s, "") is None
            for (v, s), o in zip(runs, outs))]
        names = {name_the_mistake(eq, [(v, s, mutant_output(eq, t, v, s), "float64") for v, s in runs]).name
                 for t in twins}
        assert names == {found.name}, f"{path.stem}: {m['name']} and its twins get {names}"

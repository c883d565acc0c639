"""Auxiliary indexed definitions (μ_j = …) that the main equation reads are computed from its
inputs at check time (checking/auxiliary.py): the function is asked for X, not for μ."""

from __future__ import annotations

import numpy as np

from eq2code.checking.auxiliary import inline
from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate

CENTRED = r"""X \in \mathbb{R}^{N \times d}

\mu_j = \frac{1}{N} \sum_{i=1}^{N} X_{ij}

v_j = \frac{1}{N} \sum_{i=1}^{N} (X_{ij} - \mu_j)^2

Y_{ij} = \frac{X_{ij} - \mu_j}{\sqrt{v_j}}
"""

# the auxiliary definition sums over k; the main equation reads it at its own free index i
OTHER_LETTERS = r"""X \in \mathbb{R}^{N \times d}

m_i = \frac{1}{d} \sum_{k=1}^{d} X_{ik}

Y_{ik} = X_{ik} - m_i
"""


def _inlined(tex: str):
    f = read_equation_file("unit.tex", tex)
    assert f.main is not None
    return f.main, inline(f.main, f)


def test_standardisation_reads_only_x():
    raw, eq = _inlined(CENTRED)
    assert {s.name for s in raw.inputs if s.role != "size"} >= {"mu", "v"}
    assert [s.name for s in eq.inputs if s.role != "size"] == ["X"]
    x = np.random.default_rng(0).standard_normal((5, 3))
    got = evaluate(eq, {"X": x}, {"N": 5, "d": 3})
    assert np.allclose(got, (x - x.mean(axis=0)) / x.std(axis=0))


def test_summation_index_is_renamed_apart_from_the_readers_index():
    _raw, eq = _inlined(OTHER_LETTERS)
    x = np.random.default_rng(1).standard_normal((4, 3))
    got = evaluate(eq, {"X": x}, {"N": 4, "d": 3})
    assert np.allclose(got, x - x.mean(axis=1, keepdims=True))


def test_inputs_taken_by_name_stay_inputs():
    f = read_equation_file("unit.tex", CENTRED)
    assert f.main is not None
    eq = inline(f.main, f, keep={"mu", "v"})
    assert {s.name for s in eq.inputs if s.role != "size"} == {"X", "mu", "v"}


def _reads(plan, name: str) -> bool:
    if not isinstance(plan, list):
        return False
    return plan[:2] == ["indexed", name] or any(_reads(p, name) for p in plan)


def test_named_mistakes_are_computed_too():
    raw, eq = _inlined(CENTRED)
    assert any(_reads(m.get("plan"), "mu") for m in raw.mutants)
    assert eq.mutants and not any(_reads(m.get("plan"), name) for m in eq.mutants for name in ("mu", "v"))

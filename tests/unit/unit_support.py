"""Helpers of the unit tests by layer (tests/unit/: fast, in process, no sandbox, no command line)."""

from __future__ import annotations

import numpy as np

from eq2code.equation.model import Equation
from eq2code.equation.semantics import read_equation_file
from eq2code.reference.evaluate import evaluate


def lower(tex: str) -> Equation:
    """The main equation of an equation file's text (no cache: the lowering runs every time)."""
    f = read_equation_file("unit.tex", tex)
    eq = f.main
    assert eq is not None, [(d.name, d.params) for d in f.diagnostics]
    return eq


def readings(tex: str) -> list[str]:
    """The phrase keys of the readings eq2code reports (ambiguous-notation findings)."""
    f = read_equation_file("unit.tex", tex)
    return [d.params["reading"].phrase for d in f.diagnostics if d.name == "ambiguous-notation"]


def value(eq: Equation, **values) -> np.ndarray:
    """The equation's value on these inputs, its sizes read from their shapes."""
    sizes: dict[str, int] = {}
    for spec in eq.inputs:
        if spec.name in values:
            sizes.update({d: n for d, n in zip(spec.shape, np.shape(values[spec.name])) if isinstance(d, str)})
    return np.asarray(evaluate(eq, values, sizes), dtype=float)

"""Helpers of the unit tests by layer (tests/unit/: fast, in process, no sandbox, no command line)."""

from __future__ import annotations

from eq2code.equation.model import Equation
from eq2code.equation.semantics import read_equation_file


def lower(tex: str) -> Equation:
    """The main equation of an equation file's text (no cache: the lowering runs every time)."""
    f = read_equation_file("unit.tex", tex)
    eq = f.main
    assert eq is not None, [(d.name, d.params) for d in f.diagnostics]
    return eq

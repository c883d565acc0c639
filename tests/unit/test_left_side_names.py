"""Left sides (issue 12, lead): capitals run together with a subscript name one array (`PE_i`), and a
left side that defines every other entry (`p_{i,2j} = \\sin(…)`, the positional encoding) is not
checkable with that reason — both had been read as an identity about a product or an input, silently."""

from __future__ import annotations

from eq2code.equation.semantics import read_equation_file


def _first(tex: str):
    return read_equation_file("unit.tex", f"$${tex}$$\n").equations[0]


def test_capitals_with_a_subscript_name_one_array():
    eq = _first(r"PE_i = x_i + 1")
    assert (eq.kind, eq.name, eq.checkable) == ("definition", "PE", True)
    assert [s.name for s in eq.inputs] == ["x"]


def test_entries_every_other_index_are_not_checkable_with_the_reason():
    for tex in (r"p_{i, 2j} = \sin\left(\frac{i}{10000^{2j/d}}\right)",
                r"PE_{(pos, 2i+1)} = \cos\left(\frac{pos}{10000^{2i/d}}\right)"):
        eq = _first(tex)
        assert not eq.checkable and eq.why is not None and eq.why.phrase == "eq-entries-at-scaled-index"


def test_a_step_subscript_stays_a_step():
    eq = _first(r"w_{t+1} = w_t - \eta g_t")
    assert eq.checkable and eq.kind == "definition"

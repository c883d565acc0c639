"""Notation of real course notes (issue 12): readings of the impl corpus's classes of problem,
each on a small equation written here (not the corpus's quotes)."""

from __future__ import annotations

from unit_support import lower


def _spec(eq, name):
    return next(s for s in eq.inputs if s.name == name)


def test_a_primed_size_name_is_a_size():
    eq = lower(r"Y = X W" "\n\n" r"X \in \mathbb{R}^{n \times d}, \quad W \in \mathbb{R}^{d \times d'}")
    assert _spec(eq, "W").shape == ("d", "d'")
    assert eq.output_shape == ("n", "d'")


def test_a_labelled_capital_beside_declared_arrays_is_a_matrix():
    """S h^{(ℓ)} W^{(ℓ)}: W^{(ℓ)} is undeclared, but a product with declared matrices makes it one."""
    eq = lower(r"h^{(\ell+1)} = S h^{(\ell)} W^{(\ell)}" "\n\n"
               r"S \in \mathbb{R}^{n \times n}, \quad h^{(\ell)} \in \mathbb{R}^{n \times d}")
    w = next(s for s in eq.inputs if s.name.startswith("W"))
    assert w.role == "array" and len(w.shape) == 2 and w.shape[0] == "d"


def test_an_undeclared_capital_beside_a_declared_matrix_is_a_matrix():
    eq = lower(r"Y = A B" "\n\n" r"A \in \mathbb{R}^{n \times n}")
    assert _spec(eq, "B").role == "array"


def test_two_undeclared_capitals_stay_scalars():
    eq = lower(r"F = P R")
    assert _spec(eq, "P").role == "scalar" and _spec(eq, "R").role == "scalar"

"""An entry written with square brackets around its array: `[\\mathbf{X}]_{i,j}`, `[\\mathbf{V}]_{a,b}`.

Deep-learning notes write the (i, j) entry of a matrix X as `[\\mathbf{X}]_{i,j}` so that the
subscript is not read as a label of X. The parser reads it as a subscript on a bracketed
expression, which had no reading. Square brackets around one symbol, subscripted, are rewritten to
that symbol with the subscript (`X_{i,j}`), which the reading already knows as an entry. The caller
says so. Round brackets, `(W\\mathbf{x})_i`, keep their reading (an entry of a computed value).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eq2code.equation.latex import ir


def bracketed_entries(node: Any) -> tuple[Any, list[ir.Node]]:
    """`node` with every `[X]_{…}` as `X_{…}`, and the entries rewritten."""
    found: list[ir.Node] = []

    def rewrite(n: Any) -> Any:
        if isinstance(n, ir.Script) and n.sub is not None and isinstance(n.base, ir.Group) \
                and n.base.bracket == "[" and _symbol(n.base.body):
            found.append(n)
            n = dataclasses.replace(n, base=n.base.body)
        return ir.map_children(n, rewrite) if isinstance(n, (ir.Node, list, tuple)) else n

    return rewrite(node), found


def _symbol(node: ir.Node) -> bool:
    """X, 𝐗, \\hat{X}: one letter (with its font or accent), nothing subscripted."""
    return isinstance(node, ir.Ident) and node.style in ("", "bf") and (len(node.name) == 1 or node.name in _GREEK)


_GREEK = {"Sigma", "Lambda", "Theta", "Phi", "Psi", "Omega", "Gamma", "theta", "mu", "sigma", "alpha", "beta"}

"""A dot written with spaces on both sides between two operands: `z = W . a + b`.

Notebook prose types the product of a matrix and a vector (NumPy's `np.dot`) as `W . a`, a full
stop with a space on each side. The tokenizer reads that dot as `\\cdot` (written tight, `g.f`
stays what D10 reads: a group action or a composition, no value); this finds the products it
made, for the caller to say so.
"""

from __future__ import annotations

import re
from typing import Any

from eq2code.equation.latex import ir

SPACED_DOT = re.compile(r"[ \t]+\.[ \t]+")


def spaced_dots(node: Any, text: str) -> list[ir.Span]:
    """Where the clause multiplies two factors written with a spaced dot between them."""
    if not isinstance(node, ir.Node):
        return []
    found: list[ir.Span] = []
    for n in node.walk():
        if isinstance(n, ir.Product):
            for left, right, op in zip(n.factors, n.factors[1:], n.ops[1:]):
                if op == "cdot" and SPACED_DOT.fullmatch(text[left.span[1]:right.span[0]]):
                    found.append((left.span[0], n.span[1]))
    return found

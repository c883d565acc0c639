"""A primed symbol that a definition names: `\\mathbf{g}_t' = \\frac{η \\hat{𝐯}_t}{…}` defines a new
quantity g'_t, not the derivative of g_t.

The parser reads `g_t'` as a prime on `g_t` (as it reads `σ'(x)`, a derivative). On the left side
of a definition, not applied to arguments, it names a quantity: every occurrence of the same
symbol in the file (the definition, and the right sides that use it) is renamed g'_t — the form
`g'_t` already has. Where the file does not define it, a primed symbol keeps its reading; an applied
one (`σ'(x)`, `f_t'(x)`) is a derivative as before. `h' = …` (a letter whose prime is read as a
derivative) is the same: the quantity h', also where the right sides use it. The renaming is said on the definition.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eq2code.equation.latex import ir

DEFINING = {"eq", "defeq", "leftarrow"}


def renamed(node: ir.Node) -> ir.Node | None:
    """`g_t'` (a prime on a subscripted letter, no script after it) and `g'_t` as the symbol `g'_t`,
    `h'` as the name h', else None."""
    if isinstance(node, ir.Script) and node.primes and isinstance(node.base, ir.Ident) \
            and (node.sub is not None or node.sup is not None):  # z'_j: the name z' with its subscript
        name = dataclasses.replace(node.base, name=node.base.name + "'" * node.primes)
        return ir.Script(name, node.sub, node.sup, span=node.span)
    if not (isinstance(node, ir.Script) and node.primes and node.sub is None and node.sup is None):
        return None
    inner = node.base
    if isinstance(inner, ir.Ident):
        return dataclasses.replace(inner, name=inner.name + "'" * node.primes, span=node.span)
    if not (isinstance(inner, ir.Script) and isinstance(inner.base, ir.Ident) and not inner.primes
            and (inner.sub is not None or inner.sup is not None)):
        return None
    name = dataclasses.replace(inner.base, name=inner.base.name + "'" * node.primes)
    return ir.Script(name, inner.sub, inner.sup, span=node.span)


def defined_primes(nodes: list[ir.Node]) -> list[ir.Node]:
    """The primed symbols that are the left side of a definition (as written)."""
    out = []
    for node in nodes:
        if isinstance(node, ir.Chain) and node.rels and all(r in DEFINING for r in node.rels) \
                and renamed(node.items[0]) is not None:
            out.append(node.items[0])
    return out


def rename_primes(node: Any, defined: list[ir.Node]) -> Any:
    """`node` with every defined primed symbol renamed (never the function of an application)."""
    if isinstance(node, ir.Call):
        args = rename_primes(node.args, defined)
        return node if args is node.args else dataclasses.replace(node, args=args)
    if isinstance(node, ir.Script) and any(node == d for d in defined):
        return renamed(node)
    return ir.map_children(node, lambda child: rename_primes(child, defined))

"""A value at a time step written as an argument: `w(t+1) = w(t) - \\eta g`, `\\vec{p}(t+1) = M \\vec{p}(t)`.

The parser reads `w(t+1)` as an application of a function w (or, by D16's coefficient rule, as w
times t+1). When the left side of a definition is `X(t+1)` and its right side uses `X(t)`, the
notes describe one step of an iteration, as `X_{t+1} = … X_t …` does: both are rewritten to that
subscript form, which the reading already knows (`x_next` from `x_t`). The caller says so.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eq2code.equation.latex import ir
from eq2code.equation.symbols import symbol_key

DEFINING = {"eq", "defeq", "leftarrow"}


def stepped_arguments(chain: ir.Chain) -> ir.Chain | None:
    """The chain with `X(t+1)` on the left and `X(t)` on the right as `X_{t+1}`, `X_t`; None when
    the left side is not such a step or the right side never uses the value at step t."""
    if not chain.rels or chain.rels[0] not in DEFINING:
        return None
    lhs = chain.items[0]
    if not (isinstance(lhs, ir.Call) and lhs.bracket == "(" and len(lhs.args) == 1):
        return None
    letter = _next_step_letter(lhs.args[0])
    key = symbol_key(lhs.func)
    if letter is None or key is None or not isinstance(lhs.func, ir.Ident):
        return None
    sides = [_at_step(side, key, letter) for side in chain.items[1:]]
    if all(new is old for new, old in zip(sides, chain.items[1:])):
        return None
    left = ir.Script(lhs.func, lhs.args[0], None, span=lhs.span)
    return ir.Chain([left, *sides], list(chain.rels), span=chain.span)


def _next_step_letter(arg: ir.Node) -> ir.Ident | None:
    """t of `t+1` (one small letter plus one)."""
    if not (isinstance(arg, ir.Add) and len(arg.terms) == 2):
        return None
    (sign1, first), (sign2, second) = arg.terms
    if sign1 == "+" and sign2 == "+" and isinstance(first, ir.Ident) and len(first.name) == 1 \
            and first.name.islower() and not first.style and isinstance(second, ir.Num) and second.text == "1":
        return first
    return None


def _at_step(node: Any, key: str, letter: ir.Ident) -> Any:
    """`node` with every `X(t)` (X of key `key`, t the step letter) as `X_t`."""
    if isinstance(node, ir.Call) and node.bracket == "(" and len(node.args) == 1 \
            and symbol_key(node.func) == key and node.args[0] == letter:
        return ir.Script(node.func, node.args[0], None, span=node.span)
    if isinstance(node, ir.Node):
        changes = {f.name: _at_step(getattr(node, f.name), key, letter) for f in dataclasses.fields(node)
                   if f.name != "span"}
        changed = {k: v for k, v in changes.items() if v is not getattr(node, k)}
        return dataclasses.replace(node, **changed) if changed else node
    if isinstance(node, (list, tuple)):
        items = [_at_step(v, key, letter) for v in node]
        if all(a is b for a, b in zip(items, node)):
            return node
        return type(node)(items) if isinstance(node, list) else tuple(items)
    return node

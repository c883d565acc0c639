"""The gradient names of code-like notes: `dA`, `dW_c`, `dZ_{hw}`, `dW^{[l]}` written as names.

Notes that derive backpropagation loop by loop (Andrew Ng's courses, their many copies) write
the gradient of the cost with respect to A as `dA` — the name the code gives it — not the product
d·A. A small `d` written right against a capital letter (no space between them) is read as that
one name, where the equation is not a derivative: inside a fraction (`\\frac{dC}{dX}`) and after an
integral the letters keep their meaning. Said as a reading by the caller (semantics).
"""

from __future__ import annotations

import dataclasses

from eq2code.equation.latex import ir
from eq2code.equation.symbols import bracket_label


def merged(node: ir.Node, found: list[ir.Span], left: bool = False) -> ir.Node:
    """`node` with each `d` + capital (plain, side by side) made one name; their spans in `found`.
    On the left side of an equation (`left`), `d \\Gamma_o = …` with a space is that name too."""
    if isinstance(node, ir.Chain) and node.items:
        first = merged(node.items[0], found, left=True)
        rest = [merged(item, found) for item in node.items[1:]]
        if first is node.items[0] and all(a is b for a, b in zip(rest, node.items[1:])):
            return node
        return ir.Chain([first, *rest], node.rels, span=node.span)
    if isinstance(node, ir.Frac) or (isinstance(node, ir.BigOp) and node.op in ("int", "oint")):
        return node
    if isinstance(node, ir.Product):
        factors, ops = list(node.factors), list(node.ops)
        k = 0
        while k + 1 < len(factors):
            name = _gradient_name(factors[k], factors[k + 1], left and k == 0 and len(factors) == 2) \
                if ops[k + 1] is None else None
            if name is not None:
                found.append(name.span)
                factors[k:k + 2] = [name]
                ops[k:k + 2] = [ops[k]]
            k += 1
        if len(factors) != len(node.factors):
            node = factors[0] if len(factors) == 1 else ir.Product(factors, ops, span=node.span)
            if not isinstance(node, ir.Product):
                return merged(node, found)
    return ir.map_children(node, lambda child: merged(child, found))


def _gradient_name(d: ir.Node, nxt: ir.Node, spaced: bool = False) -> ir.Node | None:
    """`d` then `A` (`W_c`, `Z_{hw}`, `\\Gamma_o^{⟨t⟩}`, `\\tilde c`, `a_{prev}`) written against it: the
    name dA (dW_c, …). `spaced`: the whole left side, where a space between them is allowed."""
    if not (isinstance(d, ir.Ident) and d.name == "d" and not d.style and not d.accents):
        return None
    scripted = isinstance(nxt, ir.Script) and not nxt.primes and (nxt.sup is None or bracket_label(nxt.sup))
    target = nxt.base if isinstance(nxt, ir.Script) and scripted else nxt
    if not (isinstance(target, ir.Ident) and not target.style and (spaced or target.span[0] == d.span[1])):
        return None
    capital = len(target.name) == 1 and target.name.isupper() and not target.accents
    greek = target.name in GREEK_LETTERS
    accented = len(target.name) == 1 and set(target.accents) <= {"tilde", "hat", "bar"} and bool(target.accents)
    small = len(target.name) == 1 and target.name.islower() and scripted and not target.accents
    if not (capital or greek or accented or small):
        return None
    name = dataclasses.replace(target, name="d" + target.name, span=(d.span[0], target.span[1]))
    if isinstance(nxt, ir.Script) and scripted:
        return ir.Script(name, nxt.sub, nxt.sup, span=(d.span[0], nxt.span[1]))
    return name


GREEK_LETTERS = {"alpha", "beta", "gamma", "delta", "theta", "mu", "sigma", "phi", "psi", "omega", "eta",
                 "Gamma", "Delta", "Theta", "Sigma", "Phi", "Psi", "Omega", "lambda", "Lambda", "tau", "rho"}



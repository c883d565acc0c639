"""Δ and δ of optimisation notes. An increment written with Δ before a symbol:
`\\Delta w = -\\eta \\frac{\\partial L}{\\partial w}`,
`w(k+1) = w(k) - \\Delta w(k)`, `\\Delta \\mathbf{w} = \\mu \\mathbf{x}_i (y_i - t_i)`.

The parser reads `\\Delta w` as Δ times w (two inputs). Optimisation and backpropagation notes
mean one quantity, the change of w: `\\Delta` directly before a one-letter symbol (plain, bold,
subscripted, or applied to a step) is rewritten to one symbol named `Delta_w` that keeps the
symbol's font, subscript and argument. The caller says so. Δ alone (a margin, `s_j - s_{y_i} + \\Delta`)
and Δ before a number or a bracket stay as they are.

A fraction with δ before both its numerator and its variable, `\\frac{\\delta L}{\\delta w}`, is the
derivative ∂L/∂w some notes write with δ (never δ·L over δ·w, which cancels to L/w): its δs
are rewritten to ∂ (`delta_derivatives`); the caller says so. δ alone (`\\delta_{hi}`, an
error term of backpropagation) is untouched.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eq2code.equation.latex import ir
from eq2code.equation.symbols import bracket_label


def named_increments(node: Any) -> tuple[Any, list[ir.Node]]:
    """`node` with every `\\Delta x` as one symbol `Delta_x`, and the increments found (their spans
    are where the reading is said)."""
    found: list[ir.Node] = []

    def rewrite(n: Any) -> Any:
        if isinstance(n, ir.Product):
            n = _merged(n, found)
        return ir.map_children(n, rewrite) if isinstance(n, (ir.Node, list, tuple)) else n

    return rewrite(node), found


def _merged(product: ir.Product, found: list[ir.Node]) -> ir.Node:
    factors, ops = list(product.factors), list(product.ops)
    k = 0
    while k < len(factors) - 1:
        named = _increment(factors[k], factors[k + 1]) if ops[k + 1] is None else None
        if named is not None:
            found.append(named)
            factors[k:k + 2] = [named]
            ops[k + 1:k + 2] = []
        k += 1
    if len(factors) == len(product.factors):
        return product
    if len(factors) == 1:
        return factors[0]
    return ir.Product(factors, ops, span=product.span)


def _increment(delta: ir.Node, symbol: ir.Node) -> ir.Node | None:
    """Δ and the symbol after it as one symbol, or None."""
    if not (isinstance(delta, ir.Ident) and delta.name == "Delta" and not delta.style and not delta.accents):
        return None
    span = (delta.span[0], symbol.span[1])
    if isinstance(symbol, ir.Ident):
        return _named(symbol, span) if _letter(symbol) else None
    if isinstance(symbol, ir.Script) and isinstance(symbol.base, ir.Ident) and not symbol.primes \
            and _letter(symbol.base) and (symbol.sup is None or bracket_label(symbol.sup)):
        return dataclasses.replace(symbol, base=_named(symbol.base, symbol.base.span), span=span)
    if isinstance(symbol, ir.Call) and symbol.bracket == "(" and len(symbol.args) == 1:
        func = symbol.func  # Δw(k), Δw_h(k+1): the change at a step
        if isinstance(func, ir.Ident) and _letter(func):
            return dataclasses.replace(symbol, func=_named(func, func.span), span=span)
        if isinstance(func, ir.Script) and isinstance(func.base, ir.Ident) and _letter(func.base) \
                and func.sup is None and not func.primes:
            renamed = dataclasses.replace(func, base=_named(func.base, func.base.span))
            return dataclasses.replace(symbol, func=renamed, span=span)
    return None


def _named(symbol: ir.Ident, span: tuple[int, int]) -> ir.Node:
    if not _letter(symbol):
        return symbol
    return dataclasses.replace(symbol, name=f"Delta_{symbol.name}", span=span)


def _letter(symbol: ir.Ident) -> bool:
    """One Latin or Greek letter, plain or bold (w, 𝐖, θ), not a word or an operator letter."""
    return symbol.style in ("", "bf") and not symbol.accents and (
        (len(symbol.name) == 1 and symbol.name.isalpha()) or symbol.name in _GREEK)




_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "sigma", "tau", "phi",
          "psi", "omega", "eta", "rho", "xi", "nu", "kappa", "zeta", "chi"}


def delta_derivatives(node: Any) -> tuple[Any, list[ir.Node]]:
    """`node` with every `\\frac{\\delta f}{\\delta x}` as `\\frac{\\partial f}{\\partial x}`, and the
    fractions rewritten."""
    found: list[ir.Node] = []

    def rewrite(n: Any) -> Any:
        if isinstance(n, ir.Frac) and _delta_fraction(n):
            found.append(n)
            n = dataclasses.replace(n, num=_partial_first(n.num), den=_partial_first(n.den))
        return ir.map_children(n, rewrite) if isinstance(n, (ir.Node, list, tuple)) else n

    return rewrite(node), found


def _is_delta(node: Any) -> bool:
    return isinstance(node, ir.Ident) and node.name == "delta" and not node.style and not node.accents


def _delta_fraction(frac: ir.Frac) -> bool:
    den, num = frac.den, frac.num
    if not (isinstance(den, ir.Product) and len(den.factors) == 2 and den.ops[1] is None
            and _is_delta(den.factors[0]) and not _is_delta(den.factors[1])):
        return False
    return _is_delta(num) or (isinstance(num, ir.Product) and len(num.factors) >= 2 and _is_delta(num.factors[0])
                              and num.ops[1] is None)


def _partial_first(node: Any) -> Any:
    if _is_delta(node):
        return ir.Special("partial", span=node.span)
    first = node.factors[0]
    return dataclasses.replace(node, factors=[ir.Special("partial", span=first.span), *node.factors[1:]])

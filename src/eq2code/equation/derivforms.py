"""Two ways notes name a derivative on the left of its formula, rewritten to the fraction D20 reads.

* `\\frac{df}{dz}(x, z) = 6x^2z^2`, `\\frac{\\partial J}{\\partial w}(w, b) = …`: a derivative followed by
  the point it is taken at, written as its arguments. The parser reads the bracket as an application
  of the fraction (or a product with a tuple, which has no value); the arguments only name the
  variables, so the left side is the derivative itself (said by the caller).
* `\\frac{\\partial}{\\partial \\theta_0} \\text{MSE} = …`, `\\frac{d}{dw} L = …`: the operator form
  applied to a name, the same derivative as `\\frac{\\partial \\text{MSE}}{\\partial \\theta_0}`.

Only the left side of a chain is rewritten, and only when the arguments are plain symbols and the
name is a symbol (an application `\\frac{d}{dw} g(w)` keeps its own reading, D20).
"""

from __future__ import annotations

from typing import Any

from eq2code.equation.latex import ir
from eq2code.equation.lowering import derivative_key, is_derivative
from eq2code.equation.symbols import symbol_key


def derivative_on_left(node: Any) -> tuple[Any, str]:
    """`node` with its left side rewritten to a derivative fraction, and which form was read:
    "arguments", "operator", or "" (unchanged)."""
    if not isinstance(node, ir.Chain) or not node.rels or node.rels[0] not in ("eq", "defeq"):
        return node, ""
    left = node.items[0]
    if isinstance(left, ir.Call) and left.bracket == "(" and isinstance(left.func, ir.Frac) \
            and derivative_key(left.func) is not None and left.args \
            and all(isinstance(a, (ir.Ident, ir.Script)) and symbol_key(a) is not None for a in left.args):
        return _with_left(node, left.func), "arguments"
    if isinstance(left, ir.Product) and len(left.factors) == 2 and left.ops[1] is None:
        operator, name = left.factors
        if isinstance(operator, ir.Frac) and is_derivative(operator) and not isinstance(operator.num, ir.Product) \
                and isinstance(name, (ir.Ident, ir.Script)) and symbol_key(name) is not None:
            num = ir.Product([operator.num, name], [None, None], span=(operator.num.span[0], name.span[1]))
            return _with_left(node, ir.Frac(num, operator.den, span=left.span)), "operator"
    return node, ""


def _with_left(chain: ir.Chain, left: ir.Node) -> ir.Chain:
    return ir.Chain([left, *chain.items[1:]], list(chain.rels), span=chain.span)

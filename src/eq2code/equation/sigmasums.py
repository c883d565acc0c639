"""A capital Σ with an index, written as the summation sign: `\\Sigma_j \\exp(x_j)`.

Some notes type the sum with the Greek letter `\\Sigma_j` instead of `\\sum_j`
(`\\log(\\Sigma_j \\exp(x_j))`). The parser reads a symbol Σ_j times the term after it. When Σ
carries one lowercase index letter and nothing else, stands first in a product, and its letter
appears in the rest of that product and nowhere else in the clause, it is the sum over that
letter of the rest: the product is rewritten to `\\sum_j (…)`; the caller says so. A covariance Σ_k
(`\\mathcal{N}(x | μ_k, Σ_k)`, `(x − μ_k)^⊤ Σ_k^{-1} (x − μ_k)`, `Σ_k (x − μ_k)` after `(x − μ_k)^⊤`)
is left alone: its index appears outside the product, it has a superscript, or nothing follows it.
"""

from __future__ import annotations

from typing import Any

from eq2code.equation.latex import ir


def sigma_sums(node: Any) -> tuple[Any, list[ir.Node]]:
    """`node` with every Σ_j-product read as a sum, and the Σ_j signs read so (to say where)."""
    if not isinstance(node, ir.Node):
        return node, []
    counts = _letter_counts(node)
    inside: dict[str, int] = {}  # uses of each letter within the candidate products (their Σ_j included)
    for n in node.walk():
        letter = _candidate(n)
        if letter is not None:
            inside[letter] = inside.get(letter, 0) + _letter_counts(n).get(letter, 0)
    letters = {k for k, v in inside.items() if counts.get(k) == v}  # the letter nowhere else: a sum's index
    found: list[ir.Node] = []

    def rewrite(n: Any) -> Any:
        if isinstance(n, ir.Product) and _candidate(n) in letters:
            found.append(n.factors[0])
            rest = n.factors[1:]
            body = rest[0] if len(rest) == 1 else ir.Product(rest, [None] * len(rest),
                                                              span=(rest[0].span[0], rest[-1].span[1]))
            n = ir.BigOp("sum", n.factors[0].sub, None, body, span=n.span)  # type: ignore[attr-defined]
        return ir.map_children(n, rewrite) if isinstance(n, (ir.Node, list, tuple)) else n

    return (rewrite(node) if letters else node), found


def _candidate(node: ir.Node) -> str | None:
    """j of a product Σ_j · (a term using j), written side by side; else None."""
    if not isinstance(node, ir.Product) or len(node.factors) < 2 or any(op is not None for op in node.ops[1:]):
        return None
    letter = _sign_letter(node.factors[0])
    if letter is None or not any(isinstance(n, ir.Ident) and n.name == letter
                                 for f in node.factors[1:] for n in f.walk()):
        return None
    return letter


def _sign_letter(node: ir.Node) -> str | None:
    """j of Σ_j: the capital Σ with one lowercase letter below and nothing else."""
    if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.base.name == "Sigma" \
            and not node.base.style and not node.base.accents and node.sup is None and not node.primes \
            and isinstance(node.sub, ir.Ident) and len(node.sub.name) == 1 and node.sub.name.islower():
        return node.sub.name
    return None


def _letter_counts(node: ir.Node) -> dict[str, int]:
    counts: dict[str, int] = {}
    for n in node.walk():
        if isinstance(n, ir.Ident) and len(n.name) == 1:
            counts[n.name] = counts.get(n.name, 0) + 1
    return counts

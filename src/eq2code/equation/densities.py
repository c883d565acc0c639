"""Named densities written as functions: which family, the point, the parameters (issue 12).

`\\mathcal{N}(x \\mid \\mu, \\sigma^2)`, `\\mathcal{N}(x; \\mu, \\sigma^2)`, `\\text{Norm}_{x}[\\mu,
\\sigma^2]`, `\\mathrm{Bernoulli}(x \\mid p)`, `\\mathrm{Bern}(x; p)`: the density (or mass) at a
point, as ML notes write them. This module only reads the IR; the lowering builds the value and
says which reading it took. A family written without its point (`\\mathcal{N}(0, \\sigma^2)`, a
distribution, as in `w \\sim \\mathcal{N}(0, 1)`) is not a value: None.
"""

from __future__ import annotations

from dataclasses import dataclass

from eq2code.equation.latex import ir

NORMAL_NAMES = {"Norm", "Normal", "Gaussian", "Gauss"}
BERNOULLI_NAMES = {"Bernoulli", "Bern", "Ber"}
UPRIGHT = {"rm", "text", "op", "bf", "sf", "macro"}
PARAMETERS = {"normal": 2, "bernoulli": 1}


@dataclass
class Density:
    family: str  # "normal" (mean, variance) | "bernoulli" (probability of 1)
    point: ir.Node
    parameters: list[ir.Node]


def density_of(node: ir.Call) -> Density | None:
    """The density `node` writes, or None (another function, or a family without its point)."""
    func, point, rest = node.func, None, list(node.args)
    if isinstance(func, ir.Script) and func.sup is None and func.sub is not None and not func.primes:
        point = func.sub  # \text{Norm}_{x}[μ, σ²]: the point as a subscript
        func = func.base
    family = _family(func)
    if family is None and _plain_n_given(func, rest):
        family = "normal"  # N(x_i | μ_k, Σ_k): a plain N written with the bar of a density
    if family is None:
        return None
    if point is None and rest and isinstance(rest[0], ir.Chain) and rest[0].rels == ["mid"] \
            and len(rest[0].items) == 2:
        point, first = rest[0].items  # N(x | μ, σ²)
        rest = [first, *rest[1:]]
    elif point is None and len(rest) == PARAMETERS[family] + 1:
        point, rest = rest[0], rest[1:]  # N(x; μ, σ²)
    if point is None or len(rest) != PARAMETERS[family]:
        return None
    return Density(family, point, rest)


def _plain_n_given(func: ir.Node, args: list[ir.Node]) -> bool:
    """`N(x \\mid \\mu, \\sigma^2)` with a plain N: the bar says a density, as \\mathcal{N} does."""
    return isinstance(func, ir.Ident) and func.name == "N" and func.style == "" and not func.accents \
        and bool(args) and isinstance(args[0], ir.Chain) and args[0].rels == ["mid"] and len(args[0].items) == 2


def _family(func: ir.Node) -> str | None:
    if not isinstance(func, ir.Ident) or func.accents:
        return None
    if func.name == "N" and func.style == "cal":
        return "normal"
    if func.style in UPRIGHT and func.name in NORMAL_NAMES:
        return "normal"
    if func.style in UPRIGHT and func.name in BERNOULLI_NAMES:
        return "bernoulli"
    return None

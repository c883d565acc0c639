"""EQ307 sum-vs-mean: Sum versus mean."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """A sum divided by its count (a mean), or a 1/N dropped (a sum)."""
    import sympy

    for f, rest, build, kind in ctx.factors(node):
        if kind == "mean":
            yield ctx.replace(node, build(*rest)), ctx.latex(f)
    if isinstance(node, sympy.Sum):
        (_, lo, hi) = node.limits[0]
        yield ctx.replace(node, node / (hi - lo + 1)), ctx.latex(node)


def locate(w):
    """A mean, else a sum, else a division by a length; else the return."""
    for group in (w.kind("reduction", "mean"), w.kind("reduction", "sum"),
                  [o for o in w.kind("divide") if "len(" in o.divisor or ".shape" in o.divisor
                   or ".size" in o.divisor]):
        if group:
            return group[0].range
    return w.ret

FINDING = FindingDef(
    code="EQ307",
    name="sum-vs-mean",
    severity=ERROR,
    group="named",
    en=Text(
        title="Sum versus mean",
        message=("the output equals the equation with a mean where {part} has a sum, or the "
                 "reverse[[ ({detail})]]"),
        help=("Use np.sum where the equation has \\sum, and np.mean only where it divides by the "
              "count (\\frac{{1}}{{N}}\\sum) in {part}.")),
    ja=Text(
        title="総和と平均の取り違え",
        message="出力は、{part} の総和を平均に（または平均を総和に）置き換えた数式の値と一致します[[（{detail}）]]",
        help=("{part} で、数式が \\sum なら np.sum を、個数で割っている（\\frac{{1}}{{N}}\\sum）ときだけ np.mean "
              "を使ってください。")),
    docs_en=Docs(
        what="The output equals the equation with a mean where it has a sum (or the reverse).",
        why="The result is off by the number of terms, so it changes with the batch or vector size.",
        fix=("Use np.sum for \\sum and np.mean only where the equation divides by the count "
             "(\\frac{1}{N}\\sum).")),
    docs_ja=Docs(
        what="出力は、総和を平均に（または平均を総和に）置き換えた数式の値と一致します。",
        why="項の個数の倍だけずれるため、バッチやベクトルのサイズで結果が変わります。",
        fix="\\sum には np.sum を使い、np.mean は数式が個数で割っている（\\frac{1}{N}\\sum）ときだけ使ってください。"),
    snippet=("norm = np.sqrt(np.mean(x ** 2))   # ✗ \\sum has no 1/n\nnorm = np.sqrt(np.sum(x ** "
             "2))    # ✓"),
    valid=(
        Example(file="examples/negative-log-likelihood/correct_loop.py"),
    ),
    invalid=(
        Example(file="examples/negative-log-likelihood/wrong_mean.py", line=7, column=13),
    ),
    priority=10,
    mutate_node=mutate_node,
    locate=locate,
)

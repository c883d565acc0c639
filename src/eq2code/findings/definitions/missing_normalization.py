"""EQ316 missing-normalization: Missing normalisation."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """A division by a sum dropped; a softmax left unnormalised (exp only)."""
    import sympy

    from eq2code.equation.sympy_ext import Apply, Softmax, SoftmaxFirstAxis

    for f, rest, build, kind in ctx.factors(node):
        if kind == "normalizer":
            yield ctx.replace(node, build(*rest)), ctx.latex(f.base)
    if isinstance(node, Softmax) and not isinstance(node, SoftmaxFirstAxis):
        u = sympy.Dummy("u", real=True)
        yield ctx.replace(node, Apply(sympy.Lambda(u, sympy.exp(u)), node.arg)), ctx.latex(node)


def locate(w):
    """The division by a sum (or by a name bound to one), else the return."""
    normal = [o for o in w.kind("divide") if "sum" in o.divisor or o.divisor in w.reduced_names()]
    if normal:
        return normal[0].range
    return w.ret

FINDING = FindingDef(
    code="EQ316",
    name="missing-normalization",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing normalisation",
        message="the output equals the equation without the normalisation by {part}[[ ({detail})]]",
        help="Divide by {part} so that the result is normalised as the equation says."),
    ja=Text(
        title="正規化の欠落",
        message="出力は、{part} による正規化を除いた数式の値と一致します[[（{detail}）]]",
        help="{part} で割り、数式のとおりに正規化してください。"),
    docs_en=Docs(
        what=("The output equals the equation without its normalisation (a softmax without dividing "
              "by the sum)."),
        why="Unnormalised values are not probabilities: they do not sum to 1.",
        fix="Divide by the normalising sum, e.g. e / e.sum(axis=-1, keepdims=True)."),
    docs_ja=Docs(
        what="出力は、正規化を除いた数式の値（総和で割らない softmax など）と一致します。",
        why="正規化していない値は確率ではなく、総和が 1 になりません。",
        fix="正規化のための総和で割ってください: e / e.sum(axis=-1, keepdims=True)。"),
    snippet=("return np.exp(z)                        # ✗ not divided by the sum\nreturn np.exp(z) "
             "/ np.sum(np.exp(z))    # ✓"),
    valid=(
        Example(file="examples/bayes-posterior/correct_normalise.py"),
    ),
    invalid=(
        Example(file="examples/bayes-posterior/wrong_unnormalised.py", line=7, column=12),
    ),
    priority=11,
    mutate_node=mutate_node,
    locate=locate,
)

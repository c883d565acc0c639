"""EQ306 sign-error: Sign error."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """A factor −1 dropped, or one term of a sum subtracted instead of added."""
    import sympy

    for _, rest, build, kind in ctx.factors(node):
        if kind == "minus":
            yield ctx.replace(node, build(*rest)), "-"
    if isinstance(node, sympy.Add) and len(node.args) >= 2:
        for term in node.args:
            rest = [t for t in node.args if t is not term]
            yield ctx.replace(node, sympy.Add(*rest) - term), ctx.latex(term)


def mutate_whole(ctx):
    """The whole value negated."""
    import sympy
    from sympy.matrices.expressions.matexpr import MatrixExpr

    expr = ctx.expr
    yield (-expr if not isinstance(expr, MatrixExpr) else sympy.MatMul(-1, expr)), ctx.head or "-"


def locate(w):
    """The first negation, else the return."""
    neg = w.kind("negate")
    if neg:
        return neg[0].range
    return w.ret

FINDING = FindingDef(
    code="EQ306",
    name="sign-error",
    severity=ERROR,
    group="named",
    en=Text(
        title="Sign error",
        message="the output equals the equation with the sign of {part} flipped[[ ({detail})]]",
        help="Check the sign of {part}; a leading minus (as in -\\sum … \\log …) is easy to drop."),
    ja=Text(
        title="符号の誤り",
        message="出力は、{part} の符号を反転した数式の値と一致します[[（{detail}）]]",
        help="{part} の符号を確認してください。先頭のマイナス（-\\sum … \\log … など）は落としやすい箇所です。"),
    docs_en=Docs(
        what=("The output equals the equation with a sign flipped — typically the leading minus of "
              "a cross-entropy or a log-likelihood."),
        why="A loss with the wrong sign is maximised instead of minimised.",
        fix="Check the sign of the marked expression; keep the minus in front of Σ y log ŷ."),
    docs_ja=Docs(
        what="出力は、符号を反転した数式の値と一致します。典型的には交差エントロピーや対数尤度の先頭のマイナスです。",
        why="符号が逆の損失は最小化ではなく最大化されます。",
        fix="印の式の符号を確認し、Σ y log ŷ の前のマイナスを残してください。"),
    snippet=("loss = np.sum(y * np.log(y_hat))     # ✗ the minus is missing\nloss = -np.sum(y * "
             "np.log(y_hat))    # ✓"),
    valid=(
        Example(file="examples/gradient-descent-step/correct_local_copy.py"),
    ),
    invalid=(
        Example(file="examples/gradient-descent-step/wrong_ascent.py", line=4, column=12),
    ),
    priority=12,
    mutate_node=mutate_node,
    mutate_whole=mutate_whole,
    locate=locate,
)

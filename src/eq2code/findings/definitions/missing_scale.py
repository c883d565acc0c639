"""EQ303 missing-scale: Missing scale."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """A constant factor dropped: 1/√d_k, 1/T, 1/2."""
    import sympy

    for f, rest, build, kind in ctx.factors(node):
        if kind == "inverse-sqrt":
            yield ctx.replace(node, build(*rest)), ctx.latex(sympy.sqrt(f.base))
        elif kind == "scale":
            yield ctx.replace(node, build(*rest)), ctx.latex(f)


def mutate_whole(ctx):
    """A positive scalar input left out (set to 1)."""
    import sympy

    for spec, sym, _ in ctx.scalar_inputs():
        yield ctx.expr.xreplace({sym: sympy.Integer(1)}), spec.latex


def locate(w):
    """The innermost division or product by a scale, else the first matrix product, else the return."""
    scales = w.scales()
    if scales:
        return min(scales, key=lambda o: w.size(o.range)).range
    mm = w.by_end(w.kind("matmul"))
    if mm:
        return mm[0].range
    return w.ret

FINDING = FindingDef(
    code="EQ303",
    name="missing-scale",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing scale",
        message="the output equals the equation without the factor {part}[[ ({detail})]]",
        help="Apply the factor {part} where the equation does."),
    ja=Text(
        title="スケーリングの欠落",
        message="出力は、係数 {part} を除いた数式の値と一致します[[（{detail}）]]",
        help="数式と同じ位置で係数 {part} を適用してください。"),
    docs_en=Docs(
        what="The output equals the equation without one of its constant factors, such as 1/√d_k.",
        why=("Without the scale the scores grow with the dimension and the softmax saturates: the "
             "model attends to one key and its gradients vanish."),
        fix="Apply the factor where the equation does, e.g. Q @ K.T / np.sqrt(d_k)."),
    docs_ja=Docs(
        what="出力は、定数の係数（1/√d_k など）を除いた数式の値と一致します。",
        why=("スケーリングがないとスコアが次元とともに大きくなり、softmax が飽和します。1 "
             "つのキーにしか注意が向かず、勾配が消えます。"),
        fix="数式と同じ位置で係数を掛けてください（Q @ K.T / np.sqrt(d_k) など）。"),
    snippet=("scores = Q @ K.T                    # ✗ the 1/√d_k is missing\nscores = Q @ K.T / "
             "np.sqrt(d_k)     # ✓"),
    valid=(
        Example(file="examples/gradient-descent-step/correct_local_copy.py"),
    ),
    invalid=(
        Example(file="examples/gradient-descent-step/wrong_no_learning_rate.py", line=4, column=12),
    ),
    priority=5,
    mutate_node=mutate_node,
    mutate_whole=mutate_whole,
    locate=locate,
)

"""EQ314 missing-abs: Missing absolute value."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """An absolute value removed."""
    import sympy

    if isinstance(node, sympy.Abs):
        yield ctx.replace(node, node.args[0]), ctx.latex(node)


def locate(w):
    """The first sum, max or mean, else the return."""
    reds = [o for o in w.reductions if o.fn in ("sum", "max", "mean")]
    return w.first(reds) or w.ret

FINDING = FindingDef(
    code="EQ314",
    name="missing-abs",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing absolute value",
        message="the output equals the equation without the absolute value in {part}[[ ({detail})]]",
        help="Take the absolute value as {part} does (np.abs)."),
    ja=Text(
        title="絶対値の欠落",
        message="出力は、{part} の絶対値を除いた数式の値と一致します[[（{detail}）]]",
        help="{part} のとおり絶対値（np.abs）をとってください。"),
    docs_en=Docs(
        what=("The output equals the equation without an absolute value (e.g. Σ x_i instead of Σ "
              "|x_i|)."),
        why="Positive and negative entries cancel, so the result can be near 0 for a large vector.",
        fix="Take the absolute value where the equation has |·|: np.abs."),
    docs_ja=Docs(
        what="出力は、絶対値を除いた数式の値（Σ |x_i| ではなく Σ x_i など）と一致します。",
        why="正と負の要素が打ち消し合い、大きなベクトルでも結果が 0 に近くなりえます。",
        fix="数式に |·| がある位置で絶対値（np.abs）をとってください。"),
    snippet="return np.sum(x)           # ✗ ‖x‖₁ sums |x_i|\nreturn np.sum(np.abs(x))   # ✓",
    valid=(
        Example(file="examples/l1-norm/correct_abs_sum.py"),
    ),
    invalid=(
        Example(file="examples/l1-norm/wrong_missing_abs.py", line=7, column=12),
    ),
    priority=8,
    mutate_node=mutate_node,
    locate=locate,
)

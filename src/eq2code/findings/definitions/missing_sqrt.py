"""EQ313 missing-sqrt: Missing square root."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """A square root removed (not √ of a size: that is a scale)."""
    import sympy

    if isinstance(node, sympy.Pow) and node.exp == sympy.Rational(1, 2) and not ctx.is_size(node.base):
        yield ctx.replace(node, node.base), ctx.latex(node)


def mutate_whole(ctx):
    """Every square root dropped at once (squared norms in place of norms)."""
    import sympy

    roots = [p for p in ctx.expr.atoms(sympy.Pow) if p.exp in (sympy.Rational(1, 2), -sympy.Rational(1, 2))
             and not ctx.is_size(p.base)]
    if len(roots) >= 2:
        dropped = ctx.expr.xreplace({p: (p.base if p.exp > 0 else 1 / p.base) for p in roots})
        yield dropped, ", ".join(sorted({ctx.latex(sympy.sqrt(p.base)) for p in roots}))


def locate(w):
    """The sum or product inside the return, else the return, else the last sum."""
    sums = w.kind("reduction", "sum") + w.kind("matmul", "dot", "vdot", "inner")
    returned = [o for o in sums if w.ret is not None and w.contains(w.ret, o.range)]
    if returned:
        return returned[0].range
    if w.ret is not None:
        return w.ret
    return w.last(sums)

FINDING = FindingDef(
    code="EQ313",
    name="missing-sqrt",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing square root",
        message="the output equals the equation without the square root in {part}[[ ({detail})]]",
        help="Take the square root as {part} does (np.sqrt)."),
    ja=Text(
        title="平方根の欠落",
        message="出力は、{part} の平方根を除いた数式の値と一致します[[（{detail}）]]",
        help="{part} のとおり平方根（np.sqrt）をとってください。"),
    docs_en=Docs(
        what=("The output equals the equation without a square root (e.g. the squared norm instead "
              "of the norm)."),
        why=("A squared quantity scales differently: a norm would double when x doubles, its square "
             "quadruples."),
        fix="Take the square root where the equation has \\sqrt: np.sqrt(np.sum(x ** 2))."),
    docs_ja=Docs(
        what="出力は、平方根を除いた数式の値（ノルムではなくノルムの 2 乗など）と一致します。",
        why="2 乗した量は変わり方が違います。x を 2 倍するとノルムは 2 倍ですが、その 2 乗は 4 倍です。",
        fix="数式に \\sqrt がある位置で平方根をとってください: np.sqrt(np.sum(x ** 2))。"),
    snippet=("return np.sum(x ** 2)            # ✗ the squared norm\nreturn np.sqrt(np.sum(x ** 2)) "
             "  # ✓"),
    valid=(
        Example(file="examples/l2-norm/correct_dot.py"),
    ),
    invalid=(
        Example(file="examples/l2-norm/wrong_missing_sqrt.py", line=7, column=12),
    ),
    priority=7,
    mutate_node=mutate_node,
    mutate_whole=mutate_whole,
    locate=locate,
)

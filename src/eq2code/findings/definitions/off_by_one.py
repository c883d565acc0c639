"""EQ312 off-by-one: Off by one."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """A sum's lower bound raised or upper bound lowered; a gather index P_{t, x_t} shifted."""
    import sympy

    if isinstance(node, sympy.Sum):
        (i, lo, hi), body = node.limits[0], node.function
        yield ctx.replace(node, sympy.Sum(body, (i, lo + 1, hi))), ctx.latex(node)
        yield ctx.replace(node, sympy.Sum(body, (i, lo, hi - 1))), ctx.latex(node)
    if isinstance(node, sympy.Indexed):  # 1- vs 0-based labels
        for k, idx in enumerate(node.indices):
            if idx.atoms(sympy.Indexed):
                for shift in (-1, 1):
                    moved = list(node.indices)
                    moved[k] = idx + shift
                    yield ctx.replace(node, node.base[tuple(moved)]), ctx.latex(node)


def finish_plan(plan):
    """A shifted index wraps as NumPy's negative indices do."""
    if isinstance(plan, list):
        out = [finish_plan(p) for p in plan]
        if out and out[0] == "indexed" and len(out) == 3:
            out.append("wrap")
        return out
    return plan


def locate(w):
    """The first range() or slice."""
    return w.first(w.kind("range") + w.kind("slice"))

FINDING = FindingDef(
    code="EQ312",
    name="off-by-one",
    severity=ERROR,
    group="named",
    en=Text(
        title="Off by one",
        message=("the output equals the equation with an index or bound in {part} shifted by one[[ "
                 "({detail})]]"),
        help=("Math indices start at 1 and Python's at 0: check the range() bounds, slices and "
              "label indices for {part}.")),
    ja=Text(
        title="添字の 1 ずれ",
        message="出力は、{part} の添字または範囲を 1 つずらした数式の値と一致します[[（{detail}）]]",
        help=("数式の添字は 1 始まり、Python は 0 始まりです。{part} に関わる range() の範囲、スライス、"
              "ラベルの添字を確認してください。")),
    docs_en=Docs(
        what="The output equals the equation with an index or a bound shifted by one.",
        why=("Mathematical indices start at 1, Python's at 0; one term too many or too few changes "
             "the result."),
        fix=("Check range() bounds, slices and label indices: \\sum_{i=1}^{n} is range(n) over "
             "x[0..n-1].")),
    docs_ja=Docs(
        what="出力は、添字または範囲を 1 つずらした数式の値と一致します。",
        why="数式の添字は 1 始まり、Python は 0 始まりです。項が 1 つ多い・少ないだけで結果が変わります。",
        fix=("range() の範囲、スライス、ラベルの添字を確認してください。\\sum_{i=1}^{n} は x[0..n-1] にわたる "
             "range(n) です。")),
    snippet=("for i in range(1, len(x)):   # ✗ skips x[0]: math's i = 1 is Python's 0\nfor i in "
             "range(len(x)):      # ✓"),
    valid=(
        Example(file="examples/token-cross-entropy/correct_fancy_index.py"),
    ),
    invalid=(
        Example(file="examples/token-cross-entropy/wrong_one_based.py", line=7, column=30),
    ),
    priority=13,
    mutate_node=mutate_node,
    finish_plan=finish_plan,
    locate=locate,
)

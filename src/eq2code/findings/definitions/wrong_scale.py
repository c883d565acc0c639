"""EQ304 wrong-scale: Wrong scale."""

from __future__ import annotations

from eq2code.findings.phrases import Phrase
from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """1/√g replaced by 1/g or by 1/√ of another size (naming both); a scale inside a function's
    argument (σ(2x), exp(2x)); a scale inverted (× for ÷); a count normalised by another size
    (1/C for 1/N) or by every size, or halved (1/(2N) for 1/N). Details are math text: "√d_v instead of √d_k"."""
    import sympy

    sizes = ctx.all_sizes or ctx.sizes
    for f, rest, build, kind in ctx.factors(node):
        if kind == "inverse-sqrt":
            part = ctx.latex(sympy.sqrt(f.base))
            yield ctx.replace(node, build(*rest, 1 / f.base)), part
            for other in sizes:
                if other != f.base:
                    shown = Phrase("instead-of", {"used": ctx.latex(sympy.sqrt(other)), "meant": part})
                    yield ctx.replace(node, build(*rest, 1 / sympy.sqrt(other))), part, shown
        if kind in ("inverse-sqrt", "mean", "scale") and not (f.is_number and abs(f) == 1):
            inverse = 1 / f
            shown = Phrase("instead-of", {"used": ctx.latex(inverse), "meant": ctx.latex(f)})
            yield ctx.replace(node, build(*rest, inverse)), ctx.latex(f), shown
        if kind == "mean":  # 1/(2N): the ½ of ½‖e‖² kept in a mean that should not have it
            half = f / 2
            yield ctx.replace(node, build(*rest, half)), ctx.latex(f), \
                Phrase("instead-of", {"used": ctx.latex(half), "meant": ctx.latex(f)})
            for other in sizes:
                if other != f.base:
                    yield ctx.replace(node, build(*rest, 1 / other)), ctx.latex(f), \
                        Phrase("instead-of", {"used": ctx.latex(1 / other), "meant": ctx.latex(f)})
            if len(sizes) > 1:
                every = sympy.Mul(*sizes)
                yield ctx.replace(node, build(*rest, 1 / every)), ctx.latex(f), \
                    Phrase("instead-of", {"used": ctx.latex(1 / every), "meant": ctx.latex(f)})
    if isinstance(node, (sympy.exp, sympy.tanh)) or type(node).__name__ == "sigmoid":
        arg = node.args[0]
        for k in (2, sympy.Rational(1, 2)):
            changed = node.func(k * arg)
            shown = Phrase("instead-of", {"used": ctx.latex(changed), "meant": ctx.latex(node)})
            yield ctx.replace(node, changed), ctx.latex(node), shown


def mutate_whole(ctx):
    """A positive scalar input inverted (θ − αg ↔ θ − g/α), unless it is a temperature."""
    from eq2code.findings.definitions.temperature_inverted import is_temperature

    for spec, sym, divides in ctx.scalar_inputs():
        if not (divides and is_temperature(spec.name)):
            yield ctx.expr.xreplace({sym: 1 / sym}), spec.latex


def locate(w):
    """The innermost division or product by a scale, else a sqrt, else the first matrix product."""
    scales = w.scales()
    if scales:
        return min(scales, key=lambda o: w.size(o.range)).range
    sq = w.kind("sqrt")
    if sq:
        return sq[0].range
    mm = w.by_end(w.kind("matmul"))
    if mm:
        return mm[0].range
    return w.ret

FINDING = FindingDef(
    code="EQ304",
    name="wrong-scale",
    severity=ERROR,
    group="named",
    en=Text(
        title="Wrong scale",
        message=("the output equals the equation with a different factor in place of {part}[[ "
                 "({detail})]]"),
        help=("Use exactly the factor {part}: check square roots, reciprocals and which size it "
              "uses.")),
    ja=Text(
        title="スケーリングの誤り",
        message="出力は、係数 {part} を別の係数に置き換えた数式の値と一致します[[（{detail}）]]",
        help="係数は数式どおり {part} にしてください。平方根、逆数、どのサイズを使うかを確認してください。"),
    docs_en=Docs(
        what=("The output equals the equation with a different factor in place of the right one "
              "(d_k instead of √d_k, the wrong size)."),
        why=("The result is off by a factor that depends on the sizes, so it can pass for one size "
             "and fail for another."),
        fix=("Use exactly the equation's factor; check square roots, reciprocals and which size is "
             "used.")),
    docs_ja=Docs(
        what="出力は、正しい係数の代わりに別の係数（√d_k ではなく d_k、別のサイズ）を使った数式の値と一致します。",
        why="サイズに依存する倍率だけずれるため、あるサイズでは合格し別のサイズでは失敗することがあります。",
        fix="係数は数式どおりにしてください。平方根、逆数、どのサイズを使うかを確認してください。"),
    snippet=("scores = Q @ K.T / d_k             # ✗ divides by d_k\nscores = Q @ K.T / "
             "np.sqrt(d_k)     # ✓ divides by √d_k"),
    valid=(
        Example(file="examples/gradient-descent-step/correct_local_copy.py"),
    ),
    invalid=(
        Example(file="examples/gradient-descent-step/wrong_divide_by_lr.py", line=4, column=20),
    ),
    priority=6,
    mutate_node=mutate_node,
    mutate_whole=mutate_whole,
    locate=locate,
)

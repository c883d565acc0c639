"""EQ317 missing-value-product: Missing product with the values."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """The last matrix of a product (the values V) left out."""
    import sympy
    from sympy.matrices.expressions.matexpr import MatrixExpr

    if isinstance(node, sympy.MatMul):
        mats = [a for a in node.args if isinstance(a, MatrixExpr)]
        if len(mats) >= 2 and isinstance(mats[-1], sympy.MatrixSymbol):
            rest = [a for a in node.args if a is not mats[-1]]
            yield ctx.replace(node, sympy.MatMul(*rest)), ctx.latex(mats[-1])


def locate(w):
    """The return when it has no matrix product, else the last product."""
    if w.ret is not None and not any(w.contains(w.ret, o.range) for o in w.kind("matmul")):
        return w.ret
    mm = w.by_end(w.kind("matmul"))
    return mm[-1].range if mm else w.ret

FINDING = FindingDef(
    code="EQ317",
    name="missing-value-product",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing product with the values",
        message=("the output equals the equation without the product with the values in {part}[[ "
                 "({detail})]]"),
        help="Multiply the weights by the values as {part} does (weights @ V)."),
    ja=Text(
        title="値との積の欠落",
        message="出力は、{part} の値（values）との積を除いた数式の値と一致します[[（{detail}）]]",
        help="{part} のとおり、重みに値を掛けてください（weights @ V）。"),
    docs_en=Docs(
        what="The output equals the attention weights without the final product with the values V.",
        why=("Attention returns a weighted combination of the values, shape (n, d_v), not the (n, "
             "m) weights."),
        fix="Multiply the weights by the values: return weights @ V."),
    docs_ja=Docs(
        what="出力は、最後の値 V との積を除いたアテンションの重みと一致します。",
        why="アテンションは値の重み付き和（形状 (n, d_v)）を返します。(n, m) の重みではありません。",
        fix="重みに値を掛けてください: return weights @ V。"),
    snippet=("w = softmax(Q @ K.T / np.sqrt(d_k))\nreturn w          # ✗ the attention "
             "weights\nreturn w @ V      # ✓"),
    valid=(
        Example(file="examples/attention/correct_dk_parameter.py"),
    ),
    invalid=(
        Example(file="examples/attention/wrong_no_value_product.py", line=9, column=12),
    ),
    priority=2,
    mutate_node=mutate_node,
    locate=locate,
)

"""EQ305 missing-transpose: Missing transpose."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text


def mutate_node(node, ctx):
    """A transpose removed."""
    import sympy

    if isinstance(node, sympy.Transpose):
        yield ctx.replace(node, node.arg), ctx.latex(node)


def locate(w):
    """The first matrix product whose right operand is not transposed."""
    mm = w.by_end(w.kind("matmul"))
    bare = [o for o in mm if o.fn != "einsum" and len(o.args) >= 2 and not w.has_transpose(o.args[-1])]
    if bare:
        return bare[0].range
    return w.first(mm)

FINDING = FindingDef(
    code="EQ305",
    name="missing-transpose",
    severity=ERROR,
    group="named",
    en=Text(
        title="Missing transpose",
        message="the output equals the equation without the transpose in {part}[[ ({detail})]]",
        help="Transpose as {part} says (K.T, or np.swapaxes(K, -1, -2) so batches work too)."),
    ja=Text(
        title="転置の欠落",
        message="出力は、{part} の転置を除いた数式の値と一致します[[（{detail}）]]",
        help="{part} のとおりに転置してください（K.T。バッチにも対応するなら np.swapaxes(K, -1, -2)）。"),
    docs_en=Docs(
        what=("The output (or the exception) comes from a matrix product without the transpose the "
              "equation has, e.g. Q @ K instead of Q @ K.T."),
        why=("With square or equal sizes the wrong product still runs and gives wrong numbers; "
             "otherwise it raises a shape error."),
        fix=("Transpose as the equation says: K.T, or np.swapaxes(K, -1, -2) so that batch axes "
             "stay in place.")),
    docs_ja=Docs(
        what="出力（または例外）は、数式にある転置のない行列積から来ています（Q @ K.T ではなく Q @ K など）。",
        why=("サイズが正方や等しいときは誤った積がそのまま計算されて誤った値になり、"
             "そうでなければ形状のエラーになります。"),
        fix="数式のとおりに転置してください。K.T、またはバッチ軸をそのままにする np.swapaxes(K, -1, -2) です。"),
    snippet=("scores = Q @ K       # ✗ (n, d_k) @ (m, d_k)\nscores = Q @ K.T     # ✓ (n, d_k) @ "
             "(d_k, m)"),
    valid=(
        Example(file="examples/attention/correct_dk_parameter.py"),
    ),
    invalid=(
        Example(file="examples/attention/wrong_transpose_Q.py", line=7, column=14),
    ),
    priority=3,
    mutate_node=mutate_node,
    locate=locate,
    raised_by="static pattern (code/static.py) explaining a matmul shape error",
)

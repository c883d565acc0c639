"""EQ601 missing-operation: Missing operation."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text


def mutate_whole(ctx):
    """Every exp left out."""
    import sympy

    expr = ctx.expr
    if expr.atoms(sympy.exp):
        yield expr.replace(sympy.exp, lambda x: x), "\\exp"

FINDING = FindingDef(
    code="EQ601",
    name="missing-operation",
    severity=INFO,
    group="structure",
    en=Text(
        title="Missing operation",
        message="no operation in the code corresponds to {part} in the equation[[ ({detail})]]",
        help="Check that {part} is computed; if it is computed another way, ignore this note."),
    ja=Text(
        title="対応する演算なし",
        message="数式の {part} に対応する演算がコードに見当たりません[[（{detail}）]]",
        help="{part} が計算されているか確認してください。別の書き方で計算しているなら、この注記は無視して構いません。"),
    docs_en=Docs(
        what=("No operation in the code corresponds to a part of the equation (a sqrt, a transpose, "
              "a sum)."),
        why="This is structure information; numbers decide whether the code is right.",
        fix="Check that the part is computed; if it is computed another way, ignore the note."),
    docs_ja=Docs(
        what="数式の一部（平方根、転置、総和など）に対応する演算がコードに見当たりません。",
        why="構造についての情報です。正しいかどうかは値で決まります。",
        fix="その部分が計算されているか確認してください。別の書き方で計算しているなら、この注記は無視して構いません。"),
    snippet="% eq.tex has \\sqrt{d_k}; the code has no sqrt, no ** 0.5 and no division by a scale",
    valid=(
        Example(file="examples/softmax/correct_logits_axis.py"),
    ),
    invalid=(
        Example(file="examples/softmax/wrong_missing_exp.py", line=7, column=16),
    ),
    priority=14,
    mutate_whole=mutate_whole,
)

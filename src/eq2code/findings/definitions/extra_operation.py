"""EQ602 extra-operation: Extra operation."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, FindingDef, Text

FINDING = FindingDef(
    code="EQ602",
    name="extra-operation",
    severity=INFO,
    group="structure",
    en=Text(
        title="Extra operation",
        message=("the code has an operation with no counterpart in the equation: {part}[[ "
                 "({detail})]]"),
        help="Check whether this operation belongs to the equation, and remove it if it does not."),
    ja=Text(
        title="余分な演算",
        message="コードの演算 {part} に対応する部分が数式にありません[[（{detail}）]]",
        help="この演算が数式に含まれるものか確認し、含まれないなら取り除いてください。"),
    docs_en=Docs(
        what="The code has an operation with no counterpart in the equation.",
        why="This is structure information; numbers decide whether the code is right.",
        fix="Check whether the operation belongs to the equation; remove it if it does not."),
    docs_ja=Docs(
        what="コードに、数式に対応する部分のない演算があります。",
        why="構造についての情報です。正しいかどうかは値で決まります。",
        fix="その演算が数式に含まれるものか確認し、含まれないなら取り除いてください。"),
    snippet="return np.exp(z) / np.sum(np.exp(z)) * 2   # '* 2' has no counterpart in the equation",
    reserved=True,
)

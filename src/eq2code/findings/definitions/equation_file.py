"""EQ007 equation-file: Unusable equation file."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ007",
    name="equation-file",
    severity=ERROR,
    group="input",
    en=Text(
        title="Unusable equation file",
        message="the equation file cannot be used: {detail}",
        help="Save the file as UTF-8 with at least one display equation in it."),
    ja=Text(
        title="数式ファイルを使えません",
        message="数式ファイルを使えません: {detail}",
        help="ファイルを UTF-8 で保存し、数式を少なくとも 1 つ書いてください。"),
    docs_en=Docs(
        what="The equation file cannot be used: it is not UTF-8 text, or it contains no equation.",
        why="There is nothing to check against.",
        fix="Save the file as UTF-8 and write at least one display equation in it."),
    docs_ja=Docs(
        what="数式ファイルを使えません。UTF-8 のテキストでないか、数式が含まれていません。",
        why="照合する相手がありません。",
        fix="ファイルを UTF-8 で保存し、数式を少なくとも 1 つ書いてください。"),
    snippet="$ file eq.tex\neq.tex: data   # ✗ not UTF-8 text, or no equation in it",
    valid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n")),
    ),
    invalid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation="% only a comment\n", line=1, column=1, in_equation=True),
    ),
    raised_by="equation reader (equation/source.py)",
)

"""EQ004 python-syntax: Python syntax error."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ004",
    name="python-syntax",
    severity=ERROR,
    group="input",
    en=Text(
        title="Python syntax error",
        message="the implementation cannot be parsed as Python: {detail}",
        help="Fix the syntax error at the marked position; the file must import without errors."),
    ja=Text(
        title="Python の構文エラー",
        message="実装ファイルを Python として構文解析できません: {detail}",
        help="印の位置の構文エラーを直してください。ファイルはエラーなく import できる必要があります。"),
    docs_en=Docs(
        what="The implementation is not valid Python: it cannot be parsed (or imported).",
        why="Code that does not import cannot run, so nothing can be checked.",
        fix=("Fix the syntax error at the marked position (a missing ':', an unclosed bracket, "
             "mixed tabs and spaces).")),
    docs_ja=Docs(
        what="実装ファイルが正しい Python ではなく、構文解析（または import）できません。",
        why="import できないコードは実行できないため、何も確認できません。",
        fix="印の位置の構文エラー（「:」の抜け、閉じていない括弧、タブと空白の混在など）を直してください。"),
    snippet=("def softmax(z)          # ✗ the ':' is missing\n    return np.exp(z) / "
             "np.sum(np.exp(z))"),
    valid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n")),
    ),
    invalid=(
        Example(code=("def half(x)\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n"), line=1, column=12),
    ),
    raised_by="code loader (code/loader.py) and the sandbox's import",
)

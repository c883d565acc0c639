"""EQ001 latex-syntax: LaTeX syntax error."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ001",
    name="latex-syntax",
    severity=ERROR,
    group="input",
    en=Text(
        title="LaTeX syntax error",
        message="the equation cannot be parsed: {detail}[[; expected {expected}]]",
        help=("Fix the LaTeX at the marked position: every '{{' needs its '}}' and every \\left its "
              "\\right.")),
    ja=Text(
        title="LaTeX の構文エラー",
        message="数式を構文解析できません: {detail}[[（ここには {expected} が来るはずです）]]",
        help="印の位置の LaTeX を直してください。「{{」と「}}」、\\left と \\right が対応しているか確認してください。"),
    docs_en=Docs(
        what=("The equation file could not be parsed as LaTeX: a brace, a \\left/\\right pair or a "
              "command is incomplete at the marked position."),
        why=("eq2code computes the reference from the equation itself; an equation it cannot read "
             "checks nothing."),
        fix=("Fix the LaTeX at the marked position. Check that every '{' has its '}', every \\left "
             "its \\right, and that \\frac has two arguments.")),
    docs_ja=Docs(
        what=("数式ファイルを LaTeX として構文解析できませんでした。印の位置で中括弧、\\left/\\right の対、"
              "またはコマンドが不完全です。"),
        why="eq2code は数式そのものから参照値を計算します。読めない数式では何も確認できません。",
        fix=("印の位置の LaTeX を直してください。「{」と「}」、\\left と \\right が対応しているか、\\frac に引数が 2 "
             "つあるかを確認してください。")),
    snippet=("% eq.tex\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}   % ✗ a '}' is "
             "missing"),
    valid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n")),
    ),
    invalid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2\n"), line=3, column=13, in_equation=True),
    ),
    raised_by="equation reader (equation/latex/parser.py)",
)

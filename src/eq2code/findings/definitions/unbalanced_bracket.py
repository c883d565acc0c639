"""EQ010 unbalanced-bracket: a bracket never closed, read as closed at the end of its equation."""

from __future__ import annotations

from eq2code.findings.registry import WARNING, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ010",
    name="unbalanced-bracket",
    severity=WARNING,
    group="input",
    en=Text(
        title="Bracket never closed",
        message="this '{opener}' is never closed: eq2code read it as closed {where} and checked that reading",
        help="Add the missing '{closer}' where the bracket ends (if not at the end, the check read it wrongly)."),
    ja=Text(
        title="閉じていない括弧",
        message="この '{opener}' は閉じられていません。{where}閉じると読んで照合しました",
        help="括弧の終わる位置に '{closer}' を補ってください（最後でなければ、照合の読み方が誤っています）。"),
    docs_en=Docs(
        what=("An opening bracket ( or [ of an equation has no closing one, and the equation reads when it is "
              "closed at its end: eq2code reads it so, checks the code against that reading, and says so. "
              "One not closed before the bracket around it (`\\left[ (a - b \\right]`) is read as closed just "
              "before that bracket, one never closed on a row of a multi-row block at the end of that row. An "
              "equation that does not read even so is a latex-syntax error."),
        why=("A missing final parenthesis is the commonest typo in notes (the SELU of one lecture: "
             "scale * (\\max(0, x) + \\min(0, \\alpha (\\exp(x) - 1))); refusing the whole equation would flag "
             "every correct implementation, and reading it silently would hide the typo."),
        fix="Add the closing bracket where it belongs."),
    docs_ja=Docs(
        what=("式の開き括弧 ( や [ に対応する閉じ括弧がなく、式の最後で閉じると読める場合、eq2code はそう読んで"
              "コードを照合し、そのことを伝えます。外側の括弧より前で閉じていない括弧はその括弧の直前で、複数行の"
              "ブロックのある行で閉じていない括弧はその行の最後で閉じると読みます。閉じても読めない式は "
              "latex-syntax エラーです。"),
        why=("最後の閉じ括弧の書き忘れは資料で最もよくある誤記です。式全体を拒むと正しい実装がすべて"
             "指摘され、黙って読むと誤記が隠れます。"),
        fix="括弧の終わる位置に閉じ括弧を補ってください。"),
    snippet=("% eq.tex\n\\text{SELU}(x) = s * (\\max(0, x) + \\min(0, \\alpha (e^{x} - 1))   % ✗ one ')' missing\n"
             "\\text{SELU}(x) = s * (\\max(0, x) + \\min(0, \\alpha (e^{x} - 1)))  % ✓"),
    valid=(
        Example(code=("import numpy as np\n\n"
                      "def f(x):\n"
                      "    return 2 * (x + np.maximum(0, x))\n"),
                equation="x \\in \\mathbb{R}^{n}\n\n$$f(x) = 2 (x + \\max(0, x))$$\n"),
    ),
    invalid=(
        Example(code=("import numpy as np\n\n"
                      "def f(x):\n"
                      "    return 2 * (x + np.maximum(0, x))\n"),
                equation="x \\in \\mathbb{R}^{n}\n\n$$f(x) = 2 (x + \\max(0, x)$$\n",
                line=3, column=12, in_equation=True),
    ),
    raised_by="equation reader (equation/semantics.py, after the parser's latex-syntax error)",
)

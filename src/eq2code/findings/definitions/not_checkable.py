"""EQ003 not-checkable: Not checkable."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ003",
    name="not-checkable",
    severity=INFO,
    group="input",
    en=Text(
        title="Not checkable",
        message="this equation cannot be checked against code: {reason}",
        help=("Nothing to fix here; to check code, give an equation that defines a value (a left "
              "side, '=', and a right side).")),
    ja=Text(
        title="照合できない式",
        message="この式はコードと照合できません: {reason}",
        help="修正は不要です。コードを確認するには、値を定義する式（左辺 = 右辺）を与えてください。"),
    docs_en=Docs(
        what=("The equation is a declaration, a statement (a set, an inequality, a mapping) or "
              "otherwise defines no value to compute, so it cannot be compared with code."),
        why="This is information: declarations still fix shapes and spaces for the other equations.",
        fix=("Nothing to fix. To check code, the file needs a definition: a left side, '=', and a "
             "right side.")),
    docs_ja=Docs(
        what="この式は宣言や命題（集合、不等式、写像など）で、計算する値を定義していないため、コードと照合できません。",
        why="情報です。宣言は他の式の形状と値の範囲を決めるのに使われます。",
        fix="修正は不要です。コードを確認するには、左辺・「=」・右辺からなる定義が必要です。"),
    snippet=("% eq.tex\n\\mathbf{z} \\in \\mathbb{R}^{K}   % a declaration: it gives a shape, it "
             "computes nothing"),
    valid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n")),
    ),
    invalid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation="x \\in \\mathbb{R}^{n}\n", line=1, column=1, in_equation=True),
    ),
    raised_by="equation reader (equation/semantics.py); checking/check.py when nothing is left to compute",
)

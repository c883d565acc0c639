"""EQ009 worked-example-mismatch: a worked example's arithmetic does not hold."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ009",
    name="worked-example-mismatch",
    severity=ERROR,
    group="input",
    en=Text(
        title="Worked example does not add up",
        message=("{left} = {right} does not hold: the left side computes {left_value}, the right side "
                 "{right_value} (checked {precision})"),
        help=("Recompute this step of the worked example and correct the number (a mistyped digit, or a "
              "value rounded too early); eq2code checks each stated equality to the digits written.")),
    ja=Text(
        title="計算例の計算が合わない",
        message="{left} = {right} は成り立ちません。左辺は {left_value}、右辺は {right_value} です（{precision}照合）",
        help=("計算例のこの段階を計算し直して数値を直してください（桁の打ち間違いや、途中の値の早すぎる丸めが"
              "考えられます）。eq2code は書かれた桁数で各等式を確かめます。")),
    docs_en=Docs(
        what=("A worked example — an equality between forms that are arithmetic on numbers "
              "(\\exp(0.9) + \\exp(0.2) + \\exp(0.4) = 5.17, \\frac{3}{3+56} = 0.05) — does not hold: the two "
              "sides of the marked equality compute different numbers. A number written as a literal is "
              "right when it is the other side rounded or truncated to the digits written; a rounded result "
              "that a later form reuses carries its rounding; digits beyond the sixth significant one are "
              "not checked."),
        why=("Learners recompute worked examples to understand a formula; a wrong number in the notes makes "
             "them doubt a correct computation."),
        fix="Recompute the marked step and correct the number, or the expression it was computed from."),
    docs_ja=Docs(
        what=("計算例（数値どうしの計算を等号でつないだ式。\\exp(0.9) + \\exp(0.2) + \\exp(0.4) = 5.17、"
              "\\frac{3}{3+56} = 0.05 など）が成り立っていません。印の等式の両辺が異なる数値になります。"
              "数値で書かれた辺は、もう一方の辺を書かれた桁数に丸めるか切り捨てた値なら正しいとみなします。"
              "丸めた結果を後の式で使う場合はその丸めを考慮し、有効数字 7 桁目以降は確かめません。"),
        why="学習者は計算例を計算し直して式を理解します。資料の数値が誤っていると、正しい計算を疑ってしまいます。",
        fix="印の段階を計算し直し、数値（またはその元の式）を直してください。"),
    snippet=("% eq.tex\n\\exp(0.9) + \\exp(0.2) + \\exp(0.4) = 5.27   % ✗ the sum is 5.1728…\n"
             "\\exp(0.9) + \\exp(0.2) + \\exp(0.4) = 5.17   % ✓ right to the 2 decimals written"),
    valid=(
        Example(code=("def half(x):\n"
                      "    return x / 2\n"),
                equation=("x \\in \\mathbb{R}^{n}\n"
                          "\n"
                          "$$\\exp(0.9) + \\exp(0.2) + \\exp(0.4) = 5.17$$\n"
                          "\n"
                          "$$y = \\frac{x}{2}$$\n")),
    ),
    invalid=(
        Example(code=("def half(x):\n"
                      "    return x / 2\n"),
                equation=("x \\in \\mathbb{R}^{n}\n"
                          "\n"
                          "$$\\exp(0.9) + \\exp(0.2) + \\exp(0.4) = 5.27$$\n"
                          "\n"
                          "$$y = \\frac{x}{2}$$\n"),
                line=3, column=3, in_equation=True),
    ),
    raised_by="equation reader (equation/examples.py, reported by equation/semantics.py)",
)

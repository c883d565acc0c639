"""EQ008 ambiguous-notation: Ambiguous notation."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ008",
    name="ambiguous-notation",
    severity=INFO,
    group="input",
    en=Text(
        title="Ambiguous notation",
        message="{construct} can be read more than one way; eq2code read it as: {reading}",
        help=("If you meant the other reading, declare the symbols (e.g. W \\in \\mathbb{{R}}^{{n \\times d}} "
              "for a matrix, f: \\mathbb{{R}} \\to \\mathbb{{R}} for a function) or write the operation "
              "explicitly.")),
    ja=Text(
        title="曖昧な記法",
        message="{construct} は複数の読み方ができます。eq2code は次のように読みました: {reading}",
        help=("別の読み方のつもりなら、記号を宣言するか（行列なら W \\in \\mathbb{{R}}^{{n \\times d}}、関数なら "
              "f: \\mathbb{{R}} \\to \\mathbb{{R}}）、演算をはっきり書いてください。")),
    docs_en=Docs(
        what=("A piece of the equation has more than one ordinary reading in ML writing (a juxtaposition "
              "that may be a product or an application, the gradient of a function the file does not "
              "define, a sum over a named set, the notes' own macro such as \\vx), and the declarations "
              "did not decide it. eq2code took the usual reading and says which."),
        why="A silent misreading would flag correct code; naming the reading lets you confirm or change it.",
        fix=("If the reading is not what you meant, declare the symbols (a matrix W \\in \\mathbb{R}^{n "
             "\\times d}, a function f: \\mathbb{R} \\to \\mathbb{R}) or write the operation explicitly "
             "(\\cdot, parentheses, \\mathbf{a}^\\top \\mathbf{b}).")),
    docs_ja=Docs(
        what=("式の一部が ML の書き方で複数の普通の読み方を持ち（積か関数適用か、ファイルで定義されていない関数の"
              "勾配、名前付き集合上の和、\\vx のような独自マクロなど）、宣言でも決まりませんでした。eq2code は"
              "通常の読み方を採り、それを示します。"),
        why="黙って読み違えると正しいコードを誤りと判定してしまうため、どう読んだかを示します。",
        fix=("意図と違う場合は記号を宣言する（行列 W \\in \\mathbb{R}^{n \\times d}、関数 f: \\mathbb{R} \\to "
             "\\mathbb{R}）か、演算をはっきり書いてください（\\cdot、括弧、\\mathbf{a}^\\top \\mathbf{b}）。")),
    snippet=("% eq.tex\n\\theta \\gets \\theta - \\eta \\nabla_\\theta J(\\theta)   % J is not defined here:\n"
             "% its gradient is read as a given input, grad"),
    valid=(
        Example(code=("def step(theta, eta, g):\n"
                      "    return theta - eta * g\n"),
                equation=("\\theta, \\mathbf{g} \\in \\mathbb{R}^{d}\n"
                          "\n"
                          "\\theta \\gets \\theta - \\eta \\mathbf{g}\n")),
    ),
    invalid=(
        Example(code=("def step(theta, eta, grad):\n"
                      "    return theta - eta * grad\n"),
                equation=("\\theta \\in \\mathbb{R}^{d}\n"
                          "\n"
                          "\\theta \\gets \\theta - \\eta \\nabla_\\theta J(\\theta)\n"),
                line=3, column=None, in_equation=True),
    ),
    raised_by="equation reader (equation/lowering.py readings, reported by equation/semantics.py)",
)

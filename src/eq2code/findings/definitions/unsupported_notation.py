"""EQ002 unsupported-notation: Unsupported notation."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ002",
    name="unsupported-notation",
    severity=ERROR,
    group="input",
    en=Text(
        title="Unsupported notation",
        message="eq2code does not understand the notation {construct}[[ ({detail})]]",
        help=("Rewrite {construct} with supported notation (\\sum, \\prod, \\frac, \\sqrt, \\exp, "
              "\\log, …), or check this equation by hand.")),
    ja=Text(
        title="未対応の記法",
        message="記法 {construct} には対応していません[[（{detail}）]]",
        help=("{construct} を対応している記法（\\sum、\\prod、\\frac、\\sqrt、\\exp、\\log "
              "など）で書き直すか、この式は手で確認してください。")),
    docs_en=Docs(
        what=("The equation uses a notation eq2code does not understand (a macro or construct "
              "outside the lecture's notation)."),
        why=("Without a meaning for the notation there is no reference value, so the code cannot be "
             "compared."),
        fix=("Rewrite the part with supported notation (\\sum, \\prod, \\frac, \\sqrt, \\exp, "
             "\\log, \\max, matrix products, ^\\top, …), or check that equation by hand.")),
    docs_ja=Docs(
        what="eq2code が理解できない記法（講義の記法にないマクロや構文）が数式に含まれています。",
        why="記法の意味が分からなければ参照値がなく、コードと比較できません。",
        fix=("対応している記法（\\sum、\\prod、\\frac、\\sqrt、\\exp、\\log、\\max、行列積、^\\top "
             "など）で書き直すか、その式は手で確認してください。")),
    snippet="% eq.tex\ny = \\mathcal{F}\\{x\\}   % ✗ a Fourier transform has no NumPy meaning here",
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
            "y = \\weird{x}\n"), line=3, column=5, in_equation=True),
    ),
    raised_by="equation reader (equation/latex/tokens.py, equation/lowering.py)",
)

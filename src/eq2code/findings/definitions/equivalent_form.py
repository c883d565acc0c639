"""EQ502 equivalent-form: Equivalent form."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ502",
    name="equivalent-form",
    severity=INFO,
    group="variant",
    en=Text(
        title="Equivalent form",
        message=("accepted: the code computes {part} in an algebraically equivalent form[[ "
                 "({detail})]]"),
        help="Nothing to fix."),
    ja=Text(
        title="同値な変形",
        message="許容: {part} を代数的に同値な形で計算しています[[（{detail}）]]",
        help="修正は不要です。"),
    docs_en=Docs(
        what=("The code computes a part of the equation in an algebraically equivalent form "
              "(scaling Q before the product, exp(x)**(1/T) for exp(x/T))."),
        why=("The numbers agree, so this is accepted; the note tells a reader why the code looks "
             "different."),
        fix="Nothing to fix."),
    docs_ja=Docs(
        what=("コードが数式の一部を代数的に同値な形で計算しています（積の前に Q をスケーリングする、exp(x/T) を "
              "exp(x)**(1/T) と書く など）。"),
        why="値が一致するので許容されます。この注記は、コードの見た目が違う理由を読み手に伝えます。",
        fix="修正は不要です。"),
    snippet=("q = Q / np.sqrt(d_k)\nscores = q @ K.T     # accepted: the same as Q @ K.T / "
             "np.sqrt(d_k)"),
    valid=(
        Example(file="examples/attention/correct_dk_parameter.py"),
    ),
    invalid=(
        Example(file="examples/attention/correct_prescaled_query.py", line=12, column=9),
    ),
    raised_by="static pattern (checking/check.py)",
)

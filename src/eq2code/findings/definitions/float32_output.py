"""EQ405 float32-output: float32 output."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ405",
    name="float32-output",
    severity=INFO,
    group="robustness",
    en=Text(
        title="float32 output",
        message="the result has dtype {dtype}, so it was compared with a looser tolerance",
        help="Compute in float64 unless lower precision is intended."),
    ja=Text(
        title="float32 の出力",
        message="結果の dtype が {dtype} のため、緩い許容誤差で比較しました",
        help="精度を下げる意図がなければ float64 で計算してください。"),
    docs_en=Docs(
        what=("The result has dtype float32 (or float16), so it was compared with a looser "
              "tolerance."),
        why="Lower precision is sometimes intended, but it also hides small errors.",
        fix="Compute in float64 unless lower precision is what you want."),
    docs_ja=Docs(
        what="結果の dtype が float32（または float16）のため、緩い許容誤差で比較しました。",
        why="精度を下げるのが意図的なこともありますが、小さな誤りも隠れます。",
        fix="精度を下げる意図がなければ float64 で計算してください。"),
    snippet=("return (np.exp(z) / np.exp(z).sum()).astype(np.float32)   # compared with a looser "
             "tolerance"),
    valid=(
        Example(code=("import numpy as np\n"
            "\n"
            "\n"
            "# eq2code: rule=softmax\n"
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z, axis=-1, keepdims=True))\n"
            "    return e / np.sum(e, axis=-1, keepdims=True)\n"), rule="softmax"),
    ),
    invalid=(
        Example(code=("import numpy as np\n"
            "\n"
            "\n"
            "# eq2code: rule=softmax\n"
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z, axis=-1, keepdims=True))\n"
            "    return (e / np.sum(e, axis=-1, keepdims=True)).astype(np.float32)\n"),
                rule="softmax", line=5, column=5),
    ),
    raised_by="comparison (checking/check.py)",
)

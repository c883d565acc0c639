"""EQ107 nonfinite-output: Non-finite output."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ107",
    name="nonfinite-output",
    severity=ERROR,
    group="execution",
    en=Text(
        title="Non-finite output",
        message="the output {output} is inf or nan at {where}, where the equation's value is finite",
        help=("Find the operation that overflows or divides by zero (often exp of a large value or "
              "log of 0) and compute it in a numerically stable way.")),
    ja=Text(
        title="非有限の出力",
        message="出力 {output} が {where} で inf または nan になりますが、数式の値は有限です",
        help=("オーバーフローやゼロ除算を起こす演算（大きな値の exp、0 の log など）を探し、"
              "数値的に安定な方法で計算してください。")),
    docs_en=Docs(
        what="The output contains inf or nan where the equation's value is finite.",
        why="Non-finite values poison everything computed from them (a loss of nan stops training).",
        fix=("Find the operation that overflows or divides by zero — often exp of a large value or "
             "log of 0 — and compute it stably (subtract the max, use np.where or xlogy).")),
    docs_ja=Docs(
        what="数式の値は有限なのに、出力に inf や nan が含まれています。",
        why="非有限の値はそこから計算されるものすべてを壊します（損失が nan になると学習が止まります）。",
        fix=("オーバーフローやゼロ除算を起こす演算（大きな値の exp、0 の log など）を探し、"
             "数値的に安定な方法（最大値を引く、np.where や xlogy "
             "を使う）で計算してください。")),
    snippet=("def softmax(z):\n    return np.exp(z) / np.sum(np.exp(z))   # ✗ inf / inf = nan for z "
             "= [1000, 0]"),
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
            "    return e / np.sum(e, axis=-1, keepdims=True) / 0.0\n"), rule="softmax", line=7, column=12),
    ),
    raised_by="comparison (reference/compare.py)",
)

"""EQ201 wrong-shape: Wrong shape."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ201",
    name="wrong-shape",
    severity=ERROR,
    group="result",
    en=Text(
        title="Wrong shape",
        message=("the output {output} has shape {actual}, but the equation gives shape {expected}[[ "
                 "(with {sizes})]]"),
        help=("Make the result's shape {expected}: check each reduction's axis and keepdims and "
              "every reshape; a scalar is not a length-1 array.")),
    ja=Text(
        title="形状の誤り",
        message="出力 {output} の形状が {actual} ですが、数式の形状は {expected} です[[（{sizes} のとき）]]",
        help=("結果の形状を {expected} にしてください。集約の軸（axis、keepdims）と reshape を確認してください。"
              "スカラーと長さ 1 の配列は別物です。")),
    docs_en=Docs(
        what=("The output's shape differs from the equation's (compared exactly: a scalar is not a "
              "length-1 array)."),
        why=("Downstream code relies on shapes; a wrong shape is often a reduction over the wrong "
             "axis or a broadcast gone wrong."),
        fix=("Make the result's shape match the equation's: check each reduction's axis and "
             "keepdims, each reshape and transpose. `eq2code explain` shows the shape after every "
             "line.")),
    docs_ja=Docs(
        what="出力の形状が数式の形状と異なります（厳密に比較します。スカラーと長さ 1 の配列は別物です）。",
        why=("後続のコードは形状を前提にしています。形状の誤りは、集約の軸の誤りやブロードキャストの誤りであることが"
             "多いです。"),
        fix=("結果の形状を数式に合わせてください。各集約の axis と keepdims、reshape と転置を確認してください。"
             "`eq2code explain` "
             "で各行の後の形状を確認できます。")),
    snippet=("def softmax(z):\n    e = np.exp(z)\n    return e / e.sum(axis=-1)              # ✗ "
             "(n,) against (n, K)\n    return e / e.sum(axis=-1, keepdims=True)  # ✓"),
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
            "    return (e / np.sum(e, axis=-1, keepdims=True))[..., None]\n"), rule="softmax", line=5, column=5),
    ),
    raised_by="comparison (reference/compare.py)",
)

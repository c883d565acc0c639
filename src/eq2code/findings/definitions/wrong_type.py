"""EQ105 wrong-type: Wrong return type."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ105",
    name="wrong-type",
    severity=ERROR,
    group="execution",
    en=Text(
        title="Wrong return type",
        message="the function returned {type}, not a number or an array of numbers[[ ({detail})]]",
        help="Return the computed value as a NumPy array (or a float for a scalar)."),
    ja=Text(
        title="戻り値の型の誤り",
        message="関数の戻り値が {type} です。数値または数値の配列ではありません[[（{detail}）]]",
        help="計算した値を NumPy 配列（スカラーなら float）として return してください。"),
    docs_en=Docs(
        what=("The function returned something that is not a number or an array of numbers (a dict, "
              "a string, an object, a ragged list)."),
        why="Only numbers can be compared with the equation's value.",
        fix="Return the computed value as a NumPy array, or a float for a scalar."),
    docs_ja=Docs(
        what="関数が数値でも数値の配列でもないもの（dict、文字列、オブジェクト、長さの揃わないリスト）を返しました。",
        why="数式の値と比較できるのは数値だけです。",
        fix="計算した値を NumPy 配列（スカラーなら float）として返してください。"),
    snippet=("def softmax(z):\n    return {\"p\": np.exp(z) / np.exp(z).sum()}   # ✗ a dict\n    "
             "return np.exp(z) / np.exp(z).sum()            # ✓"),
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
            "    return 'not an array'\n"), rule="softmax", line=5, column=5),
    ),
    raised_by="sandbox outcome (checking/check.py)",
)

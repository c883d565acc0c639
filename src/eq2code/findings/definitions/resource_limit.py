"""EQ103 resource-limit: Resource limit."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ103",
    name="resource-limit",
    severity=ERROR,
    group="execution",
    en=Text(
        title="Resource limit",
        message="the function exceeded the limit on {resource}[[ ({detail})]]",
        help=("Do not build arrays much larger than the inputs (e.g. an outer product where a sum "
              "is meant).")),
    ja=Text(
        title="資源の上限超過",
        message="関数が {resource} の上限を超えました[[（{detail}）]]",
        help="入力よりはるかに大きな配列を作らないでください（総和のつもりで外積を作っている、など）。"),
    docs_en=Docs(
        what="The function used more memory (or another resource) than the sandbox allows.",
        why=("Usually an array much larger than the inputs is built, e.g. an outer product where a "
             "sum is meant."),
        fix="Do not build arrays larger than the computation needs; reduce as you go."),
    docs_ja=Docs(
        what="関数がサンドボックスの上限を超えるメモリ（などの資源）を使いました。",
        why="たいていは入力よりはるかに大きな配列を作っています（総和のつもりで外積を作る、など）。",
        fix="必要以上に大きな配列を作らず、途中で集約してください。"),
    snippet=("def l2_norm(x):\n    return np.sqrt(np.sum(np.outer(x, x)))   # ✗ an n×n array where "
             "a sum is meant"),
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
            "    big = np.ones((1 << 40,))\n"
            "    return big\n"), rule="softmax", line=6, column=11),
    ),
    raised_by="sandbox outcome (checking/check.py)",
)

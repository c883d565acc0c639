"""EQ102 timeout: Timeout."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ102",
    name="timeout",
    severity=ERROR,
    group="execution",
    en=Text(
        title="Timeout",
        message="{phase} did not finish within {seconds} s",
        help=("Remove endless loops and top-level work (training loops, input()); if the "
              "computation is genuinely slow, raise --timeout.")),
    ja=Text(
        title="タイムアウト",
        message="{phase}が {seconds} 秒以内に終わりませんでした",
        help=("無限ループやモジュール直下の処理（学習ループ、input() など）を取り除いてください。"
              "本当に時間のかかる計算なら --timeout を増やしてください。")),
    docs_en=Docs(
        what="Importing the module or calling the function did not finish within the time limit.",
        why="An endless loop or top-level work (training, input()) blocks every check.",
        fix=("Remove endless loops and top-level work; put scripts under `if __name__ == "
             "\"__main__\":`. If the computation is genuinely slow, raise --timeout.")),
    docs_ja=Docs(
        what="モジュールの import または関数の呼び出しが制限時間内に終わりませんでした。",
        why="無限ループやモジュール直下の処理（学習、input()）があると、どの確認も進みません。",
        fix=("無限ループとモジュール直下の処理を取り除き、スクリプト部分は `if __name__ == \"__main__\":` "
             "の下に置いてください。本当に時間のかかる計算なら --timeout を増やしてください。")),
    snippet="def softmax(z):\n    while True:           # ✗ never ends\n        ...",
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
            "    while True:\n"
            "        pass\n"), rule="softmax"),  # the line varies: where the child is when time runs out
    ),
    raised_by="sandbox outcome (checking/check.py)",
)

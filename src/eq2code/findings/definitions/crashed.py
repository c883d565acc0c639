"""EQ104 crashed: Crashed."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ104",
    name="crashed",
    severity=ERROR,
    group="execution",
    en=Text(
        title="Crashed",
        message="the process running the function ended abnormally: {how}",
        help=("Remove sys.exit(), os._exit() and anything that can crash the interpreter from the "
              "implementation.")),
    ja=Text(
        title="異常終了",
        message="関数を実行していたプロセスが異常終了しました: {how}",
        help="実装から sys.exit()、os._exit() など、インタプリタを終了させうるコードを取り除いてください。"),
    docs_en=Docs(
        what=("The process running the function ended abnormally: sys.exit(), os._exit(), a signal, "
              "or a crash in native code."),
        why="The result was lost, so the function cannot be judged.",
        fix=("Remove sys.exit()/os._exit() and anything that can end the interpreter from the "
             "implementation.")),
    docs_ja=Docs(
        what=("関数を実行していたプロセスが異常終了しました（sys.exit()、os._exit()、シグナル、"
              "ネイティブコードのクラッシュ）。"),
        why="結果が失われたため、関数を判定できません。",
        fix="実装から sys.exit()、os._exit() など、インタプリタを終了させうるコードを取り除いてください。"),
    snippet="def softmax(z):\n    import os\n    os._exit(0)           # ✗ ends the process",
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
            "    import os\n"
            "    os._exit(3)\n"), rule="softmax", line=5, column=5),
    ),
    raised_by="sandbox outcome (checking/check.py)",
)

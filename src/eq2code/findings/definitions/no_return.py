"""EQ106 no-return: No return value."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ106",
    name="no-return",
    severity=ERROR,
    group="execution",
    en=Text(
        title="No return value",
        message="the function returned None instead of the equation's value",
        help=("Add `return` with the result at the end of the function (printing a value does not "
              "return it).")),
    ja=Text(
        title="戻り値なし",
        message="関数が数式の値ではなく None を返しました",
        help="関数の最後で結果を return してください（print しても値は返りません）。"),
    docs_en=Docs(
        what="The function returned None.",
        why=("A value that is printed or stored in a global is not returned; the caller gets "
             "nothing."),
        fix="End the function with `return` and the result."),
    docs_ja=Docs(
        what="関数が None を返しました。",
        why="print した値やグローバル変数に入れた値は返り値ではなく、呼び出し側には何も届きません。",
        fix="関数の最後で結果を `return` してください。"),
    snippet=("def softmax(z):\n    p = np.exp(z) / np.sum(np.exp(z))\n    print(p)              # ✗ "
             "printed, not returned\n    return p              # ✓"),
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
            "    p = np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)\n"
            "    print(p)\n"), rule="softmax", line=5, column=5),
    ),
    raised_by="sandbox outcome (checking/check.py)",
)

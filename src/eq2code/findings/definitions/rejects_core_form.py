"""EQ903 rejects-core-form: Rejects the equation's shapes."""

from __future__ import annotations

from eq2code.findings.registry import INFO, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ903",
    name="rejects-core-form",
    severity=INFO,
    group="result",
    en=Text(
        title="Rejects the equation's shapes",
        message=("the function is right with leading batch dimensions but rejects the equation's "
                 "own shapes[[: {detail}]]"),
        help=("Reduce along axis=-1 instead of a fixed axis such as axis=1, so the equation's own "
              "shapes work too.")),
    ja=Text(
        title="数式どおりの形状を受け付けない",
        message="バッチ次元付きでは正しいのですが、数式どおりの形状の入力を受け付けません[[: {detail}]]",
        help="axis=1 のような固定の軸ではなく axis=-1 に沿って集約し、数式どおりの形状でも動くようにしてください。"),
    docs_en=Docs(
        what=("The function is right on inputs with a leading batch axis but rejects the equation's "
              "own shapes (e.g. a hard-coded axis=1)."),
        why="It passes, but only works in the batched setting.",
        fix="Use axis=-1 instead of a fixed axis, so both forms work."),
    docs_ja=Docs(
        what=("先頭にバッチ軸がある入力では正しいのですが、数式どおりの形状の入力を受け付けません（axis=1 "
              "の決め打ちなど）。"),
        why="合格にはなりますが、バッチ付きの場合にしか動きません。",
        fix="固定の軸ではなく axis=-1 を使い、どちらの形でも動くようにしてください。"),
    snippet=("e = np.exp(x - x.max(axis=1, keepdims=True))   # ✗ axis=1 needs a batch axis\ne = "
             "np.exp(x - x.max(axis=-1, keepdims=True))  # ✓ works with and without one"),
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
            "    e = np.exp(z - np.max(z, axis=1, keepdims=True))\n"
            "    return e / np.sum(e, axis=1, keepdims=True)\n"), rule="softmax", line=5, column=5),
    ),
    raised_by="the batched form (checking/check.py)",
)

"""EQ101 exception: Exception."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ101",
    name="exception",
    severity=ERROR,
    group="execution",
    en=Text(
        title="Exception",
        message="the function raised {type}: {detail}[[ (called with the {form})]]",
        help="Run the function on the input shown and fix the line that raises {type}."),
    ja=Text(
        title="例外",
        message="関数が {type} を送出しました: {detail}[[（入力: {form}）]]",
        help="示した入力で関数を実行し、{type} が発生する行を直してください。"),
    docs_en=Docs(
        what=("The function raised an exception on the generated inputs (shown with the input's "
              "form and sizes)."),
        why=("A function that raises computes nothing; the marked line is where it happened. Shape "
             "errors often mean a missing transpose or a reduction without keepdims."),
        fix=("Call the function on the shown input, read the exception and fix the marked line. "
             "Check shapes with `eq2code explain`.")),
    docs_ja=Docs(
        what="生成した入力で関数が例外を送出しました（入力の形式とサイズを表示します）。",
        why=("例外を送出する関数は何も計算しません。印の行が発生箇所です。形状のエラーは、転置の忘れや keepdims "
             "のない集約が原因であることが多いです。"),
        fix=("表示された入力で関数を呼び出し、例外を読んで印の行を直してください。形状は `eq2code explain` "
             "で確認できます。")),
    snippet=("def attention(Q, K, V):\n    scores = Q @ K        # ✗ ValueError: shapes (n,d_k) and "
             "(m,d_k) not aligned\n    scores = Q @ K.T      # ✓"),
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
            "    raise ValueError('not yet')\n"), rule="softmax", line=6, column=5),
    ),
    raised_by="sandbox outcome (checking/check.py)",
)

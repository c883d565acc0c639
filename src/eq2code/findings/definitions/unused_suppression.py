"""EQ902 unused-suppression: Unused suppression."""

from __future__ import annotations

from eq2code.findings.registry import WARNING, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ902",
    name="unused-suppression",
    severity=WARNING,
    group="tool",
    en=Text(
        title="Unused suppression",
        message="the suppression of {suppressed} is unused: no such finding is reported here",
        help="Remove {suppressed} from the '# eq2code: ignore[...]' comment."),
    ja=Text(
        title="使われていない抑制",
        message="{suppressed} の抑制は使われていません（ここではその指摘は出ていません）",
        help="「# eq2code: ignore[...]」コメントから {suppressed} を削除してください。"),
    docs_en=Docs(
        what="A '# eq2code: ignore[NAME]' comment suppresses a finding that is not reported there.",
        why="Stale suppressions hide future problems and mislead readers.",
        fix="Remove the name (or the whole comment)."),
    docs_ja=Docs(
        what="「# eq2code: ignore[NAME]」コメントが、その場所で報告されていない指摘を抑制しています。",
        why="使われていない抑制は将来の問題を隠し、読み手を惑わせます。",
        fix="その名前（またはコメント全体）を削除してください。"),
    snippet=("return np.exp(z) / np.sum(np.exp(z))   # eq2code: ignore[wrong-shape]   ← nothing to "
             "ignore here"),
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
            "    return e / np.sum(e, axis=-1, keepdims=True)  # eq2code: ignore[wrong-shape]\n"),
                rule="softmax", line=7, column=69),
    ),
    raised_by="suppressions (project/suppress.py)",
)

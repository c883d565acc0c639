"""EQ901 internal-error: Internal error."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, FindingDef, Text

FINDING = FindingDef(
    code="EQ901",
    name="internal-error",
    severity=ERROR,
    group="tool",
    en=Text(
        title="Internal error",
        message="eq2code failed internally: {detail}",
        help=("This is a bug in eq2code, not in your code; please report it with the equation and "
              "implementation files.")),
    ja=Text(
        title="内部エラー",
        message="eq2code の内部エラーです: {detail}",
        help="これはあなたのコードではなく eq2code の不具合です。数式ファイルと実装ファイルを添えて報告してください。"),
    docs_en=Docs(
        what="eq2code itself failed while checking.",
        why="This is a bug in eq2code, not in your code.",
        fix="Report it with the equation and implementation files."),
    docs_ja=Docs(
        what="確認中に eq2code 自体が失敗しました。",
        why="あなたのコードではなく eq2code の不具合です。",
        fix="数式ファイルと実装ファイルを添えて報告してください。"),
    snippet="$ eq2code check eq.tex impl.py\nEQ901 eq2code failed internally: …",
    raised_by="checker (a sandbox failure of eq2code itself)",
)

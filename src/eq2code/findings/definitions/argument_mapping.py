"""EQ006 argument-mapping: Argument mapping."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ006",
    name="argument-mapping",
    severity=ERROR,
    group="input",
    en=Text(
        title="Argument mapping",
        message="{problem} ({params})",
        help="{fix} (More: eq2code docs argument-mapping.)"),
    ja=Text(
        title="引数の対応付け",
        message="{problem}（引数: {params}）",
        help="{fix}（詳しくは eq2code docs argument-mapping）"),
    docs_en=Docs(
        what=("An input of the equation matches no parameter of the function (by name or position), "
              "or a parameter without a default receives nothing."),
        why=("The function must be called with the equation's inputs in the right places; guessing "
             "could compare the wrong things."),
        fix=("Name the parameters as the equation does (Q, K, V; z or logits; T or temperature), or "
             "map them explicitly: --map SYMBOL=PARAM. Give extra parameters a default.")),
    docs_ja=Docs(
        what="数式の入力が関数のどの引数にも（名前でも位置でも）対応しないか、既定値のない引数に何も渡されません。",
        why="数式の入力を正しい引数に渡す必要があります。推測すると違うもの同士を比較しかねません。",
        fix=("引数名を数式に合わせる（Q, K, V、z や logits、T や temperature）か、--map SYMBOL=PARAM "
             "で明示してください。余分な引数には既定値を与えてください。")),
    snippet=("% eq.tex: Q, K, V\ndef attention(a, b, c, mask): ...   # ✗ 'mask' receives nothing\n# "
             "✓ --map Q=a --map K=b --map V=c, and give mask a default"),
    valid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n")),
    ),
    invalid=(
        Example(code=("def half(a, b):\n"
            "    return a / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n"), line=1, column=5),
    ),
    raised_by="code loader (code/loader.py map_arguments)",
)

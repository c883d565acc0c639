"""EQ005 function-not-found: Function not found."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ005",
    name="function-not-found",
    severity=ERROR,
    group="input",
    en=Text(
        title="Function not found",
        message=("no function implementing the equation was found; looked for: {wanted}[[; the file "
                 "defines: {available}]]"),
        help=("Name the function with --function NAME, or write '% eq2code: function=NAME' in the "
              "equation file.")),
    ja=Text(
        title="関数が見つかりません",
        message="数式を実装した関数が見つかりません（探した名前: {wanted}）[[。ファイル内の関数: {available}]]",
        help="--function NAME で関数を指定するか、数式ファイルに「% eq2code: function=NAME」と書いてください。"),
    docs_en=Docs(
        what=("No function in the implementation file could be identified as the one implementing "
              "the equation: its name matches neither the equation, nor the rule's aliases, nor a "
              "tag, and the file has several public functions."),
        why="eq2code must know which function to call.",
        fix=("Pass --function NAME, write '% eq2code: function=NAME' in the equation file, or put "
             "'# eq2code: rule=NAME' on the line above the def.")),
    docs_ja=Docs(
        what=("実装ファイルの中で、数式を実装した関数を特定できませんでした。"
              "名前が数式ともルールの別名ともタグとも一致せず、公開関数が複数あります。"),
        why="eq2code はどの関数を呼び出すかを知る必要があります。",
        fix=("--function NAME を指定するか、数式ファイルに「% eq2code: function=NAME」と書くか、def の上の行に「# "
             "eq2code: "
             "rule=NAME」と書いてください。")),
    snippet=("# eq.tex defines softmax, impl.py defines two public functions:\ndef my_softmax(z): "
             "...\ndef helper(z): ...\n# ✓ eq2code check eq.tex impl.py --function my_softmax"),
    valid=(
        Example(code=("def half(x):\n"
            "    return x / 2\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n")),
    ),
    invalid=(
        Example(code=("def first(x):\n"
            "    return x\n"
            "\n"
            "\n"
            "def second(x):\n"
            "    return x\n"), equation=("x \\in \\mathbb{R}^{n}\n"
            "\n"
            "y = \\frac{x}{2}\n"), line=1, column=1),
    ),
    raised_by="code loader (code/loader.py find_function)",
)

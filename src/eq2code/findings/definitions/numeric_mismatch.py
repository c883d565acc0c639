"""EQ202 numeric-mismatch: Numeric mismatch."""

from __future__ import annotations

from eq2code.findings.registry import ERROR, Docs, Example, FindingDef, Text

FINDING = FindingDef(
    code="EQ202",
    name="numeric-mismatch",
    severity=ERROR,
    group="result",
    en=Text(
        title="Numeric mismatch",
        message=("the output {output} differs from the equation[[ at {index}]]: expected "
                 "{expected_value}, got {actual_value}[[ (relative error {rel_error})]][[; inputs: "
                 "{inputs}]][[; seed {seed}]][[ — line {at_line}: `{code}` computes {computes}]]"
                 "[[; the equation's {role} is {expected_part}]]"),
        help=("Evaluate the equation by hand on these inputs and compare each step of the function "
              "with it.[[ Reproduce with --seed {seed}.]]")),
    ja=Text(
        title="値の不一致",
        message=("出力 {output}[[ の {index}]] が数式と一致しません: 参照値 {expected_value}、実際の値 "
                 "{actual_value}[[、相対誤差 {rel_error}]][[。入力: {inputs}]][[（seed {seed}）]]"
                 "[[ — {at_line} 行目: `{code}` は {computes} を計算します]][[。数式の{role}は {expected_part} です]]"),
        help="この入力で数式を手で計算し、関数の各ステップと比べてください。[[--seed {seed} で再現できます。]]"),
    docs_en=Docs(
        what=("The output has the right shape but different values from the equation (relative "
              "tolerance about 1e-6), and no known mistake explains the difference."),
        why="The code computes something else than the formula.",
        fix=("Evaluate the equation by hand on the shown input and compare each step of the "
             "function; reproduce with the shown --seed.")),
    docs_ja=Docs(
        what=("出力の形状は正しいのですが、値が数式と一致しません（相対許容誤差は約 1e-6）。"
              "既知の誤りのどれにも当てはまりません。"),
        why="コードが数式と別のものを計算しています。",
        fix="表示された入力で数式を手で計算し、関数の各ステップと比べてください。表示された --seed で再現できます。"),
    snippet=("def sigmoid(x):\n    return 1 / np.exp(-x)                  # ✗ the '1 +' is "
             "missing\n    return 1 / (1 + np.exp(-x))            # ✓"),
    valid=(
        Example(file="examples/bayes-posterior/correct_normalise.py"),
    ),
    invalid=(
        Example(file="examples/bayes-posterior/wrong_divides_by_prior.py", line=7, column=9),
    ),
    raised_by="comparison (reference/compare.py)",
)

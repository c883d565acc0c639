"""Fixed phrases that fill a finding's parameters, in English and Japanese.

Code that has more to say than a template's own words (why an equation is not checkable,
how a process ended, which form of the input failed) passes `Phrase(key, params)` as the
parameter instead of English text; `messages.fill` renders it in the message's language,
recursively (a phrase's parameters may be phrases). Values that are the user's own — their
exception text, code, LaTeX, names, numbers — stay plain strings. Both languages of a key
use the same fields (tested).

A Phrase survives the JSON equation cache as {"phrase": key, "params": {...}}.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Phrase:
    """A piece of a message by key and parameters, rendered in the report's language."""

    phrase: str  # a key of PHRASES
    params: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def of(value: Any) -> Phrase | None:
        """`value` as a Phrase: itself, or its JSON form from the cache; None for anything else."""
        if isinstance(value, Phrase):
            return value
        if isinstance(value, dict) and set(value) == {"phrase", "params"} and isinstance(value["phrase"], str):
            return Phrase(value["phrase"], dict(value["params"] or {}))
        return None


def phrase(key: str, **params: Any) -> Phrase:
    return Phrase(key, params)


# key → {"en": template, "ja": template}; templates as in messages.py ([[…]] optional parts).
PHRASES: dict[str, dict[str, str]] = {
    "log-base": {"en": "base {base}", "ja": "底 {base}"},
    "instead-of": {"en": "{used} instead of {meant}", "ja": "{meant} の代わりに {used}"},
    "scalar-shape": {"en": "() (a scalar)", "ja": "()（スカラー）"},
    # the input a function was called with (exception: "called with the {form}")
    "form-core": {"en": "core form[[, {sizes}]]", "ja": "数式どおりの形状[[、{sizes}]]"},
    "form-batched": {"en": "batched form (batch {batch})[[, {sizes}]]",
                     "ja": "バッチ付きの形状（バッチ {batch}）[[、{sizes}]]"},
    "form-import": {"en": "module import", "ja": "モジュールの読み込み"},
    "import-timed-out": {"en": "importing the module took longer than {seconds} s",
                         "ja": "モジュールの読み込みが {seconds} 秒を超えました"},
    # how a run ended
    "killed-by-signal": {"en": "killed by signal {signal}", "ja": "シグナル {signal} で強制終了"},
    "exited": {"en": "exited ({how}[[, status {status}]])", "ja": "終了しました（{how}[[、終了コード {status}]]）"},
    "run-ended-early": {"en": "the run ended before every input was tried",
                        "ja": "すべての入力を試す前に実行が終わりました"},
    "memory-limit": {"en": "{how} at the limit of {mb} MB", "ja": "上限 {mb} MB で {how}"},
    "killed-sigkill": {"en": "killed by SIGKILL", "ja": "SIGKILL で強制終了"},
    # loading
    "not-utf8": {"en": "the file is not UTF-8 text", "ja": "ファイルが UTF-8 のテキストではありません"},
    "no-functions": {"en": "no functions", "ja": "関数なし"},
    "no-parameters": {"en": "no parameters", "ja": "引数なし"},
    "input-matches-no-parameter": {"en": "the equation's input {symbol} matches no parameter of the function",
                                   "ja": "数式の入力 {symbol} に対応する関数の引数がありません"},
    "map-the-input": {"en": "Say which parameter receives {symbol}: --map {symbol}=PARAM.",
                      "ja": "{symbol} を受け取る引数を指定してください: --map {symbol}=PARAM"},
    "parameter-receives-nothing": {
        "en": "the function's parameter {param} has no default and receives nothing from the equation",
        "ja": "関数の引数 {param} には既定値がなく、数式から何も渡されません"},
    "default-the-parameter": {
        "en": "Give {param} a default value, or say which of the equation's inputs it receives: --map SYMBOL={param}.",
        "ja": "{param} に既定値を与えるか、どの数式の入力を受け取るかを指定してください: --map SYMBOL={param}"},
    "cannot-evaluate": {"en": "the equation cannot be evaluated: {error}", "ja": "数式を評価できません: {error}"},
    "defines-no-value": {"en": "the file defines no value to compute", "ja": "ファイルに計算する値の定義がありません"},
    # judging
    "right-only-batched": {"en": "it is right on inputs with a leading batch axis but not on the equation's own shapes",
                           "ja": "先頭にバッチ軸がある入力では正しいのですが、数式どおりの形状では正しくありません"},
    "prescaled-input": {"en": "{code} scales the input before the product; the result is the same",
                        "ja": "{code} は積の前に入力をスケーリングしています。結果は同じです"},
    "stress-outcome": {"en": "{outcome}; inputs: {inputs}", "ja": "{outcome}。入力: {inputs}"},
    "stress-failed": {"en": "the function failed ({what})", "ja": "関数が失敗しました（{what}）"},
    "stress-nonfinite": {"en": "the result has inf or nan", "ja": "結果に inf または nan があります"},
    "stress-inaccurate": {"en": "the result is inaccurate", "ja": "結果が不正確です"},
    "batch-axis": {"en": "with a leading batch axis of size {size} it {got}",
                   "ja": "先頭に大きさ {size} のバッチ軸があると、{got}"},
    "batch-along-axis0": {"en": "works along axis 0, the batch axis; the equation's index runs over the last axis — "
                                "count it from the end: axis=-1, keepdims=True",
                          "ja": "バッチ軸である axis 0 に沿って計算しています。数式の添字は最後の軸を動くので、"
                                "末尾から数えてください: axis=-1, keepdims=True"},
    "batch-shape": {"en": "returns shape {actual} instead of {expected}",
                    "ja": "形状 {expected} ではなく {actual} を返します"},
    # static patterns (code/static.py hints)
    "hint-augmented": {"en": "{target} {operator} … changes the argument {param}",
                       "ja": "{target} {operator} … は引数 {param} を書き換えます"},
    "hint-assign-into": {"en": "assigning into {code} changes the argument {param}",
                         "ja": "{code} への代入は引数 {param} を書き換えます"},
    "hint-log-base": {"en": "{code} takes the logarithm to base {base}", "ja": "{code} は底 {base} の対数です"},
    "hint-clip": {"en": "{code} keeps the values away from 0 and 1", "ja": "{code} は値を 0 と 1 から遠ざけます"},
    "hint-changes": {"en": "{code} changes the argument {param}", "ja": "{code} は引数 {param} を書き換えます"},
    "hint-writes-into": {"en": "{code} writes into the argument {param}", "ja": "{code} は引数 {param} に書き込みます"},
    "hint-unshifted-exp": {"en": "{code} exponentiates values from which no maximum was subtracted",
                           "ja": "{code} は最大値を引いていない値の exp をとります"},
    "hint-epsilon": {"en": "adds {epsilon} inside {code}", "ja": "{code} の中で {epsilon} を加えています"},
    "hint-maximum": {"en": "{code} keeps the logarithm's argument above 0", "ja": "{code} は対数の引数を 0 "
                                                                                  "より大きく保ちます"},
    "hint-transpose": {"en": "{code} reverses every axis of {param}, so a leading batch axis moves too",
                       "ja": "{code} は {param} のすべての軸を逆順にするため、先頭のバッチ軸も動きます"},
    "hint-keepdims": {"en": "{code} drops axis {axis} and is then combined with {other}",
                      "ja": "{code} は軸 {axis} を消したうえで {other} と組み合わされます"},
    "batch-values": {"en": "returns values that differ from the equation's", "ja": "数式と異なる値を返します"},
    # eq2code parse: each symbol of an equation, its role and what the role says (equation/describe.py)
    "role-input": {"en": "input", "ja": "入力"},
    "role-size": {"en": "size", "ja": "サイズ"},
    "role-index": {"en": "index", "ja": "添字"},
    "role-function": {"en": "function", "ja": "関数"},
    "role-constant": {"en": "constant", "ja": "定数"},
    "role-defined": {"en": "defined", "ja": "定義済み"},
    "detail-input": {"en": "{shape} in {space}", "ja": "{shape}、値域 {space}"},
    "detail-input-inferred": {"en": "{shape} in {space} (inferred, not declared)",
                              "ja": "{shape}、値域 {space}（宣言がなく推定）"},
    "detail-gradient": {"en": "{shape} in {space}: the given gradient", "ja": "{shape}、値域 {space}: 与えられた勾配"},
    "detail-function-values": {"en": "values of {function}, {shape} (the function is not defined in this file)",
                               "ja": "{function} の値、{shape}（関数はこのファイルで定義されていません）"},
    "detail-size": {"en": "a whole number ≥ 1", "ja": "1 以上の整数"},
    "detail-index-output": {"en": "of the result (one entry per value)", "ja": "結果の軸（値ごとに 1 要素）"},
    "detail-index-bound": {"en": "of the {op}, from {low} to {high}", "ja": "{op}（{low} から {high} まで）"},
    "detail-function": {"en": "standard", "ja": "標準"},
    "detail-constant": {"en": "its usual value", "ja": "通常の値"},
    "detail-defined": {"en": "by #{number} (line {line})", "ja": "#{number}（{line} 行目）で定義"},
    "op-sum": {"en": "sum", "ja": "和"},
    "op-prod": {"en": "product", "ja": "積"},
    "op-max": {"en": "maximum", "ja": "最大値"},
    "op-min": {"en": "minimum", "ja": "最小値"},
    "op-argmax": {"en": "argmax", "ja": "argmax"},
    "op-argmin": {"en": "argmin", "ja": "argmin"},
    "parse-reading": {"en": "reading", "ja": "読み取り"},
    "parse-symbols": {"en": "symbols", "ja": "記号"},
    "parse-symbol": {"en": "symbol", "ja": "記号"},
    "parse-code-name": {"en": "code name", "ja": "コード上の名前"},
    "parse-role": {"en": "role", "ja": "役割"},
    "parse-output": {"en": "output", "ja": "出力"},
    "role-array": {"en": "array", "ja": "配列"},
    "role-scalar": {"en": "scalar", "ja": "スカラー"},
    "parse-scalar": {"en": "scalar", "ja": "スカラー"},
    "parse-shape": {"en": "shape", "ja": "形状"},
    "parse-space": {"en": "space", "ja": "値域"},
    "parse-inferred": {"en": " (inferred)", "ja": "（推定）"},
    "parse-side": {"en": "side {number}", "ja": "{number} 番目の辺"},
    "parse-main": {"en": "main", "ja": "主の式"},
    "parse-checkable": {"en": "checkable", "ja": "照合できます"},
    "parse-not-checkable": {"en": "not checkable[[: {reason}]]", "ja": "照合できません[[: {reason}]]"},
    "kind-definition": {"en": "definition", "ja": "定義"},
    "kind-identity": {"en": "identity", "ja": "恒等式"},
    "kind-declaration": {"en": "declaration", "ja": "宣言"},
    "kind-statement": {"en": "statement", "ja": "命題"},
    "kind-annotation": {"en": "annotation", "ja": "注釈"},
    "kind-pattern": {"en": "pattern", "ja": "置き換え"},
    "kind-example": {"en": "worked example", "ja": "計算例"},
}

# Why an equation is not checked, and which reading of ambiguous notation eq2code took
# (equation/lowering.py, equation/semantics.py). Parameters are LaTeX or symbol names; LaTeX
# braces in the templates are doubled (str.format).
PHRASES.update({
    # not computations
    "eq-declaration": {"en": "a declaration: it gives shapes and spaces",
                       "ja": "宣言です（形状と値域を与えます）"},
    "eq-substitution": {"en": "a substitution (:=): the other equations read its left side as its right side",
                        "ja": "置き換え（:=）です。ほかの数式では左辺を右辺として読みます"},
    "eq-annotation": {"en": "an annotation", "ja": "注釈です"},
    "eq-quantified": {"en": "a quantified statement (\\forall, \\exists) is not a computation",
                      "ja": "量化された命題（\\forall, \\exists）は計算ではありません"},
    "eq-statement": {"en": "{what} is not a computation", "ja": "{what}は計算ではありません"},
    "statement-inequality": {"en": "an inequality", "ja": "不等式"},
    "statement-implication": {"en": "an implication", "ja": "含意"},
    "statement-equivalence": {"en": "an equivalence", "ja": "同値関係"},
    "statement-membership": {"en": "a membership statement", "ja": "集合への所属を述べる式"},
    "statement-set-relation": {"en": "a set relation", "ja": "集合の包含関係"},
    "statement-independence": {"en": "an independence statement", "ja": "独立性を述べる式"},
    "statement-proportionality": {"en": "a proportionality", "ja": "比例関係"},
    "statement-approximation": {"en": "an approximation", "ja": "近似"},
    "statement-colon": {"en": "a statement with ':'", "ja": "':' を含む命題"},
    "statement-mapping": {"en": "a mapping", "ja": "写像の宣言"},
    "statement-distribution": {"en": "a distribution statement", "ja": "分布を述べる式"},
    "statement-logical": {"en": "a logical statement", "ja": "論理式"},
    "eq-prose": {"en": "prose", "ja": "文章です"},
    "eq-density-of-vectors": {"en": "a density of vectors (a covariance, a vector of probabilities) is not "
                                    "computed yet; write it entry by entry",
                              "ja": "ベクトルの密度（共分散行列や確率のベクトル）はまだ計算しません。"
                                    "要素ごとに書いてください"},
    "eq-operator-without-brackets": {"en": "\\mathbb{{{op}}} is an operator (an expectation, a probability, a "
                                           "variance) applied to what follows without brackets: not read",
                                     "ja": "\\mathbb{{{op}}} は演算子（期待値・確率・分散）で、括弧なしで後続に"
                                           "適用されているため読めません"},
    "eq-no-equals": {"en": "an expression without '=' defines nothing to check",
                     "ja": "'=' のない式は、照合するものを何も定義していません"},
    "eq-nested-too-deeply": {"en": "the equation is nested too deeply", "ja": "数式の入れ子が深すぎます"},
    "eq-constraint": {"en": "a constraint on the inputs, not a computation",
                      "ja": "入力に対する制約であり、計算ではありません"},
    "eq-gradient-identity": {"en": "an identity between gradients of functions this file does not define",
                             "ja": "このファイルで定義されていない関数の勾配どうしの恒等式です"},
    "eq-derivative-without-upstream": {
        "en": "a derivative of a function this file does not define, stated without an upstream gradient: "
              "an identity or a worked example",
        "ja": "このファイルで定義されていない関数の微分が、上流の勾配なしに書かれています。恒等式か計算例です"},
    "eq-derivative-of-defined": {
        "en": "a derivative of {name}, which this file defines, written as a formula: a step of a derivation about "
              "{name}, not a value of its own",
        "ja": "このファイルで定義した {name} の微分を式で書いたものです。{name} についての導出の一段であり、"
              "独立した値ではありません"},
    "eq-differential-equation": {
        "en": "a differential equation: the derivative of {name} is given in terms of {name} itself — a law the "
              "function obeys, not a value to compute",
        "ja": "微分方程式です。{name} の微分が {name} 自身を使って書かれており、"
              "関数が満たす法則であって計算する値ではありません"},
    "read-derivative-value": {
        "en": "{left} of a function this file does not define, equal to a formula: read as the value that formula "
              "gives — what code computing this derivative returns",
        "ja": "このファイルで定義されていない関数の微分 {left} が式と等しいので、その式の値として扱います"
              "（この微分を計算するコードが返す値です）"},
    "read-derivative-of-defined-value": {
        "en": "{left}, equal to a formula: read as the value that formula gives — what code computing this "
              "derivative returns; the formula is not compared with the derivative of {name} the file defines",
        "ja": "{left} は式と等しいので、その式の値として扱います（この微分を計算するコードが返す値です）。"
              "ファイルで定義した {name} の微分との照合はしません"},
    "eq-listed-entries": {"en": "entries written side by side with spaces between them (x_1 \\, x_2 \\, x_3): a "
                                "vector listed by its entries, not a product",
                          "ja": "空白を挟んで並べた要素（x_1 \\, x_2 \\, x_3）は、要素を列挙したベクトルであり、"
                                "積ではありません"},
    "eq-worked-example": {"en": "a worked example on numbers: nothing is an input",
                          "ja": "数値による計算例です。入力が 1 つもありません"},
    "eq-worked-example-checked": {"en": "a worked example on numbers: its arithmetic is checked; nothing in it is "
                                        "an input for code",
                                  "ja": ("数値による計算例です。計算が正しいかを確かめます。"
                                         "コードに渡す入力はありません")},
    "eq-worked-example-partly": {"en": "a worked example: the arithmetic of its numeric forms is checked; {left} is "
                                       "not computed",
                                 "ja": "計算例です。数値の形どうしの計算を確かめます。{left} は計算しません"},
    "example-precision-decimals": {"en": "to the {count} decimal places written",
                                   "ja": "書かれた小数 {count} 桁まで"},
    "example-precision-written": {"en": "to the digits written", "ja": "書かれた桁まで"},
    "example-precision-relative": {"en": "to 6 significant digits", "ja": "有効数字 6 桁まで"},
    "eq-cannot-compute": {"en": "cannot compute {what}", "ja": "{what} は計算できません"},
    "eq-index-indexes-nothing": {"en": "the index {letter} does not index an array on the right side",
                                 "ja": "添字 {letter} は右辺のどの配列の添字にもなっていません"},
    "eq-notation-action": {"en": "a dot between two operands ([g.f](h): a group action or a composition) is an "
                                 "operator definition, not a computation",
                           "ja": "2 つの被演算子の間の点（[g.f](h): 群作用または合成）は演算子の定義であり、"
                                 "計算ではありません"},
    "eq-notation-evaluated": {"en": "an evaluation bar (…|_{{x=a}}: an expression evaluated at a point) is not "
                                    "computed",
                              "ja": "評価の縦線（…|_{{x=a}}: ある点で評価した式）は計算しません"},
    "eq-notation-not": {"en": "a logical formula (\\lnot) is not a computation",
                        "ja": "論理式（\\lnot）は計算ではありません"},
    "eq-notation-string": {"en": "a quoted string has no numeric value",
                           "ja": "引用符で囲んだ文字列には数値がありません"},
    "eq-notation-operator": {"en": "an operator of the notes' own (f *_{{G}} k, x \\oplus y) is not one eq2code "
                                   "computes",
                             "ja": "資料独自の演算子（f *_{{G}} k, x \\oplus y）は "
                                   "eq2code が計算するものではありません"},
    "eq-notation-ellipsis": {"en": "a term written beside an ellipsis looks like its pattern but is not the "
                                   "pattern at its index (x_1 + x_3 + \\cdots + x_n): which terms the ellipsis "
                                   "stands for is not clear",
                             "ja": "省略記号の隣に書かれた項はパターンに似ていますが、"
                                   "その添字でのパターンと一致しません（x_1 + x_3 + \\cdots + x_n）。"
                                   "省略記号がどの項を表すかがはっきりしません"},
    # values that cannot be computed
    "eq-power-infinite": {"en": "a power to infinity (A^\\infty) is a limit, not a finite computation",
                          "ja": "無限乗（A^\\infty）は極限であり、有限の計算ではありません"},
    "eq-exponent-too-large": {"en": "the exponent {exponent} is too large to evaluate (at most {limit})",
                              "ja": "指数 {exponent} は大きすぎて評価できません（上限 {limit}）"},
    "eq-power-too-many-digits": {"en": "the power has about {digits} digits, too many to evaluate (at most {limit})",
                                 "ja": "このべき乗は約 {digits} 桁になり、桁数が多すぎて評価できません"
                                       "（上限 {limit} 桁）"},
    "eq-indices-vs-dimensions": {"en": "{latex} is used with {indices} indices but has {dimensions} dimensions",
                                 "ja": "{latex} は {indices} 個の添字で使われていますが、{dimensions} 次元です"},
    "eq-no-value": {"en": "{what} has no value", "ja": "{what} には値がありません"},
    "eq-index-not-a-number": {"en": "an index of {latex} is a vector or a matrix, not one number",
                              "ja": "{latex} の添字がベクトルか行列で、1 つの数ではありません"},
    "eq-listed-after-comma": {"en": "entries listed after commas (W = w_1, w_2, …, w_n): a vector named by its "
                                    "entries, not a value equal to the first one",
                              "ja": "カンマの後に成分が並んでいます（W = w_1, w_2, …, w_n）。成分で名付けたベクトルで、"
                                    "最初の成分に等しい値ではありません"},
    "eq-continued-in-words": {"en": "the definition goes on in words ('{words} …'): its value is what they say, "
                                    "not the right side alone",
                              "ja": "定義が言葉で続いています（「{words} …」）。"
                                    "値は右辺だけでなく、その言葉が表すものです"},
    "eq-names-cancel": {"en": "as read, the value does not depend on {names}: it cancels, so a vector was read "
                              "as a number or the formula is a derivation — declare the shapes to check it",
                        "ja": "この読み方では値が {names} に依存しません（打ち消し合います）。"
                              "ベクトルを数として読んだか、式が導出です。確認するには形を宣言してください"},
    "eq-named-in-words": {"en": "a quantity described in words: nothing here computes it",
                          "ja": "言葉で説明された量です。ここには計算がありません"},
    "eq-prose-no-value": {"en": "prose '{text}' has no value", "ja": "文章「{text}」には値がありません"},
    "eq-gradient-needs-expression": {"en": "a gradient needs the expression it applies to",
                                     "ja": "勾配には、それをとる対象の式が必要です"},
    "eq-distributions-by-arguments": {"en": "{name} names a different distribution for each argument written "
                                            "(Bayes' rule, a marginal, a factorisation): an identity between "
                                            "probabilities, not a computation",
                                      "ja": "{name} は書かれた引数ごとに別の分布を表します（ベイズの定理、周辺化、"
                                            "分解）。確率どうしの恒等式で、計算ではありません"},
    "eq-bigop-over-members": {"en": "\\{op} over the members {name} of a set (a batch) that is no input; write it "
                                    "with an index (\\sum_{{i \\in \\mathcal{{B}}}} \\mathbf{{x}}_i) to check it",
                              "ja": "入力でない集合（バッチ）の要素 {name} についての \\{op} です。確かめるには添字で"
                                    "書いてください（\\sum_{{i \\in \\mathcal{{B}}}} \\mathbf{{x}}_i）"},
    "eq-det-not-matrix": {"en": "\\det of something that is not a square matrix (declare it: "
                                "A \\in \\mathbb{{R}}^{{n \\times n}})",
                          "ja": "正方行列ではないものの \\det です（A \\in \\mathbb{{R}}^{{n \\times n}} "
                                "のように宣言してください）"},
    "eq-slice-undeclared": {"en": "a slice ({latex} with ':') of an array whose shape is not declared: declare it "
                                  "(X \\in \\mathbb{{R}}^{{n \\times d}})",
                            "ja": "形が宣言されていない配列のスライス（':' を含む {latex}）です。"
                                  "X \\in \\mathbb{{R}}^{{n \\times d}} のように宣言してください"},
    "eq-slice-free-index": {"en": "a slice of {latex} at an index that nothing in the equation gives (no sum "
                                  "over it, no subscript on the left side)",
                            "ja": "{latex} のスライスの添字が、式のどこでも与えられていません"
                                  "（和の添字でも左辺の添字でもありません）"},
    "eq-counting-of-input": {"en": "{what} of something that is not a whole number written in the equation: "
                                   "it is defined on whole numbers, and eq2code draws real-valued inputs",
                             "ja": "式に書かれた整数ではないものの{what}です。整数でのみ定義されますが、"
                                   "eq2code は実数の入力を使います"},
    "what-factorial": {"en": "a factorial (n!)", "ja": "階乗（n!）"},
    "what-binom": {"en": "a binomial coefficient (\\binom{{n}}{{k}})", "ja": "二項係数（\\binom{{n}}{{k}}）"},
    "eq-identity-listing-shape": {"en": "one side is a vector or matrix written entry by entry with an ellipsis and "
                                        "another side has another shape (a number against a vector, a vector against "
                                        "a matrix): eq2code cannot tell which reading is meant; declare the symbols' "
                                        "shapes (\\mathbf{{W}} \\in \\mathbb{{R}}^{{N \\times C}})",
                                  "ja": "片方の辺は省略記号を使って要素ごとに書かれたベクトルか行列で、別の辺は形が"
                                        "異なります（数とベクトル、ベクトルと行列）。どちらの読み方か決められません。"
                                        "記号の形を宣言してください"
                                        "（\\mathbf{{W}} \\in \\mathbb{{R}}^{{N \\times C}}）"},
    "eq-ellipsis": {"en": "an ellipsis ({command}) stands for terms that are not written: a pattern, not a "
                          "computation",
                    "ja": "省略記号（{command}）は書かれていない項を表します。計算ではなくパターンです"},
    "eq-derivative-of-undefined": {"en": "a derivative of an expression this file does not define",
                                   "ja": "このファイルで定義されていない式の微分です"},
    "eq-command-no-value": {"en": "'{command}' has no value here", "ja": "ここでは '{command}' に値がありません"},
    "eq-set-no-value": {"en": "a set has no numeric value", "ja": "集合には数値がありません"},
    "eq-function-without-arguments": {"en": "the function {function} is used without arguments",
                                      "ja": "関数 {function} が引数なしで使われています"},
    "eq-too-many-dimensions": {"en": "{latex} has {dimensions} dimensions; only vectors and matrices can be used "
                                     "without indices",
                               "ja": "{latex} は {dimensions} 次元です。添字なしで使えるのはベクトルと行列だけです"},
    "eq-angle-average": {"en": "⟨…⟩ around one expression is its average (an expectation) over a distribution or "
                               "a sample this file does not give",
                         "ja": "一つの式を囲む ⟨…⟩ はその平均（期待値）で、"
                               "このファイルにない分布や標本についての値です"},
    "eq-prime-of-bracket": {"en": "a prime after a bracket whose content has no single variable to differentiate by",
                            "ja": "括弧の後のダッシュ（'）ですが、中身に微分する変数がただ一つではありません"},
    "eq-prime-of-undefined": {"en": "f' is the derivative of a function this file does not define",
                              "ja": "f' はこのファイルで定義されていない関数の微分です"},
    "eq-subscript-on-expression": {"en": "a subscript on an expression", "ja": "式に付いた下付き添字"},
    "eq-scalar-no-entries": {"en": "{latex} is a scalar and has no entries",
                             "ja": "{latex} はスカラーなので要素がありません"},
    "eq-transpose-of-scalar": {"en": "a transpose of a scalar", "ja": "スカラーの転置"},
    "eq-array-exponent": {"en": "a power whose exponent is a vector or a matrix",
                          "ja": "指数がベクトルまたは行列であるべき乗"},
    "eq-softmax-of-scalar": {"en": "softmax of a scalar", "ja": "スカラーの softmax"},
    "eq-function-undefined": {"en": "the function {function} is not defined in this file",
                              "ja": "関数 {function} はこのファイルで定義されていません"},
    "eq-bracket-function-undefined": {"en": "the function applied with [ ] is not defined in this file",
                                      "ja": "[ ] で適用されている関数はこのファイルで定義されていません"},
    "eq-tuple-no-value": {"en": "a tuple has no value", "ja": "タプルには値がありません"},
    "eq-chain-rule-identity": {"en": "a chain rule between derivatives of functions this file does not define is "
                                     "an identity, not a computation",
                               "ja": "このファイルで定義されていない関数の微分どうしの連鎖律は恒等式であり、"
                                     "計算ではありません"},
    "eq-gradient-per-summand": {"en": "a gradient per summand (it depends on the summation index) is not one "
                                      "given input",
                                "ja": "和の項ごとの勾配（和の添字に依存します）は、"
                                      "与えられた 1 つの入力ではありません"},
    "eq-distribution-named-vector": {"en": "the distribution must be a named vector such as p",
                                     "ja": "分布は p のように名前の付いたベクトルでなければなりません"},
    "eq-expectation-one-expression": {"en": "an expectation takes one expression",
                                      "ja": "期待値の中に書ける式は 1 つです"},
    "eq-expectation-continuous": {"en": "an expectation under a conditional or continuous distribution is not a "
                                        "finite sum",
                                  "ja": "条件付き分布や連続分布のもとでの期待値は有限の和ではありません"},
    "eq-expectation-variable": {"en": "the variable of {dist} is not named; write \\mathbb{{E}}_{{x \\sim {dist}}}",
                                "ja": "{dist} の変数に名前がありません。\\mathbb{{E}}_{{x \\sim {dist}}} "
                                      "と書いてください"},
    "eq-distribution-count": {"en": "{name} takes one or two distributions",
                              "ja": "{name} がとる分布は 1 つか 2 つです"},
    "eq-variable-unbound": {"en": "{latex} needs its variable bound by a sum or the left side",
                            "ja": "{latex} の変数は、和か左辺で束縛されている必要があります"},
    "eq-concat-family": {"en": "Concat takes a family: Concat(x_1, \\ldots, x_h)",
                         "ja": "Concat には族を渡します: Concat(x_1, \\ldots, x_h)"},
    "eq-family-undefined": {"en": "{latex}_i is not defined in this file",
                            "ja": "{latex}_i はこのファイルで定義されていません"},
    "eq-one-argument": {"en": "this function takes one argument", "ja": "この関数がとる引数は 1 つです"},
    "eq-indices-do-not-match": {"en": "indices do not match the shape", "ja": "添字が形状と合いません"},
    "eq-argument-count": {"en": "{name} takes {count} arguments", "ja": "{name} がとる引数は {count} 個です"},
    "eq-elementwise-needs-index": {"en": "{name} is defined elementwise (_{indices}); use it with an index",
                                   "ja": "{name} は要素ごとに定義されています（_{indices}）。"
                                         "添字を付けて使ってください"},
    "eq-command-unsupported": {"en": "{command} is not supported yet", "ja": "{command} にはまだ対応していません"},
    "eq-cos-not-vectors": {"en": "\\cos of two values that are not vectors", "ja": "ベクトルでない 2 つの値の \\cos"},
    "eq-plus-minus": {"en": "± has two values", "ja": "± は 2 つの値を表します"},
    "eq-shapes-do-not-fit": {"en": "shapes do not fit: {left} against {right}",
                             "ja": "形状が合いません: {left} と {right}"},
    "eq-derivative-needs-expression": {"en": "a derivative needs the expression it applies to",
                                       "ja": "微分には、それをとる対象の式が必要です"},
    "eq-composition-no-value": {"en": "function composition has no value by itself",
                                "ja": "関数の合成はそれだけでは値を持ちません"},
    "eq-hessian-of-scalar": {"en": "\\nabla^2 of a function of a scalar or of a matrix: eq2code reads the Hessian "
                                   "only at a vector point",
                             "ja": "スカラーや行列の関数の \\nabla^2: eq2code はベクトルの点での"
                                   "ヘッセ行列だけを読みます"},
    "eq-argmax-position": {"en": "\\{op} gives a position, counted from 1 here and from 0 in code (np.{op}): "
                                 "not compared; write the range from 0 (c = 0, \\ldots, C-1) to compare it",
                           "ja": "\\{op} は位置を返しますが、ここでは 1 から、コード（np.{op}）では 0 から数えるので"
                                 "比較しません。比較するには範囲を 0 から書いてください（c = 0, \\ldots, C-1）"},
    "eq-second-derivative": {"en": "a second derivative of an expression: not computed (first derivatives are)",
                             "ja": "式の 2 階微分: 計算しません（1 階微分は計算します）"},
    "eq-partial-of-given": {"en": "a partial derivative, by one entry, of a function this file does not define at a "
                                  "vector point: which entry of the given gradient it is, is not read",
                            "ja": "この式で定義されていない関数の、ベクトルの点での 1 成分についての偏微分: 与えられた"
                                  "勾配のどの成分かは読み取りません"},
    "eq-gradient-needs-variable": {"en": "a gradient needs the variable it is taken by",
                                   "ja": "勾配には、どの変数についてとるかが必要です"},
    "eq-derivative-by-scalar-only": {"en": "only derivatives by a scalar variable are computed",
                                     "ja": "計算できるのはスカラー変数による微分だけです"},
    "eq-does-not-depend": {"en": "the expression does not depend on {var}: the function it differentiates is not "
                                 "defined in this file",
                           "ja": "式が {var} に依存していません。微分する関数がこのファイルで定義されていません"},
    "eq-norm-unsupported": {"en": "the {p}-norm is not supported", "ja": "{p} ノルムには対応していません"},
    "eq-not-finite-integral": {"en": "an integral over a continuous variable is not a finite computation",
                               "ja": "連続変数についての積分は有限の計算ではありません"},
    "eq-not-finite-limit": {"en": "a limit is not a finite computation", "ja": "極限は有限の計算ではありません"},
    "eq-not-finite-supremum": {"en": "a supremum is not a finite computation",
                               "ja": "上限（sup）・下限（inf）は有限の計算ではありません"},
    "eq-bigop-several-arrays": {"en": "\\{op} of several arrays", "ja": "複数の配列の \\{op}"},
    "eq-bigop-no-range": {"en": "\\{op} without a range names no index",
                          "ja": "範囲のない \\{op} では添字が決まりません"},
    "eq-bigop-index-unused": {"en": "\\{op}_{letter} over terms that do not use {letter} (they use {used}): write "
                                    "the range of the index, e.g. \\{op}_{{{used}=1}}^{{n}}",
                              "ja": "\\{op}_{letter} の中身は {letter} を使っていません（使っているのは {used}）。"
                                    "添字の範囲を \\{op}_{{{used}=1}}^{{n}} のように書いてください"},
    "eq-bigop-over-matrices": {"en": "\\{op} over matrices", "ja": "行列についての \\{op}"},
    "eq-bigop-upper-bound": {"en": "\\{op}_{{{letter}=…}} needs an upper bound",
                             "ja": "\\{op}_{{{letter}=…}} には上限が必要です"},
    "eq-range-several-variables": {"en": "\\{op} runs over several variables at once (an optimisation over "
                                         "parameters), not an index range",
                                   "ja": "\\{op} は複数の変数を同時に動きます（パラメータについての最適化）。"
                                         "添字の範囲ではありません"},
    "eq-range-set": {"en": "\\{op} runs over a set that this file does not give as an input",
                     "ja": "\\{op} は、このファイルが入力として与えていない集合を動きます"},
    "eq-numbers-another-shape": {"en": "the numbers written in the chain are several, but the formula reads as one "
                                       "number: declare the symbols' shapes (W \\in \\mathbb{{R}}^{{d \\times V}})",
                                 "ja": "式の中に書かれた数値は複数ですが、式は 1 つの数として読まれます。"
                                       "記号の形を宣言してください（W \\in \\mathbb{{R}}^{{d \\times V}}）"},
    "eq-filter-values-equal": {"en": "\\{op} keeps the terms where two values are equal (or not), neither of them "
                                     "an index: on the random values of a check that never (or always) holds",
                               "ja": "\\{op} は 2 つの値が等しい（または等しくない）項だけを残しますが、"
                                     "どちらも添字ではありません。検査の乱数の値では、これは決して（または常に）成り立ちません"},
    "eq-range-condition": {"en": "\\{op} runs over the values that satisfy a condition (an optimisation or a "
                                 "filter), not over an index range of the inputs",
                           "ja": "\\{op} は条件を満たす値を動きます（最適化または絞り込み）。入力の添字の範囲では"
                                 "ありません"},
    "eq-range-samples": {"en": "\\{op} runs over samples drawn from a distribution, which are not inputs",
                         "ja": "\\{op} は分布から抽出したサンプルを動きます。サンプルは入力ではありません"},
    "eq-range-graph": {"en": "\\{op} runs over the neighbours in a graph, which is not an input",
                       "ja": "\\{op} はグラフの隣接ノードを動きます。グラフは入力ではありません"},
    "eq-range-unsupported": {"en": "this range under \\{op} is not supported",
                             "ja": "\\{op} の下のこの範囲には対応していません"},
    "eq-ragged-rows": {"en": "rows of different lengths", "ja": "行の長さがそろっていません"},
    "eq-cases-compare-matrices": {"en": "cases that compare matrices: write the entries with indices",
                                  "ja": "行列を比較する場合分けです。要素を添字付きで書いてください"},
    "eq-random-case": {"en": "a case chosen at random (with probability …) is not a computation",
                       "ja": "確率的に選ばれる場合（確率 … で）は計算ではありません"},
    "eq-prose-condition": {"en": "the condition '{text}' is prose", "ja": "条件「{text}」は文章です"},
    "eq-condition-unsupported": {"en": "this condition is not supported in cases",
                                 "ja": "場合分けのこの条件には対応していません"},
    "eq-relation-inside": {"en": "a relation inside an expression", "ja": "式の中にある関係式"},
    "eq-inner-product-not-vectors": {"en": "an inner product of arrays that are not two vectors",
                                     "ja": "2 つのベクトルではない配列の内積"},
    "eq-tuple-or-set-no-value": {"en": "a tuple or set has no numeric value",
                                 "ja": "タプルや集合には数値がありません"},
    "eq-list-no-value": {"en": "a list has no numeric value", "ja": "リストには数値がありません"},
    "eq-empty-group": {"en": "an empty group where a value is needed",
                       "ja": "値が必要な場所が空の {{ }} になっています"},
    # readings taken (ambiguous-notation: "eq2code read it as: …")
    "read-letters-as-name": {"en": "{name}: letters side by side on the left side, read as the name of what is "
                                   "defined",
                             "ja": "{name}: 左辺に並んだ文字は、定義されるものの名前"},
    "read-worked-example": {"en": "the numeric forms are a worked example: their arithmetic is checked",
                            "ja": "数値の形は計算例として読み、その計算が正しいかを確かめます"},
    "read-log-base-of-example": {"en": "\\log in base {base} in this worked example: its numbers hold in that base, "
                                       "not with the natural log",
                                 "ja": ("この計算例の \\log は底 {base} の対数です（自然対数では数値が合わず、"
                                        "底 {base} で合います）")},
    "read-form-not-read": {"en": "this form of the chain is not read ({why}); the other forms are checked",
                           "ja": "等式の連なりのうちこの形は読めません（{why}）。ほかの形を照合します"},
    "read-form-renamed": {"en": "{form}: a named function applied to the left side's own arguments, read as "
                                "another name of what this chain defines; its value is the form after it",
                          "ja": ("{form}: 左辺と同じ引数に適用された名前付きの関数は、この等式が定義するものの"
                                 "別名と読みます。値はその後の形です")},
    "read-form-name": {"en": "{form}: a name this file does not define, read as another name of what this chain "
                             "defines; its value is the form after it",
                       "ja": ("{form}: このファイルで定義されていない名前は、この等式が定義するものの別名と読みます。"
                              "値はその後の形です")},
    "read-sigma-sum": {"en": "\\Sigma_{letter} before a term: the summation sign over {letter}, as \\sum_{letter}",
                       "ja": "項の前の \\Sigma_{letter}: {letter} についての和の記号（\\sum_{letter} と同じ）"},
    "read-declared-form": {"en": "a chain of equal forms: form {number} is checked, the one whose symbols are all "
                                 "declared",
                           "ja": "等しい形の連なりです。記号がすべて宣言されている {number} 番目の形を照合します"},
    "read-identity-matrix": {"en": "\\mathbf{{I}}: the identity matrix, of the size its neighbours give it",
                             "ja": "\\mathbf{{I}}: 単位行列（大きさは隣り合う項から決まります）"},
    "read-words-quantity": {"en": "the words '{words}' name one quantity, a number the code is given ({name})",
                            "ja": "「{words}」という語句は一つの量（コードに渡される数 {name}）"},
    "read-bold-name": {"en": "{command} is not a LaTeX command: read as the bold symbol {bold} named {name}",
                       "ja": "{command} は LaTeX のコマンドではないので、{name} という名前の太字の記号 {bold}"},
    "read-mean-of-vector": {"en": "{latex}, not declared, of the declared vector {vector}: its mean",
                            "ja": "宣言されていない {latex} は、宣言されたベクトル {vector} の平均"},
    "read-mean-of-data": {"en": "{latex} beside a sum over every entry of {vector}: the mean of {vector}",
                          "ja": "{vector} のすべての成分にわたる和と並ぶ {latex} は {vector} の平均"},
    "read-sample-entry": {"en": "{latex}^{{(i)}} with {latex} a declared vector: its entry i (sample i)",
                          "ja": "{latex}^{{(i)}}（{latex} は宣言されたベクトル）は、その i 番目の要素"
                                "（i 番目のサンプル）"},
    "read-accumulation": {
        "en": "{left} {op}= …: the new {left} is the old one {op} the right side (an update, as "
              "{left} := {left} {op} …)",
        "ja": "{left} {op}= …: 新しい {left} は、元の値 {op} 右辺（{left} := {left} {op} … と同じ更新）"},
    "read-gradient-name": {
        "en": "{name}: d written against {letter} is the name of the gradient with respect to {letter} (as code "
              "names it), not d times {letter}; write d \\, {letter} for a product",
        "ja": "{name}: {letter} に続けて書いた d は、{letter} についての勾配の名前（コードの名前と同じ）で、d と "
              "{letter} の積ではありません。積なら d \\, {letter} と書きます"},
    "closed-at-end": {"en": "at the end of the equation", "ja": "式の最後で"},
    "closed-at-row-end": {"en": "at the end of its row", "ja": "その行の最後で"},
    "closed-before-outer": {"en": "just before the bracket around it", "ja": "外側の括弧の直前で"},
    "read-softmax-vector": {
        "en": "{latex}, not declared, inside softmax: a vector (softmax normalises over entries; of one number it "
              "is 1); declare {latex} \\in \\mathbb{{R}}^n for its length",
        "ja": "softmax の中の {latex}（宣言なし）はベクトル（softmax は要素について正規化し、1 つの数なら 1）。"
              "長さは {latex} \\in \\mathbb{{R}}^n と宣言"},
    "read-word-label": {
        "en": "{latex}^{{{word}}}: the word {word} as a superscript labels {latex} (a value of its own), never a "
              "power by the product of its letters",
        "ja": "{latex}^{{{word}}}: 上付きの単語 {word} は {latex} のラベル（別の値）で、文字の積による累乗では"
              "ありません"},
    "read-kronecker-delta": {"en": "\\delta_{{kj}}, not declared: the Kronecker delta (1 where k = j, else 0)",
                             "ja": "宣言されていない \\delta_{{kj}} は、クロネッカーのデルタ（k = j のとき 1、"
                                   "それ以外は 0）"},
    "read-matrix-row": {"en": "one index on the matrix {latex}: its row (a vector)",
                        "ja": "添字が 1 つだけの行列 {latex} は、その行（ベクトル）"},
    "eq-entries-at-scaled-index": {
        "en": "the left side defines only the entries at {latex} (every other one): rows like these give an array "
              "piece by piece, which eq2code does not put together; write one formula for every entry (e.g. "
              "\\begin{{cases}} on the index) to check it",
        "ja": "左辺は {latex} の要素（一つおき）だけを定義しています。このように配列を部分ごとに与える行を "
              "eq2code は組み立てません。検査するには、すべての要素を一つの式で書いてください"
              "（例: 添字についての \\begin{{cases}}）"},
    "read-iterate-superscript": {
        "en": "{latex}: summed up to the step {letter} of the left side, the superscript counts iterates "
              "(the i-th value, as w^{{(i)}} writes it), not powers",
        "ja": "{latex}：左辺のステップ {letter} まで和を取るので、上付きは反復の番号（w^{{(i)}} と書く i 番目の値）。"
              "べき乗ではありません"},
    "read-transpose-T": {
        "en": "^T between two vectors: the transpose (as ^\\top writes it), not a power by an input T; declare T "
              "to read a power",
        "ja": "二つのベクトルの間の ^T は転置（^\\top と同じ）で、入力 T によるべき乗ではありません。べき乗なら T を"
              "宣言してください"},
    "read-ell-label": {
        "en": "{latex}^\\ell: \\ell above a symbol names the layer it belongs to (as ^{{(\\ell)}} writes it), not a "
              "power",
        "ja": "{latex}^\\ell：記号の上の \\ell は属する層の番号（^{{(\\ell)}} と同じ）で、べき乗ではありません"},
    "read-continued-value": {
        "en": "the display starts with its relation: its left side is written before it, so this is read as "
              "{name} = …, the value code computing that left side returns",
        "ja": "この式は関係記号から始まり、左辺はその前に書かれているので、{name} = … とし、"
              "その左辺を計算するコードが返す値とします"},
    "read-zero-superscript-label": {
        "en": "{latex}: written beside {letter} itself, the 0 above labels a value ({letter} at step 0, "
              "the starting point), not the power {letter}^0 = 1",
        "ja": "{latex}：{letter} 自体と並んで書かれているので、上の 0 は値のラベル"
              "（ステップ 0 の {letter}、出発点）。{letter} の 0 乗（= 1）ではありません"},
    "read-numbered-name": {
        "en": "{names}: a letter written only with this number below it names one number, {names} (not an "
              "entry of an array {letter}); declare {letter} \\in \\mathbb{{R}}^n to read it as an entry",
        "ja": "{names}：文字に番号だけが付いているので、一つの数 {names} の名前"
              "（配列 {letter} の要素ではありません）。要素として読むには "
              "{letter} \\in \\mathbb{{R}}^n と宣言してください"},
    "read-numbered-names": {
        "en": "{names}: a letter written only with numbers below it names separate numbers; code may take "
              "them as separate arguments or as one vector {letter} (its entry 0 the first); declare "
              "{letter} \\in \\mathbb{{R}}^n to read them as entries of {letter}",
        "ja": "{names}：文字に番号だけが付いているので、別々の数。"
              "コードは別々の引数でも、一つのベクトル {letter}（最初が要素 0）としても受け取れます。"
              "{letter} の要素として読むには {letter} \\in \\mathbb{{R}}^n と宣言してください"},
    "read-zero-based": {"en": "{latex}_0 is written: {latex}'s numbered entries count from 0",
                        "ja": "{latex}_0 と書かれているので、{latex} の要素番号は 0 から数えます"},
    "read-row-of-matrix": {"en": "{name}_i with {owner} a declared matrix: row i of {owner} (declare {name} for a "
                                 "separate array)",
                           "ja": "{name}_i（{owner} は宣言された行列）は {owner} の第 i 行"
                                 "（別の配列にするには {name} を宣言してください）"},
    "read-power-T": {"en": "^T on a symbol with no declared shape: read as the power T (declare the symbol as a "
                           "vector, \\mathbf{{w}} \\in \\mathbb{{R}}^{{d}}, or write ^\\top for a transpose)",
                     "ja": "形状が宣言されていない記号の ^T は T 乗（転置のつもりなら、記号をベクトルとして"
                           "宣言する（\\mathbf{{w}} \\in \\mathbb{{R}}^{{d}}）か、^\\top と書いてください）"},
    "read-matrix-square-root": {"en": "^{{1/2}} of a matrix: read as the matrix square root (R with R R = X); "
                                      "write \\sqrt{{x_{{ij}}}} for the entries' square roots",
                                "ja": "行列の ^{{1/2}} は行列の平方根（R R = X となる R）。"
                                      "要素ごとの平方根なら \\sqrt{{x_{{ij}}}} と書いてください"},
    "read-row-vector-product": {"en": "a vector before a matrix (x W): the vector as a row, x^⊤W, whose entries are "
                                      "those of the vector W^⊤x",
                                "ja": ("行列の前のベクトル（x W）: ベクトルを行として x^⊤W と読みます"
                                       "（値はベクトル W^⊤x と同じ）")},
    "read-root-of-square": {"en": "{name}: the square root of {name}² that this file defines",
                            "ja": "{name}: このファイルで定義された {name}² の平方根"},
    "read-entrywise-derivative": {"en": "the derivative of a function applied entry by entry to a vector: entry by "
                                        "entry (the diagonal of its Jacobian)",
                                  "ja": "ベクトルの要素ごとに適用された関数の微分: 要素ごと（ヤコビ行列の対角）"},
    "read-summed-gradient": {"en": "the per-example gradients of {function} summed over the batch: the gradient of "
                                   "the batch's summed loss, given as one array",
                             "ja": "バッチで足し合わせた例ごとの {function} の勾配: バッチの損失の和の勾配"
                                   "（1 つの配列として与えられます）"},
    "read-mean-count": {"en": "{name}, not declared, divides a sum without bounds: the number of its terms (a mean)",
                        "ja": "宣言されていない {name} は範囲のない和を割っています: その項の数（平均）と読みます"},
    "read-square-bracket-entry": {"en": "{name}[{index}]: entry {index} of the declared array {name}, indexed as code "
                                        "indexes it",
                                  "ja": ("{name}[{index}]: 宣言された配列 {name} の {index} 番目の要素"
                                         "（コードの添字の書き方）")},
    "read-square-bracket-value": {"en": "{name}[…] of the declared {name}: its given value (square brackets apply "
                                        "it, as in f[x, φ])",
                                  "ja": "宣言された {name} の {name}[…] は、与えられた値"
                                        "（f[x, φ] のように角括弧で適用します）"},
    "read-relu-slope": {"en": "a ReLU with its slope for negative inputs given as the argument {slope}: "
                               "max(0, z) + {slope}·min(0, z)",
                        "ja": "負の入力の傾きを引数 {slope} で与えた ReLU：max(0, z) + {slope}·min(0, z)"},
    "read-gate-sigma": {"en": "\\sigma_{{{label}}} applied: the logistic function (a gate's activation)",
                        "ja": "適用された \\sigma_{{{label}}} は、"
                              "ロジスティック関数（ゲートの活性化関数）"},
    "read-function-values": {
        "en": "{function} is not defined here: its values {application} are taken as the input {name} (an array "
              "the code is given, e.g. the model's outputs); to have eq2code compute them instead, define "
              "{function} in this file (e.g. {function}(x) = w x + b)",
        "ja": "{function} はここで定義されていないため、その値 {application} を入力 {name} として扱います"
              "（モデルの出力など、コードに渡される配列）。eq2code に計算させるには、このファイルで "
              "{function} を定義してください（例: {function}(x) = w x + b）"},
    "read-prime-derivative": {
        "en": "{name}' with {name} {how}: its derivative, as \\frac{{d}}{{dx}}{name}(x) (to name another "
              "function, write \\tilde{{{name}}} or {name}_2)",
        "ja": "{name}'（{name} は{how}）は、\\frac{{d}}{{dx}}{name}(x) と同じくその導関数"
              "（別の関数を表すなら \\tilde{{{name}}} や {name}_2 と書いてください）"},
    "how-defined-here": {"en": "defined in this file", "ja": "このファイルで定義された関数"},
    "how-standard": {"en": "a standard function", "ja": "標準の関数"},
    "read-given-gradient": {"en": "{how}: the gradient of {function} is given as the input {input}",
                            "ja": "{how}: {function} の勾配は、入力 {input} として与えられます"},
    "read-given-hessian": {"en": "\\nabla^2: the Hessian of {function} (its matrix of second derivatives) is given "
                                 "as the input {input}, a square matrix, never the gradient",
                           "ja": "\\nabla^2: {function} のヘッセ行列（2 階微分の行列）は、正方行列の入力 {input} として"
                                 "与えられます（勾配ではありません）"},
    "read-transposed-item-row": {
        "en": "{latex}_{index} is transposed (or dotted with a transposed item) and {index} runs over items: the "
              "{index}-th vector, row {index} of an array {latex} (items × entries), not one number; declare "
              "{latex} to say otherwise",
        "ja": "{latex}_{index} は転置されている（または転置された項目と内積をとる）うえ {index} は項目を走るので、"
              "{index} 番目のベクトル（配列 {latex}（項目 × 成分）の {index} 行目）とし、1 つの数とはしません。"
              "違う場合は {latex} を宣言してください"},
    "read-bold-item-row": {"en": "{latex}_{index} is bold and {index} runs over items: the {index}-th vector, row "
                                 "{index} of an array {latex} (items × entries), not one number; declare {latex} "
                                 "(e.g. {latex} \\in \\mathbb{{R}}^{{P}}) to say otherwise",
                           "ja": "{latex}_{index} は太字で {index} は項目を走るので、{index} 番目のベクトル"
                                 "（配列 {latex}（項目 × 成分）の {index} 行目）とし、1 つの数とはしません。"
                                 "違う場合は {latex} を宣言してください（例: {latex} \\in \\mathbb{{R}}^{{P}}）"},
    "read-given-second-derivative": {"en": "two primes: the second derivative of {function} is given as the input "
                                           "{input}, never its gradient",
                                     "ja": "プライム 2 つ: {function} の 2 階微分は入力 {input} として与えられます"
                                           "（勾配ではありません）"},
    "how-prime": {"en": "prime", "ja": "プライム記号（'）"},
    "how-gradient": {"en": "a gradient", "ja": "勾配"},
    "how-derivative": {"en": "a derivative", "ja": "微分"},
    "read-letter-times-bracket": {"en": "{letter} before a bracketed sum: read as {letter} times the bracket, as "
                                        "coefficients are written (declare {letter} as a function, e.g. "
                                        "{letter}: \\mathbb{{R}} \\to \\mathbb{{R}}, to apply it)",
                                  "ja": "括弧でくくった和の前の {letter} は、係数の書き方どおり {letter} と括弧の積と"
                                        "読みます（関数として適用するには {letter}: \\mathbb{{R}} \\to \\mathbb{{R}} "
                                        "と宣言してください）"},
    "read-coefficient-times-bracket": {
        "en": "a subscripted name before a bracket: read as a coefficient times the bracket (declare it as a "
              "function, e.g. f: \\mathbb{{R}} \\to \\mathbb{{R}}, to apply it)",
        "ja": "括弧の前にある添字付きの名前は、係数と括弧の積（関数として適用するには、"
              "f: \\mathbb{{R}} \\to \\mathbb{{R}} のように関数として宣言してください）"},
    "read-conditional-entry": {"en": "{name}(x | …) with x summed over: entry x of the distribution {name} (the "
                                     "condition names what it depends on)",
                               "ja": "x について和をとる {name}(x | …) は、分布 {name} の要素 x"
                                     "（条件は何に依存するかを表します）"},
    "read-cosine-similarity": {"en": "\\cos(a, b) of two vectors: the cosine similarity",
                               "ja": "2 つのベクトルの \\cos(a, b) は、コサイン類似度"},
    "read-cyclic-definition": {
        "en": "{left} and another equation of the file are defined in terms of each other (a change of variables); "
              "eq2code substitutes {left} into the equations after it — to check a function that takes {left} as "
              "an input, keep only one of the two definitions in the file",
        "ja": "{left} とこのファイルの別の式は互いを使って定義されています（変数変換）。eq2code は後の式に {left} を"
              "代入します。{left} を入力として受け取る関数を確認するには、"
              "2 つの定義のうち 1 つだけをファイルに残してください"},
    "read-defined-unreadably": {
        "en": "{left} is defined by another equation of the file that eq2code cannot read; it is taken here as a "
              "given input {name}",
        "ja": "{left} はこのファイルの別の式で定義されていますが、その式を eq2code は読めません。"
              "ここでは与えられた入力 {name} として扱います"},
    "read-bias-row": {"en": "a vector added to a matrix with one entry per column: added to every row (the bias "
                            "row of X W + b)",
                      "ja": "列ごとに 1 つの要素を持つベクトルを行列に足す式は、すべての行に足します"
                            "（X W + b のバイアス）"},
    "read-bold-capitals-product": {"en": "{left} {right}: two bold capitals side by side are matrices, multiplied as "
                                         "matrices (write \\odot for the product entry by entry)",
                                   "ja": "{left} {right}: 太字の大文字を並べたものは行列とし、行列の積として読みます"
                                         "（要素ごとの積なら \\odot と書いてください）"},
    "read-bold-I-labelled": {"en": "\\mathbf{{I}}_{index}: a quantity at {index} like the other symbols "
                                   "subscripted {index} (a gate), not the identity matrix of size {index}",
                             "ja": "\\mathbf{{I}}_{index} は、{index} を添字に持つ他の記号と同じく {index} での量"
                                   "（ゲート）とし、大きさ {index} の単位行列とはしません"},
    "read-increment-name": {"en": "{latex}: \\Delta before a symbol names its change (the update), one quantity, "
                                  "not \\Delta times the symbol",
                            "ja": "{latex}: 記号の前の \\Delta はその変化量（更新量）という 1 つの量を表し、"
                                  "\\Delta と記号の積とはしません"},
    "read-delta-derivative": {"en": "\\frac{{\\delta f}}{{\\delta x}}: δ before the numerator and the variable writes "
                                    "the derivative ∂f/∂x (not δ times f over δ times x)",
                              "ja": "\\frac{{\\delta f}}{{\\delta x}} は、分子と変数の前の δ で微分 ∂f/∂x を"
                                    "表したものとします（δ と f の積を δ と x の積で割ったものではありません）"},
    "read-role-superscript": {"en": "{latex}: the superscript says which matrix it is (a label, as ^{{(q)}} "
                                    "writes it), not a power",
                              "ja": "{latex}: 上付き文字はどの行列かを表すラベル（^{{(q)}} と同じ）で、"
                                    "べき乗ではありません"},
    "read-indicator-braces": {"en": "1\\{{…\\}} around a comparison: the indicator (1 where it holds, 0 elsewhere), "
                                    "not a set",
                              "ja": "比較を囲む 1\\{{…\\}} は指示関数 (成り立てば 1、そうでなければ 0) とし、"
                                    "集合とはしません"},
    "read-derivative-arguments": {"en": "{latex}: the derivative, at the point its arguments name (the "
                                        "arguments are its variables, not a second factor)",
                                  "ja": "{latex} は導関数で、引数はそれを評価する点 (変数) を表し、"
                                        "掛け算の因子ではありません"},
    "read-label-list": {"en": "{latex} with a list of labels as its superscript: one name (labels such as "
                              "iterations or steps), never a power",
                        "ja": "上付きのラベルの並びを持つ {latex} は 1 つの名前 (反復やステップのラベル) とし、"
                              "累乗とはしません"},
    "read-label-list-index": {"en": "{latex} with a label list ending in {index}, the index of a sum: "
                                    "entry {index} of the vector the other labels name",
                              "ja": "和の添字 {index} で終わるラベルの並びを持つ {latex} は、"
                                    "ほかのラベルが表すベクトルの成分 {index} とします"},
    "read-derivative-by-square": {"en": "the derivative by the square of {latex}: by the variance v = {latex}², the "
                                        "formula written in v",
                                  "ja": "{latex} の 2 乗による微分は、分散 v = {latex}² で書いた式の "
                                        "v による微分とします"},
    "read-chain-name": {"en": "{latex} in the chain: another name for the value the computing form gives, "
                             "not an input",
                       "ja": "連鎖の中の {latex} は、計算する形が与える値の別名とし、入力とはしません"},
    "read-braces-as-brackets": {"en": "\\{{…\\}} around one expression: the outer bracket of nested brackets, "
                                      "not a set",
                                "ja": "1 つの式を囲む \\{{…\\}} は入れ子の括弧の外側の括弧とし、集合とはしません"},
    "read-abs-determinant": {"en": "|{latex}| of a matrix: its determinant (\\det {latex}), not its entries' "
                                   "absolute values",
                             "ja": "行列の |{latex}| は行列式（\\det {latex}）とし、要素ごとの絶対値とはしません"},
    "read-bracketed-entry": {"en": "{latex}: square brackets around an array, then a subscript: that entry of the "
                                   "array",
                             "ja": "{latex}: 配列を角括弧で囲んで下付き添字を付けたものは、その配列の要素とします"},
    "read-gradient-squared": {"en": "\\nabla f(x)^2: read as the square of the gradient, entry by entry (write "
                                    "\\nabla (f(x)^2) for the gradient of the square)",
                              "ja": "\\nabla f(x)^2 は、勾配の要素ごとの 2 乗（2 乗の勾配なら "
                                    "\\nabla (f(x)^2) と書いてください）"},
    "read-cdot-entrywise": {"en": "\\cdot between computed vectors: read entry by entry (write \\mathbf{{a}}^\\top "
                                  "\\mathbf{{b}} for a dot product)",
                            "ja": "計算されたベクトルの間の \\cdot は、要素ごとの積（内積なら "
                                  "\\mathbf{{a}}^\\top \\mathbf{{b}} と書いてください）"},
    "read-normal-density": {"en": "the normal density at the point: exp(−(x − μ)² / (2σ²)) / √(2πσ²), its "
                                  "second parameter the variance",
                            "ja": "点での正規分布の密度 exp(−(x − μ)² / (2σ²)) / √(2πσ²)。2 番目のパラメータは分散"},
    "read-defined-domain": {"en": "given values drawn in {space}: on real values the equation is undefined (a log "
                                  "or a root of a negative number)",
                            "ja": "与えられる値を {space} から引きました: 実数全体から引くと数式が定義されません"
                                  "（負の数の対数や根）"},
    "read-bernoulli-mass": {"en": "the Bernoulli probability of the point: p^x (1 − p)^(1 − x), with x ∈ {0, 1}",
                            "ja": "点のベルヌーイ確率 p^x (1 − p)^(1 − x)（x ∈ {0, 1}）"},
    "read-bare-expression": {"en": "an expression with no left side: read as {name} = …, the value the code "
                                   "should return; write a left side to name it",
                             "ja": "左辺のない式: {name} = … とし、コードが返す値とします。"
                                   "名前を付けるには左辺を書いてください"},
    "read-trailing-space": {"en": "\\in {space} after the value says where it lives: the value is what is "
                                  "computed, its space not checked",
                            "ja": "値の後の \\in {space} は値の属する空間を示すだけなので、値そのものを計算し、"
                                  "空間は照合しません"},
    "read-outside-declarations-only": {"en": "outside a math block only declarations (x \\in S) and bounds "
                                             "(\\lambda > 0) are read: this part is not; put it in a $$ … $$ block "
                                             "to have it read",
                                       "ja": "数式ブロックの外では宣言（x \\in S）と範囲（\\lambda > 0）だけを扱い、"
                                             "この部分は扱いません。扱わせるには $$ … $$ の中に書いてください"},
    "read-arrow-hence": {"en": "an arrow between two equations: read as 'hence' — two equations, each read and checked "
                                "on its own (a mapping f: X \\to Y has no equation on either side)",
                         "ja": "2 つの等式の間の矢印は「したがって」の意味とし、それぞれを別の等式として扱います"
                               "（写像 f: X \\to Y なら両側に等式はありません）"},
    "read-line-break-product": {"en": "a line break between two terms with no operator at the break: read as "
                                      "their product; write the operator (+, −, \\cdot) at the break",
                                "ja": "演算子のない改行で 2 つの項が続いているため積として読みます。"
                                      "改行位置に演算子（+、−、\\cdot）を書いてください"},
    "read-word": {"en": "{word}: letters side by side that spell a word, read as one name; write "
                        "\\mathrm{{{word}}} to say so, or separate the letters for a product",
                  "ja": "{word}: 単語を綴る文字の並びなので、1 つの名前。"
                        "\\mathrm{{{word}}} と書くとはっきりします。積なら文字を分けてください"},
    "read-applied-word": {"en": "{word}(…): small letters written together before a bracket, read as the function "
                                "{word} (as \\operatorname{{{word}}}), not a product of letters; separate the "
                                "letters for a product",
                          "ja": "{word}(…): 括弧の前に続けて書かれた小文字なので、関数 {word}（"
                                "\\operatorname{{{word}}} と同じ）とする。文字の積なら文字を分けてください"},
    "read-transposed-bracket-vectors": {"en": "(…)^\\top transposes a vector: of {names}, the small letters are "
                                              "read as vectors and a capital before one as a matrix; declare them "
                                              "(e.g. \\theta \\in \\mathbb{{R}}^d) to say otherwise",
                                        "ja": "(…)^\\top はベクトルの転置なので、{names} のうち小文字をベクトル、"
                                              "その前の大文字を行列とする。違う場合は宣言してください（例: "
                                              "\\theta \\in \\mathbb{{R}}^d）"},
    "read-sample-item": {"en": "{latex}^{{({index})}} under the sum over {index}, {latex} not declared: item "
                               "{index} of {latex}, the entry {latex}[{index}] (one number per item); declare "
                               "{latex}^{{({index})}} to keep one value",
                         "ja": "{index} についての和の中の {latex}^{{({index})}}（{latex} は宣言されていない）は、"
                               "{latex} の {index} 番目の項目、つまり要素 {latex}[{index}]（項目ごとに 1 つの数）"
                               "とする。1 つの値とする場合は {latex}^{{({index})}} を宣言してください"},
    "read-sample-item-row": {"en": "{latex}^{{({index})}} under the sum over {index} is a vector: the {index}-th "
                                   "vector, row {index} of an array {latex} (items × entries); declare "
                                   "{latex}^{{({index})}} to keep one vector",
                             "ja": "{index} についての和の中の {latex}^{{({index})}} はベクトルなので、{index} "
                                   "番目のベクトル（配列 {latex}（項目 × 成分）の {index} 行目）とする。"
                                   "1 つのベクトルとする場合は {latex}^{{({index})}} を宣言してください"},
    "read-sample-item-entry": {"en": "{latex}^{{({index})}}_{entry} under the sum over {index}: entry {entry} of "
                                     "item {index}, {latex}[{index}, {entry}] of an array {latex} (items × entries); "
                                     "declare {latex}^{{({index})}} to keep one vector",
                               "ja": "{index} についての和の中の {latex}^{{({index})}}_{entry} は {index} 番目の項目の"
                                     "成分 {entry}、つまり配列 {latex}（項目 × 成分）の {latex}[{index}, {entry}] "
                                     "とする。"
                                     "1 つのベクトルとする場合は {latex}^{{({index})}} を宣言してください"},
    "read-intercept-beside-vector": {
        "en": "{latex}_{number} beside the vector {latex} (transposed, not declared): a number of its own (the "
              "intercept), not an entry of {latex}; declare {latex} (e.g. {latex} \\in \\mathbb{{R}}^{{d+1}}) to make "
              "it one",
        "ja": "ベクトル {latex}（転置あり、宣言なし）と並ぶ {latex}_{number} は、{latex} の要素ではなく別の数（切片）"
              "とする。要素とする場合は {latex} を宣言してください（例: {latex} \\in \\mathbb{{R}}^{{d+1}}）"},
    "read-vector-after-matrix": {"en": "{names} right after a matrix in a product: read as a vector (a number would "
                                       "stand before the matrix); declare it (e.g. y \\in \\mathbb{{R}}^n) to say "
                                       "otherwise",
                                 "ja": "積の中で行列の直後にある {names} はベクトルとする（数なら行列の前に書かれる）。"
                                       "違う場合は宣言してください（例: y \\in \\mathbb{{R}}^n）"},
    "read-norm-of-vectors": {"en": "‖…‖ is the norm of a vector: of {names}, the small letters are read as vectors "
                                   "and a capital before one as a matrix; declare them (e.g. w \\in "
                                   "\\mathbb{{R}}^d) to say otherwise",
                             "ja": "‖…‖ はベクトルのノルムなので、{names} のうち小文字をベクトル、その前の大文字を行列"
                                   "とする。違う場合は宣言してください（例: w \\in \\mathbb{{R}}^d）"},
    "read-step-superscript": {"en": "the left side counts steps with the superscript {letter}+1, so this is the value "
                                    "at step {letter} (the one the step starts from), not a power; write "
                                    "^{{({letter})}} to make it plain",
                              "ja": "左辺が上付きの {letter}+1 でステップを数えているので、ステップ {letter} の値"
                                    "（更新前の値）であり、べき乗ではない。^{{({letter})}} と書くとはっきりします"},
    "read-power-beside-step": {"en": "a power {letter}, although the left side counts steps with the superscript "
                                     "{letter}+1; write ^{{({letter})}} if it is the value at step {letter}",
                               "ja": "左辺が上付きの {letter}+1 でステップを数えていますが、これは {letter} 乗。"
                                     "ステップ {letter} の値なら ^{{({letter})}} と括弧で書いてください"},
    "read-step-label": {"en": "the left side {head} is a value at a step counted by the superscript {letter}, so this "
                              "is the value at step {step} (a label), not a power; write ^{{({step})}} to make it "
                              "plain",
                        "ja": "左辺 {head} は上付きの {letter} で数えたステップの値なので、これはステップ {step} の値"
                              "（ラベル）であり、べき乗ではない。^{{({step})}} と書くとはっきりします"},
    "read-power-beside-step-label": {"en": "a power {step}, although the left side {head} counts steps with the "
                                           "superscript {letter}; write ^{{({step})}} if it is the value at step "
                                           "{step}",
                                     "ja": "左辺 {head} は上付きの {letter} でステップを数えていますが、これは {step} "
                                           "乗。ステップ {step} の値なら ^{{({step})}} と括弧で書いてください"},
    "read-event-probability": {"en": "the probability of the event written, computed as one value named {name} (the "
                                     "event only says which probability it is)",
                               "ja": "書かれた事象の確率を、{name} という 1 つの値として計算する（事象はどの確率かを"
                                     "示すだけ）"},
    "read-acronym": {"en": "{word}: capitals side by side, none used alone, read as one name (an acronym such as "
                           "TP); declare the letters, or write {product}, for a product",
                     "ja": "{word}: 単独では使われていない大文字が並んでいるので、1 つの名前（TP のような略語）。"
                           "積にするには各文字を宣言するか、{product} と書いてください"},
    "read-bigop-reaches-over": {"en": "\\{op} reaches over the terms after it that use its index (write brackets, "
                                      "\\{op}_i (a_i + b_i), to say so; (\\{op}_i a_i) + b for a sum of the first "
                                      "term only)",
                                "ja": "\\{op} は、後ろに続く項のうちその添字を使うものまで及びます"
                                      "（明示するには \\{op}_i (a_i + b_i) のように括弧を書き、最初の項だけの和なら "
                                      "(\\{op}_i a_i) + b と書いてください）"},
    "read-ellipsis-entries": {"en": "{written}: read as the vector whose entry {letter} is {pattern}, for "
                                    "{letter} = {first} … {last} (the written entries fit it)",
                              "ja": "{written} は、{letter} = {first} … {last} について {letter} 番目の要素が "
                                    "{pattern} であるベクトルとして読みます（書かれた要素はこのパターンに一致します）"},
    "read-parameter-subscript": {"en": "{latex}: the names below the letter are the parameters the right side uses, "
                                       "not indices; read as the name of what is defined ({name}), the model with "
                                       "those parameters",
                                 "ja": "{latex} の下付きの名前は右辺が使うパラメータで、添字ではありません。"
                                       "定義される量の名前（{name}、それらのパラメータをもつモデル）と解釈します"},
    "read-listing-declaration": {"en": "{name} written as its own entries {entries} with an ellipsis: read as a "
                                       "declaration of its shape (how many entries, numbered as written), not a "
                                       "computation; the file's other equations use it",
                                 "ja": "省略記号を使って自身の要素 {entries} として書かれた {name} は、計算ではなく"
                                       "形（要素の数と、書かれたとおりの番号）の宣言と解釈します。ファイル内の"
                                       "他の式がこれを使います"},
    "read-spaced-dot": {"en": "a dot with a space on each side between two operands: read as their product (notebook "
                              "prose for np.dot); written tight, g.f, it is a group action or a composition",
                        "ja": "両側に空白のある二つの被演算子の間のドットは、積（ノートブックの文章での np.dot）と"
                              "解釈します。g.f のように詰めて書けば群作用か合成です"},
    "read-ellipsis-matrix": {"en": "{written}: read as the matrix whose entry ({row}, {column}) is {pattern}, for "
                                   "{row} = {first_row} … {last_row} and {column} = {first_column} … {last_column} "
                                   "(the written entries fit it)",
                             "ja": "{written} は、{row} = {first_row} … {last_row}、{column} = {first_column} … "
                                   "{last_column} について ({row}, {column}) 成分が {pattern} である行列として読みます"
                                   "（書かれた成分はこのパターンに一致します）"},
    "read-axis-slice": {"en": "':' in a subscript of {latex}: the whole axis ({what}), a vector",
                        "ja": "{latex} の添字の ':' は軸全体（{what}）を表すベクトルとして読みます"},
    "slice-column": {"en": "a column", "ja": "列"},
    "slice-row": {"en": "a row", "ja": "行"},
    "read-bigop-upper-only": {"en": "\\{op}_{letter}^…: only the index and the upper limit are written; read as "
                                    "{letter} from 1 to the upper limit (write \\{op}_{{{letter}=0}}^… to start at 0)",
                              "ja": "\\{op}_{letter}^… は添字と上限だけが書かれているので、{letter} を 1 から上限まで"
                                    "動かすと解釈します（0 から始めるなら \\{op}_{{{letter}=0}}^… と書いてください）"},
    "read-bigop-listed-values": {"en": "\\{op}_{letter}^{{{first},…,{last}}}: the numbers above are the values "
                                       "{letter} takes, read as {letter} from {first} to {last}",
                                 "ja": "\\{op}_{letter}^{{{first},…,{last}}} の上の数は {letter} の取る値なので、"
                                       "{letter} を {first} から {last} まで動かすと解釈します"},
    "read-prefix-transpose": {"en": "{{}}^t before a factor (a t on its left shoulder): read as the transpose of "
                                    "that factor, as Japanese texts write ᵗA",
                              "ja": "因子の前の {{}}^t（左肩の t）は、その因子の転置 ᵗA と解釈します"},
    "read-derivative-extent": {"en": "d/dx before a bracket with more after it (a power, other factors): read as "
                                     "the derivative of the whole term that follows, not of the bracket alone",
                               "ja": "括弧の後に累乗や他の因子が続く d/dx は、括弧だけでなく後に続く項全体の"
                                     "微分と解釈します"},
    "read-prime-of-bracket": {"en": "a prime after a bracket: read as the derivative of what the bracket holds by "
                                    "its one variable {var}",
                              "ja": "括弧の後のダッシュ（'）は、括弧の中身をただ一つの変数 {var} で微分したものと"
                                    "解釈します"},
    "read-combinations": {"en": "{{}}_nC_k: read as the number of combinations \\binom{{n}}{{k}}",
                          "ja": "{{}}_nC_k は組み合わせの数 \\binom{{n}}{{k}} と解釈します"},
    "read-layer-superscript": {"en": "the left side is labelled ^{letter} and the right side uses ^{{{letter}+1}} "
                                     "or ^{{{letter}-1}}: these superscripts are layer labels, as ^{{({letter})}} "
                                     "writes them, not powers",
                               "ja": "左辺の添字 ^{letter} と右辺の ^{{{letter}+1}}・^{{{letter}-1}} は、"
                                     "^{{({letter})}} と同じく層の番号（ラベル）と解釈し、累乗とはみなしません"},
    "read-step-argument": {"en": "{left} on the left with the same name at the step before on the right: read as "
                                 "one step of an iteration (the values at steps t+1 and t, as subscripts), not as an "
                                 "application of a function",
                           "ja": "左辺の {left} と右辺の一つ前のステップの同じ名前は、反復の一ステップ"
                                 "（ステップ t+1 と t の値、添字と同じ）と解釈し、関数の適用とはみなしません"},
    "read-abs-of-vector": {"en": "|…| around a vector: read as its length ‖…‖, as school mathematics writes it "
                                 "(write |a_i| for the absolute value of each entry)",
                           "ja": "ベクトルを囲む |…| は、高校数学の書き方どおりその大きさ ‖…‖ と解釈します"
                                 "（各要素の絶対値なら |a_i| と書いてください）"},
    "read-gradient-column": {"en": "the derivative of a scalar by the vector {var}: read as the gradient, a column "
                                   "shaped like {var} (the numerator layout would make it a row)",
                             "ja": "スカラーのベクトル {var} による微分は、{var} と同じ形の列ベクトル（勾配）と"
                                   "解釈します（分子レイアウトなら行ベクトルになります）"},
    "read-equiv-definition": {"en": "\\equiv between {left} and an expression: read as \"{left} is defined as\" "
                                    "the expression (as := ), not as an identity to prove; write := or = to say so",
                              "ja": "{left} と式の間の \\equiv は「{left} をその式で定義する」（:= と同じ）と解釈し、"
                                    "証明すべき恒等式とはみなしません。明示するには := か = を使ってください"},
    "read-primed-name": {"en": "{name} on the left side of a definition names a new quantity (not a derivative); "
                               "where the file uses it, it is that quantity",
                         "ja": "定義の左辺の {name} は新しい量の名前として読みます（導関数ではありません）。"
                               "ファイル内で使われる箇所もその量です"},
    "read-ellipsis-sum": {"en": "{written}: the ellipsis is read as the sum of the pattern {pattern} over "
                                "{letter} = {first} … {last} (the written terms fit it)",
                          "ja": "{written} の省略記号は、パターン {pattern} の {letter} = {first} … {last} に"
                                "わたる和として読みます（書かれた項はこのパターンに一致します）"},
    "read-ellipsis-prod": {"en": "{written}: the ellipsis is read as the product of the pattern {pattern} over "
                                 "{letter} = {first} … {last} (the written factors fit it)",
                           "ja": "{written} の省略記号は、パターン {pattern} の {letter} = {first} … {last} に"
                                 "わたる積として読みます（書かれた因子はこのパターンに一致します）"},
    "read-bigop-count": {"en": "\\{op}_{count} over terms that use {letter}, not {count}: {count} is how many, read "
                               "as \\{op}_{{{letter}=1}}^{{{count}}}",
                         "ja": "\\{op}_{count} の中身は {count} ではなく {letter} を使っているので、{count} は個数で、"
                               "\\{op}_{{{letter}=1}}^{{{count}}} とする"},
    "read-bigop-all-entries": {"en": "\\{op} without an index: over every entry of {names} (arrays of the data); "
                                     "a barred letter is one number (a mean)",
                               "ja": "添字のない \\{op} は {names} (データの配列) のすべての成分にわたります。"
                                     "上線付きの文字は 1 つの数 (平均) とします"},
    "read-argmax-compared": {"en": "{letter} compared with \\{op}: {letter} runs over the same range as the position "
                                   "\\{op} gives, so whether both count from 0 or from 1 does not matter",
                             "ja": "{letter} を \\{op} と比べています。{letter} は \\{op} が返す位置と同じ範囲を"
                                   "動くので、0 から数えるか 1 から数えるかは結果に影響しません"},
    "read-prime-in-name": {"en": "{name}: a prime on a symbol not applied to an argument is part of its name "
                                 "(another quantity), not a derivative",
                           "ja": "{name}: 引数に適用されていない記号のプライムは名前の一部（別の量）とし、"
                                 "導関数とはしません"},
    "read-text-arithmetic": {"en": "\\text{{{text}}}: short capital names joined by arithmetic, read as that "
                                   "arithmetic of the names (not prose)",
                             "ja": "\\text{{{text}}} は演算でつながれた短い大文字の名前なので、それらの名前の演算として"
                                   "読みます（文章とはしません）"},
    "read-positive-part": {"en": "a bracket with + below it: its positive part, max(…, 0) (as in a hinge loss)",
                           "ja": "下に + の付いた括弧は正の部分 max(…, 0) とします（ヒンジ損失と同じ）"},
    "read-bigop-filter": {"en": "\\{op} under a condition: over every {letter} of its range, keeping only the terms "
                                "where the condition holds (its indicator as a weight)",
                          "ja": "条件付きの \\{op} は、{letter} の範囲全体にわたり、条件が成り立つ項だけを残します"
                                "（条件の指示関数を重みとします）"},
    "read-bigop-implicit-index": {"en": "\\{op} with limits but no index: over {letter}, the subscript of its body",
                                  "ja": "添字のない \\{op} は、本体の添字 {letter} にわたります"},
    "read-subscript-size-label": {"en": "the subscript {letter} on the left is the last index of a sum on the "
                                        "right: the value for all {letter} items (a label), not one value per "
                                        "{letter} (partial sums would need their own index)",
                                  "ja": "左辺の添字 {letter} は右辺の和の最後の添字なので、{letter} 個すべてについての"
                                        "値（ラベル）とし、{letter} ごとの値（部分和）とはしません"},
    "read-set-size": {"en": "|{set}| of a set: the number of its items, the size {size} (the axis a sum over {set} "
                            "runs over)",
                      "ja": "集合の |{set}| は、その要素の個数（サイズ {size}。{set} についての和が動く軸の長さ）"},
    "read-set-items": {"en": "{item} ranges over the items of a set and stands alone in the sum: item k of an "
                             "array (a row when {item} is a vector), not a counter",
                       "ja": "{item} は集合の要素を動き、和の中で単独で使われているので、配列の k 番目の項目"
                             "（{item} がベクトルなら行）とし、番号とはしません"},
    "read-bigop-named-set": {"en": "\\{op} over a named set: over the whole axis of {name}",
                             "ja": "名前の付いた集合にわたる \\{op} は、{name} の軸全体にわたります"},
    "read-cases-entrywise": {"en": "cases on vectors: applied entry by entry",
                             "ja": "ベクトルの場合分けは、要素ごとに適用します"},
    "read-inner-product-of-scalars": {"en": "\\langle a, b \\rangle of two symbols with no declared shape: read as "
                                            "their product (declare them as vectors for the dot product)",
                                      "ja": "形状が宣言されていない 2 つの記号の "
                                            "\\langle a, b \\rangle は積"
                                            "（内積にするにはベクトルとして宣言してください）"},
})

# What the LaTeX reader could not read (equation/latex/: latex-syntax, unsupported-notation details).
PHRASES.update({
    "latex-too-long": {"en": "equation too long ({length} characters; the limit is {limit})",
                       "ja": "数式が長すぎます（{length} 文字。上限は {limit} 文字）"},
    "latex-unexpected-character": {"en": "unexpected character {char} in math",
                                   "ja": "数式の中に予期しない文字 {char} があります"},
    "latex-expected-brace": {"en": "expected '{{' after this command", "ja": "このコマンドの後には '{{' が必要です"},
    "latex-brace-never-closed": {"en": "unbalanced braces: this '{{' is never closed",
                                 "ja": "波括弧の対応が取れていません。この '{{' が閉じられていません"},
    "latex-lone-backslash": {"en": "a lone backslash at the end of the equation",
                             "ja": "数式の末尾にバックスラッシュだけが残っています"},
    "latex-environment-unsupported": {"en": "the environment '{env}' is not supported here",
                                      "ja": "ここでは環境 '{env}' に対応していません"},
    "latex-unknown-command": {"en": "unknown command {command}", "ja": "未知のコマンド {command}"},
    "latex-unexpected-command": {"en": "unexpected '{command}'", "ja": "予期しない '{command}'"},
    "latex-arg-max-min": {"en": "\\arg must be followed by \\max or \\min",
                          "ja": "\\arg の後には \\max か \\min が必要です"},
    "latex-needs-delimiter": {"en": "{command} must be followed by a delimiter",
                              "ja": "{command} の後には区切り記号（括弧など）が必要です"},
    "latex-nested-brackets": {"en": "brackets nested more than {depth} deep",
                              "ja": "括弧の入れ子が {depth} 段を超えています"},
    "latex-not-closed-before": {"en": "'{opener}' is not closed before '{closer}'",
                                "ja": "'{closer}' の前で '{opener}' が閉じられていません"},
    "latex-nothing-opened": {"en": "unbalanced '{closer}': nothing opened it",
                             "ja": "'{closer}' に対応する開き括弧がありません"},
    "latex-never-closed": {"en": "unbalanced '{opener}': it is never closed",
                           "ja": "'{opener}' が閉じられていません"},
    "latex-empty": {"en": "empty equation", "ja": "数式が空です"},
    "latex-could-not-read": {"en": "could not read this equation ({error})",
                             "ja": "この数式を読めませんでした（{error}）"},
    "latex-unexpected": {"en": "unexpected {what}", "ja": "予期しない {what}"},
    "latex-end-of-equation": {"en": "the end of the equation", "ja": "数式の終わり"},
    "latex-ends-early": {"en": "the equation ends too early", "ja": "数式が途中で終わっています"},
    "latex-too-deep": {"en": "the equation is too long or nested too deeply to read",
                       "ja": "数式が長すぎるか入れ子が深すぎるため、読めません"},
    "latex-style-of-expression": {"en": "\\math{style}{{…}} of an expression", "ja": "式に付いた \\math{style}{{…}}"},
    "latex-accent-over-expression": {"en": "{command} over an expression", "ja": "式の上に付いた {command}"},
    "latex-begin-end": {"en": "\\begin{{{begin}}} is closed by \\end{{{end}}}",
                        "ja": "\\begin{{{begin}}} が \\end{{{end}}} で閉じられています"},
    "latex-nested-aligned": {"en": "aligned inside an equation", "ja": "数式の中の aligned 環境"},
})

# Declarations whose space eq2code does not read (equation/spaces.py), and the file as a whole.
PHRASES.update({
    "space-not-understood": {"en": "this space is not understood ({why})", "ja": "この値域は読めません（{why}）"},
    "space-size": {"en": "a size must be a number or a name", "ja": "サイズは数か名前でなければなりません"},
    "space-shape": {"en": "a shape is sizes separated by \\times", "ja": "形状は \\times で区切ったサイズで書きます"},
    "space-simplex": {"en": "write the simplex as \\Delta^{{K-1}}", "ja": "単体は \\Delta^{{K-1}} と書いてください"},
    "space-real-subscript": {"en": "a subscript on \\mathbb{{R}} must be a condition such as _{{>0}}",
                             "ja": "\\mathbb{{R}} の下付き添字は _{{>0}} のような条件でなければなりません"},
    "space-interval-ends": {"en": "an interval's ends must be numbers", "ja": "区間の端は数でなければなりません"},
    "space-unknown": {"en": "not a space eq2code knows", "ja": "eq2code が知らない値域です"},
    "space-symmetric": {"en": "write 𝕊^d, 𝕊_+^d or 𝕊_{{++}}^d",
                        "ja": "𝕊^d、𝕊_+^d、𝕊_{{++}}^d のいずれかで書いてください"},
    "space-unknown-set": {"en": "not a set eq2code knows", "ja": "eq2code が知らない集合です"},
    "file-no-equation": {"en": "the file holds no equation", "ja": "ファイルに数式がありません"},
    "reading-timed-out": {"en": "reading the equation took longer than {seconds} s of computing and was stopped "
                                "(is something in it too large to compute?)",
                          "ja": "数式の読み取りが計算時間 {seconds} 秒を超えたため中止しました"
                                "（計算するには大きすぎるものが含まれていませんか？）"},
    "reading-out-of-memory": {"en": "reading the equation needed more than {mb} MiB of memory and was stopped",
                              "ja": "数式の読み取りに {mb} MiB を超えるメモリが必要になったため中止しました"},
    "reading-failed": {"en": "reading the equation failed ({status})",
                       "ja": "数式の読み取りに失敗しました（{status}）"},
    "file-too-many-equations": {"en": "the file holds {count} display equations; eq2code reads the first {limit}",
                                "ja": "ファイルには別行立ての数式が {count} 個あります。"
                                      "eq2code は最初の {limit} 個を読みます"},
})

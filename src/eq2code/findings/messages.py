"""Message catalogues: the words of every finding, in English and Japanese.

A Finding carries a key (its kind's `name`) and parameters; this module owns the templates
that turn them into a `title`, a `message` (what the code computes, what the equation says,
where) and a `help` (imperative: how to fix it), plus the few fixed phrases reporters print
around them (`ui`).

Templates use `str.format` named fields. A part written `[[ … ]]` is optional: it is kept
only when every field inside it has a non-empty value, so `detail`, `expected`, `seed`, … can
be left out by a finding that does not know them. A required field that is missing renders
as "?". Rendering never raises. Both languages of one kind use the same fields (tested).
"""

from __future__ import annotations

import os
import re
from numbers import Integral, Real
from string import Formatter
from typing import Any, NamedTuple

from eq2code.findings.model import Finding

MISSING = "?"


class Entry(NamedTuple):
    title: str
    message: str
    help: str


# Each template names the parameters it uses; a finding fills the ones it has.
# LaTeX braces inside templates are doubled ({{ }}) because of str.format.
EN: dict[str, Entry] = {
    # input
    "latex-syntax": Entry(
        "LaTeX syntax error",
        "the equation cannot be parsed: {detail}[[; expected {expected}]]",
        "Fix the LaTeX at the marked position: every '{{' needs its '}}' and every \\left its \\right."),
    "unsupported-notation": Entry(
        "Unsupported notation",
        "eq2code does not understand the notation {construct}[[ ({detail})]]",
        "Rewrite {construct} with supported notation (\\sum, \\prod, \\frac, \\sqrt, \\exp, \\log, …), "
        "or check this equation by hand."),
    "not-checkable": Entry(
        "Not checkable",
        "this equation cannot be checked against code: {reason}",
        "Nothing to fix here; to check code, give an equation that defines a value "
        "(a left side, '=', and a right side)."),
    "equation-file": Entry(
        "Unusable equation file",
        "the equation file cannot be used: {detail}",
        "Save the file as UTF-8 with at least one display equation in it."),
    "python-syntax": Entry(
        "Python syntax error",
        "the implementation cannot be parsed as Python: {detail}",
        "Fix the syntax error at the marked position; the file must import without errors."),
    "function-not-found": Entry(
        "Function not found",
        "no function implementing the equation was found; looked for: {wanted}"
        "[[; the file defines: {available}]]",
        "Name the function with --function NAME, or write '% eq2code: function=NAME' in the "
        "equation file."),
    "argument-mapping": Entry(
        "Argument mapping",
        "the equation's input {symbol} matches no parameter of the function ({params})",
        "Say which parameter receives {symbol}: --map {symbol}=PARAM."),
    # execution
    "exception": Entry(
        "Exception",
        "the function raised {type}: {detail}[[ (called with the {form})]]",
        "Run the function on the input shown and fix the line that raises {type}."),
    "timeout": Entry(
        "Timeout",
        "{phase} did not finish within {seconds} s",
        "Remove endless loops and top-level work (training loops, input()); if the computation is "
        "genuinely slow, raise --timeout."),
    "resource-limit": Entry(
        "Resource limit",
        "the function exceeded the limit on {resource}[[ ({detail})]]",
        "Do not build arrays much larger than the inputs (e.g. an outer product where a sum is meant)."),
    "crashed": Entry(
        "Crashed",
        "the process running the function ended abnormally: {how}",
        "Remove sys.exit(), os._exit() and anything that can crash the interpreter from the "
        "implementation."),
    "wrong-type": Entry(
        "Wrong return type",
        "the function returned {type}, not a number or an array of numbers[[ ({detail})]]",
        "Return the computed value as a NumPy array (or a float for a scalar)."),
    "no-return": Entry(
        "No return value",
        "the function returned None instead of the equation's value",
        "Add `return` with the result at the end of the function (printing a value does not "
        "return it)."),
    "nonfinite-output": Entry(
        "Non-finite output",
        "the output {output} is inf or nan at {where}, where the equation's value is finite",
        "Find the operation that overflows or divides by zero (often exp of a large value or log "
        "of 0) and compute it in a numerically stable way."),
    # result
    "wrong-shape": Entry(
        "Wrong shape",
        "the output {output} has shape {actual}, but the equation gives shape {expected}"
        "[[ (with {sizes})]]",
        "Make the result's shape {expected}: check each reduction's axis and keepdims and every "
        "reshape; a scalar is not a length-1 array."),
    "numeric-mismatch": Entry(
        "Numeric mismatch",
        "the output {output} differs from the equation[[ at {index}]]: expected {expected_value}, "
        "got {actual_value}[[ (relative error {rel_error})]][[; inputs: {inputs}]][[; seed {seed}]]",
        "Evaluate the equation by hand on these inputs and compare each step of the function "
        "with it.[[ Reproduce with --seed {seed}.]]"),
    # named mistakes
    "wrong-reduction-axis": Entry(
        "Wrong reduction axis",
        "the output equals the equation with {part} taken along a different axis[[ ({detail})]]",
        "Reduce along the axis that the index of {part} runs over (for a softmax over the last "
        "axis: axis=-1, keepdims=True)."),
    "missing-keepdims": Entry(
        "Missing keepdims",
        "the reduction for {part} drops its axis, so the result does not broadcast against the "
        "array it belongs to[[ ({detail})]]",
        "Pass keepdims=True to the reduction for {part}."),
    "missing-scale": Entry(
        "Missing scale",
        "the output equals the equation without the factor {part}[[ ({detail})]]",
        "Apply the factor {part} where the equation does."),
    "wrong-scale": Entry(
        "Wrong scale",
        "the output equals the equation with a different factor in place of {part}[[ ({detail})]]",
        "Use exactly the factor {part}: check square roots, reciprocals and which size it uses."),
    "missing-transpose": Entry(
        "Missing transpose",
        "the output equals the equation without the transpose in {part}[[ ({detail})]]",
        "Transpose as {part} says (K.T, or np.swapaxes(K, -1, -2) so batches work too)."),
    "sign-error": Entry(
        "Sign error",
        "the output equals the equation with the sign of {part} flipped[[ ({detail})]]",
        "Check the sign of {part}; a leading minus (as in -\\sum … \\log …) is easy to drop."),
    "sum-vs-mean": Entry(
        "Sum versus mean",
        "the output equals the equation with a mean where {part} has a sum, or the reverse"
        "[[ ({detail})]]",
        "Use np.sum where the equation has \\sum, and np.mean only where it divides by the count "
        "(\\frac{{1}}{{N}}\\sum) in {part}."),
    "wrong-log-base": Entry(
        "Wrong logarithm base",
        "the output equals the equation with the logarithm in {part} taken to another base"
        "[[ ({detail})]]",
        "Use the equation's base in {part}: \\log is the natural logarithm (np.log), \\log_2 is "
        "np.log2."),
    "swapped-arguments": Entry(
        "Swapped arguments",
        "the output equals the equation with the inputs of {part} swapped[[ ({detail})]]",
        "Use the inputs in the order {part} uses them, and check the order of the function's "
        "parameters."),
    "kl-direction-swapped": Entry(
        "KL direction swapped",
        "the output equals {part} with its two distributions swapped; the KL divergence is not "
        "symmetric[[ ({detail})]]",
        "Keep the order of {part}: D_KL(p‖q) = Σ p log(p/q), weighted by the first distribution."),
    "temperature-inverted": Entry(
        "Temperature inverted",
        "the output equals the equation with the temperature in {part} inverted (multiplied "
        "instead of divided)[[ ({detail})]]",
        "Divide by the temperature as {part} does: x / T, not x * T."),
    "off-by-one": Entry(
        "Off by one",
        "the output equals the equation with an index or bound in {part} shifted by one"
        "[[ ({detail})]]",
        "Math indices start at 1 and Python's at 0: check the range() bounds, slices and label "
        "indices for {part}."),
    "missing-sqrt": Entry(
        "Missing square root",
        "the output equals the equation without the square root in {part}[[ ({detail})]]",
        "Take the square root as {part} does (np.sqrt)."),
    "missing-abs": Entry(
        "Missing absolute value",
        "the output equals the equation without the absolute value in {part}[[ ({detail})]]",
        "Take the absolute value as {part} does (np.abs)."),
    "missing-term": Entry(
        "Missing term",
        "the output equals the equation without the term {part}[[ ({detail})]]",
        "Add the term {part} to the computation."),
    "missing-normalization": Entry(
        "Missing normalisation",
        "the output equals the equation without the normalisation by {part}[[ ({detail})]]",
        "Divide by {part} so that the result is normalised as the equation says."),
    "missing-value-product": Entry(
        "Missing product with the values",
        "the output equals the equation without the product with the values in {part}"
        "[[ ({detail})]]",
        "Multiply the weights by the values as {part} does (weights @ V)."),
    # robustness
    "unstable-exp": Entry(
        "Numerically unstable exp",
        "exp in {part} overflows for inputs of magnitude {magnitude}, where the equation's value "
        "is finite",
        "Subtract the maximum before exponentiating (x - x.max(axis=-1, keepdims=True)); the "
        "result does not change."),
    "log-of-zero": Entry(
        "Log of zero",
        "log in {part} gives -inf or nan when a probability is exactly 0 (on the boundary of the "
        "simplex), where the equation's value is finite[[ ({detail})]]",
        "Treat 0·log 0 as 0, e.g. with scipy.special.xlogy or np.where(p > 0, p * np.log(p), 0)."),
    "batch-inconsistent": Entry(
        "Inconsistent with batch dimensions",
        "the function is right on the equation's own shapes but wrong with leading batch "
        "dimensions[[: {detail}]]",
        "Count axes from the end (axis=-1) and use np.swapaxes(..., -1, -2) instead of .T, so "
        "batch dimensions pass through."),
    "input-mutated": Entry(
        "Input mutated",
        "the function changes its argument {argument} in place",
        "Compute on a copy so the caller's array stays unchanged ({argument} = {argument} - m "
        "instead of {argument} -= m, or np.copy)."),
    "float32-output": Entry(
        "float32 output",
        "the result has dtype {dtype}, so it was compared with a looser tolerance",
        "Compute in float64 unless lower precision is intended."),
    # accepted variants
    "epsilon-variant": Entry(
        "Epsilon variant",
        "accepted: the code adds a small constant in {part} that the equation does not have "
        "(as in log(y + 1e-7)); the results agree[[ ({detail})]]",
        "Nothing to fix: guarding against log(0) this way is an accepted variant."),
    "equivalent-form": Entry(
        "Equivalent form",
        "accepted: the code computes {part} in an algebraically equivalent form[[ ({detail})]]",
        "Nothing to fix."),
    "convention-assumed": Entry(
        "Convention assumed",
        "passed, reading the function by {convention}[[: {detail}]]",
        "Nothing to fix.[[ To say so explicitly (and silence this note): {pin}]]"),
    # structure
    "missing-operation": Entry(
        "Missing operation",
        "no operation in the code corresponds to {part} in the equation[[ ({detail})]]",
        "Check that {part} is computed; if it is computed another way, ignore this note."),
    "extra-operation": Entry(
        "Extra operation",
        "the code has an operation with no counterpart in the equation: {part}[[ ({detail})]]",
        "Check whether this operation belongs to the equation, and remove it if it does not."),
    # tool
    "internal-error": Entry(
        "Internal error",
        "eq2code failed internally: {detail}",
        "This is a bug in eq2code, not in your code; please report it with the equation and "
        "implementation files."),
    "unused-suppression": Entry(
        "Unused suppression",
        "the suppression of {suppressed} is unused: no such finding is reported here",
        "Remove {suppressed} from the '# eq2code: ignore[...]' comment."),
    "rejects-core-form": Entry(
        "Rejects the equation's shapes",
        "the function is right with leading batch dimensions but rejects the equation's own "
        "shapes[[: {detail}]]",
        "Reduce along axis=-1 instead of a fixed axis such as axis=1, so the equation's own "
        "shapes work too."),
}

JA: dict[str, Entry] = {
    # input
    "latex-syntax": Entry(
        "LaTeX の構文エラー",
        "数式を構文解析できません: {detail}[[（ここには {expected} が来るはずです）]]",
        "印の位置の LaTeX を直してください。「{{」と「}}」、\\left と \\right が対応しているか確認してください。"),
    "unsupported-notation": Entry(
        "未対応の記法",
        "記法 {construct} には対応していません[[（{detail}）]]",
        "{construct} を対応している記法（\\sum、\\prod、\\frac、\\sqrt、\\exp、\\log など）で書き直すか、"
        "この式は手で確認してください。"),
    "not-checkable": Entry(
        "照合できない式",
        "この式はコードと照合できません: {reason}",
        "修正は不要です。コードを確認するには、値を定義する式（左辺 = 右辺）を与えてください。"),
    "equation-file": Entry(
        "数式ファイルを使えません",
        "数式ファイルを使えません: {detail}",
        "ファイルを UTF-8 で保存し、数式を少なくとも 1 つ書いてください。"),
    "python-syntax": Entry(
        "Python の構文エラー",
        "実装ファイルを Python として構文解析できません: {detail}",
        "印の位置の構文エラーを直してください。ファイルはエラーなく import できる必要があります。"),
    "function-not-found": Entry(
        "関数が見つかりません",
        "数式を実装した関数が見つかりません（探した名前: {wanted}）[[。ファイル内の関数: {available}]]",
        "--function NAME で関数を指定するか、数式ファイルに「% eq2code: function=NAME」と書いてください。"),
    "argument-mapping": Entry(
        "引数の対応付け",
        "数式の入力 {symbol} に対応する関数の引数がありません（引数: {params}）",
        "{symbol} を受け取る引数を指定してください: --map {symbol}=PARAM"),
    # execution
    "exception": Entry(
        "例外",
        "関数が {type} を送出しました: {detail}[[（入力: {form}）]]",
        "示した入力で関数を実行し、{type} が発生する行を直してください。"),
    "timeout": Entry(
        "タイムアウト",
        "{phase}が {seconds} 秒以内に終わりませんでした",
        "無限ループやモジュール直下の処理（学習ループ、input() など）を取り除いてください。"
        "本当に時間のかかる計算なら --timeout を増やしてください。"),
    "resource-limit": Entry(
        "資源の上限超過",
        "関数が {resource} の上限を超えました[[（{detail}）]]",
        "入力よりはるかに大きな配列を作らないでください（総和のつもりで外積を作っている、など）。"),
    "crashed": Entry(
        "異常終了",
        "関数を実行していたプロセスが異常終了しました: {how}",
        "実装から sys.exit()、os._exit() など、インタプリタを終了させうるコードを取り除いてください。"),
    "wrong-type": Entry(
        "戻り値の型の誤り",
        "関数の戻り値が {type} です。数値または数値の配列ではありません[[（{detail}）]]",
        "計算した値を NumPy 配列（スカラーなら float）として return してください。"),
    "no-return": Entry(
        "戻り値なし",
        "関数が数式の値ではなく None を返しました",
        "関数の最後で結果を return してください（print しても値は返りません）。"),
    "nonfinite-output": Entry(
        "非有限の出力",
        "出力 {output} が {where} で inf または nan になりますが、数式の値は有限です",
        "オーバーフローやゼロ除算を起こす演算（大きな値の exp、0 の log など）を探し、"
        "数値的に安定な方法で計算してください。"),
    # result
    "wrong-shape": Entry(
        "形状の誤り",
        "出力 {output} の形状が {actual} ですが、数式の形状は {expected} です[[（{sizes} のとき）]]",
        "結果の形状を {expected} にしてください。集約の軸（axis、keepdims）と reshape を確認してください。"
        "スカラーと長さ 1 の配列は別物です。"),
    "numeric-mismatch": Entry(
        "値の不一致",
        "出力 {output}[[ の {index}]] が数式と一致しません: 参照値 {expected_value}、実際の値 {actual_value}"
        "[[、相対誤差 {rel_error}]][[。入力: {inputs}]][[（seed {seed}）]]",
        "この入力で数式を手で計算し、関数の各ステップと比べてください。[[--seed {seed} で再現できます。]]"),
    # named mistakes
    "wrong-reduction-axis": Entry(
        "集約の軸の誤り",
        "出力は、{part} を別の軸に沿ってとった数式の値と一致します[[（{detail}）]]",
        "{part} の添字が動く軸に沿って集約してください（最後の軸に沿った softmax なら axis=-1, keepdims=True）。"),
    "missing-keepdims": Entry(
        "keepdims の付け忘れ",
        "{part} の集約で軸が消えるため、結果が元の配列とブロードキャストできません[[（{detail}）]]",
        "{part} の集約に keepdims=True を渡してください。"),
    "missing-scale": Entry(
        "スケーリングの欠落",
        "出力は、係数 {part} を除いた数式の値と一致します[[（{detail}）]]",
        "数式と同じ位置で係数 {part} を適用してください。"),
    "wrong-scale": Entry(
        "スケーリングの誤り",
        "出力は、係数 {part} を別の係数に置き換えた数式の値と一致します[[（{detail}）]]",
        "係数は数式どおり {part} にしてください。平方根、逆数、どのサイズを使うかを確認してください。"),
    "missing-transpose": Entry(
        "転置の欠落",
        "出力は、{part} の転置を除いた数式の値と一致します[[（{detail}）]]",
        "{part} のとおりに転置してください（K.T。バッチにも対応するなら np.swapaxes(K, -1, -2)）。"),
    "sign-error": Entry(
        "符号の誤り",
        "出力は、{part} の符号を反転した数式の値と一致します[[（{detail}）]]",
        "{part} の符号を確認してください。先頭のマイナス（-\\sum … \\log … など）は落としやすい箇所です。"),
    "sum-vs-mean": Entry(
        "総和と平均の取り違え",
        "出力は、{part} の総和を平均に（または平均を総和に）置き換えた数式の値と一致します[[（{detail}）]]",
        "{part} で、数式が \\sum なら np.sum を、個数で割っている（\\frac{{1}}{{N}}\\sum）ときだけ np.mean を"
        "使ってください。"),
    "wrong-log-base": Entry(
        "対数の底の誤り",
        "出力は、{part} の対数を別の底でとった数式の値と一致します[[（{detail}）]]",
        "{part} では数式の底を使ってください。\\log は自然対数（np.log）、\\log_2 は np.log2 です。"),
    "swapped-arguments": Entry(
        "引数の入れ替え",
        "出力は、{part} の入力を入れ替えた数式の値と一致します[[（{detail}）]]",
        "{part} と同じ順序で入力を使い、関数の引数の順序も確認してください。"),
    "kl-direction-swapped": Entry(
        "KL ダイバージェンスの向きの誤り",
        "出力は、{part} の 2 つの分布を入れ替えた値と一致します。KL ダイバージェンスは対称ではありません"
        "[[（{detail}）]]",
        "{part} の順序を守ってください: D_KL(p‖q) = Σ p log(p/q) で、重みは最初の分布です。"),
    "temperature-inverted": Entry(
        "温度の逆転",
        "出力は、{part} の温度を逆にした（割る代わりに掛けた）数式の値と一致します[[（{detail}）]]",
        "{part} のとおり温度で割ってください: x * T ではなく x / T です。"),
    "off-by-one": Entry(
        "添字の 1 ずれ",
        "出力は、{part} の添字または範囲を 1 つずらした数式の値と一致します[[（{detail}）]]",
        "数式の添字は 1 始まり、Python は 0 始まりです。{part} に関わる range() の範囲、スライス、"
        "ラベルの添字を確認してください。"),
    "missing-sqrt": Entry(
        "平方根の欠落",
        "出力は、{part} の平方根を除いた数式の値と一致します[[（{detail}）]]",
        "{part} のとおり平方根（np.sqrt）をとってください。"),
    "missing-abs": Entry(
        "絶対値の欠落",
        "出力は、{part} の絶対値を除いた数式の値と一致します[[（{detail}）]]",
        "{part} のとおり絶対値（np.abs）をとってください。"),
    "missing-term": Entry(
        "項の欠落",
        "出力は、項 {part} を除いた数式の値と一致します[[（{detail}）]]",
        "項 {part} を計算に加えてください。"),
    "missing-normalization": Entry(
        "正規化の欠落",
        "出力は、{part} による正規化を除いた数式の値と一致します[[（{detail}）]]",
        "{part} で割り、数式のとおりに正規化してください。"),
    "missing-value-product": Entry(
        "値との積の欠落",
        "出力は、{part} の値（values）との積を除いた数式の値と一致します[[（{detail}）]]",
        "{part} のとおり、重みに値を掛けてください（weights @ V）。"),
    # robustness
    "unstable-exp": Entry(
        "数値的に不安定な exp",
        "{part} の exp は数値的に不安定です。大きさ {magnitude} 程度の入力でオーバーフローしますが、"
        "数式の値は有限です",
        "exp の前に最大値を引いてください（x - x.max(axis=-1, keepdims=True)）。結果は変わりません。"),
    "log-of-zero": Entry(
        "0 の対数",
        "{part} の log は、確率がちょうど 0 のとき（確率単体の境界）に -inf や nan になりますが、"
        "数式の値は有限です[[（{detail}）]]",
        "0·log 0 を 0 として扱ってください（scipy.special.xlogy や np.where(p > 0, p * np.log(p), 0) など）。"),
    "batch-inconsistent": Entry(
        "バッチ次元での不一致",
        "数式どおりの形状では正しいのですが、先頭にバッチ次元を付けると結果が一致しません[[: {detail}]]",
        "軸は末尾から数え（axis=-1）、.T の代わりに np.swapaxes(..., -1, -2) を使って、"
        "バッチ次元がそのまま通るようにしてください。"),
    "input-mutated": Entry(
        "引数の書き換え",
        "関数が引数 {argument} をその場で書き換えています",
        "呼び出し元の配列が変わらないよう、コピーに対して計算してください"
        "（{argument} -= m ではなく {argument} = {argument} - m、または np.copy）。"),
    "float32-output": Entry(
        "float32 の出力",
        "結果の dtype が {dtype} のため、緩い許容誤差で比較しました",
        "精度を下げる意図がなければ float64 で計算してください。"),
    # accepted variants
    "epsilon-variant": Entry(
        "ε を加えた変形",
        "許容: {part} に数式にない小さな定数を加えています（log(y + 1e-7) など）が、結果は一致します"
        "[[（{detail}）]]",
        "修正は不要です。このように log(0) を防ぐ書き方は許容される変形です。"),
    "equivalent-form": Entry(
        "同値な変形",
        "許容: {part} を代数的に同値な形で計算しています[[（{detail}）]]",
        "修正は不要です。"),
    "convention-assumed": Entry(
        "慣習を仮定",
        "{convention}と読んで合格としました[[: {detail}]]",
        "修正は不要です。[[明示するには（この注記も消えます）: {pin}]]"),
    # structure
    "missing-operation": Entry(
        "対応する演算なし",
        "数式の {part} に対応する演算がコードに見当たりません[[（{detail}）]]",
        "{part} が計算されているか確認してください。別の書き方で計算しているなら、この注記は無視して構いません。"),
    "extra-operation": Entry(
        "余分な演算",
        "コードの演算 {part} に対応する部分が数式にありません[[（{detail}）]]",
        "この演算が数式に含まれるものか確認し、含まれないなら取り除いてください。"),
    # tool
    "internal-error": Entry(
        "内部エラー",
        "eq2code の内部エラーです: {detail}",
        "これはあなたのコードではなく eq2code の不具合です。数式ファイルと実装ファイルを添えて報告してください。"),
    "unused-suppression": Entry(
        "使われていない抑制",
        "{suppressed} の抑制は使われていません（ここではその指摘は出ていません）",
        "「# eq2code: ignore[...]」コメントから {suppressed} を削除してください。"),
    "rejects-core-form": Entry(
        "数式どおりの形状を受け付けない",
        "バッチ次元付きでは正しいのですが、数式どおりの形状の入力を受け付けません[[: {detail}]]",
        "axis=1 のような固定の軸ではなく axis=-1 に沿って集約し、数式どおりの形状でも動くようにしてください。"),
}

CATALOGUES: dict[str, dict[str, Entry]] = {"en": EN, "ja": JA}

# Enumerated parameter values that read differently per language.
CONVENTIONS_EN = {
    "textbook-labels": "the textbook's convention (y the prediction, t the teacher label)",
    "argument-order": "another order of its arguments",
    "return-component": "one part of what it returns (a tuple or dict) as the equation's value",
    "in-place-update": "its in-place update of an argument as the equation's value",
    "column-layout": "a column (N, 1) as the vector (N,)",
    "class-layer": "a class (a layer, an optimizer), constructed with its parameters and then called",
    "batch-mean": "one value (the mean or the total) over the leading batch axis when given a batch",
    "inferred-parameter": "values for parameters the equation does not supply",
    "chosen-function": "the function whose results match the equation",
    "scalar-array": "0-d arrays for its scalar inputs (it uses array methods on them)",
}
CONVENTIONS_JA = {
    "textbook-labels": "教科書の慣習（y が予測、t が教師ラベル）",
    "argument-order": "引数の別の順序",
    "return-component": "戻り値（タプルまたは辞書）の要素の 1 つを数式の値",
    "in-place-update": "引数のその場での更新を数式の値",
    "column-layout": "列 (N, 1) をベクトル (N,)",
    "class-layer": "クラス（層や最適化手法。パラメータで生成してから呼び出すもの）",
    "batch-mean": "バッチを与えたときは先頭のバッチ軸について 1 つの値（平均または合計）を返すもの",
    "inferred-parameter": "数式が与えない引数に推定した値を渡すもの",
    "chosen-function": "結果が数式と一致する関数",
    "scalar-array": "スカラーの入力を 0 次元配列として受け取るもの（配列のメソッドを使っているため）",
}

VALUE_NAMES: dict[str, dict[str, dict[str, str]]] = {
    "en": {"phase": {"import": "importing the module", "call": "the call"}, "convention": CONVENTIONS_EN,
           "resource": {"result size": "the size of its result", "file size": "the size of written files"}},
    "ja": {"phase": {"import": "モジュールの読み込み（import）", "call": "関数の呼び出し"},
           "convention": CONVENTIONS_JA,
           "resource": {"memory": "メモリ", "result size": "戻り値の大きさ", "file size": "書き込むファイルの大きさ"}},
}

# Fixed phrases that reporters print around findings.
UI: dict[str, dict[str, str]] = {
    "en": {
        "help": "help", "note": "note", "related": "in {location}: {message}",
        "check": "{subject} against {target}: {verdict}[[ (forms: {forms}; seed {seed})]]",
        "check-no-forms": "{subject} against {target}: {verdict}[[ (seed {seed})]]",
        "rule": "rule {rule}",
        "pass": "pass", "fail": "fail", "error": "error",
        "excused": "fail, excused by the project's suppressions or baseline",
        "summary": "Found {errors} {errors_word}, {warnings} {warnings_word}, {infos} {infos_word}.",
        "all-passed": "All checks passed.",
        "pairing-code-before-math": "the code comes first; it was paired with the math after it ({target})",
    },
    "ja": {
        "help": "修正方法", "note": "注記", "related": "{location}: {message}",
        "check": "{subject} を {target} と照合: {verdict}[[（形式: {forms}、seed {seed}）]]",
        "check-no-forms": "{subject} を {target} と照合: {verdict}[[（seed {seed}）]]",
        "rule": "ルール {rule}",
        "pass": "合格", "fail": "不合格", "error": "エラー",
        "excused": "不合格（プロジェクトの抑制またはベースラインにより許容）",
        "summary": "エラー {errors} 件、警告 {warnings} 件、情報 {infos} 件が見つかりました。",
        "all-passed": "すべてのチェックに合格しました。",
        "pairing-code-before-math": "コードが先にあるため、その後の数式（{target}）と対応づけました",
    },
}

_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)


def detect_lang(explicit: str | None = None) -> str:
    """The language to use: `explicit` wins; else the locale (LC_ALL, LC_MESSAGES, LANG)."""
    if explicit:
        return _normalise_lang(explicit)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return _normalise_lang(value)
    return "en"


def _normalise_lang(value: str) -> str:
    return "ja" if value.strip().lower().startswith("ja") else "en"


def entry(name: str, lang: str = "en") -> Entry:
    """The catalogue entry of a finding name; an unknown name gets a neutral fallback."""
    catalogue = CATALOGUES.get(lang, EN)
    found = catalogue.get(name) or EN.get(name)
    return found or Entry(name, name.replace("{", "{{").replace("}", "}}") + "[[: {detail}]]", "")


def title(name: str, lang: str = "en") -> str:
    return entry(name, lang).title


def render_message(finding: Finding, lang: str = "en") -> str:
    return fill(entry(finding.name, lang).message, finding.params, lang)


def render_help(finding: Finding, lang: str = "en") -> str:
    return fill(entry(finding.name, lang).help, finding.params, lang)


def ui(key: str, lang: str = "en", **params: Any) -> str:
    """One of the fixed phrases reporters print, e.g. ui("summary", "ja", errors=1, ...)."""
    template = UI.get(lang, UI["en"]).get(key, key)
    return fill(template, params, lang)


def summary_line(errors: int, warnings: int, infos: int, lang: str = "en") -> str:
    """The closing count line, e.g. "Found 1 error, 0 warnings, 0 infos."."""
    words = {f"{k}_word": k[:-1] if n == 1 else k
             for k, n in (("errors", errors), ("warnings", warnings), ("infos", infos))}
    return ui("summary", lang, errors=errors, warnings=warnings, infos=infos, **words)


def fill(template: str, params: dict[str, Any], lang: str = "en") -> str:
    """Format `template` with `params`; optional [[…]] parts drop out, missing fields read "?".

    A parameter that is None or renders as empty text counts as missing.
    """
    shown = {k: _display(k, v, lang) for k, v in params.items() if v is not None}
    values = _Values({k: v for k, v in shown.items() if v})
    pieces = _OPTIONAL.split(template)  # even indices: always shown; odd: optional
    return "".join(_format(piece, values) if i % 2 == 0 else _format_optional(piece, values)
                   for i, piece in enumerate(pieces))


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return MISSING


def _format(template: str, values: _Values) -> str:
    try:
        return template.format_map(values)
    except (ValueError, AttributeError, IndexError, KeyError, TypeError):
        return template  # a malformed template (e.g. an unknown UI key with braces) shows as is


def _format_optional(template: str, values: _Values) -> str:
    try:
        fields = [f for _, f, _, _ in Formatter().parse(template) if f is not None]
    except ValueError:
        return ""
    return _format(template, values) if all(f in values for f in fields) else ""


def _display(key: str, value: Any, lang: str) -> str:
    """A parameter value as text: floats shortened, lists joined, enumerations translated."""
    if isinstance(value, Real) and not isinstance(value, Integral):
        text = f"{float(value):.6g}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(_display(key, v, lang) for v in value)
    else:
        text = str(value)
    return VALUE_NAMES.get(lang, {}).get(key, {}).get(text, text)

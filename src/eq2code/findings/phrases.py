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
}

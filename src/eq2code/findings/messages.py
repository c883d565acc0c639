"""Message catalogues: the words of every finding, in English and Japanese.

A Finding carries a key (its kind's `name`) and parameters; this module owns the templates
that turn them into a `title`, a `message` (what the code computes, what the equation says,
where) and a `help` (imperative: how to fix it), plus the few fixed phrases reporters print
around them (`ui`).

Templates use `str.format` named fields. A parameter may be a `Phrase` (phrases.py): a keyed
fixed phrase with its own parameters, rendered in the message's language (recursively), so no
English is assembled in code. A part written `[[ … ]]` is optional: it is kept
only when every field inside it has a non-empty value, so `detail`, `expected`, `seed`, … can
be left out by a finding that does not know them. A required field that is missing renders
as "?". Rendering never raises. Both languages of one kind use the same fields (tested).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from numbers import Integral, Real
from string import Formatter
from typing import Any, NamedTuple

from eq2code.base.lazy import Lazy
from eq2code.findings.model import Finding
from eq2code.findings.phrases import PHRASES, Phrase

MISSING = "?"


class Entry(NamedTuple):
    title: str
    message: str
    help: str


# The templates live with their findings (findings/definitions/); these catalogues are built
# from the registry. LaTeX braces inside templates are doubled ({{ }}) because of str.format.
def _catalogue(lang: str) -> dict[str, Entry]:
    from eq2code.findings.registry import definitions

    return {d.name: Entry(d.text(lang).title, d.text(lang).message, d.text(lang).help) for d in definitions()}


EN: Mapping[str, Entry] = Lazy(lambda: _catalogue("en"))
JA: Mapping[str, Entry] = Lazy(lambda: _catalogue("ja"))

CATALOGUES: dict[str, Mapping[str, Entry]] = {"en": EN, "ja": JA}

# Enumerated parameter values that read differently per language.
CONVENTIONS_EN = {
    "textbook-labels": "the textbook's convention (y the prediction, t the teacher label)",
    "argument-order": "another order of its arguments",
    "return-component": "one part of what it returns (a tuple or dict) as the equation's value",
    "in-place-update": "its in-place update of an argument as the equation's value",
    "column-layout": "a column (N, 1) as the vector (N,)",
    "class-layer": "a class (a layer, an optimizer), constructed with its parameters and then called",
    "batch-mean": "one value (the mean or the total) over the leading batch axis when given a batch",
    "batch-items": "the rows of a batch as more items of the equation's own sum (one value for all of them)",
    "inferred-parameter": "values for parameters the equation does not supply",
    "chosen-function": "the function whose results match the equation",
    "scalar-array": "0-d arrays for its scalar inputs (it uses array methods on them)",
    "representation-class-index": "the class index in place of the one-hot vector",
    "representation-logits": "logits (scores, any constant added) in place of the probabilities",
    "representation-log-variance": "the log-variance in place of the scale",
    "representation-log-std": "the log standard deviation in place of the scale",
    "representation-variance": "the variance in place of the standard deviation",
    "representation-std": "the standard deviation in place of the variance",
    "function-argument": "a function the equation file defines, passed as a callable for a parameter that takes one",
    "entries-as-vector": "numbered scalars as the entries of one vector parameter, in the order of their numbers",
    "intercept-in-front": "the intercept as entry 0 of the coefficient vector (its other entries after it)",
    "definitions-only": "its file's definitions alone (imports, functions, classes, constants): the module-level "
                        "script code failed on import and was skipped",
}
CONVENTIONS_JA = {
    "textbook-labels": "教科書の慣習（y が予測、t が教師ラベル）",
    "argument-order": "引数の別の順序",
    "return-component": "戻り値（タプルまたは辞書）の要素の 1 つを数式の値",
    "in-place-update": "引数のその場での更新を数式の値",
    "column-layout": "列 (N, 1) をベクトル (N,)",
    "class-layer": "クラス（層や最適化手法。パラメータで生成してから呼び出すもの）",
    "batch-mean": "バッチを与えたときは先頭のバッチ軸について 1 つの値（平均または合計）を返すもの",
    "batch-items": "バッチの各行を、数式自身の和の項がさらに増えたものとして読むもの（全体で 1 つの値）",
    "inferred-parameter": "数式が与えない引数に推定した値を渡すもの",
    "chosen-function": "結果が数式と一致する関数",
    "scalar-array": "スカラーの入力を 0 次元配列として受け取るもの（配列のメソッドを使っているため）",
    "representation-class-index": "one-hot ベクトルの代わりにクラス番号を受け取るもの",
    "representation-logits": "確率の代わりにロジット（スコア。定数を足しても同じ）を受け取るもの",
    "representation-log-variance": "尺度の代わりに対数分散を受け取るもの",
    "representation-log-std": "尺度の代わりに対数標準偏差を受け取るもの",
    "representation-variance": "標準偏差の代わりに分散を受け取るもの",
    "representation-std": "分散の代わりに標準偏差を受け取るもの",
    "function-argument": "数式ファイルが定義する関数を、関数を受け取る引数に呼び出し可能なオブジェクトとして渡すもの",
    "entries-as-vector": "番号付きのスカラーを、番号の順に一つのベクトル引数の要素として渡すもの",
    "intercept-in-front": "切片を係数ベクトルの要素 0 とし、残りの係数をその後に並べて渡すもの",
    "definitions-only": "ファイルの定義（import、関数、クラス、定数）だけを実行したもの"
                        "（モジュール直下のスクリプト部分は読み込み時に失敗したため省略）",
}

# What the equation has in place of the code's first wrong value (checking/localize.py).
ROLES_EN = {"denominator": "denominator", "numerator": "numerator", "factor": "factor", "term": "term",
            "exponent": "exponent", "base": "base", "operand": "operand", "value": "corresponding part"}
ROLES_JA = {"denominator": "分母", "numerator": "分子", "factor": "因子", "term": "項", "exponent": "指数",
            "base": "底", "operand": "被演算子", "value": "対応する部分"}

VALUE_NAMES: dict[str, dict[str, dict[str, str]]] = {
    "en": {"phase": {"import": "importing the module", "call": "the call"}, "convention": CONVENTIONS_EN,
           "role": ROLES_EN,
           "resource": {"result size": "the size of its result", "file size": "the size of written files"}},
    "ja": {"phase": {"import": "モジュールの読み込み（import）", "call": "関数の呼び出し"},
           "convention": CONVENTIONS_JA,
           "role": ROLES_JA,
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


def render_phrase(phrase: Phrase, lang: str = "en") -> str:
    """A fixed phrase in `lang` (English when the key has no `lang` text; the key when unknown)."""
    texts = PHRASES.get(phrase.phrase)
    if texts is None:
        return phrase.phrase
    return fill(texts.get(lang) or texts["en"], phrase.params, lang)


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
    """A parameter value as text: floats shortened, lists joined, enumerations translated,
    phrases rendered in `lang`."""
    phrase = Phrase.of(value)
    if phrase is not None:
        return render_phrase(phrase, lang)
    if isinstance(value, Real) and not isinstance(value, Integral):
        text = f"{float(value):.6g}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(_display(key, v, lang) for v in value)
    else:
        text = str(value)
    return VALUE_NAMES.get(lang, {}).get(key, {}).get(text, text)

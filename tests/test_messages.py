"""Message catalogues: complete in both languages, in step, and never raising."""

from __future__ import annotations

import re
from string import Formatter

import pytest

from eq2code.base.span import Range
from eq2code.findings.messages import (
    CATALOGUES,
    EN,
    JA,
    MISSING,
    detect_lang,
    fill,
    render_help,
    render_message,
    summary_line,
    title,
    ui,
)
from eq2code.findings.model import KINDS, Finding
from eq2code.findings.phrases import Phrase

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
UNFILLED = re.compile(r"\{[a-z_]+\}")


def finding(name: str, **params) -> Finding:
    return Finding(name, "impl.py", Range.of(0, 0, 0, 1), params=params)


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in Formatter().parse(template.replace("[[", "").replace("]]", "")) if f}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_has_title_message_and_help(name, lang):
    entry = CATALOGUES[lang][name]
    assert entry.title.strip() and entry.message.strip() and entry.help.strip()
    assert title(name, lang) == entry.title


def test_catalogues_cover_exactly_the_kinds():
    assert set(EN) == set(JA) == set(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_english_and_japanese_use_the_same_parameters(name):
    assert fields(EN[name].message) == fields(JA[name].message)
    assert fields(EN[name].help) == fields(JA[name].help)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", sorted(KINDS))
def test_rendering_without_params_never_raises_and_leaves_no_fields(name, lang):
    f = finding(name)
    for text in (render_message(f, lang), render_help(f, lang)):
        assert text and not UNFILLED.search(text)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_japanese_text_is_japanese(name):
    f = finding(name)
    for text in (render_message(f, "ja"), render_help(f, "ja"), title(name, "ja")):
        assert JAPANESE.search(text), text


def test_missing_required_parameter_renders_placeholder():
    assert render_message(finding("argument-mapping", params="a, b"), "en") == f"{MISSING} (a, b)"


def test_optional_parts_appear_only_with_their_parameters():
    bare = render_message(finding("latex-syntax", detail="unexpected '}'"))
    assert bare == "the equation cannot be parsed: unexpected '}'"
    full = render_message(finding("latex-syntax", detail="unexpected '}'", expected="a term"))
    assert full == "the equation cannot be parsed: unexpected '}'; expected a term"
    assert render_message(finding("latex-syntax", detail="x", expected="")) == bare.replace(
        "unexpected '}'", "x")


def test_named_mistake_says_what_the_output_equals():
    f = finding("missing-scale", part="\\frac{1}{\\sqrt{d_k}}")
    assert render_message(f) == "the output equals the equation without the factor \\frac{1}{\\sqrt{d_k}}"
    assert "\\frac{1}{\\sqrt{d_k}}" in render_message(f, "ja")


def test_parameter_values_with_braces_are_not_reformatted():
    f = finding("wrong-shape", output="{x}", expected="(K,)", actual="(K, 1)", sizes="K=4")
    assert render_message(f) == (
        "the output {x} has shape (K, 1), but the equation gives shape (K,) (with K=4)")


def test_values_are_shown_readably():
    f = finding("numeric-mismatch", output="p_i", index="[2]", expected_value=0.1234567891,
                actual_value=0.5, seed=0, rel_error=None, inputs=["z=[1, 2]", "T=0.5"])
    text = render_message(f)
    assert "expected 0.123457, got 0.5" in text
    assert "seed 0" in text and "relative error" not in text
    assert "inputs: z=[1, 2], T=0.5" in text
    assert "--seed 0" in render_help(f)


def test_enumerated_values_are_translated():
    call = finding("timeout", seconds=10, phase="call")
    assert render_message(call) == "the call did not finish within 10 s"
    assert "モジュールの読み込み" in render_message(finding("timeout", seconds=10, phase="import"), "ja")


def test_argument_mapping_help_suggests_map_option():
    f = finding("argument-mapping", params="logits, temp",
                problem=Phrase("input-matches-no-parameter", {"symbol": "T"}),
                fix=Phrase("map-the-input", {"symbol": "T"}))
    assert "--map T=PARAM" in render_help(f)
    assert "--map T=PARAM" in render_help(f, "ja")


def test_argument_mapping_names_the_functions_parameter_that_receives_nothing():
    f = finding("argument-mapping", params="probs, y", problem=Phrase("parameter-receives-nothing", {"param": "y"}),
                fix=Phrase("default-the-parameter", {"param": "y"}))
    assert render_message(f) == ("the function's parameter y has no default and receives nothing from the equation "
                                 "(probs, y)")
    assert "--map SYMBOL=y" in render_help(f) and "--map SYMBOL=y" in render_help(f, "ja")


def test_unknown_name_and_language_fall_back():
    f = finding("no-such-kind", detail="what happened")
    assert render_message(f) == "no-such-kind: what happened"
    assert render_help(f) == ""
    assert render_message(finding("no-return"), "fr") == render_message(finding("no-return"), "en")


def test_summary_line_pluralises():
    assert summary_line(1, 0, 2) == "Found 1 error, 0 warnings, 2 infos."
    assert summary_line(0, 1, 1, "ja") == "エラー 0 件、警告 1 件、情報 1 件が見つかりました。"


def test_ui_and_fill_never_raise():
    assert ui("no such key {", "en") == "no such key {"
    assert fill("{a}[[ and {b}]]", {"a": 1}) == "1"
    assert fill("{a}[[ and {b}]]", {"a": 1, "b": "x"}) == "1 and x"


@pytest.mark.parametrize("env, explicit, expected", [
    ({"LANG": "ja_JP.UTF-8"}, None, "ja"),
    ({"LANG": "ja_JP.UTF-8"}, "en", "en"),
    ({"LANG": "en_US.UTF-8"}, "ja", "ja"),
    ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, None, "en"),
    ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US"}, None, "ja"),
    ({"LC_ALL": "", "LANG": "ja"}, None, "ja"),
    ({}, None, "en"),
])
def test_detect_lang(monkeypatch, env, explicit, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert detect_lang(explicit) == expected

"""`--lang ja` says nothing in English (issue 11): every fragment a user reads is a keyed
template in both languages. Checks the Japanese output of every example in examples/ (one
command-line run) after taking out what is the user's own or not prose: their exception
messages, LaTeX, code and identifiers, paths and numbers. What remains may hold single
English words (softmax, keepdims, values), never a run of two or more.
"""

from __future__ import annotations

import io
import json
import os
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from eq2code.cli.main import main

ROOT = Path(__file__).resolve().parent.parent

# The user's (or NumPy's) exception: "ValueError: operands could not …" up to Japanese punctuation.
EXCEPTION = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Exit|Warning|Interrupt)\b"
                       r"(?: を送出しました)?(?::[^（）、。「」]*)?")
CODE_SPAN = re.compile(r"`[^`]*`")
WORD = re.compile(r"[A-Za-z]{2,}|[aA]")  # a prose word: letters only, two or more (or the article)


def english_runs(text: str) -> list[str]:
    """Runs of two or more English words left after removing what is not prose."""
    text = CODE_SPAN.sub(" ", text)
    text = EXCEPTION.sub(" ", text)
    runs: list[str] = []
    current: list[str] = []
    for token in re.split(r"\s+", text):
        # a prose word stands alone between spaces (a trailing , ; : . is punctuation of prose);
        # LaTeX (\cmd, braces, sub/superscripts), code (dots, brackets, operators), paths and
        # numbers never are
        opened = token.lstrip("(（「[")
        if opened != token and len(current) >= 2:  # an opening bracket starts a new run
            runs.append(" ".join(current))
        if opened != token:
            current = []
        bare = opened.rstrip(",;:.、。)）」]")
        if WORD.fullmatch(bare):
            current.append(bare)
            if bare != opened:  # punctuation or a closing bracket ends the run, after counting the word
                if len(current) >= 2:
                    runs.append(" ".join(current))
                current = []
            continue
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    if len(current) >= 2:
        runs.append(" ".join(current))
    return runs


def test_the_detector_finds_english() -> None:
    assert english_runs("一致しません: with a leading batch axis of size 2 it returns") == [
        "with a leading batch axis of size", "it returns"]
    assert english_runs("入力: core form, K=3") == ["core form"]
    assert english_runs("（killed by signal SIGKILL）") == ["killed by signal SIGKILL"]
    assert english_runs("（the result has inf or nan; inputs: p = [1., 0.]）") == ["the result has inf or nan"]


def test_the_detector_leaves_the_users_own_alone() -> None:
    assert english_runs("関数が ValueError を送出しました: operands could not be broadcast（入力: 形式）") == []
    assert english_runs("出力は、\\mathrm{softmax}\\left(\\frac{1}{\\sqrt{d_{k}}} Q K^{T}\\right) の値") == []
    assert english_runs("`np.exp(x - x.max(axis=-1, keepdims=True))` と rules/softmax.tex:7:1") == []
    assert english_runs("D_KL(p‖q) = Σ p log(p/q) で、重みは最初の分布です。softmax と keepdims=True") == []


@pytest.fixture(scope="module")
def ja_output() -> dict:
    out = io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(ROOT)
        with redirect_stdout(out):
            main(["check", "examples", "--lang", "ja", "--format", "json", "--jobs", "2"])
    finally:
        os.chdir(here)
    return json.loads(out.getvalue())


def test_ja_output_of_every_example_has_no_english_prose(ja_output: dict) -> None:
    assert len(ja_output["checks"]) >= 150
    leaks = []
    for d in ja_output["diagnostics"]:
        for text in (d["message"], d["data"].get("help") or ""):
            runs = english_runs(text)
            if runs:
                leaks.append((d["path"], d["data"]["name"], runs, text))
    assert leaks == []


# -- the equation side: why an equation is not checked, which reading was taken ------------------
# Small equations that reach many different reasons and readings (and LaTeX the reader refuses),
# beside the corpus of real lecture notes and the shared lecture file.
OWN_EQUATIONS = [
    "$$ f(x) = g(x) + 1 $$", "$$ y = \\int_0^1 x\\, dx $$", "$$ y = \\lim_{n \\to \\infty} a_n $$",
    "$$ a < b $$", "$$ A \\implies B $$", "$$ \\forall x, x = x $$", "$$ y = x_1 + \\cdots + x_n $$",
    "$$ W \\in \\mathbb{R}^{n \\times d}, \\quad b \\in \\mathbb{R}^{d}, \\quad X \\in \\mathbb{R}^{m \\times n} $$\n"
    "$$ Y = X W + b $$",
    "$$ L = \\sum_{\\theta} f(\\theta) $$", "$$ y = w^T x $$", "$$ y = \\pm x $$", "$$ y = \\{1, 2\\} $$",
    "$$ y = \\sum_{x \\sim p} x $$", "$$ y = \\sum_{v \\in S} x_v $$", "$$ y = \\sum_i x_i + b_i $$",
    "$$ y = \\cos(a, b) $$", "$$ w_{t+1} = w_t - \\eta \\nabla f(w_t) $$", "$$ y = \\|x\\|_3 $$",
    "$$ y = f'(x) $$", "$$ acc = \\frac{TP + TN}{TP + TN + FP + FN} $$", "$$ \\sum_k \\theta_k = 1 $$",
    "$$ y = 2 + 3 = 5 $$", "$$ y = \\langle a, b \\rangle $$", "$$ y = \\delta_{kj} x_k $$",
    "$$ y = \\sup_x f(x) $$", "$$ y = [1, 2] $$", "$$ y = x \\circ g $$", "$$ y = \\nabla $$",
    "$$ y = \\sum_{i=1} x_i $$", "$$ y = (x $$", "$$ y = x) $$", "$$ y = [x) $$", "$$ y = \\nfun x $$",
    "$$ y = x! $$", "$$ y = \\mathbb{x + 1} $$", "$$ y = \\hat{x + 1} $$", "$$ \\begin{cases} x \\end{aligned} $$",
    "$$ y = X_{:,j} $$", "$$ y = \\arg x $$", "$$ y = \\left x $$", "$$ y = {x $$", "$$ y = $$", "$$ y = x + $$",
    "$$ y = x ` $$", "$$ y = \\frac x $$", "$$ y = \\begin{foo} x \\end{foo} $$",
    "\\mathbf{x} \\in \\mathbb{R}^{n \\times m \\times k}\n\n$$ y = \\mathbf{x} + 1 $$",
    "$$ \\mathbf{W} \\in \\mathbb{R}^{n \\times d} \\\\ y = \\mathbf{W} + \\mathbf{W}^{\\top} $$",
    "$$ y = \\mathbb{E}[z] $$", "$$ y = \\frac{d}{dx} $$", "$$ y = a < b + 1 $$", "$$ y = x \\mid z $$",
    "$$ p(x) = \\frac{1}{Z} \\exp(-E(x)) $$", "$$ y = \\mathbf{1}^\\top \\mathbf{x} $$",
    "$$ \\mathbf{x} \\in \\mathbb{R}^{d} \\\\ \\bar{x} = \\frac{1}{d} \\sum_i x_i \\\\ v = x_i - \\bar{x} $$",
    "x \\in \\mathbb{R}^{a + b}\n\n$$ y = x $$", "x \\in \\mathbb{R}_{foo}\n\n$$ y = x $$",
    "x \\in \\mathcal{Q}\n\n$$ y = x $$", "x \\in [a, b]\n\n$$ y = x $$", "% nothing here",
]


def equation_texts() -> list[tuple[str, str]]:
    texts = [(f"own-{k}", t) for k, t in enumerate(OWN_EQUATIONS)]
    for path in sorted((ROOT / "tests" / "corpus" / "equations").glob("*.json")):
        texts += [(e["id"], "$$" + e["latex"] + "$$") for e in json.loads(path.read_text())["equations"]
                  if "latex" in e]
    lecture = ROOT.parent / "shared" / "lecture-equations.tex"
    if lecture.exists():
        texts.append((lecture.name, lecture.read_text(encoding="utf-8")))
    return texts


def _templates_only(value):
    """A parameter with every value that is the user's own (plain text: LaTeX, names, their prose)
    replaced by a placeholder: what remains are the words of eq2code's templates."""
    from eq2code.findings.phrases import Phrase

    found = Phrase.of(value)
    if found is not None:
        return Phrase(found.phrase, {k: _templates_only(v) for k, v in found.params.items()})
    return "X" if isinstance(value, str) else value


@pytest.fixture(scope="module")
def equation_diagnostics() -> list[tuple[str, object]]:
    from eq2code.equation.semantics import read_equation_file

    out = []
    for name, text in equation_texts():
        eq_file = read_equation_file(f"{name}.tex", text)
        out += [(name, d) for d in eq_file.diagnostics]
        out += [(name, d) for d in _unchecked(eq_file)]
    return out


def _unchecked(eq_file):
    """The not-checkable finding of a file with no main equation, as checking/prepare.py makes it."""
    from eq2code.equation.model import Diagnostic

    candidate = eq_file.main_candidate
    if eq_file.main is not None or candidate is None or not candidate.reason:
        return []
    return [Diagnostic("not-checkable", candidate.range, {"reason": candidate.why or candidate.reason})]


def test_equation_reasons_and_readings_are_phrases(equation_diagnostics) -> None:
    """Every reason and reading the equation reader gives is a keyed phrase, never English text."""
    from eq2code.findings.phrases import Phrase

    names = {d.name for _, d in equation_diagnostics}
    assert {"not-checkable", "unsupported-notation", "ambiguous-notation", "latex-syntax"} <= names
    keys = {Phrase.of(d.params.get(p)).phrase for _, d in equation_diagnostics  # type: ignore[union-attr]
            for p in ("reason", "reading", "detail") if Phrase.of(d.params.get(p)) is not None}
    assert len(keys) >= 60, sorted(keys)
    plain = [(n, d.name, p, v) for n, d in equation_diagnostics for p, v in d.params.items()
             if p in ("reason", "reading", "detail") and d.name != "internal-error" and Phrase.of(v) is None]
    assert plain == []


def test_equation_findings_in_japanese_have_no_english_words(equation_diagnostics) -> None:
    from eq2code.findings.messages import entry, fill

    leaks = []
    for name, d in equation_diagnostics:
        if d.name == "internal-error":
            continue
        params = {k: _templates_only(v) for k, v in d.params.items()}
        for template in (entry(d.name, "ja").message, entry(d.name, "ja").help):
            text = fill(template, params, "ja")
            runs = english_runs(text)
            if runs:
                leaks.append((name, d.name, runs, text))
    assert leaks == []


def test_every_equation_phrase_has_japanese_without_english_words() -> None:
    from eq2code.equation.latex.ir import NOTATION_REASONS
    from eq2code.equation.semantics import STATEMENT_RELS
    from eq2code.findings.phrases import PHRASES

    used = set()
    for path in (ROOT / "src" / "eq2code" / "equation").rglob("*.py"):
        used |= set(re.findall(r'phrase\(\s*"([a-z0-9-]+)"', path.read_text(encoding="utf-8")))
        used |= set(re.findall(r'"(eq-range-[a-z-]+)"', path.read_text(encoding="utf-8")))
    used |= {f"eq-notation-{k}" for k in NOTATION_REASONS} | {f"statement-{v}" for v in STATEMENT_RELS.values()}
    used |= {f"how-{h}" for h in ("prime", "gradient", "derivative")}
    used |= {f"eq-not-finite-{w}" for w in ("integral", "limit", "supremum")}
    assert len(used) >= 100
    assert sorted(k for k in used if k not in PHRASES or not PHRASES[k].get("ja")) == []
    # a reading follows the template's "eq2code は次のように読みました:": it describes, it does not say 読みました again
    assert [k for k in used if k.startswith("read-") and "読みました" in PHRASES[k]["ja"]] == []
    leaks = {k: english_runs(re.sub(r"\{[a-z_]+\}", "X", PHRASES[k]["ja"])) for k in used}
    assert {k: v for k, v in leaks.items() if v} == {}


def test_parse_in_japanese_has_no_english_words(tmp_path: Path) -> None:
    """`eq2code parse --lang ja`: the status of every equation and the findings, in Japanese."""
    path = tmp_path / "own.tex"
    path.write_text("\n\n".join(OWN_EQUATIONS[:30]), encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        main(["parse", str(path), "--lang", "ja", "--format", "json"])
    doc = json.loads(out.getvalue())
    texts = [e["reason"] or "" for e in doc["equations"]]
    texts += [d["message"] for d in doc["diagnostics"] if d["data"]["name"] != "internal-error"]
    assert len(texts) >= 20
    assert [(t, english_runs(t)) for t in texts if english_runs(t)] == []


def test_parse_text_in_japanese_has_no_english_words() -> None:
    """The text form too, including the inputs table of an equation not described symbol by symbol."""
    from dataclasses import replace

    from eq2code.equation.semantics import read_equation_file
    from eq2code.report.formats.parse import _equation_text

    lines = []
    for text in OWN_EQUATIONS[:30]:
        for k, eq in enumerate(read_equation_file("own.tex", text).equations, 1):
            lines += _equation_text("own.tex", eq, False, "ja", k)[:1]  # the title: kind and status
            if eq.checkable:  # the symbols' names are the user's own: masked
                eq.symbols = []
                eq.inputs = [replace(s, latex="X1", name="X2") for s in eq.inputs]
                lines += [line for line in _equation_text("own.tex", eq, False, "ja", k)
                          if not line.startswith("    sympy:")][2:]
    assert len(lines) >= 30
    assert [(line, english_runs(line)) for line in lines if english_runs(line)] == []


def test_phrases_survive_the_equation_cache() -> None:
    """Reasons and readings are stored in their JSON form and read back as the same words."""
    from eq2code.equation import cache
    from eq2code.equation.semantics import read_equation_file
    from eq2code.findings.messages import entry, fill
    from eq2code.findings.phrases import Phrase

    text = "$$ w_{t+1} = w_t - \\eta \\nabla f(w_t) $$\n\n$$ L = \\sum_i (y_i - g(x_i + 1))^2 $$\n"
    fresh = read_equation_file("c.tex", text)
    again = cache._from_json(json.loads(json.dumps(cache._to_json(fresh))), "c.tex", text)
    words = [[fill(entry(d.name, "ja").message, d.params, "ja") for d in f.diagnostics] for f in (fresh, again)]
    assert words[0] == words[1] and "関数 g はこのファイルで定義されていません" in words[1][-1]
    assert [e.why for e in again.equations] == [e.why for e in fresh.equations]
    assert isinstance(again.equations[-1].why, Phrase)

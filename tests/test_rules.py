"""The rules library (issue 4): shipped rules, project rules (--rules-dir), `eq2code rules`,
`eq2code check --rule`, and the `params=` parameter aliases any equation file may carry.

A rule is an ordinary equation file: these tests also hold the rules to what they should
mean (inputs and output shapes), so a rule that parses into the wrong thing fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from test_examples import NOTATION_TODO, RULES

from eq2code.code.loader import param_aliases, symbol_key
from eq2code.equation.rulebook import RuleError, find_rule, list_rules, read_rule, shipped_dir

RULES_DIR = ROOT / "rules"
# Rules that are not a lecture block verbatim: the left side of block 18, block 16's
# objective, the closed form of block 70's regulariser.
DERIVED = {"logsumexp", "negative-log-likelihood", "gaussian-kl"}

# What each checkable rule must mean: its array and scalar inputs (code name → shape) and
# its output shape, in the rule's own size names.
MEANING: dict[str, tuple[dict[str, tuple], tuple]] = {
    "softmax": ({"z": ("K",)}, ("K",)),
    "softmax-temperature": ({"x": ("K",), "T": ()}, ("K",)),
    "logsumexp": ({"z": ("K",)}, ()),
    "attention": ({"Q": ("n", "d_k"), "K": ("m", "d_k"), "V": ("m", "d_v")}, ("n", "d_v")),
    "cross-entropy": ({"y": ("C",), "y_hat": ("C",)}, ()),
    "entropy": ({"p": ("K",)}, ()),
    "cross-entropy-distributions": ({"p": ("K",), "q": ("K",)}, ()),
    "kl-divergence": ({"p": ("K",), "q": ("K",)}, ()),
    "expectation": ({"f": ("K",), "p": ("K",)}, ()),
    "sigmoid": ({"x": ()}, ()),
    "log-sigmoid-derivative": ({"x": ()}, ()),
    "l1-norm": ({"x": ("n",)}, ()),
    "l2-norm": ({"x": ("n",)}, ()),
    "dense-layer": ({"x": ("n",), "W": ("m", "n"), "b": ("m",)}, ("m",)),
    "gaussian-kl": ({"mu": ("d",), "sigma": ("d",)}, ()),
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- the shipped rules ---------------------------------------------------------------------------

def test_shipped_rules_come_from_the_package():
    assert shipped_dir().resolve() == RULES_DIR.resolve()


def test_the_twenty_rules_ship():
    names = {r.name for r in list_rules()}
    assert set(RULES) <= names, set(RULES) - names


@pytest.mark.parametrize("name", RULES)
def test_rule_metadata(name):
    rule = find_rule(name)
    assert rule.path.name == f"{name}.tex", "a rule lives in rules/<name>.tex"
    assert rule.origin == "shipped"
    assert rule.title and rule.title_ja and rule.latex
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", rule.title_ja), "title_ja is Japanese"
    assert rule.aliases, "function-name aliases"
    assert rule.notes
    if name != "sigmoid":  # the lecture has no display block of its own for sigma
        assert re.fullmatch(r"\d+(-\d+)?", rule.block), rule.block
    assert "%" not in rule.latex


@pytest.mark.parametrize("name", RULES)
def test_rule_latex_is_the_lectures(name):
    """The first block of a rule is the lecture's equation as the lecture writes it."""
    from conftest import lecture_blocks

    rule = find_rule(name)
    if not re.fullmatch(r"\d+", rule.block):
        pytest.skip("not a single lecture block (derived or combined)")
    block = " ".join(lecture_blocks()[int(rule.block)].split())
    first = " ".join(rule.latex.split())
    if name in DERIVED:
        return  # a part of the block, or what it leads to, named (see the rule's notes)
    assert first == block or first in block or block in first, (first, block)


def _rule_params(name: str) -> list:
    marks = [pytest.mark.xfail(reason=NOTATION_TODO[name], strict=True)] if name in NOTATION_TODO else []
    return [pytest.param(name, marks=marks, id=name)]


@pytest.mark.parametrize("name", [p for n in RULES for p in _rule_params(n)])
def test_rule_is_checkable(name, run_json):
    """`eq2code rules` says the rule is checkable: its own equation is the main one, no errors."""
    code, doc = run_json("rules")
    assert code == 0
    entry = next(r for r in doc["rules"] if r["name"] == name)
    assert entry["checkable"], entry["reason"]


@pytest.mark.parametrize("name", sorted(MEANING))
def test_rule_means_what_it_should(name):
    from eq2code.equation.cache import load_equation as _load_equation

    rule = find_rule(name)
    eq_file = _load_equation(str(rule.path))
    main = eq_file.main
    assert main is not None
    assert " ".join(main.latex.split()) in rule.latex, "the main equation is the rule's own"
    assert not [d for d in eq_file.diagnostics if d.name != "not-checkable"]
    inputs, output = MEANING[name]
    got = {s.name: tuple(s.shape) for s in main.inputs if s.role != "size"}
    assert got == inputs
    assert tuple(main.output_shape) == output


def test_rule_spaces():
    from eq2code.equation.cache import load_equation as _load_equation

    def spaces(name):
        main = _load_equation(str(find_rule(name).path)).main
        return {s.name: s.space.kind for s in main.inputs if s.role != "size"}

    assert spaces("cross-entropy") == {"y": "onehot", "y_hat": "simplex"}
    assert spaces("kl-divergence") == {"p": "simplex", "q": "simplex"}
    assert spaces("softmax-temperature") == {"x": "real", "T": "positive"}
    assert spaces("expectation")["p"] == "simplex"


# -- eq2code rules --------------------------------------------------------------------------------

def test_rules_json(run_json):
    code, doc = run_json("rules")
    assert code == 0
    assert doc["version"] == 1 and doc["tool"]["name"] == "eq2code"
    by_name = {r["name"]: r for r in doc["rules"]}
    assert set(RULES) <= set(by_name)
    for name in RULES:
        r = by_name[name]
        for key in ("name", "title", "title_ja", "latex", "inputs", "path"):
            assert key in r, (name, key)
        assert r["latex"] and r["title"] and r["title_ja"]
        assert Path(r["path"]).exists()
        assert isinstance(r["inputs"], list)
    softmax = by_name["softmax"]
    assert softmax["checkable"] is True
    assert [(i["name"], i["shape"]) for i in softmax["inputs"] if i["role"] != "size"] == [("z", ["K"])]
    assert by_name["gradient-descent-step"]["params"]["g"] == ["grad", "gradient", "grads", "dtheta", "d_theta"]


def test_rules_json_reports_what_is_not_checkable(run_json):
    _, doc = run_json("rules")
    for entry in doc["rules"]:
        if not entry["checkable"]:
            assert entry["reason"], entry["name"]
            assert entry["inputs"] == []


def test_rules_text(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0
    for name in RULES:
        assert re.search(rf"^{re.escape(name)}  ", out, re.M), name
    assert "ソフトマックス関数" in out


def test_rules_input_aliases_in_json(run_json):
    _, doc = run_json("rules")
    ce = next(r for r in doc["rules"] if r["name"] == "cross-entropy-distributions")
    q = next(i for i in ce["inputs"] if i["name"] == "q")
    assert "y_pred" in q["aliases"]


# -- find_rule ------------------------------------------------------------------------------------

def test_find_rule_by_exact_and_code_style_name():
    assert find_rule("softmax-temperature").name == "softmax-temperature"
    assert find_rule("softmax_temperature").name == "softmax-temperature"
    assert find_rule("KL_Divergence").name == "kl-divergence"


def test_find_rule_unknown_suggests():
    with pytest.raises(RuleError, match=r"did you mean .*softmax"):
        find_rule("softmx-temperature")
    with pytest.raises(RuleError, match="unknown rule 'nope'"):
        find_rule("nope")


def test_rule_name_defaults_to_the_file_stem(tmp_path):
    path = write(tmp_path / "my-rule.tex", "% eq2code: title=\"Mine\"\ny = 2x\n\nx \\in \\mathbb{R}\n")
    rule = read_rule(path, "project")
    assert rule.name == "my-rule" and rule.title == "Mine"
    assert rule.latex == "y = 2x" and rule.context == ("x \\in \\mathbb{R}",)


# -- project rules --------------------------------------------------------------------------------

LOG_SOFTMAX_RULE = """% eq2code: name=softmax
% eq2code: title="Log-softmax (this course's 'softmax')"
% eq2code: title_ja="対数ソフトマックス"
% eq2code: aliases=softmax
\\mathrm{softmax}(\\mathbf{z})_i = z_i - \\log \\sum_{j=1}^{K}\\exp(z_j)

\\mathbf{z} \\in \\mathbb{R}^{K}
"""

LOG_SOFTMAX_IMPL = """import numpy as np

def softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
"""


def test_project_rule_overrides_shipped(tmp_path, run_json):
    course = tmp_path / "course-rules"
    write(course / "log-softmax.tex", LOG_SOFTMAX_RULE)  # the name comes from the metadata
    impl = write(tmp_path / "impl.py", LOG_SOFTMAX_IMPL)

    rule = find_rule("softmax", [course])
    assert rule.origin == "project" and rule.path.parent == course
    assert find_rule("softmax").origin == "shipped"

    code, doc = run_json("check", "--rule", "softmax", impl)
    assert code == 1 and doc["checks"][0]["verdict"] == "fail"  # the shipped softmax
    code, doc = run_json("check", "--rule", "softmax", "--rules-dir", course, impl)
    assert code == 0, doc
    assert doc["checks"][0]["verdict"] == "pass"
    assert Path(doc["checks"][0]["equation"]).parent == course

    code, doc = run_json("rules", "--rules-dir", course)
    entry = next(r for r in doc["rules"] if r["name"] == "softmax")
    assert entry["origin"] == "project" and entry["title_ja"] == "対数ソフトマックス"
    assert len([r for r in doc["rules"] if r["name"] == "softmax"]) == 1


def test_later_rules_dir_wins(tmp_path):
    a = write(tmp_path / "a" / "r.tex", "% eq2code: title=\"A\"\ny = x\n")
    b = write(tmp_path / "b" / "r.tex", "% eq2code: title=\"B\"\ny = x\n")
    assert find_rule("r", [a.parent, b.parent]).title == "B"


def test_missing_rules_dir_is_a_usage_error(tmp_path, run_json):
    code, doc = run_json("rules", "--rules-dir", tmp_path / "nowhere")
    assert code == 2 and "rules directory not found" in doc["error"]


# -- check --rule ---------------------------------------------------------------------------------

GOOD_SOFTMAX = """import numpy as np

def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
"""


def test_check_rule_pass_and_record(tmp_path, run_json):
    impl = write(tmp_path / "impl.py", GOOD_SOFTMAX)
    code, doc = run_json("check", "--rule", "softmax", impl)
    assert code == 0
    check = doc["checks"][0]
    assert check["verdict"] == "pass" and check["function"] == "softmax"
    assert Path(check["equation"]).resolve() == (RULES_DIR / "softmax.tex").resolve()
    assert check.get("rule") == "softmax"


def test_check_rule_is_the_same_as_checking_its_file(tmp_path, run_json):
    impl = write(tmp_path / "impl.py", "import numpy as np\n\ndef softmax(z):\n    return np.exp(z) / np.sum(z)\n")
    _, by_rule = run_json("check", "--rule", "softmax", impl)
    _, by_file = run_json("check", RULES_DIR / "softmax.tex", impl)
    assert by_rule["checks"][0]["verdict"] == by_file["checks"][0]["verdict"] == "fail"
    names = lambda d: sorted(x["data"]["name"] for x in d["diagnostics"])  # noqa: E731
    assert names(by_rule) == names(by_file)
    assert all(x["data"].get("rule") == "softmax" for x in by_rule["diagnostics"])


def test_check_rule_finds_the_tagged_function(tmp_path, run_json):
    impl = write(tmp_path / "impl.py", "import numpy as np\n\n\ndef helper(v):\n    return v\n\n\n"
                                       "# eq2code: rule=l1-norm\ndef manhattan(v):\n    return np.abs(v).sum()\n")
    code, doc = run_json("check", "--rule", "l1-norm", impl)
    assert code == 0, doc
    assert doc["checks"][0]["function"] == "manhattan"


def test_check_rule_by_alias(tmp_path, run_json):
    impl = write(tmp_path / "impl.py", "import numpy as np\n\ndef helper(v):\n    return v\n\n"
                                       "def lse(z):\n    return np.log(np.exp(z).sum())\n")
    _code, doc = run_json("check", "--rule", "logsumexp", impl)
    assert doc["checks"][0]["function"] == "lse"


def test_check_rule_usage_errors(tmp_path, run_json):
    impl = write(tmp_path / "impl.py", GOOD_SOFTMAX)
    code, doc = run_json("check", "--rule", "no-such-rule", impl)
    assert code == 2 and "unknown rule" in doc["error"]
    code, doc = run_json("check", "--rule", "softmax", impl, impl)
    assert code == 2 and "one IMPL_FILE" in doc["error"]
    code, doc = run_json("check", "--rule", "softmax", tmp_path / "missing.py")
    assert code == 2


# -- params= parameter aliases --------------------------------------------------------------------

def test_param_aliases_syntax():
    assert param_aliases("g:grad|gradient,alpha:lr|eta") == {"g": ("grad", "gradient"), "alpha": ("lr", "eta")}
    assert param_aliases(" g : grad | gradient , junk, x:") == {"g": ("grad", "gradient")}
    assert param_aliases("g:a,g:b") == {"g": ("a", "b")}
    assert param_aliases("") == {}


def test_symbol_key_ignores_typography():
    assert symbol_key("W^{Q}") == symbol_key("W^Q")
    assert symbol_key("\\mathbf{g}") == symbol_key("g")
    assert symbol_key("p(\\mathcal{D} \\mid \\theta)") == symbol_key("p(D \\mid\\theta)")


STEP_RULE = """% eq2code: name=my-step
% eq2code: title="A step"
% eq2code: title_ja="ステップ"
{params}
\\theta \\leftarrow \\theta - \\alpha \\mathbf{{g}}

\\theta \\in \\mathbb{{R}}^{{n}},\\quad \\mathbf{{g}} \\in \\mathbb{{R}}^{{n}},\\quad \\alpha \\in \\mathbb{{R}}_{{>0}}
"""
STEP_IMPL = """def update(delta, rate, theta):
    return theta - float(rate) * delta
"""


def test_params_metadata_maps_parameters(tmp_path, run_json):
    """Names the common aliases do not know, in an order unlike the equation's: only the
    params= metadata maps them right (by position they would be wrong)."""
    impl = write(tmp_path / "impl.py", STEP_IMPL)
    with_aliases = write(tmp_path / "with" / "my-step.tex",
                         STEP_RULE.format(params="% eq2code: params=g:delta|dg,alpha:rate"))
    without = write(tmp_path / "without" / "my-step.tex", STEP_RULE.format(params=""))

    code, doc = run_json("check", "--rule", "my-step", "--rules-dir", with_aliases.parent, impl)
    assert code == 0, doc["diagnostics"]
    code, doc = run_json("check", with_aliases, impl)  # any equation file, not only a rule
    assert code == 0, doc["diagnostics"]
    code, doc = run_json("check", without, impl)
    assert code == 1 and doc["checks"][0]["verdict"] != "pass"


def test_params_metadata_by_latex_name(tmp_path, run_json):
    impl = write(tmp_path / "impl.py", STEP_IMPL)
    eq = write(tmp_path / "eq.tex", STEP_RULE.format(params="% eq2code: params=\"\\mathbf{g}:delta,\\alpha:rate\""))
    code, doc = run_json("check", eq, impl)
    assert code == 0, doc["diagnostics"]


def test_no_rule_specific_code():
    """Rules load through the same parser as any equation file: nothing from reading the
    LaTeX to judging the code knows that a file is a rule (only finding rule files does)."""
    src = ROOT / "src" / "eq2code"
    pipeline = [src / f"{m}.py" for m in ("source", "semantics", "spaces", "lowering", "sympy_ext", "plan",
                                          "evaluate", "inputs", "compare", "check", "loader", "model")]
    for path in pipeline + sorted((src / "latex").glob("*.py")):
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        assert "rulebook" not in text, path
        assert "eq2code.rules" not in text, path


# -- docs ------------------------------------------------------------------------------------------

def test_docs_list_every_shipped_rule():
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in list_rules():
        assert f"`{rule.name}`" in doc, rule.name
    assert "params=" in doc and "--rules-dir" in doc


def test_notation_todo_lists_the_unchecked_rules():
    todo = (ROOT / "docs" / "rules-notation-todo.md").read_text(encoding="utf-8")
    for name in NOTATION_TODO:
        assert f"rules/{name}.tex" in todo, name

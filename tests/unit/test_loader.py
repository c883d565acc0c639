"""Loader: finding the function and mapping the equation's inputs to its parameters."""

from __future__ import annotations

import textwrap

import pytest
from unit_support import lower

from eq2code.code.loader import ONES, PythonSyntaxError, find_function, map_arguments, param_aliases, read_module

ATTN = lower(r"\text{Attention}(Q, K, V) = \mathrm{softmax}\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V" "\n\n"
             r"Q \in \mathbb{R}^{n \times d_k},\quad K \in \mathbb{R}^{m \times d_k},\quad "
             r"V \in \mathbb{R}^{m \times d_v}")


def module(code: str):
    return read_module("impl.py", textwrap.dedent(code))


def test_functions_with_parameters_and_tags():
    m = module('''
        import numpy as np

        # eq2code: rule=attention
        def attn(q, k, v, *rest, scale=None, **kw):
            return q

        def _helper(x):
            return x
        ''')
    f = m.functions[0]
    assert [(p.name, p.has_default, p.kind) for p in f.params] == [
        ("q", False, "positional"), ("k", False, "positional"), ("v", False, "positional"),
        ("scale", True, "keyword"), ("rest", True, "var")]  # **kw takes no input: not listed
    assert f.tags == {"rule": "attention"} and f.def_line == 4
    assert f.range.start.line == 4


def test_syntax_error_has_a_range():
    with pytest.raises(PythonSyntaxError) as info:
        module("def f(:\n    pass\n")
    assert info.value.range.start.line == 0


@pytest.mark.parametrize("code,wanted,rule,expected", [
    ("def attention(Q, K, V): pass\ndef other(a): pass\n", None, None, "attention"),  # the equation's name
    ("def a(Q, K, V): pass\ndef b(Q, K, V): pass\n", "b", None, "b"),  # --function
    ("def only(Q, K, V): pass\ndef _private(): pass\n", None, None, "only"),  # the only public one
    ("def a(Q, K, V): pass\n# eq2code: rule=attn\ndef b(Q, K, V): pass\n", None, "attn", "b"),  # the tag
    ("def a(Q, K, V): pass\ndef b(Q, K, V): pass\n", None, None, None),  # ambiguous
])
def test_find_function(code, wanted, rule, expected):
    f, tried = find_function(module(code), ATTN, wanted, rule)
    assert (f.name if f else None) == expected
    assert tried


def test_arguments_by_name_in_any_order():
    f = module("def attention(V, K, Q): pass\n").functions[0]
    m = map_arguments(f, ATTN, {})
    assert m.ok and m.how == {"Q": "Q", "K": "K", "V": "V"}


def test_arguments_by_alias_and_position():
    f = module("def attention(query, keys, values): pass\n").functions[0]
    m = map_arguments(f, ATTN, {})
    assert m.ok and m.how == {"Q": "query", "K": "keys", "V": "values"}


def test_explicit_map_wins_and_sizes_only_by_name():
    f = module("def attention(a, b, c, d_k): pass\n").functions[0]
    m = map_arguments(f, ATTN, {"Q": "c", "V": "a"})
    assert m.how["Q"] == "c" and m.how["V"] == "a" and m.how["K"] == "b" and m.how["d_k"] == "d_k"


def test_missing_and_extra_parameters():
    f = module("def attention(Q, K): pass\n").functions[0]
    m = map_arguments(f, ATTN, {})
    assert not m.ok and [s.name for s in m.unmapped_inputs] == ["V"]
    f = module("def attention(Q, K, V, extra): pass\n").functions[0]
    m = map_arguments(f, ATTN, {})
    assert not m.ok and m.unmapped_params == ["extra"]


def test_conventional_parameters_are_inferred():
    f = module("def attention(Q, K, V, mask): pass\n").functions[0]
    m = map_arguments(f, ATTN, {})
    assert m.ok and m.inferred == {"mask": ONES} and "inferred-parameter" in m.conventions


def test_params_metadata_aliases():
    assert param_aliases("g:grad|gradient, alpha:lr|eta,alpha:step") == {
        "g": ("grad", "gradient"), "alpha": ("lr", "eta", "step")}
    assert param_aliases("nonsense, :x, y:") == {}


MOMENTUM = lower(r"v_{n+1} = \alpha v_n - \eta g_n" "\n\n"
                 r"v_n, g_n \in \mathbb{R}^{d},\quad \alpha \in (0, 1),\quad \eta \in \mathbb{R}_{>0}")


def test_eta_claims_the_learning_rate_before_alpha():
    """v ← αv − η∇L (ゼロから作る): η is `lr`, α takes `momentum`; alone, α still takes `lr`."""
    f = module("def momentum(v, g, lr=0.01, momentum=0.9): pass\n").functions[0]
    found = map_arguments(f, MOMENTUM, {})
    assert found.how["eta"] == "lr" and found.how["alpha"] == "momentum"
    adam = lower(r"\theta_{t} = \theta_{t-1} - \alpha m_t" "\n\n"
                 r"\theta_{t-1}, m_t \in \mathbb{R}^{d},\quad \alpha \in \mathbb{R}_{>0}")
    f = module("def step(theta, m, lr): pass\n").functions[0]
    assert map_arguments(f, adam, {}).how["alpha"] == "lr"


def test_greek_letters_with_subscripts_as_code_spells_them():
    """α_1 → a1 (scipy's Beta(a, b)), Λ_a → prec_a, λ → lam (a Python keyword)."""
    eq = lower(r"y = \alpha_1 + \beta_2 + \lambda" "\n\n"
               r"\alpha_1, \beta_2, \lambda \in \mathbb{R}")
    f = module("def f(b2, lam, a1): pass\n").functions[0]
    found = map_arguments(f, eq, {})
    assert found.how == {"alpha_1": "a1", "beta_2": "b2", "lambda": "lam"} and found.ok
    prec = lower(r"\Lambda_c = \Lambda_a + \Lambda_b" "\n\n" r"\Lambda_a, \Lambda_b \in \mathbb{R}^{n \times n}")
    f = module("def f(prec_b, prec_a): pass\n").functions[0]
    assert map_arguments(f, prec, {}).how == {"Lambda_a": "prec_a", "Lambda_b": "prec_b"}


def test_numbered_scalars_as_one_vector_parameter():
    eq = lower(r"y = 2x_1 + 3x_2 + 4x_3" "\n\n" r"x_1, x_2, x_3 \in \mathbb{R}")
    found = map_arguments(module("def f(x): pass\n").functions[0], eq, {})
    assert found.ok and found.packed == {"x": ["x_1", "x_2", "x_3"]} and "entries-as-vector" in found.conventions
    # the code's own names win; a gap in the numbers is no vector
    found = map_arguments(module("def f(x_1, x_2, x_3): pass\n").functions[0], eq, {})
    assert not found.packed and found.ok
    gap = lower(r"y = x_1 + x_3" "\n\n" r"x_1, x_3 \in \mathbb{R}")
    assert not map_arguments(module("def f(x): pass\n").functions[0], gap, {}).packed

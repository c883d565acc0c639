"""Inputs (seeded trials): reproducible, distinct sizes, values drawn from the declared spaces."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unit_support import lower

from eq2code.equation.model import InputSpec, Space
from eq2code.reference.inputs import code_value, draw, make_trials

CE = lower(r"H = -\sum_{k=1}^{K} y_k \log p_k" "\n\n"
           r"\mathbf{y} \in \{\mathbf{e}_1, \ldots, \mathbf{e}_K\},\quad \mathbf{p} \in \Delta^{K-1}")
ATTN = lower(r"S = \mathrm{softmax}\left(\frac{Q K^\top}{\sqrt{d}}\right)" "\n\n"
             r"Q \in \mathbb{R}^{n \times d},\quad K \in \mathbb{R}^{m \times d}")
TOKENS = lower(r"L = -\frac{1}{T}\sum_{t=1}^{T} \log P_{t, x_t}" "\n\n"
               r"P \in \mathbb{R}^{T \times V},\quad x_t \in \{1, \ldots, V\}")


def _same(a, b) -> bool:
    return all(np.array_equal(np.asarray(a.values[k]), np.asarray(b.values[k])) for k in a.values) \
        and a.sizes == b.sizes and a.form == b.form


@pytest.mark.parametrize("eq", [CE, ATTN, TOKENS], ids=["ce", "attention", "tokens"])
def test_trials_are_reproducible_from_the_seed(eq):
    first, again = make_trials(eq, seed=7), make_trials(eq, seed=7)
    assert len(first) == len(again) and all(_same(a, b) for a, b in zip(first, again))
    other = make_trials(eq, seed=8)
    assert not all(_same(a, b) for a, b in zip(first, other))


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000))
def test_sizes_are_distinct_and_at_least_two(seed):
    for t in make_trials(ATTN, seed):
        values = [v for k, v in t.sizes.items()]
        assert len(set(values)) == len(values) and min(values) >= 2, t.sizes


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000))
def test_spaces_are_respected(seed):
    for t in make_trials(CE, seed):
        y, p = np.asarray(t.values["y"]), np.asarray(t.values["p"])
        assert y.shape == p.shape and y.shape[-1] == t.sizes["K"]
        assert np.all((y == 0) | (y == 1)) and np.all(y.sum(axis=-1) == 1)  # one-hot rows
        assert np.all(p >= 0) and np.allclose(p.sum(axis=-1), 1.0)  # simplex rows


def test_categorical_values_stay_in_range_and_count_from_zero_in_code():
    spec = next(s for s in TOKENS.inputs if s.name == "x")
    for t in make_trials(TOKENS, 3):
        v = np.asarray(t.values["x"])
        assert v.min() >= 1 and v.max() <= t.sizes["V"]
        c = code_value(spec, t.values["x"])
        assert np.asarray(c).dtype.kind == "i" and np.asarray(c).min() >= 0


def test_a_batched_trial_adds_leading_axes():
    batched = [t for t in make_trials(ATTN, 0) if t.form == "batched"]
    assert len(batched) == 1
    t = batched[0]
    assert t.batch and np.asarray(t.values["Q"]).shape[:len(t.batch)] == t.batch


@pytest.mark.parametrize("space,check", [
    (Space("positive"), lambda v: np.all(v > 0)),
    (Space("interval", 0.0, 1.0, (False, False)), lambda v: np.all((v > 0) & (v < 1))),
    (Space("binary", 0.0, 1.0), lambda v: set(np.unique(v)) <= {0.0, 1.0}),
    (Space("simplex"), lambda v: np.allclose(v.sum(axis=-1), 1) and np.all(v >= 0)),
    (Space("onehot"), lambda v: np.all(v.sum(axis=-1) == 1)),
])
def test_draw_respects_each_space(space, check):
    spec = InputSpec("v", "v", ("n", "k"), space)
    v = np.asarray(draw(spec, (3, 4), {"n": 3, "k": 4}, np.random.default_rng(0)))
    assert v.shape == (3, 4) and check(v)


def test_positive_scalar_parameters_never_share_a_value():
    """σ²/D = 1 in every trial hid a log2-for-ln mistake inside log(σ²/D)."""
    eq = lower(r"R(D) = \max\left(0, \frac{1}{2} \log \frac{\sigma^2}{D}\right)" "\n\n"
               r"\sigma^2 \in \mathbb{R}_{>0}, \quad D \in \mathbb{R}_{>0}")
    for t in make_trials(eq, 0):
        if t.form == "core":
            assert t.values["sigma_2"] != t.values["D"], t.values


def test_categories_used_as_numbers_are_passed_as_they_are():
    """d ∈ {1,…,8}^3 in ∏ d_i is a count, not a position: code gets 1…8, not 0…7."""
    eq = lower(r"b = n \cdot \left(\prod d_i\right)^{-1}" "\n\n"
               r"n \in \mathbb{R}_{>0}, \quad d \in \{1, \ldots, 8\}^{3}")
    spec = next(s for s in eq.inputs if s.name == "d")
    assert not spec.one_based
    for t in make_trials(eq, 0):
        v = np.asarray(t.values["d"])
        assert v.min() >= 1 and v.max() <= 8
    positions = next(s for s in TOKENS.inputs if s.name == "x")
    assert positions.one_based


def test_a_batch_stacks_the_data_not_the_shared_weights():
    """X W: X carries the batch, W (the right factor of a product of inputs) does not; Q K^T: both do."""
    eq = lower(r"Y = X W" "\n\n" r"X \in \mathbb{R}^{n \times d},\quad W \in \mathbb{R}^{d \times k}")
    batched = next(t for t in make_trials(eq, seed=0) if t.form == "batched")
    assert batched.batched == ("X",)
    affine = lower(r"Y = X W + b" "\n\n"
                   r"X \in \mathbb{R}^{n \times d},\quad W \in \mathbb{R}^{d \times k},\quad b \in \mathbb{R}^{k}")
    assert next(t for t in make_trials(affine, seed=0) if t.form == "batched").batched == ("X",)
    both = next(t for t in make_trials(ATTN, seed=0) if t.form == "batched")
    assert set(both.batched) == {"Q", "K"}


def test_no_batched_form_when_nothing_can_carry_a_batch():
    eq = lower(r"a = a_1 + a_2 - 1" "\n\n" r"a_1, a_2 \in \mathbb{R}_{>0}")
    assert not any(t.form == "batched" for t in make_trials(eq, seed=0))

"""The trial cache (reference/trial_cache.py) gives back exactly what drawing and evaluating give:
the same types, dtypes, shapes and bits, for every shipped rule; a forged entry, another seed
or `EQ2CODE_NO_CACHE` never give a stored entry."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from eq2code.checking import prepare
from eq2code.equation.cache import load_equation
from eq2code.equation.rulebook import list_rules
from eq2code.reference import trial_cache
from eq2code.reference.evaluate import EvaluationError
from eq2code.reference.inputs import make_trials


def same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes() and b.flags.writeable
    if isinstance(a, np.generic):
        return a.dtype == b.dtype and a.tobytes() == b.tobytes()
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return a.hex() == b.hex()
    return a == b


def drawn(eq, seed):
    trials = make_trials(eq, seed)
    return trials, [prepare.reference_value(eq, t) for t in trials]


def checkable():
    for rule in list_rules():
        for eq in load_equation(str(rule.path)).equations:
            if eq.checkable:
                yield rule.name, eq


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("EQ2CODE_NO_CACHE", raising=False)
    monkeypatch.setenv("EQ2CODE_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_what_comes_back_is_what_was_drawn(cache):
    stored = 0
    for name, eq in checkable():
        for seed in (0, 3):
            try:
                trials, expected = drawn(eq, seed)
            except EvaluationError:
                continue
            assert trial_cache.load(eq, seed) is None, name
            trial_cache.store(eq, seed, trials, expected)
            back = trial_cache.load(eq, seed)
            assert back is not None, name
            stored += 1
            got_trials, got_expected = back
            assert len(got_trials) == len(trials), name
            for t, g in zip(trials, got_trials):
                for f in dataclasses.fields(t):
                    assert same(getattr(t, f.name), getattr(g, f.name)), (name, seed, f.name)
            assert same(expected, got_expected), (name, seed)
    assert stored >= 20


def test_a_forged_entry_another_seed_or_no_cache_give_nothing(cache, monkeypatch):
    _name, eq = next(checkable())
    trials, expected = drawn(eq, 0)
    trial_cache.store(eq, 0, trials, expected)
    assert trial_cache.load(eq, 1) is None
    [entry] = list((cache / trial_cache.FOLDER).glob("*.json"))
    blob = entry.read_bytes()
    at = blob.index(b'"d":"') + 5  # the first byte of an array's data: another value, same size
    entry.write_bytes(blob[:at] + (b"B" if blob[at:at + 1] != b"B" else b"C") + blob[at + 1:])
    assert trial_cache.load(eq, 0) is None
    trial_cache.store(eq, 0, trials, expected)
    assert trial_cache.load(eq, 0) is not None
    monkeypatch.setenv("EQ2CODE_NO_CACHE", "1")
    assert trial_cache.load(eq, 0) is None


def test_a_value_it_cannot_write_back_exactly_is_not_kept(cache):
    _name, eq = next(checkable())
    trials, expected = drawn(eq, 0)
    trials[0].values["odd"] = object()
    trial_cache.store(eq, 0, trials, expected)
    assert trial_cache.load(eq, 0) is None

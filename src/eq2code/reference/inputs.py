"""Input generation (spec §2): seeded trials drawn from each symbol's space.

Every size symbol gets a distinct value ≥ 2 in each trial (so transposes and axes cannot
hide), trials use different sizes, values sit where every term matters, and scalar
parameters stay away from their neutral value (a temperature of 1 hides temperature
mistakes). Values are the equation's (1-based categories); `code_value` gives what the
function receives (0-based).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from eq2code.equation.model import Equation, InputSpec

SIZE_POOLS = ([2, 3, 4, 5, 6, 7], [3, 4, 5, 6, 7, 8], [4, 5, 7, 9, 11, 13])
PARAMETER_VALUES = (0.5, 2.0, 1.7)  # trial k's first parameter: away from the neutral 1 and from each other
# The j-th positive scalar of trial k takes PARAMETER_POOL[(k + j) % len]: two parameters never
# share a value (σ²/D = 1 would hide every mistake inside log(σ²/D)), and trial k's first one is
# PARAMETER_VALUES[k].
PARAMETER_POOL = (0.5, 2.0, 1.7, 0.3, 3.1, 0.7, 2.6)
BATCH = (2,)


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Trial:
    """One set of inputs the code is called with: sizes, values, form (core/batched/stress)."""

    label: str  # "ordinary", "parameter", "batched"
    form: str  # "core" | "batched"
    sizes: dict[str, int]
    values: dict[str, Any]  # by InputSpec.name, in the equation's terms
    batch: tuple[int, ...] = ()
    batched: tuple[str, ...] = ()  # inputs that carry the leading batch axes


def size_names(eq: Equation) -> list[str]:
    names: list[str] = []
    for spec in _drawn(eq):
        dims = list(spec.shape)
        if spec.role == "size":
            dims.append(spec.sympy_name)
        if spec.space.size is not None:
            dims.append(spec.space.size)
        for d in dims:
            for part in (size_parts(d) if isinstance(d, str) else []):  # h*d_v, N+1: the sizes named
                if part not in names:
                    names.append(part)
    for _, _, hi in eq.free_indices:  # hi is a plan: ["size", "K"] or ["num", 3.0]
        if isinstance(hi, list) and len(hi) == 2 and hi[0] == "size" and isinstance(hi[1], str) \
                and hi[1] not in names:
            names.append(hi[1])
    return names


def _assign_sizes(names: list[str], pool: list[int], rng: np.random.Generator,
                  smallest: bool = False) -> dict[str, int]:
    """Distinct sizes from `pool` in a seeded order; `smallest` takes the pool's first values
    (the first trial stays small, so counterexamples are easy to read)."""
    chosen = list(rng.permutation(pool[: len(names)] if smallest else pool))[: len(names)]
    while len(chosen) < len(names):
        chosen.append(max(chosen) + 1 if chosen else 3)
    return {n: int(v) for n, v in zip(names, chosen)}


_TERM = re.compile(r"([+-]?)([^+-]+)")


def size_parts(d: str) -> list[str]:
    """The size names of a dimension: 'h*d_v' → h, d_v; 'N+1' → N."""
    return [p for p in re.split(r"[*+-]", d.replace(" ", "")) if p and not p.isdigit()]


def size_value(d: object, sizes: dict[str, int]) -> int:
    """A dimension's value: an int, a size name, a product of sizes ('h*d_v'), or a size plus or
    minus a number ('N+1')."""
    if isinstance(d, int):
        return d
    total = 0
    for sign, term in _TERM.findall(str(d).replace(" ", "")):
        out = 1
        for part in term.split("*"):
            out *= int(part) if part.isdigit() else sizes[part]
        total += -out if sign == "-" else out
    return total


def _shape(spec: InputSpec, sizes: dict[str, int]) -> tuple[int, ...]:
    return tuple(size_value(d, sizes) for d in spec.shape)


def draw(spec: InputSpec, shape: tuple[int, ...], sizes: dict[str, int], rng: np.random.Generator,
         parameter: float | None = None) -> Any:
    """Values for one input from its space."""
    kind = spec.space.kind
    if spec.role == "size":
        return sizes[spec.sympy_name]
    if kind == "real":
        return rng.normal(0.0, 1.5, size=shape) if shape else float(rng.normal(0.0, 1.5))
    if kind in ("positive", "nonnegative"):
        if not shape and parameter is not None:
            return parameter
        return rng.uniform(0.3, 3.0, size=shape) if shape else float(rng.uniform(0.3, 3.0))
    if kind == "interval":
        lo = spec.space.low if spec.space.low is not None else -3.0
        hi = spec.space.high if spec.space.high is not None else lo + 6.0
        pad = (hi - lo) * 0.05
        return rng.uniform(lo + pad, hi - pad, size=shape) if shape else float(rng.uniform(lo + pad, hi - pad))
    if kind == "simplex":
        if not shape:
            return 1.0
        return rng.dirichlet(np.ones(shape[-1]), size=shape[:-1]) if len(shape) > 1 else rng.dirichlet(
            np.ones(shape[-1]))
    if kind == "binary":
        values = rng.integers(0, 2, size=shape).astype(float)
        if values.size >= 2:
            flat = values.reshape(-1)
            flat[0], flat[-1] = 0.0, 1.0
        return values if shape else float(values)
    if kind == "sign":
        values = rng.choice([-1.0, 1.0], size=shape)
        if values.size >= 2:
            flat = values.reshape(-1)
            flat[0], flat[-1] = -1.0, 1.0
        return values if shape else float(values)
    if kind == "onehot":
        k = shape[-1]
        hot = rng.integers(0, k, size=shape[:-1])
        return np.eye(k)[hot]
    if kind == "categorical":
        size = spec.space.size
        high = size if isinstance(size, int) else _size_value(str(size), sizes) if size is not None else 5
        low = int(spec.space.low or 1)
        return rng.integers(low, high + 1, size=shape).astype(float) if shape else float(rng.integers(low, high + 1))
    if kind in ("symmetric", "psd", "spd") and len(shape) >= 2:
        return _symmetric(kind, shape, rng)
    if kind == "integer":
        return rng.integers(1, 6, size=shape).astype(float) if shape else float(rng.integers(1, 6))
    return rng.normal(size=shape) if shape else float(rng.normal())


def _size_value(size: str, sizes: dict[str, int]) -> int:
    """The value of a size as a space writes it: `C`, or `C-1` of {0, …, C−1} (5 when unknown)."""
    m = re.fullmatch(r"(.+?)([+-])(\d+)", size)
    if m is None or m.group(1) not in sizes:
        return sizes.get(size, 5)
    return sizes[m.group(1)] + (int(m.group(3)) if m.group(2) == "+" else -int(m.group(3)))


def _symmetric(kind: str, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    """Symmetric matrices; positive (semi)definite ones as A Aᵀ/d (+ I/2 for definite: well
    conditioned, so an inverse or a square root is accurate)."""
    a = rng.normal(0.0, 1.0, size=shape)
    if kind == "symmetric":
        return (a + np.swapaxes(a, -1, -2)) / 2.0
    d = shape[-1]
    out = a @ np.swapaxes(a, -1, -2) / d
    if kind == "spd":
        out = out + np.eye(d) / 2.0
    return out


def code_value(spec: InputSpec, value: Any) -> Any:
    """What the function receives: categories count from 0 in code."""
    if spec.one_based:
        return (np.asarray(value) - 1).astype(np.int64) if np.ndim(value) else int(value) - 1
    if spec.space.kind == "onehot" and np.ndim(value):
        return np.asarray(value, dtype=float)
    if spec.space.kind == "binary" and np.ndim(value):  # 0/1 labels: integers, usable as indices too
        return np.asarray(value, dtype=np.int64)
    if spec.space.kind == "categorical":  # a class index c ∈ {0, …, C−1}: a whole number, usable as an index
        return np.asarray(value).astype(np.int64) if np.ndim(value) else int(value)
    return value


def make_trials(eq: Equation, seed: int = 0) -> list[Trial]:
    """Ordinary trials with distinct sizes, one with scalar parameters off-neutral, one batched."""
    rng = np.random.default_rng(seed)
    names = size_names(eq)
    trials = []
    for k, pool in enumerate(SIZE_POOLS):
        sizes = _assign_sizes(names, pool, rng, smallest=k == 0)
        values = {s.name: draw(s, _shape(s, sizes), sizes, rng, _parameter(eq, s, k)) for s in _drawn(eq)}
        for s in eq.inputs:  # a scalar label y ∈ {-1, 1} or {0, 1}: both values across the trials (both cases)
            if not s.shape and s.role != "size" and s.space.kind in ("sign", "binary"):
                values[s.name] = float(k % 2) if s.space.kind == "binary" else float(2 * (k % 2) - 1)
        trials.append(Trial("ordinary" if k < 2 else "parameter", "core", sizes, values))
    if any(s.role == "array" or s.role == "scalar" for s in eq.inputs):
        sizes = _assign_sizes(names, SIZE_POOLS[0], rng)
        values, batched = {}, []
        weights = shared_weights(eq)
        for s in _drawn(eq):
            if s.role == "size":
                values[s.name] = sizes[s.sympy_name]
            elif (s.role == "array" and s.name not in weights) or (s.role == "scalar" and _batchable_scalar(eq, s)):
                values[s.name] = draw(s, BATCH + _shape(s, sizes), sizes, rng, None)
                batched.append(s.name)
            else:
                values[s.name] = draw(s, _shape(s, sizes), sizes, rng, _parameter(eq, s, 1))
        if batched:  # positive scalars only (α₁ + α₂ − 1): nothing carries a batch, no batched form
            trials.append(Trial("batched", "batched", sizes, values, batch=BATCH, batched=tuple(batched)))
    trials.extend(_branch_trials(eq, trials[0]))
    trials.extend(_stress_trials(eq, trials[0], rng))
    if trials[-1].form == "stress" and any(t.form == "batched" for t in trials):
        batch_trial = next(t for t in trials if t.form == "batched")
        trials.extend(t for t in _stress_trials(eq, batch_trial, rng) if t.label == "large")  # code only for batches
    return trials


def _branch_trials(eq: Equation, base: Trial) -> list[Trial]:
    """max(0, m − ‖a − b‖), max(0, 1 − y f): a hinge whose inner side the drawn values never
    reach (a margin m ~ N(0, 1.5) below distances of several units) hides every mistake made
    there. One more trial for equations with max/min: real scalars large and positive (3 + 3|v|),
    real arrays small (v/10), so the other side of each hinge is taken too."""
    ops = _plan_ops(eq.plans[0] if eq.plans else [])
    if not ops & {"max", "min"}:
        return []
    reals = [s for s in eq.inputs if s.space.kind == "real" and s.role in ("array", "scalar")]
    if not reals:
        return []
    values = dict(base.values)
    for s in reals:
        v = np.asarray(base.values[s.name], dtype=float)
        values[s.name] = v / 10.0 if s.role == "array" else float(3.0 + 3.0 * abs(float(v)))
    return [Trial("branches", "core", base.sizes, values)]


def _drawn(eq: Equation) -> list[InputSpec]:
    """The inputs, then the extras a function may take by name (their sizes must be drawn too)."""
    return list(eq.inputs) + list(eq.extras)


def _parameter(eq: Equation, spec: InputSpec, trial: int) -> float:
    """The value of a positive scalar parameter in trial `trial`: distinct per parameter."""
    scalars = [s.name for s in _drawn(eq) if s.role != "size" and not s.shape]
    j = scalars.index(spec.name) if spec.name in scalars else 0
    return PARAMETER_POOL[(trial + j) % len(PARAMETER_POOL)]


def _stress_trials(eq: Equation, base: Trial, rng: np.random.Generator) -> list[Trial]:
    """Stress profiles (spec §2): large-magnitude reals; exact zeros on the simplex boundary."""
    out = []
    reals = [s for s in eq.inputs if s.space.kind == "real" and (s.role == "array" or _batchable_scalar(eq, s))]
    if reals:
        values = dict(base.values)
        for s in reals:  # scaled so the largest entry is ±1000: far past exp's float64 range
            v = np.asarray(base.values[s.name], dtype=float)
            peak = float(np.max(np.abs(v))) if v.size else 0.0
            values[s.name] = v * (1000.0 / peak) if peak > 0 else v + 1000.0
        out.append(Trial("large", "stress", base.sizes, values, batch=base.batch, batched=base.batched))
        if not base.batch:
            out.extend(_exp_stress(eq, base, reals))
    simplex = [s for s in eq.inputs if s.role == "array" and s.space.kind == "simplex"]
    if simplex:
        values = dict(base.values)
        for s in simplex:
            values[s.name] = _with_zeros(np.asarray(base.values[s.name]), rng)
        out.append(Trial("zero", "stress", base.sizes, values))
    return out


def _with_zeros(p: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Half of each distribution's entries set to exactly 0 (at least one kept), renormalised."""
    q = np.array(p, dtype=float)
    flat = q.reshape(-1, q.shape[-1])
    for row in flat:
        k = row.size
        zero = rng.permutation(k)[: max(1, k // 2)] if k > 1 else np.zeros(0, dtype=int)
        row[zero] = 0.0
        row /= row.sum()
    return flat.reshape(q.shape)


def _batchable_scalar(eq: Equation, spec: InputSpec) -> bool:
    """A scalar is batched only when it is the equation's only kind of input (σ(x) on arrays)."""
    return all(s.role != "array" for s in eq.inputs) and spec.space.kind in ("real", "interval")


def shared_weights(eq: Equation) -> set[str]:
    """Matrices used only as the right factor of a product whose left factor is another input
    (z W_Q, c W_V, X W), and the bias row added to such a product (X W + b): the parameters of a
    linear map, shared by every item of a batch — a batch stacks the data, not the weights
    (`np.dot(x, W) + b` of a batch of x is the textbook's Affine layer)."""
    matrices = {s.name for s in eq.inputs if s.role == "array" and len(s.shape) == 2}
    vectors = {s.name for s in eq.inputs if s.role == "array" and len(s.shape) == 1}
    right: set[str] = set()
    rows: set[str] = set()  # vectors the weights multiply as rows (x of x W): data, so the matrices are weights
    bias: set[str] = set()
    elsewhere: set[str] = set()

    def walk(plan: Any, as_right: bool = False) -> None:
        if not isinstance(plan, list) or not plan:
            return
        if not isinstance(plan[0], str):  # a list of operands
            for part in plan:
                walk(part, as_right)
            return
        if plan[0] == "msym" and len(plan) > 1 and isinstance(plan[1], str):
            (right if as_right else elsewhere).add(plan[1])
            return
        if plan[0] == "outer" and len(plan) == 3 and isinstance(plan[2], list) and plan[2][:1] == ["transpose"] \
                and isinstance(plan[2][1], list) and plan[2][1][:1] == ["msym"]:
            bias.add(plan[2][1][1])  # X W + b: the bias row, one b added to every row
            walk(plan[1])
            return
        if plan[0] == "matmul" and len(plan) > 1 and isinstance(plan[1], list):
            factors = [f[1] if isinstance(f, list) and len(f) == 2 and isinstance(f[0], bool) else f
                       for f in plan[1]]
            first_is_input = bool(factors) and isinstance(factors[0], list) and factors[0][:1] == ["msym"]
            if len(factors) == 2 and isinstance(factors[0], list) and factors[0][:1] == ["transpose"] \
                    and isinstance(factors[0][1], list) and factors[0][1][:1] == ["msym"] \
                    and isinstance(factors[1], list) and factors[1][:1] == ["msym"]:
                # W^⊤ x (x W with x a vector, read as a row): W is the right factor of the row x^⊤W
                right.add(factors[0][1][1])
                rows.add(factors[1][1])
                walk(factors[1])
                return
            for k, factor in enumerate(factors):
                walk(factor, as_right=k > 0 and first_is_input)
            return
        for part in plan[1:]:
            walk(part)

    for plan in eq.plans:
        walk(plan)
    weights = (right - elsewhere) & matrices
    if not weights or (weights == matrices and not rows & vectors):
        return set()
    return weights | ((bias - elsewhere - right) & vectors)  # the bias of a shared linear map is shared too


def _plan_ops(plan: Any) -> set[str]:
    if not isinstance(plan, list):
        return set()
    out = {plan[0]} if plan and isinstance(plan[0], str) else set()
    if plan[:1] == ["fn"] and len(plan) > 1:
        out.add(plan[1])
    for p in plan:
        out |= _plan_ops(p)
    return out


def _exp_stress(eq: Equation, base: Trial, reals: list[InputSpec]) -> list[Trial]:
    """For softmax-like and log-sum-exp-like equations (an exp normalised or summed): large
    positive logits (a missing shift overflows), and a batch whose rows differ in scale (a
    shift by the batch's global maximum instead of each row's underflows the small row)."""
    ops = _plan_ops(eq.plans[0] if eq.plans else [])
    vectors = [s for s in reals if s.role == "array"]
    if not vectors or not ("softmax" in ops or {"exp", "sum"} <= ops):
        return []
    out = []
    values = dict(base.values)
    for s in vectors:
        values[s.name] = np.asarray(base.values[s.name], dtype=float) + 1000.0
    out.append(Trial("large", "stress", base.sizes, values))
    values, batched = dict(base.values), []
    for s in vectors:
        v = np.asarray(base.values[s.name], dtype=float)
        values[s.name] = np.stack([v, v + 800.0])  # row 1 far above row 0
        batched.append(s.name)
    out.append(Trial("rows", "stress", base.sizes, values, batch=BATCH, batched=tuple(batched)))
    return out

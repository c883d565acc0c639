"""Other representations of an equation's input that real code takes (issue 13).

The equation says `y` is a one-hot vector, `ŷ` a probability vector, `σ` a standard deviation;
much correct code takes the same information in another form: the class index `t` instead of
the one-hot vector, the logits (scores) instead of the probabilities, the log-variance
`logvar` instead of `σ`. A representation here is a conversion of the equation's value into that
form. The checker tries one only when the function fails as mapped, and keeps it only when the
function then reproduces the equation on every trial (`checking/check.py`); the pass carries a
`convention-assumed` note that says which representation was assumed.

Evidence must not make a wrong function right: logits are handed over with a different constant
added to each row (`log ŷ + c`), so code that ignores the log-softmax (`-Σ y·z`) does not match,
while a correct softmax-based function, which cannot see the constant, does. Representations of
a scale (log-variance, variance, log-std) are tried only when the parameter's name says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from eq2code.equation.model import InputSpec

# Names that claim the equation's own representation (probabilities): never read as logits.
PROBABILITY_NAMES = frozenset({"p", "prob", "probs", "probas", "probabilities", "proba", "y_hat", "yhat",
                               "y_pred", "ypred", "pred", "preds", "predictions", "q", "pi", "softmax"})
LOG_VARIANCE = frozenset({"logvar", "log_var", "log_variance", "logvariance", "log_sigma2", "log_sigma_sq",
                          "logsigma2", "log_sigma_squared", "lv"})
LOG_STD = frozenset({"log_sigma", "logsigma", "log_std", "logstd", "log_scale", "logscale", "log_sd"})
VARIANCE = frozenset({"var", "variance", "sigma2", "sigma_sq", "sigma_squared", "sigmasq", "s2", "sq_sigma"})
STD = frozenset({"std", "sigma", "stddev", "std_dev", "sd", "scale", "s"})
# A parameter with a default that switches the function itself between representations
# (`is_one_hot=False`, `from_logits=False`): the function says how to give it the equation's own
# form, so that representation is not assumed (the switch's other branch would go unchecked).
SWITCHES = {"class-index": ("one_hot", "onehot"), "logits": ("from_logits", "use_logits"),
            "log-variance": ("logvar", "log_var"), "log-std": ("log_std", "log_sigma")}
LOGIT_SHIFT = 3.7  # added to every row's log-probabilities; rows differ by a further 1.3 each


@dataclass(frozen=True)
class Representation:
    """One form of an input's value: `fits(spec, param)` says whether the function's parameter
    may take it, `convert(value)` makes it from the equation's value, `formula` shows it in
    notes as math (`{param}` and `{symbol}` filled in; words come from the convention key
    `representation-<key>` of findings/messages.py)."""

    key: str
    fits: Callable[[InputSpec, str], bool]
    convert: Callable[[Any, InputSpec], Any]
    formula: str


def _norm(name: str) -> str:
    return re.sub(r"_+$", "", name.lower())


def _is_variance(spec: InputSpec) -> bool:
    """Is the equation's input a variance (σ², var) rather than a standard deviation (σ)?"""
    name = _norm(spec.name)
    return name in VARIANCE or name.endswith(("2", "_sq", "squared")) or "^2" in spec.latex.replace(" ", "")


def _positive(spec: InputSpec) -> bool:
    return spec.space.kind == "positive" or (spec.space.low is not None and spec.space.low >= 0
                                             and spec.space.kind == "interval")


def _class_index(value: Any, spec: InputSpec) -> Any:
    return np.argmax(np.asarray(value), axis=-1).astype(np.int64)


def _logits(value: Any, spec: InputSpec) -> Any:
    with np.errstate(divide="ignore"):
        logp = np.log(np.asarray(value, dtype=float))
    if logp.ndim == 0:
        return logp + LOGIT_SHIFT
    rows = np.indices(logp.shape[:-1]).sum(axis=0) if logp.ndim > 1 else np.zeros(())
    return logp + (LOGIT_SHIFT + 1.3 * rows)[..., None]


_FROM_VARIANCE: dict[str, Callable[[Any], Any]] = {
    "log-variance": np.log, "log-std": lambda v: 0.5 * np.log(v), "variance": lambda v: v, "std": np.sqrt}


def _scale(to: str) -> Callable[[Any, InputSpec], Any]:
    def convert(value: Any, spec: InputSpec) -> Any:
        v = np.asarray(value, dtype=float)
        with np.errstate(divide="ignore"):
            out = _FROM_VARIANCE[to](v if _is_variance(spec) else v ** 2)
        return float(out) if np.ndim(value) == 0 else out
    return convert


REPRESENTATIONS: tuple[Representation, ...] = (
    Representation("class-index", lambda s, p: s.space.kind == "onehot" and len(s.shape) >= 1,
                   _class_index, "{param} = argmax({symbol})"),
    Representation("logits", lambda s, p: s.space.kind == "simplex" and _norm(p) not in PROBABILITY_NAMES,
                   _logits, "{param} = log({symbol}) + c"),
    Representation("log-variance", lambda s, p: _positive(s) and _norm(p) in LOG_VARIANCE,
                   _scale("log-variance"), "{param} = log({var})"),
    Representation("log-std", lambda s, p: _positive(s) and _norm(p) in LOG_STD,
                   _scale("log-std"), "{param} = log({std})"),
    Representation("variance", lambda s, p: _positive(s) and not _is_variance(s) and _norm(p) in VARIANCE,
                   _scale("variance"), "{param} = {var}"),
    Representation("std", lambda s, p: _positive(s) and _is_variance(s) and _norm(p) in STD,
                   _scale("std"), "{param} = {std}"),
)
BY_KEY = {r.key: r for r in REPRESENTATIONS}


def fitting(spec: InputSpec, param: str) -> list[Representation]:
    """The representations parameter `param` may take of input `spec`."""
    return [r for r in REPRESENTATIONS if r.fits(spec, param)]


def switched(key: str, defaulted: list[str]) -> bool:
    """Does one of the function's defaulted parameters switch it to or from this representation?"""
    words = SWITCHES.get(key, ())
    return any(word in _norm(name) for name in defaulted for word in words)


def convert(key: str, value: Any, spec: InputSpec) -> Any:
    """`value` (as the code would receive it in the equation's own form) in representation `key`."""
    return BY_KEY[key].convert(value, spec)


def formula(key: str, param: str, spec: InputSpec) -> str:
    """The representation as math: `t = argmax(y)`, `logvar = log(sigma²)`."""
    variance = spec.name if _is_variance(spec) else f"{spec.name}²"
    std = f"√{spec.name}" if _is_variance(spec) else spec.name
    return BY_KEY[key].formula.format(param=param, symbol=spec.name, var=variance, std=std)

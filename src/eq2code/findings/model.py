"""Findings: the stable catalogue of what eq2code can report, and the Finding record.

Every finding kind has a stable code (EQnnn), a kebab-case name and a default severity.
A Finding carries a message *key* (its name) and parameters; the words are rendered per
language by `messages.py`, so English and Japanese stay in step.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from eq2code.base.span import Range


class Severity(IntEnum):
    """LSP's numbering."""

    ERROR = 1
    WARNING = 2
    INFO = 3
    HINT = 4

    @property
    def label(self) -> str:
        return {1: "error", 2: "warning", 3: "info", 4: "hint"}[int(self)]


@dataclass(frozen=True)
class Kind:
    code: str
    name: str
    severity: Severity
    group: str


def _kinds(group: str, severity: Severity, start: int, names: str) -> list[Kind]:
    return [Kind(f"EQ{start + i:03d}", n, severity, group) for i, n in enumerate(names.split())]


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741 - one letter a column in the table

# Codes are stable: append new names at the end of a group, never renumber.
KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        _kinds("input", E, 1, "latex-syntax unsupported-notation")
        + [Kind("EQ003", "not-checkable", I, "input")]
        + _kinds("input", E, 4, "python-syntax function-not-found argument-mapping")
        + [Kind("EQ007", "equation-file", E, "input")]
        + _kinds("execution", E, 101,
                 "exception timeout resource-limit crashed wrong-type no-return nonfinite-output")
        + _kinds("result", E, 201, "wrong-shape numeric-mismatch")
        + _kinds("named", E, 301,
                 "wrong-reduction-axis missing-keepdims missing-scale wrong-scale "
                 "missing-transpose sign-error sum-vs-mean wrong-log-base swapped-arguments "
                 "kl-direction-swapped temperature-inverted off-by-one missing-sqrt missing-abs "
                 "missing-term missing-normalization missing-value-product")
        + _kinds("robustness", W, 401,
                 "unstable-exp log-of-zero batch-inconsistent input-mutated float32-output")
        + _kinds("variant", I, 501, "epsilon-variant equivalent-form convention-assumed")
        + _kinds("structure", I, 601, "missing-operation extra-operation")
        + [Kind("EQ901", "internal-error", E, "tool"), Kind("EQ902", "unused-suppression", W, "tool"),
           Kind("EQ903", "rejects-core-form", I, "result")]
    )
}
# float32 output is information, not a warning (spec §2).
KINDS["float32-output"] = Kind("EQ405", "float32-output", I, "robustness")


def kind(name_or_code: str) -> Kind | None:
    """Look a finding kind up by name or code (case-insensitive)."""
    key = name_or_code.strip()
    if key in KINDS:
        return KINDS[key]
    for k in KINDS.values():
        if k.code.lower() == key.lower():
            return k
    return None


@dataclass(frozen=True)
class Edit:
    range: Range
    new_text: str


@dataclass(frozen=True)
class Fix:
    applicability: str  # "safe" | "unsafe" | "display-only"
    edits: tuple[Edit, ...]
    description_key: str = ""


@dataclass(frozen=True)
class Related:
    path: str
    range: Range
    message: str  # already rendered text (an equation part), language-neutral LaTeX where possible


@dataclass
class Finding:
    """One diagnostic. `name` selects the kind; `params` fill the message templates."""

    name: str
    path: str
    range: Range
    params: dict[str, Any] = field(default_factory=dict)
    related: list[Related] = field(default_factory=list)
    fix: Fix | None = None
    rule: str | None = None  # equation/rule name
    function: str | None = None
    expression: str = ""  # normalised code expression, for the fingerprint
    severity: Severity | None = None  # overrides the kind's default when set

    @property
    def kind(self) -> Kind:
        return KINDS[self.name]

    @property
    def code(self) -> str:
        return self.kind.code

    @property
    def effective_severity(self) -> Severity:
        return self.severity if self.severity is not None else self.kind.severity

    @property
    def fingerprint(self) -> str:
        """Stable across moving code: rule, file, function, name and normalised expression."""
        raw = "\x1f".join([self.name, self.rule or "", self.path.replace("\\", "/").rsplit("/", 1)[-1],
                           self.function or "", " ".join(self.expression.split())])
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    def sort_key(self) -> tuple:
        return (self.path, self.range.start.line, self.range.start.character, self.code)

"""Findings: the stable catalogue of what eq2code can report, and the Finding record.

Every finding kind has a stable code (EQnnn), a kebab-case name and a default severity, all
defined once in `findings/definitions/` (the registry, `registry.py`).
A Finding carries a message *key* (its name) and parameters; the words are rendered per
language by `messages.py`, so English and Japanese stay in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from eq2code.base.lazy import Lazy
from eq2code.base.span import Range
from eq2code.findings.kind import Kind, Severity

__all__ = ["KINDS", "Edit", "Finding", "Fix", "Kind", "Related", "Severity", "kind"]


# Every finding is defined in findings/definitions/<snake_name>.py; codes are stable.
def _kinds() -> dict[str, Kind]:
    from eq2code.findings.registry import kinds

    return kinds()


KINDS: Mapping[str, Kind] = Lazy(_kinds)


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
    """One text replacement of a fix: the range it replaces and the new text."""

    range: Range
    new_text: str


@dataclass(frozen=True)
class Fix:
    """A fix of a finding: its edits, how safely they apply, and the key of its description."""

    applicability: str  # "safe" | "unsafe" | "display-only"
    edits: tuple[Edit, ...]
    description_key: str = ""


@dataclass(frozen=True)
class Related:
    """A place a finding also points to (e.g. the equation part), with its message."""

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
        """Stable across moving code: rule, file, function, name and normalised expression.
        SHA-256 as in every earlier version, so baselines and SARIF results keep matching
        (imported here: only a report that shows fingerprints pays for OpenSSL, base/digest.py)."""
        import hashlib

        raw = "\x1f".join([self.name, self.rule or "", self.path.replace("\\", "/").rsplit("/", 1)[-1],
                           self.function or "", " ".join(self.expression.split())])
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    def sort_key(self) -> tuple:
        return (self.path, self.range.start.line, self.range.start.character, self.code)

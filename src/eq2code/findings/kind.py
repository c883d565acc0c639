"""The two small values every finding has: its `Severity` (LSP's numbering) and its `Kind`
(stable code, kebab-case name, default severity, group). `model.py` re-exports both."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


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
    """A kind of finding: its code (EQ301), name, default severity and group."""

    code: str
    name: str
    severity: Severity
    group: str

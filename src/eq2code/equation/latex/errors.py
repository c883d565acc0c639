"""The one exception type the LaTeX reader raises."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LatexError(Exception):
    """Malformed (`latex-syntax`) or not understood (`unsupported-notation`) LaTeX.

    `offset`/`end` are character offsets into the text that was parsed; the caller maps them
    to file positions.
    """

    kind: str  # "latex-syntax" | "unsupported-notation"
    detail: str
    offset: int
    end: int | None = None
    construct: str = ""

    def __str__(self) -> str:
        return f"{self.kind} at {self.offset}: {self.detail}"

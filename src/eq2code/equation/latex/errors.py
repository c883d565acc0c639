"""The one exception type the LaTeX reader raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
    why: Any = None  # `detail` as a keyed Phrase (findings/phrases.py): what findings show, en/ja

    def __str__(self) -> str:
        return f"{self.kind} at {self.offset}: {self.detail}"


def latex_error(kind: str, why: Any, offset: int, end: int | None = None, construct: str = "") -> LatexError:
    """A LatexError saying `why` (a Phrase): its English text is the `detail`."""
    from eq2code.findings.messages import render_phrase

    return LatexError(kind, render_phrase(why, "en"), offset, end, construct, why)

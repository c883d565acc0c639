"""Source positions: where a finding or an equation part lives in a file.

Lines and columns here are 0-based and count Unicode code points; reporters convert to
1-based (text) or UTF-16 code units (JSON/LSP) at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Position:
    """A 0-based line and column (in code points; reporters convert at the edge)."""

    line: int
    character: int


@dataclass(frozen=True)
class Range:
    """A span of text, from `start` to `end`."""

    start: Position
    end: Position

    @classmethod
    def of(cls, line: int, col: int, end_line: int | None = None, end_col: int | None = None) -> Range:
        return cls(Position(line, col), Position(line if end_line is None else end_line,
                                                  col if end_col is None else end_col))

    @classmethod
    def whole_line(cls, line: int, text: str) -> Range:
        return cls.of(line, 0, line, len(text))


def offset_to_position(text: str, offset: int) -> Position:
    """0-based (line, column) of a character offset in `text`."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return Position(line, offset - start)

"""Source lines for reporters: read each file once per report, and convert column units.

Ranges store 0-based code-point columns; the text reporter needs display columns (a wide
CJK character takes two cells) and the JSON reporter UTF-16 code units.
"""

from __future__ import annotations

from eq2code.base.span import Position, Range

TAB_WIDTH = 4


class SourceLines:
    """Lines of the files a report mentions; a missing or undecodable file has no lines."""

    def __init__(self) -> None:
        self._files: dict[str, list[str] | None] = {}

    def line(self, path: str, number: int) -> str | None:
        """The 0-based line `number` of `path` without its line ending, or None."""
        lines = self._lines(path)
        if lines is None or not 0 <= number < len(lines):
            return None
        return lines[number]

    def _lines(self, path: str) -> list[str] | None:
        if path not in self._files:
            self._files[path] = _read_lines(path)
        return self._files[path]

    def utf16_position(self, path: str, position: Position) -> dict[str, int]:
        """An LSP position: 0-based line and character counted in UTF-16 code units."""
        text = self.line(path, position.line) or ""
        return {"line": position.line, "character": utf16_column(text, position.character)}

    def utf16_range(self, path: str, rng: Range) -> dict[str, dict[str, int]]:
        return {"start": self.utf16_position(path, rng.start),
                "end": self.utf16_position(path, rng.end)}


def _read_lines(path: str) -> list[str] | None:
    if "#cell=" in path:  # a notebook cell (documents.py): its source's lines
        from eq2code.base.cells import cell_source_lines

        return cell_source_lines(path)
    from eq2code.base.files import FileProblem, decode_python, normalise_newlines, read_bytes

    try:
        data = read_bytes(path, "source file")
        text = decode_python(data) if path.endswith(".py") else normalise_newlines(data.decode("utf-8-sig"))
    except (FileProblem, UnicodeDecodeError, SyntaxError, LookupError):
        return None
    return text.split("\n")


def utf16_column(text: str, column: int) -> int:
    """UTF-16 code units before code-point `column` of `text` (past the end: one per column)."""
    before = text[:column]
    return column + sum(1 for ch in before if ord(ch) > 0xFFFF)


def cell_width(ch: str) -> int:
    """Terminal cells a character takes: wide/fullwidth 2, combining 0, tab TAB_WIDTH."""
    if ch == "\t":
        return TAB_WIDTH
    import unicodedata  # here, not at import: a passing check draws no carets under a line

    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(cell_width(ch) for ch in text)


_BIDI_AND_INVISIBLE = frozenset("\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
                                "\u2060\u2066\u2067\u2068\u2069\ufeff")


def _escape_char(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """`text` safe to print on a terminal or a CI log: control characters (C0, DEL, C1 — ESC,
    CR, backspace, …, and LF unless in `keep`), bidirectional overrides and invisible
    format characters are shown escaped (`\\x1b`, `\\u202e`), so that a file or an exception
    message cannot move the cursor, recolour, hide text or forge a line of the report."""
    if text.isprintable() and not any(ch in _BIDI_AND_INVISIBLE for ch in text):
        return text
    import unicodedata

    out = []
    for ch in text:
        if ch in keep or ch == "\t":
            out.append(ch)
        elif ch in _BIDI_AND_INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            out.append(_escape_char(ch))
        else:
            out.append(ch)
    return "".join(out)

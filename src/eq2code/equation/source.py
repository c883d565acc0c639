"""Equation files: comments, `% eq2code:` metadata, and the display blocks they hold.

Blocks are `$$…$$`, `\\[…\\]`, `equation`/`align`/`gather` environments, or — when a file
has none of these — paragraphs separated by blank lines. Each block keeps its character
offset in the file so that findings point at the right line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_META = re.compile(r"%\s*eq2code:\s*(.*)$")
_PAIR = re.compile(r"([A-Za-z_][\w.-]*)\s*=\s*(\"[^\"]*\"|'[^']*'|\S+)")
_DELIMITED = re.compile(
    r"\$\$(?P<dollar>.*?)\$\$"
    r"|\\\[(?P<bracket>.*?)\\\]"
    r"|\\begin\{(?P<env>equation\*?|align\*?|gather\*?|multline\*?|displaymath)\}(?P<body>.*?)\\end\{(?P=env)\}",
    re.S,
)


def normalise(text: str) -> str:
    """An equation file's text with CRLF and lone CR line endings as LF (and no BOM): a file
    saved on Windows or classic Mac OS reads as its lines, not as one line."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass
class Block:
    text: str
    offset: int  # offset of text[0] in the file


def strip_comments(text: str) -> tuple[str, dict[str, str]]:
    """Blank out `%` comments (keeping offsets) and collect `% eq2code: k=v` metadata."""
    meta: dict[str, str] = {}
    out_lines = []
    for line in text.split("\n"):
        cut = _comment_start(line)
        if cut is not None:
            m = _META.match(line[cut:])
            if m:
                for key, value in _PAIR.findall(m.group(1)):
                    meta[key] = value.strip("\"'")
            line = line[:cut] + " " * (len(line) - cut)
        out_lines.append(line)
    return "\n".join(out_lines), meta


def _comment_start(line: str) -> int | None:
    i = 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "%":
            return i
        i += 1
    return None


MAX_BLOCKS = 200


def split_blocks(text: str) -> list[Block]:
    """The display equations of a comment-free text (all of them; the reader caps the count)."""
    found = list(_DELIMITED.finditer(text))
    if not found:
        return _paragraphs(text, 0)
    blocks: list[Block] = []
    for m in found:
        for group in ("dollar", "bracket", "body"):
            if m.group(group) is not None:
                start = m.start(group)
                body = m.group(group)
                if m.group("env") and m.group("env").startswith(("align", "gather", "multline")):
                    blocks.extend(_aligned_lines(body, start))
                elif body.strip():
                    blocks.append(Block(body, start))
    return blocks


def _paragraphs(text: str, base: int) -> list[Block]:
    blocks = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n", text + "\n\n"):
        chunk = text[pos:m.start()]
        if chunk.strip():
            blocks.append(Block(chunk, base + pos))
        pos = m.end()
    return blocks


def _aligned_lines(body: str, base: int) -> list[Block]:
    """align: each `\\\\`-separated line is an equation; `&` only aligns. A line that starts
    with a relation continues the previous line's chain."""
    blocks: list[Block] = []
    depth, start, i = 0, 0, 0
    chars = list(body)
    while i < len(body):
        if body.startswith("\\begin{", i):
            depth += 1
        elif body.startswith("\\end{", i):
            depth -= 1
        if depth == 0 and body[i] == "&":
            chars[i] = " "
        if depth == 0 and body.startswith("\\\\", i):
            chars[i] = chars[i + 1] = " "
            _add_line("".join(chars[start:i]), base + start, blocks)
            start = i + 2
            i += 2
            continue
        i += 1
    _add_line("".join(chars[start:]), base + start, blocks)
    return blocks


def _add_line(line: str, offset: int, blocks: list[Block]) -> None:
    if not line.strip():
        return
    if blocks and re.match(r"\s*(=|\\approx|\\le|\\ge|<|>)", line):
        prev = blocks[-1]
        gap = offset - (prev.offset + len(prev.text))
        blocks[-1] = Block(prev.text + " " * gap + line, prev.offset)
    else:
        blocks.append(Block(line, offset))

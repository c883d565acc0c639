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
    r"|\\begin\{(?P<env>equation\*?|align\*?|gather\*?|multline\*?|displaymath|eqnarray\*?|flalign\*?"
    r"|alignat\*?)\}(?P<body>.*?)\\end\{(?P=env)\}",
    re.S,
)


def normalise(text: str) -> str:
    """An equation file's text with CRLF and lone CR line endings as LF (and no BOM): a file
    saved on Windows or classic Mac OS reads as its lines, not as one line."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Block:
    """One display block (or paragraph, or aligned row) of an equation file, with its offset."""

    text: str
    offset: int  # offset of text[0] in the file
    outside: bool = False  # a paragraph outside the file's delimited displays: declarations only
    # offsets (in text) of line breaks that join two terms with no operator between them
    # (`a + b \\\\ c + d`): read as a product, which the reader reports
    bare_breaks: tuple[int, ...] = ()


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


def split_blocks(text: str, outside: bool = False) -> list[Block]:
    """The display equations of a comment-free text (all of them; the reader caps the count).

    With `outside`, the paragraphs between delimited displays come too, marked `outside` (a
    reader takes only their declarations: `x \\in \\mathbb{R}^n` lines above a `$$` block)."""
    found = list(_DELIMITED.finditer(text))
    blocks: list[Block] = []
    if not found:
        for para in _paragraphs(text, 0):
            blocks.extend(_aligned_lines(para.text, para.offset))
        return blocks
    pos = 0
    for m in found:
        if outside and text[pos:m.start()].strip():
            blocks.extend(Block(b.text, b.offset, True) for b in _paragraphs(text[pos:m.start()], pos))
        pos = m.end()
        for group in ("dollar", "bracket", "body"):
            if m.group(group) is not None:
                start = m.start(group)
                body = m.group(group)
                if body.strip():
                    blocks.extend(_aligned_lines(body, start))
    if outside and text[pos:].strip():
        blocks.extend(Block(b.text, b.offset, True) for b in _paragraphs(text[pos:], pos))
    return blocks


# Multi-line environments whose rows are separate equations (`&` only aligns). Written inside
# `$$…$$`, `equation` or another display they still mean rows of equations.
MULTILINE = ("aligned", "align", "align*", "eqnarray", "eqnarray*", "gather", "gather*", "gathered",
             "split", "multline", "multline*", "flalign", "flalign*", "alignat", "alignat*", "alignedat")
# Display environments written inside another display (`$$\begin{equation*} … \end{equation*}$$`):
# only a wrapper, their inside is read as the display's body.
WRAPPERS = ("equation", "equation*", "displaymath", "math")
_WRAPPED = re.compile(r"\\begin\{(?P<env>[A-Za-z]+\*?)\}(?P<args>(?:\s*\{[^{}]*\})*)")


def _unwrap(body: str, base: int) -> tuple[str, int] | None:
    """A body that is one multi-line environment (`$$\\begin{aligned} … \\end{aligned}$$`): its
    inside, with its offset; None otherwise."""
    lead = len(body) - len(body.lstrip())
    m = _WRAPPED.match(body, lead)
    if m is None or m.group("env") not in MULTILINE + WRAPPERS:
        return None
    end = "\\end{" + m.group("env") + "}"
    stripped = body.rstrip()
    tail = stripped[len(stripped) - len(end):] if stripped.endswith(end) else None
    if tail is None:
        # a trailing full stop or comma after \end{…}
        k = stripped.rfind(end)
        after = _TRAILING_TAGS.sub("", stripped[k + len(end):]) if k >= 0 else ""
        if k < 0 or after.strip(" .,;\\\n") != "":  # \end{align*}\tag{6}: a number after it, layout
            return None
        stripped = stripped[:k + len(end)]
    # only alignat's column count is an argument: `\begin{align} {Y}^T …` starts its first row with a group
    inner_start = m.end() if m.group("env") in ("alignat", "alignat*", "alignedat") else m.start("args")
    inner = body[inner_start:len(stripped) - len(end)]
    if "\\begin{" + m.group("env") + "}" in inner:
        return None  # nested same environment: leave it to the parser
    if m.group("env") in ("alignat", "alignat*", "alignedat") and m.group("args") == "":
        return None
    return inner, base + inner_start


def _paragraphs(text: str, base: int) -> list[Block]:
    """Blank-line-separated paragraphs; a blank line inside an open \\begin{…} (an aligned block
    with an empty line before its \\end) does not end one."""
    blocks = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n", text + "\n\n"):
        chunk = text[pos:m.start()]
        if m.end() < len(text) and chunk.count("\\begin{") > chunk.count("\\end{"):
            continue
        if chunk.strip():
            blocks.append(Block(chunk, base + pos))
        pos = m.end()
    return blocks


def _aligned_lines(body: str, base: int) -> list[Block]:
    """align: each `\\\\`-separated line is an equation; `&` only aligns. A line that starts
    with a relation continues the previous line's chain. Top-level `\\\\` in any display is a
    line break (between equations, never a product)."""
    unwrapped = _unwrap(body, base)
    if unwrapped is not None:
        return _aligned_lines(*unwrapped)
    body = _without_layout_braces(body)
    blocks: list[Block] = []
    depth, start, i = 0, 0, 0
    while i < len(body):
        if body.startswith("\\begin{", i):
            depth += 1
        elif body.startswith("\\end{", i):
            depth -= 1
        elif depth == 0 and _NEWLINE.match(body, i):
            _add_line(body, start, i, base, blocks)  # \newline: a line break, as \\ is
            i = start = _NEWLINE.match(body, i).end()  # type: ignore[union-attr]
            continue
        elif body[i] == "\\" and not body.startswith("\\\\", i):
            i += 2  # \& \{ \, …: an escaped character
            continue
        if depth == 0 and body.startswith("\\\\", i):
            _add_line(body, start, i, base, blocks)
            spacing = _ROW_SPACING.match(body, i + 2)  # \\[8pt]: the row's extra spacing, layout
            start = i = spacing.end() if spacing else i + 2
            continue
        i += 1
    _add_line(body, start, len(body), base, blocks)
    return blocks


_OPENING_BRACE = re.compile(r"\\lbrace\s*(?=\\newline|\\\\)")
_CLOSING_BRACE = re.compile(r"(?:\\newline|\\\\)[\s&]*\\rbrace")


def _without_layout_braces(body: str) -> str:
    """`\\text{repeat until convergence:} \\; \\lbrace \\newline w &= … \\newline \\rbrace`: a brace
    that ends a row and one alone on a later row frame the rows between (an algorithm's layout):
    blanked, offsets kept, so each row reads as itself."""
    opening, closing = list(_OPENING_BRACE.finditer(body)), list(_CLOSING_BRACE.finditer(body))
    if len(opening) != 1 or len(closing) != 1 or closing[0].start() < opening[0].end() \
            or body.count("\\lbrace") != 1 or body.count("\\rbrace") != 1:
        return body
    o, c = opening[0], closing[0]
    end = c.end()
    return body[:o.start()] + " " * (o.end() - o.start()) + body[o.end():end - len("\\rbrace")] \
        + " " * len("\\rbrace") + body[end:]


_TRAILING_TAGS = re.compile(r"\\(?:tag\*?|label)\s*\{[^{}]*\}")
_ROW_SPACING = re.compile(r"\s*\[\s*-?[0-9.]+\s*(?:pt|em|ex|mm|cm|in|mu|bp)\s*\]")
_NEWLINE = re.compile(r"\\newline(?![A-Za-z])")
_RELATION = re.compile(r"=|<|>|\\(?:leftarrow|gets|longleftarrow|in|notin|approx|leq?|geq?|neq?|to|sim|propto"
                       r"|coloneqq|triangleq|equiv|mapsto|rightarrow|Rightarrow|iff|subset|subseteq|stackrel"
                       r"|overset)(?![A-Za-z])")


_LEADING_OPERATOR = re.compile(r"[\s&]*(\+|-|\\cdot|\\times|\\quad|\\qquad)")
_TRAILING_OPERATOR = re.compile(r"(\+|-|\\cdot|\\times|=|\(|\[|\{)\s*$")


def _add_line(body: str, start: int, end: int, base: int, blocks: list[Block]) -> None:
    """Add body[start:end] as a line (its text verbatim: the tokenizer drops the `&` and `\\\\` of
    alignment), or extend the previous line when this one continues its chain."""
    line = body[start:end]
    offset = base + start
    if not line.strip():
        return
    starts_with_relation = re.match(r"[\s&]*(=|\\approx|\\le|\\ge|\\leftarrow|\\gets|<|>|\\stackrel|\\overset)", line)
    # a line without a relation continues a previous line that has one (a long right side broken);
    # two lines without any (`3(x^2)^2 \\\\ 3x^4` in a gather) are two expressions, never a product
    leading_operator = _LEADING_OPERATOR.match(line)
    continues = leading_operator or (
        not _RELATION.search(line) and bool(blocks) and bool(_RELATION.search(blocks[-1].text)))
    if blocks and (starts_with_relation or continues):
        prev = blocks[-1]
        breaks = prev.bare_breaks
        operator_at_break = leading_operator or _TRAILING_OPERATOR.search(prev.text)
        if not starts_with_relation and not operator_at_break:
            breaks = (*breaks, offset - prev.offset + len(line) - len(line.lstrip(" \t\n&")))
        blocks[-1] = Block(body[prev.offset - base:end], prev.offset, bare_breaks=breaks)
    else:
        blocks.append(Block(line, offset))

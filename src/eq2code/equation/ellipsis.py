"""Ellipsis patterns read as the sum, product or vector they abbreviate.

`w_1 x_1 + \\cdots + w_d x_d + b` is Σ_{i=1}^{d} w_i x_i + b, `x_1 x_2 \\cdots x_n` is
Π_{i=1}^{n} x_i, `(s_1, \\ldots, s_m)` the vector with entries s_i for i = 1 … m. The term written
after the ellipsis is the pattern at its last index; the terms written before it must be the
pattern at consecutive indices ending where the ellipsis starts (the first of them gives the first
index). The single thing that varies between them is an index position: an integer in the written
terms (1, 2, 0), the last index in the last term (d, n, n-1). Terms that do not look like the
pattern at all stay outside it (`+ b`). A term that looks like it but is not the pattern at its
index (`x_1 + x_3 + \\cdots + x_n`) leaves the ellipsis unread, with that reason; where no pattern
can be recovered the ellipsis keeps its reason (a pattern, not a computation), and so does a
product of matrix-like factors (`A_1 \\cdots A_L`). Each reading is said (`ambiguous-notation`).

In a matrix (D29b): a bracketed row, column (`\\vdots`) or comma list whose every item is the pattern
is the vector of it; a grid whose written rows are each one pattern over a shared column letter,
with one row of dots before the last, is the matrix whose entry (i, j) is the pattern (`x_{21}`
against `x_{2p}` compared digit by digit). A listing of the entries of the symbol the clause defines
is no computation; `declaration` turns `𝐱 = [x_1; …; x_N]` into 𝐱 ∈ ℝ^N. A descending run
(`a_p x^p + a_{p-1} x^{p-1} + \\cdots + a_1 x + a_0`) is the sum from the last number up to the first
letter index.

This runs on the IR of every clause before the file is classified, so the declarations, shapes
and lowering see an ordinary \\sum / \\prod.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from eq2code.equation.latex import ir
from eq2code.findings.phrases import Phrase, phrase

ELLIPSES = {"ldots", "cdots", "dots", "dotsc", "dotsb"}
GRID_DOTS = ELLIPSES | {"vdots", "ddots"}  # in a matrix, a column or a row of dots
LISTING_ENVS = ("bmatrix", "pmatrix", "Bmatrix", "matrix", "array")  # not vmatrix: a determinant
INDEX_LETTERS = ("i", "j", "k", "l", "m", "p", "q", "r", "s", "u", "v")
PRODUCT_OPS = (None, "cdot", "times")


@dataclass
class Expander:
    """Rewrites the ellipsis patterns of one clause; `readings` are (phrase, span) to say."""

    text: str  # the block's text (spans are offsets into it)
    taken: set[str]  # names used in the file: the index letter is none of them
    avoid: set[str] = field(default_factory=set)  # letters the clause defines: no vector listing their entries
    readings: list[tuple[Phrase, ir.Span]] = field(default_factory=list)
    varying: list[ir.Node] = field(default_factory=list)  # the last run's index positions in its last term
    declared: list[tuple[ir.Node, ir.BigOp]] = field(default_factory=list)  # listings of the defined symbol

    def expand(self, node: Any) -> Any:
        node = ir.map_children(node, self.expand)  # innermost patterns first
        if isinstance(node, ir.Add):
            return self._add(node)
        if isinstance(node, ir.Product):
            return self._product(node)
        if isinstance(node, ir.Tuple) and node.bracket in ("(", "["):
            return self._tuple(node)
        if isinstance(node, ir.Matrix) and node.env in LISTING_ENVS:
            return self._matrix(node)
        if isinstance(node, ir.Script) and isinstance(node.base, ir.Tuple) and node.base.bracket in ("{", "\\{") \
                and node.sub is None and _transpose_mark(node.sup):
            # L = \{l_1, …, l_N\}^⊤ (PyTorch's unreduced loss): the column of the l_n, not a set
            listed = self._tuple(ir.Tuple(node.base.items, "(", span=node.base.span))
            if isinstance(listed, ir.BigOp):
                return listed
        return node

    # -- sums and products -------------------------------------------------------------------
    def _add(self, node: ir.Add) -> ir.Node:
        if _ellipsis_at([t for _, t in node.terms]) is None:
            return node
        terms = list(node.terms)
        while (at := _ellipsis_at([t for _, t in terms])) is not None:
            if at + 1 >= len(terms) or any(sign != "+" for sign, _ in terms[at:at + 2]):
                return node  # x_1 + x_2 + \cdots (no last term), - \cdots -: not read
            run = self._run([t for _, t in terms], [s for s, _ in terms], at, "sum")
            if isinstance(run, ir.Notation):
                return run
            if run is None and (down := self._descending(terms, at)) is not None:
                start, end, big = down  # a_p x^p + a_{p-1} x^{p-1} + \cdots + a_1 x + a_0
                terms = terms[:start] + [("+", big)] + terms[end:]
                continue
            if run is None:
                return node
            start, big = run
            terms = terms[:start] + [("+", big)] + terms[at + 2:]
        if len(terms) == 1 and terms[0][0] == "+":
            return terms[0][1]
        return ir.Add(terms, span=node.span)

    def _product(self, node: ir.Product) -> ir.Node:
        if _ellipsis_at(node.factors) is None:
            return node
        factors, ops = list(node.factors), list(node.ops)
        while (at := _ellipsis_at(factors)) is not None:
            if at + 1 >= len(factors):
                return node
            run = self._run(factors, [op if op in PRODUCT_OPS else "?" for op in ops], at, "prod")
            if isinstance(run, ir.Notation):
                return run
            if run is None:
                return node
            start, big = run
            factors = factors[:start] + [big] + factors[at + 2:]
            ops = ops[:start + 1] + ops[at + 2:]
        if len(factors) == 1:
            return factors[0]
        return ir.Product(factors, ops, span=node.span)

    def _tuple(self, node: ir.Tuple) -> ir.Node:
        """`(s_1, \\ldots, s_m)`: the vector whose entry i is the pattern, when every item is in it
        and it does not list the entries of the symbol the clause defines (𝐱 = (x_1, …, x_n))."""
        return self._listing(node, node.items, ELLIPSES) or node

    def _listing(self, node: ir.Node, items: list[Any], dots: set[str]) -> ir.Node | None:
        """The vector of a listing whose every item is the pattern (None when it is not one)."""
        at = _ellipsis_at(items, dots)
        if at is None or at + 2 != len(items) or _ellipsis_at(items[at + 1:], dots) is not None \
                or any(item is None for item in items):
            return None
        run = self._run(items, ["+"] * len(items), at, "entries")
        if run is None or isinstance(run, ir.Notation):
            return run
        start, big = run
        if start != 0 or self._lists_defined(big):
            self.readings.pop()
            if start == 0:  # 𝐱 = [x_1; …; x_n]: the entries' numbering and count, a declaration
                self.declared.append((node, big))
            return None
        return big

    def _lists_defined(self, big: ir.BigOp) -> bool:
        """Does the listing name the entries of the symbol the clause defines (𝐱 = [x_1; …; x_n],
        𝐗 = [x_{11} ⋯ x_{PN}]: a matrix's entries are written in the small letter)?"""
        defined = {name.lower() for name in self.avoid}
        return any(isinstance(n, ir.Ident) and n.name.lower() in defined for n in big.body.walk())

    # -- matrices ------------------------------------------------------------------------------
    def _matrix(self, node: ir.Matrix) -> ir.Node:
        """A bracketed row, column or comma list with an ellipsis (`[a_0 & a_1 & \\cdots & a_n]`,
        `[s_1; \\vdots; s_m]`) is the vector of its pattern; a grid with \\cdots in its rows and one
        row of \\vdots / \\ddots is the matrix whose entry (i, j) is the pattern in both."""
        rows = [row for row in node.rows if any(cell is not None for cell in row)]
        if not rows:
            return node
        if len(rows) == 1 and len(rows[0]) == 1 and isinstance(rows[0][0], ir.Statement) \
                and set(rows[0][0].seps) == {","}:
            items: list[Any] = list(rows[0][0].clauses)  # [a_0, a_1, ..., a_n]: a comma list in one cell
        elif len(rows) == 1:
            items = list(rows[0])
        elif all(len(row) == 1 for row in rows):
            items = [row[0] for row in rows]
        elif _ellipsis_at([c for row in rows for c in row], GRID_DOTS) is not None:
            return self._grid(node, rows)
        else:
            return node
        return self._listing(node, items, GRID_DOTS) or node

    def _grid(self, node: ir.Matrix, rows: list[list[Any]]) -> ir.Node:
        """`[c x_{11} & \\cdots & c x_{1N} \\\\ \\vdots & \\ddots & \\vdots \\\\ c x_{P1} & \\cdots & c x_{PN}]`:
        each written row the vector of its pattern (one column letter for all), then the rows one
        pattern in the row index; anything else is left as written."""
        dotted = [k for k, row in enumerate(rows) if all(c is None or _is_dots(c, GRID_DOTS) for c in row)]
        if len(dotted) != 1 or dotted[0] + 2 != len(rows) or dotted[0] == 0:
            return node
        said, taken = len(self.readings), set(self.taken)
        row_letter, column_letter = self._letter(), self._letter()
        lines: list[Any] = []
        last_cell, column_varying = None, []
        for k, row in enumerate(rows):
            if k == dotted[0]:
                lines.append(ir.Special("vdots", span=next(c for c in row if c is not None).span))
                continue
            at = _ellipsis_at(row, ELLIPSES)
            run = None
            if at is not None and at + 2 == len(row) and all(c is not None for c in row) \
                    and _ellipsis_at(row[at + 1:], GRID_DOTS) is None:
                run = self._run(row, ["+"] * len(row), at, "entries", column_letter)
            if run is None or isinstance(run, ir.Notation) or run[0] != 0:
                return self._undo(node, said, taken)
            lines.append(run[1])
            last_cell, column_varying = row[-1], self.varying
        run = self._run(lines, ["+"] * len(lines), dotted[0], "entries", row_letter)
        if run is None or isinstance(run, ir.Notation) or run[0] != 0 or last_cell is None:
            return self._undo(node, said, taken)
        if self._lists_defined(run[1]):  # 𝐗 = [x_{11} ⋯ x_{PN}]: a declaration of 𝐗's shape
            self.declared.append((node, run[1]))
            return self._undo(node, said, taken)
        big = run[1]
        rows_from, rows_to = big.sub.items[1], big.sup  # type: ignore[union-attr]
        assert rows_to is not None
        columns = lines[0]
        del self.readings[said:]
        letters = {id(v): row_letter for v in self.varying} | {id(v): column_letter for v in column_varying}
        pattern = self._pattern(last_cell, [*self.varying, *column_varying], letters)
        first_cell = next(c for c in rows[0] if c is not None)
        written = f"{self._source(first_cell.span)} … {self._source(last_cell.span)}"
        self.readings.append((phrase("read-ellipsis-matrix", written=written, row=row_letter,
                                     column=column_letter, pattern=pattern,
                                     first_row=rows_from.text, last_row=self._source(rows_to.span),
                                     first_column=columns.sub.items[1].text,
                                     last_column=self._source(columns.sup.span)), node.span))
        return big

    def _undo(self, node: ir.Node, said: int, taken: set[str]) -> ir.Node:
        del self.readings[said:]
        self.taken.intersection_update(taken)  # the letters it took are free again
        return node

    def _run(self, items: list[ir.Node], signs: list[Any], at: int, op: str, letter: str = ""
             ) -> tuple[int, ir.BigOp] | ir.Notation | None:
        """The terms (factors) before the ellipsis at `at` that make one pattern with the term after
        it: (index of the first, the \\sum or \\prod); a Notation when a written term does not fit;
        None when no pattern is found. `letter`: the index letter to use (a matrix's column index)."""
        last = items[at + 1]
        if at == 0:
            return None
        pairs: list[tuple[ir.Node, ir.Node]] = []
        if not _differences(items[at - 1], last, pairs) or not pairs or not _one_position(pairs):
            return None
        varying = [b for _, b in pairs]
        value = int(pairs[0][0].text)  # type: ignore[attr-defined]
        start = at - 1
        while start > 0 and _differences(items[start - 1], last, []):  # looks like the pattern: must be it
            value -= 1
            if value < 0 or not _same(items[start - 1], _replaced(last, varying, ir.Num(str(value)))):
                return ir.Notation("ellipsis", [items[start - 1]], span=items[start - 1].span)
            start -= 1
        if op == "prod" and _matrix_like(last):
            return None  # A_1 A_2 \\cdots A_L: a product of matrices, not of numbers
        joins = signs[start:at + 2] if op == "sum" else signs[start + 1:at + 2]
        if any(j != ("+" if op == "sum" else j) or j == "?" for j in joins):
            return None  # - x_1 - \cdots, x_1 / x_2 \cdots: not this pattern
        letter = letter or self._letter()
        self.varying = varying
        first = ir.Num(str(value), span=items[start].span)
        final = varying[0]
        if isinstance(final, ir.Num) and (not final.text.isdigit() or int(final.text) < value + (at - start - 1)):
            return ir.Notation("ellipsis", [last], span=last.span)
        span = (items[start].span[0], last.span[1])
        index = ir.Ident(letter, span=items[at].span)
        body = _positions(_replaced(last, varying, None, letter), letter)
        big = ir.BigOp(op, ir.Chain([index, first], ["eq"], span=items[at].span), final, body, span=span)
        self.readings.append((phrase(f"read-ellipsis-{op}", written=self._source(span), letter=letter,
                                     first=str(value), last=self._source(final.span),
                                     pattern=self._pattern(last, varying, {id(v): letter for v in varying})), span))
        return start, big

    def _descending(self, terms: list[tuple[str, ir.Node]], at: int) -> tuple[int, int, ir.BigOp] | None:
        """`a_p x^p + a_{p-1} x^{p-1} + \\cdots + a_1 x + a_0`: the pattern written at letter indices
        before the ellipsis, each one less than the one before it, and at whole numbers after it, down
        by one (x for x^1, a_0 for a_0 x^0): (first term, end of the run, the \\sum). None otherwise."""
        items = [t for _, t in terms]
        if at == 0:
            return None
        before = items[at - 1]
        pairs: list[tuple[ir.Node, ir.Node]] = []
        if not _differences(items[at + 1], before, pairs, powers=True) or not pairs or not _one_position(pairs) \
                or isinstance(pairs[0][1], ir.Num):
            return None
        varying = [b for _, b in pairs]
        low, end = int(pairs[0][0].text), at + 2  # type: ignore[attr-defined]
        while end < len(items) and terms[end][0] == "+" and _differences(items[end], before, [], powers=True):
            if low == 0 or not _same(items[end], _replaced(before, varying, ir.Num(str(low - 1))), powers=True):
                return None
            low, end = low - 1, end + 1
        top, start = varying[0], at - 1
        while start > 0 and (above := _aligned(items[start - 1], before, varying)) is not None:
            if not _one_less(top, above):
                return None  # c_n t^n + c_{n-2} t^{n-2} + ⋯: looks like the pattern, not at the next index
            top, start = above, start - 1
        if any(sign != "+" for sign, _ in terms[start:end]):  # -a_p x^p - ⋯: not this pattern
            return None
        letter = self._letter()
        self.varying = varying
        span = (items[start].span[0], items[end - 1].span[1])
        index = ir.Ident(letter, span=items[at].span)
        big = ir.BigOp("sum", ir.Chain([index, ir.Num(str(low), span=items[at].span)], ["eq"], span=items[at].span),
                       top, _positions(_replaced(before, varying, None, letter), letter), span=span)
        self.readings.append((phrase("read-ellipsis-sum", written=self._source(span), letter=letter, first=str(low),
                                     last=self._source(top.span),
                                     pattern=self._pattern(before, varying, {id(v): letter for v in varying})), span))
        return start, end, big

    def declaration(self, node: ir.Node) -> tuple[ir.Chain, str] | None:
        """`𝐱 = [x_1; x_2; \\vdots; x_N]`, `𝐰 = [w_0; …; w_{N-1}]`, `𝐗 = [x_{11} ⋯ x_{PN}]`: a symbol named
        by its own entries is declared, 𝐱 ∈ ℝ^N, 𝐰 ∈ ℝ^N, 𝐗 ∈ ℝ^{P×N} (the count from the listing; none
        for θ = [θ_0; …; θ_p], p + 1 entries); with the entries' ranges as written, to say."""
        if not (isinstance(node, ir.Chain) and node.rels == ["eq"] and len(node.items) == 2
                and isinstance(node.items[0], (ir.Ident, ir.Script))):
            return None
        big = next((b for listing, b in self.declared if listing is node.items[1]), None)
        if big is None:
            return None
        listings = [big, big.body] if isinstance(big.body, ir.BigOp) and big.body.op == "entries" else [big]
        counted = [_count(b) for b in listings]
        sizes = [size for size in counted if size is not None]
        if len(sizes) != len(counted):
            return None
        span = (node.items[1].span[1], node.items[1].span[1])  # no text of its own: said as ℝ
        sup = sizes[0] if len(sizes) == 1 else ir.Product(sizes, [None, "times"], span=span)
        space = ir.Script(ir.Ident("R", style="bb", span=span), None, sup, span=span)
        ranges = " × ".join(f"{b.sub.items[1].text} … {self._source(b.sup.span)}" for b in listings)  # type: ignore
        return ir.Chain([node.items[0], space], ["in"], span=node.span), ranges

    def _letter(self) -> str:
        for letter in INDEX_LETTERS:
            if letter not in self.taken:
                self.taken.add(letter)
                return letter
        return "i'"

    def _source(self, span: ir.Span) -> str:
        return self.text[span[0]:span[1]]

    def _pattern(self, last: ir.Node, varying: list[ir.Node], letters: dict[int, str]) -> str:
        """The last term's text with its index positions written as their letters (by identity)."""
        out, pos = [], last.span[0]
        for node in sorted(varying, key=lambda n: n.span[0]):
            out.append(self.text[pos:node.span[0]])
            out.append(letters[id(node)])
            pos = node.span[1]
        out.append(self.text[pos:last.span[1]])
        return "".join(out)


def _ellipsis_at(items: list[Any], dots: set[str] = ELLIPSES) -> int | None:
    for k, item in enumerate(items):
        if _is_dots(item, dots):
            return k
    return None


def _is_dots(item: Any, dots: set[str]) -> bool:
    return isinstance(item, ir.Special) and item.name in dots


def _same(a: Any, b: Any, powers: bool = False) -> bool:
    """`a` is `b` (x_{22} is x_{2 2}: a number of digits written as one subscript)."""
    out: list[tuple[ir.Node, ir.Node]] = []
    return _differences(a, b, out, powers) and not out


def _aligned(a: Any, b: Any, varying: list[ir.Node]) -> ir.Node | None:
    """What `a` writes at every varying position of `b` when it is `b` elsewhere and writes the same
    thing at all of them (a_p x^p against a_{p-1} x^{p-1}: p); None otherwise."""
    found: list[ir.Node] = []

    def walk(x: Any, y: Any) -> bool:
        if any(y is v for v in varying):
            found.append(x)
            return isinstance(x, ir.Node)
        if isinstance(x, ir.Node):
            return type(x) is type(y) and all(walk(getattr(x, f.name), getattr(y, f.name))
                                              for f in dataclasses.fields(x) if f.name != "span")
        if isinstance(x, (list, tuple)):
            return isinstance(y, (list, tuple)) and len(x) == len(y) and all(walk(u, v) for u, v in zip(x, y))
        return x == y
    return found[0] if walk(a, b) and found and all(f == found[0] for f in found) else None


def _one_less(lower: ir.Node, upper: ir.Node) -> bool:
    """`lower` is `upper` − 1 as written (p-1 after p, n-2 after n-1, 2 after 3)."""
    if isinstance(lower, ir.Num) and isinstance(upper, ir.Num) and lower.text.isdigit() and upper.text.isdigit():
        return int(lower.text) + 1 == int(upper.text)
    if not isinstance(lower, ir.Add) or not lower.terms or lower.terms[-1][0] != "-" \
            or not isinstance(lower.terms[-1][1], ir.Num) or not lower.terms[-1][1].text.isdigit():
        return False
    step = int(lower.terms[-1][1].text)
    rest = lower.terms[:-1]
    if step == 1:
        return (len(rest) == 1 and rest[0][0] == "+" and rest[0][1] == upper) \
            or (isinstance(upper, ir.Add) and upper.terms == rest)
    return isinstance(upper, ir.Add) and upper.terms[:-1] == rest and upper.terms[-1][0] == "-" \
        and isinstance(upper.terms[-1][1], ir.Num) and upper.terms[-1][1].text == str(step - 1)


def _differences(a: Any, b: Any, out: list[tuple[ir.Node, ir.Node]], powers: bool = False) -> bool:
    """Whether `a` is `b` but for positions where `a` writes a whole number (collected in `out`
    as (number, what `b` writes there)). A subscript of digits against as many single factors
    (x_{21} against x_{2p}, x_{11} against x_{PN}) is read digit by digit: row 2, column 1."""
    if isinstance(a, ir.Num) and len(a.text) > 1 and a.text.isdigit() and isinstance(b, ir.Product) \
            and len(b.factors) == len(a.text) and not any(b.ops) \
            and all(isinstance(f, (ir.Num, ir.Ident)) and len(getattr(f, "text", "x")) == 1 for f in b.factors):
        return all(_differences(ir.Num(d, span=a.span), f, out) for d, f in zip(a.text, b.factors))
    if powers and isinstance(b, ir.Script) and b.sub is None and b.sup is not None and not b.primes \
            and not isinstance(a, ir.Script) and a == b.base:
        return _differences(ir.Num("1", span=a.span), b.sup, out)  # x against x^{p-1}: x^1
    if powers and isinstance(b, ir.Product) and not isinstance(a, ir.Product) and len(b.factors) == 2 \
            and not any(b.ops):
        for k, power in enumerate(b.factors):
            found: list[tuple[ir.Node, ir.Node]] = []
            if isinstance(power, ir.Script) and power.sub is None and power.sup is not None and not power.primes \
                    and _differences(a, b.factors[1 - k], found):
                out.extend(found)
                return _differences(ir.Num("0", span=a.span), power.sup, out)  # a_0 against a_{p-1} x^{p-1}
    if isinstance(a, ir.Num) and a.text.isdigit() and isinstance(b, (ir.Num, ir.Ident, ir.Add, ir.Script)) \
            and a != b:
        out.append((a, b))
        return True
    if isinstance(a, ir.Node):
        if type(a) is not type(b):
            return False
        return all(_differences(getattr(a, f.name), getattr(b, f.name), out, powers)
                   for f in dataclasses.fields(a) if f.name != "span")
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) \
            and all(_differences(x, y, out, powers) for x, y in zip(a, b))
    return a == b


def _one_position(pairs: list[tuple[ir.Node, ir.Node]]) -> bool:
    """One index varies: every varying position goes from the same number to the same last index."""
    return all(a == pairs[0][0] and b == pairs[0][1] for a, b in pairs)


def _replaced(node: Any, varying: list[ir.Node], number: ir.Num | None, letter: str = "") -> Any:
    """`node` with the varying positions (by identity) replaced by the number, or the index letter."""
    if isinstance(node, ir.Node) and any(node is v for v in varying):
        return number if number is not None else ir.Ident(letter, span=node.span)
    return ir.map_children(node, lambda child: _replaced(child, varying, number, letter))


def _matrix_like(node: ir.Node) -> bool:
    """A bold or capital letter in a factor: likely a matrix (whose products are no \\prod)."""
    return any(isinstance(n, ir.Ident) and (n.style == "bf" or n.name[:1].isupper()) for n in node.walk())


def _positions(node: Any, letter: str) -> Any:
    """x_{2i} in a pattern whose written terms were x_{21}, x_{22}: row 2, column i, written x_{2,i}
    (single digits or letters and the index letter side by side; alone, x_{2i} is a name)."""
    node = ir.map_children(node, lambda child: _positions(child, letter))
    if isinstance(node, ir.Script) and isinstance(node.sub, ir.Product) and not any(node.sub.ops) \
            and all(isinstance(f, (ir.Num, ir.Ident)) and len(getattr(f, "text", getattr(f, "name", ""))) == 1
                    for f in node.sub.factors) \
            and any(isinstance(f, ir.Ident) and f.name == letter for f in node.sub.factors):
        return dataclasses.replace(node, sub=ir.Tuple(list(node.sub.factors), "{", span=node.sub.span))
    return node


def _count(big: ir.BigOp) -> ir.Node | None:
    """How many entries a listing from its first to its last index has, where that is one name or
    number (n for 1 … n or 0 … n-1); None for p + 1 (0 … p), which sizes named alone do not meet."""
    first, last = big.sub.items[1], big.sup  # type: ignore[union-attr]
    if not isinstance(first, ir.Num) or first.text not in ("0", "1") or last is None:
        return None
    if first.text == "1":
        return last if isinstance(last, (ir.Ident, ir.Num)) else None
    if isinstance(last, ir.Add) and len(last.terms) == 2 and last.terms[0][0] == "+" \
            and isinstance(last.terms[0][1], ir.Ident) and last.terms[1] == ("-", ir.Num("1")):
        return last.terms[0][1]
    if isinstance(last, ir.Num) and last.text.isdigit():
        return ir.Num(str(int(last.text) + 1), span=last.span)
    return None


def names_in(nodes: list[ir.Node]) -> set[str]:
    """Every identifier name written in the nodes (the index letter must be a new one)."""
    return {n.name for node in nodes for n in node.walk() if isinstance(n, ir.Ident)}


def _transpose_mark(sup: ir.Node | None) -> bool:
    """^T, ^⊤, ^\top on a listing."""
    return (isinstance(sup, ir.Special) and sup.name == "top") or (isinstance(sup, ir.Ident) and sup.name == "T")

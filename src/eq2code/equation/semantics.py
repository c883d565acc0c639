"""Equation file → equation model: what each clause is and what it computes.

Steps: read the blocks (`source.py`), parse each (`latex/`), sort clauses into declarations,
definitions, identities, statements and annotations, read declarations into shapes and spaces
(`spaces.py`), then lower each definition to SymPy (`lowering.py`) and list its inputs with
shapes in size names. Problems become `Diagnostic`s; nothing here raises to the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeGuard

import sympy
from sympy.matrices.expressions.matexpr import MatrixExpr

from eq2code.base.log import get_logger
from eq2code.base.span import Range, offset_to_position
from eq2code.diagnosis.mutants import make_mutants, make_variants
from eq2code.equation import gradnames
from eq2code.equation.applied import GivenValues, value_points
from eq2code.equation.derivforms import derivative_on_left
from eq2code.equation.describe import describe_file
from eq2code.equation.ellipsis import Expander, names_in
from eq2code.equation.entries import bracketed_entries
from eq2code.equation.examples import EQUALITIES, Example, read_example, show, stated_results
from eq2code.equation.increments import delta_derivatives, named_increments
from eq2code.equation.latex import ir
from eq2code.equation.latex.errors import LatexError
from eq2code.equation.latex.parser import parse_math
from eq2code.equation.lowering import (
    DISTRIBUTION_NAMES,
    Context,
    Decl,
    FunctionDef,
    Lowerer,
    LoweringError,
    Sizes,
    app_key,
    application_variables,
    bare_keys,
    derivative_function,
    derivative_key,
    english,
    is_derivative,
    latex_of,
    py_name,
    scripted_word,
    size_symbol,
    writes_words,
)
from eq2code.equation.model import REAL, Diagnostic, Equation, EquationFile, InputSpec, Space
from eq2code.equation.parts import equation_parts
from eq2code.equation.plan import CompileError, compile_expr
from eq2code.equation.primes import defined_primes, rename_primes
from eq2code.equation.sigmasums import sigma_sums
from eq2code.equation.source import MAX_BLOCKS, Block, split_blocks, strip_comments
from eq2code.equation.spaceddots import spaced_dots
from eq2code.equation.spaces import NotASpace, key_text, number, read_space
from eq2code.equation.steps import (
    iterate_superscripts,
    layer_superscripts,
    role_key,
    role_superscripts,
    stepped_arguments,
)
from eq2code.equation.symbols import SMALL_GREEK, name_like_word, parameter_subscript_key, symbol_key, word_key
from eq2code.equation.sympy_ext import ArraySlice, Entries
from eq2code.findings.phrases import Phrase, phrase

log = get_logger(__name__)

DEFINING = {"eq", "defeq", "leftarrow"}
STATEMENT_RELS = {  # relation → what a statement with it is (phrase key statement-…)
    "lt": "inequality", "gt": "inequality", "le": "inequality", "ge": "inequality",
    "neq": "inequality", "implies": "implication", "iff": "equivalence",
    "impliedby": "implication", "in": "membership", "notin": "membership",
    "subseteq": "set-relation", "subset": "set-relation", "supseteq": "set-relation",
    "perp": "independence", "propto": "proportionality", "approx": "approximation",
    ":": "colon", "to": "mapping", "sim": "distribution",
    "equiv": "equivalence", "and": "logical", "or": "logical",
}


@dataclass
class Clause:
    node: ir.Node
    block: Block
    latex: str


@dataclass
class Head:
    """The left side of a definition."""

    name: str  # 'softmax', 'L_CE', 'p', 'norm'
    key: str
    params: list[ir.Node]
    out_indices: list[str]
    is_function: bool


class FileReader:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self.decls: dict[str, Decl] = {}
        self.sizes = Sizes()
        self.size_names: set[str] = set()
        self.functions: dict[str, FunctionDef] = {}
        self.quantities: dict[str, object] = {}
        self.unreadable: dict[str, str] = {}  # keys defined by a clause that could not be read → its left side
        self.cyclic: set[str] = set()  # definitions in terms of each other (a change of variables)
        self.quantity_inputs: dict[str, list[InputSpec]] = {}  # inputs of each auxiliary definition
        self.patterns: list[tuple[ir.Node, ir.Node]] = []  # p_θ(x_t | x_{<t}) := P_{t,x_t}
        self.stated: set[str] = set()  # decimals the file states as results (examples.stated_results)
        self.example_values: dict[str, object] = {}  # sum = e^{0.9} + …: what later worked examples use
        self.families: dict[str, tuple] = {}  # head_i = …
        self.zero_based: set[str] = set()  # arrays the file numbers from 0 (β_0, …, β_4)
        self.intercepts: set[str] = set()  # θ of θ_0 + Σ_{j=1}^d θ_j x_j (lowering.Lowerer._intercept)

    # -- positions ---------------------------------------------------------------------------
    def range_of(self, block: Block, span: tuple[int, int]) -> Range:
        start = offset_to_position(self.text, block.offset + span[0])
        end = offset_to_position(self.text, block.offset + max(span[1], span[0] + 1))
        return Range(start, end)

    def diag(self, name: str, block: Block, span: tuple[int, int], **params) -> None:
        self.diagnostics.append(Diagnostic(name, self.range_of(block, span), params))

    # -- reading -----------------------------------------------------------------------------
    def read(self) -> EquationFile:
        clean, meta = strip_comments(self.text)
        blocks = split_blocks(clean, outside=True)
        if not blocks:
            self.diagnostics.append(Diagnostic("equation-file", Range.of(0, 0),
                                               {"detail": phrase("file-no-equation")}))
        if len(blocks) > MAX_BLOCKS:
            self.diagnostics.append(Diagnostic("equation-file", self.range_of(blocks[MAX_BLOCKS], (0, 1)), {
                "detail": phrase("file-too-many-equations", count=len(blocks), limit=MAX_BLOCKS)}))
            blocks = blocks[:MAX_BLOCKS]
        clauses: list[Clause] = []
        for block in blocks:
            clauses.extend(self._parse_block(block))
        self.zero_based = _numbered_from_zero(clauses)
        self.role_labels: set[str] = set()  # W^q of Q = XW^q: a superscript that names which matrix
        self._zero_superscript_labels(clauses)
        self.declared_keys = {symbol_key(c.node.items[0]) for c in clauses
                              if isinstance(c.node, ir.Chain) and c.node.rels == ["in"]}
        self._expand_ellipses(clauses)
        self.intercepts = _intercepts_beside_sums(clauses)  # after the ellipses: θ_0 + θ_1 x_1 + ⋯ + θ_p x_p too
        self.stated = stated_results([c.node for c in clauses])
        equations = self._classify(clauses)  # (application declarations are shaped in _classify)
        _offer_extras(equations)
        return EquationFile(self.path, self.text, meta, equations, self.diagnostics)

    def _expand_ellipses(self, clauses: list[Clause]) -> None:
        """`w_1 x_1 + \\cdots + w_d x_d`: each ellipsis pattern becomes its \\sum or \\prod; `g_t' = …`
        names a quantity g'_t (both said)."""
        defined = defined_primes([c.node for c in clauses])
        for clause in clauses:  # g_t' = …: a new quantity g'_t (said)
            if defined and (node := rename_primes(clause.node, defined)) is not clause.node:
                if isinstance(clause.node, ir.Chain) and any(clause.node.items[0] == d for d in defined):
                    lhs = clause.node.items[0]
                    self.diag("ambiguous-notation", clause.block, lhs.span, construct=clause.latex,
                              reading=phrase("read-primed-name", name=clause.block.text[lhs.span[0]:lhs.span[1]]))
                clause.node = node
        taken = names_in([c.node for c in clauses])
        for clause in clauses:
            defines = clause.node.items[0] if isinstance(clause.node, ir.Chain) else None
            if isinstance(defines, ir.Call):  # σ(𝐬) = [… s_0 …, …]: σ is defined, 𝐬 is its parameter
                defines = defines.func
            if not isinstance(defines, (ir.Ident, ir.Script)):  # c 𝐗 = [c x_{11} …]: no one symbol
                defines = None
            expander = Expander(clause.block.text, taken, {n.name for n in defines.walk() if isinstance(n, ir.Ident)}
                                if defines is not None else set())
            clause.node = expander.expand(clause.node)
            declared = expander.declaration(clause.node)
            if declared is not None:  # 𝐱 = [x_1; …; x_N]: 𝐱 ∈ ℝ^N (said)
                listing, name = clause.node.items[1], clause.node.items[0]  # type: ignore[attr-defined]
                clause.node = declared[0]
                self.diag("ambiguous-notation", clause.block, listing.span,
                          construct=clause.block.text[listing.span[0]:listing.span[1]],
                          reading=phrase("read-listing-declaration", entries=declared[1],
                                         name=clause.block.text[name.span[0]:name.span[1]]))
            for reading, span in expander.readings:
                self.diag("ambiguous-notation", clause.block, span, reading=reading,
                          construct=clause.block.text[span[0]:span[1]])
            for span in spaced_dots(clause.node, clause.block.text):  # W . a: a product (said)
                self.diag("ambiguous-notation", clause.block, span, reading=phrase("read-spaced-dot"),
                          construct=clause.block.text[span[0]:span[1]])
            clause.node, signs = sigma_sums(clause.node)  # log(Σ_j exp(x_j)): Σ_j typed for \sum_j (said)
            for sign in signs:
                self.diag("ambiguous-notation", clause.block, sign.span, construct=clause.block.text[
                    sign.span[0]:sign.span[1]], reading=phrase("read-sigma-sum", letter=key_text(sign.sub)))  # type: ignore[attr-defined]

    def _parse_block(self, block: Block) -> list[Clause]:
        if block.outside:
            return self._outside_declarations(block)
        try:
            node = parse_math(block.text)
        except LatexError as e:
            closed = self._closed_at_the_end(block, e)
            if closed is not None:
                return self._block_clauses(block, closed)
            params = {"detail": e.why or e.detail}
            if e.kind == "unsupported-notation":
                params["construct"] = e.construct
            elif e.construct:
                params["expected"] = e.construct
            self.diag(e.kind, block, (e.offset, e.end or e.offset + 1), **params)
            return []
        return self._block_clauses(block, node)

    def _block_clauses(self, block: Block, node: ir.Node) -> list[Clause]:
        for at in block.bare_breaks:  # a + b \\\\ c + d: the break between b and c read as a product
            self.diag("ambiguous-notation", block, (at, at + 1), construct=block.text[at:at + 1],
                      reading=phrase("read-line-break-product"))
        nodes = node.clauses if isinstance(node, ir.Statement) else [node]
        nodes = [r for n in nodes for r in _rows_as_clauses(n)]
        nodes = [r for n in nodes for r in _split_inline_declaration(n)]
        split = [_split_at_consequence(n) for n in nodes]
        for parts in split:
            if len(parts) > 1:
                arrow = (parts[0].span[1], parts[1].span[0])
                self.diag("ambiguous-notation", block, arrow, construct=block.text[arrow[0]:arrow[1]].strip(),
                          reading=phrase("read-arrow-hence"))
        nodes = [part for parts in split for part in parts]
        return [Clause(n, block, block.text[n.span[0]:n.span[1]]) for n in nodes]

    def _closed_at_the_end(self, block: Block, error: LatexError) -> ir.Node | None:
        """`scale * (\\max(0, x) + \\min(0, α(e^x − 1))`: a '(' or '[' never closed is read as closed at
        the end of its row; `\\left[ (-y \\log p - (1-y) \\log(1-p) \\right]`: one not closed before the
        bracket around it, as closed just before that bracket — reported (unbalanced-bracket, a
        warning), never silent. None when the error is another, or the block does not read even so."""
        why = error.why
        kind = why.phrase if isinstance(why, Phrase) else ""
        opener = why.params.get("opener") if kind in ("latex-never-closed", "latex-not-closed-before") else None
        closer = {"(": ")", "[": "]"}.get(str(opener))
        after_left = block.text[:error.offset].rstrip().endswith("\\left")  # \\left( without \\right: no typesetting
        if closer is None or after_left:
            return None
        at = _closing_point(block.text, error.offset, kind)
        if at is None:
            return None
        try:
            node = parse_math(block.text[:at].rstrip() + closer + " " + block.text[at:])
        except LatexError:
            return None
        where = "closed-before-outer" if kind == "latex-not-closed-before" else \
            "closed-at-end" if at >= len(block.text.rstrip()) else "closed-at-row-end"
        self.diag("unbalanced-bracket", block, (error.offset, error.offset + 1), opener=opener, closer=closer,
                  where=phrase(where))
        return node

    def _outside_declarations(self, block: Block) -> list[Clause]:
        """A paragraph beside the file's `$$` blocks: its declarations count, nothing else (it
        may be prose). A line break ends a declaration (`… \\in ℝ^h` then `W_f \\in …` below)."""
        lines = _lines(block)
        if len(lines) > 1 and all(_declaration_lines(b.text) or _bound_line(b.text) for b in lines):
            return [c for b in lines for c in self._outside_declarations(b)]
        try:
            node = parse_math(block.text)
        except LatexError as e:
            if _declaration_lines(block.text):  # declarations that cannot be read are not dropped silently
                self.diag(e.kind, block, (e.offset, e.end or e.offset + 1), detail=e.why or e.detail,
                          **({"construct": e.construct} if e.kind == "unsupported-notation" else {}))
            return []
        nodes = node.clauses if isinstance(node, ir.Statement) else [node]

        def declares(n: ir.Node) -> bool:
            return (isinstance(n, ir.Chain) and n.rels == ["in"]) or _bound(n) is not None

        if not any(declares(n) for n in nodes):
            return []
        if not all(_is_symbol(n) or declares(n) for n in nodes):  # x ∈ ℝ^n, y = 3: the declaration counts
            for n in nodes:
                if not (_is_symbol(n) or declares(n)):
                    self.diag("ambiguous-notation", block, n.span, construct=block.text[n.span[0]:n.span[1]],
                              reading=phrase("read-outside-declarations-only"))
            nodes = [n for n in nodes if declares(n)]
        return [Clause(n, block, block.text[n.span[0]:n.span[1]]) for n in nodes]

    # -- classification ------------------------------------------------------------------------
    def _classify(self, clauses: list[Clause]) -> list[Equation]:
        pending: list[Clause] = []  # bare symbols waiting for `\in S` (z_s, z_t \in ℝ^K)
        kinds: list[tuple[str, Clause]] = []
        for clause in clauses:
            node = clause.node = self._step_argument(clause, self._equiv_as_definition(
                clause, self._accumulation_as_update(clause, self._gradient_names(
                    clause, self._increment_names(clause, self._without_trailing_space(clause))))))
            bound = _bound(node)
            if bound is not None:  # λ > 0, 0 < p < 1: where the symbol's values live
                self._declare_bound(clause, *bound)
                kinds.append(("declaration", clause))
                continue
            if isinstance(node, ir.Chain) and node.rels == ["in"]:
                self._declare(clause, [c.node for c in pending])
                kinds.extend(("declaration", c) for c in pending)
                pending = []
                kinds.append(("declaration", clause))
                continue
            if _is_symbol(node):
                pending.append(clause)
                continue
            kinds.extend(("statement", c) for c in pending)
            pending = []
            kinds.append((self._kind(node), clause))
        kinds.extend(("statement", c) for c in pending)
        kinds = self._bare_value(self._continued_value(kinds))
        self._shape_applications(clauses)
        self._collect_definitions(kinds)
        heads = _definition_heads(kinds)
        self._numbered_names(kinds, heads)
        self.cyclic = _cyclic_heads(heads)
        equations: dict[int, Equation] = {}
        for k in _definitions_first(kinds, heads):  # auxiliary definitions before what uses them
            equations[k] = self._equation(*kinds[k])
        return [equations[k] for k in range(len(kinds))]

    def _zero_superscript_labels(self, clauses: list[Clause]) -> None:
        """`h(w) = g(w^0) + g'(w^0)(w - w^0)`: a 0 above a letter the same clause also writes alone
        labels a value (w at step 0, the point of expansion) — w^0 as the power 1 is never written so.
        Kept a power where the letter has other numbered powers (x^0 + x^1 + x^2). Said."""
        for clause in clauses:
            scripts: list[ir.Script] = []
            powers: set[str] = set()
            for n in clause.node.walk():
                if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident):
                    if n.sub is None and not n.primes and isinstance(n.sup, ir.Num) and n.sup.text == "0":
                        scripts.append(n)
                    elif n.sup is not None and isinstance(n.sup, ir.Num):
                        powers.add(n.base.key)
            alone = bare_keys(clause.node)
            said: set[str] = set()
            for script in scripts:
                key = script.base.key  # type: ignore[attr-defined]
                if key in alone and key not in powers and key not in said:
                    said.add(key)
                    self.role_labels.add(f"{key}^0")
                    text = clause.block.text[script.span[0]:script.span[1]]
                    self.diag("ambiguous-notation", clause.block, script.span, construct=text,
                              reading=phrase("read-zero-superscript-label", latex=text, letter=latex_of(key)))

    def _numbered_names(self, kinds: list[tuple[str, Clause]], heads: dict) -> None:
        """`w_1 x_1 + w_2 x_2 + b`, `θ_0 + θ_1 x`, `\\hat R(θ_0)`: a letter the file writes only with a
        number below it — never alone, never with an index, never declared — names numbers, one each:
        x_1 and x_2 are inputs of their own (as `x_1, x_2 \\in \\mathbb{R}` would declare them), which
        code may take as separate arguments (`x1, x2`) or as one vector `x` (`code.loader.
        numbered_entries`). Read as entries of an array x, their count was free and a correct
        `np.dot(w, x)` or `def f(x1, x2)` failed. Said; a declaration of x decides otherwise."""
        defined = {h.key for h, _ in heads.values() if h is not None}
        found: dict[str, dict[str, tuple[Clause, ir.Span]]] = {}
        other: set[str] = set()
        for kind, clause in kinds:
            if kind == "declaration":
                continue
            bases: set[int] = set()
            for n in clause.node.walk():
                if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident) and isinstance(n.sub, ir.Num) \
                        and _numbered_name(n):
                    bases.add(id(n.base))
                    found.setdefault(n.base.key, {}).setdefault(f"{n.base.key}_{n.sub.text}", (clause, n.span))
                elif isinstance(n, ir.Ident) and id(n) not in bases:
                    other.add(n.key)
        for letter, names in found.items():
            if letter in other or letter in self.decls or f"{letter}:domain" in self.decls \
                    or letter in self.functions or letter in self.quantities or letter in self.size_names \
                    or any(named in self.decls or named in defined or named in self.size_names for named in names):
                continue
            for named in names:
                self.decls[named] = Decl(named, latex_of(named), (), REAL, declared=False)
            ordered = sorted(names, key=lambda k: int(k.rpartition("_")[2]))
            clause, span = names[ordered[0]]
            key = "read-numbered-names" if len(names) > 1 else "read-numbered-name"
            self.diag("ambiguous-notation", clause.block, span, construct=clause.block.text[span[0]:span[1]],
                      reading=phrase(key, names=", ".join(latex_of(k) for k in ordered), letter=latex_of(letter)))

    def _without_trailing_space(self, clause: Clause) -> ir.Node:
        """`a(𝐪, 𝐤) = 𝐰^⊤ tanh(…) \\in ℝ`, `softmax(QK^⊤/√d) V \\in ℝ^{n×v}`: the space after a
        value says where it lives; the definition (or the expression) is what is computed. Said."""
        node = clause.node
        if not isinstance(node, ir.Chain) or not node.rels or node.rels[-1] != "in":
            return node
        if len(node.rels) >= 2 and all(r in DEFINING for r in node.rels[:-1]):
            kept: ir.Node = ir.Chain(node.items[:-1], node.rels[:-1], span=(node.span[0], node.items[-2].span[1]))
        elif node.rels == ["in"] and isinstance(node.items[0], (ir.Product, ir.Add, ir.BigOp)) \
                and _bare_expression(node.items[0]) \
                and _declared_key(node.items[0]) is None:
            kept = node.items[0]  # an expression's space, not a symbol's declaration (dC/dY \in ℝ is one)
        else:
            return node
        space = node.items[-1]
        self.diag("ambiguous-notation", clause.block, space.span, construct=clause.latex,
                  reading=phrase("read-trailing-space", space=clause.block.text[space.span[0]:space.span[1]]))
        return kept

    def _say_at(self, clause: Clause, span: ir.Span, key: str, **params: str) -> None:
        """An `ambiguous-notation` info at `span` saying reading `key`, its `latex` the text written there."""
        self.diag("ambiguous-notation", clause.block, span, construct=clause.latex,
                  reading=phrase(key, latex=clause.block.text[span[0]:span[1]].strip(), **params))

    def _gradient_names(self, clause: Clause, node: ir.Node) -> ir.Node:
        """`dA`, `dW_c`, `dZ_{hw}`: the gradient names of loop-by-loop notes, one name each (said)."""
        found: list[ir.Span] = []
        node = gradnames.merged(node, found)
        for span in found[:1]:
            name = clause.block.text[span[0]:span[1]].strip()
            self.diag("ambiguous-notation", clause.block, span, construct=name,
                      reading=phrase("read-gradient-name", name=name, letter=name[1:2]))
        return node

    def _accumulation_as_update(self, clause: Clause, node: ir.Node) -> ir.Node:
        """`dA += \\sum_h \\sum_w W_c dZ_{hw}` (code written as math, in loop-by-loop notes): the
        new value is the old one plus (minus) the right side, an update rule as `w := w - …` — said."""
        if not isinstance(node, ir.Chain) or node.rels not in (["pluseq"], ["minuseq"]):
            return node
        left, right = node.items
        sign = "+" if node.rels[0] == "pluseq" else "-"
        self.diag("ambiguous-notation", clause.block, node.span, construct=clause.latex,
                  reading=phrase("read-accumulation", left=clause.block.text[left.span[0]:left.span[1]].strip(),
                                 op=sign))
        return ir.Chain([left, ir.Add([("+", left), (sign, right)], span=right.span)], ["defeq"], span=node.span)

    def _equiv_as_definition(self, clause: Clause, node: ir.Node) -> ir.Node:
        """`E \\equiv \\sum_i ε_i^2`, `\\tilde{ε}_i \\equiv a - y_i/x_i`, `\\exp(b_a) \\equiv w_a`: ≡ between
        a name and what the right side computes reads "is defined as", as Japanese and physics notes
        write it (定義). Said; not when the name appears on the other side, nor for `f(x) \\equiv 0`
        (identically zero)."""
        if not isinstance(node, ir.Chain) or not node.rels or node.rels[0] != "equiv" \
                or any(r not in DEFINING for r in node.rels[1:]):
            return node
        left, right = node.items[0], node.items[1]
        if not _definable(left, right) and len(node.rels) == 1 and _definable(right, left):
            left, right = right, left  # \exp(b_a) \equiv w_a: w_a names exp(b_a)
        if not _definable(left, right) or (isinstance(left, ir.Call) and not _mentioned_keys([right])):
            return node
        self.diag("ambiguous-notation", clause.block, node.span, construct=clause.latex,
                  reading=phrase("read-equiv-definition", left=clause.block.text[left.span[0]:left.span[1]].strip()))
        return ir.Chain([left, right, *node.items[2:]], ["defeq", *node.rels[1:]], span=node.span)

    def _increment_names(self, clause: Clause, node: ir.Node) -> ir.Node:
        """`\\Delta w = -\\eta g`, `w(k+1) = w(k) - \\Delta w(k)`: Δ before a symbol names its change, one
        quantity (never Δ times w). Said once per block."""
        node, fractions = delta_derivatives(node)
        if fractions:
            first = fractions[0]
            self.diag("ambiguous-notation", clause.block, first.span, construct=clause.latex,
                      reading=phrase("read-delta-derivative"))
        if isinstance(node, ir.Chain):
            labelled = [sc for sc in role_superscripts(node)  # W^Q declared: its name already (a rule's)
                        if role_key(sc) not in self.declared_keys]
            for script in labelled:
                self.role_labels.add(role_key(script))
            if labelled:
                self._say_at(clause, labelled[0].span, "read-role-superscript")
        node, entries = bracketed_entries(node)
        if entries:
            self._say_at(clause, entries[0].span, "read-bracketed-entry")
        named, found = named_increments(node)
        if found:
            self._say_at(clause, found[0].span, "read-increment-name")
        named, form = derivative_on_left(named)
        if form == "arguments":  # \frac{df}{dz}(x, z) = …: the derivative; its arguments name the point
            self._say_at(clause, node.items[0].span, "read-derivative-arguments")  # type: ignore[attr-defined]
        return named

    def _step_argument(self, clause: Clause, node: ir.Node) -> ir.Node:
        """`w(t+1) = w(t) − η g`: the values at steps t+1 and t, as `w_{t+1}`, `w_t` (said)."""
        if not isinstance(node, ir.Chain):
            return node
        layered = layer_superscripts(node)
        if layered is not None:  # δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^l): layer labels, not powers
            sup = node.items[0].sup  # type: ignore[attr-defined]
            self.diag("ambiguous-notation", clause.block, sup.span, construct=clause.latex,
                      reading=phrase("read-layer-superscript", letter=sup.name))
            return layered
        iterates = iterate_superscripts(node)
        if iterates is not None:  # h^k = (w^1 + ⋯ + w^k)/k: the iterates w^{(i)}, not powers of w
            chain, first = iterates
            text = clause.block.text[first.span[0]:first.span[1]]
            self.diag("ambiguous-notation", clause.block, first.span, construct=text,
                      reading=phrase("read-iterate-superscript", latex=text,
                                     letter=node.items[0].sup.name))  # type: ignore[attr-defined]
            node = chain
        stepped = stepped_arguments(node)
        if stepped is None:
            return node
        lhs = node.items[0]
        self.diag("ambiguous-notation", clause.block, lhs.span, construct=clause.latex,
                  reading=phrase("read-step-argument", left=clause.block.text[lhs.span[0]:lhs.span[1]].strip()))
        return stepped

    def _continued_value(self, kinds: list[tuple[str, Clause]]) -> list[tuple[str, Clause]]:
        """A file whose one computation continues an equation written before it (`= \\frac{1}{2}\\sum_j …`,
        a display of a derivation split across displays): its left side is that earlier one's, so the
        value code computing it returns is the right side — read as `value = …` and said, as a bare
        expression is. Not beside any other computation (there it continues something else)."""
        cont = [k for k, (kind, clause) in enumerate(kinds) if kind == "definition" and _continues(clause.node)
                and not _unbound_subscript_letters(clause.node)]  # h_{ij} with i bound by the lost left side
        if not _the_only_computation(kinds, cont):
            return kinds
        clause = kinds[cont[0]][1]
        chain = clause.node
        assert isinstance(chain, ir.Chain)
        name = _value_name(chain)
        first = chain.items[1]
        clause.node = ir.Chain([ir.Ident(name, span=(first.span[0], first.span[0])), *chain.items[1:]],
                               list(chain.rels), span=chain.span)
        self.diag("ambiguous-notation", clause.block, first.span, construct=clause.latex,
                  reading=phrase("read-continued-value", name=name))
        return kinds

    def _bare_value(self, kinds: list[tuple[str, Clause]]) -> list[tuple[str, Clause]]:
        """A file whose one computation is an expression with no left side (`\\frac{1}{N}\\sum_i
        (y_i - \\hat{y}_i)^2`, as notes often display a loss): its value is what code computes,
        read as `value = …` and said. Not when the file defines anything, has more than one
        such expression, or the expression holds no symbol (a worked example, a literal)."""
        bare = [k for k, (kind, clause) in enumerate(kinds) if kind == "statement" and _bare_expression(clause.node)]
        if not _the_only_computation(kinds, bare):
            return kinds  # beside a definition, a condition (s.t. …) or prose: part of something else
        clause = kinds[bare[0]][1]
        node = clause.node
        name = _value_name(node)
        clause.node = ir.Chain([ir.Ident(name, span=(node.span[0], node.span[0])), node], ["eq"], span=node.span)
        self.diag("ambiguous-notation", clause.block, node.span, construct=clause.latex,
                  reading=phrase("read-bare-expression", name=name))
        return [*kinds[:bare[0]], ("definition", clause), *kinds[bare[0] + 1:]]

    def _kind(self, node: ir.Node) -> str:
        if _is_annotation(node):
            return "annotation"
        if isinstance(node, ir.Chain) and node.rels == ["defeq"] and _is_pattern(node.items[0]):
            self.patterns.append((node.items[0], node.items[1]))
            return "pattern"
        if isinstance(node, ir.Chain) and node.rels and all(r in DEFINING for r in node.rels):
            return "definition"
        if isinstance(node, ir.Chain) and node.rels[:2] == [":", "to"]:
            self._mapping(node)
        return "statement"

    def _declare(self, clause: Clause, extra: list[ir.Node]) -> None:
        left, right = clause.node.items  # type: ignore[attr-defined]
        targets = list(extra) + (left.items if isinstance(left, ir.Tuple) else [left])
        right, note = _without_note(right)  # x \in \{0,1\}^K \text{ (one-hot)}
        latex = clause.block.text[right.span[0]:right.span[1]]
        try:
            shape, space = read_space(right, latex)
        except NotASpace as e:
            return self._not_a_space(clause, right, e.why)
        if space.kind == "binary" and shape and re.search(r"one[- ]?hot", note, re.IGNORECASE):
            space = Space("onehot", latex=f"{latex} (one-hot)")  # one-hot rows: a 1 in each last axis
        for target in targets:
            key = _declared_key(target)  # TP \in …: the name TP
            if key is None:
                continue
            t_latex = clause.block.text[target.span[0]:target.span[1]]
            if not shape and _element_target(target) and isinstance(target.base, ir.Ident):
                # x_t \in \{1,…,V\}, \sigma_j \in ℝ_{>0}: every entry of the array x lives there
                key = target.base.key
                base_span = target.base.span
                self.decls[key] = Decl(key, clause.block.text[base_span[0]:base_span[1]], (), space, elementwise=True)
                continue
            self.decls[key] = Decl(key, t_latex, shape, space)
            for d in shape:
                if isinstance(d, str):
                    self.size_names.add(d)
            if space.size is not None and isinstance(space.size, str):
                self.size_names.add(space.size)

    def _declare_bound(self, clause: Clause, target: ir.Node, space: Space) -> None:
        """`λ > 0` declares λ positive; `x > 0` after `x \\in ℝ^n` makes every entry of x positive."""
        key = _declared_key(target)
        if key is None:
            return
        known = self.decls.get(key)
        if known is not None:
            self.decls[key] = replace(known, space=space)
        else:
            self.decls[key] = Decl(key, clause.block.text[target.span[0]:target.span[1]], (), space)

    def _shape_applications(self, clauses: list[Clause]) -> None:
        """p(D | θ) ∈ (0,1] with θ ∈ {1,…,K}: a vector over θ (shape (K,)); p(θ) ∈ Δ^{K-1} is that
        simplex itself."""
        for clause in clauses:
            node = clause.node
            if not (isinstance(node, ir.Chain) and node.rels == ["in"]):
                continue
            for target in [node.items[0]]:
                key = app_key(target)
                decl = self.decls.get(key) if key else None
                if key is None or decl is None or decl.shape or not isinstance(target, ir.Call):
                    continue
                dims = []
                for var in application_variables(target):
                    vdecl = self.decls.get(var)
                    if vdecl is not None and vdecl.space.kind == "categorical" and vdecl.space.size is not None:
                        dims.append(vdecl.space.size)
                self.decls[key] = Decl(key, decl.latex, tuple(dims), decl.space)

    def _not_a_space(self, clause: Clause, right: ir.Node, why: str) -> None:
        """`x \\in S` where S is no space eq2code knows: a statement, with a note when it looks
        like a declaration of a symbol."""
        chain = clause.node
        if not isinstance(chain, ir.Chain):  # only `x \in S` chains come here
            return
        clause.node = ir.Chain(chain.items, ["in-statement"], span=chain.span)
        left = chain.items[0]
        if symbol_key(left) is not None and not isinstance(right, ir.SetBuilder):
            self.diag("unsupported-notation", clause.block, right.span, construct=clause.block.text[
                right.span[0]:right.span[1]], detail=phrase("space-not-understood", why=phrase(why)))

    def _mapping(self, node: ir.Chain) -> None:
        """f : ℝ^n → ℝ^m gives the shapes of f's argument and value."""
        f, domain, codomain = node.items[0], node.items[1], node.items[2]
        try:
            dom_shape, _ = read_space(domain)
            cod_shape, _ = read_space(codomain)
        except NotASpace:
            return
        key = symbol_key(f)
        if key is not None:
            self.decls.setdefault(f"{key}:domain", Decl(key, "", dom_shape, REAL))
            self.decls.setdefault(f"{key}:codomain", Decl(key, "", cod_shape, REAL))
            for d in dom_shape + cod_shape:
                if isinstance(d, str):
                    self.size_names.add(d)

    def _collect_definitions(self, kinds: list[tuple[str, Clause]]) -> None:
        for kind, clause in kinds:
            if kind != "definition":
                continue
            head = analyze_head(clause.node.items[0], clause.node.items[1])  # type: ignore[attr-defined]
            if head is not None and head.is_function:
                body = clause.node.items[1]  # type: ignore[attr-defined]
                params = [symbol_key(p) or "" for p in head.params]
                self.functions[head.key] = FunctionDef(head.key, params, body, head.out_indices)

    # -- equations -------------------------------------------------------------------------------
    def _equation(self, kind: str, clause: Clause) -> Equation:
        rng = self.range_of(clause.block, clause.node.span)
        eq = Equation(kind, clause.latex, rng)
        if kind == "definition":
            self._definition(eq, clause)
        elif kind == "statement":
            _say(eq, _statement_reason(clause.node))
            example = self._example(clause)
            if example is not None:
                self._as_example(eq, clause, example)
        elif kind == "declaration":
            _say(eq, phrase("eq-declaration"))
        elif kind == "pattern":
            _say(eq, phrase("eq-substitution"))
        else:
            _say(eq, phrase("eq-annotation"))
        if not eq.checkable and kind == "statement":
            self.diag("not-checkable", clause.block, clause.node.span, reason=eq.why)
        return eq

    def _definition(self, eq: Equation, clause: Clause) -> None:
        try:
            self._lower_definition(eq, clause)
        except RecursionError:
            eq.checkable = False
            _say(eq, phrase("eq-nested-too-deeply"))
            self.diag("latex-syntax", clause.block, clause.node.span, detail=eq.why)
        except Exception as e:  # a fault of eq2code: one equation's finding, not a crash
            log.debug("lowering %r failed", clause.latex, exc_info=True)
            eq.checkable, eq.reason = False, f"eq2code could not read this equation ({type(e).__name__}: {e})"
            self.diag("internal-error", clause.block, clause.node.span, detail=eq.reason)

    def _lower_definition(self, eq: Equation, clause: Clause) -> None:
        chain: ir.Chain = clause.node  # type: ignore[assignment]
        lhs, sides = chain.items[0], chain.items[1:]
        head = analyze_head(lhs, sides[0])
        given = self._given_derivative(clause, lhs, sides) if head is None else None
        if given is not None:  # ∇g(𝐰) = …, g'(w) = …: the value of that derivative's formula (D20)
            head = Head(given, given, [], _entry_of_gradient(lhs, sides[0]), False)
        eq.mentions = _mentioned_keys(sides)
        if head is not None:
            eq.name, eq.key = head.name, head.key
        ctx = self._context()
        roles = {k for k in self.role_labels if k in eq.mentions or k == symbol_key(lhs)}
        ctx.matrices = matrix_candidates(chain, {k for k, d in self.decls.items() if d.shape} | roles)
        if ctx.matrices:  # 𝐗𝐖^Q: the labelled weight beside a matrix is a matrix too
            ctx.matrices |= {k for k in roles if k not in self.decls}
        _say_bold_capital_products(ctx, chain, {k for k, d in self.decls.items() if d.shape})
        ctx.vectors = vector_candidates(chain, set(self.decls) | set(self.quantities))
        ctx.transposed_items = transposed_items(chain, set(self.decls) | set(self.quantities))
        _norm_candidates(ctx, chain, set(self.decls) | set(self.quantities))
        _vectors_after_matrices(ctx, chain, set(self.decls) | set(self.quantities),
                                ctx.matrices | {k for k, d in self.decls.items() if len(d.shape) == 2})
        ctx.plain_identity = _identity_beside_matrix(chain, ctx.matrices)
        if head is not None:
            ctx.head_params = {k for k in (symbol_key(p) for p in head.params) if k}
            # sim(z_i, z_j) = z_i^⊤ · z_j / (‖z_i‖ ‖z_j‖): a parameter the right side transposes is a vector,
            # and so are the parameters named by the same letter (the other item)
            transposed = {k for k in ctx.head_params if k not in self.decls and any(
                isinstance(n, ir.Script) and symbol_key(ir.Script(n.base, n.sub, None, span=n.span)) == k
                and isinstance(n.sup, ir.Special) and n.sup.name == "top" for n in chain.walk())}
            letters = {k.split("_")[0] for k in transposed}
            ctx.vectors |= transposed | {k for k in ctx.head_params if k not in self.decls and "_" in k
                                         and k.split("_")[0] in letters}
            if head.key.endswith("(event)"):  # P(t=1 | x) = y: the probability is the value named P
                ctx.readings.append((phrase("read-event-probability", name=head.name), lhs.span))
        stepped = re.fullmatch(r"(.+\^)([a-z])\+1", head.key) if head is not None else None
        if stepped is not None:  # w^{t+1} = w^t − …: w^t is the value at step t
            ctx.step_current = {stepped.group(1) + stepped.group(2)}
        elif head is not None:  # w^{k} = w^{k-1} − …: a value at step k from values at earlier steps
            ctx.step_label = _step_label(head.key, eq.mentions, lhs)
        ctx.alone = _letters_alone(chain)
        ctx.bare_keys = bare_keys(chain)
        ctx.writes_words = writes_words(chain)
        ctx.step_letters = _subscript_letters_besides_I(chain)
        if isinstance(lhs, ir.Call) and isinstance(lhs.func, ir.Ident) and lhs.func.name in DISTRIBUTION_NAMES \
                and lhs.func.key not in self.decls:
            ctx.head_distribution = lhs
        if head is not None and head.key in (word_key(lhs), _capital_and_number(lhs)):
            ctx.readings.append((phrase("read-letters-as-name", name=head.key), lhs.span))
        if head is not None and parameter_subscript_key(lhs) == head.key:  # f_{𝐰,b} = …
            ctx.readings.append((phrase("read-parameter-subscript", latex=clause.block.text[lhs.span[0]:lhs.span[1]],
                                        name=head.name), lhs.span))
        low = Lowerer(ctx)
        example = self._example(clause)
        try:
            listed = _listed_entries(chain, clause.block.text)
            if listed is None and (cut := _listing_after_comma(sides, clause.block.text)) is not None:
                raise LoweringError("not-checkable", phrase("eq-listed-after-comma"), cut)
            if head is not None and (words := _continued_in_words(chain, clause.block.text)) is not None:
                raise LoweringError("not-checkable", phrase("eq-continued-in-words", words=words), chain.span)
            if listed is not None:
                raise LoweringError("not-checkable", phrase("eq-listed-entries"), listed)
            scaled = scaled_index(lhs)
            if scaled is not None:  # p_{i,2j} = sin(…), p_{i,2j+1} = cos(…): entries by parity
                raise LoweringError("not-checkable", phrase(
                    "eq-entries-at-scaled-index", latex=clause.block.text[scaled.span[0]:scaled.span[1]]), scaled.span)
            if head is None:
                eq.kind = "identity"
                eq.name = self.text_name(lhs)
                if len(sides) == 1 and (_all_numbers(sides[0]) or _zero_vector(sides[0])) \
                        and not isinstance(lhs, ir.Num) and not _all_numbers(lhs):
                    eq.kind = "statement"  # Σ_k θ_k = 1 (subject to …): a condition the inputs meet
                    raise LoweringError("not-checkable", phrase("eq-constraint"), chain.span)
                if len(sides) == 1 and isinstance(lhs, ir.Num) and not _all_numbers(sides[0]):
                    eq.kind = "statement"  # 0 = Σ_i (y_i − θ): a condition the inputs meet (an optimum's)
                    raise LoweringError("not-checkable", phrase("eq-constraint"), chain.span)
                values = [low.expr(lhs)] + [low.expr(s) for s in sides]
            else:
                eq.name, eq.key, eq.params = head.name, head.key, [symbol_key(p) or "" for p in head.params]
                ctx.inlining.append(head.key)  # softmax(z) = softmax(z + c1) is no recursion
                if isinstance(lhs, ir.Frac):
                    ctx.upstream = derivative_function(lhs)
                indices = [v for v in head.out_indices if not (v in self.decls and self.decls[v].shape)
                           and not self._names_only(sides[0], v) and not _bound_of_bigop(sides[0], v)]
                for v in head.out_indices:
                    if _bound_of_bigop(sides[0], v) and not (v in self.decls and self.decls[v].shape):
                        ctx.readings.append((phrase("read-subscript-size-label", letter=v), lhs.span))
                if head.out_indices and not indices and not head.is_function and symbol_key(lhs):
                    head.key = symbol_key(lhs) or head.key  # h_t = o_t ⊙ tanh(c_t): the name h_t
                    head.name = eq.name = py_name(head.key)
                    eq.key = head.key
                head.out_indices = indices
                self._declare_free_indices(ctx, head)
                self._apply_mapping_shapes(ctx, head)
                ctx.value_points = {k: v for k, v in value_points(chain, is_derivative).items() if k != head.key}
                sides = _without_renaming_form(ctx, sides, eq.params, clause.block.text,
                                               set(self.decls) | set(self.quantities) | set(self.functions))
                values, sides = self._readable_forms(ctx, low, sides)
                values, sides = _without_given_forms(ctx, values, sides)
                _computes_more_than_given_values(ctx, values[0], chain)
                self._apply_codomain(low, head, values)
            values = [low.canonical(v) for v in self._sizes_met_late(ctx, values)]
            if head is not None and len(chain.items) == 2 \
                    and (gone := _cancelled_names(chain.items[1:], values[0], ctx)):
                # μ_B = (μ·\text{bias_axis})/‖\text{bias_axis}‖² · \text{bias_axis} with the name read as a
                # number: it cancels — the value read is not the formula meant (said, not checked)
                raise LoweringError("not-checkable", phrase("eq-names-cancel", names=", ".join(gone)), chain.span)
            if head is not None and _named_in_words(lhs, sides[0], values[0]):
                # n_C = \text{number of filters used}, \text{steepest ascent direction} = ∇g: a quantity
                # described in words, nothing computed — code computing it from its own data would fail
                raise LoweringError("not-checkable", phrase("eq-named-in-words"), chain.span)
            if head is None and _listing_of_another_shape(values):
                # 𝐱^T𝐖 = [𝐱^T𝐰_0 ⋯ 𝐱^T𝐰_{C-1}] with 𝐖 read as a vector: the sides disagree, no reference
                raise LoweringError("not-checkable", phrase("eq-identity-listing-shape"), chain.span)
            if _numbers_of_another_shape(values):
                raise LoweringError("not-checkable", phrase("eq-numbers-another-shape"), chain.span)
            if ctx.gradients and head is None:
                raise LoweringError("not-checkable", phrase("eq-gradient-identity"), chain.span)
            if isinstance(lhs, ir.Frac) and head is not None and not ctx.gradients and not head.out_indices \
                    and not _worked_example(values):
                # ∂L/∂W = X^T(Ŷ − Y), ∂f/∂x = 2xy: the value the formula gives, what code computing that
                # derivative returns — said (numbers alone, ∂z/∂x = 2, stay a worked example)
                of = derivative_function(lhs)
                self._derivative_value(clause, lhs, {of} if of else set(), chain.items[1:],
                                       construct=eq.head_latex or clause.latex)
            if example is not None and example.whole(chain, head is not None):
                self._as_example(eq, clause, example, defined=head is not None)
                if head is not None and not head.is_function and not head.out_indices:
                    self.example_values[head.key] = values[0]  # j_0 = e^{0.9}/sum = 0.475 is an example too
                return
            if _worked_example(values):
                raise LoweringError("not-checkable", phrase("eq-worked-example"), chain.span)
            if example is None and _stated_for_unknowns(sides):
                raise LoweringError("not-checkable", phrase("eq-worked-example"), chain.span)
            if head is not None and len(values) > 1:
                values = self._declared_form_first(ctx, values, sides)
            free = self._free_ranges(ctx, head)
            eq.plans = [compile_expr(v) for v in values]
            eq.free_indices = [(str(s), compile_expr(sympy.sympify(lo)), compile_expr(sympy.sympify(hi)))
                               for s, lo, hi in free]
        except CompileError as e:
            _say(eq, phrase("eq-cannot-compute", what=e.what))
            self.diag("unsupported-notation", clause.block, clause.node.span, construct=eq.name, detail=eq.why)
            if example is not None:
                self._as_example(eq, clause, example, defined=head is not None)
            return
        except LoweringError as e:
            _say(eq, e.why)
            if head is not None:
                self.unreadable[head.key] = eq.head_latex or clause.block.text[lhs.span[0]:lhs.span[1]]
            if example is None or not example.whole(chain, head is not None):  # symbolic forms: read as before
                self.diag("unsupported-notation" if e.kind == "unsupported-notation" else "not-checkable",
                          clause.block, e.span, reason=e.why, construct=e.construct, detail=e.why)
            if example is not None:
                self._as_example(eq, clause, example, defined=head is not None)
            return
        for reading, span in ctx.readings:
            if span == (0, 0):
                span = clause.node.span
            self.diag("ambiguous-notation", clause.block, span, reading=reading,
                      construct=clause.block.text[span[0]:span[1]])
        if example is not None:  # acc = (TP+TN)/N = (3+4)/10 = 0.7: the definition, and its worked numbers
            self._report_claims(clause, example)
            forms = list(example.forms.values())
            self.diag("ambiguous-notation", clause.block, (forms[0].node.span[0], forms[-1].node.span[1]),
                      construct=clause.block.text[forms[0].node.span[0]:forms[-1].node.span[1]],
                      reading=phrase("read-worked-example"))
        eq.head_latex = clause.block.text[lhs.span[0]:lhs.span[1]]
        eq.sympy, eq.sympy_text = values[0], [str(v) for v in values]
        names = {py_name(k): latex_of(k) for k in ctx.order}
        eq.parts = equation_parts(values[0], names)
        eq.uses = set(ctx.uses)
        eq.inputs = self._with_used_inputs(self._inputs(ctx, head, values), ctx.uses)
        self._inputs_defined_unreadably(eq, clause)
        eq.output_shape = self._output_shape(free, values[0])
        eq.mutants = make_mutants(values[0], eq.inputs, is_kl=eq.key == "D_KL" or "D_KL" in ctx.uses, names=names,
                                  head=eq.head_latex)
        eq.variants = make_variants(values[0])
        eq.checkable = True
        if head is not None and head.key in self.cyclic:  # x₀ = f(ε) and ε = g(x₀): said, never silent
            self.diag("ambiguous-notation", clause.block, clause.node.span, construct=eq.head_latex,
                      reading=phrase("read-cyclic-definition", left=eq.head_latex))
        if head is not None and not head.is_function and not head.out_indices:
            self.quantities[head.key] = values[0]
            self.quantity_inputs[head.key] = eq.inputs
        elif head is not None and len(head.out_indices) == 1 and isinstance(values[0], MatrixExpr):
            # head_i = …: a family of matrices, used as Concat(head_1, …, head_h)
            axis = eq.output_shape[0] if eq.output_shape and isinstance(eq.output_shape[0], str) else None
            self.families[head.key] = (values[0], sympy.Symbol(head.out_indices[0], integer=True), axis)
            self.quantity_inputs[head.key] = eq.inputs

    # -- worked examples (examples.py) -------------------------------------------------------
    def _example(self, clause: Clause) -> Example | None:
        """The clause's numeric forms and the equalities stated between them, if any."""
        chain = clause.node
        if not isinstance(chain, ir.Chain) or not any(r in EQUALITIES for r in chain.rels):
            return None

        values = {**self.quantities, **self.example_values}  # only examples see an example's value

        def known(key: str) -> bool:
            value = values.get(key)
            return value is not None and not getattr(value, "free_symbols", True)

        def lower(node: ir.Node):
            ctx = Context(dict(self.decls), self.functions, values, Sizes(), set(self.size_names),
                          patterns=list(self.patterns), families=self.families, zero_based=self.zero_based)
            return Lowerer(ctx).expr(node)

        try:
            return read_example(chain, lower, known, self.stated)
        except RecursionError:
            return None

    def _as_example(self, eq: Equation, clause: Clause, example: Example, defined: bool = False) -> None:
        """A worked example: checkable as a claim — its arithmetic is checked, nothing is an input."""
        chain: ir.Chain = clause.node  # type: ignore[assignment]
        eq.kind, eq.checkable = "example", True
        eq.plans, eq.inputs, eq.sympy = _example_plans(example), [], None
        eq.sympy_text = [show(f) for f in example.forms.values()]
        eq.output_shape = next(iter(example.forms.values())).shape
        if example.whole(chain, defined):
            _say(eq, phrase("eq-worked-example-checked"))
        else:
            rest = [item for k, item in enumerate(chain.items) if k not in example.forms and (k or not defined)]
            left = clause.block.text[rest[0].span[0]:rest[-1].span[1]]
            _say(eq, phrase("eq-worked-example-partly", left=left))
        self._report_claims(clause, example)

    def _report_claims(self, clause: Clause, example: Example) -> None:
        text = clause.block.text
        for claim in example.claims:
            if claim.log_base is not None:  # the example decided the base: said, never silent
                span = (claim.left.node.span[0], claim.right.node.span[1])
                self.diag("ambiguous-notation", clause.block, span, construct=text[span[0]:span[1]].strip(),
                          reading=phrase("read-log-base-of-example", base=claim.log_base))
        for claim in example.failed:
            left, right = claim.left.node.span, claim.right.node.span
            precision = phrase("example-precision-relative") if claim.decimals is None else \
                phrase("example-precision-decimals", count=claim.decimals) if claim.decimals else \
                phrase("example-precision-written")
            self.diag("worked-example-mismatch", clause.block, (left[0], right[1]),
                      left=text[left[0]:left[1]].strip(), right=text[right[0]:right[1]].strip(),
                      left_value=show(claim.left), right_value=show(claim.right), precision=precision)

    def _readable_forms(self, ctx: Context, low: Lowerer, sides: list[ir.Node]) -> tuple[list, list[ir.Node]]:
        """A chain's forms that can be computed: R² = 1 − SSE/SST = 1 − (…)/(…) = 1 − MSE/Var(y) is
        checked in the forms eq2code reads; a form it cannot read is a claim, reported, not a
        failure. A first form that is not read (softmax_m[k_•ᵀ q_n] = exp(…)/Σ…: a shorthand, then
        what it means) leaves the definition to the first form that is — the author states they are
        equal — and is reported too."""
        values, kept, failed = [], [], []
        if len(sides) > 1 and _names_a_derivative(sides[0], self.functions):
            # dW = ∂J/∂W = (1/m) dZ Aᵀ: the derivative says what dW is, the formula its value (D20)
            left: ir.Frac = sides[0]  # type: ignore[assignment]
            ctx.readings.append((phrase("read-derivative-value", left=_derivative_text(left)), left.span))
            sides = sides[1:]
        for side in sides:
            try:
                values.append(low.expr(side))
                kept.append(side)
            except LoweringError as e:
                if e.kind != "not-checkable" and not values:
                    raise  # unsupported notation or a shape conflict in the defining form: said as it is
                failed.append((side, e))
        if not values or (failed and not any(_computation(k) for k in kept)):
            # nothing read, or only names (L = 𝔼[…] = L_s, ℓ(x, y) = L = {l_1, …, l_N}): a name is no meaning
            raise failed[0][1]
        for side, error in failed:
            ctx.readings.append((phrase("read-form-not-read", why=error.why), side.span))
        return values, kept

    def _names_only(self, rhs: ir.Node, letter: str) -> bool:
        """h_t = o_t ⊙ tanh(c_t) with o_t, c_t defined: t is part of names, not an index of the result.
        So is i of L_i = Σ_{j≠y_i} max(0, s_j − s_{y_i} + Δ) with the label y_i declared: s_{y_i} is
        indexed by that known name, not by i."""
        known = lambda n: symbol_key(n) in self.decls or symbol_key(n) in self.quantities  # noqa: E731

        positions = [n.sub for n in rhs.walk() if isinstance(n, ir.Script) and isinstance(n.sub, ir.Script)]

        def label(n: ir.Node) -> bool:  # y_i with y_i ∈ {0, …, C−1} declared entry by entry: one example's label
            base = n.base if isinstance(n, ir.Script) else None
            decl = self.decls.get(base.key) if isinstance(base, ir.Ident) else None
            if known(n) or (decl is not None and decl.elementwise and decl.space.kind == "categorical"):
                return True
            # undeclared, and written as another symbol's subscript (s_{y_i}): the label of one example
            return decl is None and isinstance(base, ir.Ident) and len(base.name) == 1 and base.name.islower() \
                and any(p == n for p in positions)
        uses = [n for n in rhs.walk() if isinstance(n, ir.Script) and n.sub is not None and _mentions(n.sub, letter)
                and not (isinstance(n.sub, ir.Script) and label(n.sub))]
        return bool(uses) and all(label(n) for n in uses)

    def _sizes_met_late(self, ctx: Context, values: list) -> list:
        """1/(NK) before Σ_{n=1}^{N} Σ_{k=1}^{K}: N and K were read as scalars before the sums made
        them sizes — they are the sizes (one value, from the arrays' shapes)."""
        values = self._count_of_a_mean(ctx, values)
        late = [k for k in ctx.scalars if k in ctx.size_names and k not in self.decls]
        if not late:
            return values
        mapping = {}
        for value in values:
            for s in getattr(value, "free_symbols", set()):
                for key in late:
                    if isinstance(s, sympy.Symbol) and s.name == py_name(key) and not (s.is_integer and s.is_positive):
                        rep = ctx.sizes.find(key)
                        mapping[s] = sympy.Integer(int(rep)) if rep.isdigit() else size_symbol(rep)
        for key in late:
            ctx.scalars.pop(key, None)
        return [v.xreplace(mapping) if mapping and isinstance(v, sympy.Basic) else v for v in values]

    def _count_of_a_mean(self, ctx: Context, values: list) -> list:
        """L = \\frac{1}{N} \\sum_i L_i + …: an undeclared capital N dividing a sum without bounds (over the
        whole axis of i) is the number of its terms — the mean's count, the axis' size (said), never an
        input beside them. Only when there is one such sum and one such capital."""
        if not values or not isinstance(values[0], sympy.Basic):
            return values
        sums = {s.limits[0][2] for s in values[0].atoms(sympy.Sum) if len(s.limits) == 1
                and s.limits[0][1] == 1 and isinstance(s.limits[0][2], sympy.Symbol)
                and s.limits[0][2].name.startswith("n_")}
        capitals = [k for k in ctx.scalars if k not in self.decls and len(k) == 1 and k.isupper()
                    and k not in ctx.size_names
                    and any(isinstance(a, sympy.Pow) and a.exp == -1 and isinstance(a.base, sympy.Symbol)
                            and a.base.name == py_name(k) for a in values[0].atoms(sympy.Pow))]
        if len(sums) != 1 or len(capitals) != 1:
            return values
        key, size = capitals[0], next(iter(sums))
        mapping = {s: size for v in values if isinstance(v, sympy.Basic) for s in v.free_symbols
                   if isinstance(s, sympy.Symbol) and s.name == py_name(key)}
        ctx.scalars.pop(key, None)
        ctx.readings.append((phrase("read-mean-count", name=latex_of(key)), (0, 0)))
        return [v.xreplace(mapping) if isinstance(v, sympy.Basic) else v for v in values]

    def _declared_form_first(self, ctx: Context, values: list, sides: list[ir.Node]) -> list:
        """acc = #correct/#all = (TP+TN)/(TP+TN+FP+FN) with TP, … declared: the form whose symbols
        are all declared is the one checked (the file says which inputs the function takes)."""
        given = set(ctx.gradients.values())

        def declared(value) -> bool:
            names = _value_names([value])
            keys = [k for k in ctx.order if py_name(k) in names]
            return bool(keys) and all(k in given or (k in self.decls and self.decls[k].declared) for k in keys)

        if declared(values[0]):
            return values
        for k, value in enumerate(values[1:], start=1):
            if declared(value):
                ctx.readings.append((phrase("read-declared-form", number=k + 1), sides[k].span))
                return [value] + values[:k] + values[k + 1:]
        return values

    def _given_derivative(self, clause: Clause, lhs: ir.Node, sides: list[ir.Node]) -> str | None:
        """`\\nabla g(\\mathbf{w})`, `g'(w)`, `\\frac{d}{dw} g(w)`, `\\partial_{\\mathbf{w}} l(\\mathbf{w}, b)` of a
        function the file does not define, alone on the left of a formula that uses no given
        gradient: the name of that derivative's value (D20, said), else None. A formula that uses
        the function itself is a differential equation (raised, not checkable)."""
        text = clause.block.text[lhs.span[0]:lhs.span[1]]
        if not re.search(r"\\nabla|\\partial|\\prime|'|\\frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d|\\operatorname\s*\{\s*d)",
                         text):
            return None
        left, right = self._context(), self._context()
        try:
            value = Lowerer(left).expr(lhs)
            for side in sides:
                Lowerer(right).expr(side)
        except (LoweringError, CompileError, TypeError, ValueError):
            return None
        names = set(left.gradients.values())
        if len(names) != 1 or getattr(value, "name", None) not in names or right.gradients:
            return None
        functions = {key for n in lhs.walk() if isinstance(n, ir.Call)
                     if (key := symbol_key(n.func.base if isinstance(n.func, ir.Script) else n.func)) is not None}
        self._derivative_value(clause, lhs, functions, sides)
        return str(value.name)

    def _derivative_value(self, clause: Clause, lhs: ir.Node, functions: set[str], sides: list[ir.Node],
                          construct: str = "") -> None:
        """A derivative on the left of a formula is that formula's value (D20), said — unless the
        formula uses a function differentiated (`dc/dt = A c(t) + B u(t)`): a differential equation."""
        used = functions & _mentioned_keys(sides)
        if used:
            raise LoweringError("not-checkable", phrase("eq-differential-equation", name=latex_of(sorted(used)[0])),
                                clause.node.span)
        own = sorted(f for f in functions if f in self.quantities or f in self.functions)
        left = clause.block.text[lhs.span[0]:lhs.span[1]].strip()
        self.diag("ambiguous-notation", clause.block, lhs.span, construct=construct or left,
                  reading=phrase("read-derivative-of-defined-value" if own else "read-derivative-value",
                                 left=left, name=latex_of(own[0]) if own else ""))

    def _context(self) -> Context:
        return Context(self.decls, self.functions, self.quantities, self.sizes, self.size_names,
                       patterns=self.patterns, families=self.families, zero_based=self.zero_based,
                       intercepts=self.intercepts,
                       role_labels=self.role_labels)

    def _declare_free_indices(self, ctx: Context, head: Head) -> None:
        for letter in head.out_indices:
            symbol = sympy.Symbol(letter, integer=True)
            ctx.indices[letter] = (symbol, sympy.Integer(1), None)
            ctx.free[letter] = None

    def _apply_mapping_shapes(self, ctx: Context, head: Head) -> None:
        dom = self.decls.get(f"{head.key}:domain")
        if dom is None or len(head.params) != 1:
            return
        key = symbol_key(head.params[0])
        if key is not None and key not in self.decls:
            self.decls[key] = Decl(key, latex_of(key), dom.shape, REAL, declared=False)

    def _apply_codomain(self, low: Lowerer, head: Head, values: list) -> None:
        """f: ℝ^n → ℝ^m makes f's value an m-vector."""
        cod = self.decls.get(f"{head.key}:codomain")
        if cod is None or not cod.shape:
            return
        for v in values:
            if isinstance(v, MatrixExpr) and len(cod.shape) == 1:
                self.size_names.add(str(cod.shape[0]))
                low._unify_dims(v.shape[0], cod.shape[0], head.params[0] if head.params else ir.Empty())

    def _free_ranges(self, ctx: Context, head: Head | None) -> list[tuple]:
        out = []
        for letter in (head.out_indices if head else []):
            dim = ctx.free.get(letter)
            if dim is None:
                raise LoweringError("not-checkable", phrase("eq-index-indexes-nothing", letter=letter), (0, 0))
            rep = ctx.sizes.find(dim)
            out.append((sympy.Symbol(letter, integer=True), 1, int(rep) if rep.isdigit() else size_symbol(rep)))
        return out

    def _inputs(self, ctx: Context, head: Head | None, values: list) -> list[InputSpec]:
        order = list(ctx.order)
        if head is not None:
            params = [symbol_key(p) for p in head.params]
            # L(x_0, x_1, y) with f(x_0), f(x_1) given: the values take the place of the points
            params = [next((g for g, v in ctx.given_values.items() if k in v.point and g in order), k)
                      if k not in order else k for k in params]
            order = [k for k in params if k in order] + [k for k in order if k not in params]
            order = list(dict.fromkeys(order))
        inputs = []
        used = _value_names(values[:1] if head is not None else values)  # a chain's other forms: claims
        own = {symbol_key(p) for p in head.params} if head is not None else set()
        for key in order:
            decl = self.decls.get(key)
            given = ctx.given_values.get(key)
            if given is not None and key in ctx.arrays:
                inputs.append(InputSpec(py_name(key), given.application,
                                        tuple(self._size_label(ctx, d) for d in ctx.arrays[key].dims), REAL, "array",
                                        py_name(key), inferred=True, aliases=ctx.aliases.get(key, ()),
                                        values_of=given.function))
                continue
            if given is not None:
                inputs.append(InputSpec(py_name(key), given.application, (), REAL, "scalar", py_name(key),
                                        inferred=True, aliases=ctx.aliases.get(key, ()), values_of=given.function))
                continue
            if key not in own and py_name(key) not in used:
                continue  # θ in ∇J(θ) when the gradient is given: named, but not computed with
            if key in ctx.arrays:
                dims = tuple(self._size_label(ctx, d) for d in ctx.arrays[key].dims)
                space = decl.space if decl else self._sized(ctx, _inferred_space(ctx, key, values))
                inputs.append(InputSpec(py_name(key), decl.latex if decl else latex_of(key), dims, space,
                                        "array", py_name(key), inferred=decl is None or not decl.declared,
                                        aliases=ctx.aliases.get(key, ()), spellings=_spellings(key, order, head),
                                        one_based=_one_based(space, py_name(key), values)))
            elif key in ctx.scalars:
                decl = decl or self._entry_declaration(key)  # y_i with y_i ∈ S declared entry by entry
                space = decl.space if decl else self._sized(ctx, _inferred_space(ctx, key, values))
                inputs.append(InputSpec(py_name(key), ctx.scalars[key], (), space, "scalar", py_name(key),
                                        inferred=decl is None,
                                        aliases=ctx.aliases.get(key, ()), spellings=_spellings(key, order, head),
                                        one_based=_one_based(space, py_name(key), values)))
        used_sizes = sorted({s.name for v in values for s in _size_atoms(v)})
        for name in used_sizes:
            inputs.append(InputSpec(py_name(name), latex_of(name), (), Space("size"), "size", name))
        return inputs

    def _entry_declaration(self, key: str) -> Decl | None:
        """The declaration of y_i when `y_i ∈ {0, …, C−1}` declared every entry of y and y_i is one
        example's label (i names the example, not an axis)."""
        base, _, sub = key.partition("_")
        decl = self.decls.get(base) if sub else None
        return decl if decl is not None and decl.elementwise and not decl.shape else None

    def _inputs_defined_unreadably(self, eq: Equation, clause: Clause) -> None:
        """An input that another clause of the file defines, in a form eq2code could not read
        (`\\alpha_i = … f_{attn}(…)` before `out = \\sum_i \\alpha_i v_i`): taken as a given input,
        and said so — never silently."""
        for spec in eq.inputs:
            for key, left in self.unreadable.items():
                if py_name(key) == spec.name:
                    self.diag("ambiguous-notation", clause.block, clause.node.span, construct=left,
                              reading=phrase("read-defined-unreadably", left=left, name=spec.name))

    def _with_used_inputs(self, inputs: list[InputSpec], uses) -> list[InputSpec]:
        """An auxiliary definition's inputs (𝐳^t of 𝐩^t = softmax(𝐳^t/T)) are inputs of what uses it."""
        names = {i.name for i in inputs}
        extra = []
        for key in uses:  # in the order the equation uses them
            for spec in self.quantity_inputs.get(key, []):
                if spec.name not in names:
                    names.add(spec.name)
                    extra.append(spec)
        arrays = [i for i in inputs if i.role != "size"] + [i for i in extra if i.role != "size"]
        return arrays + [i for i in inputs if i.role == "size"] + [i for i in extra if i.role == "size"]

    def _sized(self, ctx: Context, space: Space) -> Space:
        """A category space whose upper end is an array's axis, named as that axis ends up named."""
        if space.kind == "categorical" and isinstance(space.size, str) and space.size in ctx.sizes.parent:
            size = self._size_label(ctx, space.size)
            return replace(space, size=size, latex=f"\\{{1, …, {size}\\}}")
        return space

    def _size_label(self, ctx: Context, dim: str) -> object:
        rep = ctx.sizes.find(dim)
        return int(rep) if rep.isdigit() else rep

    def _output_shape(self, free: list[tuple], value) -> tuple:
        if free:
            dims = tuple(int(hi) if isinstance(hi, (int, sympy.Integer)) else str(hi) for _, _, hi in free)
            return dims + (self._output_shape([], value) if isinstance(value, MatrixExpr) else ())
        if isinstance(value, MatrixExpr):
            rows, cols = value.shape
            if rows == 1 and cols == 1:
                return ()  # 𝐮^⊤𝐯 is a number
            sizes = [rows] if cols == 1 else [rows, cols]
            return tuple(int(d) if isinstance(d, (int, sympy.Integer)) else str(d) for d in sizes)
        return ()

    def text_name(self, node: ir.Node) -> str:
        key = symbol_key(node)
        return py_name(key) if key else ""


def _without_note(node: ir.Node) -> tuple[ir.Node, str]:
    """A space followed by prose (`\\{0,1\\}^K \\text{ (one-hot)}`): the space, and the prose."""
    if isinstance(node, ir.Product) and len(node.factors) >= 2 and isinstance(node.factors[-1], ir.Text) \
            and all(op is None for op in node.ops[1:]):
        rest = node.factors[:-1]
        body = rest[0] if len(rest) == 1 else ir.Product(rest, node.ops[:-1], span=(rest[0].span[0], rest[-1].span[1]))
        return body, node.factors[-1].content
    return node, ""


def _numbered_name(node: ir.Script) -> bool:
    """`x_1`, `θ_0`, `w_2^2`: a plain letter, a number below it, at most a number above it."""
    return isinstance(node.base, ir.Ident) and not node.base.style and not node.base.accents \
        and isinstance(node.sub, ir.Num) \
        and node.sub.text.isdigit() and (node.sup is None or isinstance(node.sup, ir.Num)) and not node.primes


def _intercepts_beside_sums(clauses: list[Clause]) -> set[str]:
    """Letters a clause writes with 0 below them and, inside a sum from 1, with that sum's index
    (`θ_0 + Σ_{j=1}^d θ_j x_j`): θ_0 is the intercept. Read as entry 0 of θ numbered from 0 it was
    the same entry as θ_1 of the sum, silently."""
    out: set[str] = set()
    for clause in clauses:
        zero = {n.base.key for n in clause.node.walk() if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident)
                and isinstance(n.sub, ir.Num) and n.sub.text == "0"}
        for op in clause.node.walk():
            if not (isinstance(op, ir.BigOp) and op.op == "sum" and isinstance(op.sub, ir.Chain)
                    and len(op.sub.items) == 2 and isinstance(op.sub.items[0], ir.Ident)
                    and isinstance(op.sub.items[1], ir.Num) and op.sub.items[1].text == "1"):
                continue
            index = op.sub.items[0].key
            out |= {n.base.key for n in op.body.walk() if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident)
                    and isinstance(n.sub, ir.Ident) and n.sub.key == index and n.base.key in zero}
    return out


def _numbered_from_zero(clauses: list[Clause]) -> set[str]:
    """Symbols written with the number 0 as a subscript (β_0, ω_0): where they are entries of an
    array (not names declared as such, β_0 ∈ ℝ), the file numbers them from 0."""
    out: set[str] = set()
    for clause in clauses:
        for n in clause.node.walk():
            if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident) and isinstance(n.sub, ir.Num) \
                    and n.sub.text == "0":
                out.add(n.base.key)
    return out


def _offer_extras(equations: list[Equation]) -> None:
    """Each checkable definition's extras: the inputs of the file's other checkable definitions
    that it does not use itself (one function may implement the whole block)."""
    checkable = [e for e in equations if e.checkable and e.kind in ("definition", "identity")]
    for eq in checkable:
        own = {s.name for s in eq.inputs}
        seen: set[str] = set()
        for other in checkable:
            for spec in other.inputs:
                if spec.role != "size" and spec.name not in own and spec.name not in seen:
                    seen.add(spec.name)
                    eq.extras.append(spec)


def _lines(block: Block) -> list[Block]:
    out, pos = [], 0
    for line in block.text.split("\n"):
        if line.strip():
            out.append(Block(line, block.offset + pos, True))
        pos += len(line) + 1
    return out


_PLAIN_WORD = re.compile(r"(?<![\\{A-Za-z])[A-Za-z]{3,}(?![A-Za-z}])")
_IN = re.compile(r"\\in(?![A-Za-z])")


def _bound_line(text: str) -> bool:
    """A line outside the displays that only bounds symbols: `\\lambda > 0`, `0 < p < 1`."""
    try:
        node = parse_math(text)
    except LatexError:
        return False
    nodes = node.clauses if isinstance(node, ir.Statement) else [node]
    return bool(nodes) and all(_bound(n) is not None for n in nodes)


def _declaration_lines(text: str) -> bool:
    """Does a paragraph outside the displays look like declarations (`\\in`, not prose)?"""
    notes = re.sub(r"\\(?:text|mathrm|textrm|mbox)\s*\{[^{}]*\}", " ", text)  # \text{ (one-hot)} is a note
    return bool(_IN.search(text)) and len(_PLAIN_WORD.findall(notes)) < 2


_SPACING = re.compile(r"\\[,;: ]|\\quad|\\qquad|~")


def _without_renaming_form(ctx: Context, sides: list[ir.Node], params: list[str], text: str,
                           known: set[str]) -> list[ir.Node]:
    """a[z] = ReLU[z] = {αz if z < 0; z otherwise}: a named function applied to exactly the left
    side's own arguments, followed by a form that computes, is another name of the function the chain
    defines (the notes define their ReLU here), not a use of the usual one — its value is the form
    after it (said)."""
    first = sides[0] if len(sides) > 1 else None
    if first is not None and _is_symbol(first) and not _computation(first) and _computation(sides[1]) \
            and symbol_key(first) not in known:
        # ℓ(x, y) = L = \{l_1, …, l_N\}^⊤: L, defined nowhere, names the value the next form computes
        ctx.readings.append((phrase("read-form-name", form=text[first.span[0]:first.span[1]].strip()), first.span))
        return sides[1:]
    if not params or not isinstance(first, ir.Call) or not isinstance(first.func, ir.Ident) \
            or [symbol_key(a) for a in first.args] != params or not _computation(sides[1]):
        return sides
    ctx.readings.append((phrase("read-form-renamed", form=text[first.span[0]:first.span[1]].strip()), first.span))
    return sides[1:]


def _listing_of_another_shape(values: list[object]) -> bool:
    """An identity one of whose sides is a listing read from an ellipsis (a vector or matrix of
    entries) while another side has another number of axes: one side is misread, nothing to check."""
    def axes(value: object) -> int:
        return sum(1 for d in value.shape if d != 1) if isinstance(value, MatrixExpr) else 0
    listed = [v for v in values if isinstance(v, sympy.Basic) and v.has(Entries)]
    return bool(listed) and len({axes(v) for v in values}) > 1


def _listed_entries(chain: ir.Node, text: str) -> ir.Span | None:
    """`\\left[ x_1^{(i)} \\, x_2^{(i)} \\, x_3^{(i)} \\right]`: three or more entries of one letter,
    numbered, side by side with explicit spacing between them — a row of entries, not a product.
    The span of the first such juxtaposition, else None."""
    for node in chain.walk():
        if not isinstance(node, ir.Product) or len(node.factors) < 3 or any(node.ops[1:]):
            continue
        bases = {_entry_base(f) for f in node.factors}
        if len(bases) != 1 or None in bases:
            continue
        gaps = [text[a.span[1]:b.span[0]] for a, b in zip(node.factors, node.factors[1:])]
        if all(_SPACING.search(g) for g in gaps):
            return node.span
    return None


_CONTINUATION = re.compile(r"\s*(?:\\(?:quad|qquad|[,;: ])|~|,)*\s*\\(?:text|textrm|mathrm|mbox|textit)\s*"
                           r"\{\s*((?:that|which|such|so that|s\.t\.)\b[^}]*)\}")


def _continued_in_words(chain: ir.Node, text: str) -> str | None:
    r"""`c^{(i)} := j \quad \mathrm{that\;minimizes} \quad ‖x^{(i)} − μ_j‖²`: a definition whose
    sentence goes on in words (that, which, such that) — its value is what the words say, not the
    right side alone. The words, else None."""
    m = _CONTINUATION.match(text[chain.span[1]:])
    return " ".join(re.sub(r"\\[;,: ]", " ", m.group(1)).split()) if m else None


def _listing_after_comma(sides: list[ir.Node], text: str) -> ir.Span | None:
    """`W = w_1, w_2 . . . w_n`: a right side that is one numbered entry, continued after a comma by
    more entries of its letter — a listing cut by the comma, not W = w_1. Its span, else None."""
    last = sides[-1] if sides else None
    letter = _entry_base(last) if last is not None else None
    if letter is None or last is None:
        return None
    after = text[last.span[1]:]
    pattern = r"\s*,\s*(?:\\[a-z]+\s*\{\s*)?" + re.escape(letter) + r"\s*\}?\s*_"
    return last.span if re.match(pattern, after) else None


def _entry_base(node: ir.Node) -> str | None:
    """`x_1`, `x_2^{(i)}`: the letter of a numbered entry, else None."""
    if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and isinstance(node.sub, ir.Num):
        return node.base.name
    return None


BARE_VALUE = "value"  # the name given to an expression displayed without a left side


def _the_only_computation(kinds: list[tuple[str, Clause]], found: list[int]) -> bool:
    """One clause found, and every other clause of the file a declaration."""
    return len(found) == 1 and all(kind == "declaration" for k, (kind, _) in enumerate(kinds) if k != found[0])


def _value_name(node: ir.Node) -> str:
    """`value` for what a display computes without a left side; `result` when it writes value itself."""
    return BARE_VALUE if BARE_VALUE not in {n.name for n in node.walk() if isinstance(n, ir.Ident)} else "result"


def _unbound_subscript_letters(node: ir.Node) -> set[str]:
    """Single small letters used in subscripts that no sum or product in `node` binds (the i of
    `\\sum_j h_{ij}`): indices a left side would have bound."""
    bound = {op.sub.items[0].key for op in node.walk() if isinstance(op, ir.BigOp) and isinstance(op.sub, ir.Chain)
             and op.sub.items and isinstance(op.sub.items[0], ir.Ident)}
    bound |= {op.sub.key for op in node.walk() if isinstance(op, ir.BigOp) and isinstance(op.sub, ir.Ident)}
    used = {n.key for script in node.walk() if isinstance(script, ir.Script) and script.sub is not None
            for n in script.sub.walk() if isinstance(n, ir.Ident) and len(n.name) == 1 and n.name.islower()
            and not n.style}
    return used - bound


def _continues(node: ir.Node) -> bool:
    """`= …` (the parser's placeholder for a left side written on another line) defining a value."""
    return isinstance(node, ir.Chain) and len(node.items) >= 2 and isinstance(node.items[0], ir.Special) \
        and node.items[0].name == "continued" and not isinstance(node.items[1], ir.Special)


def _bare_expression(node: ir.Node) -> bool:
    """An expression that computes something from symbols: no relation, no prose, no notation
    without a value, not a list or a literal, not a lone symbol or ellipsis."""
    if isinstance(node, (ir.Chain, ir.Quantified, ir.Statement, ir.Tuple, ir.Notation, ir.Empty, ir.Text,
                         ir.Special, ir.Num, ir.Annotated)) or _is_annotation(node) or _is_symbol(node):
        return False
    if isinstance(node, ir.BigOp) and node.op in ("argmin", "argmax", "min", "max", "inf", "sup") \
            and node.sub is not None and not (_is_symbol(node.sub) and _indexes(node.body, node.sub)):
        return False  # \min_θ L(θ), \arg\max_w …: an optimisation problem, not a value
    walked = list(node.walk())
    if any(isinstance(n, (ir.Notation, ir.Text)) or (isinstance(n, ir.Special) and n.name == "ellipsis")
           for n in walked):
        return False
    return not _all_numbers(node)


_BOUND_RELS = {"gt": (False, "low"), "ge": (True, "low"), "lt": (False, "high"), "le": (True, "high")}


def _bound(node: ir.Node) -> tuple[ir.Node, Space] | None:
    """`λ > 0`, `η \\geq 0`, `0 < p < 1`, `0 \\le p \\le 1`: the symbol bounded and the space it
    is declared to live in; None for any other relation (`x > y` compares two inputs)."""
    if not isinstance(node, ir.Chain) or not 1 <= len(node.rels) <= 2 or any(r not in _BOUND_RELS for r in node.rels):
        return None
    items, rels = node.items, node.rels
    if len(rels) == 2:  # 0 < p < 1, 0 ≤ p ≤ 1
        low, high = number(items[0]), number(items[2])
        if not (_is_symbol(items[1]) and low is not None and high is not None and low < high
                and {rels[0], rels[1]} <= {"lt", "le"}):
            return None
        closed = (rels[0] == "le", rels[1] == "le")
        return items[1], Space("interval", low, high, closed, _bound_latex(low, high, closed))
    symbol, value, rel = items[0], number(items[1]), rels[0]
    if not _is_symbol(symbol) or value is None:
        symbol, value = items[1], number(items[0])  # 0 < λ: λ > 0
        rel = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge"}[rel]
        if not _is_symbol(symbol) or value is None:
            return None
    inclusive, side = _BOUND_RELS[rel]
    if side == "high":  # x < 1 alone bounds nothing from below: an inequality, as before
        return None
    kind = "interval" if value != 0 else ("nonnegative" if inclusive else "positive")
    op = "\\geq" if inclusive else ">"
    return symbol, Space(kind, value, None, (inclusive, True), "\\mathbb{R}_{" + f"{op} {value:g}" + "}")


def _bound_latex(low: float, high: float, closed: tuple[bool, bool]) -> str:
    return ("[" if closed[0] else "(") + f"{low:g}, {high:g}" + ("]" if closed[1] else ")")


def _declared_key(node: ir.Node) -> str | None:
    """The key `node \\in S` declares: a symbol's, an application's (p(D | θ)) or a word's (TP)."""
    return symbol_key(node) or app_key(node) or word_key(node)


def _computation(node: ir.Node) -> bool:
    """A form that computes something (not a lone name or number)."""
    return not (_is_symbol(node) or isinstance(node, ir.Num) or _all_numbers(node))


def _indexes(body: ir.Node, var: ir.Node) -> bool:
    """Does `var` (the j of \\max_j) index something in `body` (z_j), rather than being its argument?"""
    key = symbol_key(var)
    return any(isinstance(n, ir.Script) and n.sub is not None and symbol_key(n.sub) == key for n in body.walk())


def _numbers_of_another_shape(values: list) -> bool:
    """`𝐳 = 𝐱^T 𝐖 = [0.35, 0.69, …]` read as one number: the numbers written in the chain are several,
    so the reading (a shape inferred from use) is not the writer's."""
    first = values[0]
    if (isinstance(first, MatrixExpr) and first.shape != (1, 1)) or not getattr(first, "free_symbols", None):
        return False  # a vector or a matrix (its size a name), or numbers only
    return any(isinstance(v, sympy.MatrixBase) and not v.free_symbols and len(v) > 1 for v in values[1:])


def _all_numbers(node: ir.Node) -> bool:
    """Only numbers in it (`\\frac{0.78}{0.05}`): a worked example's left side, not a condition."""
    return not any(isinstance(n, (ir.Ident, ir.Script, ir.Call, ir.Text, ir.Special)) for n in node.walk())


def _example_plans(example: Example) -> list:
    """The worked example's numeric forms as plans (what `evaluate` computes for each side)."""
    try:
        return [compile_expr(form.value) for form in example.forms.values()]
    except Exception:  # a form the plan compiler does not know: its arithmetic is checked all the same
        log.debug("worked example not compiled", exc_info=True)
        return []


def _worked_example(values: list) -> bool:
    """`… = 1250`: a computation on constants, shown with its result (`examples.py` checks it)."""
    return all(not getattr(v, "free_symbols", set()) and not isinstance(v, MatrixExpr) for v in values)


def _stated_for_unknowns(sides: list[ir.Node]) -> bool:
    """`j_0 = \\exp(0.9)/sum = 0.475` without `sum`: a number stated for inputs the file does not
    give — a worked example whose inputs are elsewhere, not a definition."""
    last = sides[-1]
    if isinstance(last, ir.Add) and len(last.terms) == 1 and last.terms[0][0] == "-":
        last = last.terms[0][1]
    return len(sides) >= 2 and isinstance(last, ir.Num) and "." in last.text


def _rows_as_clauses(node: ir.Node) -> list[ir.Node]:
    """`\\begin{cases} v = … \\\\ x = … \\end{cases}`, an array of LSTM gates: several definitions in
    one environment with no `=` outside it — each row is a clause."""
    if isinstance(node, ir.Cases):
        cells = [value for value, cond in node.rows if cond is None or _is_annotation(cond)]
        if len(cells) == len(node.rows) and cells and all(_defines(c) for c in cells):
            return cells
    if isinstance(node, ir.Matrix) and node.env in ("array", "aligned", "matrix", "gathered", "split"):
        rows = [[c for c in row if c is not None] for row in node.rows]
        if rows and all(len(r) == 1 and _defines(r[0]) for r in rows):
            return [r[0] for r in rows]
    return [node]


def _defines(node: ir.Node) -> bool:
    return isinstance(node, ir.Chain) and bool(node.rels) and node.rels[0] in DEFINING


CONSEQUENCE = ("to",)  # \rightarrow, \to between two equations: "hence" (not \implies: x = 0 ⟹ … is a condition)


def _split_at_consequence(node: ir.Node) -> list[ir.Node]:
    """`f(x, y) = x/y \\rightarrow ∂f/∂x = 1/y`: an arrow between two equations says the second
    follows from the first — each is a clause of its own. A mapping (`f: X \\to Y`) or a limit
    (`x \\to 0`) has no equation on both sides and stays whole; `\\implies` stays a logical
    implication (`x = 0 \\implies f(x) = 1` is a condition, not two definitions)."""
    if not isinstance(node, ir.Chain):
        return [node]
    parts: list[ir.Node] = []
    items, rels = list(node.items), list(node.rels)
    while True:
        cut = next((k for k, rel in enumerate(rels) if rel in CONSEQUENCE and "eq" in rels[:k]
                    and "eq" in rels[k + 1:]), None)
        if cut is None:
            break
        head = ir.Chain(items[:cut + 1], rels[:cut], span=(items[0].span[0], items[cut].span[1]))
        parts.append(head)
        items, rels = items[cut + 1:], rels[cut + 1:]
    if not parts:
        return [node]
    parts.append(ir.Chain(items, rels, span=(items[0].span[0], items[-1].span[1])))
    return parts


def _split_inline_declaration(node: ir.Node) -> list[ir.Node]:
    """`y = W x + b \\in \\mathbb{R}^m`: a definition, then a declaration of its left side."""
    if isinstance(node, ir.Chain) and len(node.rels) >= 2 and node.rels[-1] == "in" \
            and all(r in DEFINING for r in node.rels[:-1]) and symbol_key(node.items[0]) is not None:
        space = node.items[-1]
        definition = ir.Chain(node.items[:-1], node.rels[:-1], span=(node.span[0], node.items[-2].span[1]))
        declaration = ir.Chain([node.items[0], space], ["in"], span=node.items[0].span)
        declaration.span = (node.items[0].span[0], node.items[0].span[1])
        return [declaration, definition]
    return [node]


# Standard functions: applied on a left side to a computed value, they name nothing.
_STANDARD_APPLIED = {"sign", "sgn", "log", "ln", "exp", "sigma", "tanh", "sin", "cos", "max", "min", "abs", "relu",
                     "ReLU", "softmax", "Softmax", "sqrt"}


def _step_label(head_key: str, mentions: set[str], lhs: ir.Node) -> tuple[str, str, str] | None:
    """x^{k} = x^{k-1} − …, 𝐝^{k-1} = β 𝐝^{k-2} + …: the left side has a step superscript (a letter, or a
    letter minus one or two) and the right side uses the same symbol at an earlier step: (stem, letter,
    the left side's LaTeX); else None."""
    m = re.fullmatch(r"(?P<stem>[^\^]+)\^(?P<letter>[a-z])(?P<back>-[12])?", head_key)
    if m is None:
        return None
    stem, letter = m.group("stem"), m.group("letter")
    back = int(m.group("back") or 0)
    earlier = {f"{stem}^{letter}-{n}" for n in (1, 2) if -n < back}
    if not earlier & mentions:
        return None
    return stem, letter, latex_of(head_key)


def _mentioned_keys(sides: list[ir.Node]) -> set[str]:
    out: set[str] = set()
    for side in sides:
        for n in side.walk():
            if isinstance(n, ir.Call) and app_key(n):
                out.add(app_key(n))  # type: ignore[arg-type]
            key = symbol_key(n) if isinstance(n, (ir.Ident, ir.Script)) else word_key(n)
            if key:
                out.add(key)
            if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident):
                out.add(n.base.key)  # p^{t}_i mentions p^t through p
                if n.sup is not None and key_text(n.sup):
                    out.add(f"{n.base.key}^{key_text(n.sup)}")
    return out


def _definition_heads(kinds: list[tuple[str, Clause]]) -> dict[int, tuple[Head | None, set[str]]]:
    """For each definition clause (by index): its head and the keys its right sides mention."""
    out = {}
    for k, (kind, clause) in enumerate(kinds):
        if kind == "definition":
            chain = clause.node
            out[k] = (analyze_head(chain.items[0], chain.items[1]),  # type: ignore[attr-defined]
                      _mentioned_keys(chain.items[1:]))  # type: ignore[attr-defined]
    return out


def _cyclic_heads(heads: dict[int, tuple[Head | None, set[str]]]) -> set[str]:
    """Keys of definitions that depend on each other (x₀ = f(ε), ε = g(x₀)): a change of
    variables, whose substitution into later equations is reported."""
    uses: dict[str, set[str]] = {}
    for head, mentions in heads.values():
        if head is not None and not head.is_function:
            uses.setdefault(head.key, set()).update(mentions)
    cyclic = set()
    for start in uses:
        seen: set[str] = set()
        todo = [k for k in uses[start] if k in uses and k != start]
        while todo:
            k = todo.pop()
            if k == start:
                cyclic.add(start)
                break
            if k not in seen:
                seen.add(k)
                todo.extend(j for j in uses.get(k, ()) if j in uses)
    return cyclic


def _definitions_first(kinds: list[tuple[str, Clause]], heads: dict[int, tuple[Head | None, set[str]]]) -> list[int]:
    """Indices of the clauses, definitions ordered so that μ = … comes before what uses μ."""
    defs = list(heads)
    keys = {k: (head.key if head is not None else None) for k, (head, _) in heads.items()}
    ordered: list[int] = []
    pending = list(defs)
    while pending:
        ready = [k for k in pending if not any(keys[j] in heads[k][1] for j in pending if j != k and keys[j])]
        chosen = ready[0] if ready else pending[0]  # a cycle keeps file order
        ordered.append(chosen)
        pending.remove(chosen)
    return ordered + [k for k in range(len(kinds)) if k not in defs]


KEYWORD_NAMES = {"lambda": ("lam", "lmbda", "lambd", "lmb")}  # λ cannot be a Python name
_STEP = re.compile(r"^(?P<stem>.+)_(?P<t>[a-z])(?P<sign>[+-])1$")


def _spellings(key: str, order: list[str], head: Head | None) -> tuple[str, ...]:
    """Names code gives a symbol besides its own: v_{t-1} → v_prev, v_old; θ_{t+1} → theta_next,
    theta_new; x_t → x when x_{t±1} is in the equation too; λ → lam."""
    out: list[str] = list(KEYWORD_NAMES.get(key.split(":")[-1], ()))
    m = _STEP.match(key)
    if m is not None:
        stem = py_name(m.group("stem"))
        words = ("prev", "old", "last", "previous") if m.group("sign") == "-" else ("next", "new")
        out += [f"{stem}_{w}" for w in words]
    label = re.match(r"^(?P<stem>[^\^]+)\^\((?P<label>[^()]*)\)$", key)
    if label is not None:  # μ^{(t)}, W^{(l)}: the code names the value without its label
        out.append(py_name(label.group("stem")))
    accent = re.match(r"^(?P<accent>hat|bar|tilde):(?P<stem>[^:_]+)_(?P<sub>[^:_]+)$", key)
    if accent is not None:  # \bar{\alpha}_t: alpha_bar_t as code writes it (alpha_t_bar is its own name)
        out += [f"{py_name(accent['stem'])}_{accent['accent']}_{accent['sub']}",
                f"{py_name(accent['stem'])}{accent['accent']}_{accent['sub']}"]
    stem, _, t = key.rpartition("_")
    keys = list(order) + ([head.key] if head is not None else [])
    if stem and len(t) == 1 and t.islower() and any(k in (f"{key}+1", f"{key}-1") or k == f"{stem}_{t}-1"
                                                    or k == f"{stem}_{t}+1" for k in keys):
        out.append(py_name(stem))
    return tuple(out)


def _letters_alone(chain: ir.Node) -> set[str]:
    """Letters the equation uses by themselves, not only inside a run of capitals like TP."""
    in_words: set[int] = set()
    for n in chain.walk():
        word = word_key(n)
        if word is not None and len(word) >= 2 and word.isupper():
            in_words.update(id(f) for f in n.factors)
        elif isinstance(n, ir.Product):
            run = [f for f in n.factors if isinstance(f, ir.Ident) and len(f.name) == 1 and f.name.isupper()
                   and not f.style]
            if len(run) >= 2:
                in_words.update(id(f) for f in run)
        if isinstance(n, ir.Call) and isinstance(n.func, ir.Ident):
            in_words.add(id(n.func))  # P(y=1 | ŷ=1) beside TP/(TP+FP): P applied is not the letter P alone
    return {n.key for n in chain.walk() if isinstance(n, ir.Ident) and id(n) not in in_words}


def _value_names(values: list) -> set[str]:
    """The names of the symbols and arrays the computed values are made of."""
    out: set[str] = set()
    for v in values:
        if not isinstance(v, sympy.Basic):
            continue
        for node in sympy.preorder_traversal(v):
            if isinstance(node, (sympy.Symbol, sympy.MatrixSymbol)):
                out.add(str(node.name))
            elif isinstance(node, sympy.IndexedBase):
                out.add(str(node.label))
    return out


def _one_based(space: Space, name: str, values: list) -> bool:
    """Categories {1,…,V} that the equation uses as positions (P_{t,x_t}, 𝟙(y_i = k)) count from 1
    in the math and from 0 in code; values from {1,…,8} that it computes with (∏ d_i) are numbers,
    passed as they are."""
    if space.kind != "categorical" or (space.low is not None and space.low != 1):
        return False
    return any(_used_as_position(v, name) for v in values)


def _used_as_position(value, name: str) -> bool:
    if not isinstance(value, sympy.Basic):
        return False
    for node in sympy.preorder_traversal(value):
        if isinstance(node, sympy.Indexed):
            positions = node.indices
        elif isinstance(node, sympy.matrices.expressions.matexpr.MatrixElement):
            positions = node.args[1:]
        elif isinstance(node, (sympy.KroneckerDelta, sympy.Eq, sympy.Ne)):
            positions = node.args
        elif isinstance(node, ArraySlice):
            positions = tuple(node.args[1])
        else:
            continue
        if any(_names(p, name) for p in positions):
            return True
    return False


def _names(expr, name: str) -> bool:
    return any(getattr(s, "name", None) == name for s in getattr(expr, "free_symbols", ())) or any(
        isinstance(n, sympy.Indexed) and n.base.label.name == name for n in sympy.preorder_traversal(expr))


def _size_atoms(value) -> set:
    out = set()
    for s in getattr(value, "free_symbols", set()):
        if isinstance(s, sympy.Symbol) and s.is_integer and s.is_positive:
            out.add(s)
    return out


def _inferred_space(ctx: Context, key: str, values: list) -> Space:
    """Undeclared: a distribution p(x) lives on the simplex; what a log or a root takes
    directly, or what only divides, is positive; everything else is real."""
    if key in ctx.distributions:
        return Space("simplex", 0.0, 1.0, latex="\\Delta")
    name = py_name(key)
    if name in ctx.spaces:  # Bernoulli(x | p): x ∈ {0, 1}, p ∈ (0, 1)
        return ctx.spaces[name]
    direct = [a for v in values for a in _direct_arguments(v)]
    if any(_is_symbol_named(a, name) for a in direct):
        return Space("positive", 0.0, None, (False, True), "\\mathbb{R}_{>0}")
    return REAL


def _direct_arguments(value) -> list:
    """Arguments of log and sqrt, and bases of negative powers (divisors)."""
    if not hasattr(value, "atoms"):
        return []
    out = [a.args[0] for a in value.atoms(sympy.log)]
    out += [p.base for p in value.atoms(sympy.Pow) if p.exp == sympy.Rational(1, 2) or
            (p.exp.is_number and p.exp < 0)]
    return out


def _is_symbol_named(expr, name: str) -> bool:
    if isinstance(expr, sympy.Symbol):
        return expr.name == name
    return isinstance(expr, sympy.Indexed) and expr.base.label.name == name


def _given_only(ctx: Context, value) -> GivenValues | None:
    """The given values of an undefined function that `value` is, and nothing more (f(x) alone)."""
    base = value.base.label if isinstance(value, sympy.Indexed) else value
    if not isinstance(base, (sympy.Symbol, sympy.MatrixSymbol)):
        return None
    return next((g for k, g in ctx.given_values.items() if py_name(k) == str(base)), None)


def _without_given_forms(ctx: Context, values: list, sides: list[ir.Node]) -> tuple[list, list[ir.Node]]:
    """ŷ = f(x) = 𝐰^⊤x + b, z = f_θ(x) = W^⊤x: a form that only names an undefined model (its given
    values) beside a form that computes is the model's name; the computing forms are the value, and
    the named form is said not read (its values are no input of the check)."""
    given = [_given_only(ctx, v) for v in values]
    named = [g is None and _another_name(ctx, side) for side, g in zip(sides, given)]
    if len(values) < 2 or all(g is None and not n for g, n in zip(given, named)) \
            or all(g is not None or n for g, n in zip(given, named)):
        return values, sides
    kept = [(v, side) for v, side, g, n in zip(values, sides, given, named) if g is None and not n]
    used = {str(s) for v, _ in kept for s in getattr(v, "free_symbols", set())}
    for side, n in zip(sides, named):
        if n:  # L = E = (1/n) Σ (y_i − ŷ_i)²: E names the value the last form computes, it is no input
            ctx.readings.append((phrase("read-chain-name", latex=latex_of(symbol_key(side) or "")), side.span))
            key = symbol_key(side)
            if key is not None and py_name(key) not in used:
                ctx.order = [k for k in ctx.order if k != key]
    for side, g in zip(sides, given):
        if g is None:
            continue
        ctx.readings.append((phrase("read-form-not-read", why=phrase("eq-function-undefined", function=g.function)),
                             side.span))
        for key in [k for k, gv in ctx.given_values.items() if gv is g and py_name(k) not in used]:
            del ctx.given_values[key]
            ctx.order = [k for k in ctx.order if k != key]
            ctx.readings = [(r, span) for r, span in ctx.readings  # its values are no input: not said so
                            if not (r.phrase == "read-function-values" and side.span[0] <= span[0] < side.span[1])]
    return [v for v, _ in kept], [side for _, side in kept]


def _another_name(ctx: Context, side: ir.Node) -> bool:
    """A chain form that is a lone symbol nothing declares or defines (ŷ, E in L = E = …): a name."""
    key = symbol_key(side) if isinstance(side, (ir.Ident, ir.Script)) else None
    return key is not None and key not in ctx.decls and key not in ctx.quantities and key not in ctx.functions


def _computes_more_than_given_values(ctx: Context, value, chain: ir.Node) -> None:
    """ŝ_{t+1} = g(s_t, a_t, z_t): a value that is only a function's given values computes
    nothing — not checkable, as the function is not defined in this file."""
    if not ctx.given_values:
        return
    names = {py_name(k) for k in ctx.given_values}
    base = value.base.label if isinstance(value, sympy.Indexed) else value
    if isinstance(base, (sympy.Symbol, sympy.MatrixSymbol)) and str(base) in names:
        given = next(g for k, g in ctx.given_values.items() if py_name(k) == str(base))
        raise LoweringError("not-checkable", phrase("eq-function-undefined", function=given.function), chain.span)


def matrix_candidates(chain: ir.Node, arrays: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Undeclared capitals that matrix products make matrices: QK^⊤, W𝐱, softmax(…)V, and
    S h^{(ℓ)} W^{(ℓ)} beside a declared array (`arrays`: the keys declared with a shape)."""
    out: set[str] = set()
    for node in chain.walk():
        if isinstance(node, ir.Call) and node.bracket == "(" and len(node.args) == 1 and _capital(node.func) \
                and any(_vector_marked(n) for n in node.args[0].walk()) and _capital_key(node.func) not in arrays:
            out.add(_capital_key(node.func))  # Σ^{-1}(𝐱 − 𝛍): the matrix applied to a vector
        if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and not _small(node.base) and (
                (isinstance(node.sup, ir.Special) and node.sup.name == "top")
                or (isinstance(node.sup, ir.Ident) and node.sup.name == "T" and node.base.name.isupper())):
            out.add(node.base.key)
        if isinstance(node, ir.Product):
            factors = node.factors
            for k in range(len(factors) - 1):
                if node.ops[k + 1] not in (None, "cdot"):
                    continue
                a, b = factors[k], factors[k + 1]
                declared = _capital_key(a) in arrays or _capital_key(b) in arrays
                # TP, P R: no evidence of matrices — but a bold capital is one by its font (𝐗𝐖, 𝐇_{t-1}𝐖_{hr})
                both_bare = _capital(a) and _capital(b) and not (_bold(a) or _bold(b))
                if _array_like(a, arrays) and _array_like(b, arrays) and (declared or not both_bare):
                    out.update(_capital_key(x) for x in (a, b) if _capital(x) and _capital_key(x) not in arrays)
                    out.update(_capital_key(x) for x in _bracketed_capitals(a) + _bracketed_capitals(b)
                               if _capital_key(x) not in arrays)
    return out


def _subscript_letters_besides_I(chain: ir.Node) -> set[str]:
    """Letters that subscript symbols other than 𝐈 (t of 𝐅_t, 𝐂_{t-1}, 𝐖_{xi}'s x and i are not
    letters alone): what 𝐈_t's subscript is when it is no size."""
    out: set[str] = set()
    for node in chain.walk():
        if isinstance(node, ir.Script) and node.sub is not None and isinstance(node.base, ir.Ident) \
                and node.base.name != "I":
            sub = node.sub
            if isinstance(sub, ir.Add):
                sub = sub.terms[0][1]  # t-1
            if isinstance(sub, ir.Ident) and len(sub.name) == 1:
                out.add(sub.name)
    return out


def _say_bold_capital_products(ctx: Context, chain: ir.Node, arrays: set[str]) -> None:
    """𝐗𝐖 with neither declared: said once, as the font is the only evidence of matrices."""
    for node in chain.walk():
        if not isinstance(node, ir.Product):
            continue
        for k in range(len(node.factors) - 1):
            a, b = node.factors[k], node.factors[k + 1]
            if node.ops[k + 1] in (None, "cdot") and all(_capital(x) and _bold(x) for x in (a, b)) \
                    and _capital_key(a) not in arrays and _capital_key(b) not in arrays:
                span = (a.span[0], b.span[1])
                ctx.readings.append((phrase("read-bold-capitals-product", left=latex_of(_capital_key(a)),
                                            right=latex_of(_capital_key(b))), span))
                return


def _small(node: ir.Ident) -> bool:
    """A small Latin or Greek letter (w, 𝐰, θ, β): a vector when transposed, not a matrix."""
    return (len(node.name) == 1 and node.name.islower()) or node.name in SMALL_GREEK


def _small_vector_key(node: ir.Node) -> str | None:
    """The key of a small letter as a vector operand: x, θ, a sample's x^{(i)}, also in brackets
    ((x^{(i)})^⊤) — else None (θ_k, f(x), x^2 are no such operand)."""
    if isinstance(node, ir.Group) and node.bracket == "(":
        node = node.body
    if isinstance(node, ir.Ident) and _small(node):
        return node.key
    if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and _small(node.base) and not node.primes \
            and node.sub is None and node.sup is not None and (key_text(node.sup) or "").startswith("("):
        return symbol_key(node)
    return None


def _transposed_item(node: ir.Node) -> bool:
    """θ_k^⊤ (or θ_k^T before a vector, `vector_candidates`): a small letter with a one-letter
    subscript, transposed."""
    if not isinstance(node, ir.Script):
        return False
    transposed = (isinstance(node.sup, ir.Special) and node.sup.name == "top") \
        or (isinstance(node.sup, ir.Ident) and node.sup.name == "T" and not node.sup.style)
    return transposed and isinstance(node.base, ir.Ident) and _small(node.base) and not node.primes \
        and isinstance(node.sub, ir.Ident) and len(node.sub.name) == 1


def _transposed_vector_key(node: ir.Node, letter_t: bool = False) -> str | None:
    """θ^⊤, 𝐰^⊤, (x^{(i)})^⊤: the key of the small letter a transpose marks as a vector. With `letter_t`,
    θ^T written with the letter T instead: a transpose only when a vector follows it (`vector_candidates`),
    else a power by an input T (said either way)."""
    sup = node.sup if isinstance(node, ir.Script) else None
    transposed = (isinstance(sup, ir.Ident) and sup.name == "T" and not sup.style) if letter_t \
        else (isinstance(sup, ir.Special) and sup.name == "top")
    if isinstance(node, ir.Script) and transposed and node.sub is None and not node.primes:
        return _small_vector_key(node.base)
    return None


def vector_candidates(chain: ir.Node, known: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Undeclared small letters that a transpose makes vectors (𝐰^⊤𝐱: w and x; w^⊤x and θ^⊤x^{(i)}
    written plainly; (x^{(i)})^⊤θ)."""
    out: set[str] = set()
    for node in chain.walk():
        key = _transposed_vector_key(node)
        if key is not None:
            out.add(key)
        if isinstance(node, ir.Product):
            for k in range(len(node.factors) - 1):
                a, b = node.factors[k], node.factors[k + 1]
                other = _small_vector_key(b) if not isinstance(b, ir.Group) else None
                plain_t = _transposed_vector_key(a, letter_t=True) if "T" not in known else None
                transposed = _transposed_vector_key(a) is not None or _transposed_item(a) or plain_t is not None
                if node.ops[k + 1] is None and transposed and other is not None:
                    out.add(other)  # 𝐰^⊤ x, θ_k^⊤ x: x is the vector w is dotted with
                    if plain_t is not None:  # θ^T x written with a letter T: a transpose, between two vectors
                        out.add(plain_t)
    return out - set(known)


def transposed_items(chain: ir.Node, known: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """θ_k^⊤x, w_j^⊤x_i: a small letter subscripted by one letter and transposed is that item's vector
    (row k of an array θ), and so is a subscripted small letter it is dotted with (x_i) — never the
    number θ[k] transposed; `v_c \\cdot v_w`, two items of one letter with \\cdot between them, are too."""
    out: set[str] = set()

    def item(node: ir.Node) -> str | None:
        if isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and _small(node.base) \
                and not node.primes and (_letter(node.sub) or (  # w_j, and w_{y_i}: the row of a label
                    isinstance(node.sub, ir.Script) and _letter(node.sub.base) and _letter(node.sub.sub)
                    and node.sub.sup is None)):
            return node.base.key
        return None

    def top(node: ir.Node) -> bool:  # ^\top
        return isinstance(node, ir.Script) and isinstance(node.sup, ir.Special) and node.sup.name == "top"

    def plain_t(node: ir.Node, after: ir.Node | None) -> bool:
        # w_j^T x_i: ^T on a subscripted Latin letter right before another symbol is a transpose too (a power
        # T of an item's weight is never written so; the reading is said)
        return isinstance(node, ir.Script) and isinstance(node.sup, ir.Ident) and node.sup.name == "T" \
            and not node.sup.style and "T" not in known and isinstance(node.base, ir.Ident) \
            and node.base.name.isascii() and isinstance(after, (ir.Ident, ir.Script))

    for node in chain.walk():
        if not top(node):
            continue
        key = item(ir.Script(node.base, node.sub, None, span=node.span))
        if key is not None:
            out.add(key)
    for node in chain.walk():
        if isinstance(node, ir.Product):
            for k in range(len(node.factors) - 1):
                a, b = node.factors[k], node.factors[k + 1]
                marked = top(a) or (node.ops[k + 1] is None and plain_t(a, b))
                key = item(ir.Script(a.base, a.sub, None, span=a.span)) if marked else None  # type: ignore[attr-defined]
                if marked and not top(a) and key is not None:
                    out.add(key)
                transposed = marked and (key is not None or _transposed_vector_key(a) is not None)
                partner = item(b) if isinstance(b, ir.Script) and b.sup is None else None
                if node.ops[k + 1] is None and transposed and partner is not None:
                    out.add(partner)
                dotted = item(a) if node.ops[k + 1] == "cdot" and isinstance(a, ir.Script) and a.sup is None \
                    else None
                if dotted is not None and partner == dotted and a.sub != b.sub:  # type: ignore[attr-defined]
                    out.add(dotted)  # v_c \cdot v_w: two items of one letter dotted are its rows, vectors
    return out - set(known)


def _letter(node: ir.Node | None) -> bool:
    return isinstance(node, ir.Ident) and len(node.name) == 1


def _norm_candidates(ctx: Context, chain: ir.Node, known: set[str]) -> None:
    """‖y − Xw‖₂², ‖w‖₁, (Xθ − y)^⊤(Xθ − y) written with plain letters: a norm is taken of a vector,
    and a transposed bracket is a vector too, so the small letters that are its terms are vectors
    and a capital before one is a matrix (said; the norm of a scalar, |…|, is what single bars write)."""
    for node in chain.walk():
        transposed = _transposed_bracket(node)
        if isinstance(node, ir.Norm):
            body, key = node.body, "read-norm-of-vectors"
        elif transposed is not None:
            body, key = transposed, "read-transposed-bracket-vectors"
        else:
            continue
        vectors, matrices = _plain_vector_terms(body)
        new = [k for k in dict.fromkeys(vectors + matrices)
               if k not in known and k not in ctx.vectors and k not in ctx.matrices]
        if not new:
            continue
        ctx.vectors.update(k for k in vectors if k not in known)
        ctx.matrices.update(k for k in matrices if k not in known)
        ctx.readings.append((phrase(key, names=", ".join(new)), node.span))


def _transposed_bracket(node: ir.Node) -> ir.Add | None:
    """The sum a transpose is taken of: (Xθ − y)^⊤, also after a number (½(Xθ − y)^⊤ parses as ½ applied)."""
    if not (isinstance(node, ir.Script) and isinstance(node.sup, ir.Special) and node.sup.name == "top"
            and node.sub is None and not node.primes):
        return None
    base = node.base
    if isinstance(base, ir.Call) and base.bracket == "(" and len(base.args) == 1 and (
            isinstance(base.func, ir.Num) or (isinstance(base.func, ir.Frac) and isinstance(base.func.num, ir.Num)
                                              and isinstance(base.func.den, ir.Num))):
        body = base.args[0]
    elif isinstance(base, ir.Group) and base.bracket == "(":
        body = base.body
    else:
        return None
    return body if isinstance(body, ir.Add) else None


def _bound_of_bigop(side: ir.Node, letter: str) -> bool:
    """\\bar{X}_n = \\frac{1}{n}\\sum_{i=1}^n X_i: the left's subscript is the last index of a sum on the
    right — a size the value is labelled with (the mean of n items), not an index of its entries."""
    return any(isinstance(n, ir.BigOp) and isinstance(n.sup, ir.Ident) and n.sup.key == letter
               for n in side.walk())


def _zero_vector(node: ir.Node) -> bool:
    """\\mathbf{0}, \\vec{0}: the zero vector (X^⊤y − X^⊤Xθ = \\vec{0} is a condition, like … = 0)."""
    return isinstance(node, ir.Ident) and node.name == "0" and node.style == "bf"


def _vectors_after_matrices(ctx: Context, chain: ir.Node, known: set[str], matrices: set[str]) -> None:
    """(X^⊤X)^{-1}X^⊤y, Φ^⊤y, Xθ with X a matrix (declared, transposed or multiplied as one): the
    small letter right after a matrix in a product is a vector — a number would stand before it (λI) —
    so it is read as one (said; it had been a number, and the value a matrix)."""
    found: list[str] = []
    span: ir.Span | None = None
    for node in chain.walk():
        if not isinstance(node, ir.Product):
            continue
        for k in range(len(node.factors) - 1):
            a, b = node.factors[k], node.factors[k + 1]
            if node.ops[k + 1] not in (None, "cdot") or not _is_matrix_factor(a, matrices):
                continue
            key = _small_vector_key(b) if not isinstance(b, ir.Group) else None
            if key is None or key in known or key in ctx.vectors or key in ctx.matrices or key in found:
                continue
            found.append(key)
            span = span or b.span
    if found and span is not None:
        ctx.vectors.update(found)
        ctx.readings.append((phrase("read-vector-after-matrix", names=", ".join(found)), span))


def _identity_beside_matrix(chain: ir.Node, matrices: set[str]) -> bool:
    """X^⊤X + λI, I − WW^⊤: a plain I (or λI) added to a product of matrices is the identity matrix."""
    def is_identity_term(term: ir.Node) -> bool:
        if isinstance(term, ir.Product) and term.ops[-1] in (None, "cdot"):
            term = term.factors[-1]
        return isinstance(term, ir.Ident) and term.name == "I" and not term.style and not term.accents

    def is_matrix_term(term: ir.Node) -> bool:
        return isinstance(term, ir.Product) and any(_is_matrix_factor(f, matrices) for f in term.factors)

    for node in chain.walk():
        if isinstance(node, ir.Add):
            terms = [t for _, t in node.terms]
            if any(is_identity_term(t) for t in terms) and any(is_matrix_term(t) for t in terms):
                return True
    return False


def _is_matrix_factor(node: ir.Node, matrices: set[str]) -> bool:
    """X, 𝐖, Σ̂ known as a matrix, a transposed capital X^⊤ (also W^T), or a bracket of them (I − WW^⊤)."""
    if isinstance(node, ir.Group) and node.bracket == "(" and isinstance(node.body, ir.Add):
        return any(isinstance(t, ir.Product) and any(_is_matrix_factor(f, matrices) for f in t.factors)
                   for _, t in node.body.terms)
    if isinstance(node, ir.Script) and node.sub is None and not node.primes and (
            (isinstance(node.sup, ir.Special) and node.sup.name == "top")
            or (isinstance(node.sup, ir.Ident) and node.sup.name == "T")):
        return _capital(node.base) and _capital_key(node.base) in matrices
    return _capital(node) and _capital_key(node) in matrices


def _plain_vector_terms(body: ir.Node) -> tuple[list[str], list[str]]:
    """The vectors and matrices of a vector written with plain letters, y − Xw: small letters and a
    capital before one; nothing when a term is anything else (‖x − μ‖ with μ a Greek letter is fine,
    ‖f(x)‖ is not)."""
    vectors: list[str] = []
    matrices: list[str] = []
    terms = [t for _, t in body.terms] if isinstance(body, ir.Add) else [body]
    for term in terms:
        if isinstance(term, ir.Ident) and len(term.name) == 1 and term.name.islower() and not term.style \
                and not term.accents:  # a Greek letter alone (‖q − μ‖) may be a number: not guessed
            vectors.append(term.key)
        elif isinstance(term, ir.Product) and len(term.factors) == 2 and term.ops[1] is None:
            a, b = term.factors
            if isinstance(a, ir.Ident) and _capital(a) and not a.style and isinstance(b, ir.Ident) \
                    and _small(b) and not b.style and not b.accents:
                matrices.append(a.key)
                vectors.append(b.key)
        else:
            return [], []  # ‖x − μ‖, ‖f(x)‖: not only plain letters — nothing is guessed
    return vectors, matrices


_GREEK_CAPITALS = {"Sigma", "Lambda", "Phi", "Psi", "Theta", "Omega", "Gamma", "Xi"}  # Σ, Λ: matrices too


def _capital(node: ir.Node) -> bool:
    """A one-letter capital, also labelled or inverted: W, 𝐖, Σ, W^{(ℓ)}, W_{hq}, Σ^{-1}."""
    if isinstance(node, ir.Script) and not node.primes and node.sub is None and _minus_one(node.sup):
        return _capital(node.base)
    if isinstance(node, ir.Script) and not node.primes and (node.sup is None or (
            key_text(node.sup) or "").startswith("(")) and symbol_key(node) is not None:
        return _capital(node.base)
    if isinstance(node, ir.Ident) and node.style == "bb":  # 𝕏 (a design matrix); 𝔼, ℙ, 𝕍, ℝ, 𝕀 are no matrices
        return len(node.name) == 1 and node.name.isupper() and node.name not in "EPVRNZCQI"
    if not (isinstance(node, ir.Ident) and node.style in ("", "bf")):
        return False
    if node.name in CAPITAL_GREEK or node.name in _GREEK_CAPITALS:
        return True  # Σ, Σ̂ (an estimated covariance): matrices, accented too
    return len(node.name) == 1 and node.name.isupper() and not node.accents


CAPITAL_GREEK = frozenset({"Sigma", "Phi", "Lambda", "Psi", "Omega", "Gamma", "Theta"})  # matrices (Δ, Π are not)


def _bold(node: ir.Node) -> bool:
    """𝐖, 𝐖_{xh}, 𝐖^{(1)}: a letter set in bold (also with its name's scripts)."""
    base = node.base if isinstance(node, ir.Script) else node
    return isinstance(base, ir.Ident) and base.style == "bf"


def _minus_one(sup: ir.Node | None) -> bool:
    """^{-1}: an inverse."""
    return isinstance(sup, ir.Add) and len(sup.terms) == 1 and sup.terms[0][0] == "-" \
        and isinstance(sup.terms[0][1], ir.Num) and sup.terms[0][1].text == "1"


def _capital_key(node: ir.Node) -> str:
    if isinstance(node, ir.Script) and node.sub is None and _minus_one(node.sup):
        node = node.base  # Σ^{-1}: the matrix Σ
    return symbol_key(node) or ""


def _array_like(node: ir.Node, arrays: set[str] | frozenset[str] = frozenset()) -> bool:
    if _capital(node) or _vector_marked(node):
        return True
    if isinstance(node, ir.Script) and isinstance(node.sup, ir.Special) and node.sup.name == "top":
        return True
    if isinstance(node, ir.Script) and isinstance(node.base, ir.Group) and isinstance(node.sup, ir.Ident) \
            and node.sup.name == "T" and any(_vector_marked(n) for n in node.base.walk()):
        return True  # (𝐱 − 𝛍)^T: a transposed vector
    if isinstance(node, (ir.Ident, ir.Script)) and symbol_key(node) in arrays:
        return True
    if _bracketed_capitals(node):
        return True
    return isinstance(node, ir.Call) and isinstance(node.func, ir.Ident) and node.func.name in ("softmax", "Softmax")


def _bracketed_capitals(node: ir.Node) -> list[ir.Node]:
    """(𝐑_t ⊙ 𝐇_{t-1}) before 𝐖_{hh}: a bracket of bold capitals only (added, multiplied, ⊙) is
    an array of their shape; they are its factors."""
    if not isinstance(node, ir.Group) or node.bracket != "(":
        return []
    body = node.body
    parts = [t for _, t in body.terms] if isinstance(body, ir.Add) else \
        list(body.factors) if isinstance(body, ir.Product) else []
    if len(parts) >= 2 and all(_capital(x) and _bold(x) for x in parts):
        return parts
    return []


def _vector_marked(node: ir.Node) -> bool:
    """𝐱, \\vec{x}, 𝐩_t, \\vec{p}_t: a letter its font or arrow marks as a vector (with a subscript too)."""
    if isinstance(node, ir.Script) and node.sup is None and not node.primes and node.sub is not None:
        node = node.base
    return isinstance(node, ir.Ident) and (node.style == "bf" or any(a in ("vec", "overrightarrow")
                                                                     for a in node.accents))


def _is_probability(call: ir.Call) -> bool:
    """p(θ | D), p(D): a probability written as an application of p to events."""
    func = call.func
    if isinstance(func, ir.Script) and func.sup is None and not func.primes and key_text(func.sub) is not None:
        func = func.base  # p_θ(y = 1 | x), p_{model}(y | x): a model's probability, labelled by its parameters
    if not (isinstance(func, ir.Ident) and ((func.name in ("p", "P") and func.style in ("", "bb", "rm"))
                                            or (func.name == "Pr" and func.style == "text"))):
        return False  # \\Pr[y=1 | 𝐱] too: LaTeX's own probability operator, with either bracket
    conditional = any(isinstance(a, ir.Chain) and "mid" in a.rels for a in call.args)
    events = any(isinstance(n, ir.Ident) and n.style == "cal" for n in call.walk())
    valued = any(isinstance(a, ir.Chain) and a.rels == ["eq"] for a in call.args)  # P(v_a = 1, h_c = 0)
    return conditional or events or valued


def _named(node: ir.Node, name: str) -> bool:
    return isinstance(node, ir.Ident) and node.name == name


def _is_pattern(lhs: ir.Node) -> bool:
    """`p(x^{(i)} | θ)`, `∇_θ L(θ)`: a left side that names an expression, not a symbol or a
    function of symbols, defines a substitution."""
    if symbol_key(lhs) is not None:
        return False
    if isinstance(lhs, ir.Product):
        return True
    return any(isinstance(n, ir.Chain) and "mid" in n.rels for n in lhs.walk()) or any(
        isinstance(n, ir.Special) and n.name == "nabla" for n in lhs.walk())


def _element_target(node: ir.Node) -> TypeGuard[ir.Script]:
    """`x_t`, `\\sigma_j`: a one-letter lowercase subscript declares the entries of an array."""
    return isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.sup is None \
        and isinstance(node.sub, ir.Ident) and len(node.sub.name) == 1 and node.sub.name.islower() \
        and not node.sub.style


def _cancelled_names(sides: list[ir.Node], value: object, ctx: Context) -> list[str]:
    """Names written as code writes them (`\text{bias_axis}`, `\text{train error}`) on a right side
    that its value, as read, no longer depends on: they cancelled — a sign that a vector was read as
    a number, or that the formula is a derivation (x + WWᵀx − WWᵀx), not a computation."""
    if not isinstance(value, sympy.Basic):
        return []
    present = {str(a) for a in value.free_symbols} | {str(a.base.label) for a in value.atoms(sympy.Indexed)} \
        | {str(a) for a in value.atoms(sympy.MatrixSymbol)}
    written = [n for side in sides for n in _text_names_as_values(side) if n.key not in ctx.indices
               and n.key not in ctx.bindings and n.key not in ctx.quantities]
    return list(dict.fromkeys(n.name.replace("_", " ") for n in written if py_name(n.key) not in present))


def _text_names_as_values(node: ir.Node) -> list[ir.Ident]:
    """Multi-letter names in \\text (`bias_axis`, `dev_error`) used as values: not inside a sub- or
    superscript, not a function's name."""
    skipped: set[int] = set()
    for n in node.walk():
        if isinstance(n, ir.Script):  # \text{head}_i: the name is head_i, not head (and its scripts)
            skipped.update(id(m) for part in (n.base, n.sub, n.sup) if part is not None for m in part.walk())
        elif isinstance(n, ir.Call):
            skipped.update(id(m) for m in n.func.walk())
        elif isinstance(n, ir.Annotated) and n.note is not None:  # \underbrace{…}_\text{bias}: a note
            skipped.update(id(m) for m in n.note.walk())
    return [n for n in node.walk() if isinstance(n, ir.Ident) and id(n) not in skipped
            and n.style in ("text", "words") and len(n.name) > 1]


def _named_in_words(left: ir.Node, right: ir.Node, value: object) -> bool:
    """A definition that only names in words: its right side is one quantity said in words, or its
    left side is words and its value one input as it is (`\text{steepest ascent} = ∇g`)."""
    def words(node: ir.Node) -> bool:
        return isinstance(node, ir.Ident) and node.style == "words"

    return words(right) or (words(left) and isinstance(value, (sympy.Symbol, sympy.MatrixSymbol)))


def _definable(left: ir.Node, right: ir.Node) -> bool:
    """A left side a definition can name (E, ε̃_i, σ_X^2, D(q, p)) whose key the right side does not use."""
    if isinstance(left, ir.Func) or analyze_head(left, right) is None:
        return False
    key = symbol_key(left) if not isinstance(left, ir.Call) else app_key(left)
    return key is None or key not in _mentioned_keys([right])


def _is_symbol(node: ir.Node) -> bool:
    return (symbol_key(node) is not None and isinstance(node, (ir.Ident, ir.Script))) or (
        word_key(node) is not None and name_like_word(word_key(node) or ""))


def _is_annotation(node: ir.Node) -> bool:
    if isinstance(node, ir.Text):
        return True
    if isinstance(node, ir.Product):
        return any(isinstance(f, ir.Text) for f in node.factors)
    return False


def _say(eq: Equation, why: Phrase) -> None:
    """Why `eq` is not checked: the keyed phrase (findings, en/ja) and its English text."""
    eq.why, eq.reason = why, english(why)


def _statement_reason(node: ir.Node) -> Phrase:
    if isinstance(node, ir.Quantified):
        return phrase("eq-quantified")
    if isinstance(node, ir.Chain):
        for rel in node.rels:
            if rel in STATEMENT_RELS:
                return phrase("eq-statement", what=phrase(f"statement-{STATEMENT_RELS[rel]}"))
        if node.rels == ["in-statement"]:
            return phrase("eq-statement", what=phrase("statement-membership"))
    if _is_annotation(node):
        return phrase("eq-prose")
    return phrase("eq-no-equals")


def analyze_head(lhs: ir.Node, rhs: ir.Node) -> Head | None:
    """softmax(𝐳)_i, f(x, y), Attention(Q,K,V), ‖𝐱‖_2, p_i, L_CE, μ, σ² → Head; else None."""
    named = _capitals_with_subscript(lhs)
    if named is not None:  # PE_i = …: the name PE, entry i (never P times E_i)
        return analyze_head(named, rhs)
    if isinstance(lhs, ir.Script) and isinstance(lhs.base, ir.Call) and lhs.sup is None:
        inner = analyze_head(lhs.base, rhs)
        if inner is not None and lhs.sub is not None:
            inner.out_indices = _letters(lhs.sub)
            return inner
    if isinstance(lhs, ir.Frac) and derivative_key(lhs) is not None:  # ∂C/∂X_1 = …: a backward rule
        dkey = derivative_key(lhs)
        return Head(dkey, dkey, [], _derivative_entries(lhs, rhs), False)  # type: ignore[arg-type]
    if isinstance(lhs, ir.Func) and isinstance(lhs.arg, ir.Tuple) and lhs.arg.bracket == "(" \
            and all(symbol_key(a) for a in lhs.arg.items):  # \cos(𝐚, 𝐛) = …: a function named cos
        return Head("cosine_similarity" if lhs.name == "cos" else lhs.name, f"func:{lhs.name}",
                    list(lhs.arg.items), [], True)
    if isinstance(lhs, ir.Func) and lhs.sub is None and lhs.sup is None:  # \log softmax(z)_i = …, \log(y_i) = …
        arg = lhs.arg.body if isinstance(lhs.arg, ir.Group) and lhs.arg.bracket == "(" else lhs.arg
        inner = analyze_head(arg, rhs)
        if inner is not None:
            return Head(f"{lhs.name}_{inner.name}", f"{lhs.name}:{inner.key}", inner.params, inner.out_indices,
                        False)
    if isinstance(lhs, ir.Call) and (lhs.bracket == "(" or (lhs.bracket == "[" and _named(lhs.func, "Pr"))) \
            and _is_probability(lhs):
        key = app_key(lhs)
        if key is not None:
            free = [v for v in application_variables(lhs) if _mentions(rhs, v) and not _indexed_in(rhs, v)]
            values = _density_parameters(lhs, rhs, free)
            if values is not None:  # p(x | μ, σ) = exp(-(x-μ)²/2σ²)/√(2πσ²): a density of the values written
                return Head(py_name(key), key, values, [], True)
            return Head(py_name(key), key, [], free, False)
        func = symbol_key(lhs.func)
        if func is not None:  # P(D=1 | w_c, w_o) = σ(𝐮_o^⊤𝐯_c): the probability of an event, named
            return Head(py_name(func), f"{func}(event)", [], [], False)
    if isinstance(lhs, ir.Call) and lhs.bracket == "[" and isinstance(lhs.func, ir.Script) and lhs.func.primes \
            and isinstance(lhs.func.base, ir.Ident) and lhs.func.sub is None and lhs.func.sup is None:
        key = lhs.func.base.key + "'" * lhs.func.primes  # L'[φ] = L[φ] + …: a new value named L'
        return Head(py_name(key), key, [], [], False)
    if isinstance(lhs, ir.Call) and lhs.bracket in ("(", "["):  # f(x), and f[x, φ] (square-bracket application)
        key = symbol_key(lhs.func) or parameter_subscript_key(lhs.func)  # f_{w,b}(x) = w·x + b: named f_wb
        if key is None:
            return None
        flat: list[ir.Node] = []
        for a in lhs.args:
            flat.extend(a.items if isinstance(a, ir.Chain) and set(a.rels) <= {"parallel", "mid"} else [a])
        if not all(symbol_key(p) is not None for p in flat):
            letter = _entry_in_arguments(flat, rhs)
            if letter is not None:  # softmax(s_i/τ) = exp(s_i/τ)/Σ_j exp(s_j/τ): entry i, defined by the right side
                return Head(_head_name(key), key, [], [letter], False)
            if any(isinstance(p, ir.Call) for p in flat) and key not in _STANDARD_APPLIED:
                # D_KL(q_φ(z|x) ‖ p(z)) = …: a named value, whose inputs are those of its right side
                # (not sign(model(x, w)) = y: a standard function of a computed value is a statement about it)
                return Head(_head_name(key), key, [], [], False)
            return None  # softmax((1/√2  0)) = …: an identity between computed sides
        entries = _entry_params(flat, rhs)
        if entries is not None:  # Softmin(x_i) = exp(-x_i)/Σ_j exp(-x_j): entry i of Softmin(x)
            return Head(_head_name(key), key, entries[0], entries[1], True)
        pair = _pair_indices(flat, rhs)
        if pair is not None:  # a[𝐱_m, 𝐱_n] = exp(𝐤_m^T 𝐪_n)/…: the x's are not used, m and n index the result
            return Head(_head_name(key), key, [], pair, False)
        letter = _entry_subscript(lhs.func, flat, rhs)
        if letter is not None:  # φ_i(x) = exp(x_i)/Σ_j exp(x_j): entry i of φ(x)
            base = lhs.func.base  # type: ignore[attr-defined]
            return Head(_head_name(base.key), base.key, flat, [letter], True)
        return Head(_head_name(key), key, flat, [], True)
    if isinstance(lhs, ir.Script) and isinstance(lhs.base, ir.Norm):
        p = key_text(lhs.sub) or "2"
        return Head(f"l{p}_norm", f"norm_{p}", [lhs.base.body], [], True)
    if isinstance(lhs, ir.Norm):
        return Head("l2_norm", "norm_2", [lhs.body], [], True)
    model = parameter_subscript_key(lhs)
    if model is not None and _names_parameters(lhs.sub.items, rhs):  # type: ignore[attr-defined]
        return Head(py_name(model), model, [], [], False)  # f_{𝐰,b} = w_0 x_0 + ⋯ + b: the model, named f_wb
    if isinstance(lhs, ir.Script) and isinstance(lhs.base, ir.Ident) and lhs.sub is not None and lhs.sup is None:
        letters = _letters(lhs.sub)
        if letters and all(_mentions(rhs, letter) for letter in letters) \
                and not any(_time_step(rhs, letter) for letter in letters) \
                and not any(_only_a_name(rhs, letter) for letter in letters):
            return Head(py_name(lhs.base.key), lhs.base.key, [], letters, False)
    key = symbol_key(lhs)
    if key is not None:
        return Head(py_name(key), key, [], [], False)
    scripted = scripted_word(lhs)
    key = symbol_key(scripted) if scripted is not None else None
    if key is not None:  # err_m = …, context^{⟨t⟩} = …: a word with its index or label names what is defined
        return Head(py_name(key), key, [], [], False)
    word = word_key(lhs)
    if word is not None and name_like_word(word):  # loss = …, acc = …: the name of what is defined
        return Head(word, word, [], [], False)
    numbered = _capital_and_number(lhs)
    if numbered is not None and not _mentions(rhs, numbered[0]):  # F1 = 2PR/(P+R): the name F1
        return Head(numbered, numbered, [], [], False)
    if isinstance(lhs, ir.Script) and isinstance(lhs.base, ir.Ident) and lhs.primes and lhs.sub is None \
            and lhs.sup is None and not _mentions(rhs, lhs.base.key + "'"):  # x' = (x - μ)/σ: a new value
        key = lhs.base.key + "'" * lhs.primes
        return Head(py_name(key), key, [], [], False)
    return None


def _capital_and_number(lhs: ir.Node) -> str | None:
    """`F1`, `R2` written on a left side: capitals with a whole number right after them (no space,
    no operator) — one name (the F1 score), not F times 1. The name, else None."""
    if not (isinstance(lhs, ir.Product) and len(lhs.factors) >= 2 and all(op is None for op in lhs.ops[1:])):
        return None
    *letters, number = lhs.factors
    if not (isinstance(number, ir.Num) and number.text.isdigit() and letters
            and all(isinstance(f, ir.Ident) and len(f.name) == 1 and f.name.isupper() and not f.style
                    and not f.accents for f in letters)
            and all(a.span[1] == b.span[0] for a, b in zip(lhs.factors, lhs.factors[1:]))):
        return None
    return "".join(f.name for f in letters if isinstance(f, ir.Ident)) + number.text


def _capitals_with_subscript(lhs: ir.Node) -> ir.Script | None:
    """`PE_{i}`, `TP_c` written on a left side: capitals run together, the subscript on the last — one
    name carrying the subscript."""
    if not (isinstance(lhs, ir.Product) and len(lhs.factors) >= 2 and all(op is None for op in lhs.ops[1:])):
        return None
    *first, last = lhs.factors
    if not (isinstance(last, ir.Script) and isinstance(last.base, ir.Ident) and last.sub is not None
            and last.sup is None and not last.primes):
        return None
    letters = [*first, last.base]
    if not all(isinstance(f, ir.Ident) and len(f.name) == 1 and f.name.isupper() and not f.style for f in letters):
        return None
    word = ir.Ident("".join(f.name for f in letters), span=(lhs.span[0], last.base.span[1]))  # type: ignore[attr-defined]
    return ir.Script(word, last.sub, None, span=lhs.span)


def scaled_index(lhs: ir.Node) -> ir.Node | None:
    """`p_{i,2j}`, `PE_{(pos, 2i+1)}`: a left side whose subscript names entries by a multiple of an
    index (every other column): the rows of such a block give an array piece by piece."""
    named = _capitals_with_subscript(lhs)
    script = named if named is not None else lhs
    if not isinstance(script, ir.Script) or script.sub is None:
        return None
    for n in script.sub.walk():
        if isinstance(n, ir.Product) and len(n.factors) == 2 and isinstance(n.factors[0], ir.Num) \
                and n.factors[0].text.isdigit() and int(n.factors[0].text) >= 2 and isinstance(n.factors[1], ir.Ident):
            return n
    return None


def _density_parameters(lhs: ir.Call, rhs: ir.Node, free: list[str]) -> list[ir.Node] | None:
    """p(x | μ, σ) = …: when the right side uses the variables written only as values (x − μ, σ²),
    never as positions (a subscript), the probability is a function of them — a density evaluated
    at x — not a table indexed by x. Its parameters, or None."""
    flat: list[ir.Node] = []
    for a in lhs.args:
        flat.extend(a.items if isinstance(a, ir.Chain) and set(a.rels) <= {"parallel", "mid", "semicolon"} else [a])
    if not free or not all(symbol_key(p) is not None for p in flat):
        return None
    used_in_subscripts = {k for n in rhs.walk() if isinstance(n, ir.Script) and n.sub is not None
                          for k in _keys_in(n.sub)}
    if any(v in used_in_subscripts for v in free) or not any(_exponential(n) for n in rhs.walk()):
        return None
    return flat


def _exponential(node: ir.Node) -> bool:
    """exp(…) or e^{…}: what a density's formula is built on."""
    return (isinstance(node, ir.Func) and node.name == "exp") or (
        isinstance(node, ir.Script) and isinstance(node.base, ir.Ident) and node.base.name == "e")


def _keys_in(node: ir.Node) -> set[str]:
    return {k for n in node.walk() for k in [symbol_key(n)] if k is not None}


def _entry_params(params: list[ir.Node], rhs: ir.Node) -> tuple[list[ir.Node], list[str]] | None:
    """f(x_i) = … x_i … x_j …: the parameter is the vector x and i the entry of the result —
    when the right side also takes x at another index (a sum over j)."""
    if len(params) != 1:
        return None
    p = params[0]
    if not (isinstance(p, ir.Script) and isinstance(p.base, ir.Ident) and p.sup is None and not p.primes
            and isinstance(p.sub, ir.Ident) and len(p.sub.name) == 1 and p.sub.name.islower()):
        return None
    base, letter = p.base, p.sub.name
    others = [n for n in rhs.walk() if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident)
              and n.base.key == base.key and isinstance(n.sub, ir.Ident) and n.sub.name != letter]
    if not others:
        return None
    return [ir.Ident(base.name, base.style, base.accents, span=base.span)], [letter]


def _entry_in_arguments(args: list[ir.Node], rhs: ir.Node) -> str | None:
    """The i of f(s_i/τ) when the right side also takes s at another index (s_j)."""
    for arg in args:
        for n in arg.walk():
            if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident) and n.sup is None \
                    and isinstance(n.sub, ir.Ident) and len(n.sub.name) == 1 and n.sub.name.islower() \
                    and _entry_params([n], rhs) is not None:
                return n.sub.name
    return None


def _entry_of_gradient(lhs: ir.Node, rhs: ir.Node) -> list[str]:
    """∂_{o_j} l = softmax(𝐨)_j − y_j: the derivative by the entry o_j, one value per j that the right
    side uses (a vector over j), as ∂l/∂o_j is."""
    for node in lhs.walk():
        if isinstance(node, ir.Script) and isinstance(node.base, ir.Special) and node.base.name == "nabla":
            var = node.sub
            if isinstance(var, ir.Script) and isinstance(var.sub, ir.Ident) and len(var.sub.name) == 1 \
                    and var.sub.name.islower() and var.sup is None and _mentions(rhs, var.sub.name):
                return [var.sub.name]
    return []


def _derivative_entries(frac: ir.Frac, rhs: ir.Node) -> list[str]:
    """∂φ_k/∂a_j = …: the entries k, j of a Jacobian the right side computes (letters of both
    subscripts that the right side uses)."""
    num, den = frac.num, frac.den
    parts = [f for side in (num, den) if isinstance(side, ir.Product) for f in side.factors[1:2]]
    letters = []
    for part in parts:
        if isinstance(part, ir.Script) and isinstance(part.sub, ir.Ident) and len(part.sub.name) == 1 \
                and part.sub.name.islower() and part.sup is None and part.sub.name not in letters:
            letters.append(part.sub.name)
        elif not isinstance(part, ir.Ident):  # ∂l/∂o_j: a scalar l has no entries; anything else, no reading
            return []
    if not letters or not all(_mentions(rhs, v) for v in letters):
        return []
    return letters


def _indexed_in(node: ir.Node, key: str) -> bool:
    """Does the expression take entries of `key` (θ_k): then θ is a vector, not a position."""
    return any(isinstance(n, ir.Script) and isinstance(n.base, ir.Ident) and n.base.key == key
               and n.sub is not None for n in node.walk())


def _pair_indices(params: list[ir.Node], rhs: ir.Node) -> list[str] | None:
    """f[𝐱_m, 𝐱_n] whose right side never uses x: the parameters only name positions m, n."""
    letters = []
    for p in params:
        if not (isinstance(p, ir.Script) and isinstance(p.base, ir.Ident) and p.sup is None
                and isinstance(p.sub, ir.Ident) and len(p.sub.name) == 1 and p.sub.name.islower()):
            return None
        if _mentions(rhs, p.base.key):
            return None
        letters.append(p.sub.name)
    found = [v for v in letters if _mentions(rhs, v)]
    return found or None


def _entry_subscript(func: ir.Node, params: list[ir.Node], rhs: ir.Node) -> str | None:
    """The i of φ_i(x) when the right side takes the parameter x at i (x_i): an entry, not a name."""
    if not (isinstance(func, ir.Script) and isinstance(func.base, ir.Ident) and func.sup is None
            and isinstance(func.sub, ir.Ident) and len(func.sub.name) == 1 and func.sub.name.islower()):
        return None
    letter = func.sub.name
    keys = {symbol_key(p) for p in params}
    for n in rhs.walk():
        if isinstance(n, ir.Script) and isinstance(n.base, ir.Ident) and n.base.key in keys \
                and isinstance(n.sub, ir.Ident) and n.sub.name == letter:
            return letter
    return None


def _head_name(key: str) -> str:
    return py_name(key)


def _names_parameters(items: list[ir.Node], rhs: ir.Node) -> bool:
    """`f_{\\mathbf{w},b} = w_0 x_0 + ⋯ + b`: every name listed below f is a quantity the right side
    uses (w_0, b), none an index of its entries (f_{i,j} = x_i y_j lists indices)."""
    subscripts = [n.sub for n in rhs.walk() if isinstance(n, ir.Script) and n.sub is not None]
    indices = {m.name for sub in subscripts for m in sub.walk() if isinstance(m, ir.Ident)}
    used = {n.name for n in rhs.walk() if isinstance(n, ir.Ident)}
    return all(isinstance(item, ir.Ident) and item.name in used and item.name not in indices for item in items)


def _letters(sub: ir.Node) -> list[str]:
    if isinstance(sub, ir.Ident) and len(sub.name) == 1:
        return [sub.name]
    if isinstance(sub, ir.Product) and all(isinstance(f, ir.Ident) and len(f.name) == 1 for f in sub.factors):
        return [f.name for f in sub.factors]  # type: ignore[attr-defined]
    if isinstance(sub, ir.Tuple) and all(isinstance(f, ir.Ident) for f in sub.items):
        return [f.name for f in sub.items]  # type: ignore[attr-defined]
    return []


def _time_step(node: ir.Node, letter: str) -> bool:
    """v_t = … v_{t-1}: t is a step of a recurrence (a name part), not an axis of the result. A shift
    by the index of a sum (y_i = Σ_a w_a x_{i+a}: a correlation) is no step: i stays the result's axis."""
    summed = {symbol_key(b.sub.items[0]) for b in node.walk() if isinstance(b, ir.BigOp)
              and isinstance(b.sub, ir.Chain) and b.sub.items}
    return any(isinstance(n, ir.Script) and isinstance(n.sub, ir.Add) and _mentions(n.sub, letter)
               and not any(key and _mentions(n.sub, key) for key in summed) for n in node.walk())


def _mentions(node: ir.Node, letter: str) -> bool:
    return any(isinstance(n, ir.Ident) and n.key == letter for n in node.walk())


def read_equation_file(path: str, text: str) -> EquationFile:
    """Read an equation file's text. Never raises for bad LaTeX: see `.diagnostics`."""
    from eq2code.equation.source import normalise

    text = normalise(text)
    try:
        eq_file = FileReader(path, text).read()
        describe_file(eq_file)  # the reading as readable math, every symbol's role (eq2code parse)
        return eq_file
    except RecursionError:
        return EquationFile(path, text, {}, [], [Diagnostic("latex-syntax", Range.of(0, 0),
                                                            {"detail": phrase("eq-nested-too-deeply")})])


def _closing_point(text: str, offset: int, kind: str) -> int | None:
    """Where a bracket opened at `offset` and not closed is read as closed: before the bracket
    around it that closes first (`latex-not-closed-before`), else at the end of its row."""
    if kind == "latex-never-closed":
        row = text.find("\\\\", offset)
        return len(text.rstrip()) if row < 0 else row
    from eq2code.equation.latex.tokens import tokenize

    depth = 0
    for tok in tokenize(text):
        if tok.start_pos is None or tok.start_pos <= offset:
            continue
        if tok.type in ("LPAR", "LBRACK", "LBRACE", "LSET"):
            depth += 1
        elif tok.type in ("RPAR", "RBRACK", "RBRACE", "RSET"):
            if depth == 0:
                start = tok.start_pos
                left = text.rfind("\\right", 0, start + 1)
                return left if left >= 0 and not text[left + 6:start].strip() else start
            depth -= 1
    return None


def _names_a_derivative(side: ir.Node, functions: dict) -> bool:
    """`\\frac{\\partial J}{\\partial W}` as a whole form, of a function the file does not define."""
    if not (isinstance(side, ir.Frac) and derivative_key(side) is not None):
        return False
    of = derivative_function(side)
    return of is None or of not in functions


def _derivative_text(frac: ir.Frac) -> str:
    """∂J/∂W for `\\frac{\\partial J}{\\partial W}` (from its key dJ_dW)."""
    key = derivative_key(frac) or ""
    f, _, x = key[1:].partition("_d")
    return f"\\partial {f}/\\partial {x}" if f and x else key


def _only_a_name(rhs: ir.Node, letter: str) -> bool:
    """r_{xy} = Σ(x_i − x̄)(y_i − ȳ)/…, μ_Y = 𝔼[Y], n_H = ⌊n_{H_{prev}} …⌋: the letter is on the right only as a
    name (x of x_i, Y, H of H_prev), never an index of anything — so on the left it labels the value."""
    for node in rhs.walk():
        if isinstance(node, ir.Script) and node.sub is not None:
            items = node.sub.items if isinstance(node.sub, ir.Tuple) else [node.sub]
            for item in items:
                parts = item.factors if isinstance(item, ir.Product) else \
                    [t for _, t in item.terms] if isinstance(item, ir.Add) else [item]
                if any(isinstance(p, ir.Ident) and p.key == letter for p in parts):
                    return False
        if isinstance(node, ir.BigOp) and node.sub is not None and any(
                isinstance(n, ir.Ident) and n.key == letter for n in node.sub.walk()):
            return False
        if isinstance(node, ir.Call) and any(isinstance(a, ir.Ident) and a.key == letter for a in node.args):
            return False
    # bare uses of the letter as a value (x_k = 2k, f_k = … k …) keep it an index
    bases = {id(n.base) for n in rhs.walk() if isinstance(n, ir.Script)}
    return not any(isinstance(n, ir.Ident) and n.key == letter and id(n) not in bases for n in rhs.walk())


"""Lark parse tree → IR (`ir.py`). Structure only; every node gets its source span."""

from __future__ import annotations

import re

from lark import Token, Transformer, v_args

from eq2code.equation.latex import ir
from eq2code.equation.latex.errors import latex_error
from eq2code.equation.latex.tokens import OWN_OPERATORS, token_span
from eq2code.findings.phrases import phrase

_NAME_TEXT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_MULTIWORD = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[ \-][A-Za-z][A-Za-z0-9]*){1,2}$")
# A quantity said in words: up to eight words (a leading # for "number of"), no punctuation.
_WORDS = re.compile(r"^#? ?[A-Za-z][A-Za-z0-9]*(?:[ \-]+[A-Za-z][A-Za-z0-9]*){1,7}$")
PROSE_WORDS = {"if", "for", "when", "where", "otherwise", "else", "and", "or", "s", "st", "with", "all",
               "subject", "to", "such", "that", "is", "the", "of", "in", "on", "a", "an", "as", "by", "at",
               "we", "then", "let", "be", "are", "from", "so", "not", "do", "does", "each", "every", "any",
               "i", "e", "g", "eg", "ie", "via", "over", "under", "using", "given", "constant", "const",
               "const.", "以外", "上記以外", "場合", "ただし", "ここで", "かつ", "または"}
_HIRAGANA = re.compile("[\u3040-\u309f]")


def _words_quantity(content: str) -> bool:
    """Words that name one quantity (`Number of exact predictions`, `# false positives`, `Has
    college degree`): a phrase neither starting nor ending with a connective (if, where, and, the,
    of, …), so that prose joining formulas (`where`, `and thus`, `for each class`) stays prose."""
    if not _WORDS.match(content):
        return False
    words = [w for w in re.split(r"[ \-#]+", content) if w]
    counted = content.startswith("#")  # "# of past projects": the sign is its first word
    return (counted or words[0].lower() not in PROSE_WORDS) and words[-1].lower() not in PROSE_WORDS


def _words_name(content: str) -> str:
    """The quantity's name in code: its words joined by `_`, `#` as `n` (`n_false_positives`)."""
    words = [w for w in re.split(r"[ \-#]+", content) if w]
    return "_".join((["n"] if content.startswith("#") else []) + [w.lower() for w in words])


def _label_item(node: ir.Node) -> bool:
    """An item of a label list: a whole number or one letter (`0`, `k`)."""
    return (isinstance(node, ir.Num) and node.text.isdigit()) or (isinstance(node, ir.Ident) and len(node.name) == 1)


def _span(meta) -> ir.Span:
    if getattr(meta, "empty", True):
        return (0, 0)
    return (meta.start_pos, meta.end_pos)


def _tok_span(tok: Token) -> ir.Span:
    return token_span(tok)


def _rel_name(tok: Token) -> str:
    return {"COLON": ":", "MID": "mid", "PARALLEL": "parallel"}.get(tok.type, tok.value)


def _letters(node: ir.Node) -> str | None:
    """'softmax' for the juxtaposed letters s o f t m a x; None when it is not a plain word."""
    if isinstance(node, ir.Ident) and not node.accents and node.style == "":
        return node.name
    if isinstance(node, ir.Num):
        return node.text
    if isinstance(node, ir.Product) and all(op is None for op in node.ops[1:]):
        parts = [_letters(f) for f in node.factors]
        if all(p is not None and len(p) == 1 for p in parts):
            return "".join(parts)  # type: ignore[arg-type]
    return None


def _transpose_mark(node: ir.Node) -> bool:
    """T, \\top, \\intercal after a label in one superscript."""
    return (isinstance(node, ir.Ident) and node.name == "T" and not node.style) or \
        (isinstance(node, ir.Special) and node.name == "top")


def _powered(func: ir.Node) -> bool:
    """`θ^x`, `x_i^2`, `p^{1-y}` before a bracket: the superscript is an exponent (a lowercase letter,
    a number, an expression), so the bracket is a factor. Labels keep the application: `f^{-1}(y)`,
    `g^{[l]}(z)`, `W^{(l)}(x)`, `f^*(x)`, `θ^T(x - μ)`."""
    if not isinstance(func, ir.Script) or func.sup is None or func.primes or not isinstance(func.base, ir.Ident):
        return False
    sup = func.sup
    if isinstance(sup, ir.Num):
        return True
    if isinstance(sup, ir.Ident):
        return (len(sup.name) == 1 and sup.name.islower()) or sup.name in _LOWER_GREEK
    if isinstance(sup, ir.Add):
        return not (len(sup.terms) == 1 and sup.terms[0][0] == "-")  # ^{-1}: an inverse, a label
    return isinstance(sup, (ir.Product, ir.Frac))


_LOWER_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "eta", "kappa", "lambda", "mu", "nu", "rho", "tau"}


def _open_sum(node: ir.Node) -> ir.BigOp | None:
    """The sum a term ends with (`\\sum_i …`, `\\frac{1}{N}\\sum_i …`), whose body a next term may continue."""
    if isinstance(node, ir.BigOp) and node.op == "sum":
        return node
    if isinstance(node, ir.Product) and node.factors:
        return _open_sum(node.factors[-1])
    return None


def _sum_index(node: ir.BigOp) -> str | None:
    sub = node.sub
    if isinstance(sub, ir.Chain) and sub.items and isinstance(sub.items[0], ir.Ident):
        sub = sub.items[0]
    return sub.name if isinstance(sub, ir.Ident) and len(sub.name) <= 2 and not sub.style else None


def _uses_index(node: ir.Node, letter: str | None) -> bool:
    """`letter` appears in a subscript of `node` outside any sum of its own over the same letter."""
    if letter is None:
        return False
    if isinstance(node, ir.BigOp) and _sum_index(node) == letter:
        return False
    if isinstance(node, ir.Script) and node.sub is not None and any(
            isinstance(n, ir.Ident) and n.name == letter and not n.style for n in node.sub.walk()):
        return True
    return any(_uses_index(child, letter) for child in node.children())


def _word_name(content: str) -> bool:
    """A word in another script that names a quantity (損失, 交差エントロピー): an identifier
    with no hiragana (words with hiragana — それ以外, のとき — are prose)."""
    return content.isidentifier() and not content.isascii() and not _HIRAGANA.search(content) \
        and content not in PROSE_WORDS


# Letters whose prime is a derivative even without a bracket (f', σ'); other primed letters name
# a variable (x', s', a', θ', W': another point, the next state, the updated parameters).
_DERIVATIVE_LETTERS = {"f", "g", "h", "sigma", "phi", "psi", "varphi", "ell"}


def _named_primes(value):
    """The tree with every primed variable (`x'` of `k(x, x')`, `Q(s', a')`) as a name x′; a primed
    letter before a bracket (`f'(x)`, `x'(t)`) stays a derivative applied."""
    if isinstance(value, ir.Script) and value.primes == 1 and value.sub is None and value.sup is None \
            and isinstance(value.base, ir.Ident) and not value.base.accents \
            and value.base.name not in _DERIVATIVE_LETTERS and value.base.style in ("", "bf"):
        return ir.Ident(value.base.name + "'", value.base.style, span=value.span)
    if isinstance(value, ir.Node):
        for key, child in vars(value).items():
            if key == "span" or (isinstance(value, ir.Call) and key == "func"):
                continue
            setattr(value, key, _named_primes(child))
        return value
    if isinstance(value, list):
        return [_named_primes(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_named_primes(v) for v in value)
    return value


def _primed_name(node: ir.Node | None) -> ir.Node | None:
    """`k'` in a subscript (`\\sum_{k'}`, `\\beta_{k'}`): the index named k′, not a derivative."""
    if isinstance(node, ir.Chain) and node.items:  # \sum_{k'=1}^{K}
        node.items[0] = _primed_name(node.items[0]) or node.items[0]
        return node
    if not (isinstance(node, ir.Script) and node.sub is None and isinstance(node.base, ir.Ident)
            and len(node.base.name) == 1 and not node.base.accents):
        return node
    primes = node.primes + (1 if isinstance(node.sup, ir.Special) and node.sup.name == "prime" else 0)
    if primes and (node.sup is None or primes > node.primes):
        return ir.Ident(node.base.name + "'" * primes, node.base.style, span=node.span)
    return node


def _bare_symbols(node: ir.Node | None) -> list[ir.Node] | None:
    """The symbols of `g_1` or of the tuple `g_1, g_2` a quantifier has read so far."""
    if isinstance(node, (ir.Ident, ir.Script)):
        return [node]
    if isinstance(node, ir.Tuple) and node.bracket == "" and all(isinstance(i, (ir.Ident, ir.Script))
                                                                 for i in node.items):
        return list(node.items)
    return None


def _quantifies_more(previous: ir.Node, clause: ir.Node) -> bool:
    """`\\forall g_1`, then `g_2 \\in G` or `g_2`: the quantifier's variables go on."""
    if not isinstance(previous, ir.Quantified) or _bare_symbols(previous.body) is None:
        return False
    if isinstance(clause, ir.Chain):  # only a membership: `\forall i, y_i = …` keeps its definition
        return set(clause.rels) <= {"in", "notin", "subset", "subseteq"} and _bare_symbols(clause.items[0]) is not None
    return _bare_symbols(clause) is not None


def _quantify_more(previous: ir.Node, clause: ir.Node) -> ir.Quantified:
    assert isinstance(previous, ir.Quantified)
    symbols = _bare_symbols(previous.body) or []
    span = (previous.span[0], clause.span[1])
    if isinstance(clause, ir.Chain):
        first = clause.items[0]
        items = ir.Tuple(symbols + (_bare_symbols(first) or []), "", span=(previous.span[0], first.span[1]))
        body: ir.Node = ir.Chain([items, *clause.items[1:]], clause.rels, span=span)
    else:
        body = ir.Tuple(symbols + (_bare_symbols(clause) or []), "", span=span)
    return ir.Quantified(previous.quant, body, span=span)


@v_args(meta=True)
class ToIR(Transformer):
    # -- statements ---------------------------------------------------------------------
    def start(self, meta, children):
        return _named_primes(children[0])

    def stmt(self, meta, children):
        clauses: list[ir.Node] = []
        seps: list[str] = []
        for c in children:
            if isinstance(c, list):
                seps.extend(c)
            elif clauses and seps and seps[-1] == "," and _quantifies_more(clauses[-1], c):
                clauses[-1] = _quantify_more(clauses[-1], c)  # \forall g_1, g_2 \in G: one quantifier
                seps.pop()
            else:
                clauses.append(c)
        if len(clauses) == 1 and (not seps or self._trailing_only(children)):
            return clauses[0]  # `x - \lambda,` in a cases row: the comma ends a phrase
        return ir.Statement(clauses, seps, span=_span(meta))

    @staticmethod
    def _trailing_only(children) -> bool:
        return not isinstance(children[0], list)

    def seps(self, meta, children):
        return [s for s in children]

    def sep(self, meta, children):
        return children[0].value

    def quantified(self, meta, children):
        body = children[1] if len(children) > 1 else None
        return ir.Quantified(children[0].value, body, span=_span(meta))

    def chain(self, meta, children):
        items = children[0::2]
        rels = children[1::2]
        return ir.Chain(items, rels, span=_span(meta))

    def rel(self, meta, children):
        return _rel_name(children[0])

    # -- arithmetic ----------------------------------------------------------------------
    def addop(self, meta, children):
        return {"PLUS": "+", "MINUS": "-"}.get(children[0].type, children[0].value)

    def binop(self, meta, children):
        left, op, right = children
        terms = list(left.terms) if isinstance(left, ir.Add) and not getattr(left, "_closed", False) else [("+", left)]
        bigop = _open_sum(terms[-1][1])
        if bigop is not None and _uses_index(right, _sum_index(bigop)):
            # \sum_i y_i \log p_i + (1 - y_i) \log(1 - p_i): the later term's i is the sum's, so the
            # sum reaches over it (a dangling i would name nothing); the lowering reports the reading
            body = bigop.body
            bigop.body = ir.Add([*(body.terms if isinstance(body, ir.Add) else [("+", body)]), (op, right)],
                                span=(body.span[0], right.span[1]))
            bigop.extended = True
            bigop.span = (bigop.span[0], right.span[1])
            return ir.Add(terms, span=_span(meta))
        terms.append((op, right))
        return ir.Add(terms, span=_span(meta))

    def unary(self, meta, children):
        op, term = children
        return ir.Add([(op, term)], span=_span(meta))

    def mulop(self, meta, children):
        tok = children[0]
        return {"STAR": "ast", "DOT": "action"}.get(tok.type, tok.value)

    def scripted_mulop(self, meta, children):
        return "scripted"

    def _product(self, meta, left, op, right):
        if op == "action":  # g.f: an action or a composition, read but with no value
            return ir.Notation("action", [left, right], span=_span(meta))
        if op == "scripted" or op in OWN_OPERATORS:  # f *_{group} k, x \oplus y: an operator of the notes' own
            return ir.Notation("operator", [left, right], span=_span(meta))
        if isinstance(left, ir.Product):
            factors, ops = list(left.factors), list(left.ops)
        else:
            factors, ops = [left], [None]
        factors.append(right)
        ops.append(op)
        return ir.Product(factors, ops, span=_span(meta))

    def juxt(self, meta, children):
        return self._product(meta, children[0], None, children[1])

    def mulop_prod(self, meta, children):
        return self._product(meta, children[0], children[1], children[2])

    def mulop_negated(self, meta, children):
        left, op, minus, right = children
        negated = ir.Add([("-", right)], span=(minus.start_pos, right.span[1]))
        return self._product(meta, left, op, negated)

    def prod_tail(self, meta, children):
        if len(children) == 3:
            return self._product(meta, children[0], children[1], children[2])
        return self._product(meta, children[0], None, children[1])

    def scripts(self, meta, children):
        sub = sup = None
        for kind, value in zip(children[0::2], children[1::2]):
            if kind.type == "SUB":
                sub = value
            else:
                sup = value
        return (sub, sup)

    def bigop(self, meta, children):
        tok, (sub, sup), body = children
        sub = _primed_name(sub)
        if isinstance(sub, ir.Tuple) and sub.bracket == "{" and sup is None \
                and tok.value in ("sum", "prod", "max", "min") and all(isinstance(i, ir.Ident) for i in sub.items):
            for index in reversed(sub.items[1:]):  # \sum_{i,j}: \sum_i \sum_j
                body = ir.BigOp(tok.value, index, None, body, span=_span(meta))
            sub = sub.items[0]
        return ir.BigOp(tok.value, sub, sup, body, span=_span(meta))

    def bigop_signed(self, meta, children):
        tok, (sub, sup), sign, body = children
        return ir.BigOp(tok.value, _primed_name(sub), sup, ir.Add([(sign, body)], span=body.span), span=_span(meta))

    def func_app(self, meta, children):
        tok, (sub, sup), arg = children
        if isinstance(arg, ir.Tuple) and arg.bracket == "\\{" and len(arg.items) == 1:
            arg = ir.Group(arg.items[0], "(", span=arg.span)  # \exp\{…\}: braces as brackets
        if isinstance(arg, ir.Script) and isinstance(arg.base, (ir.Group, ir.Tuple)) \
                and arg.base.bracket in ("(", "[") and not arg.primes and arg.sub is None and arg.sup is not None:
            # \tanh(x)^2 = (tanh x)²: the power is on the function's value, as every note means it —
            # never tanh(x²)
            inner = ir.Func(tok.value, arg.base, sub, sup, span=(_span(meta)[0], arg.base.span[1]))
            return ir.Script(inner, None, arg.sup, span=_span(meta))
        return ir.Func(tok.value, arg, sub, sup, span=_span(meta))

    func_tail = func_app

    def logical_not(self, meta, children):
        return ir.Notation("not", [children[1]], span=_span(meta))

    # -- postfix -------------------------------------------------------------------------
    def sub(self, meta, children):
        return self._script(meta, children[0], "sub", children[2])

    def sup(self, meta, children):
        return self._script(meta, children[0], "sup", children[2])

    def _script(self, meta, base, slot, value):
        if slot == "sub" and isinstance(base, ir.Special) and base.name == "partial":
            base = ir.Special("nabla", span=base.span)  # \partial_{\mathbf{w}} f is ∇_𝐰 f, the gradient by 𝐰
        if isinstance(base, ir.Product) and getattr(base, "_juxtaposed", False):
            last = base.factors[-1]  # θ^x(1-θ)^{1-x}: the exponent 1-x is the bracket's
            base.factors[-1] = ir.Script(last, **{slot: value}, span=(last.span[0], _span(meta)[1]))
            base.span = _span(meta)
            return base
        if slot == "sub":
            value = _primed_name(value)
        if slot == "sup" and isinstance(value, ir.Group) and value.bracket == "<":
            value = ir.Group(value.body, "(", span=value.span)  # a^{⟨t⟩}: the step label of a^{(t)}
        if slot == "sup" and isinstance(value, ir.Tuple) and value.bracket == "<":
            value = ir.Tuple(value.items, "(", span=value.span)  # α^{⟨t,t'⟩}: a label, not ⟨t, t'⟩ = t·t'
        if slot == "sup" and isinstance(value, ir.Tuple) and value.bracket == "{" and len(value.items) >= 2 \
                and all(_label_item(item) for item in value.items):
            value = ir.Tuple(value.items, "(", span=value.span)  # 𝐰^{0,1}: iteration labels, never a power
        if slot == "sup" and isinstance(value, ir.Product) and len(value.factors) == 2 \
                and isinstance(value.factors[0], ir.Group) and value.factors[0].bracket in ("[", "(", "<") \
                and _transpose_mark(value.factors[1]) and not isinstance(base, ir.Product):
            # A^{[l-1] T}, x^{⟨t⟩T}: the labelled A, transposed — never a label "(l-1)T"
            label = value.factors[0]
            label = ir.Group(label.body, "(" if label.bracket == "<" else label.bracket, span=label.span)
            inner = ir.Script(base, sup=label, span=(base.span[0], label.span[1]))
            return ir.Script(inner, sup=value.factors[1], span=_span(meta))
        if slot == "sup" and isinstance(value, ir.Call) and isinstance(value.func, ir.Group) \
                and value.func.bracket == "[" and value.bracket == "(" and len(value.args) == 1:
            # a^{[2](i)}: the layer label [2] and the sample label (i), never [2] applied to i
            sample = ir.Group(value.args[0], "(", span=(value.func.span[1], value.span[1]))
            value = ir.Product([value.func, sample], [None, None], span=value.span)
        if isinstance(value, ir.Text) and _NAME_TEXT.match(value.content.strip()) \
                and value.content.strip().lower() not in PROSE_WORDS:
            value = ir.Ident(value.content.strip(), "text", span=value.span)  # L_{\text {train }}: a label
        if isinstance(base, ir.Annotated) and base.note is None:
            base.note = value
            base.span = _span(meta)
            return base
        if isinstance(base, ir.Script) and getattr(base, slot) is None and (
                not base.primes or (slot == "sub" and base.sup is None and isinstance(base.base, ir.Ident))):
            setattr(base, slot, value)  # h'_i: entry i of h' (the prime names the new value, the index reads it)
            base.span = _span(meta)
            return base
        if isinstance(base, ir.Script) and slot == "sub" and base.sup is None and not base.primes \
                and isinstance(base.base, ir.Ident):
            # {\underset{z}{\text{softmin}}}_\beta: one name with both subscripts, softmin_{z,β}
            old = base.sub
            before = list(old.items) if isinstance(old, ir.Tuple) and old.bracket == "{" else [old] if old else []
            if not before:
                return ir.Script(base, **{slot: value}, span=_span(meta))
            base.sub = ir.Tuple([*before, value], "{", span=(before[0].span[0], value.span[1]))
            base.span = _span(meta)
            return base
        return ir.Script(base, **{slot: value}, span=_span(meta))

    def prime(self, meta, children):
        base = children[0]
        if isinstance(base, ir.Script) and base.sub is None and base.sup is None:
            base.primes += 1
            return base
        return ir.Script(base, primes=1, span=_span(meta))

    def bang(self, meta, children):
        """`n!`: the factorial applied (the lowering says what it can compute)."""
        return ir.Func("factorial", children[0], span=_span(meta))

    def evaluated(self, meta, children):
        """`\\frac{dy}{dt}\\Big|_{t_n}`: the expression at a point."""
        return ir.Notation("evaluated", [children[0], children[3]], span=_span(meta))

    def call_paren(self, meta, children):
        func = children[0]
        if _powered(func):  # θ^x(1-θ)^{1-x}: a power, then a bracketed factor — not an application
            group = self._grouped(meta, children[2], "(")
            group.span = (children[1].start_pos, children[3].end_pos)
            product = ir.Product([func, group], [None, None], span=_span(meta))
            product._juxtaposed = True  # type: ignore[attr-defined]  # a script after it is the group's
            return product
        return self._call(meta, func, children[2], "(")

    def call_brack(self, meta, children):
        return self._call(meta, children[0], children[2], "[")

    def _call(self, meta, func, content, bracket):
        args = content.clauses if isinstance(content, ir.Statement) else [content]
        return ir.Call(func, list(args), bracket, span=_span(meta))

    # -- scripts -------------------------------------------------------------------------
    def braced_script(self, meta, children):
        content = children[1]
        if isinstance(content, ir.Statement):  # Q_{t,x_t}: several indices
            return ir.Tuple(list(content.clauses), "{", span=_span(meta))
        return content

    def script(self, meta, children):
        return children[0]

    def rel_script(self, meta, children):
        rel = children[0]
        items = [ir.Empty(span=_span(meta))] + ([children[1]] if len(children) > 1 else [])
        if len(items) == 1:
            items.append(ir.Empty(span=_span(meta)))
        return ir.Chain(items, [rel], span=_span(meta))

    def star_label(self, meta, children):
        """`Y^{* i}`: the starred label of item i."""
        body = children[1]
        return ir.Product([ir.Special("star", span=_tok_span(children[0])), body], [None, None], span=_span(meta))

    def star_script(self, meta, children):
        return ir.Special("star", span=_span(meta))

    def prime_script(self, meta, children):
        return ir.Special("prime", span=_span(meta))

    def empty_script(self, meta, children):
        return ir.Empty(span=_span(meta))

    # -- atoms ---------------------------------------------------------------------------
    def number(self, meta, children):
        return ir.Num(children[0].value, span=_tok_span(children[0]))

    def letter(self, meta, children):
        return ir.Ident(children[0].value, span=_tok_span(children[0]))

    greek = letter

    def macro(self, meta, children):
        return ir.Ident(children[0].value, "macro", span=_tok_span(children[0]))

    def top(self, meta, children):
        return ir.Special("top", span=_tok_span(children[0]))

    def special(self, meta, children):
        return ir.Special(children[0].value, span=_tok_span(children[0]))

    def text(self, meta, children):
        raw = children[0].value
        content = raw.strip()
        if content[:1] in ('"', "“", "‘"):  # "is": a quoted string
            return ir.Notation("string", [ir.Text(content, span=_tok_span(children[0]))],
                               span=_tok_span(children[0]))
        if _NAME_TEXT.match(content) and content == raw and content.lower() not in PROSE_WORDS:
            return ir.Ident(content, "text", span=_tok_span(children[0]))
        if _word_name(content):  # \text{損失}, \mathrm{正解率}: a name in Japanese
            return ir.Ident(content, "text", span=_tok_span(children[0]))
        if _MULTIWORD.match(content) and not any(w.lower() in PROSE_WORDS for w in re.split(r"[ \-]", content)):
            # \text{log loss}, \text{tf-idf}: a name of two or three words
            return ir.Ident(re.sub(r"[ \-]", "_", content), "text", span=_tok_span(children[0]))
        words = content.replace("\\#", "#")
        if _words_quantity(words):  # \text{Number of exact predictions}: one quantity
            return ir.Ident(_words_name(words), "words", span=_tok_span(children[0]))
        return ir.Text(children[0].value, span=_tok_span(children[0]))

    def arg(self, meta, children):
        return children[0]

    def font(self, meta, children):
        tok, body = children
        style = tok.value
        span = _span(meta)
        if isinstance(body, ir.Ident) and body.style == "":
            return ir.Ident(body.name, style, body.accents, span=span)
        word = _letters(body)
        if word is not None:
            return ir.Ident(word, style, span=span)
        if isinstance(body, ir.Ident):
            return body
        if isinstance(body, ir.Group) and body.bracket == "{":
            return self.font(meta, [tok, body.body])
        if style == "bb" or style == "cal":
            raise latex_error("unsupported-notation", phrase("latex-style-of-expression", style=style),
                              span[0], span[1], f"\\math{style}")
        return body

    def accent(self, meta, children):
        tok, body = children
        if isinstance(body, ir.Group) and body.bracket == "{":
            body = body.body
        if isinstance(body, ir.Ident):
            return ir.Ident(body.name, body.style, body.accents + (tok.value,), span=_span(meta))
        if isinstance(body, ir.Script) and isinstance(body.base, ir.Ident):
            b = body.base
            body.base = ir.Ident(b.name, b.style, b.accents + (tok.value,), span=b.span)
            return body
        if isinstance(body, ir.Num) and body.text in ("0", "1") and tok.value in ("vec", "overrightarrow"):
            return ir.Ident(body.text, "bf", span=_span(meta))  # \vec{0}: the zero vector, as \mathbf{0}
        raise latex_error("unsupported-notation", phrase("latex-accent-over-expression", command="\\" + tok.value),
                          tok.start_pos,
                         _span(meta)[1], f"\\{tok.value}")

    # -- groups --------------------------------------------------------------------------
    def _grouped(self, meta, content, bracket):
        if isinstance(content, ir.Statement):
            return ir.Tuple(list(content.clauses), bracket, span=_span(meta))
        return ir.Group(content, bracket, span=_span(meta))

    def paren(self, meta, children):
        closer = children[2].value
        return self._grouped(meta, children[1], "(" + (closer if closer == "]" else ""))

    def brack(self, meta, children):
        closer = children[2].value
        return self._grouped(meta, children[1], "[" + (closer if closer == ")" else ""))

    def angle(self, meta, children):
        return self._grouped(meta, children[1], "<")

    def braced(self, meta, children):
        content = children[1]  # TeX braces only group: they leave no trace in the IR
        if isinstance(content, ir.Statement):
            return ir.Tuple(list(content.clauses), "{", span=_span(meta))
        return content

    def empty_group(self, meta, children):
        return ir.Empty(span=_span(meta))

    def set_group(self, meta, children):
        content = children[1]
        if (isinstance(content, ir.Chain) and ":" in content.rels) or (
                isinstance(content, ir.Statement) and any(isinstance(c, ir.Chain) and ":" in c.rels
                                                          for c in content.clauses)):
            return ir.SetBuilder(content, span=_span(meta))
        items = content.clauses if isinstance(content, ir.Statement) else [content]
        if len(items) == 1 and isinstance(items[0], (ir.Add, ir.Product, ir.Frac, ir.Func, ir.BigOp)):
            return ir.Group(items[0], "(", span=_span(meta))  # \{y(x_n, w) - t_n\}^2: braces as brackets
        return ir.Tuple(list(items), "\\{", span=_span(meta))

    def empty_set(self, meta, children):
        return ir.Tuple([], "\\{", span=_span(meta))

    def abs(self, meta, children):
        return ir.Abs(children[1], span=_span(meta))

    def norm(self, meta, children):
        return ir.Norm(children[1], span=_span(meta))

    def frac(self, meta, children):
        if children[0].value == "binom":  # \\binom{n}{k}: the binomial coefficient applied to (n, k)
            pair = ir.Tuple([children[1], children[2]], span=_span(meta))
            return ir.Func("binom", pair, span=_span(meta))
        return ir.Frac(children[1], children[2], span=_span(meta))

    def sqrt(self, meta, children):
        return ir.Root(children[1], span=_span(meta))

    def root(self, meta, children):
        return ir.Root(children[4], children[2], span=_span(meta))

    def braceover(self, meta, children):
        return ir.Annotated(children[1], span=_span(meta))

    def env(self, meta, children):
        begin, rows, end = children
        if begin.value != end.value:
            raise latex_error("latex-syntax", phrase("latex-begin-end", begin=begin.value, end=end.value),
                             end.start_pos, end.end_pos)
        if begin.value == "cases":
            return ir.Cases([(r[0], r[1] if len(r) > 1 else None) for r in rows if r and r[0] is not None],
                            span=_span(meta))
        if begin.value == "aligned":
            raise latex_error("unsupported-notation", phrase("latex-nested-aligned"), begin.start_pos,
                             begin.end_pos, "\\begin{aligned}")
        while rows and all(c is None for c in rows[-1]):
            rows.pop()  # a trailing \\ before \end
        return ir.Matrix(rows, begin.value, span=_span(meta))

    def rows(self, meta, children):
        return [c for c in children if isinstance(c, list)]

    def row(self, meta, children):
        return [c for c in children if not isinstance(c, Token)]

    def cell(self, meta, children):
        return children[0] if children else None


def _signs_only(node: ir.Node) -> bool:
    """[x]_+: a sign as the script (the positive part), no index."""
    return (isinstance(node, ir.Ident) and node.name in ("+", "-")) or type(node).__name__ == "Sign"

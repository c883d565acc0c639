"""Runs the grammar: equation text → IR. Raises only LatexError (with offsets)."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import threading
from functools import lru_cache
from importlib import resources

import lark
from lark import Lark, Token
from lark.exceptions import LarkError, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError
from lark.lexer import Lexer

from eq2code.base.paths import cache_dir
from eq2code.equation.latex import ir
from eq2code.equation.latex.errors import LatexError, latex_error
from eq2code.equation.latex.tokens import token_span, tokenize
from eq2code.equation.latex.transformer import ToIR
from eq2code.findings.phrases import Phrase, phrase

MAX_DEPTH = 120

_TOKEN_TEXT = {"RBRACE": "'}'", "LBRACE": "'{'", "RPAR": "')'", "LPAR": "'('", "RBRACK": "']'",
               "LBRACK": "'['", "$END": "the end of the equation", "REL": "a relation",
               "COMMA": "','", "AMP": "'&'", "ROWSEP": "'\\\\'", "SUB": "'_'", "SUP": "'^'"}


class _PreTokenized(Lexer):
    """Lark lexer that passes on the tokens made by tokens.py."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, data):  # type: ignore[override]
        return iter(data)


def grammar_text() -> str:
    return resources.files("eq2code.equation.latex").joinpath("grammar.lark").read_text(encoding="utf-8")


def tables_key(grammar: str) -> str:
    """What the shipped parser tables (tables.py) were built from: the grammar, Lark's version."""
    return hashlib.sha256((grammar + "\0" + lark.__version__).encode()).hexdigest()[:24]


LEXER_PLACEHOLDER = "eq2code:_PreTokenized"  # the lexer class, in the shipped tables' plain data
_LEXER_PATHS = (("data", "options", "lexer"), ("data", "parser", "lexer_conf", "lexer_type"))


def _shipped(grammar: str) -> Lark | None:
    """The parser from the tables shipped in the package (scripts/gen_parser_tables.py), when
    they are of this grammar and this Lark: Python literals, no pickle, nothing to build."""
    try:
        from eq2code.equation.latex import tables
    except ImportError:
        return None
    if getattr(tables, "KEY", None) != tables_key(grammar):
        return None
    data = _placed(tables.TABLES, LEXER_PLACEHOLDER, _PreTokenized)
    try:
        return Lark._load_from_dict(data["data"], data["memo"])
    except Exception:  # tables Lark cannot read: build them
        return None


def _placed(tables: dict, old, new) -> dict:
    """`tables` with `old` replaced by `new` at the lexer's places (the dicts on the way copied)."""
    out = dict(tables)
    for path in _LEXER_PATHS:
        node = out
        for key in path[:-1]:
            node[key] = dict(node[key])
            node = node[key]
        if node.get(path[-1]) is old or node.get(path[-1]) == old:
            node[path[-1]] = new
    return out


def build_tables() -> dict:
    """The parser tables as plain data (for tables.py): Lark's own serialisation, the lexer
    class replaced by a placeholder."""
    parser = Lark(grammar_text(), parser="lalr", lexer=_PreTokenized, propagate_positions=True,
                  maybe_placeholders=False)
    data, memo = parser.memo_serialize([lark.lexer.TerminalDef, lark.grammar.Rule])
    return _placed({"data": data, "memo": memo}, _PreTokenized, LEXER_PLACEHOLDER)


@lru_cache(maxsize=1)
def _lark() -> Lark:
    grammar = grammar_text()
    shipped = _shipped(grammar)
    if shipped is not None:
        return shipped
    # The LALR tables are cached in eq2code's private cache directory (building them takes
    # ~0.4 s). Not with Lark's own file cache: that is a pickle, and whoever can write the
    # cache directory (a submission's code, running as the same user) would run code in the
    # checker. Ours is signed (paths.sign), size-capped and unpickled with no class allowed
    # but the lexer's (_TablesUnpickler).
    d = cache_dir()
    key = hashlib.sha256((grammar + lark.__version__ + str(sys.version_info[:2])).encode()).hexdigest()[:24]
    path = d / f"lark-tables-{key}.bin" if d else None
    if path is not None:
        loaded = _load_tables(d, path)
        if loaded is not None:
            return loaded
    parser = Lark(grammar, parser="lalr", lexer=_PreTokenized, propagate_positions=True, maybe_placeholders=False)
    if path is not None:
        _store_tables(d, path, parser)
    return parser


class _TablesUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) == (__name__, "_PreTokenized"):
            return _PreTokenized
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the parser tables")


def _load_tables(d, path) -> Lark | None:
    from eq2code.base.files import FileProblem, read_bytes
    from eq2code.base.paths import cache_secret, verified

    secret = cache_secret(d)
    if secret is None:
        return None
    try:
        payload = verified(secret, read_bytes(path, "parser tables", 4 * 1024 * 1024))
        if payload is None:
            return None
        return Lark.__new__(Lark)._load(_TablesUnpickler(io.BytesIO(payload)).load())
    except FileProblem:
        return None
    except Exception:
        return None


def _store_tables(d, path, parser: Lark) -> None:
    from eq2code.base.paths import cache_secret, sign

    secret = cache_secret(d)
    if secret is None:
        return
    try:
        buf = io.BytesIO()
        parser.save(buf)
        tmp = path.with_name(f".{os.getpid()}.{threading.get_ident()}.tables.tmp")
        tmp.write_bytes(sign(secret, buf.getvalue()))
        os.replace(tmp, path)
    except Exception:
        return


def _describe(tok: Token) -> Phrase | str:
    if tok.type == "$END":
        return phrase("latex-end-of-equation")
    return f"'{tok.value}'" if tok.value else tok.type


def _check_depth(tokens: list[Token]) -> None:
    depth = 0
    for tok in tokens:
        if tok.type in ("LPAR", "LBRACK", "LBRACE", "LSET", "LANGLE", "ABS_OPEN", "NORM_OPEN", "BEGIN_ENV"):
            depth += 1
            if depth > MAX_DEPTH:
                raise latex_error("latex-syntax", phrase("latex-nested-brackets", depth=MAX_DEPTH),
                                  *token_span(tok))
        elif tok.type in ("RPAR", "RBRACK", "RBRACE", "RSET", "RANGLE", "ABS_CLOSE", "NORM_CLOSE", "END_ENV"):
            depth -= 1


def _unbalanced(tokens: list[Token]) -> LatexError | None:
    """A clearer message than the parser's for the commonest slip: unbalanced braces."""
    pairs = {"RPAR": "LPAR", "RBRACK": "LBRACK", "RBRACE": "LBRACE", "RSET": "LSET"}
    names = {"LPAR": "(", "LBRACK": "[", "LBRACE": "{", "LSET": "\\{"}
    stack: list[Token] = []
    for tok in tokens:
        if tok.type in names:
            stack.append(tok)
        elif tok.type in pairs:
            if not stack or stack[-1].type != pairs[tok.type]:
                if any(t.type == pairs[tok.type] for t in stack):
                    opener = stack[-1]
                    return latex_error("latex-syntax", phrase("latex-not-closed-before", opener=names[opener.type],
                                                              closer=tok.value), *token_span(opener))
                return latex_error("latex-syntax", phrase("latex-nothing-opened", closer=tok.value),
                                   *token_span(tok))
            stack.pop()
    if stack:
        opener = stack[-1]
        return latex_error("latex-syntax", phrase("latex-never-closed", opener=names[opener.type]),
                           *token_span(opener))
    return None


def parse_math(text: str) -> ir.Node:
    """Parse one display equation's math into IR. Raises LatexError, nothing else."""
    try:
        tokens = tokenize(text)
        if not tokens:
            raise latex_error("latex-syntax", phrase("latex-empty"), 0, max(1, len(text)))
        if tokens[0].type in ("REL", "COLON"):  # `= \sum_j …`: the left side is on another line
            tokens.insert(0, Token("PLACEHOLDER", "continued", start_pos=tokens[0].start_pos,
                                   end_pos=tokens[0].start_pos, line=tokens[0].line, column=tokens[0].column,
                                   end_line=tokens[0].line, end_column=tokens[0].column))
        _check_depth(tokens)
        problem = _unbalanced(tokens)
        if problem is not None:
            raise problem
        tree = _lark().parse(tokens)
        return ToIR().transform(tree)
    except LatexError:
        raise
    except VisitError as e:
        if isinstance(e.orig_exc, LatexError):
            raise e.orig_exc from None
        raise latex_error("latex-syntax", phrase("latex-could-not-read", error=str(e.orig_exc)), 0,
                          len(text)) from None
    except UnexpectedToken as e:
        tok = e.token
        pos = tok.start_pos if tok.start_pos is not None else len(text)
        expected = sorted(_TOKEN_TEXT.get(x, x) for x in (e.expected or ()) if x in _TOKEN_TEXT)
        detail = phrase("latex-unexpected", what=_describe(tok))
        if tok.type == "$END":
            pos = len(text.rstrip())
        return_err = latex_error("latex-syntax", detail, pos, (tok.end_pos or pos + 1))
        return_err.construct = ", ".join(expected[:4])
        raise return_err from None
    except UnexpectedEOF:
        raise latex_error("latex-syntax", phrase("latex-ends-early"), len(text.rstrip()),
                         len(text.rstrip()) + 1) from None
    except (UnexpectedInput, LarkError) as e:
        raise latex_error("latex-syntax", phrase("latex-could-not-read", error=type(e).__name__), 0, 1) from None
    except RecursionError:
        raise latex_error("latex-syntax", phrase("latex-too-deep"), 0, 1) from None

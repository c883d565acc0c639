"""The LaTeX math tokenizer: text → a list of Lark tokens with offsets, lines and columns.

It does what TeX's own reader does for math (a letter is one token, a control word is one
token, spacing is dropped) plus the little context the grammar cannot see: whether a `|` opens
or closes an absolute value or is a conditional bar, whether `\\|` is a norm or separates the
arguments of D_KL(p || q), and whether `\\cdot` is a placeholder as in σ(·).
"""

from __future__ import annotations

import re

from lark import Token

from eq2code.equation.latex.errors import LatexError, latex_error
from eq2code.findings.phrases import Phrase, phrase


def token_span(tok: Token) -> tuple[int, int]:
    """The token's (start, end) offsets; every token eq2code makes has both."""
    start = tok.start_pos if tok.start_pos is not None else 0
    return start, tok.end_pos if tok.end_pos is not None else start + len(tok.value)


GREEK = set(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
    "xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta "
    "Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell emptyset varnothing hbar imath jmath".split()
)
UNICODE_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
    "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Σ": "Sigma",
    "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}
UNICODE_SYMBOLS = {
    "→": ("REL", "to"), "≤": ("REL", "le"), "≥": ("REL", "ge"), "≠": ("REL", "neq"), "∈": ("REL", "in"),
    "≈": ("REL", "approx"), "≒": ("REL", "approx"), "∝": ("REL", "propto"), "←": ("REL", "leftarrow"), "×": ("MULOP", "times"),
    "·": ("MULOP", "cdot"), "−": ("MINUS", "-"), "∞": ("INFTY", "infty"), "∇": ("NABLA", "nabla"),
    "⇒": ("REL", "implies"), "≡": ("REL", "equiv"), "∂": ("PARTIAL", "partial"), "⊙": ("MULOP", "odot"), "…": ("ELLIPSIS", "ldots"), "⋯": ("ELLIPSIS", "cdots"),
}
_AFTER_POWER = (r"\right", r"\big", r"\Big", r"\bigg", r"\Bigg", "\\\\", r"\cdot", r"\end")
NUMBER_SETS = {"R": "R", "reals": "R", "Reals": "R", "N": "N", "Z": "Z"}  # macros of the notes' preambles
FUNCS = set("exp log ln lg sin cos tan tanh sinh cosh arcsin arccos arctan det sgn".split())
BIGOPS = {"sum": "sum", "prod": "prod", "max": "max", "min": "min", "sup": "sup", "inf": "inf",
          "lim": "lim", "int": "int", "argmax": "argmax", "argmin": "argmin"}
FONTS = {"mathbf": "bf", "boldsymbol": "bf", "bm": "bf", "mathrm": "rm", "mathit": "it", "pmb": "bf",
         "mathbfit": "bf", "symbf": "bf", "mathsfit": "sf", "textup": "rm", "mathnormal": "it",
         "mathcal": "cal", "mathbb": "bb", "mathsf": "sf", "mathscr": "scr", "mathfrak": "frak",
         "operatorname": "op", "mathtt": "tt", "textbf": "bf", "vect": "bf", "bvec": "bf",
         "Bbb": "bb"}  # \Bbb{X}: plain TeX's name of \mathbb
ACCENTS = {"overrightarrow": "vec", "overleftarrow": "vec", "acute": "hat", "grave": "hat",
           "breve": "tilde", "mathring": "dot", "underbar": "bar", "hat": "hat", "widehat": "hat",
           "tilde": "tilde", "widetilde": "tilde", "bar": "bar",
           "overline": "bar", "vec": "vec", "dot": "dot", "ddot": "ddot", "check": "check"}
TEXTS = {"text", "textrm", "textit", "mbox", "textnormal", "textsf", "texttt", "hbox", "textmd"}
RELS = {
    "neq": "neq", "ne": "neq", "leq": "le", "le": "le", "leqslant": "le", "geq": "ge", "ge": "ge",
    "geqslant": "ge", "approx": "approx", "equiv": "equiv", "propto": "propto", "sim": "sim",
    "in": "in", "notin": "notin", "subseteq": "subseteq", "subset": "subset", "supseteq": "supseteq",
    "supset": "supset", "to": "to", "rightarrow": "to", "mapsto": "mapsto", "leftarrow": "leftarrow",
    "gets": "leftarrow", "implies": "implies", "Rightarrow": "implies", "Longrightarrow": "implies",
    "impliedby": "impliedby", "Leftarrow": "impliedby", "iff": "iff", "Leftrightarrow": "iff",
    "Longleftrightarrow": "iff", "perp": "perp", "coloneqq": "defeq", "triangleq": "defeq",
    "ll": "ll", "gg": "gg", "longleftarrow": "leftarrow", "longrightarrow": "to", "doteq": "eq",
    "simeq": "approx", "cong": "approx", "fallingdotseq": "approx", "risingdotseq": "approx", "backsim": "sim", "nleq": "gt", "ngeq": "lt", "lessim": "le",
    "lesssim": "le", "gtrsim": "ge", "models": "implies", "vdash": "implies", "prec": "lt", "succ": "gt",
    "preceq": "le", "succeq": "ge", "ni": "in", "sqsubseteq": "subseteq", "mapsfrom": "leftarrow",
    "land": "and", "wedge": "and", "lor": "or", "vee": "or",
    "cup": "cup", "cap": "cap", "setminus": "setminus", "coloneq": "defeq", "Coloneqq": "defeq",
    "approxeq": "approx", "thickapprox": "approx", "thicksim": "sim", "eqsim": "approx",
}
MULOPS = {"cdot": "cdot", "times": "times", "div": "div", "circ": "circ", "odot": "odot",
          "otimes": "otimes", "ast": "ast", "oplus": "oplus", "ominus": "ominus", "boxplus": "oplus"}
# Binary operators with no standard numeric meaning in ML notes (⊕: XOR or a direct sum): read, no value.
OWN_OPERATORS = {"oplus", "ominus"}  # (x \bmod n is computable: unknown, so unsupported, not "no value")
ELLIPSES = {"ldots", "cdots", "dots", "vdots", "ddots", "dotsc", "dotsb"}
SPACING = {",", ":", ";", "!", " ", "\n", "\t", "enspace", "thinspace", "medspace", "thickspace",
           "negthinspace", "negmedspace", "displaystyle", "textstyle", "scriptstyle", "limits",
           "nolimits", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
           "biggr", "Biggl", "Biggr", "nonumber", "notag", "quad", "qquad", ">", "scriptscriptstyle",
           "large", "Large", "LARGE", "huge", "Huge", "small", "footnotesize", "normalsize", "tiny",
           "scriptsize", "strut", "allowbreak", "nobreak", "relax", "bigm", "Bigm", "biggm",
           "Biggm", "hfill", "quad*", "mathstrut", "hline", "space"}
DROP_WITH_ARG = {"label", "tag", "tag*", "hspace", "hspace*", "vspace", "vspace*", "hphantom", "vphantom",
                 "phantom", "color", "eqref", "ref", "mspace", "hskip", "kern"}
VECTOR_MACRO = re.compile(r"^(?:v|b|bb|bm|bf|vec|mb|mat|m)[A-Za-z]$")
WRAPPERS = {"boxed", "underline", "smash", "fbox", "cancel", "bcancel", "xcancel", "mathclap", "mathllap",
            "mathrlap", "llap", "rlap", "vcenter", "ensuremath", "displaylimits", "bigstrut", "ul", "emph"}
# TeX's math-class commands: the symbol inside keeps its own meaning.
CLASS_WRAPPERS = {"mathbin", "mathrel", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner"}
# Font switches: `{\rm TP}`, `{\bf A}` — the rest of the group in that font.
SWITCHES = {"rm": "rm", "bf": "bf", "it": "it", "sf": "sf", "tt": "tt", "cal": "cal", "boldmath": "bf",
            "mit": "it"}
# Plain-letter function names (`exp(x)`, `log\frac{…}`) read as the operators when applied.
PLAIN_FUNCS = ("tanh", "sinh", "cosh", "exp", "log", "ln", "sin", "cos", "tan")
_PLAIN_FUNC = re.compile(r"(tanh|sinh|cosh|exp|log|ln|sin|cos|tan)(?![A-Za-z])\s*(?=\(|\[|\\left|\\big|\\Big"
                         r"|\\frac|\\dfrac|\\tfrac|\\exp|\\log|\\sum|\{)")
# max(0, m - d) written without a backslash: the letters m·a·x before a bracket of arguments have no
# value as a product (a tuple has none), so they are the maximum, as \\max(…) is
_PLAIN_MAX = re.compile(r"(max|min)(?![A-Za-z])\s*(?=\(|\\left\(|\\big)")
ENVIRONMENTS = {"pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix", "cases", "array", "aligned",
                "smallmatrix", "dcases", "rcases", "gathered", "split", "subarray"}

# Tokens after which a bar closes something or separates (x | z): an operand just ended.
OPERAND_END = {"LETTER", "GREEK", "NUMBER", "RPAR", "RBRACK", "RBRACE", "RSET", "RANGLE",
               "ABS_CLOSE", "NORM_CLOSE", "TOP", "PRIME", "TEXT", "INFTY", "ELLIPSIS", "STAR",
               "PLACEHOLDER", "END_ENV"}
OPENERS = {"LPAR": "paren", "LBRACK": "paren", "LSET": "paren", "LANGLE": "paren",
           "LBRACE": "brace"}
CLOSERS = {"RPAR", "RBRACK", "RSET", "RANGLE", "RBRACE"}

_CHAR_TOKENS = {
    "(": "LPAR", ")": "RPAR", "[": "LBRACK", "]": "RBRACK", "{": "LBRACE", "}": "RBRACE",
    "+": "PLUS", "-": "MINUS", "*": "STAR", "/": "MULOP", ",": "COMMA", ";": "COMMA", ":": "COLON",
    "'": "PRIME", "!": "BANG", "&": "AMP", "_": "SUB", "^": "SUP", "=": "REL", "<": "REL",
    ">": "REL", "|": "BAR",
}
_CHAR_VALUES = {"/": "slash", "=": "eq", "<": "lt", ">": "gt"}
DIGITS = frozenset("0123456789")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_CONTROL = re.compile(r"\\([A-Za-z]+\*?|.)", re.S)
_MAX_LENGTH = 200_000
_SIGN_SCRIPT = re.compile(r"\s*(?:\{\s*(\+\+|[+\-]|(?:(?:'|\\prime)\s*)+|\\ast|\\star|\*)\s*\}"
                          r"|([+\-])(?![0-9A-Za-z\\({])|(\\ast|\\star|(?:\\prime)+)(?![A-Za-z]))")
_OPERATOR_BASE = re.compile(r"\s*\\(?:operatorname|mathrm|text|rm|max|min|arg|sum|prod|lim)")
_PROSE = re.compile(r"[A-Za-z]{2,}(?:[ \t]+[A-Za-z]{2,}){2,}(?![A-Za-z({_^])")


_ROW_LABEL_END = re.compile(r"\s*(?:\\\\|$)")


def _is_circled_number(ch: str) -> bool:
    """①–⑳, ⓪, ❶–❿: a number in a circle, which notes use to label a row."""
    return "\u2460" <= ch <= "\u2473" or ch == "\u24ea" or "\u2776" <= ch <= "\u277f"


def _is_prose(run: str) -> bool:
    """Three or more words of two or more letters, two of them written like words (three or more
    letters, small after the first): a sentence, not letters multiplied."""
    words = run.split()
    return sum(len(w) >= 3 and w[1:].islower() for w in words) >= 2


_BRACED_REL = re.compile(r"\{\s*([=<>])\s*\}")
# Tokens after which a `{` opens a group in an operand's place (not a command's argument).
_BEFORE_OPERAND = {"", "REL", "PLUS", "MINUS", "PM", "MULOP", "STAR", "LPAR", "LBRACK", "LBRACE", "COMMA", "AMP",
                   "ROWSEP", "QUAD", "LETTER", "NUMBER", "GREEK", "RPAR", "COLON", "BEGIN_ENV"}
# \text{log}, \mathrm{exp}, \text{max}: a standard function's name in a font is that function.
_TEXT_APPLIED = re.compile(r"\s*([A-Z][A-Za-z]+)\s*(\([^()]*\))?\s*$")
_FUNCTION_WORD = re.compile(r"\s*\{\s*(exp|log|ln|sin|cos|tan|tanh|sinh|cosh|max|min|argmax|argmin)\s*\}")
# Widths in mu of TeX's small spaces; a run of them at least this wide counts as a \quad (18mu).
_SPACE_WIDTHS = {",": 3, "thinspace": 3, ":": 4, ">": 4, "medspace": 4, ";": 5, "thickspace": 5, " ": 6, "\n": 6,
                 "\t": 6,
                 "enspace": 9, "!": -3, "negthinspace": -3, "negmedspace": -4}
_QUAD_WIDE = 15
# \hspace{…} widths in mu (18 mu = 1 em; a 10 pt font: 1 in ≈ 7.2 em, 1 cm ≈ 2.85 em)
_UNIT_MU = {"mu": 1.0, "em": 18.0, "ex": 7.7, "pt": 1.8, "pc": 21.6, "in": 130.0, "cm": 51.2, "mm": 5.12, "bp": 1.8}
_WIDTH = re.compile(r"\s*\{?\s*(-?[0-9]*\.?[0-9]+)\s*([a-z]{2})\s*\}?\s*$")


def _width_mu(arg: str) -> float:
    """The width of a `\\hspace` argument in mu; 0 when it is not a plain length (`\\fill`, a macro)."""
    m = _WIDTH.match(arg)
    return float(m.group(1)) * _UNIT_MU[m.group(2)] if m and m.group(2) in _UNIT_MU else 0.0
_NEXT_SPACE = re.compile(r"\s*\\(thinspace|medspace|thickspace|enspace|negthinspace|negmedspace|[,:>; !\n\t])(?![A-Za-z])")
# `\mathbf{w}^{\,}`, `x_{\,}^{\,}`: a script that holds only spacing (a strut for the layout) is nothing.
_EMPTY_SCRIPT = re.compile(r"\s*\{(?:\s|\\[,;:! ]|\\quad\b|\\qquad\b)*\}")
_SIZED_DOUBLE_BAR = re.compile(r"\\(big|Big|bigg|Bigg)l?\s*\|\s*\\\1r?\s*\|")
_SWITCHED_WORD = re.compile(r"^\s*\{?\s*\\(?:bf|rm|it|sf|tt|bm|boldmath)(?![A-Za-z])\s*([A-Za-z][A-Za-z0-9]*)\s*\}?\s*$")
_ROW_END = re.compile(r"\s*(?:$|\\\\|&|\\end\b|\\quad|\\qquad|,|\.\s*$)")
_NON_ASCII_WORD = re.compile(r"\s*\{\s*[^\x00-\x7f\\{}$]+\s*\}")
_ANGLE_LABEL = re.compile(r"<([^<>{}=]*)>\s*\}")
_FULL_WIDTH = {"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "＝": "=", "＋": "+", "－": "-", "＜": "<",
               "＞": ">", "［": "[", "］": "]", "｜": "|", "。": ".", "．": ".", "、": ","}
# Characters a word processor or keyboard substitutes: s′ (U+2032, a prime), N – F (an en dash for minus).
_TYPED_ASCII = {"′": "'", "–": "-"}
_QUOTES = {'"': '"', "“": "”", "”": "”", "‘": "’"}
# Unicode super- and subscripts typed as characters (a², x₁, σ⁻¹): read as ^{…} and _{…}.
_SCRIPT_CHARS = {
    **{c: ("SUP", d) for c, d in zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ⁿⁱᵀ", "0123456789-+niT")},
    **{c: ("SUB", d) for c, d in zip("₀₁₂₃₄₅₆₇₈₉₋₊ᵢⱼₖₙₜ", "0123456789-+ijknt")},
}
# After `g.` an operand follows when a letter, a command that is no spacing, or a bracket comes.
_OPERAND_NEXT = re.compile(r"\s*(?:[A-Za-z(\[]|\\(?!quad|qquad|text|\\|[,;:! ]|right|end|label|tag)[A-Za-z])")
_BRACE_ARRAY = re.compile(r"\s*\\begin\{(array|matrix|aligned)\}")


class Tokenizer:
    """Turns one equation's text into tokens. Raises only LatexError."""

    def __init__(self, text: str):
        self.text = text
        self.tokens: list[Token] = []
        self.pos = 0
        self.depth = 0  # TeX brace depth
        self.switch_closes: list[int] = []  # brace depths at which a font switch's group ends
        self.cases_next = False  # \left\{ \begin{array}: the array is a cases
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    # -- positions -------------------------------------------------------------------------
    def _line_col(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self._line_starts[lo] + 1

    def _emit(self, type_: str, value: str, start: int, end: int) -> None:
        line, col = self._line_col(start)
        end_line, end_col = self._line_col(end)
        self.tokens.append(Token(type_, value, start_pos=start, line=line, column=col,
                                 end_line=end_line, end_column=end_col, end_pos=end))

    def _error(self, why: Phrase, start: int, end: int | None = None, kind: str = "latex-syntax",
               construct: str = "") -> LatexError:
        return latex_error(kind, why, start, end if end is not None else start + 1, construct)

    # -- reading ---------------------------------------------------------------------------
    def run(self) -> list[Token]:
        self.run_raw()
        return classify(half_open(self.tokens))

    def run_raw(self) -> None:
        if len(self.text) > _MAX_LENGTH:
            raise self._error(phrase("latex-too-long", length=len(self.text), limit=_MAX_LENGTH), 0)
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if ch.isspace() or ch == "~":
                self.pos += 1
            elif ch == "%":
                nl = text.find("\n", self.pos)
                self.pos = len(text) if nl < 0 else nl
            elif ch == "\\":
                self._control()
            elif ch in DIGITS or (ch == "." and self.pos + 1 < len(text) and text[self.pos + 1] in DIGITS):
                self._number()
            elif ch.isascii() and ch.isalpha():
                self._letter()
            elif ch in UNICODE_GREEK:
                self._emit("GREEK", UNICODE_GREEK[ch], self.pos, self.pos + 1)
                self.pos += 1
            elif ch in _CHAR_TOKENS:
                self._char(ch)
            elif ch in UNICODE_SYMBOLS:
                kind, value = UNICODE_SYMBOLS[ch]
                self._emit(kind, value, self.pos, self.pos + 1)
                self.pos += 1
            elif ch == ".":
                self._dot()
            elif ch in _SCRIPT_CHARS:
                self._unicode_script()
            elif ch in _FULL_WIDTH or ch in _TYPED_ASCII:  # （，）＝ and 。 typed with a Japanese input method
                self._full_width(ch)
            elif ch.isalpha():  # 損失, 正解率 written in math: a word (a name or prose)
                end = self.pos
                while end < len(text) and text[end].isalpha() and not text[end].isascii() \
                        and text[end] not in UNICODE_GREEK:
                    end += 1
                self._emit("TEXT", text[self.pos:end], self.pos, end)
                self.pos = end
            elif ch in _QUOTES:
                self._quoted(ch)
            elif _is_circled_number(ch) and (not self.tokens or self.tokens[-1].type in ("ROWSEP", "AMP")
                                             or _ROW_LABEL_END.match(text, self.pos + 1)):
                self.pos += 1  # ① at the start or the end of a row: the row's label, as \\tag{1}
            else:
                raise self._error(phrase("latex-unexpected-character", char=repr(ch)), self.pos)
        for _ in self.switch_closes:
            self._emit("RBRACE", "}", len(text), len(text))
        self.switch_closes = []

    def _bars_here(self) -> int:
        """How many single bars this bracket has had since its last relation or row: after an even
        number, a bar just written closed |x| and the next opens |y| (`|x||y|`), not a norm."""
        count, depth = 0, 0
        for token in reversed(self.tokens):
            if token.type in ("RBRACE", "RPAR", "RBRACK"):
                depth += 1
            elif token.type in ("LBRACE", "LPAR", "LBRACK"):
                if depth == 0:
                    break  # KL(q || p) after p(y|x): only the bars inside this bracket count
                depth -= 1
            elif depth == 0 and token.type in ("REL", "ROWSEP", "AMP"):
                break
            elif depth == 0 and token.type == "BAR" and token.value == "|":
                count += 1
        return count

    def _dot(self) -> None:
        """`...` an ellipsis; `g.f`, `[(x, g).f]` a dot between two operands (a group action or
        a composition: read, no value) — with a space on each side, `W . a`, a product; else a full
        stop or a sentence's end: punctuation."""
        start = self.pos
        if self.text.startswith("..", start):
            end = start
            while end < len(self.text) and self.text[end] == ".":
                end += 1
            self._emit("ELLIPSIS", "ldots", start, end)
            self.pos = end
            return
        self.pos += 1
        if self._sentence_end(self.pos):
            return
        prev = self.tokens[-1].type if self.tokens else ""
        if prev in OPERAND_END and _OPERAND_NEXT.match(self.text, self.pos):
            if self.text[start - 1:start] in (" ", "\t") and self.text[self.pos:self.pos + 1] in (" ", "\t"):
                self._emit("MULOP", "cdot", start, self.pos)  # W . a: notebook prose for np.dot (spaceddots.py)
                return
            self._emit("DOT", ".", start, self.pos)
        # otherwise a full stop between two sentences (`a = b. \quad c = d`): punctuation

    def _full_width(self, ch: str) -> None:
        """A full-width character read as its ASCII form (the token keeps its one-character span)."""
        ascii_ch = _FULL_WIDTH.get(ch) or _TYPED_ASCII[ch]
        if ascii_ch == ".":
            self._dot()
            return
        before = len(self.tokens)
        self._char(ascii_ch)
        if len(self.tokens) > before and self.tokens[-1].end_pos != self.pos:
            self.pos = self.tokens[-1].end_pos or self.pos

    def _quoted(self, ch: str) -> None:
        """`"is"`, `“word”`: a quoted string (prose, no value)."""
        start = self.pos
        end = self.text.find(_QUOTES[ch], start + 1)
        if end < 0 or "\n" in self.text[start:end] or end - start > 80:
            raise self._error(phrase("latex-unexpected-character", char=repr(ch)), start)
        self.pos = end + 1
        self._emit("TEXT", self.text[start:self.pos], start, self.pos)

    def _sentence_end(self, pos: int) -> bool:
        """Only spacing, `\\right.`, a closing brace or the end follow: punctuation, not math."""
        rest = self.text[pos:]
        rest = re.sub(r"\\(?:[,;:! ]|quad|qquad|nonumber|notag|label\{[^{}]*\}|tag\*?\{[^{}]*\})|\s|\}", "", rest)
        return rest == ""

    def _unicode_script(self) -> None:
        """A run of superscript (or subscript) characters, `a²`, `x₁₂`, `W⁻¹`, `Xᵀ`: the tokens
        of `^{2}`, `_{12}`, `^{-1}`, `^{T}`, each at the characters it came from."""
        kind = _SCRIPT_CHARS[self.text[self.pos]][0]
        start = end = self.pos
        while end < len(self.text) and self.text[end] in _SCRIPT_CHARS and _SCRIPT_CHARS[self.text[end]][0] == kind:
            end += 1
        self._emit(kind, "^" if kind == "SUP" else "_", start, start)
        self._emit("LBRACE", "{", start, start)
        for at in range(start, end):
            plain = _SCRIPT_CHARS[self.text[at]][1]
            if plain in DIGITS:
                self._emit("NUMBER", plain, at, at + 1)
            elif plain == "-":
                self._emit("MINUS", "-", at, at + 1)
            elif plain == "+":
                self._emit("PLUS", "+", at, at + 1)
            else:
                self._emit("LETTER", plain, at, at + 1)
        self._emit("RBRACE", "}", end, end)
        self.pos = end

    def _letter(self) -> None:
        m = _PLAIN_FUNC.match(self.text, self.pos)
        prev = self.text[self.pos - 1] if self.pos else ""
        prose = _PROSE.match(self.text, self.pos) if not (prev.isascii() and prev.isalpha()) and prev != "\\" \
            and not (self.tokens and self.tokens[-1].type in ("SUB", "SUP")) else None
        if prose is not None and _is_prose(prose.group()):
            # `for all samples here`, `Fill in your name`: English words typed in math, prose
            # (as \text{…}), never a product of their letters
            self._emit("TEXT", prose.group(), self.pos, prose.end())
            self.pos = prose.end()
            return
        if m is not None and not (prev.isascii() and prev.isalpha()) and prev != "\\" \
                and not (self.tokens and self.tokens[-1].type in ("SUB", "SUP")):
            name = m.group(1)
            self._emit("FUNC", name, self.pos, self.pos + len(name))
            self.pos += len(name)
            return
        m = _PLAIN_MAX.match(self.text, self.pos)
        if m is not None and not (prev.isascii() and prev.isalpha()) and prev != "\\" \
                and not (self.tokens and self.tokens[-1].type in ("SUB", "SUP")):
            self._emit("BIGOP", m.group(1), self.pos, self.pos + 3)
            self.pos += 3
            return
        if self.text.startswith("Pr", self.pos) and self.text[self.pos + 2:self.pos + 3] in ("(", "[") \
                and not (prev.isascii() and prev.isalpha()) and prev != "\\" \
                and not (self.tokens and self.tokens[-1].type in ("SUB", "SUP")):
            # Pr(y|μ, σ²), Pr[y]: the probability as \Pr writes it (Understanding Deep Learning's notation)
            self._emit("TEXT", "Pr", self.pos, self.pos + 2)
            self.pos += 2
            return
        self._emit("LETTER", self.text[self.pos], self.pos, self.pos + 1)
        self.pos += 1

    def _number(self) -> None:
        m = _NUMBER.match(self.text, self.pos)
        assert m is not None
        value = m.group()
        if self.tokens and self.tokens[-1].type in ("SUB", "SUP"):
            value = value[0]  # x_12 is x_1 followed by 2, as in TeX
        elif self.tokens and (self.tokens[-1].type == "FRAC" or (
                len(self.tokens) > 1 and self.tokens[-2].type == "FRAC"
                and self.tokens[-1].type in ("NUMBER", "LETTER", "GREEK"))):
            value = value[0]  # \\frac12 is \\frac{1}{2}, as in TeX (not 12 over what follows)
        self._emit("NUMBER", value, self.pos, self.pos + len(value))
        self.pos += len(value)

    def _char(self, ch: str) -> None:
        start = self.pos
        self.pos += 1
        if ch == ":" and self.text.startswith("=", self.pos):
            self.pos += 1
            self._emit("REL", "defeq", start, self.pos)
            return
        if ch in "^_" and self._sign_script(ch, start):
            return
        if ch in "^_" and (empty := _EMPTY_SCRIPT.match(self.text, self.pos)) is not None:
            self.pos = empty.end()
            return
        m = _BRACED_REL.match(self.text, start) if ch == "{" else None
        if m is not None and not (self.tokens and self.tokens[-1].type in ("SUB", "SUP")):
            # y{=}1: a relation in braces (TeX's way to space it as an ordinary symbol) is the relation
            self.pos = m.end()
            self._emit("REL", _CHAR_VALUES[m.group(1)], m.start(1), m.end(1))
            return
        if ch == "<" and len(self.tokens) >= 2 and self.tokens[-1].type == "LBRACE" \
                and self.tokens[-2].type in ("SUB", "SUP"):
            m = _ANGLE_LABEL.match(self.text, start)
            if m is not None:  # a^{<t>}, y^{<t-1>}: the time step in angle brackets (a label)
                self._emit("LANGLE", "<", start, start + 1)
                self._inline(m.group(1), start + 1)
                self._emit("RANGLE", ">", m.end(1), m.end(1) + 1)
                self.pos = m.end(1) + 1
                return
        if ch == "=" and len(self.tokens) >= 2 and self.tokens[-1].type in ("PLUS", "MINUS") \
                and self.tokens[-2].type in OPERAND_END \
                and not self.text[self.tokens[-1].end_pos:start].strip(" }"):
            sign = self.tokens.pop()  # dA += …, dW \mathrel{+}= …: an accumulation (semantics reads it)
            self._emit("REL", "pluseq" if sign.type == "PLUS" else "minuseq", start - 1 if sign.start_pos is None
                       else sign.start_pos, self.pos)
            return
        if ch in "=<>" and self.text.startswith("=", self.pos):  # y == y_i, a <= b: ASCII relations
            self.pos += 1
            self._emit("REL", {"=": "eq", "<": "le", ">": "ge"}[ch], start, self.pos)
            return
        if ch == "|" and self.tokens and self.tokens[-1].type == "BAR" and self.tokens[-1].value == "|" \
                and self.tokens[-1].end_pos == start and self._bars_here() % 2 == 1:
            self.tokens.pop()  # || written as two bars: a norm or a separator, like \| (not |x||y|)
            self._emit("DBAR", "|", start - 1, self.pos)
            return
        if ch == "{" and self._scripted_group(start):
            return
        if ch == "{":
            self.depth += 1
        elif ch == "}":
            if self.switch_closes and self.switch_closes[-1] == self.depth:
                self.switch_closes.pop()
                self._emit("RBRACE", "}", start, start)
            self.depth -= 1
        self._emit(_CHAR_TOKENS[ch], _CHAR_VALUES.get(ch, ch), start, self.pos)

    def _space_run(self, name: str, start: int) -> None:
        """`\\;\\;\\;\\;`, `\\,\\,\\,\\,\\,\\,` between two equations: a run of small spaces as wide as a
        \\quad (15mu or more) separates what is on either side, as \\quad does; a narrower run is spacing."""
        width = _SPACE_WIDTHS[name]
        while (m := _NEXT_SPACE.match(self.text, self.pos)) is not None:
            width += _SPACE_WIDTHS[m.group(1)]
            self.pos = m.end()
        if width >= _QUAD_WIDE and not self._after_operator():
            self._emit("QUAD", "quad", start, self.pos)

    def _scripted_group(self, start: int) -> bool:
        """`{Y}^T {C}^{u} {Y}`, `{\\mathbf{w}}_p`: braces around one operand, then a script (TeX puts the
        script on the group): the operand itself takes the script. Never a command's argument."""
        prev = self.tokens[-1].type if self.tokens else ""
        if prev not in _BEFORE_OPERAND:
            return False
        try:
            content, after = self._braced(start)
        except LatexError:
            return False
        if not _one_operand(content) or not re.match(r"\s*[\^_]", self.text[after:]):
            return False
        self._inline(content, start + 1)
        self.pos = after
        return True

    def _in_script(self) -> bool:
        """Right after `_`/`^` or `_{`/`^{` (x_{\\text{max}}: a label, not the function)."""
        last = [t.type for t in self.tokens[-2:]]
        return bool(last) and (last[-1] in ("SUB", "SUP") or last == ["SUB", "LBRACE"] or last == ["SUP", "LBRACE"])

    def _after_operator(self) -> bool:
        """The tokens so far end with a big operator and its scripts (\\max_α, \\sum_{i=1}^{n}): what
        follows is its operand, so a space there is only spacing."""
        k = len(self.tokens) - 1
        while k >= 0:
            tok = self.tokens[k]
            if tok.type == "BIGOP":
                return True
            if tok.type == "RBRACE":  # a braced script: back to its brace
                depth = 0
                while k >= 0:
                    depth += {"RBRACE": 1, "LBRACE": -1}.get(self.tokens[k].type, 0)
                    if depth == 0:
                        break
                    k -= 1
            k -= 1  # the script's one token, or its opening brace
            if k < 0 or self.tokens[k].type not in ("SUB", "SUP"):
                return False
            k -= 1
        return False

    def _sign_script(self, ch: str, start: int) -> bool:
        """`s^+`, `\\theta^-`, `(x)^{+}`, `f^{'}`, `x^{\\ast}`: a sign, a prime or a star as the
        script itself (a label), not the start of an expression."""
        m = _SIGN_SCRIPT.match(self.text, self.pos)
        if m is None:
            return False
        sign = m.group(1) or m.group(2) or m.group(3)  # 𝐰^\ast, unbraced, as 𝐰^{\ast}
        kind = "SUB" if ch == "_" else "SUP"
        if sign.strip().startswith(("'", "\\prime")):  # f^{\\prime\\prime}, f^\\prime: primes
            if kind == "SUB":
                return False
            self.pos = m.end()
            for _ in range(sign.count("'") + sign.count("\\prime")):
                self._emit("PRIME", "'", start, self.pos)
            return True
        self._emit(kind, ch, start, start + 1)
        self.pos = m.end()
        if sign in ("\\ast", "\\star", "*"):
            self._emit("STAR", "*", m.start(), self.pos)
        else:
            self._emit("LETTER", {"+": "plus", "++": "plusplus"}.get(sign, "minus"), m.start(), self.pos)  # 𝕊_{++}
        return True

    def _braced(self, start: int) -> tuple[str, int]:
        """The raw text of a {…} argument starting at `start` (after spaces), and its end."""
        i = start
        while i < len(self.text) and self.text[i].isspace():
            i += 1
        if i >= len(self.text) or self.text[i] != "{":
            raise self._error(phrase("latex-expected-brace"), max(0, start - 1), start)
        depth, j = 0, i
        while j < len(self.text):
            c = self.text[j]
            if c == "\\":
                j += 2
                continue
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    return self.text[i + 1:j], j + 1
            j += 1
        raise self._error(phrase("latex-brace-never-closed"), i)

    def _control(self) -> None:
        start = self.pos
        m = _CONTROL.match(self.text, self.pos)
        if m is None:
            raise self._error(phrase("latex-lone-backslash"), start)
        name = m.group(1)
        self.pos = m.end()
        end = self.pos
        if name in SPACING:
            pair = _SIZED_DOUBLE_BAR.match(self.text, start)
            if pair is not None:  # \bigl|\bigr|: two sized bars side by side, the KL separator ‖
                self.pos = pair.end()
                self._emit("DBAR", "|", start, self.pos)
                return
            braced = _SIZED_BRACED_BRACKET.match(self.text, self.pos)
            if braced is not None:  # \large{(} … \large{)}: a sized bracket, braced to size it alone
                self._inline(braced.group(1), braced.start(1))
                self.pos = braced.end()
                return
            if name in ("quad", "qquad") and not self._after_operator():
                self._emit("QUAD", name, start, end)  # \max_α \quad …: spacing before the operand
            elif name in _SPACE_WIDTHS:
                self._space_run(name, start)
            return
        if name in DROP_WITH_ARG:
            if name in ("hskip", "kern"):
                m2 = re.compile(r"\s*-?[0-9.]*\s*[a-z]{2}").match(self.text, self.pos)
                self.pos = m2.end() if m2 else self.pos
                return
            arg, self.pos = self._braced(self.pos)
            if name == "color":
                self._transparent_group()
            elif name in ("hspace", "hspace*") and _width_mu(arg) >= _QUAD_WIDE and not self._after_operator():
                self._emit("QUAD", "quad", start, self.pos)  # a = b \hspace{1in} c = d: two equations
            return
        if name in SWITCHES:
            self._emit("FONT", SWITCHES[name], start, end)
            self._emit("LBRACE", "{", end, end)
            self.switch_closes.append(self.depth)
            return
        if name in WRAPPERS:
            self._transparent_group()  # \boxed{x}, \underline{x}, \smash{x}: the group is read as usual
            return
        if name in CLASS_WRAPPERS:  # \mathbin{\|}, \mathrel{=}: the symbol inside, as itself
            content, after = self._braced(self.pos)
            self._inline(content, self.text.index("{", self.pos) + 1)
            self.pos = after
            return
        if name == "rule":  # \rule{0pt}{1em}: a strut, layout only
            m = re.compile(r"\s*(?:\[[^\]]*\])?").match(self.text, self.pos)
            self.pos = m.end() if m else self.pos
            _, self.pos = self._braced(self.pos)
            _, self.pos = self._braced(self.pos)
            return
        if name in ("therefore", "because"):  # ∴ y = 2x: a step of a derivation (prose)
            self._emit("TEXT", "∴" if name == "therefore" else "∵", start, end)
            return
        if name in ("stackrel", "overset", "underset"):
            self._overset(start)
            return
        if name == "textcolor":
            _, self.pos = self._braced(self.pos)  # the colour; the coloured text stays
            return
        if name == "mathop":
            self._mathop(start)
            return
        if name == "#":
            self._count(start)
            return
        if name in ("lfloor", "lceil"):  # ⌊x⌋, ⌈x⌉: the function floor / ceil applied to what they enclose
            self._emit("FUNC", name[1:], start, end)
            self._emit("LPAR", "(", end, end)
            return
        if name == "mid" and (twice := _SECOND_MID.match(self.text, self.pos)) is not None:
            self.pos = twice.end()  # \mid\mid x \mid\mid_2: two bars side by side, a norm ‖x‖₂
            self._emit("DBAR", "|", start, self.pos)
            return
        handler = _SIMPLE.get(name)
        if handler is not None:
            self._emit(handler[0], handler[1], start, end)
            return
        self._named_control(name, start, end)

    def _powered_alone(self, end: int) -> bool:
        """`\\exp^{…}` followed by no argument (a closer, an operator, the end): the power of e."""
        m = re.match(r"\s*\^\s*", self.text[end:])
        if m is None:
            return False
        after = end + m.end()
        if after < len(self.text) and self.text[after] == "{":
            try:
                _, after = self._braced(after)
            except Exception:
                return False
        else:
            after += 1
        rest = self.text[after:].lstrip()
        return not rest or rest[0] in ")]}+-=,.&" or rest.startswith(_AFTER_POWER)

    def _named_control(self, name: str, start: int, end: int) -> None:
        if name in GREEK:
            self._emit("GREEK", name, start, end)
        elif name == "exp" and self._powered_alone(end):
            self._emit("LETTER", "e", start, end)  # \exp^{-x^2/2}: e to that power (nothing follows to apply to)
        elif name in FUNCS:
            self._emit("FUNC", name, start, end)
        elif name == "arg":
            self._arg_op(start)
        elif name in BIGOPS:
            self._emit("BIGOP", BIGOPS[name], start, end)
        elif name in ("operatorname", "operatorname*"):
            self._operatorname(start)
        elif (name in FONTS or name in TEXTS) and (word := _FUNCTION_WORD.match(self.text, end)) is not None \
                and not self._in_script() and not (self.tokens and self.tokens[-1].type == "LBRACE"
                                                   and self.text[word.end():].lstrip().startswith("}")):
            # \text{log} \, σ(z), \mathrm{exp}\{…\}, \text{max}(0, …): the standard function, as \log, \max
            self.pos = word.end()
            fn = word.group(1)
            self._emit("BIGOP", BIGOPS[fn], start, self.pos) if fn in BIGOPS else \
                self._emit("FUNC", fn, start, self.pos)
        elif name in FONTS and _NON_ASCII_WORD.match(self.text, end):
            content, self.pos = self._braced(self.pos)  # \mathrm{損失}: a word, as \text{損失}
            self._emit("TEXT", content.strip(), start, self.pos)
        elif name in FONTS:
            self._emit("FONT", FONTS[name], start, end)
        elif name in ACCENTS:
            self._emit("ACCENT", ACCENTS[name], start, end)
        elif name in TEXTS:
            brace = self.pos
            content, self.pos = self._braced(self.pos)
            if not content.strip():
                return  # \alpha \text{ } dW: a space typed as text
            applied = _TEXT_APPLIED.match(content)
            if applied is not None and not self._in_script() and (
                    applied.group(2) or self.text[self.pos:].lstrip().startswith(("(", "\\left("))):
                # \text{CosineSimilarity(u, v)}, \text{ Attention }(Q, K, V): a function's name (and its
                # arguments) typed as text, as \operatorname{…}(…)
                inner = self.text.index("{", brace) + 1
                self._emit("FONT", "op", start, start)
                self._emit("LBRACE", "{", start, start)
                self._inline(applied.group(1), inner + applied.start(1))
                self._emit("RBRACE", "}", inner + applied.end(1), inner + applied.end(1))
                if applied.group(2):
                    self._inline(applied.group(2), inner + applied.start(2))
                return
            if len(content) == 1 and content.isascii() and content.isalpha() and not self._in_script() \
                    and self.text.startswith(("[", "("), self.pos):
                # \mbox{a}[z], \mbox{f}[x, φ]: one letter in roman type applied at once to a bracket is a
                # function's name (as \mathrm{a}[z] is), not the article "a"
                inner = self.text.index("{", brace) + 1
                self._emit("FONT", "rm", start, start)
                self._emit("LBRACE", "{", start, start)
                self._inline(content, inner)
                self._emit("RBRACE", "}", self.pos, self.pos)
                return
            switched = _SWITCHED_WORD.match(content)
            if switched is not None and len(switched.group(1)) == 1 and not self._in_script():
                # \mbox{\bf g}: one letter in a font, the symbol 𝐠 as \mathbf{g} writes it
                inner = self.text.index("{", brace) + 1
                self._emit("FONT", "bf" if switched.group(0).find("\\rm") < 0 else "rm", start, start)
                self._emit("LBRACE", "{", start, start)
                self._inline(switched.group(1), inner + switched.start(1))
                self._emit("RBRACE", "}", self.pos, self.pos)
                return
            if switched is not None:  # \mbox{\bf f}, \mbox{{\bf sa}}: a name in a font
                content = switched.group(1)
            content = content.replace("\\_", "_")  # \text{egg\_weight}: an escaped underscore is in the word
            while (joined := _JOINED_TEXT.match(self.text, self.pos)) is not None:  # \text{total}\_\text{bill}
                more, self.pos = self._braced(joined.end())
                content += "_" + more.replace("\\_", "_")
            if "$" in content and content.count("$") % 2 == 0:
                self._text_with_math(content, self.text.index("{", start) + 1, start)
            else:
                self._emit("TEXT", content, start, self.pos)
        elif name in RELS and name in ("perp", "parallel") and self._in_script():
            self._emit("TEXT", name, start, end)  # u_{\perp}, \mu_{\parallel}: a label (the orthogonal part)
        elif name in RELS:
            self._emit("REL", RELS[name], start, end)
        elif name in MULOPS:
            self._cdot_or_mulop(name, start, end)
        elif name in ELLIPSES:
            self._emit("ELLIPSIS", name, start, end)
        elif name in ("left", "right", "middle"):
            self._delimiter(name, start)
        elif name in ("begin", "end"):
            env, self.pos = self._braced(self.pos)
            env = env.strip()
            if env.rstrip("*") not in ENVIRONMENTS:
                raise self._error(phrase("latex-environment-unsupported", env=env), start, self.pos,
                                  "unsupported-notation", f"\\begin{{{env}}}")
            kind = env.rstrip("*")
            kind = "cases" if kind in ("dcases", "rcases") else kind
            if name == "begin" and kind in ("array", "tabular", "alignedat", "subarray"):
                m3 = re.compile(r"\s*\{(?:[^{}]|\{[^{}]*\})*\}").match(self.text, self.pos)  # also {@{}c@{}}
                if m3 is not None:
                    self.pos = m3.end()  # the column specification {lr}
            if kind in ("array", "matrix", "aligned") and self.cases_next:
                kind = "cases"
                if name == "end":
                    self.cases_next = False
            self._emit("BEGIN_ENV" if name == "begin" else "END_ENV", kind, start, self.pos)
        elif VECTOR_MACRO.match(name) and not re.match(r"\s*[{\[]", self.text[end:]):
            # \vx, \bbf, \bx: the notes' own shorthand for a bold letter — a vector named after it
            self._emit("MACRO", name, start, end)
        elif name in NUMBER_SETS:
            self._emit("FONT", "bb", start, start)  # \R^3, \reals: the notes' macro for \mathbb{R}
            self._emit("LETTER", NUMBER_SETS[name], start, end)
        elif name == "parallel":
            self._emit("PARALLEL", "|", start, end)  # D_{KL}(P \parallel Q): the divergence's separator
        elif name.isalpha() or name.rstrip("*").isalpha():
            raise self._error(phrase("latex-unknown-command", command="\\" + name), start, end,
                              "unsupported-notation", "\\" + name)
        else:
            raise self._error(phrase("latex-unexpected-command", command="\\" + name), start, end)

    def _text_with_math(self, content: str, offset: int, start: int) -> None:
        """`\\text{if $x \\geq 0$}`: the prose, then the math inside it."""
        for k, piece in enumerate(content.split("$")):
            if k % 2 == 0:
                if piece.strip():
                    self._emit("TEXT", piece, offset, offset + len(piece))
            elif piece.strip():
                self._inline(piece, offset)
            offset += len(piece) + 1

    def _overset(self, start: int) -> None:
        """`\\stackrel{\\textrm{def}}{=}`, `\\overset{!}{=}`: the relation below is what counts."""
        _, after = self._braced(self.pos)
        single = _UNBRACED_ARG.match(self.text, after)
        if single is not None:  # \underset{ε \to 0}\lim: TeX's one-token argument, unbraced
            body, end, body_at = single.group(1), single.end(), single.start(1)
        else:
            body, end = self._braced(after)
            body_at = self.text.index("{", after) + 1
        inner = Tokenizer(body).run()
        if len(inner) == 1 and inner[0].type in ("REL", "COLON"):
            self.pos = end
            self._emit(inner[0].type, inner[0].value, start, end)
            return
        if self.text[start:].startswith("\\underset") or _OPERATOR_BASE.match(body):
            # \underset{z}{\text{softmax}}, \underset{w}{\operatorname{argmin}}: the operator, subscripted
            under, _ = self._braced(self.pos)
            self._inline(body, body_at)
            self._emit("SUB", "_", start, start)
            self._emit("LBRACE", "{", start, start)
            self._inline(under, self.text.index("{", self.pos) + 1)
            self._emit("RBRACE", "}", start, start)
            self.pos = end
            return
        self.pos = after  # \overset{…}{x}: the base, as a group

    def _transparent_group(self) -> None:
        """The `{…}` after a colour or a decoration (`\\color{red}{(x_i)}`, `\\underline{f}`) is
        only presentation: when it holds one operand — a bracketed expression or a single name —
        its braces are dropped, so `f \\color{black}{(x_i)}` is an application like `f(x_i)`.
        Other contents keep their braces (they group: `\\underline{a+b}c`)."""
        m = re.compile(r"\s*\{").match(self.text, self.pos)
        if m is None:
            return
        try:
            content, after = self._braced(self.pos)
        except LatexError:
            return
        if _one_operand(content):
            self._inline(content, m.end())
            self.pos = after

    def _inline(self, text: str, offset: int) -> None:
        """Tokens of a piece of this text (an argument read out of order), at their offsets."""
        for tok in Tokenizer(text).raw():
            a, b = token_span(tok)
            self._emit(tok.type, tok.value, offset + a, offset + b)

    def raw(self) -> list[Token]:
        self.run_raw()
        return self.tokens

    def _mathop(self, start: int) -> None:
        content, end = self._braced(self.pos)
        word = re.sub(r"\\(?:mathrm|rm|operatorname|text|mathbf)|[{}\s]|\\[,;:! ]", "", content)
        if word in ("argmax", "argmin", "max", "min"):
            self.pos = end
            self._emit("BIGOP", word, start, end)
            return
        self._emit("FONT", "op", start, self.pos)  # \mathop{\mathrm{sign}}: read the group as a name

    def _count(self, start: int) -> None:
        """`\\#\\text{correct}`, `\\#(w, c)`: a count, named as a symbol (num_correct) or a
        function (count)."""
        m = re.compile(r"\s*\\(?:text|mathrm|textrm|mbox)\{([^{}]*)\}").match(self.text, self.pos)
        if m is not None:
            words = re.sub(r"[^A-Za-z0-9]+", "_", m.group(1)).strip("_") or "items"
            self.pos = m.end()
            self._emit("TEXT", "num_" + words, start, self.pos)
            return
        self._emit("TEXT", "count", start, self.pos)

    def _arg_op(self, start: int) -> None:
        m = re.compile(r"\s*(?:\\[,;:! ]\s*)*\\(max|min)").match(self.text, self.pos)
        if not m:
            raise self._error(phrase("latex-arg-max-min"), start, self.pos,
                              "unsupported-notation", "\\arg")
        self.pos = m.end()
        self._emit("BIGOP", "arg" + m.group(1), start, self.pos)

    def _operatorname(self, start: int) -> None:
        content, end = self._braced(self.pos)
        word = re.sub(r"\\[,;:! ]|\s", "", content)
        if word in ("argmax", "argmin", "arg max", "arg min"):
            self.pos = end
            self._emit("BIGOP", word.replace(" ", ""), start, end)
        elif word in FUNCS:  # \operatorname{tanh}^2(x): the function \tanh names (d2l writes it so)
            self.pos = end
            self._emit("FUNC", word, start, end)
        else:
            self._emit("FONT", "op", start, self.pos)

    def _cdot_or_mulop(self, name: str, start: int, end: int) -> None:
        if name == "times" and self.tokens and self.tokens[-1].type == "NUMBER" \
                and _ROW_END.match(self.text, end):
            return  # `15.6\times` at the end of a row: "15.6 times", a factor's unit
        nxt = self.text[end:].lstrip()
        if name == "cdot" and (nxt[:1] in (")", "]", ",") or nxt.startswith("\\right")):
            self._emit("PLACEHOLDER", "cdot", start, end)
        else:
            self._emit("MULOP", MULOPS[name], start, end)

    def _delimiter(self, which: str, start: int) -> None:
        """\\left( … \\right): keep the delimiter; a bar after \\left/\\right says its role."""
        m = re.compile(r"\s*(\\\{|\\\}|\\\||\\[A-Za-z]+|[()\[\]|.<>])").match(self.text, self.pos)
        if not m:
            raise self._error(phrase("latex-needs-delimiter", command="\\" + which), start, self.pos)
        delim = m.group(1)
        d_start = m.start(1)
        self.pos = m.end()
        if delim == ".":
            return
        if which == "left" and delim == "\\{" and _BRACE_ARRAY.match(self.text, self.pos):
            closing = re.search(r"\\end\{(array|matrix|aligned)\}\s*\\right\s*\.", self.text[self.pos:])
            if closing is not None:
                self.cases_next = True  # \left\{ \begin{array} … \end{array} \right.: cases
                return
        forced = {"left": {"|": "ABS_OPEN", "\\|": "NORM_OPEN", "\\vert": "ABS_OPEN", "\\Vert": "NORM_OPEN"},
                  "right": {"|": "ABS_CLOSE", "\\|": "NORM_CLOSE", "\\vert": "ABS_CLOSE", "\\Vert": "NORM_CLOSE"},
                  "middle": {"|": "MID", "\\|": "PARALLEL", "\\vert": "MID", "\\Vert": "PARALLEL"}}[which]
        if which == "right" and delim == "|" and re.match(r"\s*[_^]", self.text[self.pos:]):
            self._emit("BAR", delim, d_start, self.pos)  # \left. f \right|_{x=0}: the bar's role is decided later
            return
        if delim in forced:
            self._emit(forced[delim], delim, d_start, self.pos)
            return
        if delim in ("<", ">"):  # \\left< x \\right>: angle brackets, as \\langle x \\rangle
            self._emit("LANGLE" if delim == "<" else "RANGLE", delim, d_start, self.pos)
            return
        self.pos = d_start  # an ordinary delimiter: read it as usual
        if delim.startswith("\\"):
            self._control()
        else:
            self._char(delim)


_UNBRACED_ARG = re.compile(r"\s*(\\[A-Za-z]+|[^\s{\\])")
_SIZED_BRACED_BRACKET = re.compile(r"\s*\{\s*(\(|\)|\[|\]|\\\{|\\\})\s*\}")
_SECOND_MID = re.compile(r"\s*\\mid(?![A-Za-z])")
_SIMPLE: dict[str, tuple[str, str]] = {
    "{": ("LSET", "{"), "}": ("RSET", "}"), "|": ("DBAR", "|"), "Vert": ("DBAR", "|"),
    "vert": ("BAR", "|"), "mid": ("MID", "|"), "lvert": ("ABS_OPEN", "|"), "rvert": ("ABS_CLOSE", "|"),
    "lVert": ("NORM_OPEN", "|"), "rVert": ("NORM_CLOSE", "|"), "langle": ("LANGLE", "<"),
    "rangle": ("RANGLE", ">"), "\\": ("ROWSEP", "\\\\"), "cr": ("ROWSEP", "\\\\"), "newline": ("ROWSEP", "\\\\"),
    "frac": ("FRAC", "frac"), "dfrac": ("FRAC", "frac"), "tfrac": ("FRAC", "frac"),
    "cfrac": ("FRAC", "frac"), "binom": ("FRAC", "binom"), "dbinom": ("FRAC", "binom"), "tbinom": ("FRAC", "binom"), "sqrt": ("SQRT", "sqrt"), "underbrace": ("BRACEOVER", "under"),
    "overbrace": ("BRACEOVER", "over"), "top": ("TOP", "top"), "intercal": ("TOP", "top"),
    "intercal*": ("TOP", "top"), "prime": ("PRIME", "'"), "infty": ("INFTY", "infty"),
    "partial": ("PARTIAL", "partial"), "nabla": ("NABLA", "nabla"), "forall": ("QUANT", "forall"),
    "triangledown": ("NABLA", "nabla"),  # ▽ typed for ∇ (ナブラ) in Japanese notes
    "exists": ("QUANT", "exists"), "nexists": ("QUANT", "nexists"), "neg": ("NOT", "not"),
    "lnot": ("NOT", "not"), "pm": ("PM", "pm"), "mp": ("PM", "mp"), "_": ("LETTER", "_"),
    "colon": ("COLON", ":"), "lbrace": ("LSET", "{"), "rbrace": ("RSET", "}"), "bullet": ("LETTER", "bullet"),
    "lbrack": ("LBRACK", "["), "rbrack": ("RBRACK", "]"), "lparen": ("LPAR", "("), "rparen": ("RPAR", ")"),
    "star": ("STAR", "*"), "rfloor": ("RPAR", ")"), "rceil": ("RPAR", ")"), "%": ("LETTER", "percent"), "$": ("LETTER", "dollar"), "Pr": ("TEXT", "Pr"),
}


def half_open(tokens: list[Token]) -> list[Token]:
    """(0, 1] and [0, 1): the closer takes the opener's type (so brackets balance) and keeps
    its own character as its value, which the transformer reads as the interval's kind."""
    out = list(tokens)
    closers = {"LPAR": "RPAR", "LBRACK": "RBRACK"}
    for k, tok in enumerate(out):
        if tok.type not in closers:
            continue
        j = k + 1
        seen_comma = False
        while j < len(out) and out[j].type in ("NUMBER", "MINUS", "COMMA", "INFTY"):
            seen_comma = seen_comma or out[j].type == "COMMA"
            j += 1
        if seen_comma and j < len(out) and out[j].type in ("RPAR", "RBRACK") and out[j].type != closers[tok.type]:
            out[j] = Token.new_borrow_pos(closers[tok.type], out[j].value, out[j])
    return out


def classify(tokens: list[Token]) -> list[Token]:
    """Give bars their roles, drop a \\quad that only pads a relation (`: \\quad`, `\\quad
    \\Rightarrow`), and mark a relation that starts a cell or a clause (`& \\sim 0`, `, \\land p`)
    as continuing what came before."""
    out: list[Token] = []
    stack: list[str] = []
    envs = 0
    row_start = 0
    for k, tok in enumerate(tokens):
        t = tok.type
        prev = out[-1].type if out else ""
        nxt = tokens[k + 1].type if k + 1 < len(tokens) else ""
        envs += 1 if t == "BEGIN_ENV" else -1 if t == "END_ENV" else 0
        if envs <= 0 and t == "ROWSEP":
            row_start = k + 1
        if envs <= 0 and t == "AMP" and prev != "QUAD" and _next_column_equation(tokens, row_start, k):
            out.append(Token.new_borrow_pos("QUAD", "quad", tok))  # A = B && C = D: two equations side by side
            continue
        if envs <= 0 and t in ("AMP", "ROWSEP"):
            continue  # alignment marks and line breaks of a multi-line display: layout only
        if envs <= 0 and t == "TEXT" and tok.value.strip().strip(",") in ("and", "und") and prev in OPERAND_END \
                and not stack and _equation_before(tokens, row_start, k) and _equation_after(tokens, k):
            out.append(Token.new_borrow_pos("QUAD", "quad", tok))  # a = b \text{ and } c = d: two equations
            continue
        if t == "QUAD" and (prev in ("COLON", "REL", "QUAD", "QUANT") or nxt in ("REL", "COLON")):
            continue
        if t == "COLON" and stack and stack[-1] == "script" and prev in ("LBRACE", "COMMA") \
                and nxt in ("COMMA", "RBRACE"):
            out.append(Token.new_borrow_pos("PLACEHOLDER", "slice", tok))  # X_{:,j}: a whole axis
            continue
        if t in ("REL", "COLON") and prev in _CLAUSE_START and out:
            out.append(_placeholder(tok))  # `\begin{pmatrix} \sim 0`: a relation to what came before
        if t in ("BAR", "ABS_CLOSE") and prev in OPERAND_END and nxt in ("SUB", "SUP") and _nearest(stack) != "abs":
            out.append(Token.new_borrow_pos("EVAL", tok.value, tok))  # \frac{dy}{dt}\Big|_{t_n}, \bigg\rvert_{f=f_0}
            continue
        if t in ("BAR", "DBAR"):
            tok = _bar_role(tok, prev, stack, _paired_later(tokens, k))
            if tok.type == "ABS_OPEN" and prev in OPERAND_END and not any(
                    x.type == "BAR" for x in tokens[k + 1:]):
                tok = Token.new_borrow_pos("MID", tok.value, tok)  # Y|X: nothing closes it, a condition
            if tok.type == "NORM_OPEN" and prev in OPERAND_END and not any(
                    x.type == "DBAR" for x in tokens[k + 1:]):
                tok = Token.new_borrow_pos("PARALLEL", tok.value, tok)  # a \| b: nothing closes it, a separator
            t = tok.type
        if t in OPENERS:
            stack.append("script" if t == "LBRACE" and prev in ("SUB", "SUP") else OPENERS[t])
        elif t in ("ABS_OPEN", "NORM_OPEN"):
            stack.append("abs" if t == "ABS_OPEN" else "norm")
        elif (t in CLOSERS or t in ("ABS_CLOSE", "NORM_CLOSE")) and stack:
            stack.pop()
        out.append(tok)
    return out


def _next_column_equation(tokens: list[Token], row_start: int, k: int) -> bool:
    """Does the `&` at k start another equation of its row (`A &= a & B &= b`, `A = a && B = b`)? So
    when its row already holds an equation before it (a relation after the row's first mark) and
    what follows it, up to the row's end, is an equation too (a relation, after something other than
    a mark or words). `f(x) &= x & \\text{if } x > 0` keeps its condition."""
    def top(j: int) -> bool:
        return _depth(tokens, row_start, j) == 0

    before = [j for j in range(row_start, k) if top(j)]
    if not any(tokens[j].type == "AMP" for j in before):
        return False
    if not any(tokens[j].type == "REL" for j in before):
        return False
    j = k + 1
    while j < len(tokens) and tokens[j].type == "AMP":
        j += 1
    if j >= len(tokens) or tokens[j].type in ("TEXT", "REL", "ROWSEP", "END_ENV"):
        return False
    while j < len(tokens) and tokens[j].type not in ("ROWSEP", "END_ENV"):
        if tokens[j].type == "REL" and top(j) and tokens[j].value in ("eq", "defeq", "leftarrow"):
            return True
        if tokens[j].type == "TEXT":
            return False
        j += 1
    return False


def _equation_before(tokens: list[Token], start: int, k: int) -> bool:
    """A defining relation at the top level between `start` and `k`."""
    if any(tokens[j].type == "TEXT" for j in range(start, k)):
        return False  # f(x) = 1 \text{ if } x > 0 \text{ and } y = 1: a condition goes on
    return any(tokens[j].type == "REL" and tokens[j].value in ("eq", "defeq", "leftarrow")
               and _depth(tokens, start, j) == 0 for j in range(start, k))


def _equation_after(tokens: list[Token], k: int) -> bool:
    """What follows `k`, up to the row's end, is an equation (a defining relation at its top level,
    after an operand)."""
    j = k + 1
    if j >= len(tokens) or tokens[j].type in ("REL", "TEXT", "ROWSEP", "END_ENV"):
        return False
    while j < len(tokens) and tokens[j].type not in ("ROWSEP", "END_ENV", "TEXT", "QUAD"):
        if tokens[j].type == "REL" and tokens[j].value in ("eq", "defeq", "leftarrow") \
                and _depth(tokens, k + 1, j) == 0:
            return True
        j += 1
    return False


def _depth(tokens: list[Token], start: int, end: int) -> int:
    """Brackets and environments open at `end`, counted from `start`."""
    depth = 0
    for tok in tokens[start:end]:
        if tok.type in ("LPAR", "LBRACK", "LBRACE", "LSET", "LANGLE", "BEGIN_ENV"):
            depth += 1
        elif tok.type in ("RPAR", "RBRACK", "RBRACE", "RSET", "RANGLE", "END_ENV"):
            depth -= 1
    return depth


def _placeholder(tok: Token) -> Token:
    start = tok.start_pos if tok.start_pos is not None else 0
    return Token("PLACEHOLDER", "continued", start_pos=start, end_pos=start, line=tok.line, column=tok.column,
                 end_line=tok.line, end_column=tok.column)


# Tokens after which a relation starts a new cell or clause (it continues what came before).
_CLAUSE_START = {"AMP", "ROWSEP", "BEGIN_ENV", "COMMA", "QUAD"}


def _nearest(stack: list[str]) -> str:
    """The innermost bracket or bar that is open, braces (groups, scripts) aside."""
    return next((s for s in reversed(stack) if s not in ("brace", "script")), "")


def _paired_later(tokens: list[Token], k: int) -> bool:
    """Another bar of the same kind follows before the bracket around tokens[k] closes: the bar
    opens a pair (`(\\frac{1}{2}\\|x\\|^2)`), it does not separate (`D(p \\| q)`, `p(x | z)`)."""
    depth = 0
    for tok in tokens[k + 1:]:
        if tok.type in OPENERS or tok.type == "BEGIN_ENV":
            depth += 1
        elif tok.type in CLOSERS or tok.type == "END_ENV":
            depth -= 1
            if depth < 0:
                return False
        elif depth == 0 and tok.type == tokens[k].type:
            return True
    return False


def _bar_role(tok: Token, prev: str, stack: list[str], paired: bool = False) -> Token:
    single = tok.type == "BAR"
    mine = "abs" if single else "norm"
    after_operand = prev in OPERAND_END
    nearest = _nearest(stack)
    if after_operand and nearest == mine:
        role = "ABS_CLOSE" if single else "NORM_CLOSE"
    elif after_operand and ((nearest == "paren" and not paired) or (single and stack and stack[-1] == "script"
                                                                    and prev not in ("ABS_CLOSE", "NORM_CLOSE"))):
        role = "MID" if single else "PARALLEL"
    else:
        role = "ABS_OPEN" if single else "NORM_OPEN"
    return Token.new_borrow_pos(role, tok.value, tok)


def tokenize(text: str) -> list[Token]:
    return Tokenizer(text).run()


_JOINED_TEXT = re.compile(r"\s*\\_\s*\\(?:text|textrm|mathrm)\b\s*(?=\{)")  # \_\text{…} after a \text{…}
_SINGLE_NAME = re.compile(r"^\s*(?:[A-Za-z]|\\[A-Za-z]+(?:\s*\{\s*[A-Za-z]\s*\})?)\s*$")


def _one_operand(content: str) -> bool:
    """A bracketed expression spanning the whole text, or one (possibly bold) letter or symbol."""
    text = content.strip()
    if _SINGLE_NAME.match(text):
        return True
    if not text or text[0] not in "([" or text[-1] not in ")]":
        return False
    depth = 0
    for i, c in enumerate(text):
        depth += c in "(["
        depth -= c in ")]"
        if depth == 0 and i < len(text) - 1:
            return False  # (a)(b): the first bracket closes before the end
    return depth == 0

"""Fuzzing the implementation loader (spec §5, issue 6): `read_module`, `find_function` and
`map_arguments` read any text — random, mutated real implementations, odd but valid
signatures — and only `PythonSyntaxError` may escape. The code is parsed, never run.

Bounded so that the file runs in a few seconds in CI.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eq2code.base.span import Range
from eq2code.code.loader import FunctionInfo, Mapping, PythonSyntaxError, find_function, map_arguments, read_module
from eq2code.equation.semantics import read_equation_file

ROOT = Path(__file__).resolve().parent.parent
FUZZ = settings(max_examples=250, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

EQUATIONS = {
    "softmax": r"""\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}

\mathbf{z} \in \mathbb{R}^{K}""",
    "softmax-temperature": r"""\mathrm{softmax}(\mathbf{z}; T)_i = \frac{\exp(z_i / T)}{\sum_{j=1}^{K}\exp(z_j / T)}

\mathbf{z} \in \mathbb{R}^{K}, \quad T \in \mathbb{R}_{>0}""",
    "attention": r"""\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V

Q \in \mathbb{R}^{n \times d_k}, K \in \mathbb{R}^{m \times d_k}, V \in \mathbb{R}^{m \times d_v}""",
    "logistic": r"""\hat{y} = \sigma(\mathbf{w}^\top \mathbf{x} + b)

\mathbf{w}, \mathbf{x} \in \mathbb{R}^{n}, \quad b \in \mathbb{R}""",
}

SEEDS = [
    '''import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
''',
    '''# eq2code: rule=softmax
@staticmethod
def stable(logits, /, T=1.0, *, axis=-1, **kwargs):
    """Docstring with a tab\tand unicode: σ(z)."""
    return logits


async def _helper(*args):
    yield args
''',
    '''def attention(q, k, v, mask=None):
    d_k = q.shape[-1]
    return softmax(q @ k.T / d_k ** 0.5) @ v


class Model:
    def forward(self, x):
        return x

lambda_ = lambda x: x
''',
]


@pytest.fixture(scope="module")
def equations():
    out = {}
    for name, text in EQUATIONS.items():
        eq_file = read_equation_file(f"{name}.tex", text)
        assert eq_file.main is not None, (name, eq_file.diagnostics)
        out[name] = eq_file.main
    return out


def _real_sources() -> list[str]:
    """Implementations shipped with the project, whatever is there when the tests run."""
    paths = sorted(ROOT.glob("examples/*/*.py")) + sorted(ROOT.glob("tests/equations/*/*.py"))
    texts = []
    for path in paths[:80]:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return texts


SOURCES = SEEDS + _real_sources()

PYTHON_PIECES = [
    "def ", "async def ", "class ", "lambda ", "return ", "yield ", "softmax", "attention", "f", "_f",
    "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "*", "**", "/", "@", "->", "+", "-",
    "z", "x", "T", "q", "k", "v", "logits", "temperature", "self", "*args", "**kwargs", "None", "1.0",
    "1e308", "0x", "'", '"', '"""', "'''", "f'{", "#", "# eq2code: rule=softmax", "# eq2code: eq=a.tex",
    "\n", "\r\n", "\r", "\t", "    ", " ", "\\", "\x00", "\ufeff", "\x0c", "\u2028", "\x85", "σ", "é", "z̃",
    "if ", "else", "elif ", "for ", "in ", "while ", "try:", "except", "finally:", "with ", "as ",
    "global ", "nonlocal ", "import ", "from ", "pass", "match ", "case ", "type ", "print(",
]


def _check(text: str, eq, wanted: str | None = None, maps: dict[str, str] | None = None,
           rule: str | None = None) -> None:
    """Everything the checker does with an implementation before running it."""
    try:
        module = read_module("impl.py", text)
    except PythonSyntaxError as e:
        assert isinstance(e.range, Range) and isinstance(e.detail, str)
        assert e.range.start.line >= 0 and e.range.start.character >= 0
        return
    for info in module.functions:
        assert isinstance(info, FunctionInfo) and info.range.start.line == info.def_line
    func, tried = find_function(module, eq, wanted, rule, "eq.tex", ("softmax",))
    assert isinstance(tried, list)
    if func is None:
        return
    assert func in module.functions
    mapping = map_arguments(func, eq, maps or {})
    _check_mapping(mapping, func)


def _check_mapping(mapping: Mapping, func: FunctionInfo) -> None:
    names = [p.name for p in func.params]
    assert set(mapping.keyword) <= set(names)
    assert set(mapping.unmapped_params) <= set(names)
    assert len(set(mapping.how.values())) == len(mapping.how)  # no parameter receives two inputs
    assert isinstance(mapping.ok, bool)


@FUZZ
@given(st.sampled_from(sorted(EQUATIONS)), st.lists(st.sampled_from(PYTHON_PIECES), max_size=60).map("".join))
def test_random_python_pieces(equations, eq_name, text):
    _check(text, equations[eq_name])


@FUZZ
@given(st.sampled_from(sorted(EQUATIONS)), st.text(max_size=300))
def test_any_text(equations, eq_name, text):
    _check(text, equations[eq_name])


@FUZZ
@given(st.sampled_from(sorted(EQUATIONS)), st.integers(0, len(SOURCES) - 1), st.data())
def test_mutated_implementations(equations, eq_name, index, data):
    text = SOURCES[index]
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 5))
        insert = data.draw(st.sampled_from(PYTHON_PIECES + [""]))
        text = text[:at] + insert + text[at + cut:]
    wanted = data.draw(st.sampled_from([None, "softmax", "attention", "missing", ""]))
    rule = data.draw(st.sampled_from([None, "softmax"]))
    _check(text, equations[eq_name], wanted or None, rule=rule)


IDENTIFIERS = st.sampled_from(["z", "x", "logits", "T", "t", "temperature", "q", "query", "k", "keys", "v",
                               "d_k", "K", "n", "w", "b", "bias", "y_hat", "eps", "axis", "self", "a", "σ"])


@st.composite
def signatures(draw) -> str:
    """A valid `def` with any mix of positional-only, ordinary, *args, keyword-only and **kwargs."""
    names = draw(st.lists(IDENTIFIERS, min_size=0, max_size=7, unique=True))
    cut1 = draw(st.integers(0, len(names)))
    cut2 = draw(st.integers(cut1, len(names)))
    posonly, ordinary, kwonly = names[:cut1], names[cut1:cut2], names[cut2:]
    positional = posonly + ordinary
    n_defaults = draw(st.integers(0, len(positional)))
    parts = [p + ("=1.0" if i >= len(positional) - n_defaults else "") for i, p in enumerate(positional)]
    if posonly:
        parts.insert(len(posonly), "/")
    star = draw(st.sampled_from(["", "*args"]))
    if kwonly or star:
        parts.append(star or "*")
        parts += [k + draw(st.sampled_from(["", "=2"])) for k in kwonly]
    if draw(st.booleans()):
        parts.append("**kwargs")
    name = draw(st.sampled_from(["softmax", "attention", "f", "_private", "Softmax", "y_hat"]))
    decorator = draw(st.sampled_from(["", "@staticmethod\n", "# eq2code: rule=softmax\n"]))
    return f"import numpy as np\n\n{decorator}def {name}({', '.join(parts)}):\n    return 0\n"


@FUZZ
@given(st.sampled_from(sorted(EQUATIONS)), signatures(),
       st.dictionaries(st.sampled_from(["z", "T", "Q", "K", "V", "d_k", "w", "x", "b", "y_hat", "\\mathbf{z}",
                                        "nonsense"]), IDENTIFIERS, max_size=3))
def test_valid_signatures_always_map_cleanly(equations, eq_name, source, maps):
    ast.parse(source)  # the strategy makes valid Python
    module = read_module("impl.py", source)
    assert len(module.functions) == 1
    func = module.functions[0]
    mapping = map_arguments(func, equations[eq_name], maps)
    _check_mapping(mapping, func)
    found, _ = find_function(module, equations[eq_name], None, "softmax", "eq.tex")
    assert found in (None, func)


@pytest.mark.parametrize("text", [
    "", "\n", "\ufeff", "\x00", "def f(:\n", "(" * 300, "[" * 5000, "-" * 200_000 + "1", "x = " + "(" * 100 + ")" * 100,
    "def f():\n" + "    if x:\n" * 200 + "        pass\n", "lambda: " * 5000 + "0", "\t\n  \tdef f(): pass",
    "def f(z):\r    return z\r", "def f(z):\x0c\n    return z\n", "def f(z): return z\u2028def g(): pass\n",
    "# -*- coding: latin-1 -*-\ndef f(z): return z\n", "'''" + "x" * 100_000, "def " + "a" * 100_000 + "(): pass\n",
    "# eq2code: eq=" + "a/" * 3000 + "\ndef f(z): return z\n", "# eq2code: eq=../../../../etc/passwd\ndef f(z): pass\n",
    "# eq2code: eq=~\ndef f(z): pass\n", "@a\n@b\n# eq2code: rule=softmax\ndef f(z): pass\n",
])
def test_pathological_sources(equations, text):
    _check(text, equations["softmax"])


def test_python_warnings_are_neither_shown_nor_errors():
    import warnings

    source = 'def f(z):\n    return "\\d", 1if z else 2, [0x1for x in ()]\n'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error")
        module = read_module("impl.py", source)
    assert [f.name for f in module.functions] == ["f"] and caught == []

"""The equation cache: a read equation file stored as JSON, so that a warm check imports
neither SymPy nor the parser.

Keyed by the file's text and a fingerprint of eq2code's own code (so an upgrade or an edit
of the parser never serves a stale model). Lives in `$EQ2CODE_CACHE_DIR`, else
`$XDG_CACHE_HOME/eq2code`, else `~/.cache/eq2code`, created private (0700); any failure to
read or write it just means no cache. `EQ2CODE_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from eq2code.base.files import read_text
from eq2code.base.paths import cache_dir
from eq2code.base.span import Position, Range
from eq2code.base.version import __version__
from eq2code.equation.model import Diagnostic, Equation, EquationFile, InputSpec, Space

FORMAT = 1


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever any of eq2code's modules or its grammar changes."""
    h = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    root = Path(__file__).parents[1]  # the whole eq2code package
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".lark"):
            st = p.stat()
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def _key(text: str) -> str:
    return hashlib.sha256((code_fingerprint() + "\0" + text).encode()).hexdigest()[:32]


def load_equation(path: str) -> EquationFile:
    """The model of the equation file at `path` (raises `FileProblem` when it cannot be read)."""
    return read_equation(path, read_text(path, "equation file"))


def read_equation(path: str, text: str) -> EquationFile:
    """An equation file's model: from the cache, else read (SymPy, Lark) and stored."""
    cached = load(path, text)
    if cached is not None:
        return cached
    from eq2code.equation.semantics import read_equation_file

    eq_file = read_equation_file(path, text)
    store(eq_file)
    return eq_file


def load(path: str, text: str) -> EquationFile | None:
    d = cache_dir()
    if d is None:
        return None
    try:
        data = json.loads((d / "equations" / f"{_key(text)}.json").read_text(encoding="utf-8"))
        return _from_json(data, path, text)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(eq_file: EquationFile) -> None:
    d = cache_dir()
    if d is None:
        return
    try:
        target = d / "equations"
        target.mkdir(exist_ok=True, mode=0o700)
        tmp = target / f".{os.getpid()}.tmp"
        tmp.write_text(json.dumps(_to_json(eq_file)), encoding="utf-8")
        tmp.replace(target / f"{_key(eq_file.text)}.json")
    except (OSError, TypeError, ValueError):
        return


def _to_json(f: EquationFile) -> dict[str, Any]:
    equations = []
    for e in f.equations:
        d = asdict(e) if e.sympy is None else asdict(_without_sympy(e))
        d["uses"] = sorted(e.uses)
        d["mentions"] = sorted(e.mentions)
        equations.append(d)
    return {"metadata": f.metadata, "equations": equations, "diagnostics": [asdict(x) for x in f.diagnostics]}


def _without_sympy(e: Equation) -> Equation:
    from dataclasses import replace

    return replace(e, sympy=None)


def _range(d: dict) -> Range:
    return Range(Position(**d["start"]), Position(**d["end"]))


def _space(d: dict) -> Space:
    d = dict(d)
    d["closed"] = tuple(d["closed"])
    return Space(**d)


def _input(d: dict) -> InputSpec:
    d = dict(d)
    d["shape"] = tuple(d["shape"])
    d["space"] = _space(d["space"])
    d["aliases"] = tuple(d["aliases"])
    return InputSpec(**d)


def _equation(d: dict) -> Equation:
    d = dict(d)
    d["range"] = _range(d["range"])
    d["inputs"] = [_input(i) for i in d["inputs"]]
    d["output_shape"] = tuple(d["output_shape"])
    d["free_indices"] = [tuple(x) for x in d["free_indices"]]
    d["uses"] = set(d["uses"])
    d["mentions"] = set(d["mentions"])
    return Equation(**d)


def _from_json(data: dict, path: str, text: str) -> EquationFile:
    diagnostics = [Diagnostic(x["name"], _range(x["range"]), x["params"]) for x in data["diagnostics"]]
    return EquationFile(path, text, data["metadata"], [_equation(e) for e in data["equations"]], diagnostics)

"""The equation cache: a read equation file stored as JSON, so that a warm check imports
neither SymPy nor the parser.

Keyed by the file's text and a fingerprint of eq2code's own code (so an upgrade or an edit
of the parser never serves a stale model). Lives in `$EQ2CODE_CACHE_DIR`, else
`$XDG_CACHE_HOME/eq2code`, else `~/.cache/eq2code`, created private (0700); any failure to
read or write it just means no cache. `EQ2CODE_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from eq2code.base.digest import hex_digest
from eq2code.base.files import MAX_DATA, read_text
from eq2code.base.log import get_logger
from eq2code.base.paths import read_signed, write_signed
from eq2code.base.span import Position, Range
from eq2code.base.version import __version__, source_files
from eq2code.equation.model import Diagnostic, Equation, EquationFile, InputSpec, Space
from eq2code.equation.source import normalise
from eq2code.findings.phrases import Phrase

FORMAT = 3  # 2: entries signed (paths.sign); 3: reasons and readings are phrases (Equation.why)
log = get_logger(__name__)

if TYPE_CHECKING:
    from eq2code.equation.guard import PendingRead


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever any of eq2code's modules or its grammar changes."""
    parts = [f"{__version__}/{FORMAT}"]
    for rel, path in source_files():
        st = os.stat(path)
        parts.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}")
    return hex_digest("\n".join(parts).encode(), 16)


def _key(text: str) -> str:
    return hex_digest((code_fingerprint() + "\0" + text).encode())


MAX_ENTRY = MAX_DATA  # bytes of one cache entry
MAX_JSON_DEPTH = 400  # nesting of one entry (plans nest as deep as the equation)


def load_equation(path: str, fresh: bool = False) -> EquationFile:
    """The model of the equation file at `path` (raises `FileProblem` when it cannot be read);
    `fresh`: read it again even when the cache has it (and store the new reading)."""
    return read_equation(path, read_text(path, "equation file"), fresh)


def read_equation(path: str, text: str, fresh: bool = False) -> EquationFile:
    """An equation file's model: from the cache, else read (SymPy, Lark) and stored. CRLF and
    CR line endings are read as LF (positions stay those an editor shows)."""
    text = normalise(text)
    ahead = _ahead.pop(path, None)
    if ahead is not None and (ahead.text != text or fresh):
        ahead = None
    if ahead is not None and ahead.model is not None:
        return ahead.model
    if ahead is not None and ahead.pending is not None:
        eq_file, cacheable = ahead.pending.result()
    else:
        known = None if fresh else _known_model(path, text)
        if known is not None:
            return known
        from eq2code.equation.guard import read_guarded

        eq_file, cacheable = read_guarded(path, text, _to_json, _from_json)
    if cacheable:
        store(eq_file)
    return eq_file


def _known_model(path: str, text: str) -> EquationFile | None:
    """The model from the cache, else a shipped rule's (kept in the cache); None: it must be read."""
    model = load(path, text)
    if model is None and (model := _shipped(path, text)) is not None:
        store(model)
    return model


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class _Ahead:
    """What `read_ahead` found: the model (cached or shipped), or a read under way."""

    text: str
    model: EquationFile | None = None
    pending: PendingRead | None = None


_ahead: dict[str, _Ahead] = {}  # by path, taken by the next read_equation of that path


def read_ahead(path: str) -> None:
    """Look the equation file at `path` up now, and when the cache and the shipped models miss
    it start reading it: a forked child reads it (SymPy, Lark) while the checker goes on —
    importing NumPy and the engine — and `load_equation(path)` collects it (a cold check,
    docs/performance.md). Never raises: what is wrong with the file, load_equation says."""
    try:
        text = normalise(read_text(path, "equation file"))
        model = _known_model(path, text)
        if model is not None:
            _ahead[path] = _Ahead(text, model=model)
            return
        from eq2code.equation.guard import start_read

        _ahead[path] = _Ahead(text, pending=start_read(path, text, _to_json, _from_json))
    except Exception:  # only a head start: load_equation says what is wrong
        log.debug("no read ahead of %s", path, exc_info=True)


def _shipped(path: str, text: str) -> EquationFile | None:
    """A shipped rule's model read when eq2code was built (equation/shipped.py), validated like
    a cache entry; None when there is none for this text and this code."""
    from eq2code.equation.shipped import shipped_model

    data = shipped_model(path, text)
    if data is None or not _well_formed(data):
        return None
    try:
        return _from_json(data, path, text)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError):
        return None


def load(path: str, text: str) -> EquationFile | None:
    """The cached model of `text`, or None: no cache, no entry, or an entry that is not a
    signed, well-formed, small regular file (a forged or broken entry is ignored)."""
    payload = read_signed("equations", f"{_key(text)}.json", MAX_ENTRY)
    if payload is None:
        return None
    try:
        data = json.loads(payload.decode("utf-8"))
        if not _well_formed(data):
            return None
        return _from_json(data, path, text)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError):
        return None


def _well_formed(data: Any) -> bool:
    """The entry's shape: a dict of metadata (str → str), equations and diagnostics (lists of
    dicts), nested at most MAX_JSON_DEPTH deep."""
    if not isinstance(data, dict) or set(data) != {"metadata", "equations", "diagnostics"}:
        return False
    meta, eqs, diags = data["metadata"], data["equations"], data["diagnostics"]
    if not isinstance(meta, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in meta.items()):
        return False
    if not isinstance(eqs, list) or not all(isinstance(e, dict) for e in eqs):
        return False
    if not isinstance(diags, list) or not all(isinstance(x, dict) for x in diags):
        return False
    stack = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def store(eq_file: EquationFile) -> None:
    try:
        payload = json.dumps(_to_json(eq_file)).encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        return
    write_signed("equations", f"{_key(eq_file.text)}.json", payload)


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
    d["spellings"] = tuple(d.get("spellings", ()))
    return InputSpec(**d)


def _equation(d: dict) -> Equation:
    d = dict(d)
    d["range"] = _range(d["range"])
    d["inputs"] = [_input(i) for i in d["inputs"]]
    d["extras"] = [_input(i) for i in d.get("extras", [])]
    d["output_shape"] = tuple(d["output_shape"])
    d["free_indices"] = [tuple(x) for x in d["free_indices"]]
    d["uses"] = set(d["uses"])
    d["mentions"] = set(d["mentions"])
    d["why"] = Phrase.of(d.get("why"))
    return Equation(**d)


def _from_json(data: dict, path: str, text: str) -> EquationFile:
    diagnostics = [Diagnostic(x["name"], _range(x["range"]), x["params"]) for x in data["diagnostics"]]
    return EquationFile(path, text, data["metadata"], [_equation(e) for e in data["equations"]], diagnostics)

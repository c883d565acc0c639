"""A check's trials and their reference values, kept per (equation, seed) in the signed cache.

A check draws its trials from the seed (`inputs.make_trials`) and evaluates the equation on
each (`checking.prepare.reference_value`): the same numbers every time for the same equation,
seed, eq2code and NumPy. A warm check reads them back instead of importing `numpy.random`
and evaluating again (~5–10 ms of a check, docs/performance.md). The key covers all four: the
whole equation (every field, canonically), the seed, the package fingerprint of the equation
cache and NumPy's version (its generators' streams may change between versions).

Entries are signed like the equation cache's (base/paths.py): a forged or broken entry is
ignored and the trials are drawn again. Values come back from raw bytes of plain numeric
dtypes and from JSON: nothing is unpickled. Anything this module cannot write back exactly
(another type of value) is simply not cached. `EQ2CODE_NO_CACHE` turns it off.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

import numpy as np

from eq2code.base.digest import hex_digest
from eq2code.base.log import get_logger
from eq2code.base.paths import cache_dir, read_signed, write_signed
from eq2code.equation.model import Equation
from eq2code.reference.inputs import Trial

log = get_logger(__name__)

FOLDER = "trials"
MAX_ENTRY = 8 * 2**20  # bytes of one entry: trials are small (sizes ≤ 13)
NUMERIC_KINDS = "biufc"  # bool, int, unsigned, float, complex: raw bytes, never objects


class _Unsupported(Exception):
    """A value this cache does not write back exactly."""


def load(eq: Equation, seed: int) -> tuple[list[Trial], list[np.ndarray]] | None:
    """The trials and references stored for (eq, seed), or None (no cache, no entry, an entry
    that is not signed or not well-formed)."""
    name = _entry_name(eq, seed)
    payload = _read(name) if name is not None else None
    if payload is None:
        return None
    try:
        data = json.loads(payload.decode("utf-8"))
        names = [f.name for f in dataclasses.fields(Trial)]
        trials = []
        for item in data["trials"]:
            if not isinstance(item, dict) or sorted(item) != sorted(names):
                return None
            trials.append(Trial(**{name: _decode(item[name]) for name in names}))
        expected = [_decode(x) for x in data["expected"]]
    except (_Unsupported, ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError):
        return None
    if len(expected) != len(trials) or not all(isinstance(x, np.ndarray) for x in expected):
        return None
    return trials, expected


_KEPT_PAYLOADS = 32
_payloads: dict[tuple[str, str], bytes] = {}  # (cache folder, entry) read and verified by this process


def _read(name: str) -> bytes | None:
    """The entry's signed payload, verified once per process and cache folder (a batch reads each
    once; the values are decoded afresh on every load: nobody shares an array)."""
    key = (str(cache_dir()), name)
    payload = _payloads.get(key)
    if payload is None:
        payload = read_signed(FOLDER, name, MAX_ENTRY)
        if payload is not None:
            _keep(_payloads, key, payload, _KEPT_PAYLOADS)
    return payload


def store(eq: Equation, seed: int, trials: list[Trial], expected: list[np.ndarray]) -> None:
    """Keep them for the next check of the same equation and seed (nothing when a value is of
    a kind this cache does not write back exactly)."""
    name = _entry_name(eq, seed)
    if name is None:
        return
    try:
        data = {"trials": [{f.name: _encode(getattr(t, f.name)) for f in dataclasses.fields(Trial)}
                           for t in trials],
                "expected": [_encode(x) for x in expected]}
        again = {"trials": [{k: _encode(_decode(v)) for k, v in t.items()} for t in data["trials"]],
                 "expected": [_encode(_decode(x)) for x in data["expected"]]}
        if again != data:  # written back exactly, or not kept
            return
        payload = json.dumps(data, separators=(",", ":")).encode("utf-8")
    except (_Unsupported, ValueError, TypeError, RecursionError):
        return
    write_signed(FOLDER, name, payload)


def _entry_name(eq: Equation, seed: int) -> str | None:
    """The entry's file name, or None: no cache (the key is not even computed), or an equation
    this cache cannot key."""
    if cache_dir() is None:
        return None
    try:
        return f"{_key(eq, seed)}.json"
    except (_Unsupported, RecursionError):
        return None


def _key(eq: Equation, seed: int) -> str:
    from eq2code.equation.cache import code_fingerprint

    text = json.dumps([code_fingerprint(), np.__version__, int(seed)], separators=(",", ":"))
    return hex_digest((text + _canonical_text(eq)).encode("utf-8"))


_CANONICAL_KEPT = 64
_canonical_texts: dict[int, tuple[Equation, str]] = {}  # id → (the equation, its canonical JSON)


def _canonical_text(eq: Equation) -> str:
    """The equation's canonical JSON, once per equation object: a batch checks one equation
    against many files (~1 ms a pair). The entry holds the equation, so its id is not reused."""
    kept = _canonical_texts.get(id(eq))
    if kept is not None and kept[0] is eq:
        return kept[1]
    text = json.dumps(_canonical(eq), separators=(",", ":"))
    _keep(_canonical_texts, id(eq), (eq, text), _CANONICAL_KEPT)
    return text


def _keep(memo: dict, key: Any, value: Any, limit: int) -> None:
    """memo[key] = value, the oldest entry dropped beyond `limit`."""
    if len(memo) >= limit:
        memo.pop(next(iter(memo)))
    memo[key] = value


def _canonical(value: Any) -> Any:
    """The equation as plain JSON, the same in every process (sets sorted; a dataclass by its
    fields; anything else by its repr). Exact types: a tuple is not a list, True is not 1."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return {"f": value.hex()}
    if kind is list or kind is tuple:
        return [kind.__name__, [_canonical(v) for v in value]]
    if kind is dict:
        return {"{}": sorted([json.dumps(_canonical(k)), _canonical(v)] for k, v in value.items())}
    if kind is set or kind is frozenset:
        return {"set": sorted(json.dumps(_canonical(v)) for v in value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"@": f"{kind.__module__}.{kind.__qualname__}",
                **{f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    return {"repr": f"{kind.__module__}.{kind.__qualname__}:{value!r}"}


def _encode(value: Any) -> dict:
    if value is None or isinstance(value, (bool, str)):
        return {"v": value}
    if isinstance(value, int) and type(value) is int:
        return {"i": value}
    if type(value) is float:
        return {"f": value.hex()}
    if isinstance(value, np.ndarray) and type(value) is np.ndarray:
        if value.dtype.kind not in NUMERIC_KINDS or value.dtype.names is not None:
            raise _Unsupported(str(value.dtype))
        raw = np.ascontiguousarray(value).tobytes()
        return {"a": value.dtype.str, "s": list(value.shape), "d": base64.b64encode(raw).decode("ascii")}
    if isinstance(value, np.generic):
        if value.dtype.kind not in NUMERIC_KINDS:
            raise _Unsupported(str(value.dtype))
        return {"g": value.dtype.str, "d": base64.b64encode(value.tobytes()).decode("ascii")}
    if type(value) is tuple:
        return {"t": [_encode(v) for v in value]}
    if type(value) is list:
        return {"l": [_encode(v) for v in value]}
    if type(value) is dict and all(type(k) is str for k in value):
        return {"m": [[k, _encode(v)] for k, v in value.items()]}
    raise _Unsupported(type(value).__name__)


def _decode(item: Any) -> Any:
    if not isinstance(item, dict) or len(item) not in (1, 2, 3):
        raise _Unsupported("not an encoded value")
    if "v" in item:
        value = item["v"]
        if value is not None and not isinstance(value, (bool, str)):
            raise _Unsupported("v")
        return value
    if "i" in item:
        if type(item["i"]) is not int:
            raise _Unsupported("i")
        return item["i"]
    if "f" in item:
        return float.fromhex(item["f"])
    if "a" in item:
        dtype = _numeric_dtype(item["a"])
        shape = tuple(int(n) for n in item["s"])
        raw = bytearray(base64.b64decode(item["d"], validate=True))  # writable, as a drawn array
        array = np.frombuffer(raw, dtype=dtype)
        if array.size != int(np.prod(shape, dtype=np.int64)):
            raise _Unsupported("size")
        return array.reshape(shape)
    if "g" in item:
        dtype = _numeric_dtype(item["g"])
        scalar = base64.b64decode(item["d"], validate=True)
        if len(scalar) != dtype.itemsize:
            raise _Unsupported("scalar size")
        return np.frombuffer(scalar, dtype=dtype)[0]
    if "t" in item:
        return tuple(_decode(v) for v in item["t"])
    if "l" in item:
        return [_decode(v) for v in item["l"]]
    if "m" in item:
        out = {}
        for pair in item["m"]:
            key, value = pair
            if not isinstance(key, str):
                raise _Unsupported("key")
            out[key] = _decode(value)
        return out
    raise _Unsupported("unknown tag")


def _numeric_dtype(text: Any) -> np.dtype:
    if not isinstance(text, str) or len(text) > 8:
        raise _Unsupported("dtype")
    dtype = np.dtype(text)
    if dtype.kind not in NUMERIC_KINDS or dtype.names is not None or dtype.subdtype is not None:
        raise _Unsupported("dtype")
    return dtype

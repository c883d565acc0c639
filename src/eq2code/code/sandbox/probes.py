"""The checker's side of value probes (`probe.py` runs in the child): reading the child's
`probe_K.json` back as untrusted data — size-capped, no links, every field type-checked."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

PROBE_BYTES = 8 * 2**20  # largest probe report read back
MAX_NODES = 400
MAX_VALUES = 4096
MAX_TEXT = 200


def _read(path: Path) -> dict | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > PROBE_BYTES:
            return None
        try:
            data = json.loads(stream.read())
        except (ValueError, RecursionError):
            return None
    return data if isinstance(data, dict) else None


def _int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _node(item) -> dict | None:
    if not isinstance(item, dict):
        return None
    keys = ("id", "line", "col", "end_line", "end_col", "count")
    if not all(_int(item.get(k)) for k in keys):
        return None
    node = {k: item[k] for k in keys}
    node["kind"] = item["kind"][:MAX_TEXT] if isinstance(item.get("kind"), str) else ""
    node["parent"] = item["parent"] if _int(item.get("parent")) else None
    node["order"] = item["order"] if _int(item.get("order")) else None
    children = item.get("children")
    node["children"] = [c for c in children if _int(c)][:MAX_NODES] if isinstance(children, list) else []
    names = item.get("names")
    node["names"] = [n[:MAX_TEXT] for n in names if isinstance(n, str)][:64] if isinstance(names, list) else []
    shape, values = item.get("shape"), item.get("values")
    node["shape"] = list(shape) if isinstance(shape, list) and len(shape) <= 32 and all(
        _int(d) and d >= 0 for d in shape) else None
    node["values"] = None
    if node["shape"] is not None and isinstance(values, list) and len(values) <= MAX_VALUES and all(
            _number(v) for v in values):
        size = 1
        for d in node["shape"]:
            size *= d
        if size == len(values):
            node["values"] = [float(v) for v in values]
    return node


def _assignment(item) -> dict | None:
    if not isinstance(item, dict) or not all(_int(item.get(k)) for k in ("line", "end_line", "col")):
        return None
    names = item.get("names")
    return {"line": item["line"], "end_line": item["end_line"], "col": item["col"],
            "names": [n[:MAX_TEXT] for n in names if isinstance(n, str)][:16] if isinstance(names, list) else [],
            "op": item["op"][:32] if isinstance(item.get("op"), str) else "=",
            "node": item["node"] if _int(item.get("node")) else None,
            "alias": item["alias"][:MAX_TEXT] if isinstance(item.get("alias"), str) else None,
            "loop": bool(item.get("loop"))}


def read_probe(path: Path) -> dict:
    """The probe report of one call, validated; {} when there is none or it is unusable."""
    data = _read(path) if path.exists() else None
    if data is None:
        return {}
    nodes = [n for n in (_node(i) for i in (data.get("nodes") or [])[:MAX_NODES]) if n is not None] \
        if isinstance(data.get("nodes"), list) else []
    assignments = [a for a in (_assignment(i) for i in (data.get("assignments") or [])[:MAX_NODES])
                   if a is not None] if isinstance(data.get("assignments"), list) else []
    params = [p[:MAX_TEXT] for p in data.get("params", []) if isinstance(p, str)][:64] \
        if isinstance(data.get("params"), list) else []
    return {"nodes": nodes, "assignments": assignments, "params": params}

"""Models of the shipped rules, read when eq2code was built (`rules/models.json`).

A cold check of `--rule softmax` would otherwise import SymPy and the parser (~0.5 s) to read a
file that is the same on every machine. `scripts/gen_rule_models.py` reads every shipped rule and
writes its model (the equation cache's JSON form) with a digest of the *contents* of eq2code's
own source files; a model is used only when the rule's text and that digest match, so an edited
parser or lowering never serves a stale model (it is then read as any other file, and
`tests/test_shipped_models.py` fails until the file is regenerated). The file is part of the
installed package, like the parser tables: trusted as code, and validated like a cache entry.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from eq2code.base.log import get_logger
from eq2code.base.version import source_files

log = get_logger(__name__)

MODELS_FILE = "models.json"


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# What a reading depends on: the equation package and what it imports. A change elsewhere that
# changed readings would still be caught: tests/test_shipped_models.py compares every model
# with a fresh reading.
READING_CODE = ("equation", "base", "code/loader.py", "findings/phrases.py")


@lru_cache(maxsize=1)
def source_digest() -> str:
    """A digest of the contents (not the times: an installed copy of the same code has the same
    digest) of the Python files and grammar that read an equation."""
    h = hashlib.sha256()
    for rel, path in source_files(*READING_CODE):
        with open(path, "rb") as f:
            h.update(rel.encode() + b"\0" + hashlib.sha256(f.read()).digest())
    return h.hexdigest()


def _models_path() -> Path | None:
    try:
        from eq2code.equation.rulebook import shipped_dir

        return shipped_dir() / MODELS_FILE
    except (ImportError, StopIteration, OSError):
        return None


@lru_cache(maxsize=1)
def _models() -> dict[str, Any]:
    path = _models_path()
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("digest") != source_digest() or not isinstance(data.get("models"), dict):
        log.debug("shipped rule models are stale or unreadable: read as any file")
        return {}
    return data["models"]


def shipped_model(path: str, text: str) -> dict[str, Any] | None:
    """The stored model (cache JSON) of a shipped rule's text, or None. Only for files of the
    shipped rules folder: another file with the same text is read as usual."""
    folder = _models_path()
    if folder is None or os.path.dirname(os.path.abspath(path)) != str(folder.parent):
        return None
    model = _models().get(text_key(text))
    return model if isinstance(model, dict) else None

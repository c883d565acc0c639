"""Notebook cell paths: a finding in cell N of `nb.ipynb` has the path `nb.ipynb#cell=N`.

Reporters, suppressions and documents all read such paths; this module owns their form and
reads a cell's lines straight from the notebook's JSON (no nbformat needed).
"""

from __future__ import annotations

import json
import re

_CELL_PATH = re.compile(r"^(?P<file>.*\.ipynb)#cell=(?P<cell>\d+)$")


def cell_path(path: str, number: int) -> str:
    return f"{path}#cell={number}"


def split_cell_path(path: str) -> tuple[str, int | None]:
    """`notes.ipynb#cell=3` → ("notes.ipynb", 3); any other path → (path, None)."""
    m = _CELL_PATH.match(path)
    return (m.group("file"), int(m.group("cell"))) if m else (path, None)


def cell_source_lines(path: str) -> list[str] | None:
    """The lines of a notebook cell named `NB#cell=N` (None: not a cell path, or unreadable).
    Reads the JSON directly: reporters should not need nbformat."""
    file, number = split_cell_path(path)
    if number is None:
        return None
    try:
        from eq2code.base.files import MAX_NOTEBOOK, FileProblem, read_text

        data = json.loads(read_text(file, "notebook", MAX_NOTEBOOK))
        source = data["cells"][number - 1].get("source", "")
    except (FileProblem, OSError, UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError, AttributeError,
            RecursionError):
        return None
    if isinstance(source, list):
        source = "".join(source)
    if not isinstance(source, str):
        return None
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def shown_path(path: str) -> str:
    """A path as people read it: `notes.ipynb#cell=3` → `notes.ipynb:cell 3`."""
    file, number = split_cell_path(path)
    return f"{file}:cell {number}" if number is not None else path

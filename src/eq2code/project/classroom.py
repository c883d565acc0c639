"""A class of submissions: `eq2code check submissions/ --format html|csv` for teachers.

**Layout.** A submissions folder holds one folder per learner and in it one file per
exercise: `submissions/<learner>/<exercise>.py`. A file is paired as usual first (tags,
docstrings, `[tool.eq2code]` pairs, folder pairing: docs/ci.md); a file nothing pairs is
paired by its name with the rule of that name (`softmax.py` → the rule `softmax`, a project
rule from `rule-dirs` or a shipped one) — this layout pairing applies only to the class
report formats, so other runs keep their pairing.

The report of such a run is read as learners × exercises by `report/classtable.py` and
rendered by the html and csv formats (`report/formats/`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eq2code.base.cells import split_cell_path

CLASS_FORMATS = ("html", "csv")


# ----------------------------------------------------------------------------- pairing by layout


def layout_pairs(paths: list[str], config: Any, paired: set[str]) -> list:
    """Pairs for `<learner>/<exercise>.py` files under the folders in `paths` that no other
    pairing took (`paired`: normalised paths), by the rule named like the exercise."""
    from eq2code.project.discovery import SKIP_FILES, walk
    from eq2code.project.pairs import Pair, _abs, display, find_rule

    rules: dict[str, Any] = {}
    out = []
    for raw in paths or [str(p) for p in (config.paths or [config.root])]:
        root = Path(raw)
        if not root.is_dir():
            continue
        for py in walk(root, config):
            if _abs(py) in paired or py.name in SKIP_FILES or py.name.startswith("test_"):
                continue
            if py.stem not in rules:
                rules[py.stem] = find_rule(py.stem, config)
            ref = rules[py.stem]
            if ref.path is None:
                continue
            out.append(Pair(display(py), None, display(ref.path), ref.name, "classroom", 0, aliases=ref.aliases))
    return out


def with_layout_pairs(pairs: list, paths: list[str], config: Any) -> list:
    """`pairs` (what discovery found) plus the layout's pairs for the files it left out."""
    from eq2code.project.pairs import Pair, _abs

    taken = {_abs(split_cell_path(p.impl)[0]) for p in pairs}
    return sorted(list(pairs) + layout_pairs(paths, config, taken), key=Pair.sort_key)

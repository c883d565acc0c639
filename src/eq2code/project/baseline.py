"""Baselines: adopt eq2code (or a new check) over old solutions without fixing them first.

`eq2code check --write-baseline FILE [PATH ...]` records every finding of the run by its
fingerprint (spec §3: rule, file name, function, name and normalised expression — so moving
code around keeps it) and file; `eq2code check --baseline FILE` then leaves out the findings
the baseline holds, and reports only new ones. Each entry absorbs one finding — one with its
fingerprint in its own file first, else (the code moved to another file) one elsewhere — so
a second, identical mistake is still reported, and in a course where every student's file
is `solution.py`, one student's recorded mistake does not hide another's. The file is JSON, sorted, with the
path, code and name of each entry for people reading a diff of it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eq2code.base.files import MAX_DATA, FileProblem, read_text
from eq2code.base.version import __version__
from eq2code.findings.model import Finding

FORMAT = 1


class BaselineError(Exception):
    """A baseline file that cannot be read."""


@dataclass
class Baseline:
    """The findings a baseline file records, as (fingerprint, path) entries."""

    entries: list[tuple[str, str]]  # (fingerprint, absolute path) — one per finding absorbed

    @property
    def counts(self) -> Counter:
        return Counter(fp for fp, _ in self.entries)

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new findings, findings the baseline absorbs). An entry absorbs a finding with its
        fingerprint in the same file first; entries left over absorb one in another file
        (the code moved). Deterministic: in sorted order."""
        ordered = sorted(findings, key=Finding.sort_key)
        exact = Counter(self.entries)
        absorbed = [False] * len(ordered)
        for i, f in enumerate(ordered):
            k = (f.fingerprint, _norm(f.path))
            if exact[k] > 0:
                exact[k] -= 1
                absorbed[i] = True
        moved: Counter[str] = Counter()
        for (fp, _), n in exact.items():
            moved[fp] += n
        for i, f in enumerate(ordered):
            if not absorbed[i] and moved[f.fingerprint] > 0:
                moved[f.fingerprint] -= 1
                absorbed[i] = True
        kept = [f for f, a in zip(ordered, absorbed) if not a]
        known = [f for f, a in zip(ordered, absorbed) if a]
        return kept, known


def _norm(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def read(path: str | Path) -> Baseline:
    try:
        data = json.loads(read_text(path, "baseline file", MAX_DATA))
    except FileProblem as e:
        raise BaselineError(str(e)) from None
    except ValueError as e:
        raise BaselineError(f"cannot read baseline {path}: not JSON: {e}") from None
    except RecursionError:
        raise BaselineError(f"cannot read baseline {path}: JSON nested too deeply") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                                                for e in entries):
        raise BaselineError(f"{path} is not an eq2code baseline (no list of findings with fingerprints)")
    base = Path(os.path.abspath(path)).parent
    return Baseline([(e["fingerprint"], _norm(base / str(e.get("path") or ""))) for e in entries])


def write(path: str | Path, findings: list[Finding]) -> int:
    """Write the baseline of `findings`; returns how many entries it holds."""
    base = Path(os.path.abspath(path)).parent
    entries = []
    for f in sorted(findings, key=Finding.sort_key):
        entries.append({"fingerprint": f.fingerprint, "code": f.code, "name": f.name,
                        "path": _relative(f.path, base), "function": f.function, "rule": f.rule})
    entries.sort(key=lambda e: (e["path"], e["fingerprint"]))
    doc = {"version": FORMAT, "tool": {"name": "eq2code", "version": __version__}, "findings": entries}
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(entries)


def _relative(path: str, base: Path) -> str:
    p = os.path.abspath(path)
    try:
        return Path(os.path.relpath(p, base)).as_posix()
    except ValueError:
        return Path(p).as_posix()

"""The rules: equation files that ship with eq2code (the package ``eq2code.rules``, i.e. the
repository's ``rules/``) or that a course adds with ``--rules-dir DIR``.

A rule is an ordinary equation file — the LaTeX as the lecture writes it, its declarations
and auxiliary definitions — plus ``% eq2code: key=value`` metadata (``name``, ``title``,
``title_ja``, ``aliases``, ``params``, ``block``, ``notes``). Nothing here interprets the
mathematics: checking against a rule is checking against its file (``check.py`` and the
parser see no difference). This module only finds rule files and reads their metadata; it
is cheap (no SymPy, no Lark), so listing and looking up rules costs a directory scan.

A project rule overrides a shipped rule of the same name; among several ``--rules-dir``
directories, a later one overrides an earlier one.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from eq2code.code.loader import param_aliases, symbol_key
from eq2code.equation.source import split_blocks, strip_comments

SHIPPED_PACKAGE = "eq2code.rules"


class RuleError(Exception):
    """A rule that does not exist, or a rules directory that cannot be read."""


@dataclass(frozen=True)
class Rule:
    """A rule: its name, file, metadata and LaTeX blocks (`read_rule`); the mathematics is the
    file's, read as any equation file."""

    name: str
    path: Path
    title: str = ""
    title_ja: str = ""
    aliases: tuple[str, ...] = ()  # names the implementing function may have
    params: dict[str, tuple[str, ...]] = field(default_factory=dict)  # symbol → parameter aliases
    block: str = ""  # the lecture block(s) it comes from
    notes: str = ""
    latex: str = ""  # the rule's equation: its first display block, as written
    context: tuple[str, ...] = ()  # the other blocks: auxiliary definitions, declarations
    metadata: dict[str, str] = field(default_factory=dict)
    origin: str = "shipped"  # shipped | project

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "title_ja": self.title_ja, "latex": self.latex,
                "context": list(self.context), "aliases": list(self.aliases),
                "params": {k: list(v) for k, v in self.params.items()}, "block": self.block,
                "notes": self.notes, "origin": self.origin, "path": str(self.path)}


def read_rule(path: Path, origin: str = "shipped") -> Rule:
    """A rule's metadata and LaTeX, without parsing the mathematics."""
    from eq2code.base.files import FileProblem, read_text

    try:
        text = read_text(path, "rule file", newlines=True)
    except FileProblem as e:
        raise RuleError(f"cannot read rule file {path}: {e}") from None
    body, meta = strip_comments(text)
    blocks = [" ".join(b.text.split()) for b in split_blocks(body)]
    name = meta.get("name") or path.stem
    aliases = tuple(a.strip() for a in meta.get("aliases", "").split(",") if a.strip())
    return Rule(name=name, path=path, title=meta.get("title", ""), title_ja=meta.get("title_ja", ""),
                aliases=aliases, params=param_aliases(meta.get("params", "")),
                block=meta.get("block", ""), notes=meta.get("notes", ""),
                latex=blocks[0] if blocks else "", context=tuple(blocks[1:]), metadata=dict(meta),
                origin=origin)


def shipped_dir() -> Path:
    """The folder of the package `eq2code.rules` (its path, as `importlib.resources` gave it for
    a package on disk; importing that and zipfile cost a check ~5 ms)."""
    package = importlib.import_module(SHIPPED_PACKAGE)
    return Path(next(iter(package.__path__)))


def _rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.tex") if p.is_file())


_READ: dict[tuple, Rule] = {}  # (path, origin, mtime, size) → the rule read from that file


def _read_once(path: Path, origin: str) -> Rule:
    """`read_rule`, once per version of the file in this process (a batch or the language
    server looks a rule up for every pair; docs/performance.md)."""
    try:
        info = path.stat()
    except OSError:
        return read_rule(path, origin)  # says what is wrong
    key = (str(path), origin, info.st_mtime_ns, info.st_size)
    rule = _READ.get(key)
    if rule is None:
        rule = _READ[key] = read_rule(path, origin)
    return replace(rule, aliases=tuple(rule.aliases), params=dict(rule.params), context=tuple(rule.context),
                   metadata=dict(rule.metadata))


def load_rules(extra_dirs: Iterable[str | Path] = ()) -> dict[str, Rule]:
    """Every rule by name: the shipped ones, then each --rules-dir (later ones override)."""
    rules: dict[str, Rule] = {}
    for path in _rule_files(shipped_dir()):
        rule = _read_once(path, "shipped")
        rules[rule.name] = rule
    for d in extra_dirs:
        directory = Path(d)
        if not directory.is_dir():
            raise RuleError(f"rules directory not found: {d}")
        for path in _rule_files(directory):
            rule = _read_once(path, "project")
            rules[rule.name] = rule
    return rules


def list_rules(extra_dirs: Iterable[str | Path] = ()) -> list[Rule]:
    return sorted(load_rules(extra_dirs).values(), key=lambda r: r.name)


def find_rule(name: str, extra_dirs: Iterable[str | Path] = ()) -> Rule:
    """The rule called NAME (a project rule wins over a shipped one). Raises RuleError."""
    dirs = list(extra_dirs)
    if not dirs and re.fullmatch(r"[A-Za-z0-9_-]+", name):  # a shipped rule is named as its file
        path = shipped_dir() / f"{name}.tex"
        if path.is_file():
            rule = _read_once(path, "shipped")
            if rule.name == name:
                return rule
    rules = load_rules(dirs)
    if name in rules:
        return rules[name]
    wanted = _norm(name)
    for rule in rules.values():  # softmax_temperature, SoftmaxTemperature → softmax-temperature
        if _norm(rule.name) == wanted:
            return rule
    import difflib

    close = difflib.get_close_matches(name, sorted(rules), n=3, cutoff=0.75)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; known rules: {', '.join(sorted(rules))}"
    raise RuleError(f"unknown rule {name!r}{hint} (eq2code rules lists them)")


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


# -- `eq2code rules` ---------------------------------------------------------------------------

def describe(rule: Rule, eq_file=None, error: str = "") -> dict:
    """A rule for `eq2code rules --format json`: its metadata, and — from its parsed
    equation file — the inputs, the output shape and whether it is checkable yet."""
    doc = rule.to_dict()
    doc.update({"inputs": [], "output": None, "checkable": False, "reason": error or None})
    if eq_file is None:
        return doc
    main = eq_file.main
    errors = [d for d in eq_file.diagnostics if d.name != "not-checkable"]
    if main is None or errors:
        reasons = [f"{d.name}: {_why(d.params)}".rstrip(": ") for d in errors]
        reasons += [e.reason for e in eq_file.equations if e.reason and e.kind not in ("declaration", "annotation")
                    and (main is None or e is not main)]
        doc["reason"] = "; ".join(dict.fromkeys(r for r in reasons if r)) or "the file defines no value to compute"
    if main is not None and " ".join(main.latex.split()) not in rule.latex:
        # the rule's own equation (its first block) is not checkable and eq2code would fall
        # back to an auxiliary definition: say so rather than list that one's inputs
        first = next((e for e in eq_file.equations if " ".join(e.latex.split()) in rule.latex and e.reason), None)
        doc["reason"] = (first.reason if first else doc["reason"]) or "the rule's equation is not checkable"
        return doc
    if main is not None:
        doc["checkable"] = not errors
        doc["equation"] = " ".join(main.latex.split())
        doc["output"] = list(main.output_shape)
        doc["inputs"] = [_input_doc(s, rule) for s in main.inputs]
    return doc


def _why(params: dict) -> str:
    from eq2code.equation.lowering import english

    return english(params.get("detail") or params.get("reason") or params.get("notation") or "")


def _input_doc(spec, rule: Rule) -> dict:
    keys = {symbol_key(spec.name), symbol_key(spec.sympy_name), symbol_key(spec.latex)}
    aliases = [a for k, v in rule.params.items() if symbol_key(k) in keys for a in v]
    return {"name": spec.name, "latex": spec.latex, "role": spec.role, "shape": list(spec.shape),
            "space": spec.space.kind, "space_latex": spec.space.describe(), "aliases": aliases}


def render_rules(docs: list[dict], fmt: str, version: str) -> str:
    if fmt == "json":
        import json

        return json.dumps({"version": 1, "tool": {"name": "eq2code", "version": version}, "rules": docs},
                          ensure_ascii=False, indent=2)
    lines = []
    for d in docs:
        head = f"{d['name']}  {d['title']}" + (f" / {d['title_ja']}" if d["title_ja"] else "")
        if d["block"]:
            head += f"  [block {d['block']}]"
        if d["origin"] != "shipped":
            head += f"  ({d['origin']})"
        lines.append(head)
        lines.append(f"    {d['latex']}")
        if d["inputs"]:
            parts = []
            for i in d["inputs"]:
                if i["role"] == "size":
                    continue
                shape = "×".join(str(s) for s in i["shape"]) or "scalar"
                parts.append(f"{i['name']} ({shape}, {i['space_latex']})")
            lines.append("    inputs: " + "; ".join(parts))
        if not d["checkable"]:
            lines.append(f"    not checkable yet: {d['reason']}")
        lines.append(f"    {d['path']}")
        lines.append("")
    return "\n".join(lines).rstrip()

"""Documentation of every finding, in English and Japanese (`eq2code docs NAME_OR_CODE`).

Each finding has: what it means, why it matters, an example, and the fix — one page per
finding, as ruff documents its rules (`scripts/gen_finding_docs.py` writes them to
`docs/findings/`). The example is a file from the repository's `examples/` folder whose
`# eq2code-example: … findings=NAME` (or `mistake=NAME`) header shows the finding, when that
folder is available; otherwise the short snippet kept here.

The texts live with each finding in `findings/definitions/` (what, why, fix, snippet); this
module looks them up, finds gallery examples and renders pages.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from eq2code.findings.model import KINDS, Kind, kind
from eq2code.findings.registry import Docs, definitions

# The documentation lives with each finding (findings/definitions/); built from the registry.
Doc = Docs

# Inline examples (language-neutral code; "✗" marks the mistake, "✓" the fix).
SNIPPETS: dict[str, str] = {d.name: d.snippet for d in definitions() if d.snippet}
EN: dict[str, Doc] = {d.name: d.docs_en for d in definitions()}
JA: dict[str, Doc] = {d.name: d.docs_ja for d in definitions()}
CATALOGUES = {"en": EN, "ja": JA}

# The words around a finding's page in one language ("from" is a keyword, hence the call form).
Headings = TypedDict("Headings", {"what": str, "why": str, "example": str, "fix": str,
                                  "severity": dict[str, str], "group": str, "from": str})

HEADINGS: dict[str, Headings] = {
    "en": {"what": "What it means", "why": "Why it matters", "example": "Example", "fix": "How to fix it",
           "severity": {"error": "error", "warning": "warning", "info": "info", "hint": "hint"},
           "group": "group", "from": "from {path}"},
    "ja": {"what": "意味", "why": "なぜ問題か", "example": "例", "fix": "修正方法",
           "severity": {"error": "エラー", "warning": "警告", "info": "情報", "hint": "ヒント"},
           "group": "分類", "from": "{path} より"},
}

EXAMPLE_HEADER = re.compile(r"^#\s*eq2code-example:\s*(.*?)\s*$")


def lookup(name_or_code: str) -> Kind | None:
    """The finding kind for a name or code (case-insensitive; "EQ301", "wrong-reduction-axis")."""
    k = kind(name_or_code)
    if k is None:
        k = kind(name_or_code.strip().lower().replace("_", "-"))
    return k


def close_matches(name_or_code: str, n: int = 5) -> list[str]:
    """Finding names (and codes) that look like what was asked for."""
    key = name_or_code.strip().lower().replace("_", "-")
    names = list(KINDS)
    found = difflib.get_close_matches(key, names, n=n, cutoff=0.6)
    found += [k for k in names if key and (key in k or k in key) and k not in found]
    codes = {k.code.lower(): k.name for k in KINDS.values()}
    found += [codes[c] for c in difflib.get_close_matches(key, list(codes), n=2, cutoff=0.8) if codes[c] not in found]
    return found[:n]


def doc(name: str, lang: str = "en") -> Doc:
    """The documentation of a finding; a name without an entry gets one built from its messages."""
    catalogue = CATALOGUES.get(lang, EN)
    found = catalogue.get(name) or EN.get(name)
    if found is not None:
        return found
    from eq2code.findings.messages import entry

    e = entry(name, lang)
    return Doc(e.title, "", e.help)


@dataclass
class Example:
    path: str  # shown path (relative to the repository when possible)
    code: str  # the file without its eq2code-example header
    note: str = ""


def examples_dirs() -> list[Path]:
    """Where the examples folder may be: the repository around the package, or the working directory."""
    here = Path(__file__).resolve()
    candidates = [here.parents[3] / "examples", Path.cwd() / "examples"]
    out = []
    for c in candidates:
        if c.is_dir() and c not in out:
            out.append(c)
    return out


def find_example(name: str, directories: list[Path] | None = None) -> Example | None:
    """A file in examples/ whose header names the finding (mistake= first, then findings=)."""
    best: tuple[int, Path, dict] | None = None
    for directory in examples_dirs() if directories is None else directories:
        for path in sorted(directory.rglob("*.py")):
            meta = example_header(path)
            if not meta:
                continue
            findings = [f.strip() for f in meta.get("findings", "").split(",") if f.strip()]
            mistakes = [f.strip() for f in meta.get("mistake", "").split(",") if f.strip()]
            rank = 0 if name in mistakes else 1 if name in findings else None
            if rank is None:
                continue
            # prefer a file that names only this finding, then the shortest
            rank = rank * 2 + (len(set(findings + mistakes)) > 1)
            if best is None or rank < best[0]:
                best = (rank, path, meta)
        if best is not None:
            break
    if best is None:
        return None
    _, path, meta = best
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    body = [line for line in lines if not EXAMPLE_HEADER.match(line)]
    while body and not body[0].strip():
        body.pop(0)
    shown = path
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        try:
            shown = path.resolve().relative_to(base.resolve())
            break
        except ValueError:
            continue
    return Example(str(shown), "\n".join(body).rstrip() + "\n", meta.get("note", ""))


def example_header(path: Path) -> dict[str, str]:
    """The `# eq2code-example: verdict=… findings=… mistake=…` header of an example file
    (`note=` runs to the end of its line); {} for a file without one."""
    meta: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as stream:
            for _ in range(10):
                line = stream.readline()
                m = EXAMPLE_HEADER.match(line)
                if not m:
                    if line.strip() and not line.startswith("#"):
                        break
                    continue
                text = m.group(1)
                if text.startswith("note="):
                    meta["note"] = text[5:]
                    continue
                for item in text.split():
                    key, _, value = item.partition("=")
                    meta[key] = value
    except (OSError, UnicodeDecodeError):
        return {}
    return meta


def page(name: str, lang: str = "en", use_examples: bool = True) -> dict:
    """Everything `eq2code docs` shows about a finding, as plain data."""
    k = KINDS[name]
    d = doc(name, lang)
    from eq2code.findings.messages import title

    example = find_example(name) if use_examples else None
    return {
        "name": k.name, "code": k.code, "severity": k.severity.label, "group": k.group,
        "title": title(name, lang), "what": d.what, "why": d.why, "fix": d.fix,
        "example": ({"path": example.path, "code": example.code, "note": example.note} if example is not None
                    else {"path": None, "code": SNIPPETS.get(name, ""), "note": d.caption}),
    }


def render_text(p: dict, lang: str = "en") -> str:
    h = HEADINGS.get(lang, HEADINGS["en"])
    severity = h["severity"].get(p["severity"], p["severity"])
    out = [f"{p['code']} {p['name']}: {p['title']} ({severity})", ""]
    for key in ("what", "why"):
        if p[key]:
            out += [h[key], _indent(p[key]), ""]
    ex = p["example"]
    if ex.get("code"):
        out.append(h["example"] + (f" ({h['from'].format(path=ex['path'])})" if ex.get("path") else ""))
        if ex.get("note"):
            out.append(_indent(ex["note"]))
        out += ["", _indent(ex["code"].rstrip(), 4), ""]
    out += [h["fix"], _indent(p["fix"])]
    return "\n".join(out)


def render_markdown(name: str, use_examples: bool = True) -> str:
    """The page docs/findings/<name>.md: English first, then Japanese."""
    en, ja = page(name, "en", use_examples), page(name, "ja", use_examples)
    out = [f"# {en['name']} ({en['code']})", "",
           f"**{en['title']}** · {en['severity']} · group: {en['group']}  ",
           f"日本語: **{ja['title']}**", ""]
    for p, lang in ((en, "en"), (ja, "ja")):
        h = HEADINGS[lang]
        if lang == "ja":
            out += ["---", "", "## 日本語", ""]
        level = "##" if lang == "en" else "###"
        for key in ("what", "why"):
            if p[key]:
                out += [f"{level} {h[key]}", "", p[key], ""]
        ex = p["example"]
        if ex.get("code") and lang == "ja":
            out += [f"{level} {h['example']}", "", "上の例を参照してください。", ""]
        elif ex.get("code"):
            source = f" (`{ex['path']}`)" if ex.get("path") else ""
            out += [f"{level} {h['example']}{source}", ""]
            if ex.get("note"):
                out += [ex["note"], ""]
            fence = "latex" if ex["code"].lstrip().startswith("%") else "python"
            out += [f"```{fence}", ex["code"].rstrip(), "```", ""]
        out += [f"{level} {h['fix']}", "", p["fix"], ""]
    out += ["---", "", f"See also: `eq2code docs {en['name']}` · `eq2code docs {en['code']} --lang ja`", ""]
    return "\n".join(out)


def _indent(text: str, n: int = 2) -> str:
    return "\n".join((" " * n + line) if line else "" for line in text.splitlines())

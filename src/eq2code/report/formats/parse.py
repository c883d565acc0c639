"""`eq2code parse`: what was understood of an equation file, as a symbol table (text) or as
JSON (spec §4: `equations` with kind, checkable, inputs, output and SymPy form; `diagnostics`).
"""

from __future__ import annotations

import json as _json
import re
import unicodedata
from typing import Any

from eq2code.base.version import __version__
from eq2code.equation.model import Equation, EquationFile, InputSpec
from eq2code.findings.messages import render_phrase
from eq2code.findings.model import Finding, Severity
from eq2code.findings.phrases import PHRASES, Phrase
from eq2code.report.formats import json as json_reporter
from eq2code.report.formats import text as text_reporter
from eq2code.report.model import Report


def shape_label(shape: tuple) -> str:
    if not shape:
        return "scalar"
    return "(" + ", ".join(str(d) for d in shape) + (",)" if len(shape) == 1 else ")")


def _findings(eq_file: EquationFile) -> list[Finding]:
    out = []
    for d in eq_file.diagnostics:
        f = Finding(d.name, eq_file.path, d.range, dict(d.params))
        if d.name == "not-checkable":
            f.severity = Severity.INFO
        out.append(f)
    return out


def _input_json(spec: InputSpec) -> dict[str, Any]:
    return {"name": spec.name, "latex": spec.latex, "role": spec.role, "shape": list(spec.shape),
            "space": spec.space.kind, "space_latex": spec.space.describe(), "inferred": spec.inferred,
            "one_based": spec.one_based}


def _detail(value: Any, lang: str) -> str:
    found = Phrase.of(value)
    return render_phrase(found, lang) if found is not None else str(value or "")


def _word(key: str, lang: str) -> str:
    return render_phrase(Phrase(key), lang)


def _symbol_json(role: dict, lang: str) -> dict[str, Any]:
    found = Phrase.of(role.get("detail"))
    return {"symbol": role.get("latex", ""), "name": role.get("name", ""), "role": role.get("role", ""),
            "detail": _detail(role.get("detail"), lang), "detail_key": found.phrase if found else None,
            "detail_params": {k: _detail(v, lang) if Phrase.of(v) else v for k, v in found.params.items()}
            if found else {}}


def _equation_json(eq: Equation, main: Equation | None, lang: str = "en", number: int = 0) -> dict[str, Any]:
    return {
        "number": number, "kind": eq.kind, "checkable": eq.checkable, "main": eq is main, "name": eq.name,
        "latex": eq.latex.strip(),
        "range": {"start": {"line": eq.range.start.line, "character": eq.range.start.character},
                  "end": {"line": eq.range.end.line, "character": eq.range.end.character}},
        "reason": _detail(eq.why or eq.reason, lang) or None,
        "inputs": [_input_json(s) for s in eq.inputs],
        "output": list(eq.output_shape) if eq.checkable else None,
        "sympy": eq.sympy_text[0] if eq.sympy_text else None,
        "sides": eq.sympy_text if len(eq.sympy_text) > 1 else None,
        "reading": eq.reading[0] if eq.reading else None,
        "symbols": [_symbol_json(dict(r), lang) for r in eq.symbols],
    }


def render_parse(eq_file: EquationFile, fmt: str, lang: str) -> tuple[str, int]:
    findings = _findings(eq_file)
    report = Report([], findings, lang)
    code = report.exit_code()
    main = eq_file.main
    if fmt == "json":
        doc = json_reporter.document(report)
        doc.pop("checks")
        doc = {"version": 1, "tool": {"name": "eq2code", "version": __version__}, "positionEncoding": "utf-16",
               "path": eq_file.path, "metadata": eq_file.metadata,
               "equations": [_equation_json(e, main, lang, k) for k, e in enumerate(eq_file.equations, 1)],
               "diagnostics": doc["diagnostics"], "summary": doc["summary"]}
        return _json.dumps(doc, ensure_ascii=False, indent=2), code
    lines = []
    for number, eq in enumerate(eq_file.equations, 1):
        lines.extend(_equation_text(eq_file.path, eq, eq is main, lang, number))
        lines.append("")
    if findings:
        lines.append(text_reporter.render(report))
    return "\n".join(lines).rstrip(), code


def _equation_text(path: str, eq: Equation, is_main: bool, lang: str = "en", number: int = 0) -> list[str]:
    where = f"{path}:{eq.range.start.line + 1}:{eq.range.start.character + 1}" + (f"  #{number}" if number else "")
    status = _word("parse-checkable", lang) if eq.checkable else render_phrase(
        Phrase("parse-not-checkable", {"reason": eq.why or eq.reason}), lang)
    kind = render_phrase(Phrase(f"kind-{eq.kind}"), lang) if f"kind-{eq.kind}" in PHRASES else eq.kind
    title = f"{where}  {kind}" + (f"  {eq.name}" if eq.name else "") + f"  ({status})"
    if is_main:
        title += f"  [{_word('parse-main', lang)}]"
    lines = [title, "    " + " ".join(eq.latex.split())]
    if not eq.checkable:
        return lines
    if eq.kind == "example" and eq.why:  # a worked example: what is checked of it
        lines.append("    " + _detail(eq.why, lang))
    if eq.reading:
        lines.append(f"    {_word('parse-reading', lang)}:")
        lines.extend("      " + line for line in eq.reading[0].splitlines())
    if eq.symbols:
        lines.extend(_symbols_text(eq, lang))
        shape = shape_label(eq.output_shape) if eq.output_shape else _word("scalar-shape", lang)
        lines.append(f"    {_word('parse-output', lang)}: {shape}")
        for k, side in enumerate(eq.sympy_text):
            label = "sympy" if k == 0 else f"side {k + 1}"
            lines.append(f"    {label}: {side}")
        return lines
    return lines + _inputs_text(eq, lang)


def _inputs_text(eq: Equation, lang: str) -> list[str]:
    """The inputs table of an equation that could not be described symbol by symbol."""
    lines = []
    inferred = _word("parse-inferred", lang)
    rows = [(s.latex, s.name, _word(f"role-{s.role}", lang) if f"role-{s.role}" in PHRASES else s.role,
             _shape_text(s.shape, lang), s.space.describe() + (inferred if s.inferred else "")) for s in eq.inputs]
    if rows:
        header = tuple(_word(f"parse-{w}", lang) for w in ("symbol", "code-name", "role", "shape", "space"))
        widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(5)]
        for r in [header, *rows]:
            lines.append("    " + "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths)).rstrip())
    lines.append(f"    {_word('parse-output', lang)}: {_shape_text(eq.output_shape, lang)}")
    for k, side in enumerate(eq.sympy_text):
        label = "sympy" if k == 0 else render_phrase(Phrase("parse-side", {"number": k + 1}), lang)
        lines.append(f"    {label}: {side}")
    return lines


def _shape_text(shape: tuple, lang: str) -> str:
    return shape_label(shape) if shape else _word("parse-scalar", lang)


def _symbols_text(eq: Equation, lang: str) -> list[str]:
    """The symbols table: symbol, code name, role, what the role says (shape and space, range, …)."""
    header = (_word("parse-symbol", lang), _word("parse-code-name", lang), _word("parse-role", lang), "")
    rows = [(unicode_math(r["latex"]), r["name"], _word(f"role-{r['role']}", lang),
             unicode_math(_detail(r["detail"], lang))) for r in eq.symbols]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(3)]
    out = [f"    {_word('parse-symbols', lang)}:"]
    for r in [header, *rows]:
        out.append("      " + "  ".join(c + " " * (w - _width(c)) for c, w in zip(r[:3], widths)) + "  " + r[3])
    return [line.rstrip() for line in out]


def _width(text: str) -> int:
    """Columns on a terminal: East Asian wide characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_GREEK = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
          "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
          "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ",
          "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Sigma": "Σ",
          "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "nabla": "∇", "partial": "∂", "times": "×",
          "ldots": "…", "dots": "…", "cdots": "⋯", "geq": "≥", "leq": "≤", "infty": "∞", "top": "ᵀ"}
_ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "tilde": "\u0303", "widetilde": "\u0303", "bar": "\u0304",
            "overline": "\u0304", "dot": "\u0307", "vec": "\u20d7"}
_FONT = re.compile(r"\\(mathbf|boldsymbol|bm|mathrm|mathit|text|textrm|operatorname|mathsf)\s*\{([^{}]*)\}")
_ACCENT = re.compile(r"\\(" + "|".join(_ACCENTS) + r")\s*\{([^{}]*)\}")
_BB = re.compile(r"\\mathbb\s*\{([RNZ])\}")
_CAL = re.compile(r"\\mathcal\s*\{([^{}]*)\}")
_WORD = re.compile(r"\\([A-Za-z]+)")
_SINGLE = re.compile(r"([_^])\{([^{}\s])\}")


def _accented(m: re.Match) -> str:
    """\\hat{y} → ŷ, \\hat{\\Sigma} and \\hat{Sigma} → Σ̂; longer contents stay as written."""
    content = m.group(2).strip()
    content = _GREEK.get(content.lstrip("\\"), content)
    return content + _ACCENTS[m.group(1)] if len(content) == 1 else m.group(0)


def unicode_math(text: str) -> str:
    """A little LaTeX as Unicode for the table: ℝ^{n × d}, ŷ, θ, 𝐳 as z; the rest stays as written."""
    for _ in range(3):  # nested: \hat{\mathbf{y}}
        text = _FONT.sub(lambda m: m.group(2), text)
        text = _ACCENT.sub(_accented, text)
    text = _BB.sub(lambda m: {"R": "ℝ", "N": "ℕ", "Z": "ℤ"}[m.group(1)], text)
    text = _CAL.sub(lambda m: m.group(1), text)
    text = _WORD.sub(lambda m: _GREEK.get(m.group(1), m.group(0)), text)
    text = _SINGLE.sub(lambda m: m.group(1) + m.group(2), text)
    return unicodedata.normalize("NFC", text.replace("\\,", " ").replace("\\{", "{").replace("\\}", "}"))

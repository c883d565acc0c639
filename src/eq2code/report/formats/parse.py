"""`eq2code parse`: what was understood of an equation file, as a symbol table (text) or as
JSON (spec §4: `equations` with kind, checkable, inputs, output and SymPy form; `diagnostics`).
"""

from __future__ import annotations

import json as _json
from typing import Any

from eq2code.base.version import __version__
from eq2code.equation.model import Equation, EquationFile, InputSpec
from eq2code.findings.model import Finding, Severity
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


def _equation_json(eq: Equation, main: Equation | None) -> dict[str, Any]:
    return {
        "kind": eq.kind, "checkable": eq.checkable, "main": eq is main, "name": eq.name, "latex": eq.latex.strip(),
        "range": {"start": {"line": eq.range.start.line, "character": eq.range.start.character},
                  "end": {"line": eq.range.end.line, "character": eq.range.end.character}},
        "reason": eq.reason or None,
        "inputs": [_input_json(s) for s in eq.inputs],
        "output": list(eq.output_shape) if eq.checkable else None,
        "sympy": eq.sympy_text[0] if eq.sympy_text else None,
        "sides": eq.sympy_text if len(eq.sympy_text) > 1 else None,
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
               "equations": [_equation_json(e, main) for e in eq_file.equations],
               "diagnostics": doc["diagnostics"], "summary": doc["summary"]}
        return _json.dumps(doc, ensure_ascii=False, indent=2), code
    lines = []
    for eq in eq_file.equations:
        lines.extend(_equation_text(eq_file.path, eq, eq is main))
        lines.append("")
    if findings:
        lines.append(text_reporter.render(report))
    return "\n".join(lines).rstrip(), code


def _equation_text(path: str, eq: Equation, is_main: bool) -> list[str]:
    where = f"{path}:{eq.range.start.line + 1}:{eq.range.start.character + 1}"
    status = "checkable" if eq.checkable else f"not checkable: {eq.reason}" if eq.reason else "not checkable"
    title = f"{where}  {eq.kind}" + (f"  {eq.name}" if eq.name else "") + f"  ({status})"
    if is_main:
        title += "  [main]"
    lines = [title, "    " + " ".join(eq.latex.split())]
    if not eq.checkable:
        return lines
    rows = [(s.latex, s.name, s.role, shape_label(s.shape), s.space.describe() + (" (inferred)" if s.inferred else ""))
            for s in eq.inputs]
    if rows:
        widths = [max(len(r[i]) for r in rows + [("symbol", "code name", "role", "shape", "space")]) for i in range(5)]
        header = ("symbol", "code name", "role", "shape", "space")
        lines.append("    " + "  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip())
        for r in rows:
            lines.append("    " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    lines.append(f"    output: {shape_label(eq.output_shape)}")
    for k, side in enumerate(eq.sympy_text):
        label = "sympy" if k == 0 else f"side {k + 1}"
        lines.append(f"    {label}: {side}")
    return lines

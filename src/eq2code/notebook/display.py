"""What `%%eq2code` shows: the equation (the notebook's own math display, `$$ … $$` in a
Markdown output), then the verdict and the findings with the cell's code, the offending
line highlighted — as HTML, with a plain-text fallback for front ends without HTML.
"""

from __future__ import annotations

import html
import os
from typing import Any

_STYLE = {"pass": ("#1b5e20", "#e8f5e9"), "fail": ("#b71c1c", "#ffebee"), "error": ("#e65100", "#fff3e0")}
_WORDS = {
    "en": {"verdict": "eq2code: {verdict}", "against": "checked against {where}", "line": "cell line {line}",
           "help": "help", "earlier": "in code from an earlier cell", "pass": "pass", "fail": "fail",
           "error": "error", "docs": "more: eq2code docs {name}", "function": "function {function}"},
    "ja": {"verdict": "eq2code: {verdict}", "against": "{where} と照合", "line": "セルの {line} 行目",
           "help": "修正方法", "earlier": "前のセルのコード", "pass": "合格", "fail": "不合格",
           "error": "エラー", "docs": "詳しく: eq2code docs {name} --lang ja", "function": "関数 {function}"},
}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


class Message:
    """A one-line message (a usage problem of the magic)."""

    def __init__(self, text: str, kind: str = "error") -> None:
        self.text, self.kind = text, kind

    def _repr_html_(self) -> str:
        fg, bg = _STYLE.get(self.kind, _STYLE["error"])
        return f'<div class="eq2code-message" style="color:{fg};background:{bg};padding:4px 8px">{_e(self.text)}</div>'

    def __repr__(self) -> str:
        return self.text


class EquationDisplay:
    """The equation, for the notebook's math renderer (Markdown with `$$ … $$`)."""

    def __init__(self, latex: str, where: str) -> None:
        self.latex, self.where = latex, where

    def _repr_markdown_(self) -> str:
        return f"$$\n{self.latex}\n$$"

    def _repr_latex_(self) -> str:
        return f"$$\n{self.latex}\n$$"

    def __repr__(self) -> str:
        return self.latex


class Outcome:
    """One `%%eq2code` check: the report of the engine and the cell it was about."""

    def __init__(self, report: Any, impl: str, cell_lines: list[str], equation: str, where: str, lang: str):
        self.report = report
        self.impl = os.path.normcase(os.path.abspath(impl))
        self.cell_lines = cell_lines  # line 0: the %%eq2code line (shown as the magic)
        self.equation = equation
        self.where = where
        self.lang = lang if lang in _WORDS else "en"
        self.check = report.checks[0] if report.checks else None
        self.verdict = self.check.verdict if self.check else "error"
        self.findings = report.sorted_findings()

    # what tests and users read
    @property
    def passed(self) -> bool:
        return self.verdict == "pass"

    def cell_line(self, finding: Any) -> int | None:
        """The 1-based line of the cell a finding points at (None: not in the cell)."""
        if os.path.normcase(os.path.abspath(finding.path)) != self.impl:
            return None
        line = finding.range.start.line
        return line + 1 if 0 < line < len(self.cell_lines) else None

    def show(self) -> None:
        from IPython.display import display

        display(EquationDisplay(self.equation, self.where))
        display(self)

    # ------------------------------------------------------------------ text
    def __repr__(self) -> str:
        from eq2code.findings.messages import render_help, render_message

        w = _WORDS[self.lang]
        out = [w["verdict"].format(verdict=w[self.verdict]) + "  (" + w["against"].format(where=self.where) + ")"]
        for f in self.findings:
            line = self.cell_line(f)
            where = w["line"].format(line=line) if line else w["earlier"] if f.path else ""
            out.append(f"{f.code} [{f.effective_severity.label}] {f.name}: {render_message(f, self.lang)}"
                       + (f"  ({where})" if where else ""))
            if line:
                text = self.cell_lines[line - 1]
                rng = f.range
                start = min(rng.start.character, len(text))
                end = rng.end.character if rng.end.line == rng.start.line else len(text)
                out.append(f"  {line:>3} | {text}")
                out.append(f"      | {' ' * start}{'^' * max(1, min(end, len(text)) - start)}")
            help_text = render_help(f, self.lang)
            if help_text:
                out.append(f"  = {w['help']}: {help_text}")
        return "\n".join(out)

    # ------------------------------------------------------------------ HTML
    def _repr_html_(self) -> str:
        from eq2code.findings.messages import render_help, render_message, title

        w = _WORDS[self.lang]
        fg, bg = _STYLE.get(self.verdict, _STYLE["error"])
        function = self.check.function if self.check and self.check.function else None
        parts = [f'<div class="eq2code-result" data-verdict="{self.verdict}" '
                 f'style="border-left:4px solid {fg};padding:6px 10px;margin:4px 0;font-family:sans-serif">',
                 f'<div style="font-weight:bold;color:{fg};background:{bg};padding:2px 6px;display:inline-block">'
                 f'{_e(w["verdict"].format(verdict=w[self.verdict]))}</div> '
                 f'<span style="color:#555">{_e(w["against"].format(where=self.where))}'
                 f'{" · " + _e(w["function"].format(function=function)) if function else ""}</span>']
        hits: dict[int, Any] = {}
        for f in self.findings:
            line = self.cell_line(f)
            sev = f.effective_severity.label
            color = "#b71c1c" if sev == "error" else "#e65100" if sev == "warning" else "#0d47a1"
            where = w["line"].format(line=line) if line else w["earlier"]
            parts.append(f'<div class="eq2code-finding" data-name="{_e(f.name)}" data-line="{line or ""}" '
                         f'style="margin-top:6px"><b style="color:{color}">{_e(f.code)} {_e(f.name)}</b> '
                         f'<span title="{_e(title(f.name, self.lang))}">{_e(render_message(f, self.lang))}</span> '
                         f'<span style="color:#555">({_e(where)})</span>')
            help_text = render_help(f, self.lang)
            if help_text:
                parts.append(f'<div style="color:#333"><i>{_e(w["help"])}</i>: {_e(help_text)} '
                             f'<span style="color:#777">— {_e(w["docs"].format(name=f.name))}</span></div>')
            parts.append("</div>")
            if line and line not in hits:
                hits[line] = (f, color)
        parts.append(self._code(hits))
        parts.append("</div>")
        return "".join(parts)

    def _code(self, hits: dict[int, Any]) -> str:
        rows = []
        for n, text in enumerate(self.cell_lines[1:], start=2):
            hit = hits.get(n)
            shown = _e(text) if text else "&nbsp;"
            style = ""
            cls = "eq2code-line"
            if hit is not None:
                f, color = hit
                rng = f.range
                start = min(rng.start.character, len(text))
                end = rng.end.character if rng.end.line == rng.start.line else len(text)
                end = max(start + 1, min(end, len(text)))
                shown = (_e(text[:start]) + f'<span style="text-decoration:underline wavy {color}">'
                         f'{_e(text[start:end])}</span>' + _e(text[end:]))
                style = "background:#fff0f0;"
                cls += " eq2code-hit"
            rows.append(f'<tr class="{cls}" data-line="{n}" style="{style}"><td style="color:#999;text-align:right;'
                        f'padding-right:8px;user-select:none">{n}</td><td style="text-align:left;white-space:pre;'
                        f'font-family:monospace">{shown}</td></tr>')
        return ('<table class="eq2code-cell" style="border-collapse:collapse;margin-top:8px;font-size:90%">'
                + "".join(rows) + "</table>")

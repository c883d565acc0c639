"""Reporters: turn a Report into text for people or JSON for tools. `render` picks one by name."""

from __future__ import annotations

from collections.abc import Callable

from eq2code.report.formats import concise, csv, github, html, json, sarif, text
from eq2code.report.model import Report

REPORTERS: dict[str, Callable[..., str]] = {"text": text.render, "json": json.render, "sarif": sarif.render,
                                            "github": github.render, "concise": concise.render,
                                            "html": html.render, "csv": csv.render}
# -o FILE: a CSV file gets a byte order mark, so that spreadsheet programs read its UTF-8 (Japanese names)
FILE_ENCODING = {"csv": "utf-8-sig"}


def render(report: Report, fmt: str = "text", *, color: bool = False) -> str:
    """Render `report` in format `fmt` ("text" or "json"); ValueError for an unknown format."""
    try:
        reporter = REPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(REPORTERS)}") from None
    return reporter(report, color=color)

"""Reporters: turn a Report into text for people or JSON for tools. `render` picks one by name."""

from __future__ import annotations

from collections.abc import Callable

from eq2code.report.formats import concise, github, json, sarif, text
from eq2code.report.model import Report

REPORTERS: dict[str, Callable[..., str]] = {"text": text.render, "json": json.render, "sarif": sarif.render,
                                            "github": github.render, "concise": concise.render}


def render(report: Report, fmt: str = "text", *, color: bool = False) -> str:
    """Render `report` in format `fmt` ("text" or "json"); ValueError for an unknown format."""
    try:
        reporter = REPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(REPORTERS)}") from None
    return reporter(report, color=color)

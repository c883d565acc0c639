"""Reporters: turn a Report into text for people or JSON for tools. `render` picks one by name.

Each format's module is imported when that format is used (a check prints one format; the
HTML and SARIF writers need not be imported for it, docs/performance.md)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eq2code.report.model import Report


def _reporter(module: str) -> Callable[..., str]:
    """The `render` of `eq2code.report.formats.<module>`, imported on the first call."""
    def reporter(report: Report, **options) -> str:
        return importlib.import_module(f"{__name__}.{module}").render(report, **options)

    reporter.__name__ = f"render_{module}"
    return reporter


REPORTERS: dict[str, Callable[..., str]] = {name: _reporter(name) for name in
                                            ("text", "json", "sarif", "github", "concise", "html", "csv")}
# -o FILE: a CSV file gets a byte order mark, so that spreadsheet programs read its UTF-8 (Japanese names)
FILE_ENCODING = {"csv": "utf-8-sig"}


def render(report: Report, fmt: str = "text", *, color: bool = False) -> str:
    """Render `report` in format `fmt` ("text" or "json"); ValueError for an unknown format."""
    try:
        reporter = REPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(REPORTERS)}") from None
    return reporter(report, color=color)

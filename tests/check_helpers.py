"""Helpers for end-to-end check tests: one equation and one implementation through the CLI."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from eq2code.cli.main import main


def check_verdict(tmp_path: Path, latex: str, code: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, int]:
    """The verdict and exit code of `eq2code check` on a display block and a Python file."""
    tex, py = tmp_path / "eq.tex", tmp_path / "impl.py"
    tex.write_text(f"$$\n{latex}\n$$\n", encoding="utf-8")
    py.write_text(code, encoding="utf-8")
    rc = main(["check", str(tex), str(py), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    return doc["checks"][0]["verdict"], rc


def passes_and_wrongs_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str], latex: str, right: str,
                           wrongs: Sequence[str]) -> None:
    """The right implementation passes (exit 0); each wrong one fails (exit non-zero)."""
    verdict, rc = check_verdict(tmp_path, latex, right, capsys)
    assert (verdict, rc) == ("pass", 0)
    for wrong in wrongs:
        verdict, rc = check_verdict(tmp_path, latex, wrong, capsys)
        assert verdict == "fail" and rc != 0

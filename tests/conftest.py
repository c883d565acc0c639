"""Shared test helpers: paths, a private cache directory, and running the CLI in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LECTURE = ROOT / "tests" / "data" / "lecture-equations.tex"  # a copy of shared/lecture-equations.tex


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's cache."""
    monkeypatch.setenv("EQ2CODE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "eq2code-cache"))
    monkeypatch.setenv("EQ2CODE_NO_SERVER", "1")  # a check server the developer runs serves no test


@pytest.fixture
def run_cli(capsys):
    """Run `eq2code ARGS…` in-process; returns (exit code, stdout, stderr)."""
    from eq2code.cli.main import main

    def run(*args: str):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def run_json(run_cli):
    def run(*args: str):
        code, out, _err = run_cli(*args, "--format", "json")
        return code, json.loads(out)

    return run


def lecture_blocks() -> dict[int, str]:
    import re

    text = LECTURE.read_text(encoding="utf-8")
    parts = re.split(r"^% block (\d+)\n", text, flags=re.M)
    return {int(parts[i]): parts[i + 1].strip() for i in range(1, len(parts), 2)}

"""`eq2code lsp` in a real editor (issue 17): Neovim's built-in LSP client, headless, runs
tests/editors/nvim_lsp_e2e.lua — open a wrong exercise, wait for the diagnostic on the faulty
line, apply the quick fix the server offers (a suppression comment: no finding has a safe
fix yet), save, and see the diagnostic cleared. Skipped where `nvim` is not installed
(.ci/run installs it with apt-get when it runs as root).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent / "editors" / "nvim_lsp_e2e.lua"
WRONG = """import numpy as np


# eq2code: rule=softmax
def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    s = np.mean(e, axis=-1, keepdims=True)
    return e / s
"""


@pytest.mark.skipif(shutil.which("nvim") is None,
                    reason="Neovim is not installed (apt-get install neovim; .ci/run does it as root)")
def test_neovim_quick_fix_clears_the_diagnostic(tmp_path):
    exercise = tmp_path / "exercise.py"
    exercise.write_text(WRONG, encoding="utf-8")
    result = tmp_path / "result.json"
    env = {**os.environ, "EQ2CODE_FILE": str(exercise), "EQ2CODE_RESULT": str(result),
           "EQ2CODE_CMD": json.dumps([sys.executable, "-m", "eq2code", "lsp"]), "LANG": "C.UTF-8"}
    proc = subprocess.run(["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", f"+luafile {SCRIPT}"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.is_file(), proc.stderr[-2000:]
    doc = json.loads(result.read_text(encoding="utf-8"))
    assert "error" not in doc, doc
    steps = {s["name"]: s for s in doc["steps"]}
    version = "{major}.{minor}.{patch}".format(**doc["version"])
    seen = steps["diagnostics"]
    assert seen["ok"], doc
    (diagnostic,) = seen["items"]
    line = WRONG.split("\n").index("    s = np.mean(e, axis=-1, keepdims=True)")
    assert (diagnostic["lnum"], diagnostic["code"]) == (line, "EQ307")  # sum-vs-mean, on the faulty line
    assert "eq2code: ignore sum-vs-mean on this line" in steps["code actions"]["titles"]
    fixed = steps["after the fix"]
    assert fixed["ok"] and fixed["left"] == 0, doc
    assert exercise.read_text(encoding="utf-8").split("\n")[line].endswith("# eq2code: ignore[sum-vs-mean]")
    print(f"\nNeovim {version} ({doc['api']}): first diagnostic {seen['seconds']:.2f} s after opening "
          f"(server start included); cleared {fixed['seconds']:.2f} s after the quick fix and :write")

"""What a check's start costs (docs/performance.md): the zygote's process is started before the
command line imports anything heavy, the standard library's slow imports (OpenSSL's among them)
stay off a check's way, and a single check's run directory is gone when the command has ended."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sandbox_helpers import needs_strict

ROOT = Path(__file__).resolve().parent.parent
IMPL = ROOT / "examples" / "softmax" / "correct_stable_max.py"


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the zygote is Linux's")
def test_the_zygote_starts_before_the_command_line_imports_anything_heavy():
    loaded = _modules_after("from eq2code.cli.head_start import early_zygote\n"
                            "from eq2code.code.sandbox import spawn\n"
                            "spawn.start_zygote()")
    loaded -= _modules_after("pass")  # what the interpreter loads anyway (an editable install's finder)
    heavy = {"typing", "pathlib", "argparse", "json", "threading", "numpy", "dataclasses"}
    assert not loaded & heavy, loaded & heavy


def test_a_check_does_not_import_shutil_or_subprocess():
    """argparse's help layout would import shutil (with zlib, bz2, lzma) on every check."""
    loaded = _modules_after("import os, sys\n"
                            "os.environ['EQ2CODE_NO_CACHE'] = '1'\n"
                            "from eq2code.cli.main import main\n"
                            f"main(['check', '--no-exec', '--rule', 'softmax', {str(IMPL)!r}])")
    assert "subprocess" not in loaded
    assert "shutil" not in loaded


def test_a_warm_check_does_not_load_openssl(tmp_path):
    """hashlib and hmac load OpenSSL (3–4 ms): cache keys and signatures use the built-in BLAKE2b
    (base/digest.py, D37); only a report that shows fingerprints imports hashlib."""
    check = ("import os, sys\n"
             f"os.environ['EQ2CODE_CACHE_DIR'] = {str(tmp_path)!r}\n"
             "from eq2code.cli.main import main\n"
             f"main(['check', '--rule', 'softmax', {str(IMPL)!r}])")
    _modules_after(check)  # the cache made
    loaded = _modules_after(check)
    assert not loaded & {"hashlib", "hmac", "_hashlib"}, loaded & {"hashlib", "hmac", "_hashlib"}


@needs_strict("the zygote deletes the run directory")
def test_a_single_check_leaves_no_run_directory(tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))
    command = [sys.executable, "-m", "eq2code", "check", "--rule", "softmax", str(IMPL)]
    assert subprocess.run(command, env=env, capture_output=True).returncode == 0
    deadline = time.monotonic() + 10
    while any(tmp_path.glob("eq2code-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the zygote deletes it once the command has ended
    assert not any(tmp_path.glob("eq2code-*"))

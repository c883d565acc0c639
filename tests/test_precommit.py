"""The pre-commit hook, for real: a course repository uses this repository's
`.pre-commit-hooks.yaml` through pre-commit, which clones it at a commit and pip-installs it
into its own environment (from PyPI: numpy, sympy, lark, libcst).

pre-commit installs a hook repository from a git revision, so the test snapshots the current
working tree into a temporary git repository and points the course's
`.pre-commit-config.yaml` at that commit. The course repository then sees the hook fail on a
wrong exercise, pass after the fix, and — when only the equation file changes — fail again,
because eq2code finds the implementation that uses the changed equation.

Slow (one environment install, about a minute the first time); needs git and pre-commit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

EQUATION = r"""% Softmax over a vector of logits.
\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(z_i)}{\sum_{j=1}^{K}\exp(z_j)}

\mathbf{z} \in \mathbb{R}^{K}
"""

# The same formula with the sum running over the squares: the committed, correct code no
# longer matches it.
EQUATION_CHANGED = r"""% Softmax over a vector of logits (changed).
\mathrm{softmax}(\mathbf{z})_i = \frac{\exp(2 z_i)}{\sum_{j=1}^{K}\exp(2 z_j)}

\mathbf{z} \in \mathbb{R}^{K}
"""

# Divides by the sum of the logits instead of the sum of their exponentials.
WRONG = """import numpy as np


# eq2code: eq=equation.tex
def softmax(z):
    return np.exp(z) / np.sum(z)
"""

RIGHT = """import numpy as np


# eq2code: eq=equation.tex
def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
"""

OTHER = """def helper(x):
    return x
"""

IGNORE = shutil.ignore_patterns(".git", ".venv", "venv", "*.egg-info", "__pycache__", ".pytest_cache",
                                ".hypothesis", "build", "dist", ".mypy_cache", ".ruff_cache")


def git(cwd: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def pre_commit(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900)


@pytest.fixture
def env(tmp_path):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    e.update({
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "eq2code test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "eq2code test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
        "EQ2CODE_CACHE_DIR": str(tmp_path / "eq2code-cache"),
        "NO_COLOR": "1",
    })
    (tmp_path / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    return e


def snapshot_of_this_repository(tmp_path: Path, env: dict[str, str]) -> tuple[Path, str]:
    """The working tree as it is now, committed in a new repository: pre-commit needs a rev."""
    hook_repo = tmp_path / "eq2code-hook"
    shutil.copytree(ROOT, hook_repo, ignore=IGNORE)
    git(hook_repo, "init", "-q", env=env)
    git(hook_repo, "add", "-A", env=env)
    git(hook_repo, "commit", "-q", "--no-verify", "-m", "snapshot for the pre-commit test", env=env)
    return hook_repo, git(hook_repo, "rev-parse", "HEAD", env=env)


def test_pre_commit_hook_fails_on_a_wrong_exercise_and_passes_after_the_fix(tmp_path, env):
    assert (ROOT / ".pre-commit-hooks.yaml").is_file()
    hook_repo, rev = snapshot_of_this_repository(tmp_path, env)

    course = tmp_path / "course"
    (course / "exercises" / "softmax").mkdir(parents=True)
    (course / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: eq2code\n")
    exercise = course / "exercises" / "softmax" / "solution.py"
    (course / "exercises" / "softmax" / "equation.tex").write_text(EQUATION)
    exercise.write_text(WRONG)
    (course / "exercises" / "helpers.py").write_text(OTHER)  # no tag, no equation: not checked
    git(course, "init", "-q", env=env)
    git(course, "add", "-A", env=env)

    # the wrong exercise fails the hook, with the finding in the hook's output
    failed = pre_commit(course, "run", "--all-files", env=env)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "eq2code" in output and "Failed" in output, output
    assert "exercises/softmax/solution.py" in output and "EQ" in output, output

    # after the fix the same hook passes, and a real commit goes through the installed hook
    exercise.write_text(RIGHT)
    git(course, "add", "-A", env=env)
    passed = pre_commit(course, "run", "--all-files", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout, passed.stdout
    installed = pre_commit(course, "install", env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(course, "commit", "-q", "-m", "softmax exercise", env=env)

    # only the equation changes: pre-commit passes only equation.tex, and eq2code still
    # checks the implementation that uses it — which no longer matches
    (course / "exercises" / "softmax" / "equation.tex").write_text(EQUATION_CHANGED)
    git(course, "add", "exercises/softmax/equation.tex", env=env)
    changed = pre_commit(course, "run", env=env)  # the staged files only
    output = changed.stdout + changed.stderr
    assert changed.returncode == 1, output
    assert "exercises/softmax/solution.py" in output, output
    blocked = subprocess.run(["git", "commit", "-q", "-m", "change the equation"], cwd=course, env=env,
                             capture_output=True, text=True)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr

"""What a run is given — the settings (command line over `[tool.eq2code]` over the defaults),
its usage errors, its default number of workers and its configuration — apart from the run
itself (`batch.py`), so that a single check reads them without importing the batch machinery
before its child runs (docs/performance.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from eq2code.project.config import Config, ConfigError, load_config


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Settings:
    """What a run needs beyond the pairs: command line over `[tool.eq2code]` over defaults."""

    lang: str | None = None
    timeout: float = 10.0
    seed: int = 0
    fail_on: str = "error"
    jobs: int = 1
    no_exec: bool = False
    memory_mb: int | None = None  # None: check.Options' default
    maps: dict[str, str] = field(default_factory=dict)
    function: str | None = None
    baseline: Path | None = None
    baseline_required: bool = False  # given on the command line: must exist
    write_baseline: Path | None = None
    # Grading (a named pair or --rule on a file someone else wrote): the checked files' own
    # `# eq2code: ignore[...]` comments are not read, and any failed check exits 1.
    honour_suppressions: bool = True
    grading: bool = False
    shard: tuple[int, int] | None = None  # (K, N): check only the K-th of N deterministic shares
    fixes: bool = False  # verified fixes for fixable findings (the language server)


class RunError(Exception):
    """A usage problem of a run (bad configuration, missing path or baseline): exit 2."""


def default_jobs() -> int:
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(n, 16))


def config_for(paths: list[str], explicit: str | None = None) -> Config:
    start = Path(paths[0]) if paths else None
    try:
        return load_config(start, Path(explicit) if explicit else None)
    except ConfigError as e:
        raise RunError(str(e)) from None

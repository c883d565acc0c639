"""Running the function: every trial in one sandboxed child (`code.sandbox`), and the findings
for a run that ended before it returned values (timeout, import error, resource limit, crash)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from eq2code.checking import prepare
from eq2code.checking.context import CheckContext
from eq2code.code.loader import FunctionInfo, Mapping
from eq2code.code.sandbox.api import RunOutcome
from eq2code.code.sandbox.runner import run_calls
from eq2code.equation.model import Equation
from eq2code.findings.phrases import Phrase
from eq2code.reference.inputs import Trial

# What a check imports after its run: the judging, and what the front ends print it through
# (the run's end, the text report). Imported while the child runs — the checker's core is free
# until it ends — rather than before or after it (docs/performance.md). Suppressions and the
# baseline are imported where a run has some (project/batch.py): grading reads neither.
AFTER_THE_RUN = ("eq2code.checking.judge", "eq2code.project.batch", "eq2code.report.formats.text")


def import_after_the_run() -> None:
    import importlib

    for name in AFTER_THE_RUN:
        importlib.import_module(name)


def run_trials(ctx: CheckContext, eq: Equation, func: FunctionInfo, found: Mapping, trials: list[Trial],
               expected: list[np.ndarray]) -> RunOutcome:
    """Run the function on every trial (raises `SandboxError` when no child can be started)."""
    calls = [prepare.call_spec(func, found, t, exp) for t, exp in zip(trials, expected)]
    path = str(Path(ctx.impl_path).resolve())
    outcome = _import_failure_behind(run_calls(path, func.name, calls, timeout=ctx.options.timeout,
                                               memory_mb=ctx.options.memory_mb, meanwhile=import_after_the_run))
    if outcome.status == "timeout" and outcome.phase == "import":  # a script that trains, plots, waits
        retry = run_calls(path, func.name, calls, timeout=ctx.options.timeout, memory_mb=ctx.options.memory_mb,
                          definitions_only=True)
        if retry.status == "ok" or retry.results:
            retry.script_skipped = {"timeout": f"{ctx.options.timeout:g}", "lineno": outcome.lineno}
            return retry
    return outcome


def _import_failure_behind(outcome: RunOutcome) -> RunOutcome:
    """A run on the module's definitions alone (its script code failed on import) whose calls
    then miss a name (`torch` of a failed `import torch`): the import failure is the cause to
    report, not the NameError."""
    skipped = outcome.script_skipped
    if not skipped or "timeout" in skipped or not any(
            r.status == "exception" and r.exc_type == "NameError" for r in outcome.results):
        return outcome
    return RunOutcome(status="import-error", phase="import", exc_type=str(skipped.get("exc_type") or ""),
                      exc_message=str(skipped.get("exc_message") or ""), lineno=skipped.get("lineno"),
                      col=skipped.get("col"), end_col=skipped.get("end_col"),
                      traceback=str(skipped.get("traceback") or ""),
                      stdout=outcome.stdout, stderr=outcome.stderr, seconds=outcome.seconds)


def report_failure(ctx: CheckContext, outcome: RunOutcome) -> None:
    """The finding for a run that ended abnormally, on the line where it ended."""
    func = ctx.function
    assert func is not None
    at = ctx.user_range(outcome.lineno, outcome.col, outcome.end_col)
    if outcome.status == "timeout":  # the line is where the child was when time ran out
        ctx.add("timeout", ctx.impl_path, at, seconds=f"{ctx.options.timeout:g}", phase=outcome.phase or "call")
    elif outcome.status == "import-error":
        syntax = outcome.exc_type in ("SyntaxError", "IndentationError", "TabError")
        ctx.add("python-syntax" if syntax else "exception", ctx.impl_path, at, type=outcome.exc_type,
                detail=outcome.exc_message, form=Phrase("form-import"))
    elif outcome.status == "function-not-found":
        ctx.add("function-not-found", ctx.impl_path, func.range, wanted=func.name)
    elif outcome.status == "resource-limit":
        if outcome.signal_name == "SIGXFSZ":
            ctx.add("resource-limit", ctx.impl_path, at, resource="file size")
        else:
            how = Phrase("killed-sigkill") if outcome.signal_name else outcome.exc_type or "MemoryError"
            ctx.add("resource-limit", ctx.impl_path, at, resource="memory",
                    detail=Phrase("memory-limit", {"how": how, "mb": ctx.options.memory_mb}))
    elif outcome.status == "crashed":
        ctx.add("crashed", ctx.impl_path, at, how=Phrase("killed-by-signal", {"signal": outcome.signal_name}))
    else:
        ctx.add("crashed", ctx.impl_path, at,
                how=Phrase("exited", {"how": outcome.exc_type or "os._exit", "status": outcome.exit_code}))

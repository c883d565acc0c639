"""Verified fixes: a finding's candidate edits (`diagnosis.fixes`) are made on a temporary copy
of the file and checked again through `run_check` and the same sandbox; a fix is attached to
the finding only when the edited code passes (verdict pass, no error finding, the finding
gone). One extra sandbox run per candidate, at most MAX_TRIED per check; asked for by
`Options.fixes` (`check --fix`/`--diff`, the language server), never on the normal path.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from eq2code.base.log import get_logger
from eq2code.checking.context import CheckContext
from eq2code.checking.options import CheckResult
from eq2code.code.static import CodeFacts, analyze
from eq2code.diagnosis.fixes import FIXABLE, apply, candidates
from eq2code.findings.model import Finding, Fix, Severity

log = get_logger(__name__)

MAX_TRIED = 2  # candidates re-checked per check (each one sandbox run)


def attach(ctx: CheckContext, result: CheckResult, recheck: Callable[[str], CheckResult]) -> int:
    """Attach verified fixes to the result's fixable findings; the number attached."""
    function = result.record.function
    if not function:
        return 0
    wanted = [f for f in result.findings if f.name in FIXABLE and f.fix is None
              and os.path.abspath(f.path) == os.path.abspath(ctx.impl_path)]
    if not wanted:
        return 0
    source = ctx.source()
    facts = _facts(ctx, function)
    if facts is None or not source:
        return 0
    sizes = size_expressions(ctx)
    tried = attached = 0
    for finding in sorted(wanted, key=lambda f: f.effective_severity):
        for fix in candidates(finding, facts, source, sizes):
            if tried >= MAX_TRIED:
                return attached
            tried += 1
            if verified(ctx.impl_path, apply(source, fix.edits), finding, recheck):
                finding.fix = fix
                attached += 1
                break
    return attached


def verified(impl_path: str, edited: str, finding: Finding, recheck: Callable[[str], CheckResult]) -> bool:
    folder = tempfile.mkdtemp(prefix="eq2code-fix-")
    try:
        copy = os.path.join(folder, os.path.basename(impl_path))
        Path(copy).write_text(edited, encoding="utf-8")
        again = recheck(copy)
    except Exception:  # a fix that cannot be verified is not offered
        log.debug("verifying a fix of %s failed", finding.name, exc_info=True)
        return False
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ok = passed(again) and not any(f.name == finding.name for f in again.findings)
    log.debug("fix of %s in %s: %s", finding.name, impl_path, "verified" if ok else "not verified")
    return ok


def passed(result: CheckResult) -> bool:
    return result.record.verdict == "pass" and not any(
        f.effective_severity == Severity.ERROR for f in result.findings)


def size_expressions(ctx: CheckContext) -> dict[str, str]:
    """Each size symbol (`d_k`) → a code expression that gives it (`d_k`, `Q.shape[-1]`)."""
    out: dict[str, str] = {}
    mapping = ctx.mapping
    if mapping is None:
        return out
    for param, spec in mapping.keyword.items():
        if spec.role == "size":
            out.setdefault(_norm(spec.name), param)
    for param, spec in mapping.keyword.items():
        if spec.role != "array":
            continue
        shape = tuple(spec.shape)
        for i, size in enumerate(shape):
            if isinstance(size, str):
                out.setdefault(_norm(size), f"{param}.shape[{i - len(shape)}]")
    return out


def _norm(name: str) -> str:
    return re.sub(r"[{}\s\\]", "", str(name))


def _facts(ctx: CheckContext, function: str) -> CodeFacts | None:
    try:
        found = analyze(ctx.impl_path, function)
    except Exception:  # static analysis must never cost the verdict
        log.debug("static analysis of %s failed", ctx.impl_path, exc_info=True)
        return None
    return found if found.found else None


def offered(findings: list[Finding]) -> list[tuple[Finding, Fix]]:
    return [(f, f.fix) for f in findings if f.fix is not None]


__all__ = ["MAX_TRIED", "attach", "offered", "passed", "size_expressions", "verified"]

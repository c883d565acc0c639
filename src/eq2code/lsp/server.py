"""`eq2code lsp`: a language server on stdio (pygls 2 / lsprotocol, imported only here).

What it does, per open document (`.py`, and Markdown `.md` through `documents.py`):

- **Diagnostics** on open, change (after a short pause, `debounce`) and save: the pairs the
  document declares (tags, LaTeX docstrings, `[tool.eq2code]`, folder pairing — exactly as
  `eq2code check FILE` finds them, but from the editor's buffer) are checked through
  `batch.run_pairs`, so suppressions and `unused-suppression` work as on the command line.
  Findings in another file (a broken equation file) are shown on the line of the tag (or
  the `def`) that names it, with a related location pointing into that file.
- **A new edit cancels a running check**: the check's thread is abandoned and its sandboxed
  child killed at once (`sandbox.runner.child_observer`); only the newest check publishes.
- **Hover** on a finding: its message, how to fix it, the equation it is checked against,
  and its documentation (`finding_docs.py`).
- **Code actions**: a finding's fix when its applicability is `safe`; removing an unused
  suppression; adding `# eq2code: ignore[NAME]` on the line or on the function's `def`.

User code never runs in the server's process: every check runs it in the sandbox child
(spec §5). An unsaved buffer is checked from a copy in a temporary folder (the file on disk
is used when the buffer matches it, so that imports of sibling modules work).

Positions: the server offers UTF-16 (LSP's default) and honours another encoding the client
prefers (pygls negotiates it); ranges are converted from eq2code's code-point columns.

`initializationOptions` (all optional): `{"debounce": 0.4, "lang": "en"|"ja", "timeout": 10}`.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import tokenize
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eq2code.base.version import __version__

logger = logging.getLogger("eq2code.lsp")
SOURCE = "eq2code"
_IGNORE = re.compile(r"(?P<lead>(?:#|%)\s*eq2code:\s*ignore\[)(?P<names>[^\]]*)\]")


# ----------------------------------------------------------------------------- cancelling a check


class Job:
    """One check of one document version. `cancel` kills the sandboxed children it started
    (each in its own process group) and any it starts afterwards."""

    def __init__(self) -> None:
        self.cancelled = False
        self._processes: list[Any] = []
        self._lock = threading.Lock()

    def started(self, process: Any) -> None:
        with self._lock:
            self._processes.append(process)
            if self.cancelled:
                _kill(process)

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            for process in self._processes:
                _kill(process)


def _kill(process: Any) -> None:
    """Kill a running sandbox child's process group (only while the child is ours and alive)."""
    try:
        if process.poll() is not None:
            return  # it ended: the runner kills what is left of its group
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


# ----------------------------------------------------------------------------- checking a buffer


@dataclass
class Outcome:
    """The findings of one check of a document, in its own coordinates (code points)."""

    findings: list[Any] = field(default_factory=list)  # eq2code Finding, path = the document
    equations: dict[str, str] = field(default_factory=dict)  # function → the equation's LaTeX
    elsewhere: dict[int, str] = field(default_factory=dict)  # id(finding) → where it really is (another file)
    cancelled: bool = False


def check_text(path: str, text: str, job: Job | None = None, *, lang: str | None = None,
               timeout: float | None = None, fixes: bool = True) -> Outcome:
    """Check the pairs of the document at `path` whose current content is `text` (`fixes`:
    with the verified fixes of the findings, each a re-check of the edited code).

    Runs in a worker thread of the server; the user's code runs in sandbox children that
    `job.cancel()` kills."""
    from eq2code.code.sandbox.runner import child_observer
    from eq2code.equation.cache import load_equation as _load_equation
    from eq2code.equation.guard import fork_observer
    from eq2code.equation.limits import set_limits as set_read_limits
    from eq2code.project.batch import Settings, config_for, run_pairs
    from eq2code.project.discovery import pairs_of
    from eq2code.project.documents import document_pairs, is_document

    job = job or Job()
    if job.cancelled:
        return Outcome(cancelled=True)
    config = config_for([path])
    settings = Settings(lang=lang or config.lang, timeout=timeout or config.timeout or 10.0,
                        seed=config.seed or 0, jobs=1,  # one thread: the child observer is per thread
                        fixes=fixes)  # a named mistake's verified fix: a preferred quick fix
    folder = None
    target = os.path.abspath(path)
    try:
        on_disk = _read(path)
        if is_document(path):
            pairs = document_pairs(path, config, text=text)
            checked = path
        else:
            pairs = pairs_of(Path(path), config, text=text)
            checked = path
            if on_disk != text:  # an unsaved buffer: check a copy of it
                folder = tempfile.mkdtemp(prefix="eq2code-lsp-")
                checked = os.path.join(folder, os.path.basename(path))
                Path(checked).write_text(text, encoding="utf-8")
                for pair in pairs:
                    if os.path.abspath(pair.impl) == target:
                        pair.impl = checked
        if not pairs or job.cancelled:
            return Outcome(cancelled=job.cancelled)
        token = child_observer.set(job.started)
        fork_token = fork_observer.set(job.started)  # a hostile equation's reading is killed with the job
        set_read_limits(settings.timeout)
        try:
            result = run_pairs(pairs, settings, _load_equation)
        finally:
            fork_observer.reset(fork_token)
            child_observer.reset(token)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    if job.cancelled:
        return Outcome(cancelled=True)
    return _own(result.report.findings, pairs, target, os.path.abspath(checked), text)


def _read(path: str) -> str | None:
    from eq2code.base.files import FileProblem, read_python, read_text

    try:
        return read_python(path, "document") if path.endswith(".py") else read_text(path, "document", newlines=True)
    except FileProblem:
        return None


def _own(findings: list[Any], pairs: list[Any], target: str, checked: str, text: str) -> Outcome:
    """Findings in the document's coordinates: the copy's path → the document's; a finding in
    another file → on the line of the tag or `def` that pairs it, pointing at that file."""
    from eq2code.base.span import Range
    from eq2code.findings.model import Related

    out = Outcome()
    anchors: dict[str | None, int] = {}
    for pair in pairs:
        line = pair.line
        if pair.snippet is not None and pair.snippet.blocks:
            line = pair.snippet.blocks[0].first
        anchors.setdefault(pair.function, line)
    lines = text.split("\n")
    for f in findings:
        if f.related and f.related[0].message:  # check.py relates each finding to its equation first
            out.equations.setdefault(f.function or "", f.related[0].message.strip())
        f.related = [Related(target, r.range, r.message) if os.path.abspath(r.path) == checked else r
                     for r in f.related]
        if os.path.abspath(f.path) in (target, checked):
            f.path = target
            out.findings.append(f)
            continue
        line = anchors.get(f.function, anchors.get(None, 0))
        width = len(lines[line]) if 0 <= line < len(lines) else 0
        where = f"{f.path}:{f.range.start.line + 1}:{f.range.start.character + 1}"
        f.related = [Related(f.path, f.range, where)] + list(f.related)
        out.elsewhere[id(f)] = where
        f.path = target
        f.range = Range.of(line, 0, line, width)
        out.findings.append(f)
    return out


# ----------------------------------------------------------------------------- LSP shapes


def _client_position(lines: list[str], line: int, character: int, codec: Any) -> Any:
    from lsprotocol import types

    text = lines[line] if 0 <= line < len(lines) else ""
    units = codec.client_num_units(text[:character]) + max(0, character - len(text))
    return types.Position(line=max(line, 0), character=units)


def _client_range(lines: list[str], rng: Any, codec: Any) -> Any:
    from lsprotocol import types

    return types.Range(start=_client_position(lines, rng.start.line, rng.start.character, codec),
                       end=_client_position(lines, rng.end.line, rng.end.character, codec))


def _disk_range(path: str, rng: Any, sources: Any) -> Any:
    from lsprotocol import types

    r = sources.utf16_range(path, rng)
    return types.Range(start=types.Position(**r["start"]), end=types.Position(**r["end"]))


def to_diagnostic(f: Any, lines: list[str], codec: Any, lang: str, sources: Any, elsewhere: str | None = None) -> Any:
    from lsprotocol import types

    from eq2code.findings.messages import render_help, render_message

    message = render_message(f, lang)
    if elsewhere:
        message = f"{elsewhere}: {message}"
    help_text = render_help(f, lang)
    related = []
    for r in f.related:
        from eq2code.base.cells import split_cell_path as split_cell

        file = split_cell(r.path)[0]
        related.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=Path(file).resolve().as_uri(), range=_disk_range(r.path, r.range, sources)),
            message=r.message or r.path))
    fix = None
    if f.fix is not None:
        fix = {"applicability": f.fix.applicability, "message": help_text,
               "edits": [{"range": _range_dict(_client_range(lines, e.range, codec)), "newText": e.new_text}
                         for e in f.fix.edits]}
    return types.Diagnostic(
        range=_client_range(lines, f.range, codec),
        severity=types.DiagnosticSeverity(int(f.effective_severity)),
        code=f.code,
        code_description=None,
        source=SOURCE,
        message=message,
        related_information=related or None,
        data={"name": f.name, "rule": f.rule, "function": f.function, "help": help_text,
              "fingerprint": f.fingerprint, "fix": fix},
    )


def _range_dict(rng: Any) -> dict:
    return {"start": {"line": rng.start.line, "character": rng.start.character},
            "end": {"line": rng.end.line, "character": rng.end.character}}


def hover_markdown(f: Any, diagnostic: Any, equation: str | None, lang: str) -> str:
    """What a hover on a finding shows: the message, the fix, the equation, the docs."""
    from eq2code.findings.docs import HEADINGS, page

    h = HEADINGS.get(lang, HEADINGS["en"])
    p = page(f.name, lang, use_examples=False)
    severity = h["severity"].get(f.effective_severity.label, f.effective_severity.label)
    out = [f"**eq2code {f.code} `{f.name}`** — {p['title']} ({severity})", "", diagnostic.message, ""]
    help_text = (diagnostic.data or {}).get("help") if isinstance(diagnostic.data, dict) else None
    if help_text:
        out += [f"**{h['fix']}:** {help_text}", ""]
    if equation:
        out += ["```latex", equation, "```", ""]
    out += ["---", ""]
    for key in ("what", "why"):
        if p[key]:
            out += [f"**{h[key]}.** {p[key]}", ""]
    if p["example"].get("code"):
        out += [f"**{h['example']}**", "", "```python", p["example"]["code"].rstrip(), "```", ""]
    out += [f"`eq2code docs {f.name}`"]
    return "\n".join(out)


# ----------------------------------------------------------------------------- code actions


def suppression_edit(text: str, line: int, name: str, marker: str = "#") -> tuple[int, int, int, str] | None:
    """The edit (line, start col, end col, new text) that adds NAME to the suppression comment
    of `line`, or a new `  # eq2code: ignore[NAME]` at its end; None where a comment cannot go."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    src = lines[line].rstrip("\r")
    m = _IGNORE.search(src)
    if m:
        names = [n.strip() for n in m.group("names").split(",") if n.strip()]
        if name in names:
            return None
        end = m.end("names")
        sep = ", " if names else ""
        return line, end, end, f"{sep}{name}"
    if marker == "#" and not _comment_allowed(text, line):
        return None
    end = len(src)
    return line, end, end, f"  {marker} eq2code: ignore[{name}]"


def _comment_allowed(text: str, line: int) -> bool:
    """False when the end of `line` lies inside a string that continues on the next line."""
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.STRING and tok.start[0] - 1 <= line < tok.end[0] - 1:
                return False
            if tok.start[0] - 1 > line:
                break
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return True
    return True


def unused_removal(text: str, line: int, name: str) -> tuple[int, int, int, str] | None:
    """The edit that removes NAME from the suppression on `line` (the whole comment when it
    is the only name)."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    src = lines[line]
    m = _IGNORE.search(src)
    if not m:
        return None
    names = [n.strip() for n in m.group("names").split(",") if n.strip()]
    from eq2code.findings.model import kind

    keep = [n for n in names if n != name and ((k := kind(n)) is None or k.name != name)]
    if len(keep) == len(names):
        return None
    if keep:
        return line, m.start("names"), m.end("names"), ", ".join(keep)
    start = m.start()
    while start > 0 and src[start - 1] in " \t":
        start -= 1
    if not src[:start].strip():  # a comment-only line: leave an empty line
        start = 0
    return line, start, m.end(), ""


def def_line(text: str, function: str | None) -> int | None:
    """The 0-based line of `def function` at the top level of `text`."""
    import ast

    if not function:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function:
            return node.lineno - 1
    return None


def comment_marker(path: str, text: str, line: int) -> str:
    """`#` in Python; in Markdown `#` inside a code block, `%` elsewhere (math)."""
    if not path.lower().endswith((".md", ".markdown")):
        return "#"
    from eq2code.project.documents import CodeBlock, read_markdown

    doc = read_markdown(path, text)
    for item in doc.items:
        if isinstance(item, CodeBlock) and item.first <= line <= item.last:
            return "#"
    return "%"


# ----------------------------------------------------------------------------- the server


@dataclass
class DocState:
    generation: int = 0
    task: asyncio.Task | None = None
    job: Job | None = None
    findings: list[tuple[Any, Any]] = field(default_factory=list)  # (Finding, Diagnostic)
    equations: dict[str, str] = field(default_factory=dict)
    elsewhere: set[int] = field(default_factory=set)  # id() of findings that live in another file


@dataclass
class ServerOptions:
    """The client's `initializationOptions` that eq2code reads (anything else is ignored)."""

    debounce: float = 0.4  # seconds after the last change before a check starts
    lang: str | None = None  # "en" or "ja"; None: from the locale
    timeout: float | None = None  # per check, seconds; None: the checker's default

    def update(self, init: object) -> None:
        if not isinstance(init, dict):
            return
        number = (int, float)
        if isinstance(init.get("debounce"), number) and not isinstance(init.get("debounce"), bool):
            self.debounce = float(init["debounce"])
        if isinstance(init.get("lang"), str):
            self.lang = init["lang"]
        if isinstance(init.get("timeout"), number) and not isinstance(init.get("timeout"), bool):
            self.timeout = float(init["timeout"])


# Seconds between a version's diagnostics and the check that verifies its fixes (a re-check of
# each edited version: several runs). A save that follows at once — the next edit — cancels the
# verification before it took the CPU, and, in the basic sandbox, the children spawned ahead that
# the next save's check needs (each takes ~0.1 s to replace). A code action waits for it (`fixes_of`).
FIXES_AFTER = 0.25

_frozen_modules = 0  # how many modules were imported when the warm heap was last frozen


def _freeze_when_warmer() -> None:
    """After a check that imported modules (the first check's, a first failure's diagnosis):
    what they made joins the frozen warm heap (`base.collector`), so that no collection a
    later save waits for walks it."""
    global _frozen_modules
    if len(sys.modules) > _frozen_modules:
        from eq2code.base.collector import freeze_warm_heap

        _frozen_modules = len(sys.modules)
        freeze_warm_heap()


def build_server() -> Any:
    """The pygls server with eq2code's features registered."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    server = LanguageServer("eq2code", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
    from eq2code.code.sandbox import platform

    platform.keep_armed()  # every save is a check: the next one's sandbox is set up in advance
    state: dict[str, DocState] = {}
    options = ServerOptions()
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="eq2code-lsp")

    def lang() -> str:
        from eq2code.findings.messages import detect_lang

        return detect_lang(options.lang)

    def wanted(uri: str) -> str | None:
        from pygls.uris import to_fs_path

        path = to_fs_path(uri)
        if path is None:
            return None
        return path if path.lower().endswith((".py", ".md", ".markdown")) else None

    def schedule(uri: str, delay: float) -> None:
        path = wanted(uri)
        if path is None:
            return
        st = state.setdefault(uri, DocState())
        st.generation += 1
        if st.task is not None and not st.task.done():
            st.task.cancel()
        if st.job is not None:
            st.job.cancel()
        st.job = None
        st.task = asyncio.get_running_loop().create_task(run(uri, path, st.generation, delay))

    async def run(uri: str, path: str, generation: int, delay: float) -> None:
        st = state[uri]
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            doc = server.workspace.get_text_document(uri)
            text, version = doc.source, doc.version  # a closed document is read from disk
        except (OSError, ValueError):  # closed meanwhile and gone, or not text
            logger.debug("%s is no longer readable", uri, exc_info=True)
            return
        job = Job()
        st.job = job
        # The diagnostics first (one check), then the verified fixes (a check with a re-check of
        # each edited version), published again when there are any: a save shows its findings
        # after one check, and a code action waits for the fixes (`fixes_of`).
        outcome = await _checked(path, text, job, fixes=False)
        if outcome is None or outcome.cancelled or generation != st.generation:
            return
        publish(uri, st, doc, text, version, outcome)
        _freeze_when_warmer()
        if not any(f.effective_severity.name in ("ERROR", "WARNING") for f in outcome.findings):
            return
        await asyncio.sleep(FIXES_AFTER)  # a save that follows at once cancels this before it runs
        fixed = await _checked(path, text, job, fixes=True)
        if fixed is None or fixed.cancelled or generation != st.generation:
            return
        if any(f.fix is not None for f in fixed.findings):
            publish(uri, st, doc, text, version, fixed)
        _freeze_when_warmer()

    async def _checked(path: str, text: str, job: Job, fixes: bool) -> Outcome | None:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                executor, lambda: check_text(path, text, job, lang=lang(), timeout=options.timeout, fixes=fixes))
        except asyncio.CancelledError:
            job.cancel()
            raise
        except Exception as e:  # a fault of eq2code: said in the log, never a crash of the server
            logger.exception("eq2code check failed")
            server.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                             message=f"eq2code: check failed: {e}"))
            return None

    def publish(uri: str, st: DocState, doc: Any, text: str, version: Any, outcome: Outcome) -> None:
        from eq2code.report.formats.source import SourceLines

        lines = text.split("\n")
        codec = doc.position_codec
        sources = SourceLines()
        language = lang()
        st.findings = [(f, to_diagnostic(f, lines, codec, language, sources, outcome.elsewhere.get(id(f))))
                       for f in outcome.findings]
        st.elsewhere = {id(f) for f in outcome.findings if id(f) in outcome.elsewhere}
        st.equations = outcome.equations
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[d for _, d in st.findings]))

    async def fixes_of(st: DocState) -> None:
        """Wait (bounded) for the document's check to finish, its verified fixes included."""
        if st.task is not None and not st.task.done():
            await asyncio.wait({st.task}, timeout=(options.timeout or 10.0) * 3)

    @server.feature(types.INITIALIZE)
    def initialize(ls: Any, params: types.InitializeParams) -> None:
        options.update(params.initialization_options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri, options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if wanted(uri) is None:  # an equation file (or another file) changed: re-check the open documents
            for other in list(state):
                schedule(other, 0.0)
            return
        schedule(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: Any, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        st = state.pop(uri, None)
        if st is not None:
            if st.task is not None:
                st.task.cancel()
            if st.job is not None:
                st.job.cancel()
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: Any, params: types.HoverParams) -> types.Hover | None:
        st = state.get(params.text_document.uri)
        if st is None:
            return None
        pos = params.position
        parts = []
        first_range = None
        for f, d in st.findings:
            if _contains(d.range, pos):
                parts.append(hover_markdown(f, d, st.equations.get(f.function or ""), lang()))
                first_range = first_range or d.range
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(parts)),
                           range=first_range)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        st = state.get(uri)
        if st is None:
            return None
        await fixes_of(st)
        doc = server.workspace.get_text_document(uri)
        text, lines, codec = doc.source, doc.source.split("\n"), doc.position_codec
        actions: list[types.CodeAction] = []
        seen: set[tuple] = set()

        def edit_action(title: str, d: Any, edit: tuple[int, int, int, str] | None, preferred: bool = False):
            if edit is None:
                return
            line, start, end, new = edit
            key = (title, line, start, end, new)
            if key in seen:
                return
            seen.add(key)
            rng = types.Range(start=_client_position(lines, line, start, codec),
                              end=_client_position(lines, line, end, codec))
            actions.append(types.CodeAction(
                title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[d], is_preferred=preferred or None,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=rng, new_text=new)]})))

        path = wanted(uri) or ""
        for f, d in st.findings:
            if not _overlaps(d.range, params.range):
                continue
            if f.fix is not None and f.fix.applicability == "safe" and id(f) not in st.elsewhere:
                edits = [types.TextEdit(range=_client_range(lines, e.range, codec), new_text=e.new_text)
                         for e in f.fix.edits]
                from eq2code.findings.messages import render_help

                actions.append(types.CodeAction(
                    title=f"eq2code: fix {f.name} (verified: the edited code passes) — {render_help(f, lang())}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d], is_preferred=True, edit=types.WorkspaceEdit(changes={uri: edits})))
            if f.name == "unused-suppression":
                name = str(f.params.get("suppressed", ""))
                edit_action(f"eq2code: remove the unused suppression of {name}", d,
                            unused_removal(text, f.range.start.line, name), preferred=True)
                continue
            if id(f) in st.elsewhere:
                continue  # a finding in another file: suppress it there
            line = f.range.start.line
            edit_action(f"eq2code: ignore {f.name} on this line", d,
                        suppression_edit(text, line, f.name, comment_marker(path, text, line)))
            if path.endswith(".py"):
                at = def_line(text, f.function)
                if at is not None and at != line:
                    edit_action(f"eq2code: ignore {f.name} in {f.function}()", d, suppression_edit(text, at, f.name))
        return actions

    def stop_all() -> None:
        for st in state.values():
            if st.task is not None:
                st.task.cancel()
            if st.job is not None:
                st.job.cancel()
        executor.shutdown(wait=False, cancel_futures=True)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: Any, params: Any) -> None:
        stop_all()

    @server.feature(types.EXIT)
    def exit_(ls: Any, params: Any) -> None:
        # Exit now: a check thread stuck in a long computation must not keep the process
        # alive (the sandbox children and equation readers die with their jobs).
        stop_all()
        code = 0 if getattr(server.protocol, "_shutdown", False) else 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)

    @server.feature(MALFORMED)
    def malformed(ls: Any, params: Any) -> None:
        """Stands in for a message `_CheckedReader` already answered."""

    return server


# ----------------------------------------------------------------------------- malformed messages

MALFORMED = "$/eq2code/malformedMessage"
_STAND_IN = json.dumps({"jsonrpc": "2.0", "method": MALFORMED, "params": {}}).encode()
PARSE_ERROR, INVALID_REQUEST, INVALID_PARAMS = -32700, -32600, -32602


class _CheckedReader:
    """stdin as pygls reads it, each message checked first: a body that is not JSON, not a
    JSON-RPC 2.0 message, or a request whose params do not fit its method is answered as
    JSON-RPC says (a Parse error with id null, Invalid Request, Invalid Params for a request;
    a bad notification is dropped) and handed on as a no-op notification — no traceback in
    the log, no error pop-up in the editor."""

    def __init__(self, inner: Any, protocol: Any):
        self.inner = inner
        self.protocol = protocol

    def readline(self) -> Any:
        return self.inner.readline()

    async def readexactly(self, n: int) -> bytes:
        body = await self.inner.readexactly(n)
        if not body:
            return body
        problem = self._problem(body)
        if problem is None:
            return body
        msg_id, code, message = problem
        if code in (PARSE_ERROR, INVALID_REQUEST) or msg_id is not None:
            self._answer(msg_id, code, message)
        logger.info("eq2code: malformed message answered: %s", message)
        return _STAND_IN

    def _problem(self, body: bytes) -> tuple[Any, int, str] | None:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError, MemoryError):
            return None, PARSE_ERROR, "Parse error: the message is not JSON"
        if not isinstance(data, dict) or data.get("jsonrpc") != "2.0":
            return (data.get("id") if isinstance(data, dict) else None), INVALID_REQUEST, \
                "Invalid Request: not a JSON-RPC 2.0 message"
        msg_id = data.get("id")
        if (msg_id is not None and not isinstance(msg_id, (int, str))) or isinstance(msg_id, bool):
            return None, INVALID_REQUEST, "Invalid Request: the id must be a number or a string"
        method = data.get("method")
        if "method" in data and not isinstance(method, str):
            return msg_id, INVALID_REQUEST, "Invalid Request: the method must be a string"
        if not isinstance(method, str) or "error" in data:
            return None  # a response: pygls matches it
        message_type = self.protocol.get_message_type(method)
        if message_type is None:
            return None  # unknown method: pygls answers MethodNotFound
        try:
            self.protocol._converter.structure(data, message_type)
        except Exception:
            return msg_id, INVALID_PARAMS, f"Invalid params for {method}"
        return None

    def _answer(self, msg_id: Any, code: int, message: str) -> None:
        try:
            self.protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})
        except Exception:
            logger.info("eq2code: could not answer a malformed message")


def _serve(server: Any) -> None:
    """pygls' stdio loop (`start_io`) with each message checked (`_CheckedReader`)."""
    from pygls.io_ import StdinAsyncReader, StdoutWriter, run_async

    server._stop_event = threading.Event()
    reader = _CheckedReader(StdinAsyncReader(sys.stdin.buffer, server.thread_pool), server.protocol)
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    try:
        asyncio.run(run_async(stop_event=server._stop_event, reader=reader, protocol=server.protocol,
                              logger=logging.getLogger("pygls.server"), error_handler=server.report_server_error))
    except BrokenPipeError:
        logger.error("eq2code: the connection to the client is lost")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        sys.stdout.flush()
        os._exit(0)


def _contains(rng: Any, pos: Any) -> bool:
    start, end = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character)
    return start <= (pos.line, pos.character) <= max(end, start)


def _overlaps(a: Any, b: Any) -> bool:
    a0, a1 = (a.start.line, a.start.character), (a.end.line, a.end.character)
    b0, b1 = (b.start.line, b.start.character), (b.end.line, b.end.character)
    return a0 <= b1 and b0 <= a1


def main() -> int:
    """Serve on stdin/stdout until the client says exit."""
    try:
        server = build_server()
    except ImportError as e:
        import sys

        print(f"eq2code: error: the language server needs pygls and lsprotocol ({e}); "
              f"pip install 'pygls>=2'", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING)
    _serve(server)
    return 0

"""`eq2code lsp` end to end, with a real LSP client (pytest-lsp) driving the server over stdio.

Every wait is bounded (`WAIT` seconds); a server that never answers fails the test instead
of hanging it. The didSave → publishDiagnostics latency on a warm server is measured and
printed (`pytest -s tests/test_lsp.py` shows it).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from eq2code.lsp.server import check_text, suppression_edit, unused_removal  # noqa: E402

WAIT = 60.0  # seconds any single wait may take (a cold first check imports SymPy and parses the rule)

WRONG = """import numpy as np


# eq2code: rule=softmax
def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.mean(e)
"""
FIXED = WRONG.replace("np.mean(e)", "np.sum(e)")
FAULTY_LINE = 6  # 0-based: `return e / np.mean(e)`

SLOW = WRONG.replace("    e = np.exp", "    import time\n    time.sleep(60)\n    e = np.exp")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "eq2code.cli.main", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    await asyncio.wait_for(lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=tmp_path_factory.getbasetemp().as_uri(),
        initialization_options={"debounce": 0.2, "timeout": 30},
    )), WAIT)
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), WAIT)


async def _next_diagnostics(client: LanguageClient, uri: str, action) -> tuple[list[types.Diagnostic], float]:
    """Do `action`, then wait (bounded) for the next publishDiagnostics for `uri`; returns
    the diagnostics and the seconds from the action to their arrival."""
    deadline = time.monotonic() + WAIT
    future = client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    started = time.monotonic()
    action()
    while True:
        params = await asyncio.wait_for(future, max(0.1, deadline - time.monotonic()))
        arrived = time.monotonic()
        if params.uri == uri:
            return list(params.diagnostics), arrived - started
        future = client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def _save(client: LanguageClient, uri: str) -> None:
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))


@pytest.mark.asyncio
async def test_open_wrong_then_save_fixed(client: LanguageClient, tmp_path: Path):
    path = tmp_path / "softmax_exercise.py"
    path.write_text(WRONG, encoding="utf-8")
    uri = path.as_uri()

    def open_() -> None:
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="python", version=1, text=WRONG)))

    diagnostics, _ = await _next_diagnostics(client, uri, open_)
    errors = [d for d in diagnostics if d.severity == types.DiagnosticSeverity.Error]
    assert errors, diagnostics
    assert errors[0].range.start.line == FAULTY_LINE
    assert errors[0].source == "eq2code" and errors[0].code == "EQ307"
    assert errors[0].data["name"] == "sum-vs-mean"

    # hover on the finding: message, docs and the equation
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=errors[0].range.start)), WAIT)
    assert hover is not None and "sum-vs-mean" in hover.contents.value
    assert "\\mathrm{softmax}" in hover.contents.value

    # code actions: suppress on the line (and on the def)
    actions = await asyncio.wait_for(client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=errors[0].range,
        context=types.CodeActionContext(diagnostics=errors))), WAIT)
    titles = [a.title for a in actions]
    assert any("ignore sum-vs-mean on this line" in t for t in titles), titles
    line_action = next(a for a in actions if "on this line" in a.title)
    (edit,) = line_action.edit.changes[uri]
    assert edit.new_text == "  # eq2code: ignore[sum-vs-mean]" and edit.range.start.line == FAULTY_LINE
    # the verified fix (np.mean → np.sum; the edited code passed a re-check): a preferred quick fix
    fix = next(a for a in actions if a.title.startswith("eq2code: fix sum-vs-mean"))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "sum" and edit.range.start.line == FAULTY_LINE

    # save a fixed version: no error
    path.write_text(FIXED, encoding="utf-8")
    _change(client, uri, 2, FIXED)
    diagnostics, _ = await _next_diagnostics(client, uri, lambda: _save(client, uri))
    assert not [d for d in diagnostics if d.severity == types.DiagnosticSeverity.Error], diagnostics

    # warm: didSave → publishDiagnostics, alternately wrong and fixed
    latencies = []
    for k in range(6):
        text = WRONG if k % 2 == 0 else FIXED
        path.write_text(text, encoding="utf-8")
        _change(client, uri, 3 + k, text)
        diagnostics, seconds = await _next_diagnostics(client, uri, lambda: _save(client, uri))
        has_error = any(d.severity == types.DiagnosticSeverity.Error for d in diagnostics)
        assert has_error == (text is WRONG)
        latencies.append(seconds)
    median = statistics.median(latencies)
    print(f"\ndidSave → publishDiagnostics on a warm server: median {median:.3f} s "
          f"({', '.join(f'{s:.3f}' for s in latencies)})")
    assert median < 10


@pytest.mark.asyncio
async def test_unsaved_edit_is_checked_and_cancels_a_running_check(client: LanguageClient, tmp_path: Path):
    """A buffer is checked as it is, unsaved; a new edit kills the check still running."""
    path = tmp_path / "slow.py"
    path.write_text(SLOW, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="python", version=1, text=SLOW)))
    await asyncio.sleep(1.5)  # the check of the sleeping function is running now (30 s limit)
    diagnostics, seconds = await _next_diagnostics(client, uri, lambda: _change(client, uri, 2, FIXED))
    assert seconds < 20, "the running check was not cancelled"
    assert not [d for d in diagnostics if d.severity == types.DiagnosticSeverity.Error], diagnostics
    # and the unsaved wrong version is an error on its line
    diagnostics, _ = await _next_diagnostics(client, uri, lambda: _change(client, uri, 3, WRONG))
    assert any(d.range.start.line == FAULTY_LINE and d.severity == types.DiagnosticSeverity.Error
               for d in diagnostics), diagnostics


@pytest.mark.asyncio
async def test_markdown_document(client: LanguageClient, tmp_path: Path):
    text = (Path(__file__).resolve().parent.parent / "examples" / "documents" / "softmax-wrong.md").read_text(
        encoding="utf-8")
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()

    def open_() -> None:
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=text)))

    diagnostics, _ = await _next_diagnostics(client, uri, open_)
    wrong_line = next(i for i, line in enumerate(text.split("\n")) if "np.sum(logits)" in line)
    assert any(d.range.start.line == wrong_line and d.severity == types.DiagnosticSeverity.Error
               for d in diagnostics), diagnostics


# ----------------------------------------------------------------------------- in-process pieces


def test_check_text_of_an_unsaved_buffer(tmp_path: Path):
    path = tmp_path / "ex.py"
    path.write_text(FIXED, encoding="utf-8")
    outcome = check_text(str(path), WRONG)
    errors = [f for f in outcome.findings if f.effective_severity == 1]
    assert errors and errors[0].range.start.line == FAULTY_LINE
    assert all(os.path.abspath(f.path) == str(path) for f in outcome.findings)
    assert "softmax" in outcome.equations.get("softmax", "")


def test_suppression_edits():
    text = "x = 1\ny = 2  # eq2code: ignore[unstable-exp]\ns = '''a\nb'''\n"
    assert suppression_edit(text, 0, "sign-error") == (0, 5, 5, "  # eq2code: ignore[sign-error]")
    line, start, _end, new = suppression_edit(text, 1, "sign-error")
    assert (line, new) == (1, ", sign-error") and text.split("\n")[1][start - 1] == "p"
    assert suppression_edit(text, 2, "sign-error") is None  # inside a string that goes on
    assert unused_removal(text, 1, "unstable-exp") == (1, 5, len(text.split("\n")[1]), "")


# ----------------------------------------------------------------------------- value-based localization (issue 14)

SUM_OF_Z = """import numpy as np


# eq2code: rule=softmax
def softmax(z):
    e = np.exp(z)
    return e / np.sum(z)
"""
RETURN_LINE = 6  # 0-based: `return e / np.sum(z)`


@pytest.mark.asyncio
async def test_softmax_sum_of_z_is_reported_on_the_return_line(client: LanguageClient, tmp_path: Path):
    path = tmp_path / "softmax_sum.py"
    path.write_text(SUM_OF_Z, encoding="utf-8")
    uri = path.as_uri()

    def open_() -> None:
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="python", version=1, text=SUM_OF_Z)))

    diagnostics, _ = await _next_diagnostics(client, uri, open_)
    errors = [d for d in diagnostics if d.severity == types.DiagnosticSeverity.Error]
    assert errors and errors[0].range.start.line == RETURN_LINE, diagnostics
    assert errors[0].range.start.character == SUM_OF_Z.split("\n")[RETURN_LINE].index("np.sum(z)")
    assert "np.sum(z)" in errors[0].message and "Σ_j exp(z_j)" in errors[0].message


def test_check_text_locates_by_values(tmp_path: Path):
    path = tmp_path / "ex.py"
    path.write_text(SUM_OF_Z, encoding="utf-8")
    outcome = check_text(str(path), SUM_OF_Z)
    errors = [f for f in outcome.findings if f.effective_severity == 1]
    assert errors and errors[0].range.start.line == RETURN_LINE


def test_the_warm_heap_is_frozen_after_a_check_that_imported_modules():
    """A collection a save waits for never walks what the server's first checks imported
    (base/collector.py, D35); a check that imported nothing new freezes nothing more."""
    import subprocess
    import textwrap

    script = textwrap.dedent("""
        import gc
        from eq2code.lsp import server
        server._freeze_when_warmer()
        first = gc.get_freeze_count()
        server._freeze_when_warmer()
        again = gc.get_freeze_count()
        import sys, types
        sys.modules["eq2code_test_imported"] = types.ModuleType("eq2code_test_imported")  # a check imported one
        server._freeze_when_warmer()
        print(first > 0, again == first, gc.get_freeze_count() > again, *gc.get_threshold())
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    plain = subprocess.run([sys.executable, "-c", "import gc; print(*gc.get_threshold())"],
                           capture_output=True, text=True, check=True).stdout.split()
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True", *plain]  # the interpreter's default kept

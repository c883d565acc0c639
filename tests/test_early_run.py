"""The early run (code/sandbox/early.py): a single check replays the request the same check made
last time before it imports NumPy, and adopts that run only when its own request is identical —
a stale or forged entry never decides a verdict, and nothing is left behind."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from eq2code.base.paths import read_signed, write_signed
from eq2code.cli.main import main
from eq2code.code.sandbox import early, runner
from eq2code.code.sandbox.request import Request

ROOT = Path(__file__).resolve().parent.parent
CORRECT = ROOT / "examples" / "softmax" / "correct_stable_max.py"
WRONG = '''import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.mean(e)
'''

# The early run goes to the strict sandbox's zygote, or to the basic backend's child spawned
# ahead (waiting.py): these tests run with whichever backend the session has.

@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("EQ2CODE_NO_CACHE", raising=False)
    monkeypatch.setenv("EQ2CODE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def adoptions(monkeypatch):
    """What `early.adopt` answered, per run: True (the early run was used), False (not)."""
    seen: list[bool] = []
    real = early.adopt

    def spy(request):
        out = real(request)
        seen.append(out is not None)
        return out

    monkeypatch.setattr(runner.early, "adopt", spy)
    return seen


def check(impl: Path) -> int:
    return main(["check", "--rule", "softmax", str(impl)])


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "runs").glob("*.json"))


def test_the_second_identical_check_adopts_the_run_sent_ahead(cache, adoptions, capsys):
    assert check(CORRECT) == 0
    assert adoptions == [False] and len(entries(cache)) == 1
    assert check(CORRECT) == 0
    assert adoptions == [False, True]
    assert "All checks passed." in capsys.readouterr().out


def test_an_edited_file_is_judged_as_it_is_now(cache, adoptions, tmp_path):
    impl = tmp_path / "softmax_exercise.py"
    impl.write_text(CORRECT.read_text(encoding="utf-8"), encoding="utf-8")
    assert check(impl) == 0
    impl.write_text(WRONG, encoding="utf-8")  # the same request: the child imports the file anew
    assert check(impl) == 1
    assert adoptions[-1] is True


def test_a_forged_entry_is_not_adopted_and_decides_nothing(cache, adoptions, tmp_path):
    impl = tmp_path / "softmax_exercise.py"
    impl.write_text(WRONG, encoding="utf-8")
    assert check(impl) == 1
    [entry] = entries(cache)
    data = json.loads(read_signed("runs", entry.name, 2**23))
    # a request that would make the wrong code pass: another module, every argument zero
    data["stable"]["module_path"] = str(CORRECT)
    write_signed("runs", entry.name, json.dumps(data).encode())
    assert check(impl) == 1
    assert adoptions[-1] is False
    stored = json.loads(read_signed("runs", entry.name, 2**23))
    assert stored["stable"]["module_path"] == str(impl.resolve())  # the check's own request again


def test_an_unsigned_entry_is_ignored(cache, adoptions):
    assert check(CORRECT) == 0
    [entry] = entries(cache)
    entry.write_bytes(entry.read_bytes()[:-3] + b"xyz")
    assert check(CORRECT) == 0
    assert adoptions[-1] is False


def test_a_run_sent_ahead_and_not_used_is_taken_down(cache, adoptions, tmp_path, monkeypatch):
    cancelled: list[Path] = []
    real_cancel = early._cancel

    def spy(sent):
        cancelled.append(sent.slot.base)
        real_cancel(sent)

    monkeypatch.setattr(early, "_cancel", spy)
    impl = tmp_path / "softmax_exercise.py"
    impl.write_text(CORRECT.read_text(encoding="utf-8"), encoding="utf-8")
    assert check(impl) == 0
    impl.write_text("def softmax(:\n", encoding="utf-8")  # a syntax error: no run at all
    assert check(impl) == 1
    assert early._sent is None and early._key is None
    assert len(cancelled) == 1
    deadline = time.monotonic() + 10
    while cancelled[0].exists() and time.monotonic() < deadline:  # strict: removed by the zygote, after the check
        time.sleep(0.05)
    assert not cancelled[0].exists()
    impl.write_text(CORRECT.read_text(encoding="utf-8"), encoding="utf-8")
    assert check(impl) == 0  # the sandbox still serves runs


@pytest.mark.parametrize("name, plain", [("arg_0_0.npy", True), ("kwarg_3_1_0.npy", True),
                                         ("../arg_0_0.npy", False), ("a/b.npy", False), (".npy", False),
                                         ("request.json", False), ("arg 0.npy", False)])
def test_only_plain_argument_files_are_replayed(name, plain):
    assert early._plain_npy_name(name) is plain


def test_requests_compare_by_their_stable_part_and_bytes():
    a = Request({"limits": {"file_bytes": 1}, "calls": [{"args": [{"float": 1.5}]}]}, {"arg_0_0.npy": b"x"})
    assert early._decode(early._encode(a)) == a
    assert early._decode(early._encode(a)) != Request(a.stable, {"arg_0_0.npy": b"y"})

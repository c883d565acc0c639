"""Tests of the sandbox: user modules written to tmp_path, run through `run_calls`."""

from __future__ import annotations

import textwrap
import time
import uuid
from pathlib import Path

import numpy as np
import pytest
from sandbox_helpers import survivors

from eq2code.code.sandbox.api import CallSpec, RunOutcome
from eq2code.code.sandbox.runner import run_calls

SHORT_TIMEOUT = 3.0


def run(tmp_path: Path, source: str, calls: list[CallSpec] | None = None,
        function: str = "f", **options) -> RunOutcome:
    module = tmp_path / "impl.py"
    module.write_text(textwrap.dedent(source), encoding="utf-8")
    options.setdefault("timeout", SHORT_TIMEOUT)
    return run_calls(str(module), function, [CallSpec()] if calls is None else calls, **options)


def single(outcome: RunOutcome):
    assert outcome.status == "ok", outcome
    assert len(outcome.results) == 1
    return outcome.results[0]


# ----------------------------------------------------------------------------- results


def test_correct_results_come_back_as_plain_float64(tmp_path):
    source = """
        import numpy as np
        def softmax(z, T=1.0):
            e = np.exp(z / T)
            return (e / e.sum()).astype(np.float32)
    """
    z = np.array([1.0, 2.0, 3.0])
    calls = [CallSpec([z]), CallSpec([z], {"T": 2.0}), CallSpec([z], {"T": np.float32(0.5)})]
    outcome = run(tmp_path, source, calls, function="softmax")
    assert outcome.status == "ok"
    for result, temperature in zip(outcome.results, (1.0, 2.0, 0.5)):
        expected = np.exp(z / temperature) / np.exp(z / temperature).sum()
        assert result.status == "ok"
        assert type(result.value) is np.ndarray and result.value.dtype == np.float64
        assert result.dtype == "float32" and result.result_type == "ndarray"
        np.testing.assert_allclose(result.value, expected, rtol=1e-6)


def test_lists_scalars_and_bools_are_accepted(tmp_path):
    source = """
        def as_list(x): return [[1, 2], [3, 4.5]]
        def as_float(x): return 2.5
        def as_bool(x): return x > 0
    """
    x = np.array([-1.0, 1.0])
    listed = single(run(tmp_path, source, [CallSpec([x])], function="as_list"))
    assert listed.result_type == "list"
    np.testing.assert_array_equal(listed.value, [[1, 2], [3, 4.5]])
    scalar = single(run(tmp_path, source, [CallSpec([x])], function="as_float"))
    assert scalar.result_type == "float" and scalar.value.shape == () and scalar.value == 2.5
    flags = single(run(tmp_path, source, [CallSpec([x])], function="as_bool"))
    assert flags.dtype == "bool" and flags.value.dtype == np.float64
    np.testing.assert_array_equal(flags.value, [0.0, 1.0])


def test_nan_output_comes_back_as_nan(tmp_path):
    source = """
        import numpy as np
        def f(): return np.array([np.nan, 1.0, -np.inf])
    """
    value = single(run(tmp_path, source)).value
    assert np.isnan(value[0]) and value[1] == 1.0 and value[2] == -np.inf


def test_none_is_no_return_and_a_string_is_wrong_type(tmp_path):
    source = """
        def nothing(): pass
        def text(): return "0.5"
        import numpy as np
        def complex_value(): return 1 + 2j
        def complex_array(): return np.array([1 + 2j])
    """
    assert run(tmp_path, source, function="nothing").results[0].status == "no-return"
    text = run(tmp_path, source, function="text").results[0]
    assert text.status == "wrong-type" and text.result_type == "str"
    complex_value = run(tmp_path, source, function="complex_value").results[0]
    assert complex_value.status == "wrong-type" and complex_value.result_type == "complex"
    complex_array = run(tmp_path, source, function="complex_array").results[0]
    assert complex_array.status == "wrong-type" and complex_array.dtype == "complex128"


def test_a_huge_result_is_never_loaded_into_the_parent(tmp_path):
    source = """
        import numpy as np
        def f(): return np.zeros(200_000_000)
    """
    outcome = run(tmp_path, source, timeout=10.0)
    if outcome.status == "ok":
        assert outcome.results[0].status == "too-large" and outcome.results[0].value is None
    else:
        assert outcome.status == "resource-limit"


def test_reduce_is_never_executed(tmp_path):
    marker = tmp_path / "reduced"
    source = f"""
        import numpy as np
        def _touch(*args):
            open({str(marker)!r}, "w").close()
            return (list, ())
        class Sneaky(np.ndarray):
            def __reduce__(self): return _touch()
            def __reduce_ex__(self, protocol): return _touch()
        class Plain:
            def __reduce__(self): return _touch()
        def subclass(): return np.arange(3.0).view(Sneaky)
        def plain(): return Plain()
    """
    result = single(run(tmp_path, source, function="subclass"))
    np.testing.assert_array_equal(result.value, [0.0, 1.0, 2.0])
    assert type(result.value) is np.ndarray and result.result_type == "Sneaky"
    assert run(tmp_path, source, function="plain").results[0].status == "wrong-type"
    assert not marker.exists()


def test_monkeypatched_numpy_does_not_reach_the_child(tmp_path):
    source = """
        import numpy as np
        np.save = np.load = np.asarray = np.array_equal = None
        def f(x): return x * 2
    """
    result = single(run(tmp_path, source, [CallSpec([np.array([1.0, 2.0])])]))
    np.testing.assert_array_equal(result.value, [2.0, 4.0])


def test_mutated_arguments_are_reported(tmp_path):
    source = """
        import numpy as np
        def f(x, y, *, w):
            x *= 2
            w[0] = 5.0
            return x + y.sum()
    """
    x, y, w = np.array([1.0, np.nan]), np.array([np.nan, 1.0]), np.zeros(2)
    result = single(run(tmp_path, source, [CallSpec([x, y], {"w": w})]))
    assert result.mutated == ["arg0", "w"]
    assert np.array_equal(x, [1.0, np.nan], equal_nan=True)  # the parent's copy is untouched


def test_the_module_can_import_its_siblings(tmp_path):
    (tmp_path / "helpers.py").write_text("def double(x):\n    return 2 * x\n")
    source = """
        from helpers import double
        def f(x): return double(x)
    """
    assert single(run(tmp_path, source, [CallSpec([3.0])])).value == 6.0


def test_the_environment_is_scrubbed(tmp_path, monkeypatch):
    monkeypatch.setenv("EQ2CODE_TEST_SECRET", "hunter2")
    source = """
        import os
        def f():
            clean = "EQ2CODE_TEST_SECRET" not in os.environ
            home_is_cwd = os.environ["HOME"] == os.getcwd()
            return [clean, home_is_cwd, os.environ["OPENBLAS_NUM_THREADS"] == "1"]
    """
    np.testing.assert_array_equal(single(run(tmp_path, source)).value, [1.0, 1.0, 1.0])


def test_the_users_code_finds_the_collector_as_a_plain_python_has_it(tmp_path):
    """The zygote and a spawned child pause the cyclic collector while they import NumPy, and
    the command raises its threshold (D35): none of it reaches the user's code."""
    source = """
        import gc
        def f():
            return [float(gc.isenabled()), *map(float, gc.get_threshold())]
    """
    import subprocess
    import sys

    plain = subprocess.run([sys.executable, "-I", "-c", "import gc; print(*gc.get_threshold())"],
                           capture_output=True, text=True, check=True).stdout.split()
    np.testing.assert_array_equal(single(run(tmp_path, source)).value, [1.0, *map(float, plain)])


# ----------------------------------------------------------------------------- errors


def test_exception_reports_the_user_line_and_columns(tmp_path):
    source = """
        import numpy as np

        def f(x):
            y = x + 1
            return np.dot(y, np.ones(5))
    """
    calls = [CallSpec([np.ones(3)]), CallSpec([np.ones(5)])]
    outcome = run(tmp_path, source, calls)
    assert outcome.status == "ok"
    failed, passed = outcome.results
    assert failed.status == "exception" and failed.exc_type == "ValueError"
    assert failed.lineno == 6
    line = (tmp_path / "impl.py").read_text().splitlines()[5]
    assert line[failed.col:failed.end_col] == "np.dot(y, np.ones(5))"
    assert "impl.py" in failed.traceback and "ValueError" in failed.traceback
    assert passed.status == "ok" and passed.value == 10.0


def test_exception_at_import(tmp_path):
    source = """
        import numpy as np
        SCALE = 1 / 0
        def f(): return 1.0
    """
    outcome = run(tmp_path, source)
    assert outcome.status == "import-error" and outcome.phase == "import"
    assert outcome.exc_type == "ZeroDivisionError" and outcome.lineno == 3
    assert outcome.results == []


def test_syntax_error_at_import(tmp_path):
    source = """
        def f(x):
            return x +* 2
    """
    outcome = run(tmp_path, source)
    assert outcome.status == "import-error" and outcome.exc_type == "SyntaxError"
    line = (tmp_path / "impl.py").read_text().splitlines()[2]
    assert outcome.lineno == 3 and line[outcome.col] == "*"


def test_function_not_found(tmp_path):
    outcome = run(tmp_path, "def softmax(z): return z\n", function="softmax_t")
    assert outcome.status == "function-not-found"
    assert "softmax" in outcome.exc_message


def test_unbounded_recursion_is_a_clean_exception(tmp_path):
    source = """
        def f(n=0): return f(n + 1)
    """
    outcome = run(tmp_path, source)
    if outcome.status == "ok":
        result = outcome.results[0]
        assert result.status == "exception" and result.exc_type == "RecursionError"
        assert result.lineno == 2 and len(result.traceback) <= 4000
    else:
        assert outcome.status == "crashed"


# ----------------------------------------------------------------------------- the child's end


def test_infinite_loop_in_the_function_times_out(tmp_path):
    source = """
        def f():
            while True:
                pass
    """
    started = time.monotonic()
    outcome = run(tmp_path, source)
    assert time.monotonic() - started < SHORT_TIMEOUT + 3
    assert outcome.status == "timeout" and outcome.phase == "call"


def test_infinite_loop_at_import_times_out(tmp_path):
    source = """
        while True:
            pass
        def f(): return 1.0
    """
    started = time.monotonic()
    outcome = run(tmp_path, source)
    assert time.monotonic() - started < SHORT_TIMEOUT + 3
    assert outcome.status == "timeout" and outcome.phase == "import"


def test_unbounded_allocation_hits_the_memory_limit(tmp_path):
    source = """
        import numpy as np
        def f():
            blocks = []
            while True:
                blocks.append(np.ones(10_000_000))
    """
    outcome = run(tmp_path, source, memory_mb=512, timeout=10.0)  # the limit, not the clock, must end it
    assert outcome.status == "resource-limit" and outcome.phase == "call"
    assert outcome.exc_type.endswith("MemoryError")


def test_os_exit_is_an_exit(tmp_path):
    source = """
        import os
        def f(): os._exit(0)
    """
    outcome = run(tmp_path, source)
    assert (outcome.status, outcome.exit_code, outcome.phase) == ("exit", 0, "call")


def test_sys_exit_keeps_its_code_and_earlier_results(tmp_path):
    source = """
        import sys
        def f(x):
            if x > 1:
                sys.exit(3)
            return x
    """
    outcome = run(tmp_path, source, [CallSpec([1.0]), CallSpec([2.0]), CallSpec([3.0])])
    assert (outcome.status, outcome.exit_code, outcome.phase) == ("exit", 3, "call")
    assert outcome.exc_type == "SystemExit" and outcome.lineno == 5
    assert [result.value for result in outcome.results] == [1.0]


def test_keyboard_interrupt_is_reported(tmp_path):
    source = """
        def f(): raise KeyboardInterrupt
    """
    outcome = run(tmp_path, source)
    assert outcome.status == "exit" and outcome.exc_type == "KeyboardInterrupt"


def test_segfault_is_a_crash(tmp_path):
    source = """
        import ctypes
        def f(): return ctypes.string_at(0)
    """
    outcome = run(tmp_path, source)
    assert (outcome.status, outcome.signal_name, outcome.phase) == ("crashed", "SIGSEGV", "call")


def test_a_flood_of_output_is_capped(tmp_path):
    source = """
        import sys
        def f():
            line = "x" * 999 + "\\n"
            for _ in range(60_000):
                sys.stdout.write(line)
            print("done", file=sys.stderr)
            return 42.0
    """
    outcome = run(tmp_path, source, timeout=10.0, output_cap=100_000)
    assert single(outcome).value == 42.0
    assert len(outcome.stdout) + len(outcome.stderr) <= 100_000
    assert outcome.stdout.startswith("xxx") and outcome.stderr == "done\n"


def test_background_processes_do_not_survive(tmp_path):
    marker = f"eq2code-test-{uuid.uuid4().hex}"
    source = f"""
        import subprocess, sys
        def f():
            sleeper = [sys.executable, "-c", "import time; time.sleep(100)", {marker!r}]
            subprocess.Popen(sleeper)
            subprocess.Popen(sleeper, start_new_session=True)
            return 1.0
    """
    assert single(run(tmp_path, source)).value == 1.0
    assert survivors(marker) == []


@pytest.mark.parametrize("value", [np.array([None], dtype=object), "0.5"])
def test_unsupported_arguments_are_refused_in_the_parent(tmp_path, value):
    with pytest.raises((TypeError, ValueError)):
        run(tmp_path, "def f(x): return x\n", [CallSpec([value])])


def test_no_files_are_left_next_to_the_user_module(tmp_path):
    run(tmp_path, "def f(): return 1.0\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["impl.py"]

"""The checker's side of the sandbox: run the user's function in a child process (spec §5).

`run_calls` owns a run: it writes the request (arguments as `.npy` saved with
`allow_pickle=False`, everything else JSON — never pickle) into a fresh run directory, has
the platform layer (`platform.py`) run one child on it — strict: forked from the warm zygote
into namespaces, read-only files, seccomp; basic: a spawned `python -I child.py` in its own
process group — with a scrubbed environment, no stdin, a scratch working directory and
resource limits, enforces the wall-time limit, and turns whatever the child left behind into
a `RunOutcome` of plain data. Every file the child wrote is treated as untrusted: sizes are
checked before reading, types are validated, arrays are read as plain `.npy` only and
converted to base float64 ndarrays.

What each backend guarantees, and what it does not, is in docs/security.md and
`eq2code doctor`.
"""

from __future__ import annotations

import contextvars
import json
import math
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import subprocess

from eq2code.base.log import get_logger
from eq2code.code.sandbox import early, platform
from eq2code.code.sandbox.api import (
    Argument,
    CallResult,
    CallSpec,
    FunctionArgument,
    Phase,
    RunOutcome,
    RunStatus,
    Value,
    is_call_status,
    is_phase,
    is_run_status,
)
from eq2code.code.sandbox.platform import SandboxError, StrictUnavailable  # noqa: F401 - re-exported
from eq2code.code.sandbox.probes import read_probe
from eq2code.code.sandbox.request import Request

log = get_logger(__name__)

MIN_FILE_BYTES = 64 * 2**20  # RLIMIT_FSIZE floor; raised to fit the largest allowed result
MAX_PARTS = 16  # components of a returned tuple/dict, arguments changed in place
NPY_HEADER_BYTES = 64 * 2**10  # allowance for a .npy header on top of the data
JSON_BYTES = 2**20  # largest status file the parent reads
MAX_TEXT = 4000  # characters kept of any text field the child reports
UNREADABLE = "the child's report for this call could not be read back"
FAULT_BYTES = 2**18  # most of the faulthandler dump read back
FAULT_FRAME = re.compile(r'^\s*File "(.*)", line (\d+) in ', re.MULTILINE)
MAX_TRACE = 5000  # shape-trace records read back per call


# Told about every child started in this context (`eq2code lsp` sets it on the thread that runs
# a check, so that a new edit can kill the check's child at once). None: nobody is told.
child_observer: contextvars.ContextVar[Callable[[subprocess.Popen], None] | None] = contextvars.ContextVar(
    "eq2code_child_observer", default=None)


def run_calls(module_path: str, function_name: str, calls: list[CallSpec], *,
              timeout: float = 10.0, memory_mb: int = 2048,
              output_cap: int = 2_000_000, definitions_only: bool = False,
              meanwhile: Callable[[], None] | None = None) -> RunOutcome:
    """Import `module_path` once in a child process and call `function_name` for each call.

    `timeout` is the wall time of the whole run (child start-up included), `memory_mb` its
    address-space limit and `output_cap` the bytes of stdout+stderr kept.

    The outcome's status says how the run ended: "ok" (every call ran; each CallResult says
    what that call did), "import-error" (the module raised or had a syntax error on import),
    "function-not-found", "timeout" (wall or CPU time; `phase` says where), "crashed" (killed
    by a signal, `signal_name`), "resource-limit" (MemoryError, or killed by the kernel),
    "exit" (SystemExit, KeyboardInterrupt or another BaseException, or `os._exit`;
    `exit_code` where there is one). `definitions_only`: run only the module's definitions,
    imports and constants, not its script code (after an import that ran out of time).
    `meanwhile`: called once, in this thread, as soon as the child runs — work of the checker
    that does not depend on the run overlaps it (its errors are logged, never raised).
    Raises SandboxError when the child never reached the user's module, TypeError/ValueError
    for an argument that cannot be sent as plain data.
    """
    started = time.monotonic()
    limits = _limits(calls, timeout, memory_mb)
    request = _request(module_path, function_name, calls, limits, output_cap, definitions_only)
    early_run = early.adopt(request)  # the same run, started before this process imported NumPy
    if early_run is not None:
        slot, started = early_run
    else:
        slot = platform.open_run()  # strict: the directory a sandbox set up ahead of time waits in
    base = slot.base
    try:
        request_dir = base / "request"
        if early_run is None:
            request.write(request_dir, deadline=started + timeout)
            early.remember(request)
        timed_out, returncode = _run_child(slot, timeout - (time.monotonic() - started), limits["file_bytes"],
                                           meanwhile)
        slot.close()
        _restore_permissions(base)
        stdout, stderr = _read_output(base, output_cap)
        outcome = _interpret(request_dir, calls, timed_out, returncode, stderr)
        outcome.stdout, outcome.stderr = stdout, stderr
        if outcome.status in ("timeout", "crashed", "resource-limit") and not outcome.lineno:
            outcome.lineno = _fault_line(request_dir, os.path.abspath(module_path))
        outcome.seconds = time.monotonic() - started
        return outcome
    finally:
        slot.close()
        # A directory the user's code made unreadable (chmod 000) is left behind.
        platform.discard_run_directory(base)


# ----------------------------------------------------------------------------- request


def _limits(calls: list[CallSpec], timeout: float, memory_mb: int) -> dict:
    """The child's resource limits; the process limit is added when the request is written."""
    largest = max((call.max_elements for call in calls), default=0)
    return {
        "memory_bytes": memory_mb * 2**20,
        "cpu_seconds": math.ceil(timeout) + 1,
        "file_bytes": max(MIN_FILE_BYTES, largest * 8 + NPY_HEADER_BYTES),
    }


def _request(module_path: str, function_name: str, calls: list[CallSpec], limits: dict, output_cap: int,
             definitions_only: bool) -> Request:
    """The run's request: what the child reads (`request.json`, the volatile fields added when it
    is written) and the `.npy` files of the arguments."""
    files: dict[str, bytes] = {}
    encoded = [_encode_call(files, index, call) for index, call in enumerate(calls)]
    return Request({
        "module_path": os.path.abspath(module_path),
        "function": function_name,
        "limits": {key: value for key, value in limits.items() if key != "processes"},
        "output_cap": output_cap,
        "isolate_network": True,
        "definitions_only": definitions_only,
        "calls": encoded,
    }, files)


def _npy_bytes(array: np.ndarray) -> bytes:
    import io

    stream = io.BytesIO()
    np.save(stream, array, allow_pickle=False)
    return stream.getvalue()


def _encode_call(files: dict[str, bytes], index: int, call: CallSpec) -> dict:
    args = [_encode_argument(files, f"arg_{index}_{position}", value)
            for position, value in enumerate(call.args)]
    kwargs = {name: _encode_argument(files, f"kwarg_{index}_{position}", value)
              for position, (name, value) in enumerate(call.kwargs.items())}
    encoded = {"args": args, "kwargs": kwargs, "max_elements": int(call.max_elements)}
    if not call.construct:
        encoded["static"] = True
    if call.ctor_args or call.ctor_kwargs:
        encoded["ctor_args"] = [_encode_argument(files, f"carg_{index}_{position}", value)
                                for position, value in enumerate(call.ctor_args)]
        encoded["ctor_kwargs"] = {name: _encode_argument(files, f"ckwarg_{index}_{position}", value)
                                  for position, (name, value) in enumerate(call.ctor_kwargs.items())}
    if call.trace:
        encoded["trace"] = True
    if call.probe:
        encoded["probe"] = True
    return encoded


def _encode_argument(files: dict[str, bytes], stem: str, value: Argument) -> dict:
    """A value, or a dict of arrays passed as a dict (`{"dict": {key: reference}}`)."""
    if value is None:
        return {"none": True}
    if isinstance(value, FunctionArgument):
        return {"function": {"plan": value.plan, "params": list(value.params),
                             "free": [list(f) for f in value.free_indices],
                             "sizes": {str(k): int(v) for k, v in value.sizes.items()}}}
    if isinstance(value, dict):
        return {"dict": {str(key): _encode_value(files, f"{stem}_{position}", item)
                         for position, (key, item) in enumerate(value.items())}}
    return _encode_value(files, stem, value)


def _encode_value(files: dict[str, bytes], stem: str, value: Value) -> dict:
    """A reference the child can load: a `.npy` file name for arrays, JSON for Python scalars."""
    if isinstance(value, (np.ndarray, np.generic)):
        kind = "array" if isinstance(value, np.ndarray) else "npscalar"
        files[f"{stem}.npy"] = _npy_bytes(np.asarray(value))
        return {kind: f"{stem}.npy"}
    for scalar in (bool, int, float):  # bool first: it is also an int
        if isinstance(value, scalar):
            return {scalar.__name__: scalar(value)}
    raise TypeError(f"cannot pass a {type(value).__name__} to the sandbox")


# ----------------------------------------------------------------------------- the child


def _run_child(slot: platform.RunSlot, timeout: float, scratch_bytes: int = MIN_FILE_BYTES,
               meanwhile: Callable[[], None] | None = None) -> tuple[bool, int]:
    """Run the child to its end or the deadline through the platform layer (strict: forked
    from the zygote into namespaces; basic: spawned); returns (timed out, return code).
    `meanwhile` is called when the child has started (after the `child_observer`)."""
    observer = child_observer.get()
    if meanwhile is not None:
        observer = _then(observer, meanwhile)
    return platform.run_child(slot, timeout, scratch_bytes=scratch_bytes, observer=observer)


def _then(observer: Callable | None, meanwhile: Callable[[], None]) -> Callable:
    """An observer that tells `observer` of the child, then does `meanwhile` (never raising:
    the run must be waited for whatever happens here)."""
    def told(child) -> None:
        if observer is not None:
            observer(child)
        try:
            meanwhile()
        except Exception:
            log.debug("work during the run failed", exc_info=True)
    return told


def _restore_permissions(base: Path) -> None:
    """Undo a `chmod` the user's code did on the run's own directories, so that its reports
    can be read and the directory removed."""
    for directory in (base, base / "request", base / "scratch"):
        try:
            if directory.is_dir() and not directory.is_symlink():
                os.chmod(directory, 0o700)
        except OSError:
            pass


# ----------------------------------------------------------------------------- reading back


def _open_regular(path: Path, max_bytes: int | None):
    """Open a file the child wrote, refusing links, FIFOs, devices and oversized files."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode) or (max_bytes is not None and info.st_size > max_bytes):
        os.close(descriptor)
        return None
    return os.fdopen(descriptor, "rb")


def _read_output(base: Path, cap: int) -> tuple[str, str]:
    """stdout and stderr, at most `cap` bytes together; each keeps at least half if it has it."""
    sizes = {name: _file_size(base / name) for name in ("stdout", "stderr")}
    out_bytes = min(sizes["stdout"], cap - min(sizes["stderr"], cap // 2))
    err_bytes = min(sizes["stderr"], cap - out_bytes)
    return _read_start(base / "stdout", out_bytes), _read_start(base / "stderr", err_bytes)


def _file_size(path: Path) -> int:
    stream = _open_regular(path, None)
    if stream is None:
        return 0
    with stream:
        return os.fstat(stream.fileno()).st_size


def _read_start(path: Path, size: int) -> str:
    stream = _open_regular(path, None)
    if stream is None:
        return ""
    with stream:
        return stream.read(size).decode("utf-8", errors="replace")


def _fault_line(request_dir: Path, user_file: str) -> int | None:
    """The line of the user's file in the innermost frame faulthandler dumped, if any."""
    for match in FAULT_FRAME.finditer(_read_start(request_dir / "fault", FAULT_BYTES)):
        if match.group(1) == user_file and len(match.group(2)) < 10:
            return int(match.group(2)) or None
    return None


def _read_json(path: Path) -> dict | None:
    stream = _open_regular(path, JSON_BYTES)
    if stream is None:
        return None
    with stream:
        try:
            data = json.loads(stream.read())
        except (ValueError, RecursionError):
            return None
    return data if isinstance(data, dict) else None


def _read_phase(request_dir: Path) -> Phase | None:
    """The phase the child last announced; None when it never got to the user's module."""
    stream = _open_regular(request_dir / "progress", 64)
    if stream is None:
        return None
    with stream:
        word = stream.read().decode("ascii", errors="replace").split(" ")[0]
    return word if is_phase(word) else ""


def _load_result_array(path: Path, max_elements: int) -> np.ndarray | None:
    """The result array as a base float64 ndarray, or None when the file is not acceptable."""
    stream = _open_regular(path, max_elements * 8 + NPY_HEADER_BYTES)
    if stream is None:
        return None
    with stream:
        try:
            array = np.lib.format.read_array(stream, allow_pickle=False)
        except Exception:  # any malformed file is refused, whatever numpy raises for it
            log.debug("result file %s refused", path.name, exc_info=True)
            return None
    if array.dtype.kind not in "biuf" or array.size > max_elements:
        return None
    return np.array(array, dtype=np.float64)


# ----------------------------------------------------------------------------- validation


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    return value[:MAX_TEXT] if isinstance(value, str) else ""


def _integer(data: dict, key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _error_fields(data: dict) -> dict:
    """The exception details shared by CallResult and RunOutcome, validated."""
    texts = {key: _text(data, key) for key in ("exc_type", "exc_message", "traceback")}
    numbers = {key: _integer(data, key) for key in ("lineno", "col", "end_col")}
    return texts | numbers


def _call_result(data: dict | None, npy: Path, max_elements: int) -> CallResult:
    status = data.get("status") if data else None
    if data is None or not is_call_status(status):
        return CallResult(status="wrong-type", exc_message=UNREADABLE)
    result = CallResult(status=status, result_type=_text(data, "result_type"),
                        dtype=_text(data, "dtype"), **_error_fields(data))
    mutated = data.get("mutated")
    if isinstance(mutated, list):
        result.mutated = [name[:MAX_TEXT] for name in mutated if isinstance(name, str)]
    seconds = data.get("seconds")
    if isinstance(seconds, (int, float)) and not isinstance(seconds, bool):
        result.seconds = float(seconds)
    result.trace = _trace_records(data.get("trace"))
    result.probe = read_probe(npy.with_name(f"probe_{npy.stem.rpartition('_')[2]}.json"))
    result.components = _named_arrays(npy, data.get("components"), "c", max_elements)
    result.after = _named_arrays(npy, data.get("after"), "m", max_elements)
    if status == "ok":
        result.value = _load_result_array(npy, max_elements)
        if result.value is None:
            result.status, result.exc_message = "wrong-type", UNREADABLE
    return result


def _named_arrays(npy: Path, names, tag: str, max_elements: int) -> dict[str, np.ndarray]:
    """Arrays the child saved beside a result (`result_3_c0.npy` for the component listed
    first): the names it listed, validated, each file read like the result itself."""
    if not isinstance(names, list):
        return {}
    out: dict[str, np.ndarray] = {}
    for position, name in enumerate(names[:MAX_PARTS]):
        if not isinstance(name, str) or len(name) > 200 or name in out:
            continue
        array = _load_result_array(npy.with_name(f"{npy.stem}_{tag}{position}.npy"), max_elements)
        if array is not None:
            out[name] = array
    return out


def _trace_records(data) -> list[dict]:
    """A shape trace the child sent, validated: [{"line": int, "name": str, "shape": [int…]}]."""
    if not isinstance(data, list):
        return []
    records = []
    for item in data[:MAX_TRACE]:
        if not isinstance(item, dict):
            continue
        line, name, shape = item.get("line"), item.get("name"), item.get("shape")
        if not (isinstance(line, int) and not isinstance(line, bool) and isinstance(name, str)
                and isinstance(shape, list) and len(shape) <= 64
                and all(isinstance(d, int) and not isinstance(d, bool) for d in shape)):
            continue
        records.append({"line": line, "name": name[:200], "shape": list(shape)})
    return records


def _read_results(request_dir: Path, calls: list[CallSpec]) -> list[CallResult]:
    """One CallResult per call the child finished, in order, up to the first missing one."""
    results = []
    for index, call in enumerate(calls):
        report = request_dir / f"result_{index}.json"
        if not report.exists():
            break
        npy = request_dir / f"result_{index}.npy"
        results.append(_call_result(_read_json(report), npy, call.max_elements))
    return results


# ----------------------------------------------------------------------------- outcome


def _interpret(request_dir: Path, calls: list[CallSpec], timed_out: bool,
               returncode: int, stderr: str) -> RunOutcome:
    results = _read_results(request_dir, calls)
    phase = _read_phase(request_dir)
    if timed_out:
        return RunOutcome(status="timeout", phase=phase or "", results=results)
    reported = _reported_outcome(_read_json(request_dir / "outcome.json"), results)
    if reported is not None:
        return reported
    if phase is None:
        raise SandboxError(f"the sandbox child failed to start (exit {returncode}): "
                           f"{stderr[-MAX_TEXT:]}")
    if returncode < 0:
        return _signal_outcome(-returncode, phase, results)
    return RunOutcome(status="exit", phase=phase, exit_code=returncode, results=results)


def _reported_outcome(data: dict | None, results: list[CallResult]) -> RunOutcome | None:
    """The outcome the child wrote before leaving, if it wrote a valid one."""
    status = data.get("status") if data is not None else None
    if data is None or not is_run_status(status):
        return None
    phase = data.get("phase")
    skipped = data.get("script_skipped")
    return RunOutcome(status=status, phase=phase if is_phase(phase) else "",
                      results=results, exit_code=_integer(data, "exit_code"),
                      script_skipped=_error_fields(skipped) if isinstance(skipped, dict) else {},
                      **_error_fields(data))


def _signal_outcome(number: int, phase: Phase, results: list[CallResult]) -> RunOutcome:
    """A child killed by a signal that the parent did not send."""
    import signal  # a crash only: its enums cost a passing check ~0.6 ms of import

    try:
        name = signal.Signals(number).name
    except ValueError:
        name = f"signal {number}"
    # SIGKILL from someone else is the kernel's out-of-memory killer; SIGXCPU is RLIMIT_CPU;
    # SIGXFSZ is RLIMIT_FSIZE (CPython ignores it, but C code may restore it).
    by_signal: dict[str, RunStatus] = {"SIGKILL": "resource-limit", "SIGXCPU": "timeout",
                                       "SIGXFSZ": "resource-limit"}
    status = by_signal.get(name, "crashed")
    return RunOutcome(status=status, phase=phase, results=results, signal_name=name)

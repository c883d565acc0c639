"""The script that runs the user's function inside the sandbox child (spec §5).

It owns everything that happens *inside* the child process: applying the resource limits,
capping printed output, importing the user's module once, calling the function for every
requested call, and writing each outcome back as plain data (`.npy` saved with
`allow_pickle=False` plus JSON). It never compares anything — it never sees a reference.

Usage: ``python -I child.py REQUEST_DIR``, or ``python -I child.py --wait PARENT_PID REQUEST_DIR``
(the basic backend's child spawned ahead of its run, `waiting.py`: it isolates itself, imports
NumPy, then waits for the line ``go`` on its stdin before it reads anything of the request; any
other line, or the pipe's end, and it exits). The basic backend runs the same command through
`spawn.CHILD_START`, which loads this file from its cached bytecode. REQUEST_DIR holds ``request.json`` (written by
`runner.py`); the child writes into it:

- ``progress``: the current phase, ``import`` or ``call K``, so the parent can tell where a
  hang or a crash happened;
- ``result_K.npy`` / ``result_K.json``: one pair per finished call (the JSON is written last);
- ``outcome.json``: how the run ended, when the child got to say so;
- ``fault``: Python stacks written by `faulthandler` on a fatal signal (SIGSEGV, …) or just
  before the parent's deadline, so a crash or a hang can be pinned to a line of the user's file.

Before anything else the child asks the kernel to kill it when the parent dies
(``PR_SET_PDEATHSIG``) and, where that needs no privileges, moves into a new network namespace
(no network at all, not even loopback). Both are best effort: they are skipped silently where
the OS refuses them.

Imports are kept to what is already cheap (json, os, sys, time, traceback, linecache,
importlib, io, resource) and numpy. References to every numpy/json helper the child needs are taken
before the user's module runs, so casual monkeypatching (``np.save = ...``) cannot reach
them; user code runs in this process, though, so this is a courtesy, not a security boundary.
"""

from __future__ import annotations

import faulthandler
import importlib.machinery
import importlib.util
import io
import json
import linecache
import os
import sys
import time
import traceback
import types

resource: types.ModuleType | None
try:
    import resource
except ImportError:  # not POSIX: no limits beyond the parent's wall clock
    resource = None

MODULE_NAME = "eq2code_user_impl"
MAX_TEXT = 2000  # characters kept of an exception message or traceback
MAX_NESTING = 32  # deepest list/tuple nesting accepted as a result
TRACEBACK_FRAMES = 5  # user frames kept in a reported traceback
TRACE_LIMIT = 2000  # distinct (line, name, shape) records kept by a shape trace
TRACE_COMPARE = 4096  # arrays up to this size are compared by value to see in-place changes
NUMERIC_KINDS = "biuf"  # bool, int, unsigned, float
MAX_PARTS = 16  # components of a tuple/dict return, and arguments changed in place, sent back

_open = open
_os_open = os.open
_close = os.close
_json_dumps = json.dumps
_json_load = json.load
_perf_counter = time.perf_counter
_replace = os.replace
_write = os.write
_exit = os._exit
_monotonic = time.monotonic
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
SIGKILL = 9
WATCHDOG_MARGIN = 0.5  # seconds before the parent's deadline when the stacks are dumped
_settrace = sys.settrace
_gettrace = sys.gettrace


# ----------------------------------------------------------------------------- limits


def apply_limits(limits: dict) -> None:
    """Lower this process's resource limits (soft and hard, so user code cannot raise them)."""
    if resource is None:
        return
    wanted = {
        "RLIMIT_AS": limits.get("memory_bytes"),
        "RLIMIT_CPU": limits.get("cpu_seconds"),
        "RLIMIT_FSIZE": limits.get("file_bytes"),
        "RLIMIT_NPROC": limits.get("processes"),
        "RLIMIT_CORE": 0,
    }
    for name, value in wanted.items():
        kind = getattr(resource, name, None)
        if kind is not None and value is not None:
            _lower_limit(kind, int(value))


def _lower_limit(kind: int, value: int) -> None:
    if resource is None:
        return
    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    try:
        resource.setrlimit(kind, (value, value))
    except (OSError, ValueError):  # e.g. RLIMIT_AS on macOS: keep what the OS allows
        pass


# ----------------------------------------------------------------------------- isolation


def _libc():
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True)
    except (ImportError, OSError, AttributeError):
        return None


def isolate(request: dict) -> list:
    """Kernel isolation that needs no privileges, best effort; returns what was applied.

    Must run while the process has a single thread (unshare(CLONE_NEWUSER) requires it),
    so before numpy is imported.
    """
    if not sys.platform.startswith("linux"):
        return []
    libc = _libc()
    if libc is None:
        return []
    applied = []
    if libc.prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == 0:
        applied.append("parent-death")
        if os.getppid() != request.get("parent_pid", os.getppid()):  # the parent already died
            _exit(0)
    if request.get("isolate_network", True) and _new_network_namespace(libc):
        applied.append("network")
    return applied


def _new_network_namespace(libc) -> bool:
    """An empty network namespace: root may create one directly, others through a user
    namespace (where the distribution allows unprivileged ones). Root keeps its user namespace
    so that it keeps reading files it reads now."""
    uid, gid = os.getuid(), os.getgid()
    if os.geteuid() == 0 and libc.unshare(CLONE_NEWNET) == 0:
        return True
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        return False
    # Map our own ids into the new namespace so that files and os.getuid() look as before.
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"),
                       ("gid_map", f"{gid} {gid} 1")):
        try:
            with _open(f"/proc/self/{name}", "w", encoding="ascii") as stream:
                stream.write(text)
        except OSError:
            pass
    return True


def start_fault_reports(request_dir: str, deadline: float | None) -> None:
    """Dump the Python stacks to ``fault`` on a fatal signal and shortly before the deadline."""
    try:
        fd = os.open(os.path.join(request_dir, "fault"),
                     os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        faulthandler.enable(file=fd, all_threads=True)
        if deadline is not None:
            left = deadline - _monotonic()
            left -= min(WATCHDOG_MARGIN, left / 10)
            if left > 0:
                faulthandler.dump_traceback_later(left, file=fd)
    except (OSError, ValueError, RuntimeError):  # diagnostics only: run without them
        pass


# ----------------------------------------------------------------------------- output


class CappedRaw(io.RawIOBase):
    """A raw binary stream on a file descriptor that silently drops bytes past `cap`.

    Printing 60 MB then costs only the time to format it: the output file stays small and
    never reaches RLIMIT_FSIZE.
    """

    def __init__(self, fd: int, cap: int) -> None:
        super().__init__()
        self._fd = fd
        self._left = cap

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data) -> int:
        size = len(data)
        if self._left > 0:
            chunk = bytes(data[: self._left])
            self._left -= len(chunk)
            _write_all(self._fd, chunk)
        return size


def _write_all(fd: int, chunk: bytes) -> None:
    try:
        while chunk:
            chunk = chunk[_write(fd, chunk):]
    except OSError:  # file-size limit or a closed descriptor: output is best effort
        pass


def _write_file(path: str, data: bytes) -> None:
    """The file `path` holding `data` (os calls only: a run writes ~20 small files)."""
    fd = _os_open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while data:
            data = data[_write(fd, data):]
    finally:
        _close(fd)


def capped_text_stream(fd: int, cap: int) -> io.TextIOWrapper:
    buffered = io.BufferedWriter(CappedRaw(fd, cap))
    return io.TextIOWrapper(buffered, encoding="utf-8", errors="backslashreplace",
                            line_buffering=True)


def flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # the user may have replaced or closed the streams
            pass


# ----------------------------------------------------------------------------- numpy


class Numpy:
    """The numpy functions and types the child uses, captured before user code runs."""

    def __init__(self, np) -> None:
        self.save = np.save
        self.load = np.load
        self.array = np.array
        self.asarray = np.asarray
        self.array_equal = np.array_equal
        self.ndarray = np.ndarray
        self.generic = np.generic
        self.float64 = np.float64
        self.view = np.ndarray.view
        self.copy = np.ndarray.copy
        self.shape = np.ndarray.shape.__get__  # the shape without calling a subclass's code
        self.size = np.ndarray.size.__get__


# ----------------------------------------------------------------------------- errors


class ErrorReport:
    """What the parent learns about an exception: type, message, user-file location."""

    def __init__(self, exc: BaseException, user_file: str) -> None:
        self.exc_type = type(exc).__name__
        self.exc_message = _safe_str(exc)
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == user_file]
        self.lineno, self.col, self.end_col = _location(exc, frames, user_file)
        self.traceback = _format_traceback(frames, self.exc_type, self.exc_message)

    def as_dict(self) -> dict:
        return {"exc_type": self.exc_type, "exc_message": self.exc_message,
                "lineno": self.lineno, "col": self.col, "end_col": self.end_col,
                "traceback": self.traceback}


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)[:MAX_TEXT]
    except BaseException:  # a user exception whose __str__ fails
        return "<unprintable exception>"


def _location(exc: BaseException, frames: list, user_file: str) -> tuple:
    """1-based line and 0-based character columns of the error in the user's file."""
    if isinstance(exc, SyntaxError) and exc.filename == user_file and exc.lineno:
        col = exc.offset - 1 if exc.offset else None
        end = exc.end_offset - 1 if exc.end_offset and exc.end_lineno == exc.lineno else None
        return exc.lineno, col, end
    if not frames:
        return None, None, None
    frame = frames[-1]
    line = linecache.getline(user_file, frame.lineno)
    col = _char_column(line, getattr(frame, "colno", None))
    end_col = _char_column(line, getattr(frame, "end_colno", None))
    if getattr(frame, "end_lineno", frame.lineno) != frame.lineno:
        end_col = None
    return frame.lineno, col, end_col


def _char_column(line: str, byte_offset: int | None) -> int | None:
    """Tracebacks count columns in UTF-8 bytes; the report counts characters."""
    if byte_offset is None or not line:
        return None
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def _format_traceback(frames: list, exc_type: str, message: str) -> str:
    lines = traceback.format_list(frames[-TRACEBACK_FRAMES:])
    skipped = len(frames) - TRACEBACK_FRAMES
    head = [f"  ... {skipped} more frames\n"] if skipped > 0 else []
    return ("".join(head + lines) + f"{exc_type}: {message}")[-MAX_TEXT:]


# ----------------------------------------------------------------------------- results


class Refused(Exception):
    """A result that cannot be sent back: carries the call status and a reason."""

    def __init__(self, status: str, reason: str, dtype: str = "") -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.dtype = dtype


def to_plain_array(result, max_elements: int, npx: Numpy) -> tuple:
    """Convert a returned value to a base float64 ndarray and its original dtype name.

    Raises Refused for what cannot be sent back. Sizes are checked before any conversion.
    """
    base = _as_base_array(result, max_elements, npx)
    dtype = str(base.dtype)
    if base.dtype.kind not in NUMERIC_KINDS:
        raise Refused("wrong-type", f"dtype {dtype} is not a real number type", dtype)
    return npx.array(base, dtype=npx.float64), dtype


def _as_base_array(result, max_elements: int, npx: Numpy):
    if isinstance(result, npx.ndarray):
        base = npx.view(result, npx.ndarray)  # drops the subclass without calling its code
        _check_size(base.size, max_elements, str(base.dtype))
        return base
    if isinstance(result, (bool, int, float, npx.generic)):
        return npx.asarray(result)
    if isinstance(result, (list, tuple)):
        leaf_types = (bool, int, float, npx.ndarray, npx.generic)
        _check_size(_count_elements(result, leaf_types, max_elements, 0), max_elements, "")
        return _array_from_sequence(result, npx)
    raise Refused("wrong-type", f"a {type(result).__name__} is not a number or an array")


def _check_size(size: int, max_elements: int, dtype: str) -> None:
    if size > max_elements:
        raise Refused("too-large", f"the result has more than {max_elements} elements", dtype)


def _count_elements(value, leaf_types: tuple, bound: int, depth: int) -> int:
    """Leaf count of a nested list/tuple, stopping as soon as it exceeds `bound`."""
    if depth > MAX_NESTING:
        raise Refused("wrong-type", "the list is nested too deeply")
    total = 0
    for item in value:
        if isinstance(item, (list, tuple)):
            total += _count_elements(item, leaf_types, bound - total, depth + 1)
        elif isinstance(item, leaf_types):
            total += getattr(item, "size", 1)
        else:
            raise Refused("wrong-type", f"the list contains a {type(item).__name__}")
        if total > bound:
            return total
    return total


def _array_from_sequence(value, npx: Numpy):
    try:
        return npx.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged nesting, odd elements
        raise Refused("wrong-type", f"the list is not a regular array: {_safe_str(exc)}") from exc


# ----------------------------------------------------------------------------- shape trace


class ShapeTrace:
    """Opt-in (a call's ``trace``): the shapes of the locals of the user's file, line by line.

    Runs under ``sys.settrace`` restricted to frames whose code comes from the user's file.
    After each executed line, every local that is a numpy array or a scalar and changed on
    that line (a new object, a new shape, or — for small arrays — new values written in
    place) is recorded as ``{"line": n, "name": var, "shape": [..]}`` (1-based line); what a
    frame returns is recorded under the name ``return``. Identical records are kept once,
    and at most TRACE_LIMIT of them. The trace only reads: it never changes what the
    function computes (but note that while any trace function is active, CPython 3.11 keeps
    a frame's locals in a dict, so ``ndarray.resize`` with its reference check can refuse).
    """

    def __init__(self, user_file: str, npx: Numpy) -> None:
        self.user_file = user_file
        self.npx = npx
        self.records: list = []
        self.seen: set = set()
        self.frames: dict = {}  # frame → (line being executed, {name: (id, shape, copy)})

    def global_trace(self, frame, event, arg):
        if event != "call" or len(self.records) >= TRACE_LIMIT \
                or frame.f_code.co_filename != self.user_file:
            return None
        try:
            self.frames[frame] = (None, self.state(frame.f_locals))  # the arguments: a baseline
        except Exception:  # a local the trace cannot look at: leave this frame alone
            return None
        return self.local_trace

    def local_trace(self, frame, event, arg):
        entry = self.frames.get(frame)
        if entry is None:
            return None
        try:
            line, before = entry
            if event == "line":
                after = self.state(frame.f_locals)
                if line is not None:
                    self.note_changes(line, before, after)
                self.frames[frame] = (frame.f_lineno, after)
            elif event == "return":
                del self.frames[frame]
                if line is not None:
                    self.note_changes(line, before, self.state(frame.f_locals))
                shape = self.shape_of(arg)
                if shape is not None:
                    self.add(frame.f_lineno, "return", shape)
        except Exception:  # never let the trace disturb the user's code
            self.frames.pop(frame, None)
            return None
        if len(self.records) >= TRACE_LIMIT:
            return None
        return self.local_trace

    def shape_of(self, value):
        kind = type(value)
        if issubclass(kind, self.npx.ndarray):
            return tuple(self.npx.shape(value))
        if issubclass(kind, (int, float, complex, self.npx.generic)):
            return ()
        return None

    def state(self, local_vars: dict) -> dict:
        out = {}
        for name, value in local_vars.items():
            shape = self.shape_of(value)
            if shape is None:
                continue
            copy = None
            if shape and self.npx.size(value) <= TRACE_COMPARE:
                copy = self.npx.copy(self.npx.view(value, self.npx.ndarray))
            out[name] = (id(value), shape, copy)
        return out

    def note_changes(self, line: int, before: dict, after: dict) -> None:
        for name, (ident, shape, copy) in after.items():
            old = before.get(name)
            if old is not None and old[0] == ident and old[1] == shape \
                    and (copy is None or old[2] is None or self.same(old[2], copy)):
                continue
            self.add(line, name, shape)

    def same(self, a, b) -> bool:
        try:
            return bool(self.npx.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
        except Exception:
            return False

    def add(self, line: int, name: str, shape: tuple) -> None:
        key = (line, name, shape)
        if key in self.seen or len(self.records) >= TRACE_LIMIT:
            return
        self.seen.add(key)
        self.records.append({"line": line, "name": name, "shape": [int(d) for d in shape]})


# ----------------------------------------------------------------------------- the run


class Run:
    """One child run: the request, the user's module, and the files written back."""

    def __init__(self, request_dir: str, request: dict, npx: Numpy) -> None:
        self.dir = request_dir
        self.request = request
        self.npx = npx
        self.user_file = os.path.abspath(request["module_path"])
        self.method = None  # the method to call on a fresh instance, for `Class.method`
        self.script_skipped: dict | None = None  # the import error whose script code was skipped

    # -- files written for the parent

    def path(self, name: str) -> str:
        return os.path.join(self.dir, name)

    def write_json(self, name: str, data: dict) -> None:
        temporary = self.path(name + ".tmp")
        _write_file(temporary, _json_dumps(data).encode("utf-8"))
        _replace(temporary, self.path(name))

    def set_phase(self, phase: str) -> None:
        _write_file(self.path("progress"), phase.encode("utf-8"))

    def finish(self, status: str, phase: str = "", **details) -> None:
        """Report how the run ended and leave at once: no atexit hooks, no user threads
        (never returns)."""
        flush_output()
        try:
            self.write_json("outcome.json", {"status": status, "phase": phase, **details})
        except BaseException:  # the user's code removed or locked the request directory
            _exit(1)
        _exit(0)

    def stop_on(self, exc: BaseException, phase: str) -> None:
        """End the run on what is not an ordinary exception (never returns)."""
        report = ErrorReport(exc, self.user_file).as_dict()
        if isinstance(exc, MemoryError):
            self.finish("resource-limit", phase, **report)
        if isinstance(exc, SystemExit):
            self.finish("exit", phase, exit_code=_exit_code(exc), **report)
        self.finish("exit", phase, exit_code=None, **report)

    # -- the user's module

    def import_module(self):
        self.set_phase("import")
        here = os.path.dirname(self.user_file)
        sys.path.insert(0, here)
        # last, the folder above: the textbook's chNN/ scripts reach common/ with
        # `sys.path.append(os.pardir)`, which assumes they run from their own folder
        sys.path.append(os.path.dirname(here))
        if self.request.get("definitions_only"):
            module = self.definitions_only({})
            if module is None:
                self.finish("function-not-found", "import", exc_message="not among the module's definitions")
            return module
        try:
            loader = importlib.machinery.SourceFileLoader(MODULE_NAME, self.user_file)
            spec = importlib.util.spec_from_file_location(MODULE_NAME, self.user_file,
                                                          loader=loader)
            if spec is None:
                raise ImportError(f"cannot load {self.user_file}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[MODULE_NAME] = module
            loader.exec_module(module)
        except MemoryError as exc:
            self.stop_on(exc, "import")
        except Exception as exc:
            report = ErrorReport(exc, self.user_file).as_dict()
            module = self.definitions_only(report)
            if module is None:
                self.finish("import-error", "import", **report)
        except SystemExit as exc:  # script code that exits (argparse, sys.exit()) outside `__main__`
            module = self.definitions_only(ErrorReport(exc, self.user_file).as_dict())
            if module is None:
                self.stop_on(exc, "import")
        except BaseException as exc:
            self.stop_on(exc, "import")
        return module

    def definitions_only(self, report: dict):
        """A script whose module-level code fails on import (`import matplotlib`, a dataset
        loader, `plt.show()`): its definitions, imports and constants run one by one, the rest
        skipped — what checking one of its functions needs. None when the requested function
        is not among what ran; else the module, and the first failure is reported as skipped."""
        import ast

        try:
            with _open(self.user_file, "rb") as stream:
                tree = ast.parse(stream.read(), self.user_file)
        except Exception:
            return None
        failed_at = report.get("lineno")
        failed = next((n for n in tree.body if failed_at and n.lineno <= failed_at <= (n.end_lineno or n.lineno)), None)
        imported = isinstance(failed, (ast.Import, ast.ImportFrom))
        if failed is not None and _definition_like(failed, ast) and not imported:
            return None  # a definition itself failed (SCALE = 1 / 0, a def whose body the script called)
        module = types.ModuleType(MODULE_NAME)
        module.__file__ = self.user_file
        sys.modules[MODULE_NAME] = module
        for node in tree.body:
            if not _definition_like(node, ast):
                continue
            try:
                exec(compile(ast.Module(body=[node], type_ignores=[]), self.user_file, "exec"), module.__dict__)
            except Exception:
                continue
        name = self.request["function"].rpartition(".")[0] or self.request["function"]
        if not callable(module.__dict__.get(name)):
            return None
        self.script_skipped = {k: report.get(k) for k in ("exc_type", "exc_message", "lineno")}
        return module

    def find_function(self, module):
        """The function to call; for `Class.method`, the class (constructed per call)."""
        name = self.request["function"]
        owner_name, _, method = name.rpartition(".")
        try:
            function = getattr(module, owner_name or name, None)
        except BaseException as exc:  # a module-level __getattr__ that misbehaves
            self.stop_on(exc, "import")
        if owner_name and isinstance(function, type):
            self.method = method
        if not callable(function):
            defined = sorted(key for key, value in vars(module).items()
                             if getattr(value, "__module__", None) == MODULE_NAME
                             and callable(value) and not key.startswith("_"))
            self.finish("function-not-found", "import",
                        exc_message=f"no function {name!r}; defined: {', '.join(defined)}")
        return function

    # -- the calls

    def run_all(self, function) -> None:
        for index, call in enumerate(self.request["calls"]):
            self.set_phase(f"call {index}")
            self.run_call(index, call, function)
        self.set_phase("done")
        if self.script_skipped is not None:
            self.finish("ok", script_skipped=self.script_skipped)
        self.finish("ok")

    def run_call(self, index: int, call: dict, function) -> None:
        args = [self.load_value(ref) for ref in call["args"]]
        kwargs = {name: self.load_value(ref) for name, ref in call["kwargs"].items()}
        originals = self.snapshot(args, kwargs)
        trace = ShapeTrace(self.user_file, self.npx) if call.get("trace") else None
        started = _perf_counter()
        try:  # converting may run user code too (a list subclass's __iter__)
            if self.method is not None and call.get("static"):  # a @staticmethod: on the class
                target = getattr(function, self.method)
            elif self.method is not None:  # Class.method: a fresh object per call
                instance = function(*[self.load_value(ref) for ref in call.get("ctor_args", [])],
                                    **{k: self.load_value(ref) for k, ref in call.get("ctor_kwargs", {}).items()})
                target = getattr(instance, self.method)
            else:
                target = function
            probed = _probe_module().instrument(target, self.user_file, self.npx) if call.get("probe") else None
            result = self.call(probed[0] if probed else target, args, kwargs, trace)
            record = self.store_result(index, result, call["max_elements"])
            if probed:  # values of the function's sub-expressions (probe.py), plain JSON
                self.write_json(f"probe_{index}.json", probed[1].report())
        except MemoryError as exc:
            self.stop_on(exc, "call")
        except Exception as exc:
            record = {"status": "exception", **ErrorReport(exc, self.user_file).as_dict()}
        except BaseException as exc:
            self.stop_on(exc, "call")
        record["seconds"] = _perf_counter() - started
        record["mutated"] = self.mutated(originals, args, kwargs)
        record["after"] = self.store_parts(index, "m", self.changed_values(record["mutated"], args, kwargs),
                                           call["max_elements"])
        if trace is not None:
            record["trace"] = trace.records
        self.write_json(f"result_{index}.json", record)

    def call(self, function, args: list, kwargs: dict, trace):
        """Call the user's function, under the shape trace when one is asked for."""
        if trace is None:
            return function(*args, **kwargs)
        previous = _gettrace()
        _settrace(trace.global_trace)
        try:
            return function(*args, **kwargs)
        finally:
            _settrace(previous)

    def load_value(self, ref: dict):
        if "none" in ref:
            return None
        if "dict" in ref:
            return {str(key): self.load_value(item) for key, item in ref["dict"].items()}
        if "function" in ref:
            return equation_function(ref["function"], self.npx)
        if "array" in ref:
            return self.npx.load(self.path(ref["array"]), allow_pickle=False)
        if "npscalar" in ref:
            return self.npx.load(self.path(ref["npscalar"]), allow_pickle=False)[()]
        if "bool" in ref:
            return bool(ref["bool"])
        if "int" in ref:
            return int(ref["int"])
        return float(ref["float"])

    def snapshot(self, args: list, kwargs: dict) -> dict:
        """Copies of the array arguments (a dict's arrays as `name[key]`) to see in-place changes."""
        return {name: self.npx.copy(value) for name, value in self.named_arrays(args, kwargs).items()}

    def named_arrays(self, args: list, kwargs: dict) -> dict:
        named = {f"arg{i}": value for i, value in enumerate(args)} | kwargs
        out = {}
        for name, value in named.items():
            if isinstance(value, self.npx.ndarray):
                out[name] = value
            elif isinstance(value, dict):
                out.update({f"{name}[{key}]": item for key, item in value.items()
                            if isinstance(item, self.npx.ndarray)})
        return out

    def changed_values(self, changed: list, args: list, kwargs: dict) -> dict:
        """The new values of the arguments changed in place; for a dict, the values its keys
        hold now (a key may now hold a new array: `params[key] = params[key] - lr * g`)."""
        named = {f"arg{i}": value for i, value in enumerate(args)} | kwargs
        out = {}
        for name in changed:
            base, _, key = name.partition("[")
            value = named.get(base)
            out[name] = value.get(key[:-1]) if isinstance(value, dict) else value
        return out

    def store_parts(self, index: int, tag: str, parts: dict, max_elements: int) -> list:
        """Save each convertible part as `result_{index}_{tag}{position}.npy`; the names, in order."""
        names: list[str] = []
        for name, value in list(parts.items())[:MAX_PARTS]:
            try:
                array, _ = to_plain_array(value, max_elements, self.npx)
            except MemoryError:
                raise
            except Exception:  # a part that is no array of numbers (a cache object, None) is left out
                array = None
            position = len(names)
            if array is not None:
                self.npx.save(self.path(f"result_{index}_{tag}{position}.npy"), array, allow_pickle=False)
            names.append(str(name) if array is not None else "")
        return names

    def mutated(self, originals: dict, args: list, kwargs: dict) -> list:
        named = self.named_arrays(args, kwargs)
        holders = {f"arg{i}": value for i, value in enumerate(args)} | kwargs
        for name in originals:  # a dict entry that now holds another array counts as changed
            base, _, key = name.partition("[")
            if key and isinstance(holders.get(base), dict):
                named[name] = holders[base].get(key[:-1])
        changed = []
        for name, before in originals.items():
            nan_aware = before.dtype.kind in "fc"
            try:
                same = bool(self.npx.array_equal(before, named[name], equal_nan=nan_aware))
            except Exception:  # e.g. the array's dtype was changed in place
                same = False
            if not same:
                changed.append(name)
        return changed

    def store_result(self, index: int, result, max_elements: int) -> dict:
        result_type = type(result).__name__
        if result is None:
            return {"status": "no-return", "result_type": result_type}
        components = []
        if isinstance(result, (tuple, list, dict)) and 0 < len(result) <= MAX_PARTS:
            parts = dict(result) if isinstance(result, dict) else dict(enumerate(result))
            if isinstance(result, dict) or not all(isinstance(v, (bool, int, float, self.npx.generic))
                                                   for v in parts.values()):
                components = self.store_parts(index, "c", parts, max_elements)
        try:
            array, dtype = to_plain_array(result, max_elements, self.npx)
        except Refused as refused:
            return {"status": refused.status, "result_type": result_type, "components": components,
                    "dtype": refused.dtype, "exc_message": refused.reason}
        except MemoryError:
            raise
        except Exception as exc:  # e.g. an int too large for any dtype, a failing __len__
            return {"status": "wrong-type", "result_type": result_type,
                    "exc_message": f"it cannot be converted to an array of numbers "
                                   f"({type(exc).__name__}: {_safe_str(exc)[:200]})"}
        self.npx.save(self.path(f"result_{index}.npy"), array, allow_pickle=False)
        return {"status": "ok", "result_type": result_type, "dtype": dtype, "components": components}


def _probe_module():
    """probe.py beside this file, loaded by path (`-I` leaves this directory off sys.path)."""
    spec = importlib.util.spec_from_file_location(
        "eq2code_sandbox_probe", os.path.join(os.path.dirname(os.path.abspath(__file__)), "probe.py"))
    if spec is None or spec.loader is None:
        raise ImportError("probe.py cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _definition_like(node, ast) -> bool:
    """What a module defines rather than does: defs, classes, imports, assignments without
    calls (h = 1e-4), and `sys.path.append(...)`/`insert` (the book's `sys.path.append(os.pardir)`)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
        return True
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        return node.value is not None and not any(isinstance(n, ast.Call) for n in ast.walk(node.value))
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        return ast.unparse(node.value.func) in ("sys.path.append", "sys.path.insert")
    return False


def equation_function(spec: dict, npx: Numpy):
    """A function the equation file defines, as a Python callable over arrays: its plan evaluated
    by reference/evaluate.py (loaded by path, numpy only). A 0-d value is returned as a float,
    as code that takes a loss function (`numerical_gradient(f, x)`) expects of it."""
    evaluate = _sibling_module("eq2code_sandbox_evaluate", os.path.join("..", "..", "reference", "evaluate.py"))
    plan, params, sizes = spec["plan"], [str(p) for p in spec["params"]], dict(spec["sizes"])
    free = [tuple(f) for f in spec["free"]]

    def equation_defined_function(*args):
        if len(args) != len(params):
            raise TypeError(f"the equation's function takes {len(params)} argument(s), {len(args)} given")
        values = {name: npx.asarray(value, dtype=float) for name, value in zip(params, args)}
        out = npx.asarray(evaluate.evaluate_plan(plan, free, values, sizes), dtype=float)
        return float(out) if out.ndim == 0 else out

    return equation_defined_function


def _sibling_module(name: str, relative: str):
    """A module of eq2code loaded by its path from this file's folder (`-I` keeps eq2code off sys.path)."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    path = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), relative))
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{relative} cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def _exit_code(exc: SystemExit):
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


GO = b"go\n"  # the one line that starts a waiting child's run


def _import_numpy():
    """NumPy, imported with the cyclic collector paused (~4 ms of a spawned child's start; the
    zygote does the same), then on again as in any Python, before the user's module runs."""
    import gc

    gc.disable()
    try:
        import numpy
    finally:
        gc.enable()
    return numpy


def wait_for_go(parent_pid: int) -> None:
    """A child spawned ahead of its run: isolate (single-threaded, before NumPy), import NumPy,
    then block until the checker says ``go`` — the request is written by then. Anything else on
    stdin, or its end (the checker died or did not need this run), ends the process at once.
    Stdin is /dev/null afterwards: the user's code never reads the checker's pipe."""
    isolate({"parent_pid": parent_pid})
    _import_numpy()  # the point of waiting: imported before the run's clock starts

    line = b""
    while len(line) < len(GO) and not line.endswith(b"\n"):
        chunk = os.read(0, len(GO) - len(line))
        if not chunk:
            break
        line += chunk
    if line != GO:
        _exit(0)
    null = _os_open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    _close(null)


def main(request_dir: str, forked: bool = False, waited: bool = False) -> None:
    """Run the request in REQUEST_DIR. `forked`: this process was forked from the zygote and
    isolated already (strict.py), with numpy imported; `waited`: spawned ahead and isolated
    already (`wait_for_go`); otherwise a spawned `python -I child.py` isolates itself as far as
    the OS allows without privileges."""
    with _open(os.path.join(request_dir, "request.json"), encoding="utf-8") as stream:
        request = _json_load(stream)
    if not (forked or waited):
        isolate(request)  # first: it needs a single-threaded process
    apply_limits(request["limits"])
    start_fault_reports(request_dir, request.get("deadline"))
    sys.dont_write_bytecode = True  # no __pycache__ next to the user's file
    sys.stdout = capped_text_stream(1, request["output_cap"])
    sys.stderr = capped_text_stream(2, request["output_cap"])
    run = Run(request_dir, request, Numpy(_import_numpy()))
    module = run.import_module()
    run.run_all(run.find_function(module))


def command(argv: list[str]) -> None:
    """The command line above; `argv` is `sys.argv`, this file first (spawn.CHILD_START loads
    this module from its cached bytecode, as a script would be compiled again at every spawn)."""
    if argv[1] == "--wait":
        wait_for_go(int(argv[2]))
        argv[1:] = argv[3:]  # the same argv as a child spawned at its run
        main(argv[1], waited=True)
    else:
        main(argv[1])


if __name__ == "__main__":
    command(sys.argv)

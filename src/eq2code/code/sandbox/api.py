"""The data that crosses between the checker and the sandbox (plain dataclasses, no pickle)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeGuard, get_args

import numpy as np

Value = np.ndarray | float | int


@dataclass
class FunctionArgument:
    """A function the equation file defines (`f(x) = x^2`), passed to code that takes one
    (`numerical_gradient(f, x)`): its compiled plan, rebuilt in the child as a Python callable
    (reference/evaluate.py loaded by path). Plain data: nothing callable crosses the boundary."""

    plan: list
    params: list[str]  # the plan's names of the function's parameters, in order
    free_indices: list = field(default_factory=list)  # (index, lo plan, hi plan) of an indexed value
    sizes: dict[str, int] = field(default_factory=dict)  # the trial's sizes


# An argument: a value, a dict of arrays (a parameter bundle, as `SGD.update(params, grads)` takes),
# or a function of the equation file
Argument = Value | dict[str, np.ndarray] | FunctionArgument | None


@dataclass
class CallSpec:
    """One call of the user's function: positional and keyword arguments. For a method
    (`Affine.forward`), the class is constructed first with `ctor_args`/`ctor_kwargs`."""

    args: list[Argument] = field(default_factory=list)
    kwargs: dict[str, Argument] = field(default_factory=dict)
    ctor_args: list[Argument] = field(default_factory=list)
    ctor_kwargs: dict[str, Argument] = field(default_factory=dict)
    construct: bool = True  # False for a @staticmethod: called on the class itself
    max_elements: int = 10_000_000  # a result larger than this is refused in the child
    trace: bool = False  # record the shapes of the function's locals line by line (child.ShapeTrace)
    probe: bool = False  # record the values of the function's sub-expressions (probe.py)


CallStatus = Literal["ok", "exception", "no-return", "wrong-type", "too-large"]
RunStatus = Literal["ok", "import-error", "function-not-found", "timeout", "crashed", "resource-limit", "exit"]
Phase = Literal["import", "call", ""]
CALL_STATUSES: tuple[CallStatus, ...] = get_args(CallStatus)
RUN_STATUSES: tuple[RunStatus, ...] = get_args(RunStatus)
PHASES: tuple[Phase, ...] = get_args(Phase)


def is_call_status(value: object) -> TypeGuard[CallStatus]:
    return value in CALL_STATUSES


def is_run_status(value: object) -> TypeGuard[RunStatus]:
    return value in RUN_STATUSES


def is_phase(value: object) -> TypeGuard[Phase]:
    return value in PHASES


@dataclass
class CallResult:
    """What one call did in the child: its status, the value it returned, or its exception."""

    status: CallStatus
    value: np.ndarray | None = None  # plain float64 ndarray (0-d for scalars), read in the checker
    result_type: str = ""  # Python type name of what the function returned, e.g. "ndarray", "list"
    dtype: str = ""  # dtype of the returned array before conversion, e.g. "float32"
    exc_type: str = ""
    exc_message: str = ""
    lineno: int | None = None  # 1-based line in the implementation file of the innermost user frame
    col: int | None = None  # 0-based column when Python knows it (3.11+ traceback positions)
    end_col: int | None = None
    traceback: str = ""  # user frames only, shortened
    mutated: list[str] = field(default_factory=list)  # names/positions of arguments the call changed
    # the parts of a tuple, list or dict return (key: "0", "1", … or the dict's key), each a float64 array
    components: dict[str, np.ndarray] = field(default_factory=dict)
    # the new values of arguments the call changed in place: "arg0", "params", "params[W]"
    after: dict[str, np.ndarray] = field(default_factory=dict)
    trace: list[dict] = field(default_factory=list)  # with CallSpec.trace: [{"line", "name", "shape"}]
    seconds: float = 0.0
    # with CallSpec.probe: {"nodes": [...], "assignments": [...], "params": [...]} (probe.py, validated)
    probe: dict = field(default_factory=dict)


@dataclass
class RunOutcome:
    """How a child's run ended, with one CallResult per call that ran."""

    status: RunStatus
    phase: Phase = ""
    results: list[CallResult] = field(default_factory=list)  # one per CallSpec that ran
    exc_type: str = ""
    exc_message: str = ""
    lineno: int | None = None
    col: int | None = None
    end_col: int | None = None
    traceback: str = ""
    signal_name: str = ""  # e.g. "SIGSEGV" when the child died from a signal
    exit_code: int | None = None
    # the module's import failed and its definitions were run alone: {"exc_type", "exc_message", "lineno"}
    script_skipped: dict = field(default_factory=dict)
    stdout: str = ""  # captured, capped (start kept)
    stderr: str = ""
    seconds: float = 0.0

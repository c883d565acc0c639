"""Project configuration: the `[tool.eq2code]` table of the nearest `pyproject.toml`.

The table is looked for from the first path given on the command line (or the working
directory) upwards; the first `pyproject.toml` that has a `[tool.eq2code]` table wins, and
its directory is the project root that relative paths in it are resolved against.

```toml
[tool.eq2code]
paths = ["exercises"]            # what `eq2code check` with no PATH checks (default: the root)
rule-dirs = ["rules"]            # project rules, for `# eq2code: rule=NAME`
exclude = ["drafts/**", "*_old.py"]
lang = "ja"                      # en | ja
timeout = 10                     # seconds per check
seed = 0
fail-on = "error"                # error | warning: the lowest severity that fails the run
baseline = "eq2code-baseline.json"
jobs = 4                         # checks run at once (default: the number of CPUs)
folder-pairing = true            # a .py beside exactly one .tex file is checked against it

[[tool.eq2code.pairs]]           # explicit pairs, for code that carries no tag comment
file = "exercises/ex1.py"
function = "softmax"             # optional
rule = "softmax"                 # or: equation = "exercises/softmax.tex"

[[tool.eq2code.pairs]]           # a pattern: every file it matches
file = "exercises/*/*.py"
rule = "{folder}"                # {folder}: the file's folder name; {stem}: its name without .py
```

Keys may be written kebab-case or snake_case. An unknown key or a value of the wrong type is
a `ConfigError` (the command line turns it into a usage error, exit status 2). Every path in
the table stays inside the project root: an absolute path, or one that leaves the root by `..`
or through a symbolic link, is a `ConfigError` too (docs/security.md: a repository's own files
are data, and its configuration must not point the checker at files elsewhere on the machine).
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eq2code.base.files import MAX_CONFIG, FileProblem, read_text

FAIL_ON = ("error", "warning")
LANGS = ("en", "ja")
# Directories never walked into (a file passed by name is still checked).
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", "node_modules",
                       "build", "dist", ".eggs", ".mypy_cache", ".pytest_cache", ".ruff_cache",
                       ".ipynb_checkpoints", "site-packages"})


class ConfigError(Exception):
    """A `[tool.eq2code]` table that cannot be used."""


@dataclass(frozen=True)
class ConfigPair:
    """An explicit pair from `[[tool.eq2code.pairs]]` (paths resolved against the root)."""

    file: Path
    function: str | None = None
    rule: str | None = None
    equation: Path | None = None
    pattern: str = ""  # `file` as written, relative to the root
    equation_raw: str = ""  # `equation` as written

    @property
    def is_pattern(self) -> bool:
        """A glob in `file`, or a `{folder}`/`{stem}` placeholder in `rule` or `equation`."""
        return any(c in self.pattern for c in "*?[") or "{" in (self.rule or "") or "{" in self.equation_raw

    def matches(self, path: Path, root: Path) -> bool:
        try:
            rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root))).as_posix()
        except ValueError:
            return False
        pattern = self.pattern[2:] if self.pattern.startswith("./") else self.pattern
        return fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(rel, pattern.replace("**/", ""))

    def expand(self, path: Path, root: Path) -> tuple[str | None, Path | None]:
        """The rule and equation for `path`: `{folder}` is the name of its folder, `{stem}`
        its file name without `.py`."""
        values = {"folder": path.parent.name, "stem": path.stem}
        rule = self.rule.format_map(values) if self.rule else None
        equation = root / self.equation_raw.format_map(values) if self.equation_raw else None
        return rule, equation


@dataclass(eq=False, repr=False)  # never compared or printed: two generated methods fewer (docs/performance.md)
class Config:
    """The project's `[tool.eq2code]` table, with the paths resolved against its root."""

    path: Path | None = None  # the pyproject.toml the table came from
    root: Path = field(default_factory=Path.cwd)
    paths: list[Path] = field(default_factory=list)
    rule_dirs: list[Path] = field(default_factory=list)
    pairs: list[ConfigPair] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    lang: str | None = None
    timeout: float | None = None
    seed: int | None = None
    fail_on: str | None = None
    baseline: Path | None = None
    jobs: int | None = None
    folder_pairing: bool = True

    def is_excluded(self, path: Path) -> bool:
        """Whether `path` matches an `exclude` pattern.

        Patterns are matched against the path relative to the root (with `/`), and a pattern
        without a `/` also against each part of it, so `drafts` excludes every `drafts` folder.
        """
        if not self.exclude:
            return False
        try:
            rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(self.root))).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        parts = rel.split("/")
        for pattern in self.exclude:
            pat = pattern.strip().rstrip("/")
            if pat.startswith("./"):
                pat = pat[2:]
            if not pat:
                continue
            if fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(rel, pat + "/*"):
                return True
            if "/" not in pat and any(fnmatch.fnmatchcase(part, pat) for part in parts):
                return True
        return False


def find_pyproject(start: Path) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.eq2code]` table, from `start` upwards."""
    import tomllib  # here, not at the top: a check that reads no configuration needs no TOML

    here = Path(os.path.abspath(start))
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(read_text(candidate, "configuration file", MAX_CONFIG))
            except (FileProblem, tomllib.TOMLDecodeError, RecursionError):
                continue
            if isinstance(data.get("tool"), dict) and "eq2code" in data["tool"]:
                return candidate
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration for a run: `explicit` (a pyproject.toml) or the nearest one found
    from `start` (default: the working directory). No table: the defaults, rooted at cwd."""
    import tomllib

    path = explicit if explicit is not None else find_pyproject(start or Path.cwd())
    if path is None:
        return Config(root=Path.cwd())
    try:
        data = tomllib.loads(read_text(path, "configuration file", MAX_CONFIG))
    except FileProblem as e:
        raise ConfigError(str(e)) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path} is not valid TOML: {e}") from None
    except RecursionError:
        raise ConfigError(f"{path} is nested too deeply") from None
    table = data.get("tool", {}).get("eq2code", {}) if isinstance(data.get("tool"), dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.eq2code] must be a table")
    return parse_table(table, Path(os.path.abspath(path)))


def parse_table(table: dict[str, Any], pyproject: Path) -> Config:
    root = pyproject.parent
    cfg = Config(path=pyproject, root=root)
    where = f"{pyproject}: [tool.eq2code]"
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key == "paths":
            cfg.paths = [_inside(root, p, where, raw_key) for p in _strings(value, where, raw_key)]
        elif key == "rule-dirs":
            cfg.rule_dirs = [_inside(root, p, where, raw_key) for p in _strings(value, where, raw_key)]
        elif key in ("exclude", "extend-exclude"):
            cfg.exclude += _strings(value, where, raw_key)
        elif key == "lang":
            cfg.lang = _choice(value, LANGS, where, raw_key)
        elif key == "fail-on":
            cfg.fail_on = _choice(value, FAIL_ON, where, raw_key)
        elif key == "timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 86400:
                raise ConfigError(f"{where} {raw_key} must be a positive number of seconds (at most 86400)")
            cfg.timeout = float(value)
        elif key == "seed":
            cfg.seed = _integer(value, where, raw_key, minimum=0)
        elif key == "jobs":
            cfg.jobs = _integer(value, where, raw_key, minimum=1)
        elif key == "baseline":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where} {raw_key} must be a file name")
            cfg.baseline = _inside(root, value, where, raw_key)
        elif key == "folder-pairing":
            if not isinstance(value, bool):
                raise ConfigError(f"{where} {raw_key} must be true or false")
            cfg.folder_pairing = value
        elif key == "pairs":
            cfg.pairs = [_pair(item, root, where, i) for i, item in enumerate(_list(value, where, raw_key))]
        else:
            known = ("paths, rule-dirs, exclude, lang, timeout, seed, fail-on, baseline, jobs, "
                     "folder-pairing, pairs")
            raise ConfigError(f"{where}: unknown key {raw_key!r} (known: {known})")
    return cfg


def _list(value: Any, where: str, key: str) -> list:
    if not isinstance(value, list):
        raise ConfigError(f"{where} {key} must be a list")
    return value


def _strings(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    items = _list(value, where, key)
    if not all(isinstance(v, str) and v for v in items):
        raise ConfigError(f"{where} {key} must be a list of strings")
    return list(items)


def _choice(value: Any, choices: tuple[str, ...], where: str, key: str) -> str:
    if value not in choices:
        raise ConfigError(f"{where} {key} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _integer(value: Any, where: str, key: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{where} {key} must be an integer ≥ {minimum}")
    return value


def _pair(item: Any, root: Path, where: str, index: int) -> ConfigPair:
    at = f"{where} pairs[{index}]"
    if not isinstance(item, dict):
        raise ConfigError(f"{at} must be a table with file and rule or equation")
    keys = {k.replace("_", "-") for k in item}
    unknown = keys - {"file", "function", "rule", "equation"}
    if unknown:
        raise ConfigError(f"{at}: unknown key(s) {', '.join(sorted(unknown))} (known: file, function, rule, equation)")
    values = {k.replace("_", "-"): v for k, v in item.items()}
    for k, v in values.items():
        if not isinstance(v, str) or not v:
            raise ConfigError(f"{at} {k} must be a non-empty string")
    if "file" not in values:
        raise ConfigError(f"{at} needs a file")
    if ("rule" in values) == ("equation" in values):
        raise ConfigError(f"{at} needs exactly one of rule or equation")
    for k in ("rule", "equation"):
        if k in values:
            try:
                values[k].format_map({"folder": "x", "stem": "x"})
            except (KeyError, ValueError, IndexError) as e:
                raise ConfigError(f"{at} {k}: only {{folder}} and {{stem}} may be used ({e})") from None
    file = _inside(root, values["file"], at, "file")
    equation = _inside(root, values["equation"], at, "equation") if "equation" in values else None
    return ConfigPair(file, values.get("function"), values.get("rule"), equation, values["file"],
                      values.get("equation", ""))


def _inside(root: Path, raw: str, where: str, key: str) -> Path:
    """`raw` resolved against the root, or a ConfigError when it would leave the root: an
    absolute path, `..` past the root, or (for what exists) a symbolic link out of it."""
    path = root / raw
    if os.path.isabs(raw) or os.path.splitdrive(raw)[0]:
        raise ConfigError(f"{where} {key}: {raw!r} must be relative to the project root {root}")
    lexical = _within(os.path.normpath(path), os.path.normpath(root))
    if not lexical or not _within(os.path.realpath(path), os.path.realpath(root)):
        raise ConfigError(f"{where} {key}: {raw!r} lies outside the project root {root}")
    return path


def _within(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # another drive
        return False

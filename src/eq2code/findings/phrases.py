"""Fixed phrases that fill a finding's parameters, in English and Japanese.

Code that has more to say than a template's own words (why an equation is not checkable,
how a process ended, which form of the input failed) passes `Phrase(key, params)` as the
parameter instead of English text; `messages.fill` renders it in the message's language,
recursively (a phrase's parameters may be phrases). Values that are the user's own — their
exception text, code, LaTeX, names, numbers — stay plain strings. Both languages of a key
use the same fields (tested).

A Phrase survives the JSON equation cache as {"phrase": key, "params": {...}}.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Phrase:
    phrase: str  # a key of PHRASES
    params: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def of(value: Any) -> "Phrase | None":
        """`value` as a Phrase: itself, or its JSON form from the cache; None for anything else."""
        if isinstance(value, Phrase):
            return value
        if isinstance(value, dict) and set(value) == {"phrase", "params"} and isinstance(value["phrase"], str):
            return Phrase(value["phrase"], dict(value["params"] or {}))
        return None


def phrase(key: str, **params: Any) -> Phrase:
    return Phrase(key, params)


# key → {"en": template, "ja": template}; templates as in messages.py ([[…]] optional parts).
PHRASES: dict[str, dict[str, str]] = {
    "log-base": {"en": "base {base}", "ja": "底 {base}"},
}

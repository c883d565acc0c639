"""A mapping built on its first use, for catalogues that cost time to build at import
(the findings' kinds and words: a passing check shows none of them; docs/performance.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Lazy(Mapping[K, V], Generic[K, V]):
    """A read-only catalogue built from the definitions on its first use: importing the
    findings costs nothing until a finding is made or shown (a passing check shows none)."""

    def __init__(self, build: Callable[[], dict[K, V]]) -> None:
        self._build = build
        self._data: dict[K, V] | None = None

    def _loaded(self) -> dict[K, V]:
        if self._data is None:
            self._data = self._build()
        return self._data

    def __getitem__(self, key: K) -> V:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __contains__(self, key: object) -> bool:
        return key in self._loaded()

    def __repr__(self) -> str:
        return repr(self._loaded())

"""Codebook model: categories and codes with stable string ids.

The parser and validator live in :mod:`annotator.core.codebook_yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CodeKind = Literal["state", "point"]


@dataclass(frozen=True, slots=True)
class Code:
    """One code of a category. ``id`` is stable; labels may change freely."""

    id: str
    category_id: str
    label: dict[str, str]
    key: str | None
    color: str
    kind: CodeKind = "state"
    definition: dict[str, str] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def label_in(self, lang: str = "en") -> str:
        return self.label.get(lang) or next(iter(self.label.values()), self.id)


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: dict[str, str]
    exclusive: bool
    codes: tuple[Code, ...]

    def label_in(self, lang: str = "en") -> str:
        return self.label.get(lang) or next(iter(self.label.values()), self.id)


@dataclass(frozen=True, slots=True)
class Codebook:
    name: str
    version: str
    languages: tuple[str, ...]
    categories: tuple[Category, ...]

    @property
    def codes(self) -> tuple[Code, ...]:
        return tuple(c for cat in self.categories for c in cat.codes)

    def code(self, code_id: str) -> Code:
        for c in self.codes:
            if c.id == code_id:
                return c
        raise KeyError(code_id)

    def has_code(self, code_id: str) -> bool:
        return any(c.id == code_id for c in self.codes)

    def category(self, category_id: str) -> Category:
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        raise KeyError(category_id)

    def category_of(self, code_id: str) -> Category:
        return self.category(self.code(code_id).category_id)

    def code_for_key(self, key: str) -> Code | None:
        for c in self.codes:
            if c.key is not None and c.key.lower() == key.lower():
                return c
        return None

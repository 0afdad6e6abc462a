"""Matching values from other tools (ELAN annotation values, BORIS behaviours) to codes.

A value matches a code of the category it is imported into

1. through a value map (``--map-values FILE.csv`` with the columns ``value,code``), first;
2. else by the code's id;
3. else by the code's label in any codebook language.

Comparisons ignore case and leading and trailing blanks. A value that is a code of
*another* category is refused with the reason: a segment stores only its code id, so code
ids are unique across the whole codebook and one code cannot sit in two categories. The
same *label* may well appear in two categories (say "yes" under both "agrees" and
"understood"), each on its own code id; a value is matched only within its category.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.codebook import Category, Code, Codebook
from annotator.core.timeline_rows import RowProblem, RowsRejected


def norm(value: str) -> str:
    return " ".join(value.split()).casefold()


@dataclass
class CodeMatcher:
    codebook: Codebook
    value_map: dict[str, list[str]] = field(default_factory=dict)

    def match(self, value: str, category: Category | None) -> tuple[Code | None, str]:
        """The code ``value`` stands for (in ``category``, or anywhere when None), or None
        and a reason that ends in what to do."""
        key = norm(value)
        cb = self.codebook
        if key in self.value_map:
            mapped = [cb.code(c) for c in self.value_map[key]]
            fits = [c for c in mapped if category is None or c.category_id == category.id]
            if len(fits) == 1:
                return fits[0], ""
            if len(fits) > 1:
                return None, (f"--map-values maps {value!r} to several codes "
                              f"({', '.join(c.id for c in fits)}); keep one")
            cat = category.id if category is not None else ""
            return None, (f"--map-values maps {value!r} to {', '.join(c.id for c in mapped)}, "
                          f"which is not in the category {cat!r}")
        pool = category.codes if category is not None else cb.codes
        by_id = [c for c in pool if c.id.casefold() == key]
        if by_id:
            return by_id[0], ""
        by_label = [c for c in pool if any(norm(t) == key for t in c.label.values())]
        if len(by_label) == 1:
            return by_label[0], ""
        if by_label:
            return None, (f"{value!r} is the label of several codes "
                          f"({', '.join(c.id for c in by_label)}); say which with --map-values")
        if category is not None:
            elsewhere = [c for c in cb.codes if c.category_id != category.id and (
                c.id.casefold() == key or any(norm(t) == key for t in c.label.values()))]
            if elsewhere:
                other = elsewhere[0]
                return None, (
                    f"{value!r} belongs to the category {other.category_id!r} (code "
                    f"{other.id!r}), but the tier holds {category.id!r}. A code id is unique "
                    "across the codebook (a segment stores only its code id), so one code "
                    f"cannot be in two categories: give {category.id!r} a code of its own "
                    "with this label, or map the value with --map-values FILE.csv")
            known = ", ".join(c.id for c in category.codes)
            return None, (f"{value!r} is not a code of the codebook (by id or label, in any "
                          f"language; the category {category.id!r} has: {known}); add it to "
                          "the codebook or map it with --map-values FILE.csv (value,code)")
        known = ", ".join(c.id for c in cb.codes)
        return None, (f"{value!r} is not a code of the codebook (by id or label, in any "
                      f"language; the codes are {known}); add it to the codebook or map it "
                      "with --map-values FILE.csv (value,code)")


def read_value_map(path: Path, codebook: Codebook) -> dict[str, list[str]]:
    """A ``value,code`` CSV as normalised value -> code ids; every bad line is reported."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise RowsRejected(path.name, [RowProblem(0, "", f"cannot read the file: {exc}")]) \
            from None
    except UnicodeDecodeError:
        raise RowsRejected(path.name, [RowProblem(0, "", "the file is not UTF-8 text")]) \
            from None
    reader = csv.reader(io.StringIO(text, newline=""))
    out: dict[str, list[str]] = {}
    problems: list[RowProblem] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if line == 1 and [v.strip().lower() for v in values[:2]] == ["value", "code"]:
            continue
        if len(values) < 2 or not values[0].strip() or not values[1].strip():
            problems.append(RowProblem(line, "", "expected two fields, value,code"))
            continue
        value, code = values[0], values[1].strip()
        if not codebook.has_code(code):
            problems.append(RowProblem(line, "code", (
                f"{code!r} is not a code id of the codebook (the codes are "
                f"{', '.join(c.id for c in codebook.codes)})")))
            continue
        codes = out.setdefault(norm(value), [])
        cat = codebook.code(code).category_id
        clash = [c for c in codes if codebook.code(c).category_id == cat and c != code]
        if clash:
            problems.append(RowProblem(line, "value", (
                f"{value!r} is already mapped to {clash[0]!r} in the category {cat!r}")))
            continue
        if code not in codes:
            codes.append(code)
    if problems:
        raise RowsRejected(path.name, problems)
    return out

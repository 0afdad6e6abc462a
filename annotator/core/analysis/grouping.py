"""How units are grouped for a table: per session (each unit alone), per case, per coder,
or the whole selection."""

from __future__ import annotations

from typing import Literal

import numpy as np

from annotator.core.analysis.data import AnalysisData, IntArray, Unit
from annotator.core.analysis.table import Table, int_column, text_column

By = Literal["session", "case", "coder", "all"]
BY_CHOICES: tuple[str, ...] = ("session", "case", "coder", "all")

#: The key columns of each grouping, before the code columns.
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "session": ("case", "session", "coder"),
    "case": ("case", "coder"),
    "coder": ("coder",),
    "all": (),
}


def groups(data: AnalysisData, by: str) -> tuple[IntArray, Table]:
    """The group index of each unit and one row of key columns per group (in unit order).

    Per case, ``coder`` joins the coders whose codings were pooled (``AK+BL``). When pooling,
    sessions without a coding that counts (purpose ``none``) belong to no group (index -1)."""
    if by not in BY_CHOICES:
        raise ValueError(f"unknown grouping {by!r}")
    units = data.units
    if by == "session":
        keys = Table.of({"case": text_column([u.case for u in units]),
                         "session": int_column([u.session for u in units]),
                         "coder": text_column([u.coder for u in units]),
                         "coding": text_column([u.purpose for u in units])})
        return np.arange(len(units), dtype=np.int64), keys
    if by == "case":
        labels = [u.case for u in units]
    elif by == "coder":
        labels = [u.coder for u in units]
    else:
        labels = ["" for _ in units]
    index: dict[str, int] = {}
    g = np.array([-1 if u.purpose == "none" else index.setdefault(x, len(index))
                  for u, x in zip(units, labels, strict=True)], dtype=np.int64)
    members: list[list[Unit]] = [[] for _ in index]
    for u, gi in zip(units, g.tolist(), strict=True):
        if gi >= 0:
            members[gi].append(u)
    cols = {}
    if by == "case":
        cols["case"] = text_column(list(index))
        cols["coder"] = text_column(["+".join(sorted({u.coder for u in m if u.coder}))
                                     for m in members])
    elif by == "coder":
        cols["coder"] = text_column(list(index))
    cols["sessions"] = int_column([len(m) for m in members])
    return g, Table.of(cols)

"""An analysis table: named numpy columns of equal length, in order.

The tables are computed and written (CSV, XLSX, the Analysis window) without pandas, whose
import alone takes longer than a whole ``annotator summary`` on a small study (issue 13).
:meth:`Table.frame` gives a pandas DataFrame for the outputs that need one (SAV, figures,
the HTML report), importing pandas only then.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import pandas as pd

Column = npt.NDArray[Any]


def text_column(values: Sequence[object]) -> Column:
    """A column of texts (or other Python objects), kept as they are."""
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def float_column(values: Sequence[float | None]) -> Column:
    """A column of numbers; ``None`` becomes NaN (missing)."""
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


def int_column(values: Sequence[int]) -> Column:
    return np.array(values, dtype=np.int64).reshape(-1)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    data: Mapping[str, Column]

    def __post_init__(self) -> None:
        if set(self.columns) != set(self.data) or len(self.columns) != len(self.data):
            raise ValueError("a table's columns and its data must name the same columns")
        lengths = {len(v) for v in self.data.values()}
        if len(lengths) > 1:
            raise ValueError(f"a table's columns differ in length: {sorted(lengths)}")

    @classmethod
    def of(cls, data: Mapping[str, Column]) -> Table:
        """The columns in ``data``'s order."""
        return cls(tuple(data), dict(data))

    def __len__(self) -> int:
        return len(self.data[self.columns[0]]) if self.columns else 0

    def __getitem__(self, name: str) -> Column:
        return self.data[name]

    def numeric(self, name: str) -> bool:
        """Is the column numbers (shown right-aligned)?"""
        return self.data[name].dtype.kind in "iuf"

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """Each row as Python values (int, float, NaN for missing numbers, text)."""
        return zip(*(self.data[c].tolist() for c in self.columns), strict=True)

    def frame(self) -> pd.DataFrame:
        """The table as a pandas DataFrame (object columns for texts)."""
        import pandas as pd

        return pd.DataFrame({c: self.data[c] for c in self.columns}, columns=list(self.columns))

"""The analysis tables without pandas: the Table type, the bout statistics (checked against
pandas' groupby, used here as the reference), and the wide table's unique column names."""

from __future__ import annotations

import random
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from annotator.core.analysis.budget import _bout_stats, time_budget
from annotator.core.analysis.data import AnalysisData, CategorySpec, CodeSpec, Unit
from annotator.core.analysis.results import TABLES, compute
from annotator.core.analysis.table import Table, float_column, int_column, text_column
from annotator.exchange.analysis.tables_out import csv_text


def test_a_table_refuses_columns_that_do_not_match_its_data() -> None:
    with pytest.raises(ValueError, match="name the same columns"):
        Table(("a", "b"), {"a": int_column([1])})
    with pytest.raises(ValueError, match="differ in length"):
        Table.of({"a": int_column([1, 2]), "b": int_column([1])})


def test_rows_are_python_values_and_the_frame_keeps_the_kinds() -> None:
    t = Table.of({"case": text_column(["C01", "=x"]), "n": int_column([3, 4]),
                  "s": float_column([1.5, None])})
    rows = list(t.rows())
    assert rows[0] == ("C01", 3, 1.5)
    assert type(rows[0][1]) is int and type(rows[0][2]) is float
    assert rows[1][0] == "=x" and np.isnan(rows[1][2])
    assert [t.numeric(c) for c in t.columns] == [False, True, True]
    frame = t.frame()
    assert list(frame.columns) == ["case", "n", "s"]
    assert frame["n"].dtype == np.int64 and frame["s"].dtype == np.float64
    assert pd.api.types.is_string_dtype(frame["case"]) and frame["case"].tolist() == ["C01", "=x"]
    assert csv_text(t) == "case,n,s\nC01,3,1.5\n'=x,4,\n"
    assert csv_text(t, raw=True).splitlines()[2] == "=x,4,"
    assert len(Table((), {})) == 0 and list(Table((), {}).rows()) == []


@pytest.mark.parametrize("seed", range(5))
def test_bout_statistics_equal_pandas_groupby(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_cells = 30
    cell = rng.integers(0, n_cells, size=400)
    cell[cell == 7] = 8  # a cell with no segments
    length = rng.integers(0, 90_000, size=cell.size)
    length[cell == 3] = 5_000  # a cell of equal bouts (SD 0)
    only = np.flatnonzero(cell == 5)
    cell[only[1:]] = 6  # a cell of one bout (no SD)
    got = _bout_stats(cell.astype(np.int64), length.astype(np.int64), n_cells)
    ref = (pd.DataFrame({"cell": cell, "d": length / 1000.0}).groupby("cell")["d"]
           .agg(["mean", "std", "median", "min", "max"]).reindex(np.arange(n_cells)))
    for name in ("mean", "std", "median", "min", "max"):
        np.testing.assert_allclose(got[name], ref[name].to_numpy(), rtol=1e-12, atol=1e-12,
                                   err_msg=name)
    assert np.isnan(got["mean"][7]) and np.isnan(got["std"][5]) and got["std"][3] == 0.0
    # The mean is the exact mean of the integer milliseconds, rounded once.
    for c in range(n_cells):
        ms = [int(x) for x in length[cell == c]]
        if ms:
            assert got["mean"][c] == float(Fraction(sum(ms), 1000 * len(ms)))


def test_bout_statistics_take_any_lengths_and_huge_ones() -> None:
    """A negative length (only a damaged study has one) stays in its own cell, and lengths
    too long for the one-key sort go through lexsort; both as pandas has them."""
    cell = np.array([0, 0, 1, 1, 1, 2], dtype=np.int64)
    for length in (np.array([5, -3, 7, 0, 2, 4]), np.array([5, 3, 2**61, 0, 2, 2**40])):
        got = _bout_stats(cell, length.astype(np.int64), 4)
        ref = (pd.DataFrame({"cell": cell, "d": length / 1000.0}).groupby("cell")["d"]
               .agg(["mean", "std", "median", "min", "max"]).reindex(np.arange(4)))
        for name in ("mean", "std", "median", "min", "max"):
            np.testing.assert_allclose(got[name], ref[name].to_numpy(), rtol=1e-9,
                                       err_msg=name)


def _data(codes: list[tuple[str, str, str]], segments: list[tuple[int, str, int, int]],
          ) -> AnalysisData:
    specs = [CodeSpec(cid, cat, cid.title(), kind, "#336699") for cid, cat, kind in codes]
    cats = [CategorySpec(cat, cat.title(), False,
                         tuple(c.id for c in specs if c.category == cat))
            for cat in dict.fromkeys(c.category for c in specs)]
    units = [Unit("C01", 1, "AK", "primary", 600_000, "explicit"),
             Unit("C01", 2, "AK", "primary", 300_000, "explicit")]
    return AnalysisData.build(specs, cats, units, segments)


def test_wide_column_names_stay_unique_when_code_ids_collide() -> None:
    """A code called ``duration`` gives ``duration_s`` like the session's duration, codes
    ``a`` and ``a_mean_bout`` both give ``a_mean_bout_s``, and a code ``uncoded`` gives the
    table's own ``uncoded_pct``: each later name gets ``_2``."""
    from annotator.core.analysis.wide import wide_columns

    data = _data([("duration", "talk", "state"), ("a", "talk", "state"),
                  ("a_mean_bout", "acts", "state"), ("uncoded", "acts", "state"),
                  ("p", "acts", "point")],
                 [(0, "duration", 0, 60_000), (0, "a", 10_000, 20_000),
                  (1, "a_mean_bout", 0, 30_000), (1, "uncoded", 0, 15_000),
                  (1, "p", 5_000, 5_000)])
    wide = compute(data).table("wide")
    assert len(set(wide.columns)) == len(wide.columns)
    assert wide["duration_s"].tolist() == [600.0, 300.0]  # the session's
    assert wide["duration_s_2"].tolist() == [60.0, 0.0]  # code duration's seconds
    assert wide["a_mean_bout_s"][0] == 10.0 and np.isnan(wide["a_mean_bout_s"][1])
    assert wide["a_mean_bout_s_2"].tolist() == [0.0, 30.0]  # code a_mean_bout's seconds
    assert wide["uncoded_pct"].tolist() == [0.0, 5.0]  # code uncoded's % of session
    assert wide["uncoded_pct_2"].tolist() == [90.0, 90.0]  # no code at all
    assert wide["p_n"].tolist() == [0, 1]
    assert [c for c, _ in wide_columns(data)] == list(wide.columns[6:])
    assert len(compute(data).frame("wide").columns) == len(wide.columns)


def test_every_table_has_its_columns_on_an_empty_selection_of_codes() -> None:
    data = _data([("x", "talk", "state")], [])
    res = compute(data)
    for name in TABLES:
        table = res.table(name)
        assert table.columns, name
        assert csv_text(table).splitlines()[0].split(",") == list(table.columns)
        assert list(res.frame(name).columns) == list(table.columns)


def test_the_pooled_budget_keeps_key_columns_first_and_sessions_last() -> None:
    rng = random.Random(4)
    segs = [(rng.randrange(2), "x", s, s + rng.randrange(1, 9_000))
            for s in range(0, 200_000, 10_000)]
    data = _data([("x", "talk", "state"), ("p", "talk", "point")], segs)
    for by, keys in (("case", ["case", "coder"]), ("coder", ["coder"]), ("all", [])):
        t = time_budget(data, by)
        assert list(t.columns[:len(keys)]) == keys
        assert t.columns[-2:] == ("duration_s", "sessions")
        assert list(t["sessions"]) == [2, 2]
        assert list(t["count"]) == [len(segs), 0]


@pytest.mark.parametrize("seed", range(4))
def test_event_order_equals_the_four_column_sort(seed: int) -> None:
    from annotator.core.analysis.sequences import event_order

    rng = np.random.default_rng(seed)
    n = 2_000
    codes = [(f"c{i}", "talk", "state") for i in range(7)]
    segs = [(int(rng.integers(0, 2)), f"c{int(rng.integers(0, 7))}", int(s),
             int(s) + int(rng.integers(0, 5)))
            for s in rng.integers(0, 300, size=n)]  # many ties in onset, code and end
    data = _data(codes, segs)
    four = np.lexsort((data.seg_end, data.seg_code, data.seg_start, data.seg_unit))
    assert np.array_equal(event_order(data), four)
    huge = AnalysisData(data.codes, data.categories, data.units, data.seg_unit,
                        data.seg_code, data.seg_start + 2**61, data.seg_end + 2**61)
    assert np.array_equal(event_order(huge), four)  # too big for one key: four columns

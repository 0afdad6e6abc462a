"""The merge's exclusive-overlap sweep finds exactly the changed segments a pairwise
comparison finds (issue 13 point 2: it is one sort and one sweep now)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.store.merge import _overlapping

EXCLUSIVE = {"a": "talk", "b": "talk", "c": "other"}


def _pairwise(final: dict[str, tuple[str, int, int]], applied: set[str]) -> set[str]:
    bad: set[str] = set()
    items = [(sid, code, s, e) for sid, (code, s, e) in final.items()
             if code in EXCLUSIVE and e > s]
    for sid, code, s, e in items:
        for sid2, code2, s2, e2 in items:
            if (sid != sid2 and EXCLUSIVE[code] == EXCLUSIVE[code2] and s < e2 and s2 < e
                    and sid in applied):
                bad.add(sid)
    return bad


spans = st.lists(st.tuples(st.sampled_from(["a", "b", "c", "x"]), st.integers(0, 60),
                           st.integers(0, 15), st.booleans()), max_size=25)


@settings(max_examples=300, deadline=None)
@given(spans)
def test_sweep_matches_pairwise(items: list[tuple[str, int, int, bool]]) -> None:
    final = {f"s{i}": (code, s, s + d) for i, (code, s, d, _) in enumerate(items)}
    applied = {f"s{i}" for i, (*_, changed) in enumerate(items) if changed}
    got = _overlapping(final, EXCLUSIVE, applied)
    assert set(got) == _pairwise(final, applied)
    for sid, other in got.items():  # the code named is one the segment really overlaps
        code, s, e = final[sid]
        assert any(c == other and EXCLUSIVE.get(c) == EXCLUSIVE[code] and s < e2 and s2 < e
                   for k, (c, s2, e2) in final.items() if k != sid)

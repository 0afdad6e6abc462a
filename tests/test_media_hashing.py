"""sha256_file and find_by_hash."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.media.errors import Cancelled, MediaMissingError
from annotator.media.hashing import HashCancelled, find_by_hash, sha256_file


@settings(max_examples=25, deadline=None)
@given(data=st.binary(max_size=5000), chunk=st.integers(min_value=1, max_value=2048))
def test_equals_hashlib(tmp_path_factory: pytest.TempPathFactory, data: bytes, chunk: int) -> None:
    path = tmp_path_factory.mktemp("h") / "blob.bin"
    path.write_bytes(data)
    assert sha256_file(path, chunk=chunk) == hashlib.sha256(data).hexdigest()


def test_progress_reports_every_chunk(tmp_path: Path) -> None:
    data = os.urandom(10_000)
    path = tmp_path / "v.mp4"
    path.write_bytes(data)
    calls: list[tuple[int, int]] = []
    digest = sha256_file(path, progress=lambda d, t: calls.append((d, t)), chunk=3000)
    assert digest == hashlib.sha256(data).hexdigest()
    assert calls == [(0, 10_000), (3000, 10_000), (6000, 10_000), (9000, 10_000),
                     (10_000, 10_000)]


def test_cancel_stops_hashing(tmp_path: Path) -> None:
    path = tmp_path / "v.mp4"
    path.write_bytes(os.urandom(10_000))
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > 2

    read: list[int] = []
    with pytest.raises(HashCancelled):
        sha256_file(path, progress=lambda d, t: read.append(d), cancelled=cancelled, chunk=1000)
    assert read[-1] == 2000  # two blocks read, then stopped
    assert issubclass(HashCancelled, Cancelled)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaMissingError, match=r"nope\.mp4"):
        sha256_file(tmp_path / "nope.mp4")


@pytest.fixture
def tree(tmp_path: Path) -> dict[str, Path]:
    """A folder of videos: the target, a same-size decoy, others, and a non-video."""
    target = os.urandom(4096)
    decoy = bytearray(target)
    decoy[-1] ^= 0xFF
    files = {
        "a/first.mp4": os.urandom(1000),
        "a/decoy.mp4": bytes(decoy),
        "b/c/moved session.MOV": target,
        "b/other.avi": os.urandom(4096 + 7),
        "notes.txt": target,
    }
    out = {}
    for rel, data in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        out[rel] = p
    out["root"] = tmp_path
    return out


def test_find_by_hash_finds_moved_video(tree: dict[str, Path]) -> None:
    want = hashlib.sha256(tree["b/c/moved session.MOV"].read_bytes()).hexdigest()
    assert find_by_hash(tree["root"], want) == tree["b/c/moved session.MOV"]
    assert find_by_hash(tree["root"], want.upper(), size_hint=4096) == tree["b/c/moved session.MOV"]


def test_find_by_hash_size_hint_limits_reading(tree: dict[str, Path]) -> None:
    want = hashlib.sha256(tree["b/c/moved session.MOV"].read_bytes()).hexdigest()
    totals: set[int] = set()
    found = find_by_hash(tree["root"], want, size_hint=4096,
                         progress=lambda d, t: totals.add(t))
    assert found == tree["b/c/moved session.MOV"]
    assert totals == {2 * 4096}  # only the decoy and the target have that size
    totals.clear()
    find_by_hash(tree["root"], want, progress=lambda d, t: totals.add(t))
    assert totals == {1000 + 4096 + 4096 + 4096 + 7}  # every video, not notes.txt


def test_find_by_hash_extensions(tree: dict[str, Path]) -> None:
    want = hashlib.sha256(tree["notes.txt"].read_bytes()).hexdigest()
    tree["b/c/moved session.MOV"].unlink()
    assert find_by_hash(tree["root"], want) is None
    assert find_by_hash(tree["root"], want, extensions=None) == tree["notes.txt"]


def test_find_by_hash_not_found_and_cancel(tree: dict[str, Path]) -> None:
    assert find_by_hash(tree["root"], "0" * 64) is None
    assert find_by_hash(tree["root"], "0" * 64, size_hint=123) is None
    with pytest.raises(HashCancelled):
        find_by_hash(tree["root"], "0" * 64, cancelled=lambda: True)


def test_find_by_hash_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(MediaMissingError):
        find_by_hash(tmp_path / "nowhere", "0" * 64)

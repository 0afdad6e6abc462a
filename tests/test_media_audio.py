"""Audio-only recordings (WAV, M4A, MP3): probed, added as sessions, and their waveform.

Sound files are generated here: a WAV written with the standard library (silence, a
440 Hz tone from 2 s to 4 s, silence), and M4A/MP3 made from it with ffmpeg.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from annotator.media.hashing import sha256_file
from annotator.media.probe import probe
from annotator.media.waveform import (
    PeakAccumulator,
    Waveform,
    cache_dir,
    cache_path,
    load_cached,
    save_cached,
)
from annotator.store import Study
from tests.conftest import run_cli
from tests.media_factory import ffmpeg_convert

TONE_MS = (2000, 4000)
LENGTH_MS = 6000


def write_tone_wav(path: Path, rate: int = 16000, channels: int = 1) -> Path:
    """6 s of 16-bit PCM: silence, a 440 Hz tone at half scale in TONE_MS, silence."""
    t = np.arange(rate * LENGTH_MS // 1000) / rate
    on = (t >= TONE_MS[0] / 1000) & (t < TONE_MS[1] / 1000)
    signal = np.where(on, 0.5 * np.sin(2 * np.pi * 440 * t), 0.0)
    pcm = np.repeat((signal * 32767).astype("<i2")[:, None], channels, axis=1)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return path


@pytest.fixture(scope="module")
def sounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("audio")
    wav = write_tone_wav(folder / "session.wav", rate=44100, channels=2)
    return {
        "wav": wav,
        "m4a": ffmpeg_convert(wav, folder / "session.m4a", "-c:a", "aac", "-b:a", "96k"),
        "mp3": ffmpeg_convert(wav, folder / "session.mp3", "-c:a", "libmp3lame", "-q:a", "4"),
    }


@pytest.mark.parametrize("kind", ["wav", "m4a", "mp3"])
def test_probe_audio_only(sounds: dict[str, Path], kind: str) -> None:
    info = probe(sounds[kind])
    assert info.audio_only
    assert info.frame_count == 0 and info.width == 0 and info.fps == 0
    assert abs(info.duration_ms - LENGTH_MS) <= 60, info  # MP3 adds an encoder delay
    assert info.codec == {"wav": "pcm_s16le", "m4a": "mp4a", "mp3": "mp3"}[kind]


def test_cut_or_foreign_audio_is_refused_clearly(tmp_path: Path, sounds: dict[str, Path]
                                                 ) -> None:
    from annotator.media.errors import MediaUnreadableError

    fake = tmp_path / "notes.mp3"
    fake.write_text("not sound at all\n" * 100)
    with pytest.raises(MediaUnreadableError, match=r"notes\.mp3.*no MPEG audio frame"):
        probe(fake)
    m4a = sounds["m4a"].read_bytes()
    cut = tmp_path / "cut.m4a"
    cut.write_bytes(m4a[: len(m4a) // 3])
    assert b"moov" not in cut.read_bytes()  # ffmpeg writes the header at the end
    with pytest.raises(MediaUnreadableError, match=r"cut\.m4a.*header is incomplete"):
        probe(cut)
    ogg = tmp_path / "voice.ogg"
    ogg.write_bytes(b"OggS" + bytes(100))
    with pytest.raises(MediaUnreadableError, match=r"voice\.ogg.*export the recording as WAV"):
        probe(ogg)


@pytest.mark.parametrize("kind", ["wav", "m4a", "mp3"])
def test_session_add_with_audio_only_media(tmp_path: Path, sounds: dict[str, Path],
                                           kind: str) -> None:
    study = tmp_path / "s.annot"
    run_cli("init", str(study), check=True)
    proc = run_cli("session", "add", str(study), "--case", "C01", "--number", "1",
                   "--media", str(sounds[kind]), check=True)
    assert "audio only" in proc.stdout and "Traceback" not in proc.stderr
    with Study.open(study) as s:
        media = s.session("C01", 1).media
        assert media is not None and media.frame_count == 0
        assert abs(media.duration_ms - LENGTH_MS) <= 60
        assert media.sha256 == sha256_file(sounds[kind])


def test_peak_accumulator_bins_and_columns() -> None:
    rate = 8000
    t = np.arange(rate * 3) / rate
    x = np.where((t >= 1) & (t < 2), 0.5 * np.sin(2 * np.pi * 440 * t), 0.0)
    acc = PeakAccumulator(bins_per_second=50)
    for k in range(0, x.size, 1000):  # buffers placed by their start time
        acc.add(k * 1_000_000 // rate, x[k:k + 1000], rate)
    wf = acc.result()
    assert wf.duration_ms == 3000
    assert wf.level(0, 980) == 0 and wf.level(2020, 3000) == 0
    assert 120 <= wf.level(1000, 2000) <= 128
    cols = wf.columns(0, 10, 300)  # 10 ms a pixel
    assert cols[:98].max() == 0 and cols[102:198].min() >= 100 and cols[202:].max() == 0
    zoomed = wf.columns(990, 1, 30)  # bins wider than pixels
    assert zoomed[:10].max() == 0 and zoomed[10:].min() >= 100


def test_cache_is_keyed_by_sha256_and_written_atomically(tmp_path: Path) -> None:
    wf = Waveform(np.array([0, 10, 255, 3], np.uint8), 50)
    sha = "ab" * 32
    path = save_cached(sha, wf)
    assert path == cache_path(sha) and path.parent.parent == cache_dir()
    assert str(tmp_path) in str(path)  # the test's cache folder (conftest), not the user's
    assert path.name == f"{sha}.peaks" and list(path.parent.iterdir()) == [path]
    back = load_cached(sha)
    assert back is not None and back.bins_per_second == 50
    assert back.peaks.tolist() == [0, 10, 255, 3]
    assert load_cached("cd" * 32) is None
    with pytest.raises(ValueError):
        cache_path("../../etc/passwd")

"""probe(): values of generated videos and typed errors for bad files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from annotator.media.errors import (
    MediaEmptyError,
    MediaError,
    MediaMissingError,
    MediaUnreadableError,
)
from annotator.media.frames import FrameSource
from annotator.media.index import IndexCancelled
from annotator.media.probe import MediaInfo, probe
from annotator.media.videogen import write_test_video
from tests.media_factory import CODEC_FILES, make_video, needs_ffmpeg, read_frame_number

CODEC_TAGS = {"mp4v": {"FMP4", "mp4v", "MP4V"}, "mjpg": {"MJPG", "mjpg"}, "h264": {"h264", "avc1"}}


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("probe")
    out = {}
    for codec in CODEC_FILES:
        if codec == "h264" and shutil.which("ffmpeg") is None:
            continue
        out[codec] = make_video(folder, codec, frames=120, size=(320, 240))
    return out


@pytest.mark.parametrize("codec", list(CODEC_FILES))
def test_probe_values(videos: dict[str, Path], codec: str) -> None:
    if codec not in videos:
        pytest.skip("the ffmpeg program is not installed (needed to write H.264)")
    info = probe(videos[codec])
    assert isinstance(info, MediaInfo)
    assert info.frame_count == 120
    assert info.fps == pytest.approx(25.0)
    assert info.duration_ms == 4800
    assert (info.width, info.height) == (320, 240)
    assert info.codec in CODEC_TAGS[codec]


def test_probe_ntsc_rate_and_odd_size(tmp_path: Path) -> None:
    path = write_test_video(tmp_path / "ntsc.avi", frames=90, fps=30000 / 1001, size=(250, 140),
                            codec="mjpg")
    info = probe(path)
    assert info.frame_count == 90
    assert info.fps == pytest.approx(29.97, abs=0.01)
    assert info.duration_ms == round(90 * 1001 / 30)  # 3003 ms
    assert (info.width, info.height) == (250, 140)


def test_probe_reports_progress_and_can_cancel(videos: dict[str, Path]) -> None:
    path = videos["mjpg"]
    calls: list[tuple[int, int]] = []
    probe(path, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (120, 120)
    assert all(d <= t for d, t in calls)
    # Cancellation is checked every 256 frames; a longer file is needed.
    long = write_test_video(path.with_name("long.avi"), frames=600, codec="mjpg", size=(64, 48))
    with pytest.raises(IndexCancelled):
        probe(long, cancelled=lambda: True)
    assert probe(long, cancelled=lambda: False).frame_count == 600


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaMissingError) as err:
        probe(tmp_path / "gone.mp4")
    msg = str(err.value)
    assert "gone.mp4" in msg and "check the path" in msg.lower()
    assert err.value.path == tmp_path / "gone.mp4"


def test_folder_is_not_a_video(tmp_path: Path) -> None:
    with pytest.raises(MediaMissingError, match="not a video file"):
        probe(tmp_path)


def test_zero_byte_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.touch()
    with pytest.raises(MediaEmptyError) as err:
        probe(empty)
    assert "empty.mp4" in str(err.value) and "0 bytes" in str(err.value)


def test_text_renamed_mp4(tmp_path: Path) -> None:
    fake = tmp_path / "notes.mp4"
    fake.write_text("Session notes, not a video.\n" * 200, encoding="utf-8")
    with pytest.raises(MediaUnreadableError) as err:
        probe(fake)
    msg = str(err.value)
    assert "notes.mp4" in msg and "MP4/H.264" in msg


def test_truncated_mp4_without_index(videos: dict[str, Path], tmp_path: Path) -> None:
    # OpenCV writes the MP4 index at the end: cut it off and nothing can be found.
    data = videos["mp4v"].read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaUnreadableError):
        probe(cut)


def test_truncated_avi_is_accepted_with_a_warning(videos: dict[str, Path], tmp_path: Path) -> None:
    data = videos["mjpg"].read_bytes()
    cut = tmp_path / "cut.avi"
    cut.write_bytes(data[: len(data) // 2])
    full = probe(videos["mjpg"])
    info = probe(cut)
    assert full.warning == ""
    assert 0 < info.frame_count < full.frame_count
    playable = f"{info.duration_ms / 1000:.1f} s"
    assert "cut.avi" in info.warning and "truncated" in info.warning
    assert f"only the first {playable}" in info.warning
    # What plays is what the stills show. The cut goes through the last frame, so that one
    # is partly damaged (still shown); the ones before it are exact.
    with FrameSource(cut) as src:
        assert src.info.warning == info.warning
        assert src.frame_count == info.frame_count
        src.frame(src.frame_count - 1)
        assert read_frame_number(src.frame(src.frame_count - 2)) == info.frame_count - 2


@needs_ffmpeg
def test_truncated_faststart_mp4_is_accepted_with_a_warning(
    videos: dict[str, Path], tmp_path: Path
) -> None:
    # With the index at the start, FFmpeg opens the file and finds frames missing at the end.
    fast = tmp_path / "fast.mp4"
    subprocess.run([shutil.which("ffmpeg") or "ffmpeg", "-loglevel", "error", "-i",
                    str(videos["h264"]), "-c", "copy", "-movflags", "+faststart", str(fast)],
                   check=True)
    data = fast.read_bytes()
    cut = tmp_path / "fastcut.mp4"
    cut.write_bytes(data[: len(data) * 2 // 3])
    info = probe(cut)
    assert "truncated" in info.warning and f"{info.duration_ms / 1000:.1f} s" in info.warning
    with FrameSource(cut) as src:
        last = src.frame_count - 1
        assert read_frame_number(src.frame(last)) == last
        assert read_frame_number(src.frame(last // 2)) == last // 2


@needs_ffmpeg
def test_sound_in_a_video_container_is_an_audio_recording(tmp_path: Path) -> None:
    # A phone's sound-only "video" (MP4 with just an AAC track) is an audio-only recording.
    sound = tmp_path / "sound.mp4"
    subprocess.run([shutil.which("ffmpeg") or "ffmpeg", "-loglevel", "error", "-f", "lavfi",
                    "-i", "sine=duration=1", "-c:a", "aac", str(sound)], check=True)
    info = probe(sound)
    assert info.audio_only and abs(info.duration_ms - 1000) <= 30
    m4a = sound.rename(tmp_path / "sound.m4a")
    assert probe(m4a) == info


@needs_ffmpeg
@pytest.mark.parametrize("suffix", [".mkv", ".mp4"])
def test_variable_frame_rate_counts_frames_not_duration(tmp_path: Path, suffix: str) -> None:
    # 60 frames, with a 2 s pause after frame 29: Matroska announces duration * rate
    # frames, which must not look like a truncated file.
    times = [i * 40 for i in range(30)] + [3160 + i * 40 for i in range(30)]
    path = write_test_video(tmp_path / f"vfr{suffix}", frames=60, codec="h264",
                            frame_times_ms=times)
    info = probe(path)
    assert info.frame_count == 60
    assert info.duration_ms == times[-1] + 40


def test_all_errors_are_media_errors() -> None:
    for cls in (MediaMissingError, MediaEmptyError, MediaUnreadableError):
        assert issubclass(cls, MediaError)


@needs_ffmpeg
def test_stream_without_time_stamps_is_refused(videos: dict[str, Path], tmp_path: Path) -> None:
    # A raw H.264 elementary stream has no time stamps: neither the packets nor the decoded
    # frames say when a frame is shown, so frame-exact times are impossible.
    raw = tmp_path / "camera.h264"
    subprocess.run([shutil.which("ffmpeg") or "ffmpeg", "-loglevel", "error", "-i",
                    str(videos["h264"]), "-c", "copy", "-bsf:v", "h264_mp4toannexb",
                    "-f", "h264", str(raw)], check=True)
    with pytest.raises(MediaUnreadableError, match="time stamps") as err:
        probe(raw)
    assert "re-export" in str(err.value)

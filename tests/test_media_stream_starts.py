"""The waveform is on the playback timeline: a sound that starts after the picture is
shifted, and a decoder crash costs only the waveform.

Files are made with ffmpeg: a numbered video whose sound starts 1 s late (``-itsoffset``
on the audio input), as MP4, MPEG-TS and BD-style .m2ts (whose AAC track FFmpeg reports
with 0 channels; QtMultimedia's decoder segfaults on it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.media.stream_starts import audio_offset_ms
from annotator.ui.player.waveform import decode_in_child, waveform_for
from tests.media_factory import ffmpeg_convert, make_video

TONE = "sine=frequency=440:sample_rate=48000:duration=2"


@pytest.fixture(scope="module")
def late_sound(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("latesound")
    video = make_video(folder, "h264", frames=100)
    mp4 = ffmpeg_convert(video, folder / "late-sound.mp4", "-itsoffset", "1.0", "-f", "lavfi",
                         "-i", TONE, "-map", "0:v", "-map", "1:a", "-c:v", "copy",
                         "-c:a", "aac")
    return {
        "mp4": mp4,
        "mts": ffmpeg_convert(mp4, folder / "late-sound.mts", "-c", "copy", "-f", "mpegts"),
        "m2ts": ffmpeg_convert(mp4, folder / "late-sound.m2ts", "-c", "copy",
                               "-mpegts_m2ts_mode", "1", "-f", "mpegts"),
        "together": ffmpeg_convert(video, folder / "together.mts", "-f", "lavfi", "-i", TONE,
                                   "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac",
                                   "-f", "mpegts"),
    }


@pytest.mark.parametrize("kind", ["mp4", "mts", "m2ts"])
def test_audio_offset_is_read_from_the_container(late_sound: dict[str, Path], kind: str
                                                 ) -> None:
    assert 950 <= audio_offset_ms(late_sound[kind]) <= 1010  # 1 s minus the AAC priming


def test_no_offset_when_the_streams_start_together(late_sound: dict[str, Path],
                                                   tmp_path: Path) -> None:
    assert audio_offset_ms(late_sound["together"]) == 0
    assert audio_offset_ms(make_video(tmp_path, "mjpg", frames=10)) == 0  # AVI: 0
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x08ftyp" + bytes(50))
    assert audio_offset_ms(broken) == 0


def test_waveform_of_a_late_sound_is_shifted_to_where_it_plays(
    late_sound: dict[str, Path]
) -> None:
    wf = waveform_for(late_sound["mp4"], None)
    assert wf is not None
    assert wf.level(0, 900) == 0
    assert wf.level(1100, 2900) >= 20
    assert wf.level(3100, 4000) == 0


def test_a_crashing_decoder_costs_only_the_waveform(late_sound: dict[str, Path]) -> None:
    # QtMultimedia's QAudioDecoder segfaults on this file's 0-channel AAC track; in the
    # child process that is a failed waveform (None), and this process goes on.
    assert decode_in_child(late_sound["m2ts"]) is None
    assert decode_in_child(late_sound["mts"]) is not None

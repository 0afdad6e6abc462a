"""The numbered test videos: the frame code survives scaling, letterboxing and compression."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest

from annotator.media.errors import MediaToolMissingError
from annotator.media.frames import FrameSource
from annotator.media.videogen import (
    BACKGROUND_BGR,
    CELLS,
    MARGIN_X,
    MARGIN_Y,
    MAX_FRAMES,
    STRIP_H,
    code_cells,
    find_video_rect,
    read_frame_number,
    render_frame,
    write_test_video,
)
from tests.media_factory import make_video, needs_ffmpeg

NUMBERS = [0, 1, 2, 7, 100, 255, 256, 4095, 12345, 40000, MAX_FRAMES - 1]


@pytest.mark.parametrize("number", NUMBERS)
def test_reads_back_rendered_number(number: int) -> None:
    assert read_frame_number(render_frame(number, 25.0, (320, 240))) == number


def test_code_cells_have_markers_and_distinct_payloads() -> None:
    cells = [tuple(code_cells(n)) for n in range(2000)]
    assert len(set(cells)) == 2000
    assert all(c[:2] == (0, 1) and c[-2:] == (1, 0) for c in cells)
    with pytest.raises(ValueError):
        code_cells(MAX_FRAMES)
    with pytest.raises(ValueError):
        code_cells(-1)


@pytest.mark.parametrize("size", [(160, 120), (123, 77), (640, 360), (1000, 750), (96, 72)])
@pytest.mark.parametrize("interp", [cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_NEAREST])
def test_reads_scaled_copies(size: tuple[int, int], interp: int) -> None:
    img = render_frame(31337, 25.0, (320, 240), label="scaled")
    assert read_frame_number(cv2.resize(img, size, interpolation=interp)) == 31337


@pytest.mark.parametrize("background", [0, 40, 128, 240, 255])
def test_finds_frame_letterboxed_in_bigger_image(background: int) -> None:
    img = render_frame(4242, 25.0, (320, 240))
    canvas = np.full((600, 900, 3), background, np.uint8)
    canvas[57:57 + 420, 173:173 + 560] = cv2.resize(img, (560, 420), interpolation=cv2.INTER_AREA)
    x, y, w, h = find_video_rect(canvas)
    assert abs(x - 173) <= 1 and abs(y - 57) <= 1
    assert abs(w - 560) <= 2 and abs(h - 420) <= 2
    assert read_frame_number(canvas) == 4242
    assert read_frame_number(canvas, rect=(173, 57, 560, 420)) == 4242


def test_reads_rgb_rgba_and_grey_images() -> None:
    img = render_frame(999, 25.0, (320, 240))
    rgb = img[:, :, ::-1]
    rgba = np.dstack([rgb, np.full(img.shape[:2], 255, np.uint8)])
    grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    assert read_frame_number(rgb) == 999
    assert read_frame_number(rgba) == 999
    assert read_frame_number(grey) == 999


@pytest.mark.parametrize("quality", [30, 60, 90])
def test_reads_jpeg_compressed_copy(quality: int) -> None:
    img = cv2.resize(render_frame(5150, 25.0, (320, 240)), (200, 150))
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    assert decoded is not None
    assert read_frame_number(np.asarray(decoded)) == 5150


def test_rejects_images_without_a_code() -> None:
    with pytest.raises(ValueError):
        read_frame_number(np.zeros((240, 320, 3), np.uint8))
    green = np.empty((240, 320, 3), np.uint8)
    green[:] = BACKGROUND_BGR
    with pytest.raises(ValueError):
        read_frame_number(green)


@pytest.mark.parametrize("cell", [2, 6, 17, 19])
def test_detects_a_flipped_bit(cell: int) -> None:
    w, h = 320, 240
    img = render_frame(0b1010_1100_0011_0101, 25.0, (w, h))
    # Paint one data or check cell with the opposite colour.
    cell_w = w * (1 - 2 * MARGIN_X) / CELLS
    x0 = round(w * MARGIN_X + cell * cell_w) + 2
    x1 = round(w * MARGIN_X + (cell + 1) * cell_w) - 2
    y0 = round(h * (1 - MARGIN_Y - STRIP_H)) + 2
    y1 = round(h * (1 - MARGIN_Y)) - 2
    img[y0:y1, x0:x1] = 255 - img[(y0 + y1) // 2, (x0 + x1) // 2]
    with pytest.raises(ValueError, match="check bits"):
        read_frame_number(img)


def test_rejects_bad_arguments(tmp_path: Path) -> None:
    target = tmp_path / "x.mp4"
    with pytest.raises(ValueError):
        write_test_video(target, frames=0)
    with pytest.raises(ValueError):
        write_test_video(target, frames=MAX_FRAMES + 1)
    with pytest.raises(ValueError):
        write_test_video(tmp_path / "x.avi", frames=5, codec="mjpg", bframes=2)
    with pytest.raises(ValueError):
        write_test_video(tmp_path / "x.avi", frames=5, codec="mjpg", gop=10)
    with pytest.raises(ValueError):
        write_test_video(target, frames=5, codec="h264", size=(321, 240))
    with pytest.raises(ValueError):
        write_test_video(target, frames=3, codec="mp4v", frame_times_ms=[0, 40, 80])
    with pytest.raises(ValueError):
        write_test_video(target, frames=3, codec="h264", frame_times_ms=[0, 40, 40])
    with pytest.raises(ValueError):
        write_test_video(target, frames=5, codec="vp9")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("codec", "name"), [("mp4v", "a.mp4"), ("mjpg", "a.avi")])
def test_opencv_codecs_write_numbered_frames(tmp_path: Path, codec: str, name: str) -> None:
    path = write_test_video(tmp_path / name, frames=12, codec=codec, label="L")  # type: ignore[arg-type]
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    numbers = []
    while True:
        ok, img = cap.read()
        if not ok:
            break
        numbers.append(read_frame_number(img))
    cap.release()
    assert numbers == list(range(12))


@needs_ffmpeg
def test_mp4v_gop(tmp_path: Path) -> None:
    path = write_test_video(tmp_path / "g.mp4", frames=60, codec="mp4v", gop=20)
    with FrameSource(path) as src:
        assert list(src.keyframes) == [0, 20, 40]


@needs_ffmpeg
def test_mp4v_open_gop_with_bframes_decodes_exactly(tmp_path: Path) -> None:
    # ffmpeg's MPEG-4 encoder puts B-frames before each I-frame in presentation order
    # (an open GOP): they cannot be decoded from that I-frame.
    path = write_test_video(tmp_path / "b.mp4", frames=60, codec="mp4v", gop=20, bframes=2)
    with FrameSource(path, cache_bytes=6 * 320 * 240 * 3) as src:
        assert len(src.keyframes) >= 3
        order = [*range(59, -1, -1), *src.keyframes, *(src.keyframes - 1)[1:]]
        assert [read_frame_number(src.frame(int(i))) for i in order] == [int(i) for i in order]


def _ffprobe_streams(path: Path) -> list[str]:
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("ffprobe is not installed")
    out = subprocess.run(
        [exe, "-v", "error", "-show_entries", "stream=codec_type", "-of", "json", str(path)],
        capture_output=True, check=True,
    ).stdout
    return [s["codec_type"] for s in json.loads(out)["streams"]]


@needs_ffmpeg
@pytest.mark.parametrize(("codec", "name"), [("h264", "s.mp4"), ("mjpg", "s.avi")])
def test_audio_adds_a_sound_track(tmp_path: Path, codec: str, name: str) -> None:
    path = write_test_video(tmp_path / name, frames=25, codec=codec, audio=True)  # type: ignore[arg-type]
    assert sorted(_ffprobe_streams(path)) == ["audio", "video"]
    assert [p.name for p in tmp_path.iterdir()] == [name]
    with FrameSource(path) as src:
        assert src.frame_count == 25
        assert read_frame_number(src.frame(24)) == 24


@needs_ffmpeg
def test_h264_keyframes_and_bframes(tmp_path: Path) -> None:
    path = write_test_video(tmp_path / "k.mp4", frames=130, codec="h264", gop=50, bframes=2)
    with FrameSource(path) as src:
        assert list(src.keyframes) == [0, 50, 100]
        assert read_frame_number(src.frame(77)) == 77


def test_missing_ffmpeg_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(MediaToolMissingError, match="ffmpeg"):
        write_test_video(tmp_path / "n.mp4", frames=5, codec="h264")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("codec", ["mp4v", "mjpg", "h264"])
def test_textured_video_keeps_readable_codes(tmp_path: Path, codec: str) -> None:
    path = make_video(tmp_path, codec, frames=30, texture=True)
    with FrameSource(path) as src:
        assert [read_frame_number(src.frame(i)) for i in range(29, -1, -3)] == list(
            range(29, -1, -3)
        )
        canvas = np.full((400, 700, 3), 20, np.uint8)
        canvas[40:40 + 300, 100:100 + 400] = cv2.resize(src.frame(17), (400, 300))
        assert read_frame_number(canvas) == 17


def test_texture_moves_between_frames() -> None:
    a = render_frame(10, 25.0, (320, 240), texture=True)
    b = render_frame(11, 25.0, (320, 240), texture=True)
    plain = render_frame(10, 25.0, (320, 240))
    # The pattern pans 4 px per frame: frame 11 is frame 10 moved left by 4 px.
    region = (slice(14, 40), slice(40, 200))  # above the number, no label
    shifted = (slice(14, 40), slice(44, 204))
    assert np.array_equal(b[region], a[shifted])
    assert not np.array_equal(a[region], b[region])
    assert not np.array_equal(a, plain)

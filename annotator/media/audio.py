"""Audio-only recordings (WAV, M4A, MP3): what ``probe`` needs, read from the file itself.

Many therapy recordings have no picture. OpenCV cannot open a file without a video stream
and ffmpeg is not a runtime dependency, so the duration is read from the container:

* WAV (RIFF ``WAVE``): the ``data`` chunk's size over the ``fmt `` chunk's byte rate;
* M4A / MP4 audio (ISO base media): the movie header's duration over its time scale;
* MP3: the MPEG audio frames are counted (exact for variable bit rates too); a leading
  ID3v2 tag and a Xing/Info header frame are skipped.

Playing and decoding the sound (for the waveform) is QtMultimedia's job (see
``annotator.ui.player.waveform``); nothing here decodes samples.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

from annotator.media.errors import MediaUnreadableError
from annotator.media.isobmff import iso_boxes, iso_child

#: File endings the program accepts as audio-only recordings.
AUDIO_SUFFIXES = (".wav", ".m4a", ".mp3")
#: Other sound formats: refused with a hint to export WAV, M4A or MP3.
OTHER_AUDIO_SUFFIXES = (".ogg", ".oga", ".opus", ".flac", ".aac", ".wma", ".amr", ".aiff", ".aif")
#: ISO base media endings that may hold sound only (a phone's "video" of a voice memo).
_ISO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp")


@dataclass(frozen=True)
class AudioInfo:
    duration_ms: int
    codec: str
    sample_rate: int
    channels: int


def is_audio_file(path: Path) -> bool:
    """An audio-only recording: a WAV/M4A/MP3 file, or an MP4/MOV with sound but no video."""
    suffix = path.suffix.lower()
    if suffix in AUDIO_SUFFIXES:
        return True
    return suffix in _ISO_SUFFIXES and _iso_track_kinds(path) == {b"soun"}


def _iso_track_kinds(path: Path) -> set[bytes]:
    """Handler types (b"vide", b"soun", ...) of an ISO file's tracks; empty if unreadable."""
    try:
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            moov = iso_child(data, (0, len(data)), b"moov")
            kinds = set()
            for kind, s, e in iso_boxes(data, *moov):
                if kind == b"trak":
                    hdlr_s, _ = iso_child(data, iso_child(data, (s, e), b"mdia"), b"hdlr")
                    kinds.add(bytes(data[hdlr_s + 8:hdlr_s + 12]))
            return kinds
    except (OSError, ValueError, KeyError, struct.error, IndexError):
        return set()


def _unreadable(path: Path, detail: str) -> MediaUnreadableError:
    return MediaUnreadableError(
        f"Audio file '{path.name}' cannot be read: {detail}. The file may be damaged or in "
        "an unsupported format; export the recording as WAV, M4A (AAC) or MP3 and link that.",
        path,
    )


# --------------------------------------------------------------------------- WAV

_WAV_FLOAT = 3
_WAV_EXTENSIBLE = 0xFFFE


def probe_wav(path: Path) -> AudioInfo:
    with path.open("rb") as fh:
        head = fh.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise _unreadable(path, "it is not a RIFF/WAVE file")
        fmt: tuple[int, int, int, int, int] | None = None
        remaining = path.stat().st_size - 12
        while remaining >= 8:
            chunk = fh.read(8)
            if len(chunk) < 8:
                break
            kind, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            remaining -= 8
            if kind == b"fmt ":
                body = fh.read(min(size, 40))
                if len(body) < 16:
                    raise _unreadable(path, "its format chunk is too short")
                tag, channels, rate, byte_rate, _align, bits = struct.unpack("<HHIIHH", body[:16])
                if tag == _WAV_EXTENSIBLE and len(body) >= 26:
                    tag = struct.unpack("<H", body[24:26])[0]
                fmt = (tag, channels, rate, byte_rate, bits)
                fh.seek(size - len(body) + (size & 1), 1)
            elif kind == b"data":
                if fmt is None:
                    raise _unreadable(path, "its sound data comes before its format")
                tag, channels, rate, byte_rate, bits = fmt
                if byte_rate <= 0 or rate <= 0:
                    raise _unreadable(path, "its format names no sample rate")
                present = min(size, remaining)  # a cut file has less than it announces
                kind_name = "f" if tag == _WAV_FLOAT else ("u" if bits == 8 else "s")
                codec = f"pcm_{kind_name}{bits}le" if tag in (1, _WAV_FLOAT) else f"wav_{tag:#06x}"
                return AudioInfo(round(present * 1000 / byte_rate), codec, rate, channels)
            else:
                fh.seek(size + (size & 1), 1)
            remaining -= size + (size & 1)
    raise _unreadable(path, "it holds no sound data")


# --------------------------------------------------------------------------- MP4 / M4A


def probe_mp4_audio(path: Path) -> AudioInfo:
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        try:
            moov = iso_child(data, (0, len(data)), b"moov")
            mvhd_s, _ = iso_child(data, moov, b"mvhd")
            if data[mvhd_s] == 1:
                scale, duration = struct.unpack(">IQ", data[mvhd_s + 20:mvhd_s + 32])
            else:
                scale, duration = struct.unpack(">II", data[mvhd_s + 12:mvhd_s + 20])
            for kind, s, e in iso_boxes(data, *moov):
                if kind != b"trak":
                    continue
                mdia = iso_child(data, (s, e), b"mdia")
                hdlr_s, _ = iso_child(data, mdia, b"hdlr")
                if data[hdlr_s + 8:hdlr_s + 12] != b"soun":
                    continue
                stbl = iso_child(data, iso_child(data, mdia, b"minf"), b"stbl")
                stsd_s, _ = iso_child(data, stbl, b"stsd")
                entry = stsd_s + 8  # version/flags, entry count
                codec = bytes(data[entry + 4:entry + 8]).decode("latin-1").strip()
                channels, _bits = struct.unpack(">HH", data[entry + 24:entry + 28])
                rate = struct.unpack(">I", data[entry + 32:entry + 36])[0] >> 16
                if scale <= 0:
                    raise _unreadable(path, "its header has no time scale")
                return AudioInfo(round(duration * 1000 / scale), codec, rate, channels)
        except (KeyError, struct.error, IndexError):
            raise _unreadable(path, "its MP4 header is incomplete (interrupted copy?)") from None
    raise _unreadable(path, "it has no sound track")


# --------------------------------------------------------------------------- MP3

# Bit rates (kbit/s) by (MPEG-1?, layer) and index; sample rates by version and index.
_BITRATES = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_frame(h: int) -> tuple[int, int, int, int] | None:
    """(frame bytes, samples, sample rate, channels) of a 4-byte header, or None."""
    if h >> 21 != 0x7FF:
        return None
    version = (h >> 19) & 3
    layer = 4 - ((h >> 17) & 3)
    bitrate_i = (h >> 12) & 0xF
    rate_i = (h >> 10) & 3
    if version == 1 or layer == 4 or bitrate_i in (0, 15) or rate_i == 3:
        return None
    mpeg1 = version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_i] * 1000
    rate = _RATES[version][rate_i]
    padding = (h >> 9) & 1
    channels = 1 if (h >> 6) & 3 == 3 else 2
    if layer == 1:
        return (12 * bitrate // rate + padding) * 4, 384, rate, channels
    samples = 1152 if (layer == 2 or mpeg1) else 576
    return samples // 8 * bitrate // rate + padding, samples, rate, channels


def probe_mp3(path: Path) -> AudioInfo:
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        n = len(data)
        pos = 0
        if data[:3] == b"ID3" and n >= 10:
            size = 0
            for b in data[6:10]:
                size = size << 7 | (b & 0x7F)
            pos = 10 + size + (10 if data[5] & 0x10 else 0)
        samples = frames = 0
        rate = channels = 0
        resync_budget = 64 * 1024  # junk tolerated before the first frame
        while pos + 4 <= n:
            found = _mp3_frame(struct.unpack(">I", data[pos:pos + 4])[0])
            if found is None or found[0] <= 4:
                if frames == 0 and resync_budget > 0:
                    pos += 1
                    resync_budget -= 1
                    continue
                break  # trailing tag (ID3v1, APE) or a cut frame: the audio ends here
            length, spf, rate, channels = found
            if pos + length > n:
                break  # a cut last frame does not play
            if frames == 0 and (b"Xing" in data[pos:pos + 64] or b"Info" in data[pos:pos + 64]):
                pos += length  # the VBR header frame holds no sound
                frames = -1
            else:
                samples += spf
                pos += length
            frames += 1
        if samples == 0 or rate == 0:
            raise _unreadable(path, "no MPEG audio frame found in it")
        return AudioInfo(round(samples * 1000 / rate), "mp3", rate, channels)


def probe_audio(path: Path) -> AudioInfo:
    """Duration and codec of an audio-only recording; MediaUnreadableError if not one."""
    suffix = path.suffix.lower()
    if suffix == ".wav":
        return probe_wav(path)
    if suffix == ".m4a" or suffix in _ISO_SUFFIXES:
        return probe_mp4_audio(path)
    if suffix == ".mp3":
        return probe_mp3(path)
    raise _unreadable(path, f"'{suffix}' is not an audio format the program reads")

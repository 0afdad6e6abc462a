"""Where the sound starts and ends on the playback timeline (the container's), read from
the file.

QtMultimedia plays every stream on the container's timeline, which starts with the earliest
stream. Its ``QAudioDecoder`` (the waveform's decoder) counts the sound's time from the
first audio sample instead, so when the sound starts after the picture, the waveform has
to be shifted by ``audio_offset_ms``. (The picture's own offset is measured by the player
from QtMultimedia; see ``annotator.ui.player.controller``.)

Read from the container without decoding:

* ISO base media (MP4, MOV, M4A): a track's leading empty edits (``elst`` entries with
  media time -1) delay it; the track starting first defines 0.
* MPEG-TS (.mts, .m2ts, .ts): the first presentation time stamp of each elementary stream
  in the first few megabytes.

Other containers (AVI, Matroska, WAV, MP3) give 0: their streams start together in
practice (AVI has no per-stream start; Matroska and WAV/MP3 are handled as starting at 0).

``sound_end_ms``: where the last sound track ends on that timeline. QtMultimedia plays a
file to the end of its longest stream, so a video whose sound runs on after the picture
plays (showing the last frame) until the sound ends. Read for ISO base media only (a
track's header duration, which includes its edits); other containers give 0 (not known).
"""

from __future__ import annotations

import mmap
import struct
from pathlib import Path

from annotator.media.isobmff import iso_boxes, iso_child

_ISO_SUFFIXES = (".mp4", ".mov", ".m4v", ".m4a", ".3gp")
_TS_SUFFIXES = (".mts", ".m2ts", ".ts", ".m2t")
_TS_SCAN_BYTES = 4 * 2**20
_PTS_WRAP = 1 << 33
_AUDIO_STREAM_TYPES = {0x03, 0x04, 0x0F, 0x11, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87}


def audio_offset_ms(path: Path) -> int:
    """How much later than the earliest stream the sound starts (ms; 0 if not known)."""
    suffix = path.suffix.lower()
    try:
        if suffix in _ISO_SUFFIXES:
            return _iso_audio_offset(path)
        if suffix in _TS_SUFFIXES:
            return _ts_audio_offset(path)
    except (OSError, ValueError, KeyError, struct.error, IndexError):
        return 0
    return 0


def _iso_audio_offset(path: Path) -> int:
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        moov = iso_child(data, (0, len(data)), b"moov")
        mvhd_s, _ = iso_child(data, moov, b"mvhd")
        v1 = data[mvhd_s] == 1
        at = mvhd_s + (20 if v1 else 12)
        scale = struct.unpack(">I", data[at:at + 4])[0]
        if scale <= 0:
            return 0
        starts: dict[bytes, list[float]] = {}
        for kind, s, e in iso_boxes(data, *moov):
            if kind != b"trak":
                continue
            hdlr_s, _ = iso_child(data, iso_child(data, (s, e), b"mdia"), b"hdlr")
            handler = bytes(data[hdlr_s + 8:hdlr_s + 12])
            starts.setdefault(handler, []).append(_iso_track_delay(data, (s, e)) / scale)
    if b"soun" not in starts:
        return 0
    first = min(t for ts in starts.values() for t in ts)
    return round((min(starts[b"soun"]) - first) * 1000)


def sound_end_ms(path: Path) -> int:
    """Where the last sound track ends on the playback timeline (ms; 0 if not known)."""
    if path.suffix.lower() not in _ISO_SUFFIXES:
        return 0
    try:
        return _iso_sound_end(path)
    except (OSError, ValueError, KeyError, struct.error, IndexError):
        return 0


def _iso_sound_end(path: Path) -> int:
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        moov = iso_child(data, (0, len(data)), b"moov")
        mvhd_s, _ = iso_child(data, moov, b"mvhd")
        at = mvhd_s + (20 if data[mvhd_s] == 1 else 12)
        scale = struct.unpack(">I", data[at:at + 4])[0]
        if scale <= 0:
            return 0
        first: float | None = None
        end = 0.0
        for kind, s, e in iso_boxes(data, *moov):
            if kind != b"trak":
                continue
            delay = _iso_track_delay(data, (s, e)) / scale
            first = delay if first is None else min(first, delay)
            hdlr_s, _ = iso_child(data, iso_child(data, (s, e), b"mdia"), b"hdlr")
            if bytes(data[hdlr_s + 8:hdlr_s + 12]) != b"soun":
                continue
            tkhd_s, _ = iso_child(data, (s, e), b"tkhd")
            if data[tkhd_s] == 1:
                duration = struct.unpack(">Q", data[tkhd_s + 28:tkhd_s + 36])[0]
            else:
                duration = struct.unpack(">I", data[tkhd_s + 20:tkhd_s + 24])[0]
            if duration not in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):  # 0 / all ones: unknown
                end = max(end, duration / scale)  # the edits' total: delay included
    if first is None or end <= 0:
        return 0
    return round((end - first) * 1000)


def _iso_track_delay(data: mmap.mmap, trak: tuple[int, int]) -> int:
    """Sum of a track's leading empty edits, in movie time-scale units."""
    try:
        elst_s, _ = iso_child(data, iso_child(data, trak, b"edts"), b"elst")
    except KeyError:
        return 0
    version = data[elst_s]
    count = struct.unpack(">I", data[elst_s + 4:elst_s + 8])[0]
    pos, delay = elst_s + 8, 0
    for _ in range(count):
        if version == 1:
            duration, media_time = struct.unpack(">Qq", data[pos:pos + 16])
            pos += 20
        else:
            duration, media_time = struct.unpack(">Ii", data[pos:pos + 8])
            pos += 12
        if media_time != -1:
            break
        delay += duration
    return int(delay)


def _pes_pts(payload: bytes) -> int | None:
    if len(payload) < 14 or payload[:3] != b"\x00\x00\x01" or not payload[7] & 0x80:
        return None
    p = payload[9:14]
    return ((p[0] >> 1) & 7) << 30 | p[1] << 22 | (p[2] >> 1) << 15 | p[3] << 7 | p[4] >> 1


def _ts_audio_offset(path: Path) -> int:
    with path.open("rb") as fh:
        data = fh.read(_TS_SCAN_BYTES)
    step = 188
    if len(data) > 192 * 2 and data[4] == 0x47 and data[196] == 0x47:
        step = 192  # .m2ts: 4-byte time code before each packet
    first = 0 if step == 188 else 4
    pmt_pids: set[int] = set()
    kinds: dict[int, int] = {}  # elementary PID -> stream type
    pts: dict[int, int] = {}
    sound: set[int] = set()  # PIDs carrying sound (by stream type or PES stream id)
    for pos in range(first, len(data) - 187, step):
        pkt = data[pos:pos + 188]
        if pkt[0] != 0x47:
            continue
        pid = (pkt[1] & 0x1F) << 8 | pkt[2]
        start = pkt[1] & 0x40
        control = (pkt[3] >> 4) & 3
        body = 4 + (1 + pkt[4] if control & 2 else 0)
        if not control & 1 or body >= 188:
            continue
        payload = pkt[body:]
        if pid == 0 and start:
            table = payload[1 + payload[0]:]
            n = ((table[1] & 0x0F) << 8 | table[2]) - 9
            for k in range(0, max(0, n), 4):
                entry = table[8 + k:12 + k]
                if len(entry) == 4 and (entry[0] << 8 | entry[1]) != 0:
                    pmt_pids.add((entry[2] & 0x1F) << 8 | entry[3])
        elif pid in pmt_pids and start:
            table = payload[1 + payload[0]:]
            length = (table[1] & 0x0F) << 8 | table[2]
            info = (table[10] & 0x0F) << 8 | table[11]
            k, end = 12 + info, 3 + length - 4
            while k + 5 <= end:
                kinds[(table[k + 1] & 0x1F) << 8 | table[k + 2]] = table[k]
                k += 5 + ((table[k + 3] & 0x0F) << 8 | table[k + 4])
        elif pid in kinds and start:
            value = _pes_pts(payload)
            if value is not None and (pid not in pts or value < pts[pid]):
                pts[pid] = value
            if kinds[pid] in _AUDIO_STREAM_TYPES or (
                kinds[pid] == 0x06 and len(payload) > 3
                and (0xC0 <= payload[3] <= 0xDF or payload[3] in (0xBD, 0xFD))
            ):
                sound.add(pid)
    audio = [t for pid, t in pts.items() if pid in sound]
    if not audio or not pts:
        return 0
    base = min(pts.values())
    if max(pts.values()) - base > _PTS_WRAP // 2:
        return 0  # a time stamp wrap-around at the start: not worth guessing
    return round((min(audio) - base) / 90)

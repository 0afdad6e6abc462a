"""Whether a video is interlaced, and whether the installed OpenCV can show it.

OpenCV builds on FFmpeg 8 (swscale 9: opencv-python-headless 4.13, 4.14 and 5.0 bundle it)
refuse to convert interlaced frames to BGR ("Cannot convert interlaced to progressive
frames or vice versa") and return whatever their output buffer held: every still of a 50i
camcorder file (MP4, AVCHD .mts) is noise. Builds on older FFmpeg (opencv-python-headless
4.12 bundles FFmpeg 5.1, swscale 6) convert the same frames correctly (both fields woven
into one picture, as players show a paused interlaced frame). ``pyproject.toml`` therefore
asks for ``opencv-python-headless<4.13``; ``check_stills_supported`` refuses an interlaced
file with a clear message when a broken build is installed anyway, instead of showing
noise.

Interlacing is read from the stream's extradata, which OpenCV hands out:

- H.264: the sequence parameter set's ``frame_mbs_only_flag`` (0 means field or MBAFF
  coding), in ``avcC`` (MP4, Matroska) or with Annex B start codes (MPEG-TS);
- MPEG-2 video (HDV camcorders, DVD, broadcast): the sequence extension's
  ``progressive_sequence`` (0 means the frames may be interlaced; ISO/IEC 13818-2 6.2.2.3),
  after a sequence header. MPEG-1 has no sequence extension and is progressive.

Other codecs are reported as not known to be interlaced.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import cv2

from annotator.media.errors import MediaUnreadableError

#: The first swscale major version (FFmpeg 8) with which OpenCV shows interlaced video as noise.
BROKEN_SWSCALE_MAJOR = 9
#: What to install instead, for messages.
WORKING_OPENCV = "opencv-python-headless<4.13"


class _Bits:
    """Big-endian bit reader with Exp-Golomb codes (H.264 7.2, 9.1)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def u(self, n: int) -> int:
        value = 0
        for _ in range(n):
            byte = self._pos >> 3
            if byte >= len(self._data):
                raise ValueError("parameter set ends early")
            value = value << 1 | (self._data[byte] >> (7 - (self._pos & 7))) & 1
            self._pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
            if zeros > 31:
                raise ValueError("bad Exp-Golomb code")
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        k = self.ue()
        return (k + 1) // 2 if k & 1 else -(k // 2)


def _unescape(nal: bytes) -> bytes:
    """The RBSP of a NAL unit: emulation-prevention bytes (00 00 03) removed."""
    return nal.replace(b"\x00\x00\x03", b"\x00\x00")


def _skip_scaling_list(bits: _Bits, size: int) -> None:
    last, nxt = 8, 8
    for _ in range(size):
        if nxt != 0:
            nxt = (last + bits.se() + 256) % 256
        last = nxt if nxt != 0 else last


def sps_is_interlaced(sps: bytes) -> bool:
    """``frame_mbs_only_flag == 0`` of an H.264 SPS NAL unit (with its 1-byte header)."""
    bits = _Bits(_unescape(sps[1:]))
    profile = bits.u(8)
    bits.u(16)  # constraint flags, level
    bits.ue()  # seq_parameter_set_id
    if profile in (100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135):
        chroma = bits.ue()
        if chroma == 3:
            bits.u(1)  # separate_colour_plane_flag
        bits.ue()  # bit_depth_luma_minus8
        bits.ue()  # bit_depth_chroma_minus8
        bits.u(1)  # qpprime_y_zero_transform_bypass_flag
        if bits.u(1):  # seq_scaling_matrix_present_flag
            for k in range(8 if chroma != 3 else 12):
                if bits.u(1):
                    _skip_scaling_list(bits, 16 if k < 6 else 64)
    bits.ue()  # log2_max_frame_num_minus4
    poc_type = bits.ue()
    if poc_type == 0:
        bits.ue()
    elif poc_type == 1:
        bits.u(1)
        bits.se()
        bits.se()
        for _ in range(bits.ue()):
            bits.se()
    bits.ue()  # max_num_ref_frames
    bits.u(1)  # gaps_in_frame_num_value_allowed_flag
    bits.ue()  # pic_width_in_mbs_minus1
    bits.ue()  # pic_height_in_map_units_minus1
    return bits.u(1) == 0


def _sps_units(extradata: bytes) -> list[bytes]:
    """The SPS NAL units in ``avcC`` or Annex B extradata."""
    if len(extradata) >= 7 and extradata[0] == 1:  # avcC (ISO 14496-15)
        count = extradata[5] & 0x1F
        pos, out = 6, []
        for _ in range(count):
            size = int.from_bytes(extradata[pos:pos + 2], "big")
            out.append(extradata[pos + 2:pos + 2 + size])
            pos += 2 + size
        return out
    units = [u.lstrip(b"\x00") for u in extradata.split(b"\x00\x00\x01")]
    return [u.rstrip(b"\x00") for u in units if u and u[0] & 0x1F == 7]


def mpeg2_is_interlaced(extradata: bytes) -> bool:
    """``progressive_sequence == 0`` in an MPEG-2 sequence extension that follows a sequence
    header (start codes ``B3``, then ``B5`` with extension id 1). H.264 NAL units cannot
    start with ``B3`` or ``B5`` (their top bit is the forbidden zero bit), and MPEG-4 Part 2's
    visual object header (also ``B5``) never has the nibble 1 there."""
    units = [u for u in extradata.split(b"\x00\x00\x01") if u]
    seen_header = False
    for unit in units:
        if unit[0] == 0xB3:
            seen_header = True
        elif unit[0] == 0xB5 and seen_header and len(unit) >= 3 and unit[1] >> 4 == 1:
            return (unit[2] >> 3) & 1 == 0
    return False


def is_interlaced(path: Path) -> bool:
    """True if ``path``'s video stream is interlaced H.264 or MPEG-2; False if not or not
    known."""
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG, [cv2.CAP_PROP_FORMAT, -1])
    try:
        if not cap.isOpened():
            return False
        index = int(cap.get(cv2.CAP_PROP_CODEC_EXTRADATA_INDEX))
        ok, extra = cap.retrieve(None, index)
    finally:
        cap.release()
    if not ok or extra is None:
        return False
    data = bytes(extra.reshape(-1))
    if mpeg2_is_interlaced(data):
        return True
    for sps in _sps_units(data):
        try:
            if sps_is_interlaced(sps):
                return True
        except ValueError:
            continue
    return False


@cache
def swscale_major() -> int | None:
    """Major version of the swscale library OpenCV was built with (None if unknown)."""
    found = re.search(r"swscale:\s*YES\s*\((\d+)\.", cv2.getBuildInformation())
    return int(found.group(1)) if found else None


def interlaced_stills_broken() -> bool:
    """Whether the installed OpenCV decodes interlaced video as noise."""
    major = swscale_major()
    return major is not None and major >= BROKEN_SWSCALE_MAJOR


def check_stills_supported(path: Path) -> None:
    """Raise MediaUnreadableError if the installed OpenCV would show ``path``'s stills as
    noise (an interlaced video with an FFmpeg 8 build of OpenCV); otherwise return."""
    if not interlaced_stills_broken() or not is_interlaced(path):
        return
    raise MediaUnreadableError(
        f"Video file '{path.name}' is interlaced, and the installed OpenCV {cv2.__version__} "
        "(built with FFmpeg 8) decodes interlaced video as noise. Install the OpenCV this "
        f"program requires (pip install '{WORKING_OPENCV}'), "
        "or convert the recording to progressive video.",
        path,
    )

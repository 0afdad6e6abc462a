"""ELAN .eaf export and import: EAF 3.0 structure, relative media, round trip, bad files.

:func:`check_eaf_structure` validates against ELAN's EAFv3.0.xsd (tests/data/eaf, see the
README there) and checks with lxml what the schema cannot say but ELAN relies on: element
order, ID uniqueness, every IDREF resolving, time values, no overlaps within a tier and the
controlled vocabularies.
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import select

from annotator.core.timeline_rows import RowsRejected
from annotator.exchange.eaf import EafMapError
from annotator.exchange.exporters import ExportOptions, export_file
from annotator.exchange.importers import ImportOptionsError, import_eaf
from annotator.store import Study
from annotator.store.models import Base
from annotator.store.queries import iter_segments
from annotator.store.records import MediaLink
from tests.conftest import run_cli
from tests.studyutil import make_study

TOP_ORDER = ["LICENSE", "HEADER", "TIME_ORDER", "TIER", "LINGUISTIC_TYPE", "LOCALE", "LANGUAGE",
             "CONSTRAINT", "CONTROLLED_VOCABULARY", "LEXICON_REF", "EXTERNAL_REF"]
NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
STEREOTYPES = {"Time_Subdivision", "Symbolic_Subdivision", "Symbolic_Association", "Included_In"}


SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "eaf" /
                                         "EAFv3.0.xsd")))


def check_eaf_structure(path: Path) -> etree._Element:
    tree = etree.parse(str(path))
    assert SCHEMA.validate(tree), SCHEMA.error_log.filter_from_errors()
    root = tree.getroot()
    assert root.tag == "ANNOTATION_DOCUMENT"
    assert root.get("VERSION") == "3.0" and root.get("AUTHOR") is not None
    assert DATETIME.match(root.get("DATE", "")), root.get("DATE")
    order = [TOP_ORDER.index(el.tag) for el in root]
    assert order == sorted(order), [el.tag for el in root]
    assert [el.tag for el in root].count("HEADER") == 1
    assert [el.tag for el in root].count("TIME_ORDER") == 1
    header = root.find("HEADER")
    assert header is not None
    h_order = [["MEDIA_DESCRIPTOR", "LINKED_FILE_DESCRIPTOR", "PROPERTY"].index(el.tag)
               for el in header]
    assert h_order == sorted(h_order)
    for md in header.iter("MEDIA_DESCRIPTOR"):
        assert md.get("MEDIA_URL") and md.get("MIME_TYPE")
    ids: list[str] = []
    for attr in ("TIME_SLOT_ID", "ANNOTATION_ID", "CV_ID", "LANG_ID"):
        ids += [el.get(attr) for el in root.iter() if el.get(attr) is not None]
    assert len(ids) == len(set(ids)), "xsd:ID values must be unique"
    assert all(NCNAME.match(i) for i in ids)
    slots: dict[str, int] = {}
    for ts in root.find("TIME_ORDER"):
        assert ts.tag == "TIME_SLOT"
        slots[ts.get("TIME_SLOT_ID")] = int(ts.get("TIME_VALUE"))
    values = list(slots.values())
    assert values == sorted(values) and min(values, default=0) >= 0
    types = {lt.get("LINGUISTIC_TYPE_ID"): lt for lt in root.iter("LINGUISTIC_TYPE")}
    cvs = {cv.get("CV_ID"): cv for cv in root.iter("CONTROLLED_VOCABULARY")}
    langs = {lang.get("LANG_ID") for lang in root.iter("LANGUAGE")}
    stereo = {c.get("STEREOTYPE") for c in root.iter("CONSTRAINT")}
    assert stereo <= STEREOTYPES
    for lt in types.values():
        assert lt.get("TIME_ALIGNABLE") in ("true", "false")
        assert lt.get("CONSTRAINTS") is None or lt.get("CONSTRAINTS") in stereo
        assert lt.get("CONTROLLED_VOCABULARY_REF") is None or lt.get(
            "CONTROLLED_VOCABULARY_REF") in cvs
    for cv in cvs.values():
        for el in cv.iter("DESCRIPTION", "CVE_VALUE"):
            assert el.get("LANG_REF") in langs
        for entry in cv.iter("CV_ENTRY_ML"):
            assert entry.get("CVE_ID") and len(entry.findall("CVE_VALUE")) >= 1
    tiers = {t.get("TIER_ID"): t for t in root.iter("TIER")}
    annotations = {a.get("ANNOTATION_ID"): a for a in root.iter("ALIGNABLE_ANNOTATION",
                                                                 "REF_ANNOTATION")}
    for tid, tier in tiers.items():
        lt = types[tier.get("LINGUISTIC_TYPE_REF")]
        parent = tier.get("PARENT_REF")
        assert parent is None or parent in tiers
        spans = []
        for ann in tier.iter("ANNOTATION"):
            (inner,) = list(ann)
            assert inner.find("ANNOTATION_VALUE") is not None
            if inner.tag == "ALIGNABLE_ANNOTATION":
                assert lt.get("TIME_ALIGNABLE") == "true" and parent is None
                start, end = slots[inner.get("TIME_SLOT_REF1")], slots[inner.get("TIME_SLOT_REF2")]
                assert start < end
                spans.append((start, end))
                cv = lt.get("CONTROLLED_VOCABULARY_REF")
                if cv is not None:
                    allowed = {v.text for v in cvs[cv].iter("CVE_VALUE")}
                    assert inner.findtext("ANNOTATION_VALUE") in allowed
            else:
                ref = annotations[inner.get("ANNOTATION_REF")]
                assert ref.getparent().getparent() is tiers[parent], tid
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), tid
    return root


def build(target: str, tmp_path: Path) -> Study:
    if "://" not in target:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    study = make_study(target)
    media = tmp_path / "recordings" / "C01 session one.mp4"
    media.parent.mkdir(parents=True, exist_ok=True)
    media.write_bytes(b"x")
    stored = (str(media) if study.path is None
              else Path(os.path.relpath(media, study.path.parent)).as_posix())
    s1 = study.add_session("C01", 1, media=MediaLink(stored, "0" * 64, 1, 30_000, 25.0, 750,
                                                     320, 240, "mp4v"))
    s2 = study.add_session("C01", 2, duration_ms=20_000)
    s3 = study.add_session("C02", 1, duration_ms=20_000)
    a = study.assign(s1.id, "AK")
    study.add_segment(a.id, "therapist", 0, 4000, note="opens the session")
    study.add_segment(a.id, "child", 4000, 9000)
    study.add_segment(a.id, "praise", 1000, 6000)
    study.add_segment(a.id, "praise", 2000, 3000, note="overlaps the other praise")
    study.add_segment(a.id, "question", 2000, 2000)
    study.add_segment(a.id, "question", 30_000, 30_000)  # at the very end
    b = study.assign(s1.id, "BL", "reliability")
    study.add_segment(b.id, "child", 3500, 9500)
    study.add_segment(study.assign(s2.id, "AK").id, "praise", 0, 20_000)
    study.add_segment(study.assign(s3.id, "CD").id, "question", 5, 5)
    return study


def fingerprint(study: Study, case: str | None = None) -> list[tuple[Any, ...]]:
    return sorted((s.case, s.session, s.segment.coder, s.purpose, s.segment.code,
                   s.segment.start_ms, s.segment.end_ms, s.segment.note)
                  for s in iter_segments(study, case=case))


def fresh_like(target: str) -> Study:
    study = make_study(target)
    study.add_session("C01", 1, duration_ms=30_000)
    study.add_session("C01", 2, duration_ms=20_000)
    study.add_session("C02", 1, duration_ms=20_000)
    return study


def test_round_trip_gives_the_same_segments(study_target: str, tmp_path: Path) -> None:
    study = build(study_target, tmp_path / "lab")
    out = tmp_path / "eaf"
    out.mkdir()
    n = export_file(study, "eaf", out, ExportOptions())
    assert n == 9
    files = sorted(p.name for p in out.iterdir())
    assert files == ["C01_1.eaf", "C01_2.eaf", "C02_1.eaf"]
    copy = fresh_like(str(tmp_path / "copy.annot"))
    for name in files:
        check_eaf_structure(out / name)
        result = import_eaf(copy, out / name)  # case and session come from the file
        assert result.ignored_tiers == []
    assert fingerprint(copy) == fingerprint(study)
    copy.close()
    study.close()


def test_media_link_is_relative_and_tiers_are_named(tmp_path: Path) -> None:
    study = build(str(tmp_path / "lab" / "s.annot"), tmp_path)
    out = tmp_path / "exports" / "c01.eaf"
    out.parent.mkdir()
    export_file(study, "eaf", out, ExportOptions(case="C01"))
    names = sorted(p.name for p in out.parent.iterdir())
    assert names == ["c01_C01_1.eaf", "c01_C01_2.eaf"]
    first = out.parent / "c01_C01_1.eaf"
    root = check_eaf_structure(first)
    md = root.find("HEADER/MEDIA_DESCRIPTOR")
    assert md is not None
    rel = md.get("RELATIVE_MEDIA_URL")
    assert rel == "../recordings/C01%20session%20one.mp4" == md.get("MEDIA_URL")
    assert (first.parent / rel.replace("%20", " ")).resolve() == (
        tmp_path / "recordings" / "C01 session one.mp4").resolve()
    assert md.get("MIME_TYPE") == "video/mp4"
    raw = first.read_bytes()
    assert str(tmp_path).encode() not in raw
    tiers = [t.get("TIER_ID") for t in root.iter("TIER")]
    # Overlapping segments of the non-exclusive category need extra tiers (ELAN forbids
    # overlaps within a tier); notes sit in child tiers of their annotation's tier.
    assert tiers == ["AK:talk", "AK:talk note", "AK:acts", "AK:acts #2", "AK:acts #3",
                     "AK:acts #3 note", "BL:talk (reliability)", "BL:acts (reliability)"]
    cv = root.find("CONTROLLED_VOCABULARY[@CV_ID='cv_acts']")
    assert cv is not None
    entries = {v.text: v.get("DESCRIPTION") for v in cv.iter("CVE_VALUE")}
    assert entries == {"praise": "Praise", "question": "Question"}
    points = [a for a in root.iter("ALIGNABLE_ANNOTATION") if a.findtext("ANNOTATION_VALUE")
              == "question"]
    slots = {ts.get("TIME_SLOT_ID"): int(ts.get("TIME_VALUE")) for ts in root.iter("TIME_SLOT")}
    assert sorted((slots[a.get("TIME_SLOT_REF1")], slots[a.get("TIME_SLOT_REF2")])
                  for a in points) == [(2000, 2001), (30_000, 30_001)]
    # One session only: OUT is written as given.
    single = tmp_path / "exports" / "one.eaf"
    export_file(study, "eaf", single, ExportOptions(case="C02"))
    assert single.is_file() and check_eaf_structure(single) is not None
    study.close()


ELAN_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-05-01T10:00:00+02:00" FORMAT="3.0" VERSION="3.0">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <PROPERTY NAME="lastUsedAnnotation">4</PROPERTY>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2500"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="4000"/>
        {extra_slots}
    </TIME_ORDER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="Therapist acts">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                <ANNOTATION_VALUE>{value1}</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="{ref}">
                <ANNOTATION_VALUE>question</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="Transcript">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3">
                <ANNOTATION_VALUE>hello there</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="JD:talk">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a4" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3">
                <ANNOTATION_VALUE>{value2}</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt"
        TIME_ALIGNABLE="true"/>
</ANNOTATION_DOCUMENT>
"""


def elan_file(tmp_path: Path, *, value1: str = "praise", value2: str = "child",
              ref: str = "ts3", extra_slots: str = "") -> Path:
    path = tmp_path / "from-elan.eaf"
    path.write_text(ELAN_FILE.format(value1=value1, value2=value2, ref=ref,
                                     extra_slots=extra_slots), encoding="utf-8")
    return path


def dump(study: Study) -> dict[str, list[str]]:
    with study.read() as conn:
        return {t.name: sorted(map(repr, conn.execute(select(t)).all()))
                for t in Base.metadata.sorted_tables}


def test_import_an_elan_file_with_map(tmp_path: Path) -> None:
    study = fresh_like(str(tmp_path / "s.annot"))
    path = elan_file(tmp_path)
    with pytest.raises(ImportOptionsError, match="--case and --session"):
        import_eaf(study, path, maps=["Therapist acts=AK:acts"])
    result = import_eaf(study, path, case="C01", session=2,
                        maps=["Therapist acts=AK:acts (reliability)"])
    assert result.segments == 3 and sorted(result.new_coders) == ["AK", "JD"]
    assert result.ignored_tiers == ["Transcript"]
    assert fingerprint(study) == [
        ("C01", 2, "AK", "reliability", "praise", 1000, 2500, ""),
        ("C01", 2, "AK", "reliability", "question", 2500, 2500, ""),
        ("C01", 2, "JD", "primary", "child", 1000, 4000, ""),
    ]
    with pytest.raises(EafMapError, match="'Nope'"):
        import_eaf(study, path, case="C01", session=1, maps=["Nope=AK:acts"])
    with pytest.raises(ImportOptionsError, match="TIER=CODER:CATEGORY"):
        import_eaf(study, path, case="C01", session=1, maps=["Therapist acts"])
    study.close()


def test_bad_elan_files_change_nothing(tmp_path: Path) -> None:
    study = fresh_like(str(tmp_path / "s.annot"))
    before = dump(study)
    broken = tmp_path / "broken.eaf"
    broken.write_text(ELAN_FILE.replace("</TIER>", "</TIRE>", 1), encoding="utf-8")
    with pytest.raises(RowsRejected, match=r"line 23: not well-formed XML \(mismatched tag"):
        import_eaf(study, broken, case="C01", session=1)

    missing = elan_file(tmp_path, ref="ts9", extra_slots='<TIME_SLOT TIME_SLOT_ID="ts7"/>')
    text = missing.read_text(encoding="utf-8").replace('TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3"',
                                                       'TIME_SLOT_REF1="ts7" TIME_SLOT_REF2="ts3"')
    missing.write_text(text, encoding="utf-8")
    with pytest.raises(RowsRejected) as info:
        import_eaf(study, missing, case="C01", session=1, maps=["Therapist acts=AK:acts"])
    reasons = [str(p) for p in info.value.problems]
    assert reasons == [
        "line 19: tier 'Therapist acts', annotation a2: its time slot 'ts9' is missing from the "
        "file's TIME_ORDER",
        "line 33: tier 'JD:talk', annotation a4: its time slot 'ts7' has no time value, and no "
        "aligned time slot before it on the tier places it (ELAN interpolates only between "
        "aligned slots)",
    ]

    unknown = elan_file(tmp_path, value1="hug", value2="praise")
    with pytest.raises(RowsRejected) as info:
        import_eaf(study, unknown, case="C01", session=1, maps=["Therapist acts=AK:acts"])
    reasons = [str(p) for p in info.value.problems]
    assert reasons[0].startswith("line 14: tier 'Therapist acts' at 1.000 s: 'hug' is not a "
                                 "code of the codebook")
    assert reasons[1].startswith("line 33: tier 'JD:talk' at 1.000 s: 'praise' belongs to the "
                                 "category 'acts'")
    assert len(reasons) == 2
    assert dump(study) == before
    study.close()


def test_cli_eaf_export_and_import(tmp_path: Path) -> None:
    build(str(tmp_path / "lab" / "s.annot"), tmp_path).close()
    lab = str(tmp_path / "lab" / "s.annot")
    out = tmp_path / "one.eaf"
    proc = run_cli("export", lab, "-o", str(out), "--case", "C02", check=True)
    assert "Wrote 1 row(s)" in proc.stderr and out.is_file()
    fresh_like(str(tmp_path / "t.annot")).close()
    proc = run_cli("import", str(tmp_path / "t.annot"), str(out), check=True)
    assert "Imported 1 segment(s)" in proc.stdout
    bad = elan_file(tmp_path, value1="hug")
    proc = run_cli("import", str(tmp_path / "t.annot"), str(bad), "--case", "C01",
                   "--session", "1", "--map", "Therapist acts=AK:acts")
    assert proc.returncode == 2 and "'hug' is not a code" in proc.stderr
    assert "nothing was imported" in proc.stderr and "Traceback" not in proc.stderr
    broken = tmp_path / "broken.eaf"
    broken.write_text("<ANNOTATION_DOCUMENT><HEADER>", encoding="utf-8")
    proc = run_cli("import", str(tmp_path / "t.annot"), str(broken), "--case", "C01",
                   "--session", "1")
    assert proc.returncode == 2 and "not well-formed XML" in proc.stderr
    no_slots = elan_file(tmp_path, ref="ts9")
    proc = run_cli("import", str(tmp_path / "t.annot"), str(no_slots), "--case", "C01",
                   "--session", "1", "--map", "Therapist acts=AK:acts")
    assert proc.returncode == 2 and "time slot 'ts9' is missing" in proc.stderr
    listing = run_cli("export", str(tmp_path / "t.annot"), "-o", "-", check=True).stdout
    assert listing.count("\n") == 2  # the header and the one segment imported above


@pytest.mark.parametrize("damage", [
    ('ANNOTATION_ID="a3"', 'ANNOTATION_ID="a2"'),  # a duplicate xsd:ID
    ('TIME_SLOT_ID="ts1"', 'TIME_SLOT_ID="ts0"'),  # a dangling time slot reference
    ('CONTROLLED_VOCABULARY_REF="cv_acts"', 'CONTROLLED_VOCABULARY_REF="cv_none"'),
    ("<ANNOTATION_VALUE>child</ANNOTATION_VALUE>", "<ANNOTATION_VALUE>hug</ANNOTATION_VALUE>"),
])
def test_the_structure_check_is_not_vacuous(tmp_path: Path, damage: tuple[str, str]) -> None:
    study = build(str(tmp_path / "lab" / "s.annot"), tmp_path)
    export_file(study, "eaf", tmp_path / "c.eaf", ExportOptions(case="C01", coder="AK"))
    study.close()
    out = tmp_path / "c_C01_1.eaf"
    check_eaf_structure(out)
    text = out.read_text(encoding="utf-8")
    assert damage[0] in text
    out.write_text(text.replace(damage[0], damage[1], 1), encoding="utf-8")
    with pytest.raises((AssertionError, KeyError)):
        check_eaf_structure(out)

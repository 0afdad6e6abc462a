"""ELAN files as researchers have them (issue 10 point 1): real files round trip through
``codebook from-eaf``, import and export, and the export validates against ELAN's
EAFv3.0.xsd; values match codes by id or label; unaligned slots, Symbolic_Subdivision and
Included_In are placed in time as ELAN shows them; empty annotations are reported."""

from __future__ import annotations

from pathlib import Path

import pympi
import pytest
from lxml import etree

from annotator.core.codebook_yaml import parse_codebook
from annotator.core.timeline_rows import RowsRejected
from annotator.exchange.eaf_codebook import codebook_from_eaf, slug
from annotator.exchange.eaf_read import read_eaf
from annotator.exchange.exporters import ExportOptions, export_file
from annotator.exchange.importers import import_eaf
from annotator.store import Study
from annotator.store.queries import iter_segments
from tests.conftest import run_cli

DATA = Path(__file__).parent / "data" / "eaf"
REAL = ["elan-example1", "turkish", "fto"]
SCHEMA = etree.XMLSchema(etree.parse(str(DATA / "EAFv3.0.xsd")))


def validate(path: Path) -> None:
    doc = etree.parse(str(path))
    assert SCHEMA.validate(doc), SCHEMA.error_log.filter_from_errors()


def segments(study: Study) -> list[tuple[str, str, int, int]]:
    """(coder, code, start, end) in time order."""
    return [(s.segment.coder, s.segment.code, s.segment.start_ms, s.segment.end_ms)
            for s in sorted(iter_segments(study), key=lambda s: (
                s.segment.start_ms, s.segment.end_ms, s.segment.coder, s.segment.code))]


def study_for(tmp_path: Path, name: str, codebook: str, duration_ms: int) -> Study:
    study = Study.create(str(tmp_path / f"{name}.annot"), codebook, f"{name}.yaml")
    study.add_session("C01", 1, duration_ms=duration_ms)
    return study


@pytest.mark.parametrize("name", REAL)
def test_real_elan_file_round_trips(tmp_path: Path, name: str) -> None:
    src = DATA / f"{name}.eaf"
    doc = read_eaf(src)
    built = codebook_from_eaf(doc, name=name)
    parse_codebook(built.text, "built.yaml")
    end = max(v for v in doc.slots.values() if v is not None) + 1000
    study = study_for(tmp_path, "first", built.text, end)
    mapped = {t: c for t, c in built.tier_categories.items() if doc.tiers[t].annotations}
    assert mapped
    result = import_eaf(study, src, case="C01", session=1, skip_empty=True,
                        maps=[f"{t}=AK:{c}" for t, c in mapped.items()])
    values = [a.value for t in mapped for a in doc.tiers[t].annotations]
    assert result.segments == sum(1 for v in values if v.strip())
    assert result.skipped_empty == sum(1 for v in values if not v.strip())
    first = segments(study)

    out = tmp_path / f"{name}-out.eaf"
    assert export_file(study, "eaf", out, ExportOptions()) == result.segments
    validate(out)
    back = pympi.Elan.Eaf(str(out))
    assert sum(len(aligned) for aligned, *_ in back.tiers.values()) == result.segments
    study.close()

    second = study_for(tmp_path, "second", built.text, end)
    assert import_eaf(second, out).segments == result.segments  # tiers named CODER:CATEGORY
    assert segments(second) == first
    second.close()


def test_real_unaligned_slot_is_interpolated_along_its_tier() -> None:
    doc = read_eaf(DATA / "elan-example1.eaf")
    assert doc.slots["ts62"] is None
    tier = next(t for t in doc.tiers.values()
                if any("ts62" in (a.ts1, a.ts2) for a in t.annotations))
    before = next(a for a in tier.annotations if a.ts2 == "ts62")
    after = next(a for a in tier.annotations if a.ts1 == "ts62")
    lo, hi = doc.slots[before.ts1 or ""], doc.slots[after.ts2 or ""]
    assert lo is not None and hi is not None
    assert doc.span(before) == (lo, (lo + hi) // 2)  # one unaligned slot: the middle
    assert doc.span(after) == ((lo + hi) // 2, hi)


def test_real_symbolic_subdivision_divides_the_parent_evenly() -> None:
    doc = read_eaf(DATA / "turkish.eaf")
    words = doc.tiers["P-Word"]
    parent = doc.annotation(words.annotations[0].ref or "")
    assert parent is not None
    start, end = doc.span(parent)
    parts = [a for a in words.annotations if a.ref == parent.id]
    n = len(parts)
    assert n >= 2
    assert [doc.span(a) for a in parts] == [
        (start + (end - start) * k // n, start + (end - start) * (k + 1) // n) for k in range(n)]
    morphs = [a for a in doc.tiers["P-Morph"].annotations if a.ref == parts[0].id]
    w0, w1 = doc.span(parts[0])
    assert doc.span(morphs[0])[0] == w0 and doc.span(morphs[-1])[1] == w1  # nested division


# --------------------------------------------------------------------- hand-made EAF files
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-01-01T00:00:00+01:00" FORMAT="3.0" VERSION="3.0"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">
 <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
"""
TYPES = """
 <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="acts" TIME_ALIGNABLE="true"
  CONTROLLED_VOCABULARY_REF="cv"/>
 <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="free" TIME_ALIGNABLE="true"/>
 <LINGUISTIC_TYPE CONSTRAINTS="Time_Subdivision" GRAPHIC_REFERENCES="false"
  LINGUISTIC_TYPE_ID="sub" TIME_ALIGNABLE="true"/>
 <LINGUISTIC_TYPE CONSTRAINTS="Included_In" GRAPHIC_REFERENCES="false"
  LINGUISTIC_TYPE_ID="inc" TIME_ALIGNABLE="true"/>
 <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Subdivision" GRAPHIC_REFERENCES="false"
  LINGUISTIC_TYPE_ID="sym" TIME_ALIGNABLE="false"/>
 <LANGUAGE LANG_ID="en"/>
 <LANGUAGE LANG_ID="nb"/>
 <CONSTRAINT DESCRIPTION="" STEREOTYPE="Time_Subdivision"/>
 <CONSTRAINT DESCRIPTION="" STEREOTYPE="Symbolic_Subdivision"/>
 <CONSTRAINT DESCRIPTION="" STEREOTYPE="Included_In"/>
 <CONTROLLED_VOCABULARY CV_ID="cv">
  <CV_ENTRY_ML CVE_ID="e1"><CVE_VALUE LANG_REF="en" DESCRIPTION="A push">Head_butt</CVE_VALUE>
   <CVE_VALUE LANG_REF="nb">Skalle</CVE_VALUE></CV_ENTRY_ML>
  <CV_ENTRY_ML CVE_ID="e2"><CVE_VALUE LANG_REF="en">yes</CVE_VALUE>
   <CVE_VALUE LANG_REF="nb">ja</CVE_VALUE></CV_ENTRY_ML>
 </CONTROLLED_VOCABULARY>
</ANNOTATION_DOCUMENT>
"""


def slots(**times: int | None) -> str:
    rows = [f'  <TIME_SLOT TIME_SLOT_ID="{k}"' + ("" if v is None else f' TIME_VALUE="{v}"')
            + "/>" for k, v in times.items()]
    return " <TIME_ORDER>\n" + "\n".join(rows) + "\n </TIME_ORDER>\n"


def aligned(aid: str, ts1: str, ts2: str, value: str) -> str:
    return (f'  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="{aid}" TIME_SLOT_REF1="{ts1}" '
            f'TIME_SLOT_REF2="{ts2}"><ANNOTATION_VALUE>{value}</ANNOTATION_VALUE>'
            "</ALIGNABLE_ANNOTATION></ANNOTATION>\n")


def ref(aid: str, parent: str, value: str, previous: str | None = None) -> str:
    prev = f' PREVIOUS_ANNOTATION="{previous}"' if previous else ""
    return (f'  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="{aid}" ANNOTATION_REF="{parent}"'
            f"{prev}><ANNOTATION_VALUE>{value}</ANNOTATION_VALUE></REF_ANNOTATION>"
            "</ANNOTATION>\n")


def tier(tid: str, ltype: str, body: str, parent: str | None = None) -> str:
    p = f' PARENT_REF="{parent}"' if parent else ""
    return f' <TIER LINGUISTIC_TYPE_REF="{ltype}" TIER_ID="{tid}"{p}>\n{body} </TIER>\n'


def write_eaf(tmp_path: Path, time_order: str, tiers: str, name: str = "hand.eaf") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + time_order + tiers + TYPES, encoding="utf-8")
    return path


def test_unaligned_runs_divide_the_span_between_aligned_slots(tmp_path: Path) -> None:
    path = write_eaf(tmp_path, slots(ts1=0, ts2=None, ts3=None, ts4=3000, ts5=None, ts6=5000),
                     tier("top", "free", aligned("a1", "ts1", "ts6", "x"))
                     + tier("words", "sub", aligned("a2", "ts1", "ts2", "w1")
                            + aligned("a3", "ts2", "ts3", "w2") + aligned("a4", "ts3", "ts4", "w3")
                            + aligned("a5", "ts4", "ts5", "w4") + aligned("a6", "ts5", "ts6", "w5"),
                            parent="top"))
    doc = read_eaf(path)
    spans = [doc.span(a) for a in doc.tiers["words"].annotations]
    assert spans == [(0, 1000), (1000, 2000), (2000, 3000), (3000, 4000), (4000, 5000)]


def test_symbolic_subdivision_and_included_in(tmp_path: Path) -> None:
    path = write_eaf(
        tmp_path, slots(ts1=1000, ts2=1900, ts3=1200, ts4=1500),
        tier("top", "free", aligned("a1", "ts1", "ts2", "x"))
        # written out of order: PREVIOUS_ANNOTATION decides the order
        + tier("parts", "sym", ref("a3", "a1", "second", "a2") + ref("a2", "a1", "first")
               + ref("a4", "a1", "third", "a3"), parent="top")
        + tier("inside", "inc", aligned("a5", "ts3", "ts4", "own"), parent="top"))
    doc = read_eaf(path)
    by_value = {a.value: doc.span(a) for t in doc.tiers.values() for a in t.annotations}
    assert by_value["first"] == (1000, 1300)
    assert by_value["second"] == (1300, 1600)
    assert by_value["third"] == (1600, 1900)
    assert by_value["own"] == (1200, 1500)  # Included_In keeps its own times


BILINGUAL = """\
name: Acts
version: "1"
language: [en, nb]
categories:
  - id: gesture
    label: {en: Gesture, nb: Gest}
    codes:
      - {id: head_butt, label: {en: Head butt, nb: Skalle}, color: "#112233"}
      - {id: grab, label: {en: Grab, nb: Grep}, color: "#223344"}
  - id: agrees
    label: {en: Agrees, nb: Enig}
    codes:
      - {id: yes, label: {en: "yes", nb: ja}, color: "#334455"}
  - id: understood
    label: {en: Understood, nb: Forstått}
    codes:
      - {id: understood_yes, label: {en: "yes", nb: ja}, color: "#445566"}
"""


def values_file(tmp_path: Path, values: list[str], other: list[str] | None = None) -> Path:
    body = "".join(aligned(f"a{i + 1}", f"ts{2 * i + 1}", f"ts{2 * i + 2}", v)
                   for i, v in enumerate(values))
    times = {f"ts{k + 1}": k * 1000 + (k % 2) * 500 for k in range(2 * len(values))}
    tiers = tier("G", "free", body)
    if other:
        n = len(values)
        tiers += tier("U", "free", "".join(
            aligned(f"b{i + 1}", f"ts{2 * (n + i) + 1}", f"ts{2 * (n + i) + 2}", v)
            for i, v in enumerate(other)))
        times.update({f"ts{2 * n + k + 1}": (2 * n + k) * 1000 + (k % 2) * 500
                      for k in range(2 * len(other))})
    return write_eaf(tmp_path, slots(**times), tiers)


def test_values_match_by_id_or_label_in_any_language(tmp_path: Path) -> None:
    study = study_for(tmp_path, "s", BILINGUAL, 60_000)
    path = values_file(tmp_path, ["Head_butt", "  GRAB ", "skalle", "Head butt", "grep"])
    result = import_eaf(study, path, case="C01", session=1, maps=["G=AK:gesture"])
    assert result.segments == 5
    assert [code for _, code, _, _ in segments(study)] == [
        "head_butt", "grab", "head_butt", "head_butt", "grab"]
    study.close()


def test_map_values_covers_the_rest(tmp_path: Path) -> None:
    study = study_for(tmp_path, "s", BILINGUAL, 60_000)
    path = values_file(tmp_path, ["HB", "grab", "shove"])
    with pytest.raises(RowsRejected) as info:
        import_eaf(study, path, case="C01", session=1, maps=["G=AK:gesture"])
    assert [p.line for p in info.value.problems] == [
        a.line for a in read_eaf(path).tiers["G"].annotations if a.value != "grab"]
    assert "--map-values" in str(info.value)
    mapping = tmp_path / "values.csv"
    mapping.write_text("value,code\nhb,head_butt\nShove,grab\n", encoding="utf-8")
    result = import_eaf(study, path, case="C01", session=1, maps=["G=AK:gesture"],
                        map_values=mapping)
    assert [code for _, code, _, _ in segments(study)] == ["head_butt", "grab", "grab"]
    assert result.summary == ["3 segment(s) as AK:gesture"]
    bad = tmp_path / "bad.csv"
    bad.write_text("value,code\nhb,nosuch\nx\n", encoding="utf-8")
    with pytest.raises(RowsRejected) as info:
        import_eaf(study, path, case="C01", session=1, maps=["G=AK:gesture"], map_values=bad)
    assert [p.line for p in info.value.problems] == [2, 3]
    study.close()


def test_the_same_value_in_two_categories(tmp_path: Path) -> None:
    study = study_for(tmp_path, "s", BILINGUAL, 60_000)
    path = values_file(tmp_path, ["yes", "JA"], other=["yes"])
    import_eaf(study, path, case="C01", session=1, maps=["G=AK:agrees", "U=AK:understood"])
    assert [code for _, code, _, _ in segments(study)] == ["yes", "yes", "understood_yes"]
    wrong = values_file(tmp_path, ["grab"])
    with pytest.raises(RowsRejected) as info:
        import_eaf(study, wrong, case="C01", session=1, maps=["G=AK:agrees"])
    reason = info.value.problems[0].reason
    assert "'grab' belongs to the category 'gesture'" in reason
    assert "unique across the codebook" in reason and "--map-values" in reason
    study.close()


def test_empty_annotations_are_reported_or_skipped(tmp_path: Path) -> None:
    study = study_for(tmp_path, "s", BILINGUAL, 60_000)
    path = values_file(tmp_path, ["grab", "  ", "", "grab"])
    with pytest.raises(RowsRejected) as info:
        import_eaf(study, path, case="C01", session=1, maps=["G=AK:gesture"])
    lines = [a.line for a in read_eaf(path).tiers["G"].annotations]
    assert [p.line for p in info.value.problems] == lines[1:3]
    assert all("is empty" in p.reason and "--skip-empty" in p.reason
               for p in info.value.problems)
    assert segments(study) == []
    result = import_eaf(study, path, case="C01", session=1, maps=["G=AK:gesture"],
                        skip_empty=True)
    assert (result.segments, result.skipped_empty) == (2, 2)
    assert "2 empty annotation(s) skipped (--skip-empty)" in result.summary
    study.close()


def test_codebook_from_eaf_vocabularies_and_values(tmp_path: Path) -> None:
    path = write_eaf(tmp_path, slots(ts1=0, ts2=1000, ts3=2000, ts4=3000),
                     tier("A", "acts", aligned("a1", "ts1", "ts2", "Head_butt")
                          + aligned("a2", "ts3", "ts4", "stray"))
                     + tier("F", "free", aligned("a3", "ts1", "ts2", "yes")
                            + aligned("a4", "ts3", "ts4", "Yes ")))
    doc = read_eaf(path)
    built = codebook_from_eaf(doc, name="hand")
    cb = parse_codebook(built.text)
    assert cb.languages == ("en", "nb")
    acts = cb.category("acts")
    assert [c.id for c in acts.codes] == ["head_butt", "yes", "stray"]
    assert acts.codes[0].label == {"en": "Head_butt", "nb": "Skalle"}
    assert acts.codes[0].definition["en"] == "A push"
    free = cb.category("free")
    assert [c.id for c in free.codes] == ["free_yes"]  # 'yes' is taken by 'acts'
    assert any("stray" in n for n in built.notes)
    assert built.tier_categories == {"A": "acts", "F": "free"}
    study = study_for(tmp_path, "s", built.text, 10_000)
    import_eaf(study, path, case="C01", session=1, maps=["A=AK:acts", "F=AK:free"])
    assert [code for _, code, _, _ in segments(study)] == [
        "free_yes", "head_butt", "free_yes", "stray"]
    study.close()
    by_tier = parse_codebook(codebook_from_eaf(doc, name="hand", by="tier").text)
    assert [c.id for c in by_tier.categories] == ["a", "f"]
    assert slug("Äußerung", "x") == "ausserung" and slug("12 år", "x") == "v_12_ar"
    assert slug("Ølkasse", "x") == "olkasse" and slug("???", "fallback") == "fallback"


def test_cli_from_eaf_and_import(tmp_path: Path) -> None:
    out = tmp_path / "cb.yaml"
    proc = run_cli("codebook", "from-eaf", str(DATA / "elan-example1.eaf"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "--map W-RGph=CODER:gesture_phases" in proc.stdout
    assert "retraction" in proc.stdout  # the value outside the vocabulary is named
    assert run_cli("codebook", "validate", str(out)).returncode == 0
    again = run_cli("codebook", "from-eaf", str(DATA / "elan-example1.eaf"), "-o", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    assert run_cli("init", str(tmp_path / "s.annot"), "--codebook", str(out)).returncode == 0
    run_cli("session", "add", str(tmp_path / "s.annot"), "--case", "C01", "--number", "1",
            "--duration", "60", check=True)
    imp = run_cli("import", str(tmp_path / "s.annot"), str(DATA / "elan-example1.eaf"),
                  "--case", "C01", "--session", "1", "--map", "W-RGph=AK:gesture_phases",
                  "--map", "K-RGph=BL:gesture_phases")
    assert imp.returncode == 0, imp.stderr
    assert "segment(s) as AK:gesture_phases" in imp.stdout
    mapping = tmp_path / "values.csv"
    mapping.write_text("value,code\nretraction,part_retraction\n", encoding="utf-8")
    second = run_cli("init", str(tmp_path / "t.annot"), "--codebook", str(out))
    assert second.returncode == 0
    run_cli("session", "add", str(tmp_path / "t.annot"), "--case", "C01", "--number", "1",
            "--duration", "60", check=True)
    pos = run_cli("import", str(tmp_path / "t.annot"), str(DATA / "elan-example1.eaf"),
                  "--case", "C01", "--session", "1", "--map", "W-RGph=AK:gesture_phases",
                  "--map", "W-POS=AK:part_of_speech", "--map-values", str(mapping),
                  "--skip-empty")
    assert pos.returncode == 0, pos.stderr
    assert "1 empty annotation(s) skipped (--skip-empty)" in pos.stdout
    listing = run_cli("export", str(tmp_path / "t.annot"), "-o", "-", check=True).stdout
    assert ",retraction," not in listing and ",part_retraction," in listing
    empty = run_cli("import", str(tmp_path / "s.annot"), str(DATA / "elan-example1.eaf"),
                    "--case", "C01", "--session", "1", "--map", "W-POS=AK:part_of_speech")
    assert empty.returncode == 2 and "is empty" in empty.stderr
    assert "Traceback" not in empty.stderr


def test_export_writes_last_used_annotation_id_and_cve_refs(tmp_path: Path) -> None:
    study = study_for(tmp_path, "s", BILINGUAL, 60_000)
    a = study.assign(study.session("C01", 1).id, "AK")
    study.add_segment(a.id, "grab", 0, 1000, note="a note")
    study.add_segment(a.id, "head_butt", 500, 1500)
    out = tmp_path / "x.eaf"
    export_file(study, "eaf", out, ExportOptions())
    validate(out)
    root = etree.parse(str(out)).getroot()
    props = {p.get("NAME"): p.text for p in root.iter("PROPERTY")}
    assert "lastUsedAnnotation" not in props
    ids = [int(el.get("ANNOTATION_ID")[1:]) for el in root.iter("ALIGNABLE_ANNOTATION",
                                                                  "REF_ANNOTATION")]
    assert props["lastUsedAnnotationId"] == str(max(ids))
    entries = {e.get("CVE_ID"): e.findtext("CVE_VALUE") for e in root.iter("CV_ENTRY_ML")}
    anns = list(root.iter("ALIGNABLE_ANNOTATION"))
    assert anns and all(entries[x.get("CVE_REF")] == x.findtext("ANNOTATION_VALUE")
                        for x in anns)
    study.close()

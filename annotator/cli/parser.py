"""The argument parser of the ``annotator`` command."""

from __future__ import annotations

import argparse

from annotator import __version__


def _study(p: argparse.ArgumentParser) -> None:
    p.add_argument("study", metavar="STUDY",
                   help="a study file (*.annot) or a database URL (postgresql+psycopg://...)")


def build_parser() -> argparse.ArgumentParser:
    from annotator.cli import analysis_cmds, reliability_cmds

    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Code recorded therapy sessions with a codebook, compare coders, export. "
                    "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop app")
    p.add_argument("study", nargs="?", metavar="STUDY")
    p.add_argument("--coder", metavar="ID", help="code as this coder")
    p.add_argument("--session", metavar="CASE:N", help="open this session for coding")
    p.set_defaults(handler="gui_cmd:cmd_gui")

    p = sub.add_parser("init", help="create a new study")
    _study(p)
    p.add_argument("--codebook", default="helper-maneuvers", metavar="NAME|FILE",
                   help="a shipped codebook name or a YAML file (default: helper-maneuvers)")
    p.add_argument("--name", default="", help="a name for the study")
    p.set_defaults(handler="study_cmds:cmd_init")

    p = sub.add_parser("check", help="integrity, schema and missing media")
    _study(p)
    p.set_defaults(handler="study_cmds:cmd_check")

    ps = sub.add_parser("session", help="add, import and list sessions")
    ssub = ps.add_subparsers(metavar="ACTION", required=True)
    p = ssub.add_parser("add", help="add one session")
    _study(p)
    p.add_argument("--case", required=True, metavar="ID")
    p.add_argument("--number", required=True, type=int, metavar="N")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--media", metavar="FILE", help="the recording (never copied)")
    g.add_argument("--duration", type=float, metavar="SECONDS",
                   help="the session length, for codings without media")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.set_defaults(handler="session_cmds:cmd_add")
    p = ssub.add_parser("import",
                        help="add sessions from a manifest CSV (case,session,media[,date])")
    _study(p)
    p.add_argument("manifest", metavar="MANIFEST.csv")
    p.set_defaults(handler="session_cmds:cmd_import")
    p = ssub.add_parser("list", help="list sessions and their coders")
    _study(p)
    p.set_defaults(handler="session_cmds:cmd_list")

    p = sub.add_parser("import", help="import segments (timeline CSV, ELAN .eaf, BORIS)")
    _study(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--create-sessions", action="store_true",
                   help="create unknown cases and sessions instead of refusing the file")
    p.add_argument("--format", choices=["csv", "eaf", "boris"], default=None,
                   help="input format (default: from the file suffix)")
    p.add_argument("--case", metavar="ID", help="(eaf, boris) the case to import into")
    p.add_argument("--session", type=int, metavar="N", help="(eaf, boris) the session number")
    p.add_argument("--coder", metavar="ID", help="(boris) the coder of the events")
    p.add_argument("--map", action="append", default=[], metavar="TIER=CODER:CATEGORY",
                   help="(eaf) map a tier to a coder and category; (boris) map an "
                   "observation to a session, OBS=CASE:SESSION; repeatable")
    p.add_argument("--subject-as", choices=["coder", "category", "ignore"], default=None,
                   help="(boris) what a BORIS subject is: a coder, the category of its "
                   "events, or nothing")
    p.add_argument("--obs-pattern", metavar="REGEX",
                   help="(boris) read each observation's session from its id, with the "
                   "groups (?P<case>...) and (?P<session>...)")
    p.add_argument("--map-values", metavar="FILE.csv",
                   help="(eaf, boris) a value,code CSV for values that match no code id or label")
    p.add_argument("--skip-empty", action="store_true",
                   help="(eaf) leave empty annotations out instead of refusing the file")
    p.set_defaults(handler="exchange_cmds:cmd_import")

    p = sub.add_parser("export", help="export coded timelines")
    _study(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT|-")
    p.add_argument("--format", default=None,
                   choices=["csv", "sliced", "xlsx", "sav", "eaf"],
                   help="output format (default: from the file suffix, else csv)")
    p.add_argument("--coder", metavar="ID", help="only this coder's codings")
    p.add_argument("--case", metavar="ID", help="only this case's sessions")
    p.add_argument("--session", action="append", default=[], metavar="CASE:N",
                   help="only this session (repeatable; `annotator session list` shows them)")
    p.add_argument("--resolution-ms", type=int, default=1000, metavar="N",
                   help="(sliced) slice length in ms (default 1000)")
    p.add_argument("--raw", action="store_true",
                   help="(csv, xlsx) write text cells as stored: no ' before =, +, -, @")
    p.add_argument("--excel", action="store_true",
                   help="(csv, sliced) start with a UTF-8 BOM so Excel reads æøå")
    p.add_argument("--lang", default=None, metavar="LANG",
                   help="codebook language of the labels (default en, else the codebook's first)")
    p.set_defaults(handler="exchange_cmds:cmd_export")

    pc = sub.add_parser("codebook", help="show or validate a codebook")
    csub = pc.add_subparsers(metavar="ACTION", required=True)
    p = csub.add_parser("show", help="print a codebook")
    p.add_argument("codebook", metavar="NAME|FILE")
    p.add_argument("--lang", default="en")
    p.set_defaults(handler="codebook_cmds:cmd_show")
    p = csub.add_parser("validate", help="check a codebook file")
    p.add_argument("codebook", metavar="FILE")
    p.set_defaults(handler="codebook_cmds:cmd_validate")
    p = csub.add_parser("from-eaf", help="build a codebook from an ELAN file's vocabularies "
                        "or tier values")
    p.add_argument("eaf", metavar="FILE.eaf")
    p.add_argument("-o", "--output", required=True, metavar="CODEBOOK.yaml")
    p.add_argument("--by", choices=["type", "tier"], default="type",
                   help="one category per linguistic type (default) or per tier")
    p.add_argument("--name", default=None, help="the codebook's name (default: from the file)")
    p.add_argument("--max-codes", type=int, default=60, metavar="N",
                   help="leave out tiers with more distinct values than N (free text)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler="codebook_cmds:cmd_from_eaf")
    p = csub.add_parser("list", help="list the shipped codebooks")
    p.set_defaults(handler="codebook_cmds:cmd_list")

    p = sub.add_parser("demo", help="build the demo study (nine cases, five sessions each)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--no-gui", action="store_true", help="do not open the app afterwards")
    p.add_argument("--seconds", type=int, default=30, metavar="S",
                   help="length of each synthetic recording (default 30)")
    p.set_defaults(handler="demo_cmd:cmd_demo")

    p = sub.add_parser("checkout", help="write a coder's own study file (blind: only their work)")
    _study(p)
    p.add_argument("--coder", required=True, metavar="ID", help="the coder to check out")
    p.add_argument("-o", "--output", required=True, metavar="OUT.annot",
                   help="the new study file (must not exist yet)")
    p.set_defaults(handler="lab_cmds:cmd_checkout")

    p = sub.add_parser("merge", help="bring a coder's checkout back into the study",
                       description="Merge a checkout made with `annotator checkout` back into "
                       "STUDY in one transaction. Segments changed on both sides since the "
                       "checkout are conflicts: this study's version is kept and both are "
                       "listed (exit status 1). Merging the same file again changes nothing.")
    _study(p)
    p.add_argument("other", metavar="CHECKOUT.annot")
    p.set_defaults(handler="lab_cmds:cmd_merge")

    p = sub.add_parser("archive", help="zip a consistent copy of the study, codebooks, manifest")
    _study(p)
    p.add_argument("-o", "--output", required=True, metavar="ARCHIVE.zip")
    p.set_defaults(handler="lab_cmds:cmd_archive")

    pl = sub.add_parser("lab", help="access control on a PostgreSQL lab server")
    lsub = pl.add_subparsers(metavar="ACTION", required=True)
    p = lsub.add_parser("secure", help="turn on row-level security (each coder sees only "
                                       "their own codings); safe to run again")
    _study(p)
    p.set_defaults(handler="lab_cmds:cmd_lab_secure")
    p = lsub.add_parser("add-coder", help="make a login role for a coder (blind by the "
                                          "server's row-level security)")
    _study(p)
    p.add_argument("--coder", required=True, metavar="ID")
    p.add_argument("--role", metavar="NAME", help="the role name (default coder_<id>)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the new role's password from standard input (default: "
                        "generate one and print it once)")
    p.set_defaults(handler="lab_cmds:cmd_lab_add_coder")

    reliability_cmds.add_parsers(sub, _study)
    analysis_cmds.add_parsers(sub, _study)
    return parser

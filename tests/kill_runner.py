"""Runs ``annotator`` commands for the kill -9 tests: each command line (JSON, on stdin) runs
in a forked child of this process (which has imported everything already, so a run starts
in milliseconds); the child's pid is printed, then its wait status once it ended."""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.environ["ANNOTATOR_ROOT"])

import annotator.exchange.archive
import annotator.exchange.eaf
import annotator.exchange.sav
import annotator.exchange.xlsx
import annotator.store.checkout  # noqa: F401
from annotator.cli import main


def run() -> None:
    for line in sys.stdin:
        args = json.loads(line)
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = 1
            try:
                code = main(args)
            finally:
                os._exit(code)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(status, flush=True)


if __name__ == "__main__":
    run()

"""Hatchling build hook: the user manual, built with MkDocs, goes into the wheel as
``annotator/_manual/{en,nb}/`` (and the screenshots as ``annotator/_manual/img/``).

An editable install skips it: a checkout builds the manual with ``scripts/build-manual.sh``.
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ManualBuildHook(BuildHookInterface):  # type: ignore[misc]  # hatchling is untyped here
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "_manual_build", root / "annotator" / "manual_build.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self._tmp = tempfile.TemporaryDirectory(prefix="annotator-manual-")
        out = Path(self._tmp.name)
        module.build_manual(root, out)
        build_data["force_include"][str(out)] = "annotator/_manual"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()

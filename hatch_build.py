"""Hatchling build hook: the user manual, built with MkDocs, goes into the wheel as
``annotator/_manual/{en,nb}/`` (and the screenshots as ``annotator/_manual/img/``), and the
interface translations, compiled from ``translations/*.ts`` with PySide6's ``lrelease``,
as ``annotator/_i18n/*.qm``.

An editable install skips it: a checkout builds both with ``scripts/build-manual.sh`` and
``scripts/build-translations.sh`` (``scripts/venv.sh`` runs them).
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
        self._tmp = tempfile.TemporaryDirectory(prefix="annotator-build-")
        manual = Path(self._tmp.name) / "manual"
        _load(root, "manual_build").build_manual(root, manual)
        build_data["force_include"][str(manual)] = "annotator/_manual"
        qm = Path(self._tmp.name) / "i18n"
        _load(root, "translations_build").build_translations(root, qm)
        build_data["force_include"][str(qm)] = "annotator/_i18n"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()


def _load(root: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"_{name}", root / "annotator" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

"""The records the screens read have exactly the fields of the models that check them, and a
record read back from a file is refused when any value has the wrong type."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from kiosk.content import checked_index, exercise, models, pack_types
from kiosk.content.bundled import bundled_pack_dir
from kiosk.content.json_records import from_json, to_json
from kiosk.content.loader import load_pack
from kiosk.session import settings_checks, site
from kiosk.session.settings import Settings

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"

PAIRS: list[tuple[type[BaseModel], type]] = [
    (models.PackManifest, pack_types.PackManifest),
    (models.Review, pack_types.Review),
    (models.Topic, pack_types.Topic),
    (models.ThemeOverrides, pack_types.ThemeOverrides),
    (models.ReadAloudOptions, pack_types.ReadAloudOptions),
    (models.PageFrontMatter, pack_types.PageFrontMatter),
    (exercise.ExerciseFrontMatter, pack_types.ExerciseFrontMatter),
    (exercise.ExerciseStep, pack_types.ExerciseStep),
    (settings_checks.SettingsModel, Settings),
    (settings_checks.Clinic, site.Clinic),
    (settings_checks.ClinicWords, site.ClinicWords),
    (settings_checks.Emergency, site.Emergency),
    (settings_checks.EmergencyWords, site.EmergencyWords),
    (settings_checks.SiteModel, site.SiteDetails),
]


@pytest.mark.parametrize(("model", "record"), PAIRS, ids=lambda kind: kind.__module__ + "." + kind.__name__)
def test_every_record_has_exactly_its_models_fields(model: type[BaseModel], record: type) -> None:
    assert [field.name for field in dataclasses.fields(record)] == list(model.model_fields)


def test_every_page_kind_has_a_record() -> None:
    assert set(pack_types.FRONT_MATTER_RECORDS) == set(models.FRONT_MATTER_BY_KIND)
    for kind, model in models.FRONT_MATTER_BY_KIND.items():
        assert models.RECORD_OF_MODEL[model] is pack_types.FRONT_MATTER_RECORDS[kind]


def test_the_settings_defaults_are_the_checks_defaults() -> None:
    assert Settings() == settings_checks.SettingsModel().record()


@pytest.mark.parametrize("folder", [bundled_pack_dir(), MINI], ids=["bundled", "mini"])
def test_records_go_to_json_and_back_unchanged(folder: Path) -> None:
    pack = load_pack(folder).pack
    assert pack is not None
    manifest = json.loads(json.dumps(to_json(pack.manifest)))
    assert from_json(pack_types.PackManifest, manifest) == pack.manifest
    if not pack.manifest.review.is_draft:
        assert pack.manifest.review.next_review == dt.date(2099, 12, 31)
    for page in pack.pages.values():
        record_type = pack_types.FRONT_MATTER_RECORDS[page.kind]
        assert from_json(record_type, json.loads(json.dumps(to_json(page.front)))) == page.front


def _first_exercise(document: dict[str, Any]) -> dict[str, Any]:
    front: dict[str, Any] = next(p["front"] for p in document["pages"] if p["front"]["kind"] == "exercise")
    return front


DAMAGE: dict[str, Callable[[dict[str, Any]], None]] = {
    "a title that is a list": lambda d: d["manifest"]["topics"][0].update(title=["Back pain"]),
    "a step time that is text": lambda d: _first_exercise(d)["steps"][0].update(start="0"),
    "reps that are true": lambda d: _first_exercise(d).update(reps=True),
    "a review date that is not a date": lambda d: d["manifest"]["review"].update(next_review="soon"),
    "a missing field": lambda d: d["manifest"].pop("languages"),
    "a page that is a list": lambda d: d["pages"][0].update(front=[]),
    "no value where one is needed": lambda d: d["manifest"].update(id=None),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_an_index_with_a_value_of_the_wrong_type_means_a_full_check(tmp_path: Path, damage: str) -> None:
    pack = Path(shutil.copytree(bundled_pack_dir(), tmp_path / "pack"))
    folder = tmp_path / "index"
    files = checked_index.fingerprint(pack)
    assert checked_index.write_index(load_pack(pack), folder, files) is not None
    assert checked_index.load_indexed(pack, folder) is not None
    target = checked_index.index_file(pack, folder)
    document = json.loads(target.read_text(encoding="utf-8"))
    DAMAGE[damage](document)
    target.write_text(json.dumps(document), encoding="utf-8")
    assert checked_index.load_indexed(pack, folder) is None
    started = checked_index.load_checked(pack, folder)  # what `kiosk run` does: a full check instead
    assert started.pack is not None and started.pack == load_pack(pack).pack

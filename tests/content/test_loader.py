"""Loading a pack: what screens get from a good pack, and refusals for unsafe ones."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from pydantic import Field

from kiosk.content.loader import LoadResult, load_pack, media_fields
from kiosk.content.models import FRONT_MATTER_BY_KIND, PackPath, PageFrontMatter
from kiosk.content.problems import Severity

MINI_PACK = Path(__file__).resolve().parent.parent / "packs" / "mini"


def test_mini_pack_loads_with_no_problems() -> None:
    result = load_pack(MINI_PACK)
    assert result.problems == ()
    assert result.pack is not None
    pack = result.pack
    assert pack.id == "mini"
    assert pack.languages == ["en", "es"]
    assert [topic.id for topic in pack.manifest.topics] == ["basics", "help"]
    assert len(pack.pages) == 8


def test_page_body_is_safe_html_with_page_links() -> None:
    pack = load_pack(MINI_PACK).pack
    assert pack is not None
    page = pack.page("symptoms", "en")
    assert page.title == "Signs to look for"
    assert page.body_html == (
        "<p>You may feel:</p><ul><li>pain in your back or leg</li>"
        "<li><strong>tingling</strong> or <em>numbness</em></li><li>weak muscles</li></ul>"
        '<p>See <a href="page:when-to-call">when to call</a>.</p>'
    )
    assert page.plain_text.splitlines() == [
        "You may feel:",
        "pain in your back or leg.",
        "tingling or numbness.",
        "weak muscles.",
        "See when to call.",
    ]


def test_both_link_forms_point_at_the_page() -> None:
    pack = load_pack(MINI_PACK).pack
    assert pack is not None
    assert '<a href="page:symptoms">' in pack.page("what-is-it", "en").body_html
    assert '<a href="page:when-to-call">' in pack.page("symptoms", "es").body_html


def test_page_kind_and_source_come_from_front_matter() -> None:
    pack = load_pack(MINI_PACK).pack
    assert pack is not None
    assert pack.page("emergency", "en").kind == "red-flag"
    assert str(pack.page("what-is-it", "en").front.source) == "https://example.org/what-is-it"
    assert pack.page("what-is-it", "es").front.source is None


def test_loaded_pack_cannot_be_changed() -> None:
    pack = load_pack(MINI_PACK).pack
    assert pack is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.root = Path("/")  # type: ignore[misc]
    with pytest.raises(TypeError):
        pack.pages[("x", "en")] = pack.page("symptoms", "en")  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.manifest.topics[0].id = "other"  # type: ignore[misc]


def test_missing_folder_and_file_are_problems_not_exceptions(tmp_path: Path) -> None:
    for path in (tmp_path / "nothing-here", MINI_PACK / "pack.yaml"):
        result = load_pack(path)
        assert result.pack is None
        assert result.problems[0].severity is Severity.ERROR
    assert load_pack(tmp_path).problems[0].message == "pack.yaml is missing"


def test_symlink_out_of_the_pack_is_refused(mini_pack: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.svg"
    outside.write_text((mini_pack / "images" / "circle.svg").read_text())
    (mini_pack / "images" / "circle.svg").unlink()
    os.symlink(outside, mini_pack / "images" / "circle.svg")
    result = load_pack(mini_pack)
    assert result.pack is None
    lines = {(p.file, p.line) for p in result.problems}
    assert ("pack.yaml", 27) in lines  # the topic picture
    assert ("pages/what-is-it.en.md", 3) in lines
    assert all("outside the pack" in p.message for p in result.problems)


def test_symlinked_page_file_out_of_the_pack_is_refused(mini_pack: Path, tmp_path: Path) -> None:
    outside = tmp_path / "page.md"
    outside.write_text((mini_pack / "pages" / "symptoms.en.md").read_text())
    (mini_pack / "pages" / "symptoms.en.md").unlink()
    os.symlink(outside, mini_pack / "pages" / "symptoms.en.md")
    result = load_pack(mini_pack)
    assert [(p.file, p.line) for p in result.problems] == [("pages/symptoms.en.md", 1)]
    assert "outside the pack" in result.problems[0].message


def test_symlink_inside_the_pack_is_allowed(mini_pack: Path) -> None:
    (mini_pack / "images" / "square.svg").unlink()
    os.symlink(mini_pack / "images" / "circle.svg", mini_pack / "images" / "square.svg")
    assert load_pack(mini_pack).problems == ()


def test_front_matter_model_is_chosen_by_kind(mini_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class DemoFrontMatter(PageFrontMatter):
        animation: PackPath = Field(description="The moving picture.")
        extra_pictures: list[PackPath] = Field(default_factory=list)

    monkeypatch.setitem(FRONT_MATTER_BY_KIND, "exercise", DemoFrontMatter)
    page = mini_pack / "pages" / "what-is-it.en.md"
    page.write_text(page.read_text().replace("title: What is it?", "title: What is it?\nkind: exercise"))
    result = load_pack(mini_pack)
    assert [(p.file, p.line, p.message) for p in result.problems] == [
        ("pages/what-is-it.en.md", 2, "'animation' is missing")
    ]
    page.write_text(
        page.read_text().replace(
            "kind: exercise", "kind: exercise\nanimation: images/nope.svg\nextra_pictures: [images/gone.png]"
        )
    )
    result = load_pack(mini_pack)
    assert [(p.file, p.line) for p in result.problems] == [
        ("pages/what-is-it.en.md", 4),
        ("pages/what-is-it.en.md", 5),
    ]
    assert "'images/nope.svg' is missing" in result.problems[0].message
    assert "'images/gone.png' is missing" in result.problems[1].message


def test_media_fields_finds_every_pack_file_field() -> None:
    class WithPictures(PageFrontMatter):
        gallery: list[PackPath] = Field(default_factory=list)
        poster: PackPath | None = None

    front = WithPictures(
        title="T",
        illustration="images/a.svg",
        illustration_alt="A",
        gallery=["b.png", "c.png"],
        poster="d.gif",
    )
    assert list(media_fields(front)) == [
        (("illustration",), "images/a.svg"),
        (("gallery", 0), "b.png"),
        (("gallery", 1), "c.png"),
        (("poster",), "d.gif"),
    ]


def test_missing_default_language_text_in_manifest(mini_pack: Path) -> None:
    manifest = mini_pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("  en: Mini pack\n", "  fr: Mini paquet\n"))
    result = load_pack(mini_pack)
    messages = {(p.line, p.message) for p in result.problems}
    assert (3, "'title' has a text for 'fr', which is not in languages") in messages
    assert (3, "'title' has no text in 'en'") in messages


def test_media_file_used_twice_is_reported_once(mini_pack: Path) -> None:
    (mini_pack / "images" / "square.svg").write_text("<svg><script>x</script></svg>")
    result = load_pack(mini_pack)
    assert [(p.file, p.line) for p in result.problems] == [("images/square.svg", 1)]


def test_load_result_is_immutable() -> None:
    result = load_pack(MINI_PACK)
    assert isinstance(result, LoadResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.pack = None  # type: ignore[misc]


def test_capital_letters_must_match_the_file_name(mini_pack: Path) -> None:
    (mini_pack / "images" / "square.svg").rename(mini_pack / "images" / "Square.svg")
    result = load_pack(mini_pack)
    first = result.problems[0]
    assert (first.file, first.line) == ("pack.yaml", 36)
    assert first.message == (
        "the file is called 'images/Square.svg', not 'images/square.svg'; capital letters count on the kiosk"
    )


def test_file_system_errors_become_problems(mini_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Path.exists raises for a folder the kiosk user may not open; that must not escape."""
    real_exists = Path.exists

    def refuse(path: Path, **kwargs: bool) -> bool:
        if path.parent.name == "pages":
            raise PermissionError(13, "Permission denied", str(path))
        return real_exists(path, **kwargs)

    monkeypatch.setattr(Path, "exists", refuse)
    result = load_pack(mini_pack)
    assert result.pack is None
    assert [(p.file, p.message) for p in result.problems] == [
        ("pages/what-is-it.en.md", "the pack cannot be read (Permission denied)")
    ]

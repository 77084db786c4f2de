"""Whatever is written into pack.yaml or a page, loading returns problems; it never raises."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.loader import load_pack
from kiosk.content.validator import validate_pack

MINI_PACK = Path(__file__).resolve().parent.parent / "packs" / "mini"
_MANIFEST_TEXT = (MINI_PACK / "pack.yaml").read_text()
_PAGE_TEXT = (MINI_PACK / "pages" / "symptoms.en.md").read_text()

_YAML_BITS = st.sampled_from(
    [
        ":",
        " ",
        "\n",
        "  ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&a",
        "*a",
        "!!python/object:os.system",
        "'",
        '"',
        "#",
        "---",
        "...",
        "|",
        ">",
        "\t",
        "id",
        "topics",
        "pages",
        "2026-13-45",
        "1.0",
        "null",
        "~",
        "é",
        "\x00",
        "?",
    ]
)


def _mutations(text: str) -> st.SearchStrategy[str]:
    """The real file with a slice cut out and some YAML punctuation pasted in its place."""
    return st.tuples(
        st.integers(0, len(text)), st.integers(0, 40), st.lists(_YAML_BITS, max_size=8).map("".join)
    ).map(lambda cut: text[: cut[0]] + cut[2] + text[cut[0] + cut[1] :])


def _check_pack_with(relative: str, content: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(shutil.copytree(MINI_PACK, Path(temporary) / "mini"))
        target = root / relative
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", errors="surrogatepass")
        result = load_pack(root)
        assert (result.pack is None) == any(problem.is_error for problem in result.problems)
        for problem in result.problems:
            assert problem.file and problem.message and problem.fix
            assert problem.line >= 0
        validate_pack(root)


@settings(max_examples=100, deadline=None)
@given(_mutations(_MANIFEST_TEXT))
def test_mangled_pack_yaml_gives_problems_not_exceptions(text: str) -> None:
    _check_pack_with("pack.yaml", text)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_random_pack_yaml_gives_problems_not_exceptions(content: str | bytes) -> None:
    _check_pack_with("pack.yaml", content)


@settings(max_examples=100, deadline=None)
@given(_mutations(_PAGE_TEXT))
def test_mangled_page_gives_problems_not_exceptions(text: str) -> None:
    _check_pack_with("pages/symptoms.en.md", text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_as_a_picture_give_problems_not_exceptions(content: bytes) -> None:
    _check_pack_with("images/circle.svg", content)


def test_python_tags_in_yaml_are_not_executed(tmp_path: Path) -> None:
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    marker = tmp_path / "pwned"
    (root / "pack.yaml").write_text(
        _MANIFEST_TEXT.replace("id: mini", f"id: !!python/object/apply:os.system ['touch {marker}']")
    )
    result = load_pack(root)
    assert result.pack is None
    assert result.problems[0].line == 2
    assert not marker.exists()


def test_oversized_files_are_refused_without_reading_them_whole(tmp_path: Path) -> None:
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    (root / "pages" / "symptoms.en.md").write_text(_PAGE_TEXT + "word " * 100_000)
    result = load_pack(root)
    assert [(p.file, p.line) for p in result.problems] == [("pages/symptoms.en.md", 1)]
    assert "too large" in result.problems[0].message


def test_pipes_where_files_should_be_do_not_block(tmp_path: Path) -> None:
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    (root / "pages" / "symptoms.en.md").unlink()
    os.mkfifo(root / "pages" / "symptoms.en.md")
    (root / "images" / "square.svg").unlink()
    os.mkfifo(root / "images" / "square.svg")
    result = load_pack(root)
    assert {(p.file, p.line) for p in result.problems} == {
        ("pack.yaml", 36),
        ("pages/symptoms.en.md", 1),
        ("pages/symptoms.es.md", 3),
        ("pages/when-to-call.en.md", 3),
        ("pages/when-to-call.es.md", 3),
    }


def test_deeply_nested_yaml_is_refused_quickly(tmp_path: Path) -> None:
    """PyYAML needs minutes for a megabyte of '['; the loader stops at a modest depth instead."""
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    (root / "pack.yaml").write_text("topics: " + "[" * 1_000_000)
    result = load_pack(root)
    assert [(p.line, p.message) for p in result.problems] == [(1, "the settings are nested far too deeply")]


_FOLDER_NAMES = st.sampled_from(
    [
        "pack.yaml",
        "pages/what-is-it.en.md",
        "pages/symptoms.en.md",
        "pages/symptoms.es.md",
        "images/circle.svg",
        "images/square.svg",
        "images/a.png",
        "images/b.webp",
        "pages",
        "images",
    ]
)
_FOLDER_CONTENT = st.one_of(
    st.binary(max_size=120),
    st.sampled_from([_MANIFEST_TEXT, _PAGE_TEXT, (MINI_PACK / "images" / "circle.svg").read_text(), ""]),
    _mutations(_MANIFEST_TEXT),
)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(_FOLDER_NAMES, _FOLDER_CONTENT, max_size=7))
def test_any_folder_contents_give_problems_not_exceptions(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        for relative, content in files.items():
            target = root / relative
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    target.write_bytes(content)
                else:
                    target.write_text(content, encoding="utf-8", errors="surrogatepass")
            except OSError:  # a file where a folder should be: that is what the folder holds, then
                continue
        report = validate_pack(root)
        assert report.lines()[-1].endswith(("file", "files"))
        assert (report.pack is None) == (report.errors > 0)

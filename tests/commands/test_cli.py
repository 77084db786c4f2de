"""The `kiosk` command itself: its version, errors on stderr, and naming the bundled pack."""

from __future__ import annotations

import argparse
import json
import tomllib
from pathlib import Path

import pytest

import kiosk
from kiosk.cli import SUBCOMMANDS, build_parser, main

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_version_is_printed_and_comes_from_the_package(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kiosk {kiosk.__version__}"
    # pyproject.toml names no version of its own: the package is the one source.
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]


def test_an_unknown_page_kind_for_schema_is_an_error_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--page", "bogus\x1b[2J"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "is not a kind of page" in captured.err and "article" in captured.err
    assert "\x1b" not in captured.err  # what was typed is escaped before it reaches the terminal


def test_schema_still_prints_json_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--page", "article"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("Clinic Kiosk page")


def test_validate_bundled_checks_the_pack_shipped_with_the_kiosk(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # nowhere near the pack
    assert main(["validate", "--bundled"]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_validate_needs_a_path_or_bundled_but_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert "--bundled" in capsys.readouterr().err
    assert main(["validate", "somewhere", "--bundled"]) == 2
    assert "not allowed with" in capsys.readouterr().err


def test_help_lists_every_subcommand_and_a_typo_names_them_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    listing = capsys.readouterr().out
    listed = [line.split()[0] for line in listing.splitlines() if line.startswith("    ") and line[4] != " "]
    assert listed == list(SUBCOMMANDS)
    assert main(["vaildate", "pack"]) == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'vaildate'" in error and all(repr(name) in error for name in SUBCOMMANDS)


def test_a_subcommand_is_parsed_by_its_own_parser_alone_with_the_same_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk run` builds no parser for the other other commands (start-up time), and says the same."""
    alone, every = build_parser(only="validate"), build_parser()
    assert list(_choices(alone)) == ["validate"] and list(_choices(every)) == list(SUBCOMMANDS)
    assert _choices(alone)["validate"].format_help() == _choices(every)["validate"].format_help()
    assert main(["validate", "--on", "soon"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: kiosk validate") and "--on: " in error


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)

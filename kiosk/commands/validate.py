"""`kiosk validate PATH` (or `--bundled`): check a content pack and list every problem with its file and line.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors, 2 when the
command itself was used wrongly (no such folder, not a folder or .zip file). The status comes from
the count of errors, and the summary line is printed last from the same counts, so neither can be
faked by what a pack holds; every name and text from the pack is escaped before it is printed
(`kiosk.content.escape`). `--json` prints one JSON object instead, for tools.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.commands.pack_argument import add_pack_argument, resolve_pack_argument

if TYPE_CHECKING:
    from kiosk.content.validator import ValidationReport

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_pack_argument(parser, "path", "the pack folder (the one holding pack.yaml), or a .zip of it")
    parser.add_argument(
        "--on",
        dest="today",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="judge review dates as if today were this date (e.g. to see what expires next month)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object (errors, warnings, files, problems) instead of lines, for tools",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-01") from error


def run(args: argparse.Namespace) -> int:
    from kiosk.content.escape import escape

    try:
        resolve_pack_argument(args, "path")
        return _run(args.path, args.today, bool(getattr(args, "json", False)))
    except Exception as error:  # last resort: a pack must never produce a traceback
        message = f"could not finish checking {args.path}: {error.__class__.__name__}: {error}"
        print(f"kiosk validate: {escape(message)}", file=sys.stderr)
        return EXIT_ERRORS


def _run(path: Path, today: dt.date | None, as_json: bool) -> int:
    from kiosk.content.archive import ArchiveError, extract_pack_archive
    from kiosk.content.problems import Problem, Severity
    from kiosk.content.validator import ValidationReport, validate_pack

    try:
        exists, is_folder = path.exists(), path.is_dir()
    except OSError as error:
        return _usage(f"{path} cannot be opened ({error.strerror})")
    if not exists:
        return _usage(f"there is no file or folder called {path}")
    if is_folder:
        from kiosk.content.checked_index import fingerprint

        files = fingerprint(path)  # before checking: a file changed meanwhile is checked again
        report = validate_pack(path, today)
        status = _report(report, path, as_json)
        if status == EXIT_OK:
            _remember_checked(report, files)
        return status
    if path.suffix.lower() != ".zip":
        return _usage(f"{path} is a file; give the pack folder (the one holding pack.yaml) or a .zip of it")
    with tempfile.TemporaryDirectory(prefix="kiosk-validate-") as temporary:
        try:
            root = extract_pack_archive(path, Path(temporary))
        except ArchiveError as error:
            problem = Problem(path.name, 0, Severity.ERROR, str(error), error.fix)
            return _report(ValidationReport(None, (problem,), 1), path, as_json)
        return _report(validate_pack(root, today), path, as_json)


def _report(report: ValidationReport, path: Path, as_json: bool) -> int:
    """Print every problem, then the summary; the exit status follows the error count."""
    if as_json:
        document = {
            "pack": str(path),
            "errors": report.errors,
            "warnings": report.warnings,
            "files": report.files_checked,
            "problems": [problem.as_dict() for problem in report.problems],
            "summary": report.summary(),
        }
        print(json.dumps(document, ensure_ascii=True, indent=2))
    else:
        for line in report.lines():
            print(line)
    sys.stdout.flush()
    return EXIT_ERRORS if report.errors else EXIT_OK


def _remember_checked(report: ValidationReport, files: dict[str, list[int]]) -> None:
    """Index a pack that passed, so the kiosk's next start paints from it without checking again.

    The index holds what `kiosk run` itself finds (its warnings, not the validator's advice on
    review dates and reading level, which change with the day)."""
    from kiosk.content.checked_index import write_index
    from kiosk.session.paths import checked_index_dir

    try:
        write_index(report.load_result(), checked_index_dir(), files)
    except OSError as error:  # the check itself passed; only the shortcut for the next start is lost
        print(f"kiosk validate: could not write the checked-pack index: {error}", file=sys.stderr)


def _usage(message: str) -> int:
    from kiosk.content.escape import escape

    print(f"kiosk validate: {escape(message)}", file=sys.stderr)
    return EXIT_USAGE

"""`kiosk stats`: page views per day, grouped by pack and version, as a table, CSV or JSON.

Every name read from the database (a copy from another kiosk can hold anything) is escaped before
it reaches the terminal. Output cut short by the reader (`kiosk stats --csv | head`) ends quietly.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from itertools import groupby
from pathlib import Path

from kiosk.session.logs import printable
from kiosk.session.paths import usage_db_file
from kiosk.session.usage import DayCount, UsageError, read_counts

CSV_HEADER = ("day", "pack_id", "pack_version", "page", "count")
UNKNOWN_PACK = "(pack not recorded: counted before per-pack counts)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="print CSV with a header row instead of a table")
    output.add_argument("--json", action="store_true", help="print JSON for scripts instead of a table")
    parser.add_argument(
        "--db", type=Path, default=None, help="usage database to read (default: the kiosk's own)"
    )


def _pack_of(row: DayCount) -> tuple[str, str]:
    return row.pack_id, row.pack_version


def _pack_title(pack_id: str, version: str) -> str:
    if not pack_id:
        return UNKNOWN_PACK
    return (
        f"Pack {printable(pack_id)} version {printable(version)}" if version else f"Pack {printable(pack_id)}"
    )


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def format_table(rows: list[DayCount]) -> str:
    """One block per pack and version (day, page, views, and its total), then the grand total."""
    if not rows:
        return "No page views recorded yet."
    pages = [printable(row.page) for row in rows]
    page_width = max(len("Page"), *(len(page) for page in pages))
    count_width = max(len("Views"), *(len(str(row.count)) for row in rows))
    escaped = dict(zip(map(id, rows), pages, strict=True))
    lines: list[str] = []
    for (pack_id, version), group in groupby(sorted(rows, key=_pack_of), key=_pack_of):
        block = list(group)
        if lines:
            lines.append("")
        lines.append(_pack_title(pack_id, version))
        lines.append(f"{'Day':<10}  {'Page':<{page_width}}  {'Views':>{count_width}}")
        lines.append(f"{'-' * 10}  {'-' * page_width}  {'-' * count_width}")
        for row in block:
            lines.append(f"{row.day:<10}  {escaped[id(row)]:<{page_width}}  {row.count:>{count_width}}")
        days = len({row.day for row in block})
        lines.append(f"{_plural(sum(row.count for row in block), 'view')} on {_plural(days, 'day')}.")
    packs = len({_pack_of(row) for row in rows})
    total, days = sum(row.count for row in rows), len({row.day for row in rows})
    lines.append("")
    lines.append(
        f"In all: {_plural(total, 'view')} on {_plural(days, 'day')}, {_plural(packs, 'pack version')}."
    )
    return "\n".join(lines)


def format_csv(rows: list[DayCount]) -> str:
    """For a spreadsheet: the names as stored (CSV quoting keeps them in their cells)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows((row.day, row.pack_id, row.pack_version, row.page, row.count) for row in rows)
    return out.getvalue()


def format_json(rows: list[DayCount], path: Path) -> str:
    packs = []
    for (pack_id, version), group in groupby(sorted(rows, key=_pack_of), key=_pack_of):
        block = list(group)
        packs.append(
            {
                "id": pack_id or None,
                "version": version or None,
                "views": sum(row.count for row in block),
                "counts": [{"day": row.day, "page": row.page, "views": row.count} for row in block],
            }
        )
    # ensure_ascii: control characters in a name come out as \\u escapes, never raw.
    document = {"database": str(path), "views": sum(row.count for row in rows), "packs": packs}
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def _write(text: str) -> int:
    """Print `text`; a reader that stops early (`| head`) is not an error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit: point it at nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return 0


def run(args: argparse.Namespace) -> int:
    path: Path = args.db or usage_db_file()
    try:
        rows = read_counts(path)
    except UsageError as error:
        print(printable(str(error)), file=sys.stderr)
        return 1
    if args.json:
        return _write(format_json(rows, path))
    if args.csv:
        return _write(format_csv(rows))
    return _write(format_table(rows) + "\n")

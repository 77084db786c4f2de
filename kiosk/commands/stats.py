"""`kiosk stats`: print the daily page-view counts, as a table or as CSV for a spreadsheet."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from kiosk.session.paths import usage_db_file
from kiosk.session.usage import DayCount, UsageError, read_counts

CSV_HEADER = ("day", "page", "count")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--csv", action="store_true", help="print CSV with a header row instead of a table")
    parser.add_argument(
        "--db", type=Path, default=None, help="usage database to read (default: the kiosk's own)"
    )


def format_table(rows: list[DayCount]) -> str:
    if not rows:
        return "No page views recorded yet."
    page_width = max(len("Page"), *(len(row.page) for row in rows))
    count_width = max(len("Views"), *(len(str(row.count)) for row in rows))
    lines = [f"{'Day':<10}  {'Page':<{page_width}}  {'Views':>{count_width}}"]
    lines.append(f"{'-' * 10}  {'-' * page_width}  {'-' * count_width}")
    lines += [f"{row.day:<10}  {row.page:<{page_width}}  {row.count:>{count_width}}" for row in rows]
    total = sum(row.count for row in rows)
    days = len({row.day for row in rows})
    lines.append(f"{total} views on {days} day{'s' if days != 1 else ''}.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    path: Path = args.db or usage_db_file()
    try:
        rows = read_counts(path)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 1
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows((row.day, row.page, row.count) for row in rows)
    else:
        print(format_table(rows))
    return 0

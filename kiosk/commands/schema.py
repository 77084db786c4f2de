"""`kiosk schema`: print the JSON Schema of pack.yaml (or of a page's top block) for editors.

Editors such as VS Code (with the YAML extension) use it to autocomplete and underline mistakes
while staff type, e.g. with a first line `# yaml-language-server: $schema=pack.schema.json`.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--page",
        metavar="KIND",
        default=None,
        help="print the schema of a page's top block (front matter) for this kind of page instead, "
        "e.g. article or exercise",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.content.models import FRONT_MATTER_BY_KIND, PackManifest

    if args.page is None:
        schema = PackManifest.model_json_schema()
        schema["title"] = "Clinic Kiosk pack.yaml"
    elif args.page in FRONT_MATTER_BY_KIND:
        schema = FRONT_MATTER_BY_KIND[args.page].model_json_schema()
        schema["title"] = f"Clinic Kiosk page front matter ({args.page})"
    else:
        kinds = ", ".join(FRONT_MATTER_BY_KIND)
        print(f"kiosk schema: {args.page!r} is not a kind of page; use one of: {kinds}", file=sys.stderr)
        return 2
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0

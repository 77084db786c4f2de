"""`kiosk sign PACK --key KEYFILE`: sign a pack folder or zip, so kiosks with a trusted key take it.

For a folder, `pack.sig` is written into it; for a zip, `pack.sig` is added to the zip. Sign last:
any change to the pack afterwards breaks the signature, and kiosks then refuse the pack.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pack", type=Path, help="the pack folder, or a .zip of it")
    parser.add_argument("--key", type=Path, required=True, help="the private key file from kiosk keygen")


def run(args: argparse.Namespace) -> int:
    from kiosk.content.validator import SIGNATURE_FILE_NAME
    from kiosk.store.signing import SignatureError, load_private_key, sign_folder
    from kiosk.store.source import SourceError, is_zip, pack_folder
    from kiosk.store.text import printable

    try:
        key = load_private_key(args.key)
        with pack_folder(args.pack) as folder:
            signature = sign_folder(folder, key)
            if is_zip(args.pack):
                _add_to_zip(args.pack, signature.read_bytes(), SIGNATURE_FILE_NAME)
    except SourceError as error:
        print(f"kiosk sign: {error.line()}", file=sys.stderr)
        return 2
    except (SignatureError, OSError, zipfile.BadZipFile) as error:
        print(f"kiosk sign: {printable(error)}", file=sys.stderr)
        return 1
    print(f"Signed {printable(args.pack)}. Change nothing in it now, or sign it again.")
    return 0


def _add_to_zip(archive: Path, data: bytes, name: str) -> None:
    """Put the signature next to pack.yaml inside the zip (replacing an older one)."""
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        prefix = next(
            (
                entry[: -len("pack.yaml")]
                for entry in names
                if entry.endswith("pack.yaml") and entry.count("/") <= 1
            ),
            "",
        )
        kept = [(info, zipped.read(info)) for info in zipped.infolist() if info.filename != prefix + name]
    temporary = archive.with_name(archive.name + ".signing")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for info, content in kept:
            out.writestr(info, content)
        out.writestr(prefix + name, data)
    temporary.replace(archive)

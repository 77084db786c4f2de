"""The checked-pack index: a pack that passed its checks, remembered with the size and time of each file.

Loading a pack in full (YAML, Markdown, the safety checks of every picture) is most of what the
kiosk does before its first frame, and it grows with the pack. Once a pack has been checked, the
result is written here: every file of the pack with its size and modification time, and what the
screens read (the manifest, each page's front matter and rendered text, the warnings found). On
the next start the kiosk compares the files with the index; when every file is as it was, the
pack is rebuilt from the index without reading Markdown or YAML and without the checkers (none of
them is even imported). A file that was added, removed or changed in size or time makes the index
stale, and the pack is loaded and checked in full again.

Bytes drawn are bytes checked (`checked_media`): the index also holds the sha256 digest of every
picture's bytes as they passed the media checks, and a start from the index records those digests.
A picture whose bytes were swapped after the check, even with its size and time forged back, has
another digest, so the kiosk checks it again before drawing it, exactly as after a full load.

Only packs without errors are indexed; an index that cannot be read, is larger than
`MAX_INDEX_BYTES`, was written by another version of the kiosk or its checks (`checks_version`),
or does not match counts as missing: the pack is checked in full, as if there were no index. The
index lives in the kiosk's own data folder (`index_folder` is chosen by the caller, so this
module stays free of the session layer); it is written atomically, so a power cut leaves the old
index or the new one.

`write_index(result, folder)` is what an install (`kiosk install`, the inbox) or `kiosk validate`
calls after a pack passed;
`load_checked(root, folder)` is what `kiosk run` calls: from the index when it matches, else a
full load and check that writes the index.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from kiosk.content.json_records import code_stamp
from kiosk.content.pack_types import FRONT_MATTER_RECORDS, PackManifest, from_json, to_json
from kiosk.content.problems import Problem, Severity

if TYPE_CHECKING:
    from kiosk.content.pack import LoadResult

log = logging.getLogger(__name__)

INDEX_FORMAT = 3
"""Raised whenever what is stored changes shape; an index of another format is ignored."""

MAX_INDEX_BYTES = 64 * 1024 * 1024
"""An index larger than this is not read (a 500-page pack's index is about 1 MB)."""

PICTURE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
"""Files whose checked bytes are remembered by digest (`checked_media`); the media checks' own list."""

Fingerprint = dict[str, list[int]]
"""Relative path (forward slashes) -> [size in bytes, modification time in ns], for every file."""


def fingerprint(root: Path) -> Fingerprint:
    """Size and modification time of every file under `root` (links are noted, never followed).

    Paths are cut from the scan's own strings, not made `Path` objects: every start from the index
    takes a fingerprint, and for a pack of 500 pages the objects cost more than the scan."""
    found: Fingerprint = {}
    start = os.path.join(os.fspath(root), "")
    pending = [start]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(os.path.join(entry.path, ""))
                    continue
                info = entry.stat(follow_symlinks=False)
                relative = entry.path[len(start) :].replace(os.sep, "/")
                found[relative] = [info.st_size, info.st_mtime_ns]
    return found


def checks_version() -> str:
    """`kiosk.__version__` and the size and time of the content package's own files: a kiosk whose
    checks changed (an upgrade, or a developer's edit) checks every pack again."""
    return code_stamp(Path(__file__).parent.glob("*.py"))


def index_file(root: Path, folder: Path) -> Path:
    """Where the index of the pack at `root` is kept: one file per pack folder."""
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return folder / f"{key}.json"


def write_index(
    result: LoadResult, folder: Path, files: Fingerprint | None = None, *, root: Path | None = None
) -> Path | None:
    """Remember a pack that passed its checks; None (and nothing written) if it did not pass.

    Call it in the process that checked the pack, right after the check: only pictures whose
    bytes passed the media checks in this process get a digest. `files` is the fingerprint taken
    *before* the pack was loaded: a file changed during the load then no longer matches, so the
    next start checks it again. `root` is where the pack will be started from when that is not
    where it was checked (an install checks a copy, then renames it into its slot).
    """
    pack = result.pack
    if pack is None:
        return None
    files = files if files is not None else fingerprint(pack.root)
    home = (root if root is not None else pack.root).resolve()
    document = {
        "format": INDEX_FORMAT,
        "kiosk": checks_version(),
        "root": str(home),
        "files": files,
        "media": _checked_digests(pack.root, files),
        "problems": [[p.file, p.line, p.severity.value, p.message, p.fix] for p in result.problems],
        "manifest": to_json(pack.manifest),
        "pages": [
            {
                "id": page.id,
                "language": page.language,
                "front": to_json(page.front),
                "body_html": page.body_html,
                "plain_text": page.plain_text,
                "source_file": page.source_file,
            }
            for page in pack.pages.values()
        ],
    }
    target = index_file(home, folder)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, target)
    _forget_missing_packs(folder, target)
    return target


def _checked_digests(root: Path, files: Fingerprint) -> dict[str, str]:
    """Relative path -> sha256 (hex) of each picture whose bytes, as read now, passed the checks."""
    from kiosk.content.checked_media import digest, was_checked
    from kiosk.content.media_limits import MAX_PICTURE_BYTES, MAX_SVG_BYTES

    found: dict[str, str] = {}
    for relative in files:
        suffix = Path(relative).suffix.lower()
        if suffix not in PICTURE_SUFFIXES:
            continue
        limit = MAX_SVG_BYTES if suffix == ".svg" else MAX_PICTURE_BYTES
        try:
            with (root / relative).open("rb") as stream:
                data = stream.read(limit + 1)
        except OSError:
            continue  # not remembered: drawing it checks it first
        if was_checked(data):
            found[relative] = digest(data).hex()
    return found


def _forget_missing_packs(folder: Path, written: Path) -> None:
    """Remove the indexes of pack folders that no longer exist (an old slot, a moved pack), so the
    index folder does not grow with every pack the kiosk ever showed. The index just `written` is
    kept: an install writes it before renaming the pack into its slot."""
    for other in folder.glob("*.json"):
        if other == written:
            continue
        try:
            root = _read_document(other).get("root")
            if isinstance(root, str) and not Path(root).exists():
                other.unlink()
        except Exception:
            continue  # unreadable: `load_indexed` treats it as missing, and the next write replaces it


def load_indexed(root: Path, folder: Path) -> LoadResult | None:
    """The pack at `root` rebuilt from its index, or None when there is no index that matches."""
    target = index_file(root, folder)
    try:
        document = _read_document(target)
    except FileNotFoundError:
        return None
    except Exception as error:  # unreadable, too large, not JSON, nested too deep ...
        log.warning("checked-pack index %s unreadable (%s); checking the pack in full", target, error)
        return None
    if document.get("format") != INDEX_FORMAT:
        return None
    if document.get("kiosk") != checks_version() or document.get("root") != str(root.resolve()):
        return None
    try:
        if document.get("files") != fingerprint(root):
            return None
        digests = _media_digests(document.get("media"))
        result = _rebuild(root.resolve(), document)
    except Exception as error:  # a damaged index must never stop the kiosk: check in full instead
        log.warning("checked-pack index %s unusable (%s); checking the pack in full", target, error)
        return None
    from kiosk.content.checked_media import remember_digest

    for checked in digests:
        remember_digest(checked)  # these bytes, and only these, are drawn without a second check
    return result


def _read_document(target: Path) -> dict[str, Any]:
    """The index file's JSON object; raises for anything else (missing, too large, not an object)."""
    with target.open("rb") as stream:
        raw = stream.read(MAX_INDEX_BYTES + 1)
    if len(raw) > MAX_INDEX_BYTES:
        raise ValueError(f"larger than {MAX_INDEX_BYTES:,} bytes")
    document = json.loads(raw.decode("utf-8"))
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    return document


def _media_digests(media: object) -> list[bytes]:
    """The picture digests an index holds; raises if they are not relative path -> sha256 hex."""
    if not isinstance(media, dict):
        raise ValueError("no picture digests")
    digests = []
    for relative, text in media.items():
        if not isinstance(relative, str) or not isinstance(text, str) or len(text) != 64:
            raise ValueError("a picture digest is not a sha256")
        digests.append(bytes.fromhex(text))
    return digests


def _rebuild(root: Path, document: dict[str, Any]) -> LoadResult:
    """The `LoadResult` the full load gave, from the index: the same records, built from the values
    the checks passed (no pydantic: the index holds only what a checked pack held)."""
    from kiosk.content.pack import LoadResult, Pack, Page

    pages = {}
    for entry in document["pages"]:
        front_data = entry["front"]
        page = Page(
            id=entry["id"],
            language=entry["language"],
            front=from_json(FRONT_MATTER_RECORDS[front_data["kind"]], front_data),
            body_html=entry["body_html"],
            plain_text=entry["plain_text"],
            source_file=entry["source_file"],
        )
        pages[(page.id, page.language)] = page
    problems = tuple(
        Problem(file, line, Severity(severity), message, fix)
        for file, line, severity, message, fix in document["problems"]
    )
    manifest = from_json(PackManifest, document["manifest"])
    pack = Pack(root=root, manifest=manifest, pages=MappingProxyType(pages))
    return LoadResult(pack, problems)


def load_checked(root: Path, index_folder: Path | None) -> LoadResult:
    """The pack from its index when every file is as it was checked; else loaded and checked in
    full (and indexed when it passes). Without `index_folder`, always the full load."""
    files = None
    if index_folder is not None:
        indexed = load_indexed(root, index_folder)
        if indexed is not None:
            return indexed
        try:
            files = fingerprint(root)  # before loading: a file changed meanwhile is checked again
        except OSError:
            files = None  # the full load says what is wrong with the folder
    from kiosk.content.loader import load_pack  # the checks: only imported when they are needed

    result = load_pack(root)
    if index_folder is not None and files is not None and result.pack is not None:
        try:
            write_index(result, index_folder, files)
        except OSError as error:
            log.warning("could not write the checked-pack index to %s: %s", index_folder, error)
    return result

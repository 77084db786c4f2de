"""Ed25519 signatures for packs, so a kiosk shows only packs its clinic group made.

The signature is detached: `pack.sig` in the pack folder signs a canonical manifest, one line per
file (`<sha256>  <path>`, sorted by path, every file except `pack.sig` itself). Changing, adding or
removing any file breaks it. Hidden files (`.DS_Store`) are left out, as the store never copies
them. Keys: `kiosk keygen` writes the private key (PEM, readable only by its
owner; it never goes on a kiosk) and the public key as one line of base64 for the `trusted_key`
setting.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.content.validator import SIGNATURE_FILE_NAME
from kiosk.session.paths import write_atomically
from kiosk.store.text import printable

SIGNATURE_HEADER = "# Clinic Kiosk pack signature (Ed25519), made by `kiosk sign`. Do not edit."


class SignatureError(ValueError):
    """A pack is unsigned, wrongly signed, or a key cannot be used; the message says which."""


def manifest(folder: Path) -> bytes:
    """The canonical list of every file's SHA-256 and path that a signature covers."""
    lines: list[str] = []
    for path in sorted(_files(folder), key=lambda item: item[0]):
        relative, full = path
        if relative == SIGNATURE_FILE_NAME:
            continue
        digest = hashlib.sha256()
        with full.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
        lines.append(f"{digest.hexdigest()}  {relative}\n")
    return "".join(lines).encode("utf-8")


def _files(folder: Path) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for current, subfolders, names in os.walk(folder, followlinks=False):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in sorted(subfolders + [name for name in names if not name.startswith(".")]):
            full = Path(current) / name
            mode = full.lstat().st_mode
            relative = full.relative_to(folder).as_posix()
            if stat.S_ISLNK(mode):
                raise SignatureError(f"{printable(relative)} is a link; a signed pack holds real files only")
            if stat.S_ISREG(mode):
                found.append((relative, full))
    return found


def generate_key(private_file: Path) -> str:
    """Write a new private key to `private_file` (mode 600) and its public half to
    `<private_file>.pub`; returns the public key line. Refuses to overwrite an existing key."""
    public_file = public_key_file(private_file)
    for existing in (private_file, public_file):
        if existing.exists():
            raise SignatureError(f"{printable(existing)} already exists; choose another name or move it away")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    private_file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(private_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    public = public_key_text(key.public_key())
    public_file.write_text(public + "\n", encoding="ascii")
    return public


def public_key_file(private_file: Path) -> Path:
    return private_file.with_name(private_file.name + ".pub")


def public_key_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def parse_public_key(text: str) -> Ed25519PublicKey:
    """The `trusted_key` setting (base64 of the 32-byte key, as `kiosk keygen` prints it)."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        raise SignatureError(
            "the trusted key is not an Ed25519 public key; "
            "copy the line from the .pub file that kiosk keygen wrote"
        ) from None


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise SignatureError(f"cannot read the key {printable(path)} ({error.strerror})") from None
    except (ValueError, TypeError):
        raise SignatureError(f"{printable(path)} is not a private key made by kiosk keygen") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureError(f"{printable(path)} is not an Ed25519 key; make one with kiosk keygen")
    return key


def sign_folder(folder: Path, key: Ed25519PrivateKey) -> Path:
    """Sign the pack in `folder`: writes `pack.sig` there and returns its path."""
    signature = key.sign(manifest(folder))
    text = (
        f"{SIGNATURE_HEADER}\n"
        f"key: {public_key_text(key.public_key())}\n"
        f"signature: {base64.b64encode(signature).decode('ascii')}\n"
    )
    target = folder / SIGNATURE_FILE_NAME
    write_atomically(target, text.encode("ascii"))
    return target


def verify_folder(folder: Path, trusted: Ed25519PublicKey) -> None:
    """Raises `SignatureError` unless `pack.sig` in `folder` is a valid signature by `trusted`."""
    try:
        text = (folder / SIGNATURE_FILE_NAME).read_text(encoding="ascii")
    except FileNotFoundError:
        raise SignatureError("the pack is not signed, and this kiosk shows signed packs only") from None
    except (OSError, UnicodeDecodeError):
        raise SignatureError(f"{SIGNATURE_FILE_NAME} cannot be read; sign the pack again") from None
    fields = dict(
        line.split(": ", 1) for line in text.splitlines() if ": " in line and not line.startswith("#")
    )
    try:
        signature = base64.b64decode(fields.get("signature", ""), validate=True)
    except binascii.Error:
        raise SignatureError(f"{SIGNATURE_FILE_NAME} is damaged; sign the pack again") from None
    if fields.get("key", "").strip() != public_key_text(trusted):
        raise SignatureError("the pack is signed with a key this kiosk does not trust")
    try:
        trusted.verify(signature, manifest(folder))
    except InvalidSignature:
        raise SignatureError(
            "the signature does not match the files: the pack was changed after it was signed"
        ) from None

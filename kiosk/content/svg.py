"""SVG safety: checked as text before Qt's SVG renderer ever sees the file.

An SVG is XML, and XML can hide entity bombs ("billion laughs"), references to files or web
addresses, scripts and event handlers. The file is parsed with defusedxml (which refuses DOCTYPE,
entities and external references) through a SAX handler, so every refused element is reported with
its line number.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree
import xml.sax
import xml.sax.handler
from dataclasses import dataclass
from xml.sax.xmlreader import AttributesNSImpl, Locator

import defusedxml
import defusedxml.ElementTree
import defusedxml.sax

from kiosk.content.images import HEADER_BYTES, BadImage, read_image_size, size_problem
from kiosk.content.media_limits import MAX_SVG_BYTES as MAX_SVG_BYTES
from kiosk.content.svg_budget import drawing_cost_problem

MAX_SVG_ELEMENTS = 20_000
MAX_EMBEDDED_SVG_DEPTH = 2
"""A drawing may hold a drawing (as a data: picture) that holds a drawing; no deeper."""
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
_OWN_NAMESPACES = (None, "", SVG_NAMESPACE, XLINK_NAMESPACE)
"""Attributes in any other namespace (Inkscape's, Sodipodi's, RDF's) mean nothing to the renderer."""
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video"}
_DATA_URI = re.compile(r"^data:([a-z0-9.+/-]{0,100})((?:;[a-z0-9=._-]{0,100}){0,10}),", re.IGNORECASE)
_RASTER_TYPES = {
    "bmp": ".bmp",
    "x-ms-bmp": ".bmp",
    "png": ".png",
    "jpeg": ".jpeg",
    "jpg": ".jpeg",
    "pjpeg": ".jpeg",
    "gif": ".gif",
    "webp": ".webp",
}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)


@dataclass(frozen=True)
class SvgIssue:
    line: int
    message: str
    fix: str


_FIX_EXPORT = "export the drawing again as a plain SVG, for example with 'Plain SVG' in Inkscape"


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].lower()


def _is_data_uri(value: str) -> bool:
    return value.strip()[:5].lower() == "data:"


def _reference_allowed(value: str) -> bool:
    """Same-document references and embedded pictures; the embedded ones are checked separately."""
    value = value.strip()
    return value.startswith("#") or _is_data_uri(value)


def css_text(css: str) -> str:
    """Style text with CSS escapes undone (`\\40 import` is `@import`), lower-cased, for checking."""

    def unescape(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return match.group(2)

    return _CSS_ESCAPE.sub(unescape, css).lower()


def embedded_picture_problem(value: str, depth: int = 0) -> str | None:
    """Why a picture embedded as a `data:` address is refused (too large, damaged), or None.

    Nothing is fetched: the picture is inside the file. The renderer would decode it like any other
    picture, so a raster picture gets the same size check as a pack file (whatever type it claims,
    its first bytes say what it is), and an embedded drawing gets every check of this module.
    """
    value = value.strip()
    match = _DATA_URI.match(value)
    if match is None:
        return "it is not a well-formed data: address"
    media_type = match.group(1).lower()
    is_base64 = ";base64" in match.group(2).lower()
    body = value[match.end() :]
    if media_type and not media_type.startswith("image/"):
        return None  # a font or other data the renderer never draws as a picture
    if media_type == "image/svg+xml":
        return _embedded_drawing_problem(body, is_base64, depth)
    if not is_base64:
        return "the picture inside the drawing is not base64 data"
    payload = re.sub(r"\s", "", body[: 2 * HEADER_BYTES])[: (HEADER_BYTES // 3) * 4]
    try:
        header = base64.b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError) as error:
        return f"it cannot be read ({error})"
    extension = _sniff_raster(header) or _RASTER_TYPES.get(media_type.removeprefix("image/"), "")
    if not extension:
        return f"it is not a PNG, JPEG, GIF, WebP or BMP picture ({media_type or 'no type given'})"
    try:
        return size_problem(read_image_size(header, extension))
    except BadImage as error:
        return f"it cannot be read ({error})"


def _sniff_raster(header: bytes) -> str | None:
    if header.startswith(b"\x89PNG"):
        return ".png"
    if header.startswith(b"\xff\xd8"):
        return ".jpeg"
    if header[:6] in (b"GIF87a", b"GIF89a"):
        return ".gif"
    if header[:4] == b"RIFF" and header[8:12] == b"WEBP":
        return ".webp"
    if header[:2] == b"BM":
        return ".bmp"
    return None


def _embedded_drawing_problem(body: str, is_base64: bool, depth: int) -> str | None:
    if depth >= MAX_EMBEDDED_SVG_DEPTH:
        return "it holds drawings inside drawings too many levels deep"
    if len(body) > 2 * MAX_SVG_BYTES:
        return "the drawing inside the drawing is too large"
    try:
        data = (
            base64.b64decode(re.sub(r"\s", "", body), validate=True)
            if is_base64
            else (urllib.parse.unquote(body).encode("utf-8"))
        )
    except (binascii.Error, ValueError) as error:
        return f"it cannot be read ({error})"
    issues = check_svg(data, depth + 1)
    return None if not issues else f"the drawing inside it {issues[0].message.removeprefix('the drawing ')}"


class _Checker(xml.sax.ContentHandler):
    def __init__(self, depth: int = 0) -> None:
        super().__init__()
        self.issues: list[SvgIssue] = []
        self.elements = 0
        self.root_seen = False
        self.depth = depth
        self._locator: Locator | None = None
        self._style_parts: list[str] | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def _line(self) -> int:
        return (self._locator.getLineNumber() or 1) if self._locator else 1

    def _add(self, message: str, fix: str = _FIX_EXPORT) -> None:
        if len(self.issues) < 20:
            self.issues.append(SvgIssue(self._line(), message, fix))

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        self.elements += 1
        if self.elements > MAX_SVG_ELEMENTS:
            raise _TooManyElements
        local = name[1].lower()
        shown = qname or name[1]
        if not self.root_seen:
            self.root_seen = True
            if local != "svg":
                self._add(f"the file is not an SVG drawing (it starts with <{shown}>)")
        if local in _FORBIDDEN_ELEMENTS:
            self._add(f"the drawing contains a <{shown}> element, which is not allowed")
        self._style_parts = [] if local == "style" else None
        for (uri, attribute), value in attrs.items():
            if uri not in _OWN_NAMESPACES:
                continue
            self._check_attribute(local, attrs.getQNameByName((uri, attribute)), attribute.lower(), value)

    def _check_attribute(self, element: str, shown: str, attribute: str, value: str) -> None:
        if attribute.startswith("on"):
            self._add(f"the drawing contains an event handler ({shown}=...), which is not allowed")
        elif attribute == "href" and element == "a":
            return  # a link: the kiosk never follows links inside a picture
        elif attribute == "href" and not _reference_allowed(value):
            self._add(
                f'the drawing refers to another file or web address ({shown}="{value[:60]}")',
                "put everything in this one file; only '#name' links inside the drawing are allowed",
            )
        elif attribute == "href" and _is_data_uri(value):
            self._check_embedded(value)
        elif attribute == "attributename" and _local(value) == "href":
            self._add("the drawing's animation changes a link (attributeName=href)")
        elif "url(" in value.lower() or "@import" in value.lower() or "\\" in value:
            self._check_css(value)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if self._style_parts is not None:
            self._check_css("".join(self._style_parts))
        self._style_parts = None

    def characters(self, content: str) -> None:
        if self._style_parts is not None:
            self._style_parts.append(content)  # the parser may hand over a style sheet in pieces

    def processingInstruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self._add("the drawing loads a style sheet from another file")

    def _check_css(self, css: str) -> None:
        css = css_text(css)
        if "@import" in css:
            self._add("the drawing's style loads another file (@import)")
        for match in _CSS_URL.finditer(css):
            reference = match.group(1).strip()
            if not _reference_allowed(reference):
                self._add(
                    f"the drawing's style refers to another file or web address (url({reference[:60]}))"
                )
            elif _is_data_uri(reference):
                self._check_embedded(reference)

    def _check_embedded(self, value: str) -> None:
        reason = embedded_picture_problem(value, self.depth)
        if reason is not None:
            self._add(f"a picture inside the drawing is refused: {reason}", "use a smaller picture")


class _TooManyElements(Exception):
    pass


def check_svg(data: bytes, depth: int = 0) -> list[SvgIssue]:
    """Every reason to refuse this SVG file (empty list: safe to hand to the renderer).

    `depth` counts drawings this one is embedded in (as `data:` pictures)."""
    if len(data) > MAX_SVG_BYTES:
        return [
            SvgIssue(
                1,
                f"the drawing file is too large (over {MAX_SVG_BYTES // 1024 // 1024} MB)",
                "simplify the drawing or save it without embedded pictures",
            )
        ]
    if not data.strip():
        return [SvgIssue(1, "the drawing file is empty", "export the drawing again")]
    checker = _Checker(depth)
    try:
        parser = defusedxml.sax.make_parser()
        parser.forbid_dtd, parser.forbid_entities, parser.forbid_external = True, True, True
        parser.setFeature(xml.sax.handler.feature_namespaces, True)
        parser.setContentHandler(checker)
        parser.parse(io.BytesIO(data))
    except defusedxml.DTDForbidden:
        return [
            SvgIssue(
                _line_of(data, b"<!DOCTYPE"),
                "the drawing has a DOCTYPE line, which is not allowed",
                "delete the line starting with <!DOCTYPE",
            )
        ]
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        return [
            SvgIssue(
                _line_of(data, b"<!ENTITY"),
                "the drawing defines entities, which is not allowed",
                "delete the <!ENTITY ...> lines",
            )
        ]
    except _TooManyElements:
        return [SvgIssue(1, f"the drawing has more than {MAX_SVG_ELEMENTS} parts", "simplify the drawing")]
    except xml.sax.SAXParseException as error:
        return [
            SvgIssue(
                max(error.getLineNumber() or 1, 1),
                f"the drawing file is damaged and cannot be read ({error.getMessage()})",
                _FIX_EXPORT,
            )
        ]
    except (xml.sax.SAXException, ValueError, RecursionError) as error:
        return [SvgIssue(1, f"the drawing file cannot be read ({error.__class__.__name__})", _FIX_EXPORT)]
    if not checker.root_seen:
        return [SvgIssue(1, "the file is not an SVG drawing", _FIX_EXPORT)]
    if checker.issues:
        return checker.issues
    return _cost_issues(data)


def _cost_issues(data: bytes) -> list[SvgIssue]:
    """The drawing is safe to read; is it also quick enough to draw? (see `svg_budget`)."""
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except (ElementTree.ParseError, defusedxml.DefusedXmlException, ValueError, RecursionError):
        return [SvgIssue(1, "the drawing file cannot be read", _FIX_EXPORT)]
    reason = drawing_cost_problem(root)
    if reason is None:
        return []
    return [
        SvgIssue(
            1,
            f"the drawing would take too long or too much memory to draw: {reason}",
            "simplify the drawing (fewer copies, masks and filters), or save it as a PNG picture",
        )
    ]


def _line_of(data: bytes, needle: bytes) -> int:
    index = data.upper().find(needle.upper())
    return data.count(b"\n", 0, index) + 1 if index >= 0 else 1

"""SVG safety: checked as text before Qt's SVG renderer ever sees the file.

An SVG is XML, and XML can hide entity bombs ("billion laughs"), references to files or web
addresses, scripts and event handlers. The file is parsed with defusedxml (which refuses DOCTYPE,
entities and external references) through a SAX handler, so every refused element is reported with
its line number.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.sax
from dataclasses import dataclass
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml
import defusedxml.sax

from kiosk.content.images import HEADER_BYTES, BadImage, read_image_size, size_problem

MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_SVG_ELEMENTS = 20_000
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video"}
_RASTER_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import", re.IGNORECASE)


@dataclass(frozen=True)
class SvgIssue:
    line: int
    message: str
    fix: str


_FIX_EXPORT = "export the drawing again as a plain SVG, for example with 'Plain SVG' in Inkscape"


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].lower()


def _reference_allowed(value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or bool(_RASTER_DATA.match(value))


def embedded_picture_problem(value: str) -> str | None:
    """Why a picture embedded as `data:image/...;base64,` is refused (too large, damaged), or None.

    The renderer would decode it like any other picture, so its header gets the same size check.
    """
    match = _RASTER_DATA.match(value.strip())
    if match is None:
        return None
    payload = re.sub(r"\s", "", value.strip()[match.end() : match.end() + 2 * HEADER_BYTES])
    payload = payload[: (HEADER_BYTES // 3) * 4]
    try:
        header = base64.b64decode(payload + "=" * (-len(payload) % 4))
        return size_problem(read_image_size(header, "." + match.group(1).lower()))
    except (BadImage, binascii.Error, ValueError) as error:
        return f"it cannot be read ({error})"


class _Checker(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.issues: list[SvgIssue] = []
        self.elements = 0
        self.root_seen = False
        self._locator: Locator | None = None
        self._in_style = False

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def _line(self) -> int:
        return (self._locator.getLineNumber() or 1) if self._locator else 1

    def _add(self, message: str, fix: str = _FIX_EXPORT) -> None:
        if len(self.issues) < 20:
            self.issues.append(SvgIssue(self._line(), message, fix))

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        self.elements += 1
        if self.elements > MAX_SVG_ELEMENTS:
            raise _TooManyElements
        local = _local(name)
        if not self.root_seen:
            self.root_seen = True
            if local != "svg":
                self._add(f"the file is not an SVG drawing (it starts with <{name}>)")
        if local in _FORBIDDEN_ELEMENTS:
            self._add(f"the drawing contains a <{name}> element, which is not allowed")
        self._in_style = local == "style"
        for attribute in attrs.getNames():
            value = attrs.getValue(attribute)
            attribute_local = _local(attribute)
            if attribute_local.startswith("on"):
                self._add(f"the drawing contains an event handler ({attribute}=...), which is not allowed")
            elif attribute_local == "href" and not _reference_allowed(value):
                self._add(
                    f'the drawing refers to another file or web address ({attribute}="{value[:60]}")',
                    "put everything in this one file; only '#name' links inside the drawing are allowed",
                )
            elif attribute_local == "href":
                self._check_embedded(value)
            elif attribute_local == "attributename" and _local(value) == "href":
                self._add("the drawing's animation changes a link (attributeName=href)")
            elif "url(" in value.lower():
                self._check_css(value)

    def endElement(self, name: str) -> None:
        self._in_style = False

    def characters(self, content: str) -> None:
        if self._in_style:
            self._check_css(content)

    def processingInstruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self._add("the drawing loads a style sheet from another file")

    def _check_css(self, css: str) -> None:
        if _CSS_IMPORT.search(css):
            self._add("the drawing's style loads another file (@import)")
        for match in _CSS_URL.finditer(css):
            if not _reference_allowed(match.group(1)):
                self._add(
                    f"the drawing's style refers to another file or web address (url({match.group(1)[:60]}))"
                )
            else:
                self._check_embedded(match.group(1))

    def _check_embedded(self, value: str) -> None:
        reason = embedded_picture_problem(value)
        if reason is not None:
            self._add(f"a picture inside the drawing is refused: {reason}", "use a smaller picture")


class _TooManyElements(Exception):
    pass


def check_svg(data: bytes) -> list[SvgIssue]:
    """Every reason to refuse this SVG file (empty list: safe to hand to the renderer)."""
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
    checker = _Checker()
    try:
        defusedxml.sax.parseString(data, checker, forbid_dtd=True, forbid_entities=True, forbid_external=True)
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
    return checker.issues


def _line_of(data: bytes, needle: bytes) -> int:
    index = data.upper().find(needle.upper())
    return data.count(b"\n", 0, index) + 1 if index >= 0 else 1

"""Drawings that are small but would take the renderer minutes or gigabytes are refused, in little time;
harmless drawings real editors write (links, editor attributes, embedded pictures) are not."""

from __future__ import annotations

import base64
import struct
import time
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.svg import check_svg

NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def refused(svg: str) -> str:
    started = time.monotonic()
    issues = check_svg(svg.encode())
    assert time.monotonic() - started < 10, "the check itself must stay quick"
    assert issues, "this drawing should be refused"
    return issues[0].message


def use_fan_out(levels: int, copies: int) -> str:
    """Each level draws the level before `copies` times: copies ** levels shapes in a few hundred bytes."""
    parts = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}" x="{i}"/>' for i in range(copies))
        parts.append(f'<g id="l{level}">{uses}</g>')
    return f'<svg {NS} viewBox="0 0 10 10"><defs>{"".join(parts)}</defs><use xlink:href="#l{levels}"/></svg>'


def test_use_fan_out_is_refused_and_small_reuse_is_fine() -> None:
    assert "more than 50000 shapes" in refused(use_fan_out(12, 10))
    assert check_svg(use_fan_out(2, 10).encode()) == []


def test_mask_and_pattern_fan_out_and_nesting_are_refused() -> None:
    masks = ['<mask id="m0"><rect width="5" height="5" fill="white"/></mask>']
    for level in range(1, 8):
        body = "".join(f'<rect width="5" height="5" mask="url(#m{level - 1})"/>' for _ in range(4))
        masks.append(f'<mask id="m{level}">{body}</mask>')
    svg = f'<svg {NS} viewBox="0 0 10 10"><defs>{"".join(masks)}</defs><rect mask="url(#m7)"/></svg>'
    assert "masks, patterns or filters" in refused(svg)
    pattern = (
        f'<svg {NS} viewBox="0 0 10 10"><defs>'
        '<pattern id="p0" width="1" height="1"><rect width="1" height="1"/></pattern>'
        '<pattern id="p1" width="1" height="1"><rect fill="url(#p0)"/></pattern>'
        '<pattern id="p2" width="1" height="1"><rect fill="url(#p1)"/></pattern>'
        '<pattern id="p3" width="1" height="1"><rect fill="url(#p2)"/></pattern>'
        '<pattern id="p4" width="1" height="1"><rect fill="url(#p3)"/></pattern>'
        '</defs><rect width="10" height="10" fill="url(#p4)"/></svg>'
    )
    assert "inside each other" in refused(pattern)


def test_chained_filters_and_filter_steps_are_refused() -> None:
    steps = '<feGaussianBlur stdDeviation="50"/>' * 40
    filters = "".join(f'<filter id="f{i}">{steps}</filter>' for i in range(10))
    shapes = "".join(f'<rect width="10" height="10" filter="url(#f{i})"/>' for i in range(10))
    svg = f'<svg {NS} viewBox="0 0 10 10"><defs>{filters}</defs>{shapes}</svg>'
    assert "filters run more than" in refused(svg)


def test_style_sheet_masks_count_for_every_styled_element() -> None:
    shapes = '<rect class="a" width="1" height="1"/>' * 100
    svg = (
        f'<svg {NS} viewBox="0 0 10 10"><style>.a {{ filter: url(#f) }}</style>'
        f'<defs><filter id="f"><feGaussianBlur stdDeviation="3"/></filter></defs>{shapes}</svg>'
    )
    assert "more than 64 masks" in refused(svg)


def test_reference_loops_extreme_shapes_and_huge_canvases_are_refused() -> None:
    loop = f'<svg {NS}><g id="a"><use xlink:href="#b"/></g><g id="b"><use xlink:href="#a"/></g></svg>'
    assert "loop" in refused(loop)
    assert "too tall" in refused(f'<svg {NS} viewBox="0 0 1 6000000"/>')
    assert "too wide" in refused(f'<svg {NS} viewBox="0 0 6000000 1"/>')
    assert "says it is" in refused(f'<svg {NS} width="9999999" height="10"/>')
    assert "too large" in refused(f'<svg {NS} viewBox="0 0 1e999 1e999"/>')


def test_deep_nesting_is_refused_not_a_crash() -> None:
    depth = 2000
    svg = f"<svg {NS}>" + "<g>" * depth + "</g>" * depth + "</svg>"
    assert "levels deep" in refused(svg)


def test_harmless_drawings_from_editors_and_the_web_pass() -> None:
    jpeg = base64.b64encode(b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x20\x00\x30\x03" + b"\0" * 30).decode()
    png = base64.b64encode(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + b"\0" * 30
    ).decode()
    bmp = base64.b64encode(b"BM" + b"\0" * 16 + struct.pack("<ii", 32, 32) + b"\0" * 30).decode()
    inner = f'<svg {NS} viewBox="0 0 4 4"><circle r="2" fill="red"/></svg>'
    svg = (
        f'<svg {NS} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 100 100" '
        'inkscape:version="1.3" sodipodi:docname="spine.svg">\n'
        '<sodipodi:namedview inkscape:href="../other.svg" inkscape:onload="x"/>\n'
        '<a xlink:href="https://example.org/more"><rect width="10" height="10"/></a>\n'
        '<a href="https://example.org/other"><circle r="3"/></a>\n'
        f'<image xlink:href="data:image/jpg;base64,{jpeg}"/>\n'
        f'<image href="data:;base64,{png}"/>\n'
        f'<image href="data:image/svg+xml;base64,{base64.b64encode(inner.encode()).decode()}"/>\n'
        f'<image href="data:image/svg+xml;utf8,{urllib.parse.quote(inner)}"/>\n'
        f'<image href="data:image/bmp;base64,{bmp}"/>\n'
        "<style>@font-face { font-family: Hand; src: url(data:font/woff2;base64,d09GMgABAAAA) }</style>\n"
        '<defs><path id="path1" d="M0 50 C 30 0 70 0 100 50"/><filter id="soft">'
        '<feGaussianBlur stdDeviation="1"/></filter></defs>\n'
        '<text><textPath href="#path1">Bend gently</textPath></text>\n'
        '<text><textPath xlink:href="#path1" filter="url(#soft)">Bend gently</textPath></text>\n'
        "</svg>"
    )
    assert check_svg(svg.encode()) == []


def test_embedded_drawings_get_every_check() -> None:
    inner = f'<svg {NS}><image href="https://example.org/x.png"/></svg>'
    encoded = base64.b64encode(inner.encode()).decode()
    svg = f'<svg {NS}>\n<image href="data:image/svg+xml;base64,{encoded}"/></svg>'
    issues = check_svg(svg.encode())
    assert [issue.line for issue in issues] == [2]
    assert "another file or web address" in issues[0].message
    bomb = base64.b64encode(use_fan_out(12, 10).encode()).decode()
    assert "too long" in refused(f'<svg {NS}><image href="data:image/svg+xml;base64,{bomb}"/></svg>')
    tiff = base64.b64encode(b"II*\0" + b"\0" * 60).decode()
    assert "not a PNG" in refused(f'<svg {NS}><image href="data:image/tiff;base64,{tiff}"/></svg>')
    header = b"BM" + b"\0" * 16 + struct.pack("<ii", 50_000, -50_000)
    huge_bmp = base64.b64encode(header + b"\0" * 30).decode()
    assert "50000 x 50000" in refused(f'<svg {NS}><image href="data:image/bmp;base64,{huge_bmp}"/></svg>')


@pytest.mark.parametrize(
    "style",
    [
        "<style>&#64;import url(x.css);</style>",
        "<style>\\40 import url(x.css);</style>",
        '<rect style="&#64;import url(x.css)"/>',
        "<style><![CDATA[@imp]]>ort url(x.css);</style>",
    ],
)
def test_hidden_style_imports_are_found(style: str) -> None:
    assert "@import" in refused(f"<svg {NS}>{style}</svg>") or "another file" in refused(
        f"<svg {NS}>{style}</svg>"
    )


_NAMES = st.sampled_from(["g", "use", "mask", "pattern", "filter", "rect", "feGaussianBlur", "symbol"])


@st.composite
def random_drawings(draw: st.DrawFn) -> str:
    """Drawings of random structure whose parts refer to each other at random."""
    count = draw(st.integers(1, 40))
    parts = []
    for index in range(count):
        name = draw(_NAMES)
        target = draw(st.integers(0, count - 1))
        reference = draw(
            st.sampled_from(
                [f'xlink:href="#e{target}"', f'mask="url(#e{target})"', f'fill="url(#e{target})"', ""]
            )
        )
        children = draw(st.integers(0, 3))
        inner = f'<use xlink:href="#e{target}"/>' * children
        parts.append(f'<{name} id="e{index}" {reference}>{inner}</{name}>')
    return f'<svg {NS} viewBox="0 0 10 10">{"".join(parts)}</svg>'


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_drawings())
def test_any_structure_is_judged_quickly_without_errors(svg: str) -> None:
    started = time.monotonic()
    issues = check_svg(svg.encode())
    assert time.monotonic() - started < 5
    assert all(issue.line >= 1 and issue.message for issue in issues)

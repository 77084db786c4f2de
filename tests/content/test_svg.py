"""SVG checks: what the renderer may and may not receive."""

from __future__ import annotations

from kiosk.content.svg import MAX_SVG_ELEMENTS, check_svg

NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def lines_of(svg: str) -> list[int]:
    return [issue.line for issue in check_svg(svg.encode())]


def test_clean_drawing_with_internal_references_and_animation_passes() -> None:
    svg = (
        f'<svg {NS} viewBox="0 0 10 10">\n<defs><linearGradient id="g"/></defs>\n'
        '<rect fill="url(#g)" style="fill: url(#g)"/>\n<use xlink:href="#g"/>\n'
        f'<image href="{_png_data_uri(8, 8)}"/>\n'
        '<g><animateTransform attributeName="transform" type="rotate" from="0" to="30" dur="2s"/></g>\n</svg>'
    )
    assert check_svg(svg.encode()) == []


def test_external_references_are_refused_with_lines() -> None:
    svg = (
        f"<svg {NS}>\n"
        '<use xlink:href="other.svg#part"/>\n'
        '<image href="data:image/svg+xml;base64,PHN2Zz4="/>\n'
        '<rect style="fill:url(https://example.org/a.png)"/>\n'
        "<style>@import url(x.css);</style>\n"
        "</svg>"
    )
    assert lines_of(svg) == [2, 3, 4, 5, 5]


def test_stylesheet_processing_instruction_is_refused() -> None:
    assert lines_of(f'<?xml-stylesheet href="x.css"?>\n<svg {NS}/>') == [1]


def test_entities_without_doctype_keyword_are_still_refused() -> None:
    issues = check_svg(b'<!DOCTYPE svg [<!ENTITY a "x">]><svg>&a;</svg>')
    assert len(issues) == 1 and "DOCTYPE" in issues[0].message


def test_too_many_elements_empty_damaged_and_wrong_root() -> None:
    many = "<svg>" + "<g/>" * (MAX_SVG_ELEMENTS + 1) + "</svg>"
    assert "more than" in check_svg(many.encode())[0].message
    assert "empty" in check_svg(b"  \n")[0].message
    assert "damaged" in check_svg(b"<svg><g></svg>")[0].message
    assert "not an SVG" in check_svg(b"<html><body/></html>")[0].message
    assert check_svg(b"\x89PNG\r\n\x1a\n\0\0\0")[0].line == 1


def _png_data_uri(width: int, height: int) -> str:
    import base64
    import struct

    header = (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + struct.pack(">II", width, height)
        + b"\x08\x06"
    )
    return "data:image/png;base64," + base64.b64encode(header + b"\0" * 40).decode()


def test_embedded_pictures_get_the_same_size_check() -> None:
    small, huge = _png_data_uri(64, 64), _png_data_uri(100_000, 100_000)
    assert check_svg(f'<svg {NS}>\n<image href="{small}"/>\n</svg>'.encode()) == []
    issues = check_svg(
        f'<svg {NS}>\n<image href="{huge}"/>\n<rect style="fill:url({huge})"/>\n</svg>'.encode()
    )
    assert [issue.line for issue in issues] == [2, 3]
    assert "100000 x 100000" in issues[0].message
    broken = check_svg(f'<svg {NS}>\n<image href="data:image/jpeg;base64,AAAA"/>\n</svg>'.encode())
    assert [issue.line for issue in broken] == [2]
    assert "cannot be read" in broken[0].message


def test_external_urls_in_paint_attributes_and_animated_links_are_refused() -> None:
    svg = (
        f"<svg {NS}>\n"
        '<rect fill="url(https://example.org/p.svg#g)" filter="url(#blur)"/>\n'
        '<a href="#x"><set attributeName="xlink:href" to="https://example.org"/></a>\n'
        "</svg>"
    )
    assert lines_of(svg) == [2, 3]

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
        '<image href="data:image/png;base64,iVBORw0KGgo="/>\n'
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

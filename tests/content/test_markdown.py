"""Page text rendering: only the whitelisted subset comes out, everything else is refused by line."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.markdown import page_link_target, render_markdown

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "br"}


def test_headings_lists_and_emphasis() -> None:
    body = render_markdown("# Big\n\n## Title\n\nSome *soft* and **strong** words.\n\n1. one\n2. two\n")
    assert body.html == (
        "<h2>Big</h2><h2>Title</h2><p>Some <em>soft</em> and <strong>strong</strong> words.</p>"
        "<ol><li>one</li><li>two</li></ol>"
    )
    assert body.plain_text == "Big.\nTitle.\nSome soft and strong words.\none.\ntwo."
    assert body.issues == []


def test_text_that_looks_like_markup_is_escaped() -> None:
    body = render_markdown("Use 5 \\< 6 & \\<b\\> here.")
    assert "<b>" not in body.html
    assert "&lt;b&gt;" in body.html and "&amp;" in body.html
    assert body.issues == []


def test_page_links_are_collected_with_their_lines() -> None:
    body = render_markdown("First.\n\nSee [one](symptoms) and\n[two](page:when-to-call).", first_line=6)
    assert [(link.page_id, link.line) for link in body.links] == [("symptoms", 8), ("when-to-call", 8)]
    assert body.html.count('<a href="page:') == 2


def test_unsafe_links_are_refused_and_not_rendered() -> None:
    for href in (
        "javascript:alert(1)",
        "https://example.org",
        "mailto:a@b.c",
        "../secret",
        "file:///etc/passwd",
    ):
        body = render_markdown(f"Click [here]({href}).")
        assert "<a" not in body.html, href
        assert len(body.issues) == 1, href
        assert body.issues[0].line == 1
        assert "here" in body.html  # the words stay, only the link goes


def test_autolinks_images_and_html_are_refused() -> None:
    text = "Line one <https://example.org>\n\n![pic](a.png)\n\n<div>x</div>\n\nA <span onclick=x>y</span>\n"
    body = render_markdown(text, first_line=10)
    assert [issue.line for issue in body.issues] == [10, 12, 14, 16]
    assert "<div" not in body.html and "<span" not in body.html and "<img" not in body.html


def test_page_link_target_accepts_only_page_ids() -> None:
    assert page_link_target("symptoms") == "symptoms"
    assert page_link_target("page:when-to-call") == "when-to-call"
    for href in ("Symptoms", "page:", "a/b", "x.md", "page:../x", "http://x", ""):
        assert page_link_target(href) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/![]()*_#-:=\"' \nabcxyz1.&`>|\\")), max_size=200))
def test_any_text_renders_to_whitelisted_tags_only(text: str) -> None:
    body = render_markdown(text)
    tags = {match.lower() for match in re.findall(r"</?([a-zA-Z0-9]+)", body.html)}
    assert tags <= ALLOWED_TAGS
    for href in re.findall(r'href="([^"]*)"', body.html):
        assert href.startswith("page:")
    assert "<a " not in body.html.replace('<a href="page:', "")


def test_link_without_words_is_refused() -> None:
    body = render_markdown("Text.\n\nGo [](symptoms) or [ ](page:symptoms).", first_line=6)
    assert [(issue.line, issue.message) for issue in body.issues] == [
        (8, "a link has no words, so there is nothing to tap")
    ]

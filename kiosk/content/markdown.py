"""Page text: Markdown in, a small safe HTML subset and plain text out.

Only headings, paragraphs, lists, bold, italic, line breaks and links to other pages of the pack
are allowed. Raw HTML, pictures written in Markdown, and links to websites are parsed (so they can
be recognised) but never rendered: each becomes a problem with its line number instead. The HTML
is written by this module from the token stream, not by markdown-it's renderer, so no tag outside
the whitelist can appear whatever the input.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

PAGE_LINK_PREFIX = "page:"
_PAGE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BLOCK_TAGS = {"paragraph": "p", "bullet_list": "ul", "ordered_list": "ol", "list_item": "li"}
_INLINE_TAGS = {"strong": "strong", "em": "em"}
MAX_LIST_DEPTH = 4
"""Lists inside lists, at most; deeper is hard to follow on a kiosk, and past about ten levels
markdown-it stops reading and the rest of the page would silently vanish."""
MAX_NESTING = 20
"""markdown-it's own limit on open blocks and inline markers; text past it is dropped by the parser,
so reaching it is reported as an error instead."""


@dataclass(frozen=True)
class MarkdownIssue:
    line: int
    message: str
    fix: str


@dataclass(frozen=True)
class PageLink:
    """A link from the page text to another page; the loader checks that the page exists."""

    page_id: str
    line: int


@dataclass
class RenderedBody:
    html: str
    plain_text: str
    links: list[PageLink] = field(default_factory=list)
    issues: list[MarkdownIssue] = field(default_factory=list)


def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": True, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING})
    md.enable(
        [
            "heading",
            "lheading",
            "paragraph",
            "list",
            "emphasis",
            "link",
            "image",
            "newline",
            "escape",
            "entity",
            "html_block",
            "html_inline",
            "autolink",
        ]
    )
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # every link is judged by `_link_target` below
    return md


_MD = _parser()


def page_link_target(href: str) -> str | None:
    """The page id a Markdown link points to (`page-id` or `page:page-id`), or None if it is not one."""
    target = href[len(PAGE_LINK_PREFIX) :] if href.startswith(PAGE_LINK_PREFIX) else href
    return target if _PAGE_ID.match(target) else None


def render_markdown(text: str, first_line: int = 1) -> RenderedBody:
    """Render page text; `first_line` is the file line of the text's first line, for messages."""
    out = RenderedBody(html="", plain_text="")
    html_parts: list[str] = []
    plain_blocks: list[str] = []
    open_blocks: list[str] = []
    tokens = _MD.parse(text)
    list_depth, last_line = 0, first_line
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0) if token.map else last_line
        last_line = line
        kind = token.type
        if _too_deep(token):
            out.issues.append(
                MarkdownIssue(
                    line,
                    "the text is nested too deeply here, so the rest of the page could not be read",
                    "use fewer lists inside lists and fewer * or _ marks inside each other",
                )
            )
            break
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
            if list_depth == MAX_LIST_DEPTH + 1:
                out.issues.append(
                    MarkdownIssue(
                        line,
                        f"lists are put inside lists more than {MAX_LIST_DEPTH} deep",
                        "make the list flatter; patients follow one or two levels best",
                    )
                )
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        if kind == "heading_open":
            level = min(max(int(token.tag[1:]), 2), 4)  # the page title is the h1
            html_parts.append(f"<h{level}>")
            open_blocks.append(f"h{level}")
        elif kind == "heading_close":
            html_parts.append(f"</{open_blocks.pop()}>")
        elif kind.endswith("_open") and kind[:-5] in _BLOCK_TAGS:
            tag = _BLOCK_TAGS[kind[:-5]]
            if tag == "p" and token.hidden:
                tag = ""
            if tag:
                html_parts.append(f"<{tag}>")
            open_blocks.append(tag)
        elif kind.endswith("_close") and kind[:-6] in _BLOCK_TAGS:
            tag = open_blocks.pop()
            if tag:
                html_parts.append(f"</{tag}>")
        elif kind == "inline":
            inline_html, inline_plain = _render_inline(token.children or [], line, out)
            html_parts.append(inline_html)
            if inline_plain.strip():
                plain_blocks.append(_as_sentence(inline_plain.strip()))
        elif kind == "html_block":
            out.issues.append(_html_issue(line))
        else:  # pragma: no cover - every enabled block rule is handled above
            out.issues.append(MarkdownIssue(line, "this part of the text is not supported", "use plain text"))
    out.issues = list(dict.fromkeys(out.issues))  # <b>...</b> on one line is one problem, not two
    out.html = "".join(html_parts)
    out.plain_text = "\n".join(plain_blocks)
    return out


def _too_deep(token: Token) -> bool:
    """markdown-it stops reading at `MAX_NESTING`: a token that close to it means text was lost."""
    if token.level >= MAX_NESTING - 1:
        return True
    return any(child.level >= MAX_NESTING - 1 for child in token.children or [])


def _as_sentence(text: str) -> str:
    """Headings and list items end with a full stop in plain text, so read-aloud pauses after them
    and the readability formula counts them as the short sentences they are."""
    return text if text[-1] in ".!?:;" else text + "."


def _html_issue(line: int) -> MarkdownIssue:
    return MarkdownIssue(
        line,
        "HTML code (text between < and >) is not allowed in a page",
        "use Markdown instead: **bold**, *italic*, '- ' for a list, '## ' for a heading",
    )


def _render_inline(children: list[Token], line: int, out: RenderedBody) -> tuple[str, str]:
    html_parts: list[str] = []
    plain_parts: list[str] = []
    skipping_link = 0
    link_words_from = 0
    for child in children:
        kind = child.type
        if kind == "text":
            html_parts.append(html.escape(child.content, quote=False))
            plain_parts.append(child.content)
        elif kind in ("softbreak",):
            html_parts.append("\n")
            plain_parts.append(" ")
        elif kind == "hardbreak":
            html_parts.append("<br>")
            plain_parts.append("\n")
        elif kind.endswith("_open") and kind[:-5] in _INLINE_TAGS:
            html_parts.append(f"<{_INLINE_TAGS[kind[:-5]]}>")
        elif kind.endswith("_close") and kind[:-6] in _INLINE_TAGS:
            html_parts.append(f"</{_INLINE_TAGS[kind[:-6]]}>")
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
            target = page_link_target(href)
            if target is None or child.markup == "autolink":
                skipping_link += 1
                out.issues.append(_link_issue(href, line))
            else:
                out.links.append(PageLink(target, line))
                html_parts.append(f'<a href="{PAGE_LINK_PREFIX}{target}">')
                link_words_from = len(plain_parts)
        elif kind == "link_close":
            if skipping_link:
                skipping_link -= 1
            else:
                html_parts.append("</a>")
                if not "".join(plain_parts[link_words_from:]).strip():
                    out.issues.append(
                        MarkdownIssue(
                            line,
                            "a link has no words, so there is nothing to tap",
                            "write the words to tap between [ and ], like [Symptoms](symptoms)",
                        )
                    )
        elif kind == "image":
            out.issues.append(
                MarkdownIssue(
                    line,
                    "pictures cannot be put inside the page text",
                    "remove the ![...](...) line; set the page picture with 'illustration:' at the top",
                )
            )
        elif kind == "html_inline":
            out.issues.append(_html_issue(line))
        elif kind == "code_inline":  # pragma: no cover - the backticks rule is not enabled
            html_parts.append(html.escape(child.content, quote=False))
            plain_parts.append(child.content)
    return "".join(html_parts), "".join(plain_parts)


def _link_issue(href: str, line: int) -> MarkdownIssue:
    lowered = href.lower()
    if lowered.startswith(("http:", "https:", "www.", "mailto:", "//")):
        return MarkdownIssue(
            line,
            f"links to websites or e-mail are not allowed on the kiosk ({href})",
            "write the address as plain text, or put it in the page's 'source:' line at the top",
        )
    return MarkdownIssue(
        line,
        f"'{href}' is not a page of this pack",
        "link to another page by its id, like [Symptoms](symptoms)",
    )

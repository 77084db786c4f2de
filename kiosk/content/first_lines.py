"""The first lines of a "what to do now" page: its text before the first list or heading.

"Get help now" opens the pack's help page from anywhere, so what to do now (tell the front desk,
call the emergency number) must come first and be readable the moment it opens. The red-flag view
shows this part at the top, before its picture; `kiosk validate` checks that it names a number to
call. Both use this one definition, so the check and the screen agree on what "first" means.
"""

from __future__ import annotations

import re

_FIRST_LIST = re.compile(r"<(?:ul|ol|h[2-4])>")


def split_first_lines(body_html: str) -> tuple[str, str]:
    """(the text before the first list or heading, the rest); the first part may be empty.

    A last paragraph that introduces the list ("... any of these signs:") stays with the list.
    """
    match = _FIRST_LIST.search(body_html)
    if match is None:
        return body_html, ""
    first, rest = body_html[: match.start()], body_html[match.start() :]
    lead = first.rfind("<p>")
    if lead > 0 and first.rstrip().endswith(":</p>"):
        first, rest = first[:lead], first[lead:] + rest
    return first, rest

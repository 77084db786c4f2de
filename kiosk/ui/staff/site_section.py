"""The staff panel's "This clinic" line: the details pages show, and which are still missing.

Staff set them in the `[clinic]` and `[emergency]` tables of the settings file
(`kiosk.session.site`); until the emergency number is set the pages say "your local emergency
number", and this line says so in the warning colour, so it is noticed at the first visit. One
wrapped line, not a table: the panel must still fit a 1280x800 screen with a week of usage.
"""

from __future__ import annotations

from kiosk.session.site import SiteDetails
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TextLabel

PARTS = (
    ("Clinic", "clinic.name"),
    ("phone", "clinic.phone"),
    ("hours", "clinic.hours"),
    ("front desk", "clinic.front_desk"),
    ("take-home address", "clinic.take_home_url"),
)


def site_summary(site: SiteDetails, language: str) -> str:
    """ "Emergency number: 112. Clinic: ..., phone: ..." with "not set" for what is missing."""
    number = site.detail("emergency.number", language)
    emergency = (
        f"Emergency number: {number}."
        if number is not None
        else "Emergency number: not set, so pages say \u201cyour local emergency number\u201d."
    )
    details = ", ".join(f"{name}: {site.detail(key, language) or 'not set'}" for name, key in PARTS)
    return f"{emergency} {details}. (Settings file: [clinic] and [emergency].)"


def site_section(theme: Theme, site: SiteDetails, language: str) -> TextLabel:
    label = TextLabel(site_summary(site, language), "small")
    label.setObjectName("SiteInfo")
    if site.detail("emergency.number", language) is None:
        label.setStyleSheet(f"color: {theme.palette.urgent_text};")
    return label

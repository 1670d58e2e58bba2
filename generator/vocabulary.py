"""The fixed vocabularies of the event format, each value with its meaning.

These words appear in event files, in the JSON Schema, on the methodology page
and in the site's filters, so they are defined once, here. The meanings and labels are
English source strings (marked with ``N_``); pages show them through the catalogue.
"""

from __future__ import annotations

from generator import languages
from generator.languages import N_

STATUSES: dict[str, str] = {
    "reported": N_("At least one claimant says it happened; nobody has independently verified it."),
    "corroborated": N_("Two or more independent claimants, not relaying each other, say so; still unverified."),
    "confirmed": N_(
        "Verified by evidence independent of the claimants, or acknowledged by the party with most reason to deny it."
    ),
    "disputed": N_("Claimants contradict each other, or a claim was contradicted."),
    "denied": N_("The party concerned denied it and no other claimant supports it."),
}
"""How well an event or a claim is established."""

CLAIMANT_KINDS: dict[str, str] = {
    "ukrainian-government": "A Ukrainian state body or official (SBU, HUR, armed forces, ministers).",
    "russian-government": "A Russian state body or official (the Kremlin, Ministry of Defence).",
    "foreign-government": "Another state's body or official (for example the UK Ministry of Defence).",
    "state-media": "A state-owned news outlet (for example RT).",
    "media": "A news outlet speaking for itself.",
    "telegram-channel": "A Telegram channel (for example Baza, Shot, VChK-OGPU).",
    "ngo": "A non-governmental organisation, watchdog, think tank or activist project.",
    "individual": "A person speaking for themselves: a commentator, soldier or witness.",
    "leaked-document": "A leaked document, as described by whoever published it.",
}
"""Who made a claim, by kind, so that readers can weigh and filter claims."""

PRECISIONS: dict[str, str] = {
    "exact": "A known point, such as a building or a checkpoint.",
    "settlement": "A town or village.",
    "district": "A district within a region.",
    "region": "A region (oblast, krai, republic).",
    "front-sector": "A sector of the front line.",
    "country": "Only the country is known.",
}
"""How precisely a location is known."""

QUALIFIERS: dict[str, str] = {
    "exactly": "",
    "about": N_("about"),
    "at-least": N_("at least"),
    "more-than": N_("more than"),
    "up-to": N_("up to"),
}
"""How a figure was stated, with the words that say so before the number."""

UNITS: dict[str, str] = {
    "people": "people",
    "percent": "%",
    "times": "times",
}
"""What a figure's number measures in."""

FIGURE_COUNTS: dict[str, str] = {
    "deserters": N_("Deserters"),
    "killed": N_("Killed"),
    "wounded": N_("Wounded"),
    "killed-or-wounded": N_("Killed or wounded"),
    "refused-to-fight": N_("Refused to fight"),
    "surrendered": N_("Surrendered"),
    "conscripts": N_("Conscripts"),
    "other": N_("Other"),
}
"""What a figure counts, so that figures can be grouped and charted."""

COUNTRIES: frozenset[str] = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
    BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC
    EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK
    HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB
    LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
    NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU
    RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN
    TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()
)
"""ISO 3166-1 alpha-2 codes."""

COMMON_COUNTRIES: tuple[str, ...] = ("UA", "RU", "BY", "GB", "US", "GE", "KZ", "MD")
"""The countries the timeline mentions most (examples in the field reference)."""


def country_name(code: str) -> str:
    """The name of an ISO 3166-1 alpha-2 code in the language being written (CLDR, through Babel)."""
    return str(languages.locale().territories.get(code, code))

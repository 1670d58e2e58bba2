"""The fixed vocabularies of the event format, each value with its meaning.

These words appear in event files, in the JSON Schema, on the methodology page
and in the site's filters, so they are defined once, here.
"""

from __future__ import annotations

STATUSES: dict[str, str] = {
    "reported": "At least one claimant says it happened; nobody has independently verified it.",
    "corroborated": "Two or more independent claimants, not relaying each other, say so; still unverified.",
    "confirmed": "Verified by evidence independent of the claimants, or acknowledged by the party "
    "with most reason to deny it.",
    "disputed": "Claimants contradict each other, or a claim was contradicted.",
    "denied": "The party concerned denied it and no other claimant supports it.",
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
    "about": "about",
    "at-least": "at least",
    "more-than": "more than",
    "up-to": "up to",
}
"""How a figure was stated, with the words that say so before the number."""

UNITS: dict[str, str] = {
    "people": "people",
    "percent": "%",
    "times": "times",
}
"""What a figure's number measures in."""

FIGURE_COUNTS: dict[str, str] = {
    "deserters": "Deserters",
    "killed": "Killed",
    "wounded": "Wounded",
    "killed-or-wounded": "Killed or wounded",
    "refused-to-fight": "Refused to fight",
    "surrendered": "Surrendered",
    "conscripts": "Conscripts",
    "other": "Other",
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

COUNTRY_NAMES: dict[str, str] = {
    "UA": "Ukraine",
    "RU": "Russia",
    "BY": "Belarus",
    "GB": "United Kingdom",
    "US": "United States",
    "GE": "Georgia",
    "KZ": "Kazakhstan",
    "MD": "Moldova",
}
"""Display names for the countries the timeline mentions most; others show their code."""


def country_name(code: str) -> str:
    """The display name of an ISO 3166-1 alpha-2 code."""
    return COUNTRY_NAMES.get(code, code)

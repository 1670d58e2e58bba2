"""Other names readers search by: an event that names an agency one way is found by its other names.

A journalist may type HUR, GUR or ГУР for Ukraine's military intelligence, and SBU or СБУ for its
security service. Each group lists the names of one body; an event whose own text uses any of them
gets every name of the group in a search-only attribute (Pagefind's ``data-pagefind-index-attrs``),
which readers and screen readers never see.
"""

from __future__ import annotations

import re
from functools import cache

from generator.model import Event

ALIASES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        # names that identify Ukraine's military intelligence in an event's text ...
        (
            "HUR",
            "GUR",
            "ГУР",
            "Main Intelligence Directorate",
            "Defence Intelligence of Ukraine",
            "Ukraine's military intelligence",
            "Ukrainian military intelligence",
        ),
        # ... and every name it is searched by
        (
            "HUR",
            "GUR",
            "ГУР",
            "ГУР МО",
            "ГУР МОУ",
            "Main Intelligence Directorate",
            "Defence Intelligence of Ukraine",
            "Ukrainian military intelligence",
            "Головне управління розвідки",
            "Главное управление разведки",
        ),
    ),
    (
        ("SBU", "СБУ", "Security Service of Ukraine"),
        ("SBU", "СБУ", "Security Service of Ukraine", "Служба безпеки України", "Служба безопасности Украины"),
    ),
)
"""For each body: the names that identify it (whole words; acronyms in capitals only, so that
"GUR" never matches inside a word and Russia's military intelligence is never taken for Ukraine's),
then every name readers may search it by."""


@cache
def _pattern(name: str) -> re.Pattern[str]:
    flags = 0 if name.isupper() else re.IGNORECASE  # "HUR" and "SBU" only in capitals, not inside words
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", flags)


def _own_text(event: Event) -> str:
    parts = [event.title, event.summary, *(c.by for c in event.claims), *(c.says for c in event.claims)]
    parts += [s.publisher for s in event.sources] + [s.title or "" for s in event.sources]
    return "\n".join(parts)


def search_aliases(event: Event) -> str:
    """Every name of each body the event's own text names, joined by spaces; empty when none."""
    text = _own_text(event)
    found = [names for markers, names in ALIASES if any(_pattern(name).search(text) for name in markers)]
    return " ".join(name for names in found for name in names)

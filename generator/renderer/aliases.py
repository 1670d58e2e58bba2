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

ALIASES: tuple[tuple[str, ...], ...] = (
    (
        "HUR",
        "GUR",
        "ГУР",
        "ГУР МО",
        "ГУР МОУ",
        "Main Intelligence Directorate",
        "Defence Intelligence of Ukraine",
        "Головне управління розвідки",
        "Главное управление разведки",
        "military intelligence",
    ),
    ("SBU", "СБУ", "Security Service of Ukraine", "Служба безпеки України", "Служба безопасности Украины"),
)
"""Names of one body each; matched as whole words, case-insensitively (acronyms as written)."""


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
    found = [group for group in ALIASES if any(_pattern(name).search(text) for name in group)]
    return " ".join(name for group in found for name in group)

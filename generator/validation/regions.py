"""The ISO 3166-2 regions of Ukraine and Russia that a location may name.

The list is the standard's, as pycountry ships it: 27 Ukrainian codes (Crimea is UA-43 and
Sevastopol UA-40, as the standard has them) and 83 Russian ones (the standard lists no Russian
code for any part of Ukraine).
"""

from __future__ import annotations

import pycountry

REGION_NAMES: dict[str, str] = {
    subdivision.code: subdivision.name
    for country in ("UA", "RU")
    for subdivision in pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
}
"""Each code with its name as the standard gives it (romanised)."""
REGIONS = frozenset(REGION_NAMES)
"""Every code a location may name."""

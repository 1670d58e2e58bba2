"""generator.vocabulary: the fixed vocabularies, each value explained."""

from __future__ import annotations

import re

import pytest

from generator import languages, vocabulary

VOCABULARIES = {
    name: value
    for name, value in vars(vocabulary).items()
    if name.isupper() and isinstance(value, dict) and name != "COUNTRY_NAMES"
}


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_values_are_slugs(name: str) -> None:
    values = VOCABULARIES[name]
    assert values, name
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key) for key in values), name


@pytest.mark.parametrize("name", ["STATUSES", "CLAIMANT_KINDS", "PRECISIONS", "FIGURE_COUNTS"])
def test_every_value_has_its_meaning(name: str) -> None:
    assert all(meaning.strip() for meaning in VOCABULARIES[name].values())


def test_countries_are_iso_codes() -> None:
    assert len(vocabulary.COUNTRIES) == 249
    assert {"UA", "RU", "BY"} <= vocabulary.COUNTRIES
    assert set(vocabulary.COMMON_COUNTRIES) <= vocabulary.COUNTRIES


@pytest.mark.parametrize(
    ("language", "code", "name"),
    [
        ("en", "UA", "Ukraine"),
        ("en", "RU", "Russia"),
        ("en", "FR", "France"),
        ("ru", "UA", "Украина"),
        ("uk", "RU", "Росія"),
    ],
)
def test_country_name_is_cldr_s_in_the_language_written(language: str, code: str, name: str) -> None:
    with languages.speaking(language):
        assert vocabulary.country_name(code) == name

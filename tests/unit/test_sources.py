"""Sources: addresses, languages, regions, the refused hosts and one description per address."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validation.hosts import host_of, load_refused_hosts, looks_like_a_copy, refused
from generator.validation.regions import REGIONS
from tests.helpers import BUNDLED, VALID_EVENT, check_event, edit

URL_LINE = "    url: https://example.org/a\n"
LANGUAGE_LINE = "    language: en\n"


def _with_source_fields(extra: str) -> str:
    """VALID_EVENT with its source's url followed by ``extra`` instead of its language."""
    return edit(VALID_EVENT, URL_LINE + LANGUAGE_LINE, URL_LINE + extra)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    language: en\n", []),
        ("", ["23:5: sources[0].url: warning: no language: give the page's language as a two-letter code"]),
        ("    language: xx\n", ["24:15: sources[0].language: 'xx' is not an ISO 639-1 language code"]),
        (
            "    language: en\n    no_url_reason: Read from a copy.\n",
            ["23:10: sources[0].url: give either url or no_url_reason, not both"],
        ),
        (
            "    language: en\n    original_url: https://example.net/b\n",
            ["25:19: sources[0].original_url: name the original's publisher too, in original_publisher"],
        ),
        ("    language: en\n    original_publisher: Wire Agency\n    original_url: https://example.net/b\n", []),
    ],
)
def test_source_address_rules(tmp_path: Path, extra: str, expected: list[str]) -> None:
    found = check_event(tmp_path, _with_source_fields(extra))
    assert [line[: len(want)] for line, want in zip(found, expected, strict=False)] == expected
    assert len(found) == len(expected), found


def test_a_source_without_address_gives_a_reason_or_a_warning(tmp_path: Path) -> None:
    without = edit(VALID_EVENT, URL_LINE + LANGUAGE_LINE, "")
    assert any("source has no url" in line for line in check_event(tmp_path / "a", without))
    reasoned = edit(VALID_EVENT, URL_LINE + LANGUAGE_LINE, "    no_url_reason: Read from a printed copy.\n")
    assert check_event(tmp_path / "b", reasoned) == []


@pytest.mark.parametrize(
    ("region", "country", "expected"),
    [
        ("UA-43", "UA", ""),
        ("RU-BEL", "RU", ""),
        ("UA-43", "RU", "region UA-43 is in UA but country is RU"),
        ("RU-XX", "RU", "'RU-XX' is not an ISO 3166-2 code"),
        ("RU-CR", "RU", "'RU-CR' is not an ISO 3166-2 code"),
    ],
)
def test_region_codes(tmp_path: Path, region: str, country: str, expected: str) -> None:
    text = edit(VALID_EVENT, "  country: RU\n", f"  country: {country}\n  region: {region}\n")
    found = check_event(tmp_path, text)
    if expected:
        assert len(found) == 1 and expected in found[0], found
    else:
        assert found == []


def test_the_standard_keeps_crimea_and_sevastopol_in_ukraine() -> None:
    assert {"UA-43", "UA-40"} <= REGIONS
    assert not any(code.startswith("RU-") and code in {"RU-CR", "RU-SEV"} for code in REGIONS)
    assert len([c for c in REGIONS if c.startswith("UA-")]) == 27


@pytest.mark.parametrize(
    ("url", "copy"),
    [
        ("https://meduza.io/en/feature/x", False),
        ("https://website3-preview.staging.meduza.io/en/x", True),
        ("https://storage.googleapis.com/istories/x", True),
        ("https://www-meduza-io.translate.goog/x", True),
        ("https://zerkalo-read2.online/x", True),
        ("https://en.zona.media/article/2024/03/04/awol", False),
    ],
)
def test_hosts_that_look_like_copies(url: str, copy: bool) -> None:
    assert looks_like_a_copy(host_of(url)) is copy


def test_refused_hosts_cover_their_subdomains(tmp_path: Path) -> None:
    listed = tmp_path / "refused-hosts.yaml"
    listed.write_text('farm.example:\n  reason: "rewrites other outlets\' stories"\nBAD.example:\n  reason: x\n')
    hosts, problems = load_refused_hosts(listed)
    assert set(hosts) == {"farm.example"}
    assert [p.message for p in problems] == ["expected a host name in lowercase, such as example.com"]
    assert refused("www.farm.example", hosts) is hosts["farm.example"]
    assert refused("farm.example", hosts) is hosts["farm.example"]
    assert refused("notfarm.example", hosts) is None


def test_a_source_on_a_refused_host_is_refused_with_the_reason(tmp_path: Path) -> None:
    from generator.validation import validate

    timeline = tmp_path / "timeline"
    check_event(timeline, edit(VALID_EVENT, URL_LINE, "    url: https://www.farm.example/a\n"))
    (timeline / "refused-hosts.yaml").write_text('farm.example:\n  reason: "content farm rewriting news"\n')
    messages = [p.format() for p in validate(timeline).problems]
    assert len(messages) == 1, messages
    assert "www.farm.example is on the list of hosts never to cite" in messages[0]
    assert "content farm rewriting news" in messages[0]
    assert messages[0].split(":")[1] == "23"  # the line of the url


def test_one_address_is_described_the_same_way_everywhere(tmp_path: Path) -> None:
    from generator.validation import validate

    timeline = tmp_path / "timeline"
    first = _with_source_fields("    language: en\n")
    check_event(timeline, first)
    second = edit(edit(first, "title: A headline", "title: Another headline"), "Soldier reportedly", "A soldier")
    (timeline / "2024" / "2024-07-11-a-soldier-shoots-two-comrades.yaml").write_text(second)
    messages = [p.format() for p in validate(timeline, duplicates=False).problems]
    assert len(messages) == 1, messages
    # the first citing event (by id) sets the description the others must repeat
    assert "2024-07-11-soldier-shoots-two-comrades.yaml:23:1: sources[example-daily].title:" in messages[0]
    assert "is cited with title 'Another headline' in " in messages[0]
    assert "give the same title here (got 'A headline')" in messages[0]


def test_the_bundled_list_of_refused_hosts_loads_cleanly() -> None:
    hosts, problems = load_refused_hosts(BUNDLED / "refused-hosts.yaml")
    assert problems == []
    assert len(hosts) > 100

"""For researchers and mirrors, on the small fixture built with the real MkDocs: the data package
that ``frictionless validate`` accepts, per-tag and per-status feeds, old addresses, the changelog
and the offline copy."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from generator.renderer import exports, urls
from generator.renderer.licence import DATA_LICENCE
from generator.site.offline import FOLDER, TIMESTAMP, file_link, write_offline_copy
from tests.helpers import BuiltSite

ATOM = "{http://www.w3.org/2005/Atom}"
FRICTIONLESS = Path(sys.executable).parent / "frictionless"
RENAMED, NEW = "2024-07-10-soldier-shoots-two-comrades", "2024-07-11-soldier-shoots-two-comrades"
MERGED, INTO = "2022-03-02-deserters-cross-border-again", "2022-03-01-deserters-cross-border"
HREF = re.compile(r'\s(?:href|src|action)="([^"]*)"')


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def page(site: Path, path: str) -> str:
    return read(site, urls.address(path) + "index.html")


def test_frictionless_validate_accepts_the_data_package(small_site: BuiltSite) -> None:
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", urls.DATAPACKAGE],
        cwd=small_site.site,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:4000]
    assert done.returncode == 0
    tables = {"claims-csv", "figures-csv", "sources-csv"}
    assert {task["name"] for task in report["tasks"]} == {"events-csv", "events-json", "changelog"} | tables
    # not vacuous: the research tables have rows, and their keys to events.csv were checked
    assert all(task["stats"]["rows"] > 0 for task in report["tasks"] if task["name"] in tables)


def test_frictionless_finds_a_row_of_a_research_table_that_belongs_to_no_event(
    small_site: BuiltSite, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(small_site.site / "data", data)
    figures = data / "figures.csv"
    text = figures.read_text(encoding="utf-8-sig").splitlines()
    first = text[1].split(",", 1)
    figures.write_text("\n".join([text[0], "2099-01-01-no-such-event," + first[1], *text[2:]]) + "\n", "utf-8-sig")
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=data,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    [task] = [t for t in report["tasks"] if t["name"] == "figures-csv"]
    assert not task["valid"]
    assert {e["type"] for e in task["errors"]} == {"foreign-key"}


def test_the_data_package_describes_every_column_the_exporter_writes_under_cc_by(small_site: BuiltSite) -> None:
    package = json.loads(read(small_site.site, urls.DATAPACKAGE))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": DATA_LICENCE.url, "title": "CC BY 4.0"}]
    assert package["attribution"] == DATA_LICENCE.attribution
    assert package["version"] == "2024-08-02" == json.loads(read(small_site.site, urls.EVENTS_JSON))["dataset_version"]
    [table] = [r for r in package["resources"] if r["path"] == "events.csv"]
    fields = [f["name"] for f in table["schema"]["fields"]]
    assert fields == exports.CSV_COLUMNS
    with (small_site.site / urls.EVENTS_CSV).open(encoding="utf-8-sig") as handle:
        assert next(csv.reader(handle)) == fields
    dates = {f["name"]: f for f in table["schema"]["fields"] if f["name"] in {"date", "date_end"}}
    assert all(f["type"] == "string" and f["constraints"]["pattern"] for f in dates.values())
    for name, path in (
        ("claims-csv", urls.CLAIMS_CSV),
        ("figures-csv", urls.FIGURES_CSV),
        ("sources-csv", urls.SOURCES_CSV),
    ):
        [research] = [r for r in package["resources"] if r["name"] == name]
        with (small_site.site / path).open(encoding="utf-8-sig") as handle:
            assert next(csv.reader(handle)) == [f["name"] for f in research["schema"]["fields"]], name


def test_each_tag_page_links_its_own_feeds_which_hold_only_its_events(small_site: BuiltSite) -> None:
    tag = "refusal-to-fight"
    html = page(small_site.site, urls.tag(tag))
    atom_link = f'title="This tag (Atom)" href="../../{urls.tag_feed(tag, "atom")}"'
    assert f'<link rel="alternate" type="application/atom+xml" {atom_link}>' in html
    assert (
        f'type="application/feed+json" title="This tag (JSON Feed)" href="../../{urls.tag_feed(tag, "json")}"' in html
    )
    events = json.loads(read(small_site.site, urls.EVENTS_JSON))["events"]
    tagged = {f"urn:x-timeline:event:{e['id']}" for e in events if tag in e["tags"]}
    assert 0 < len(tagged) < len(events)
    atom = ET.fromstring(read(small_site.site, urls.tag_feed(tag, "atom")))
    assert {e.findtext(f"{ATOM}id") for e in atom.findall(f"{ATOM}entry")} == tagged
    assert atom.findtext(f"{ATOM}title", "").endswith("Tag: Refusal to fight")
    feed = json.loads(read(small_site.site, urls.tag_feed(tag, "json")))
    assert {item["id"] for item in feed["items"]} == tagged
    disputed = json.loads(read(small_site.site, urls.status_feed("corroborated", "json")))
    assert {i["id"] for i in disputed["items"]} == {
        f"urn:x-timeline:event:{e['id']}" for e in events if e["status"] == "corroborated"
    }


def test_an_old_address_names_the_new_one_and_the_feed_and_downloads_record_it(small_site: BuiltSite) -> None:
    html = page(small_site.site, urls.event(RENAMED))
    assert re.findall(r'<link rel="canonical"[^>]*>', html) == [f'<link rel="canonical" href="../{NEW}/">']
    assert f'href="../{NEW}/"' in html.split("<article", 1)[1]
    assert 'http-equiv="refresh"' not in html
    merged = page(small_site.site, urls.event(MERGED))
    assert "merged into another on 2024-07-22" in merged
    atom = ET.fromstring(read(small_site.site, urls.atom_feed()))
    titles = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")}
    assert titles[f"urn:x-timeline:moved:{MERGED}"] == (
        f"Merged into Deserters said to cross into Belarus between 1 and 15 March: {MERGED}"
    )
    moved = json.loads(read(small_site.site, urls.EVENTS_JSON))["moved"]
    assert moved[RENAMED] == {
        "kind": "renamed",
        "to": NEW,
        "date": "2024-07-21",
        "reason": "The date was corrected from 10 to 11 July, and the address with it.",
    }
    changes = json.loads(read(small_site.site, urls.CHANGELOG_JSON))["versions"]
    assert any(c["kind"] == "merged" and c["id"] == MERGED and c["to"] == INTO for v in changes for c in v["changes"])
    assert [v["version"] for v in changes] == sorted((v["version"] for v in changes), reverse=True)


def test_the_offline_copy_is_reproducible_and_names_files_not_folders(small_site: BuiltSite, tmp_path: Path) -> None:
    zipped = small_site.site / urls.OFFLINE_ZIP
    digest = hashlib.sha256(zipped.read_bytes()).hexdigest()
    assert read(small_site.site, urls.OFFLINE_SHA256) == f"{digest}  desertion-timeline-offline.zip\n"
    with zipfile.ZipFile(zipped) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names) and all(n.startswith(FOLDER + "/") for n in names)
        assert {(i.date_time, i.external_attr >> 16, i.create_system) for i in infos} == {(TIMESTAMP, 0o100644, 3)}
        assert f"{FOLDER}/{urls.OFFLINE_ZIP}" not in names
        pages = {n: archive.read(n).decode("utf-8") for n in names if n.endswith(".html")}
    assert f"{FOLDER}/404.html" in pages and f"{FOLDER}/events/{NEW}/index.html" in pages
    for name, html in pages.items():
        for target in HREF.findall(html):
            path = re.split(r"[?#]", target, maxsplit=1)[0]
            assert not path.startswith("/"), f"{name}: absolute link {target}"
            if path and "://" not in path and not path.startswith("mailto:"):
                assert not path.endswith("/") and path not in {".", ".."}, f"{name}: folder link {target}"
        assert 'rel="alternate"' not in html, name
    # a second copy of the same site is the same bytes
    again = tmp_path / "site"
    shutil.copytree(small_site.site, again)
    write_offline_copy(again)
    assert (again / urls.OFFLINE_ZIP).read_bytes() == zipped.read_bytes()


def test_the_404_page_links_relatively_so_a_mirror_under_any_path_works(small_site: BuiltSite) -> None:
    html = read(small_site.site, "404.html")
    targets = HREF.findall(html)
    assert targets and not [t for t in targets if t.startswith("/")]


def test_file_link() -> None:
    assert file_link("../events/x/") == "../events/x/index.html"
    assert file_link("../") == "../index.html"
    assert file_link("..") == "../index.html"
    assert file_link(".") == "./index.html"
    assert file_link("../methodology/#statuses") == "../methodology/index.html#statuses"
    assert file_link("search/?q=x") == "search/index.html?q=x"
    for unchanged in ("#top", "https://example.org/a/", "../feed.xml", "mailto:a@b.c", "", "?q=1"):
        assert file_link(unchanged) == unchanged

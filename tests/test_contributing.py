"""CONTRIBUTING.md cannot drift from the tool it documents.

- Its field reference is generated from the schema (``timeline reference``); the committed text
  must equal what the generator produces, and every field, value and rule must be in it.
- Its example event, its sample ``check`` output and its ``timeline`` commands are run here.
- Its links work both on GitHub and on the site, where it becomes ``/contributing/``: only
  anchors within the page and full https addresses, no relative links to files.
- Corrections, which it describes, show on the event's page and in the feeds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import vocabulary
from generator.authoring import reference
from generator.cli import main
from generator.loader.nodes import parse
from generator.loader.typed import to_data
from generator.project import Settings
from generator.renderer import feeds, urls
from generator.renderer.pages import render_site
from generator.timeline import Timeline
from generator.validation import crossfile, rules, schema, validate
from generator.validation.tags import load_tags
from tests.helpers import BUNDLED, REPO, BuiltSite, make_event, make_project

GUIDE = REPO / "CONTRIBUTING.md"
EXAMPLE_NAME = "2024-07-11-example-soldier-leaves-unit"


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", _guide(), re.M | re.S)


def _generated() -> str:
    text = _guide()
    return text[text.index(reference.START) : text.index(reference.END)]


# --- the field reference -------------------------------------------------------------------


def test_the_field_reference_is_up_to_date() -> None:
    """Fails when the schema, a vocabulary or a rule changed: run ``timeline reference``."""
    assert reference.replace(_guide()) == _guide()


def test_reference_check_passes_in_the_repository(in_repo: Path) -> None:
    result = CliRunner().invoke(main, ["reference", "--check"])
    assert result.exit_code == 0, result.output


def test_reference_check_fails_on_drift_and_the_command_repairs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path)
    stale = _guide().replace("| `title` | yes |", "| `title` | no |")
    (project.root / "CONTRIBUTING.md").write_text(stale, encoding="utf-8")
    monkeypatch.chdir(project.root)

    failed = CliRunner().invoke(main, ["reference", "--check"])
    assert failed.exit_code == 1
    assert "is out of date; run: timeline reference" in failed.output

    assert CliRunner().invoke(main, ["reference"]).exit_code == 0
    assert (project.root / "CONTRIBUTING.md").read_text(encoding="utf-8") == _guide()
    assert CliRunner().invoke(main, ["reference", "--check"]).exit_code == 0


def test_reference_needs_its_markers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path)
    (project.root / "CONTRIBUTING.md").write_text("# Contributing\n\nNo markers here.\n", encoding="utf-8")
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["reference"])
    assert result.exit_code == 1
    assert "expected one <!-- field-reference:start --> line followed by one" in result.output
    with pytest.raises(reference.MarkersError):
        reference.replace(f"{reference.END}\n{reference.START}\n")


def test_a_new_schema_field_changes_the_reference() -> None:
    changed: dict[str, Any] = {**schema.EVENT, "properties": {**schema.EVENT["properties"]}}
    changed["properties"]["witnesses"] = {"type": "string", "description": "Who saw it.", "minLength": 1}
    assert "| `witnesses` | no | string | Who saw it. |" in reference.render(changed)
    assert "witnesses" not in reference.render()


def _objects(node: dict[str, Any], heading: str = "Event fields") -> list[tuple[str, dict[str, Any]]]:
    """Every object in the schema with the heading the reference gives it."""
    out = [(heading, node)]
    for name, prop in node["properties"].items():
        target = prop.get("items", prop) if prop.get("type") == "array" else prop
        if target.get("type") == "object":
            out += _objects(target, f"{name} fields")
    return out


@pytest.mark.parametrize(("heading", "node"), _objects(schema.EVENT), ids=lambda v: v if isinstance(v, str) else "")
def test_every_field_is_in_its_section_with_whether_it_is_required(heading: str, node: dict[str, Any]) -> None:
    section = _generated().split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| (yes|no) \|", section, re.M)
    required = set(node.get("required", []))
    assert rows == [(name, "yes" if name in required else "no") for name in node["properties"]]


@pytest.mark.parametrize(
    "words", [v for _, v, _ in reference.VOCABULARIES], ids=[h for h, _, _ in reference.VOCABULARIES]
)
def test_every_vocabulary_value_is_listed(words: dict[str, str]) -> None:
    for value in words:
        assert f"| `{value}` |" in _generated()


def test_every_rule_check_applies_is_listed() -> None:
    listed = _generated().split("### Rules beyond the fields", 1)[1]
    for rule in [*rules.RULES, crossfile.check_unique_ids, crossfile.check_related, crossfile.check_duplicates]:
        assert f"- {reference.inline((rule.__doc__ or '').split(chr(10))[0])}" in listed, rule.__name__


def test_enums_link_to_their_vocabulary() -> None:
    assert "| `status` | yes | one of the [statuses](#statuses) |" in _generated()
    assert "| `kind` | yes | one of the [claimant kinds](#claimant-kinds) |" in _generated()
    assert "a two-letter country code in capitals, such as `UA`, `RU`, `BY`" in _generated()
    assert vocabulary.STATUSES["confirmed"].split(";")[0][:40] in _generated()


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Tags from timeline/tags.yaml.", "Tags from `timeline/tags.yaml`."),
        ("The file is timeline/<year>/<id>.yaml, the id", "The file is `timeline/<year>/<id>.yaml`, the id"),
        ("Every date exists; ``added`` is a day.", "Every date exists; `added` is a day."),
        ("Events with content_note carry one.", "Events with `content_note` carry one."),
        ("a | b <i> *c*", "a \\| b `<i>` \\*c\\*"),
        ("a < b & [c] > d", "a `<` b &amp; \\[c\\] `>` d"),
    ],
)
def test_inline_text_is_markdown_that_renders_as_written(text: str, markdown: str) -> None:
    assert reference.inline(text) == markdown


# --- links: valid on GitHub and on the site --------------------------------------------------


def _headings(text: str) -> set[str]:
    without_code = re.sub(r"^```.*?^```$", "", text, flags=re.M | re.S)
    return {reference.slug(h) for h in re.findall(r"^#{1,6} (.+)$", without_code, re.M)}


def test_links_are_anchors_on_the_page_or_https_addresses() -> None:
    text = _guide()
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    assert targets
    headings = _headings(text)
    for target in targets:
        if target.startswith("#"):
            assert target[1:] in headings, f"no heading for the link {target}"
        else:
            assert target.startswith("https://"), f"{target}: a relative link works on GitHub or on the site, not both"


def test_headings_are_unique() -> None:
    without_code = re.sub(r"^```.*?^```$", "", _guide(), flags=re.M | re.S)
    slugs = [reference.slug(h) for h in re.findall(r"^#{1,6} (.+)$", without_code, re.M)]
    assert len(slugs) == len(set(slugs))


def test_the_guide_is_a_page_of_the_built_site(small_site: BuiltSite) -> None:
    """The site builds in strict mode with the guide (which checks its anchors) and shows the reference."""
    page = (small_site.site / "contributing" / "index.html").read_text(encoding="utf-8")
    assert 'id="field-reference"' in page
    assert 'id="event-fields"' in page
    assert "<td><code>title</code></td>" in page
    assert "field-reference:start" not in page
    assert [m for m in small_site.outcome.messages if "contributing" in m.casefold()] == []


# --- what the guide shows must work ------------------------------------------------------------


def _example() -> str:
    [event] = [block for block in _code_blocks("yaml") if block.startswith("# yaml-language-server")]
    return event


def _check_example(folder: Path, text: str, name: str = EXAMPLE_NAME) -> list[str]:
    timeline = folder / "timeline"
    (timeline / "2024").mkdir(parents=True, exist_ok=True)
    shutil.copy2(BUNDLED / "tags.yaml", timeline / "tags.yaml")
    (timeline / "2024" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return [p.format().removeprefix(f"{timeline}/") for p in validate(timeline, None).problems]


def test_the_example_event_passes_check(tmp_path: Path) -> None:
    assert f"`timeline/2024/{EXAMPLE_NAME}.yaml`" in _guide()
    assert _check_example(tmp_path, _example()) == []


def test_the_example_event_passes_the_editor_schema() -> None:
    import jsonschema

    document = parse(_example().encode(), EXAMPLE_NAME)
    assert document.root is not None
    jsonschema.validate(to_data(document.root), schema.EVENT)


def test_the_corrections_example_is_valid(tmp_path: Path) -> None:
    [corrections] = [block for block in _code_blocks("yaml") if block.startswith("corrections:")]
    assert _check_example(tmp_path, _example() + corrections) == []


def test_the_sample_check_output_is_what_check_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide's sample: the example event with ``status: verified`` and ``precision: town``."""
    [sample] = _code_blocks("text")
    broken = (
        _example()
        .replace("status: reported\ntags", "status: verified\ntags")
        .replace("precision: region", "precision: town")
    )
    timeline = tmp_path / "timeline"
    (timeline / "2024").mkdir(parents=True)
    shutil.copy2(BUNDLED / "tags.yaml", timeline / "tags.yaml")
    (timeline / "2024" / f"{EXAMPLE_NAME}.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--source", "timeline", "--no-cache"])
    assert result.exit_code == 1
    assert result.output == sample


def test_every_command_the_guide_mentions_exists() -> None:
    mentioned = set(re.findall(r"\btimeline ([a-z][a-z-]*)\b", "\n".join(re.findall(r"`([^`\n]+)`", _guide()))))
    mentioned |= set(re.findall(r"^timeline ([a-z][a-z-]*)", "\n".join(_code_blocks("sh")), re.M))
    assert {"new", "check", "serve", "schema", "reference"} <= mentioned
    assert mentioned <= set(main.commands)


def test_the_guide_names_files_that_exist() -> None:
    for path in [
        "docs/methodology.md",
        "generator/renderer/templates/about.md.j2",
        "timeline/tags.yaml",
        "timeline/schema.json",
        "generator/validation/schema.py",
        "generator/vocabulary.py",
        ".github/workflows/check.yml",
        ".github/workflows/deploy.yml",
    ]:
        assert f"`{path}`" in _guide()
        assert (REPO / path).is_file(), path


# --- corrections, as the guide describes them ----------------------------------------------------


def _corrected_timeline() -> Timeline:
    tags, problems = load_tags(BUNDLED / "tags.yaml")
    assert problems == []
    event = make_event("2024-07-11-soldier-leaves-unit", added="2024-07-20", corrections=["2024-08-02", "2024-09-15"])
    return Timeline([event, make_event("2024-06-01-other-event", added="2024-08-10")], tags)


def test_corrections_are_listed_on_the_event_page() -> None:
    page = render_site(_corrected_timeline(), Settings())[urls.event("2024-07-11-soldier-leaves-unit")]
    section = page.split("## Corrections\n", 1)[1]
    assert section.index("2024\\-08\\-02") < section.index("2024\\-09\\-15")
    assert "A change\\. Why: A reason\\." in section
    assert 'last corrected on 2024-09-15 (<a href="#corrections">corrections</a>)' in page


def test_a_page_without_corrections_has_no_corrections_section() -> None:
    page = render_site(_corrected_timeline(), Settings())[urls.event("2024-06-01-other-event")]
    assert "## Corrections" not in page
    assert "last corrected" not in page


def test_a_correction_brings_the_event_back_to_the_top_of_the_feeds() -> None:
    timeline = _corrected_timeline()
    atom = feeds.atom(timeline, "https://example.org")
    first = atom.split("<entry>")[1]
    assert "<title>Soldier leaves unit</title>" in first
    assert "<updated>2024-09-15T00:00:00Z</updated>" in first
    assert "<published>2024-07-20T00:00:00Z</published>" in first
    assert "Corrections:" in first and "2024-08-02: A change. (A reason.)" in first

    item = __import__("json").loads(feeds.json_feed(timeline, None))["items"][0]
    assert item["date_modified"] == "2024-09-15T00:00:00Z"
    assert "2024-09-15: A change. (A reason.)" in item["content_html"]


def test_the_redirects_example_is_valid_and_its_old_address_leads_on(tmp_path: Path) -> None:
    [redirects] = [block for block in _code_blocks("yaml") if block.startswith("2024-07-10-")]
    assert "`timeline/redirects.yaml`" in _guide()
    (tmp_path / "timeline").mkdir()
    (tmp_path / "timeline" / "redirects.yaml").write_text(redirects, encoding="utf-8")
    assert _check_example(tmp_path, _example()) == []
    result = validate(tmp_path / "timeline", None)
    [moved] = result.redirects
    assert (moved.old_id, moved.kind, moved.to) == ("2024-07-10-example-soldier-leaves-unit", "renamed", EXAMPLE_NAME)
    clash = redirects.replace("2024-07-10-example", "2024-07-11-example", 1)
    (tmp_path / "timeline" / "redirects.yaml").write_text(clash, encoding="utf-8")
    assert [p.message for p in validate(tmp_path / "timeline", None).problems] == [
        "this old address is a live event's address; remove the entry, or rename one of the two"
    ]

"""generator.preview.incremental: after any edit, regenerating only what changed gives the same folder as a full run.

A seeded sequence of random edits (add, delete, retitle, move in time, retag, relate, move place,
add figures, break and mend a file) is applied to a timeline; after each edit the incremental
result is compared file by file with a full generation (generator.pipeline.regenerate).
"""

from __future__ import annotations

import functools
import random
import shutil
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.model import Event
from generator.preview.incremental import Regenerator
from generator.renderer import pages as renderer
from generator.translation import text_version
from generator.validation import validate
from tests.helpers import SMALL, make_project

TAGS = ["desertion", "desertion-figures", "refusal-to-fight"]
PLACES = ["Kursk region", "Belgorod region", "Rostov region"]
REGIONS = {"Kursk region": "RU-KRS", "Belgorod region": "RU-BEL", "Rostov region": "RU-ROS"}
"""Each place's region, so that an edit of the place moves the event between region pages and on the map."""


def event_text(n: int, day: str, tags: list[str], place: str, related: list[int], figure: int | None) -> str:
    figures = (
        (
            f"    figures:\n      - value: {figure}\n        qualifier: about\n        unit: people\n"
            "        counts: deserters\n        description: Deserters\n        scope: One unit\n"
        )
        if figure
        else ""
    )
    text = (
        f'title: "Event number {n} in {place}"\ndate: "{day}"\nadded: "2025-01-{1 + n % 28:02d}"\n'
        f"status: reported\ntags: [{', '.join(tags)}]\nlocation:\n  name: {place}\n  country: RU\n"
        f"  precision: region\n  region: {REGIONS[place]}\n"
        f"summary: Example Daily reports event {n}.\nclaims:\n  - by: Example Daily\n"
        f"    kind: media\n    status: reported\n    says: Something happened.\n    sources: [daily]\n{figures}"
        f"sources:\n  - id: daily\n    publisher: Example Daily\n    title: Report {n}\n"
        f"    url: https://example.org/{n}\n"
    )
    return text + (f"related: [{', '.join(f'2024-e{r}' for r in related)}]\n" if related else "")


class Timeline:
    """A timeline folder of generated events that random edits change."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        shutil.copytree(SMALL, root)
        self.events: dict[int, dict] = {}  # type: ignore[type-arg]
        for n in range(12):
            self.add(n)

    def path(self, n: int) -> Path:
        return self.root / "2024" / f"2024-e{n}.yaml"

    def write(self, n: int) -> None:
        self.path(n).parent.mkdir(exist_ok=True)
        self.path(n).write_text(event_text(n, **self.events[n]), encoding="utf-8")

    def add(self, n: int) -> None:
        self.events[n] = {
            "day": f"2024-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}",
            "tags": self.rng.sample(TAGS, self.rng.randint(1, 2)),
            "place": self.rng.choice(PLACES),
            "related": [],
            "figure": None,
        }
        self.write(n)

    def edit(self) -> str:
        kind = self.rng.choice(["add", "delete", "retitle", "move", "retag", "relate", "place", "figure", "break"])
        n = self.rng.choice(sorted(self.events))
        event = self.events[n]
        if kind == "add":
            self.add(max(self.events) + 1)
        elif kind == "delete" and len(self.events) > 3:
            del self.events[n]
            self.path(n).unlink()
            for other, fields in self.events.items():
                if n in fields["related"]:
                    fields["related"].remove(n)
                    self.write(other)
        elif kind == "retitle":
            self.path(n).write_text(
                self.path(n).read_text(encoding="utf-8").replace("Event number", "Event no.", 1), encoding="utf-8"
            )
        elif kind == "move":
            event["day"] = f"2024-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        elif kind == "retag":
            event["tags"] = self.rng.sample(TAGS, self.rng.randint(1, 3))
        elif kind == "relate":
            others = [o for o in self.events if o != n]
            event["related"] = self.rng.sample(others, min(2, len(others)))
        elif kind == "place":
            event["place"] = self.rng.choice(PLACES)
        elif kind == "figure":
            event["figure"] = self.rng.choice([None, 10, 500, 70000])
        elif kind == "break":
            self.path(n).write_text("title: [unclosed\n", encoding="utf-8")
            return kind
        if kind not in ("add", "delete", "retitle"):
            self.write(n)
        return kind

    def mend(self) -> None:
        for n in self.events:
            if self.path(n).read_text(encoding="utf-8").startswith("title: [unclosed"):
                self.write(n)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def _compile_templates_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every full generation makes a new renderer, which compiles the templates again; share one
    environment (rendering does not change it) so that fifty generations stay fast."""
    monkeypatch.setattr(renderer, "environment", functools.cache(renderer.environment))


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_equals_full_after_random_edits(tmp_path: Path, seed: int) -> None:
    project = make_project(tmp_path / "project")
    timeline = Timeline(tmp_path / "timeline", random.Random(seed))
    incremental = Regenerator(project, timeline.root, tmp_path / "incremental")
    assert incremental.run().report is not None
    for step in range(25):
        kind = timeline.edit()
        outcome = incremental.run()
        if kind == "break":
            assert outcome.report is None, "a broken file stops regeneration"
            timeline.mend()
            outcome = incremental.run()
        assert outcome.report is not None, [p.format() for p in outcome.problems]
        assert pipeline.regenerate(project, timeline.root, tmp_path / "full").report is not None
        full, partial = tree(tmp_path / "full"), tree(tmp_path / "incremental")
        assert sorted(partial) == sorted(full), f"step {step} ({kind}): different files"
        differing = [path for path in full if full[path] != partial[path]]
        assert differing == [], f"step {step} ({kind}): stale pages"


def test_an_unchanged_timeline_renders_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    regenerator = Regenerator(project, SMALL, tmp_path / "out")
    regenerator.run()
    assert regenerator.rendered > 20
    outcome = regenerator.run()
    assert regenerator.rendered == 0
    assert outcome.report is not None and outcome.report.written == []


def _translation(event: Event, title: str) -> str:
    """A Russian translation of ``event`` that matches its claims, figures and corrections."""
    data: dict[str, object] = {
        "translates": text_version(event),
        "reviewed": False,
        "title": title,
        "summary": "Краткое изложение.",
        "claims": [
            {
                "by": "Источник",
                "says": "Текст.",
                **({"figures": [{"description": "Что", "scope": "Где"}] * len(c.figures)} if c.figures else {}),
            }
            for c in event.claims
        ],
    }
    if event.content_note:
        data["content_note"] = "Предупреждение."
    if event.corrections:
        data["corrections"] = [{"change": "Изменение.", "reason": "Причина."}] * len(event.corrections)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_an_edited_translation_renders_its_pages_again_as_a_full_generation_would(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    root = tmp_path / "timeline"
    shutil.copytree(SMALL, root)
    event = validate(root).events[0]
    translation = root / Path(event.path).parent.name / f"{event.id}.ru.yaml"
    translation.write_text(_translation(event, "Первый заголовок"), encoding="utf-8")
    incremental = Regenerator(project, root, tmp_path / "incremental")
    incremental.run()
    translation.write_text(_translation(event, "Второй заголовок"), encoding="utf-8")
    assert incremental.run().report is not None
    assert 0 < incremental.rendered < 40, "the event's Russian pages and listings, not the whole site"
    page = (tmp_path / "incremental" / "ru" / "events" / f"{event.id}.md").read_text(encoding="utf-8")
    assert "Второй заголовок" in page
    assert pipeline.regenerate(project, root, tmp_path / "full").report is not None
    assert tree(tmp_path / "incremental") == tree(tmp_path / "full")

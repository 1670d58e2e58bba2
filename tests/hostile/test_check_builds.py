"""``check`` accepts only what builds: fuzzed summaries go through the check, and every one it
accepts is built, all together, into one real site with MkDocs in strict mode, which must succeed.

The issue's attacks are always among them (``<!--`` and ``<script>`` inside code spans, links to
anchors the page lacks); Hypothesis adds code spans holding HTML-like text, comment and
instruction openers, same-page anchors, and constructs nested in lists and quotes. One build
per example, six examples (AGREEMENT_EXAMPLES sets more): about half a minute, not one build per case.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

from generator.problems import Severity
from generator.validation.file import check_file
from generator.validation.tags import load_tags
from tests.hostile._support import REPO, VALID_EVENT, build, install, new_project

pytestmark = pytest.mark.slow

TAGS, _ = load_tags(REPO / "timeline" / "tags.yaml")
VALID = yaml.safe_load(VALID_EVENT.read_text(encoding="utf-8"))
PIECES = st.sampled_from(
    [
        *("`<b`", "`<!--`", "`-->`", "`<?php`", "`<script>`", "`</script>`", "`<![CDATA[`", "`<!x`", "`</p>`"),
        *('`<a href="`', "`<b title='`", "``<i>``", "`<style>`", "`&lt;`", "`<`", "`>`"),
        *("[a](#nope)", "[a](#source-1)", "[a](#source-2)", "[a](#claims)", "[a](#summary)", "[a](#corrections)"),
        *("[a](https://example.org/a)", "[a](/events/x/#y)", "<https://example.org>"),
        *("\n\n> ", "\n\n- ", "\n\n1. ", "\n    ", "\n\n    ", "**", "_", "\n\n```\n", "\n```\n", "`", "``"),
        *("words", " ", "\n", "\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "\\", "*", "[", "]", "(", ")"),
    ]
)
SUMMARY = st.lists(PIECES, min_size=1, max_size=10).map(lambda parts: "Said: " + "".join(parts) + " end.")
ATTACKS = [
    "See `<!--` here.",
    "See `<script>` here.",
    "See `<?php` here.",
    "See `<![CDATA[` here.",
    "See `<b` here, unclosed.",
    "See [the claim](#nope).",
    "- a list with `<!--` in it\n  > and a quote with [a link](#source-1)",
    "See [the first source](#source-1) and [the claims](#claims).",
]


def _event(number: int, summary: str) -> bytes:
    data = {**VALID, "title": f"Case {number} of the check-and-build agreement", "summary": summary}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@settings(
    max_examples=int(os.environ.get("AGREEMENT_EXAMPLES", "6")),
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each step would be another build
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
@example(summaries=ATTACKS)
@given(summaries=st.lists(SUMMARY, min_size=20, max_size=30))
def test_what_check_accepts_builds(tmp_path_factory: pytest.TempPathFactory, summaries: list[str]) -> None:
    root = tmp_path_factory.mktemp("agree")
    project = new_project(root / "project")
    accepted: dict[str, str] = {}
    for number, summary in enumerate(summaries):
        event_id = f"2024-01-15-case-{number}"
        raw = _event(number, summary)
        result = check_file(raw, f"timeline/2024/{event_id}.yaml", event_id, "2024", TAGS)
        if not any(p.severity is Severity.ERROR for p in result.problems):
            accepted[event_id] = summary
            install(project.timeline, f"2024/{event_id}.yaml", raw)
    if summaries == ATTACKS:  # the attacks: only the last two are fine
        assert sorted(accepted.values()) == sorted(ATTACKS[-1:] + ATTACKS[4:5]), accepted
    event(f"accepted {len(accepted) // 5 * 5}+ of {len(summaries)}")
    if not accepted:
        return
    outcome = build(project, root / "cache")
    failing = set(re.findall(r"events/(2024-01-15-case-[0-9]+)\.md", "\n".join(outcome.messages)))
    assert outcome.ok, {event_id: accepted.get(event_id) for event_id in failing} or outcome.messages
    assert len(list(Path(project.site / "events").glob("2024-01-15-case-*/index.html"))) == len(accepted)

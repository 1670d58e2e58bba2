"""generator.site.plugin: the second line of defence (sanitising) and the Content-Security-Policy.

The plugin's work on real pages is checked end to end in tests/test_build.py.
"""

from __future__ import annotations

import pytest

from generator.site.plugin import CHARSET, content_security_policy, lock_down, sanitise


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>text <strong>bold</strong></p>", "<p>text <strong>bold</strong></p>"),
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<img src="https://evil.example.org/x.png">', ""),
        ('<p onclick="x()" class="c">t</p>', '<p class="c">t</p>'),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="https://example.org/">x</a>', '<a href="https://example.org/" rel="noopener noreferrer">x</a>'),
        ("<p>a<!-- hidden -->b</p>", "<p>ab</p>"),
        ('<iframe src="https://example.org"></iframe><p>t</p>', "<p>t</p>"),
        ('<li data-tags="a b" aria-label="x">t</li>', '<li data-tags="a b" aria-label="x">t</li>'),
    ],
)
def test_sanitise(html: str, expected: str) -> None:
    assert sanitise(html) == expected


def test_the_chart_keeps_its_svg() -> None:
    svg = (
        '<svg class="tl-chart" viewBox="0 0 720 40" role="img" aria-labelledby="t" width="100%">'
        '<title id="t">T</title><g class="tl-bar"><text x="0" y="16">Killed</text>'
        '<rect x="0" y="23" width="10.0" height="14"></rect></g></svg>'
    )
    assert sanitise(svg) == svg


def test_the_filter_form_is_kept() -> None:
    form = (
        '<form class="tl-filters" hidden=""><label>Tag <select name="tag"><option value="">All</option>'
        '</select></label><button type="reset">Clear</button><output class="tl-count"></output></form>'
    )
    assert sanitise(form) == form


def test_lock_down_adds_the_policy_right_after_the_charset() -> None:
    page = f"<html><head>{CHARSET}<title>x</title></head></html>"
    locked = lock_down(page)
    assert locked.startswith(f'<html><head>{CHARSET}<meta http-equiv="Content-Security-Policy" content="')
    assert '<meta name="referrer" content="no-referrer"><title>x</title>' in locked


def test_a_page_without_a_charset_is_left_alone() -> None:
    assert lock_down("<p>fragment</p>") == "<p>fragment</p>"


def test_the_policy_allows_only_this_site() -> None:
    policy = content_security_policy("<p>no scripts</p>")
    assert policy.startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ")
    assert "object-src 'none'" in policy and "frame-src 'none'" in policy and "base-uri 'self'" in policy
    assert "http" not in policy


def test_data_scripts_and_foreign_scripts_get_no_hash() -> None:
    html = (
        '<script type="application/ld+json">{"a":1}</script><script>alert(document.cookie)</script>'
        '<script src="assets/x.js"></script>'
    )
    assert "sha256-" not in content_security_policy(html)

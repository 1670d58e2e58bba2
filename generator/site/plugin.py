"""A MkDocs plugin: sanitise every page's content and lock each page to its own origin.

Registered as the ``timeline`` plugin (``plugins: [timeline]`` in ``mkdocs.yml``)
through the package's entry point, so it works wherever the package is installed.
The generator already escapes
contributor text and refuses raw HTML; sanitising the rendered HTML again with an
allow-list is the second line of defence. The Content-Security-Policy lists the
hash of each inline script the theme writes, so nothing else can run: an inline
script is hashed only if it is one of the scripts in Material's own templates, so
a script that reached a page some other way (a title in <title>, say) stays blocked.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import zlib
from functools import cache, partial
from pathlib import Path
from typing import Any

import nh3
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator import languages
from generator.renderer import words
from generator.renderer.regionmap import outline_data
from generator.site import memory
from generator.site.slugs import section_slugify

_SVG = {"svg", "g", "rect", "line", "text", "title", "desc", "path"}
_FORM = {"form", "label", "select", "option", "button", "output", "input", "fieldset", "legend"}
TAGS = set(nh3.ALLOWED_TAGS) - {"img", "area", "map"} | _SVG | _FORM | {"section", "time", "cite"}
GENERIC = {"class", "id", "title", "role", "hidden", "lang", "dir"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": GENERIC,
    "a": {"href", "hreflang"},
    "th": {"align", "scope", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    # SVG attribute names keep their case (html5ever adjusts them): "viewbox" would strip viewBox.
    "svg": {"viewBox", "width", "height", "role", "aria-labelledby", "xmlns"},
    "rect": {"x", "y", "width", "height"},
    "line": {"x1", "x2", "y1", "y2"},
    "text": {"x", "y", "text-anchor"},
    "path": {"d"},
    "select": {"name"},
    "option": {"value", "selected"},
    "button": {"type"},
    "label": {"for"},
    "input": {"type", "name", "value"},
    "output": {"for"},
    "form": {"role"},
    "time": {"datetime"},
}
URL_SCHEMES = {"https", "http", "mailto"}
GIVE_BACK_EVERY = 200
"""Pages between collections that return freed memory to the system (:func:`memory.give_back`)."""

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_DATA_TYPES = ("application/json", "application/ld+json")
CHARSET = '<meta charset="utf-8">'


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    """Drop ids in the theme's namespace, and any path's ``d`` that is not one of the map's outlines.

    Ids in the theme's namespace ("__config", "__drawer", ...) go because Material reads its
    configuration with ``document.querySelector("#__config")``, which finds the first element
    with that id, and page content comes before the theme's script: an event titled "__config"
    (its heading's id) would replace the configuration, which is DOM clobbering.
    """
    if tag == "path" and name == "d":
        # Only the map's own outlines: an injected path could draw over the page or fake a picture.
        return value if value in outline_data() else None
    return None if name == "id" and value.startswith("__") else value


def sanitise(html: str) -> str:
    """Page content through nh3's allow-list."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@cache
def theme_scripts() -> tuple[re.Pattern[str], ...]:
    """The inline scripts of Material's templates, each as a pattern whose ``{{ ... }}`` matches any value.

    A value stands inside a JavaScript string literal in these scripts (a relative URL), so it may
    hold anything but a quote, a backslash, ``<`` or ``:`` (no ``javascript:`` URL): a pattern
    cannot match a script that does more.
    """
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.origin is not None, "the Material theme is not installed"
    patterns = []
    for path in sorted((Path(spec.origin).parent / "templates").rglob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            if not any("{%" in part for part in parts):  # a script assembled by template logic is not hashed
                patterns.append(re.compile(r'[^"\\<:]*'.join(re.escape(part) for part in parts)))
    return tuple(patterns)


def content_security_policy(html: str) -> str:
    """A policy allowing only this site, plus the theme's inline scripts by hash."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if any(t in match.group(1) for t in _DATA_TYPES):
            continue
        if not any(pattern.fullmatch(match.group(2)) for pattern in theme_scripts()):
            continue  # not the theme's: leave it out of the policy, so the browser refuses to run it
        digest = base64.b64encode(hashlib.sha256(match.group(2).encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return (
        "default-src 'self'; "
        # wasm-unsafe-eval lets Pagefind compile its WebAssembly, fetched from this site
        f"script-src {scripts} 'wasm-unsafe-eval'; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'"
    )


def allow_nonce(html: bytes, nonce: str) -> bytes:
    """The page with ``nonce`` added to its policy's scripts: ``timeline serve`` runs MkDocs'
    live-reload script under it. Only the preview server calls this; built pages never have one."""
    return html.replace(b"script-src 'self'", b"script-src 'self' 'nonce-" + nonce.encode("ascii") + b"'", 1)


_SITE_PATH = re.compile(r'(\shref=")/(?![/\\])')


def relative_site_paths(html: str, page_url: str) -> str:
    """Links to site paths (``/methodology/``, which a summary may hold) made relative to the page,
    so that the site works under any path: on a mirror, in a sub-folder, or from a disk."""
    return _SITE_PATH.sub(lambda m: m.group(1) + ("../" * page_url.count("/") or "./"), html)


def lock_down(html: str) -> str:
    """Insert the CSP and referrer policy right after the charset declaration."""
    if CHARSET not in html:
        return html
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
        '<meta name="referrer" content="no-referrer">'
    )
    return html.replace(CHARSET, CHARSET + meta, 1)


class NoOptions(Config):  # type: ignore[no-untyped-call]
    """The plugin takes no options."""


class TimelinePlugin(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]
    """Sanitises page content and adds the Content-Security-Policy to every HTML page."""

    def on_config(self, config: Any) -> Any:
        """Give the toc extension the slugify that keeps heading ids out of the site's own ids, and the
        sections' English ids in every language."""
        if "toc" in config["markdown_extensions"]:
            language = config["theme"]["language"]
            fixed = words.section_ids(language if language in languages.LANGUAGES else languages.DEFAULT)
            config["mdx_configs"].setdefault("toc", {})["slugify"] = partial(section_slugify, fixed)
        return config

    held: dict[str, bytes]
    """Each page's content, compressed, from its rendering until its template is filled (below)."""

    def on_pre_build(self, config: Any) -> None:
        self.held = {}

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        """Sanitise the rendered Markdown of every page; make links to site paths relative.

        MkDocs renders every page's Markdown before it fills any page's template, so it holds
        every page's HTML at once: at 10,000 events, as text of two bytes a character, that was
        most of a gigabyte. The content is held compressed instead (whole event pages compress
        3.5 times from UTF-8) and given back to the page just before its template is filled
        (``on_page_context``); the Markdown source is not needed again either.
        """
        content = relative_site_paths(sanitise(html), page.url)
        self.held[page.file.src_uri] = zlib.compress(content.encode("utf-8"), 1)
        page.markdown = ""
        self._now_and_then()
        return ""

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        """Give the page its content back; an old address names its event's page as canonical
        (main.html), not itself."""
        held = self.held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = zlib.decompress(held).decode("utf-8")
        if page.meta.get("moved_to"):
            page.canonical_url = None
        return context

    def on_template_context(self, context: Any, template_name: str, config: Any) -> Any:
        """Keep the 404 page's links relative, as every other page's: MkDocs makes them absolute
        (from ``site_url``, else ``/``), which breaks a mirror or copy served under another path."""
        if template_name == "404.html":
            context["base_url"] = "."
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Add the CSP to every page; now and then, free what rendering pages left behind."""
        page.content = ""  # written: MkDocs would otherwise keep every page's HTML to the end
        self._now_and_then()
        return lock_down(output)

    steps = 0

    def _now_and_then(self) -> None:
        """Every GIVE_BACK_EVERY pages rendered or written, free what they left behind.

        Each page's Markdown converter is cyclic garbage; with the raised thresholds of
        memory.tune_gc it would pile up (1.7 GB at 10,000 pages) until a full collection.
        """
        self.steps += 1
        if self.steps % GIVE_BACK_EVERY == 0:
            memory.give_back()

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        """Add the CSP to theme pages such as 404.html."""
        return lock_down(output_content) if template_name.endswith(".html") else output_content

    live: Any = None
    """Set by :class:`generator.site.live.LiveSite`: it keeps the build's files, navigation and
    templates so that ``timeline serve`` can rebuild single pages."""

    def on_files(self, files: Any, config: Any) -> Any:
        """Hand the build's files to a live site."""
        if self.live is not None:
            self.live.files = files
        return files

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        """Hand the build's navigation to a live site; keep the site's files and navigation out of
        the collections that follow, until the build ends (see :func:`memory.keep_for_good`)."""
        if self.live is not None:
            self.live.nav = nav
        memory.keep_for_good()
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        """Give the theme's templates the catalogue's words in the build's language (``theme.language``),
        and hand the build's template environment to a live site."""
        language = config["theme"]["language"]
        words.install_theme(env, language if language in languages.LANGUAGES else languages.DEFAULT)
        if self.live is not None:
            self.live.env = env
        return env

    def on_post_build(self, config: Any) -> None:
        """Let the collector see every object again (see :meth:`on_nav`): ``serve`` lives on, and
        what stays frozen is never collected."""
        memory.let_go()

    def on_build_error(self, error: Exception) -> None:
        """As :meth:`on_post_build`, when the build fails."""
        memory.let_go()

"""What the hostile-input tests share: throwaway projects, real builds, and a scanner for built sites.

Every build happens in a temporary copy of the project (``mkdocs.yml``, ``docs/`` without
``docs/generated*``, ``CONTRIBUTING.md``), never in the checkout's ``site/`` or ``docs/generated/``.

The scanner (:func:`scan_site`) reads every file of a built site and reports, as plain strings,
anything a contributor's text could use to attack a reader: a script that is not the theme's own,
an event-handler attribute, a ``javascript:``/``data:`` URL, an element that loads or embeds
another origin, a URL to another origin anywhere but in a link the reader clicks, duplicate ids
(DOM clobbering), a formula in the CSV download, or a file that does not parse.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator import languages, pipeline
from generator.project import Project

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent
VALID_EVENT = CORPUS / "valid-event.yaml"
"""A valid event (id 2024-01-15-..., date 2024-01-15) that setup cases install under other names."""
MARKUP = '</title><script>alert(1)</script>"><img src=x onerror=alert(1)>'
"""The markup payload most inert cases carry in a plain-text field."""
SOURCE_DATE_EPOCH = "1700000000"
"""Pinned for in-process builds, so that no build asks git and none leaks the variable to later tests."""


def load_cases() -> list[dict[str, Any]]:
    """The corpus manifest, tests/hostile/cases.yaml (our own file: safe_load is enough)."""
    return list(yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))["cases"])


def new_project(root: Path, tags: Path | None = None) -> Project:
    """A copy of the project's configuration in ``root`` with an empty timeline and a tag vocabulary."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy2(REPO / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    shutil.copytree(REPO / "docs", root / "docs", ignore=_skip_generated)
    (root / "timeline").mkdir()
    shutil.copy2(tags or REPO / "timeline" / "tags.yaml", root / "timeline" / "tags.yaml")
    return Project(root)


def _skip_generated(folder: str, names: list[str]) -> set[str]:
    if Path(folder).resolve() != (REPO / "docs").resolve():
        return set()
    return {name for name in names if name == "generated" or name.startswith("generated.")}


def install(timeline: Path, relative: str, data: bytes) -> Path:
    """Write ``data`` as ``timeline/<relative>`` (for example ``2024/2024-01-15-x.yaml``)."""
    target = timeline / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


@contextlib.contextmanager
def environment(**values: str | None) -> Iterator[None]:
    """Set (or, with None, remove) environment variables for the duration, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build(project: Project, cache: Path, site: Path | None = None) -> pipeline.Run:
    """``timeline build`` in-process, with a private check cache and a pinned SOURCE_DATE_EPOCH."""
    with environment(XDG_CACHE_HOME=str(cache), SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH):
        return pipeline.build(project, project.timeline, site or project.site)


_BUILT: dict[str, tuple[Project, pipeline.Run]] = {}


def built_once(key: str, make: Callable[[], tuple[Project, pipeline.Run]]) -> tuple[Project, pipeline.Run]:
    """A site built by ``make`` once per test process, shared by the test modules that read it."""
    if key not in _BUILT:
        _BUILT[key] = make()
    return _BUILT[key]


def inert_case_bytes(case: dict[str, Any]) -> bytes:
    """An inert case's file as it joins the shared site.

    One address is described the same way by every event that cites it (a cross-file rule), and
    each case gives the shared example source its own hostile headline or publisher: each file of
    the one site therefore cites an address of its own.
    """
    data = (CORPUS / case["file"]).read_bytes()
    own = f"url: https://example.org/{Path(case['file']).stem}\n".encode()
    return data.replace(b"url: https://example.org/article\n", own)


def inert_site(root: Path) -> tuple[Project, pipeline.Run]:
    """Every inert case of the corpus built into one real site (with the hostile tag vocabulary)."""
    project = new_project(root / "project", tags=CORPUS / "tags" / "inert-site.yaml")
    for case in load_cases():
        if case["outcome"] == "inert":
            name = Path(case["file"]).name
            install(project.timeline, f"{name[:4]}/{name}", inert_case_bytes(case))
    return project, build(project, root / "cache")


def bundled_site(root: Path) -> tuple[Project, pipeline.Run]:
    """The real, bundled timeline built into a temporary project."""
    project = new_project(root / "project")
    shutil.rmtree(project.timeline)
    shutil.copytree(REPO / "timeline", project.timeline)
    return project, build(project, root / "cache")


# ---------------------------------------------------------------- reading built pages


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """What a reader sees: the text outside scripts and styles, entities decoded, spaces collapsed."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return squash("".join(parser.parts))


def squash(text: str) -> str:
    """Runs of white space as one space."""
    return " ".join(text.split())


@dataclass
class Element:
    """A start tag as the HTML parser saw it."""

    tag: str
    attrs: list[tuple[str, str | None]]
    text: str = ""
    """For script and style elements, their content."""

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.odd: list[str] = []
        self._open: Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs)
        self.elements.append(element)
        if tag in ("script", "style"):
            self._open = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open.tag:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.text += data

    def handle_comment(self, data: str) -> None:
        if data.strip().startswith("[if"):
            self.odd.append(f"conditional comment {data[:40]!r}")

    def handle_pi(self, data: str) -> None:
        self.odd.append(f"processing instruction {data[:40]!r}")


def elements(html: str) -> tuple[list[Element], list[str]]:
    """Every start tag of ``html``, and any construct a browser might treat specially."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements, parser.odd


# ---------------------------------------------------------------- the scanner

THEME_INLINE_SCRIPTS = (
    re.compile(r'__md_scope=new URL\("[./]*",location\),'),
    re.compile(r'var palette=__md_get\("__palette"\);'),
    re.compile(r"var target=document\.getElementById\(location\.hash\.slice\(1\)\);"),
)
"""The inline scripts Material's templates write (independent of the plugin's own list on purpose)."""
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "longdesc",
    "xlink:href",
    "ping",
    "manifest",
    "codebase",
    "icon",
    "srcset",
    "imagesrcset",
    "archive",
}
EMBEDDING = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "portal",
    "audio",
    "video",
    "source",
    "track",
    "img",
    "image",
    "picture",
    "math",
}
"""Elements that load or embed something; none belongs in this site (icons are inline SVG)."""
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|file|blob|filesystem):", re.I)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CSP_HASH = re.compile(r"'(sha256-[A-Za-z0-9+/=]+)'")


def _scheme_of(value: str) -> str:
    """The URL with the characters browsers ignore removed, for scheme checks."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value)


def _is_other_origin(value: str) -> bool:
    cleaned = _scheme_of(value).replace("\\", "/")
    return cleaned.startswith("//") or bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", cleaned))


def scan_html(
    html: str, where: str, *, page: bool = True, site: Path | None = None, path: Path | None = None
) -> list[str]:
    """Findings for one HTML document (``page``) or fragment (feed content)."""
    found: list[str] = []
    parsed, odd = elements(html)
    found += [f"{where}: {item}" for item in odd]
    scripts = [e for e in parsed if e.tag == "script"]
    if len(re.findall(r"<script\b", html, re.I)) != len(scripts):
        found.append(f"{where}: '<script' appears outside a script element (unescaped text?)")
    allowed_hashes: set[str] = set()
    for script in scripts:
        kind = (script.get("type") or "").lower()
        src = script.get("src")
        if not page:
            found.append(f"{where}: script element in a fragment")
        elif src is not None:
            if not _theme_file(src, site, path):
                found.append(f"{where}: script src {src!r} is not a script of this site's theme")
        elif kind in DATA_SCRIPT_TYPES:
            try:
                json.loads(script.text)
            except ValueError:
                found.append(f"{where}: {kind} script is not valid JSON (was it cut short?)")
            if "<" in script.text:
                found.append(f"{where}: '<' inside a {kind} script")
        elif any(p.match(script.text) for p in THEME_INLINE_SCRIPTS):
            digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
            allowed_hashes.add(f"sha256-{digest}")
        else:
            found.append(f"{where}: inline script that is not the theme's: {script.text[:60]!r}")
    ids: dict[str, int] = {}
    csp = None
    for element in parsed:
        if element.tag in EMBEDDING:
            src = element.get("src") or element.get("data") or ""
            found.append(f"{where}: <{element.tag}> element {src[:60]!r}")
        if element.tag == "meta":
            equiv = (element.get("http-equiv") or "").lower()
            if equiv == "content-security-policy":
                csp = element.get("content") or ""
            elif equiv:
                found.append(f"{where}: <meta http-equiv={equiv!r}>")
        for name, value in element.attrs:
            value = value or ""
            if name.startswith("on"):
                found.append(f"{where}: event handler attribute {name}= on <{element.tag}>")
            if name == "id":
                ids[value] = ids.get(value, 0) + 1
            if name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.I):
                found.append(f"{where}: style attribute that loads something: {value[:60]!r}")
            if name in URL_ATTRIBUTES:
                if BAD_SCHEME.match(_scheme_of(value)):
                    found.append(f"{where}: {name}={value[:60]!r} on <{element.tag}>")
                clicked = element.tag == "a" and name == "href"
                if not clicked and _is_other_origin(value):
                    found.append(f"{where}: {name}={value[:60]!r} on <{element.tag}> requests another origin")
        if element.tag == "style" and re.search(r"@import|url\s*\(\s*['\"]?\s*(https?:)?//", element.text, re.I):
            found.append(f"{where}: <style> that loads from another origin")
    found += [
        f"{where}: id {name!r} is used {count} times (DOM clobbering)" for name, count in ids.items() if count > 1
    ]
    if page:
        if csp is None:
            found.append(f"{where}: no Content-Security-Policy")
        else:
            listed = set(_CSP_HASH.findall(csp))
            if listed != allowed_hashes:
                found.append(
                    f"{where}: the CSP allows inline scripts {sorted(listed - allowed_hashes)} that are not "
                    f"the theme's, or misses {sorted(allowed_hashes - listed)}"
                )
            if "default-src 'self'" not in csp:
                found.append(f"{where}: the CSP does not restrict requests to this site")
    return found


def _theme_file(src: str, site: Path | None, path: Path | None) -> bool:
    """A relative script URL that names a file of the built site under assets/ (theme or docs/assets),
    at its root or at the root of a language's site (``ru/assets/``)."""
    if _is_other_origin(src) or site is None or path is None or "?" in src or "#" in src:
        return False
    target = (site / src.lstrip("/")) if src.startswith("/") else (path.parent / src)
    try:
        relative = target.resolve().relative_to(site.resolve())
    except ValueError:
        return False
    parts = relative.parts[1:] if relative.parts[:1] and relative.parts[0] in languages.TRANSLATED else relative.parts
    return parts[:1] == ("assets",) and target.is_file()


def _scan_atom(data: bytes, where: str) -> list[str]:
    found: list[str] = []
    root = ElementTree.fromstring(data)  # our own output, without a DTD
    atom = "{http://www.w3.org/2005/Atom}"
    for link in root.iter(f"{atom}link"):
        if _is_other_origin(link.get("href", "")):
            found.append(f"{where}: feed link to another origin {link.get('href')!r}")
    for content in root.iter(f"{atom}content"):
        found += scan_html(content.text or "", f"{where} (entry content)", page=False)
    return found


def _scan_json_feed(data: bytes, where: str) -> list[str]:
    found: list[str] = []
    for item in json.loads(data)["items"]:
        found += scan_html(item.get("content_html", ""), f"{where} (item content)", page=False)
        for key in ("url", "external_url"):
            if key in item and _is_other_origin(item[key]):
                found.append(f"{where}: item {key} to another origin {item[key]!r}")
    return found


def formula_cells(data: str) -> list[str]:
    """Every cell a spreadsheet would run as a formula, however it splits the lines: at a comma,
    a semicolon, a tab or a pipe, honouring the quotes or not, trimming spaces and quote marks or not."""
    found: list[str] = []
    for separator in ",;\t|":
        for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_NONE):
            reader = csv.reader(io.StringIO(data), delimiter=separator, quoting=quoting, escapechar=None)
            for row in reader:
                for cell in row:
                    for shown in (cell, cell.lstrip(" \u00a0"), cell.strip().lstrip('"').lstrip()):
                        if shown.startswith(FORMULA_START):
                            found.append(f"{separator!r}: {shown[:40]!r}")
    return found


def _scan_csv(data: bytes, where: str) -> list[str]:
    return [f"{where}: a spreadsheet would run {cell} as a formula" for cell in formula_cells(data.decode("utf-8"))]


def _scan_pagefind_fragment(data: bytes, where: str) -> list[str]:
    raw = gzip.decompress(data)
    if not raw.startswith(b"pagefind_dcd"):
        return [f"{where}: not a Pagefind fragment"]
    fragment = json.loads(raw[len(b"pagefind_dcd") :])
    url = str(fragment.get("url", ""))
    # Content and titles are plain text: docs/assets/search.js shows them with textContent only.
    return [f"{where}: result URL {url!r} leaves the site"] if _is_other_origin(url) or BAD_SCHEME.match(url) else []


ASSET_SUFFIXES = {".js", ".map", ".png", ".ico", ".pf_index", ".pf_meta", ".pagefind", ".txt"}
"""Files copied from the theme, Pagefind or docs/ as they are: contributors' text never reaches them."""


@dataclass
class Scan:
    """What :func:`scan_site` found, and what it looked at (so a test can tell it is not vacuous)."""

    findings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _scan_research_file(site: Path, path: Path, data: bytes, where: str) -> list[str]:
    """A citation parses back as one entry; the offline zip unpacks only into its folder; its digest is right."""
    import hashlib
    import zipfile

    import bibtexparser
    import rispy

    if path.suffix == ".bib":
        entries = bibtexparser.loads(data.decode("utf-8")).entries
        return [] if len(entries) == 1 else [f"{where}: {len(entries)} BibTeX entries"]
    if path.suffix == ".ris":
        records = rispy.loads(data.decode("utf-8"))
        return [] if len(records) == 1 else [f"{where}: {len(records)} RIS records"]
    if path.suffix == ".sha256":
        digest = hashlib.sha256(path.with_suffix("").read_bytes()).hexdigest()
        return [] if data.decode() == f"{digest}  {path.with_suffix('').name}\n" else [f"{where}: wrong digest"]
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    folder = path.name.removesuffix(".zip") + "/"
    strays = [n for n in names if not n.startswith(folder) or ".." in PurePosixPath(n).parts or "\\" in n]
    return [f"{where}: entry outside its folder: {n}" for n in strays]


def scan_site(site: Path) -> Scan:
    """Scan every file of a built site."""
    scan = Scan()
    for path in sorted(p for p in site.rglob("*") if p.is_file() or p.is_symlink()):
        where = PurePosixPath(path.relative_to(site)).as_posix()
        suffix = path.suffix
        scan.counts[suffix] = scan.counts.get(suffix, 0) + 1
        if path.is_symlink():
            scan.findings.append(f"{where}: symbolic link in the site")
            continue
        data = path.read_bytes()
        if b"root:x:0:0:" in data:
            scan.findings.append(f"{where}: holds /etc/passwd")
        try:
            if suffix == ".html":
                scan.findings += scan_html(data.decode("utf-8"), where, site=site, path=path)
            elif where == "feed.xml" or (where.startswith("feed-") and suffix == ".xml"):
                scan.findings += _scan_atom(data, where)
            elif where == "feed.json" or (where.startswith("feed-") and suffix == ".json"):
                scan.findings += _scan_json_feed(data, where)
            elif suffix in {".bib", ".ris", ".zip", ".sha256"}:
                scan.findings += _scan_research_file(site, path, data, where)
            elif suffix == ".xml":
                ElementTree.fromstring(data)
            elif suffix == ".gz":
                ElementTree.fromstring(gzip.decompress(data))
            elif suffix == ".json":
                json.loads(data)
            elif suffix == ".csv":
                scan.findings += _scan_csv(data, where)
            elif suffix == ".pf_fragment":
                scan.findings += _scan_pagefind_fragment(data, where)
            elif suffix == ".css":
                text = data.decode("utf-8")
                for match in re.finditer(r"url\(\s*['\"]?([^'\")]*)|@import\s+['\"]([^'\"]*)", text):
                    target = match.group(1) or match.group(2) or ""
                    if _is_other_origin(target) and not target.startswith("data:"):
                        scan.findings.append(f"{where}: CSS loads {target[:60]!r}")
            elif suffix == ".svg":
                scan.findings += scan_html(data.decode("utf-8"), where, page=False)
            elif suffix in ASSET_SUFFIXES:
                parts = PurePosixPath(where).parts
                parts = parts[1:] if parts[0] in languages.TRANSLATED else parts  # each language's site
                if parts[0] not in ("assets", "pagefind") and suffix in (".js", ".map"):
                    scan.findings.append(f"{where}: script outside assets/ and pagefind/")
            else:
                scan.findings.append(f"{where}: unexpected file type")
        except (ValueError, ElementTree.ParseError, UnicodeDecodeError, OSError, KeyError, TypeError) as exc:
            scan.findings.append(f"{where}: does not parse: {exc}")
    return scan

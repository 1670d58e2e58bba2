"""The offline copy: the whole built site as a zip that works from a disk (``file://``).

Material's offline plugin is not used: it adds a script from another origin to every page. A
site built with directory addresses links to ``events/<id>/``, which a browser opening files
shows as a folder listing, so in the copy every link to a folder names its ``index.html``
(links stay relative, so the copy also works as a mirror under any path). The zip is
reproducible: entries sorted, one fixed timestamp and fixed permissions, so two builds of the
same input give the same bytes, and its SHA-256 is published next to it.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path, PurePosixPath

from generator.renderer import urls

FOLDER = PurePosixPath(urls.OFFLINE_ZIP).name.removesuffix(".zip")
"""The folder the copy unpacks into."""
TIMESTAMP = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip can record: every entry has it, so the bytes do not depend on when."""
_ATTRIBUTE = re.compile(rb"""(\s(?:href|src|action)=)(["'])(.*?)\2""", re.S)
_ALTERNATE = re.compile(rb"""<link rel="alternate"[^>]*>""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def file_link(value: str) -> str:
    """A relative link to a folder made a link to its ``index.html``; anything else unchanged."""
    if not value or value.startswith(("#", "/", "?")) or _SCHEME.match(value):
        return value  # another origin, the page itself, or an absolute path (none is written)
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    path, rest = value[:cut], value[cut:]
    if path.endswith("/"):
        path += "index.html"
    elif path in {".", ".."} or path.endswith(("/.", "/..")):
        path += "/index.html"
    return path + rest


def relink(html: bytes) -> bytes:
    """Every ``href``, ``src`` and ``action`` of a page, through :func:`file_link`, without the feed links.

    Material's script takes each ``<link rel="alternate">`` for another language of the site and
    fetches ``sitemap.xml`` beside it, which a browser refuses from a disk; a feed reader does not
    read a disk either, so the copy's pages leave them out (the visible links to the feeds stay).
    """
    html = _ALTERNATE.sub(b"", html)

    def replace(match: re.Match[bytes]) -> bytes:
        target = file_link(match.group(3).decode("utf-8")).encode("utf-8")
        return match.group(1) + match.group(2) + target + match.group(2)

    return _ATTRIBUTE.sub(replace, html)


def write_offline_copy(site: Path) -> None:
    """Write the zip of ``site`` and its SHA-256 into ``site`` itself (the copy leaves both out)."""
    target = site / urls.OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    skip = {urls.OFFLINE_ZIP, urls.OFFLINE_SHA256}
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and not p.is_symlink())
    with zipfile.ZipFile(target, "w") as archive:
        for name in paths:
            if name in skip:
                continue
            data = (site / name).read_bytes()
            if name.endswith(".html"):
                data = relink(data)
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever builds it, so the permissions below mean the same
            info.external_attr = 0o100644 << 16  # a plain file, rw-r--r--
            archive.writestr(info, data, compresslevel=6)
    with target.open("rb") as written:  # read in blocks: the zip of a large three-language site is hundreds of MB
        digest = hashlib.file_digest(written, "sha256").hexdigest()
    (site / urls.OFFLINE_SHA256).write_text(f"{digest}  {target.name}\n", encoding="utf-8")

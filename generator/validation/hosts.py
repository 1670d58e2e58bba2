"""Which hosts may be cited: the list of refused hosts, and hosts that look like copies.

``timeline/refused-hosts.yaml`` lists hosts that must never be cited (content farms that rewrite
other outlets' stories, mirrors and proxies, preview and staging copies), each with its reason. A
source on a listed host, or on a subdomain of one, is refused. Hosts the list does not name but
that look like copies (cloud storage or app hosting serving someone else's site, web proxies,
staging and preview hosts) get a warning, so that a reviewer looks twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.loader.files import display
from generator.loader.nodes import Mapping, Scalar, load
from generator.problems import Problem

LOOKALIKE_SUFFIXES = (
    ".storage.googleapis.com",
    "storage.googleapis.com",
    ".s3.amazonaws.com",
    ".blob.core.windows.net",
    ".appspot.com",
    ".herokuapp.com",
    ".netlify.app",
    ".vercel.app",
    ".pages.dev",
    ".workers.dev",
    ".web.app",
    ".firebaseapp.com",
    ".translate.goog",
    ".ampproject.org",
    ".onion",
    ".run.app",
    ".cloudfront.net",
    ".amplifyapp.com",
    ".pangea-cms.com",
    ".ceno.life",
)
"""Cloud storage, app hosting and proxy domains: an outlet's story served from one is a copy."""
LOOKALIKE_LABELS = re.compile(r"(^|[.-])(staging|preview|dev|qa|test|mirror|proxy|zerkalo|zerkal0)([0-9]*)([.-]|$)")
"""Host labels that name a copy of a site rather than the site."""


@dataclass(frozen=True, kw_only=True)
class RefusedHost:
    """A host that must never be cited."""

    host: str
    """The host name, lowercase; its subdomains are refused too."""
    reason: str
    """Why, in a few words, shown to the contributor."""


def host_of(url: str) -> str:
    """The lowercase host of an address, without a port."""
    return (urlsplit(url).hostname or "").lower()


def refused(host: str, hosts: dict[str, RefusedHost]) -> RefusedHost | None:
    """The list entry that refuses ``host`` (the host itself or a parent domain), if any."""
    labels = host.split(".")
    for start in range(len(labels) - 1):
        entry = hosts.get(".".join(labels[start:]))
        if entry is not None:
            return entry
    return None


def looks_like_a_copy(host: str) -> bool:
    """True for hosts that look like a mirror, a proxy or a staging copy."""
    return host.endswith(".") or host.endswith(LOOKALIKE_SUFFIXES) or bool(LOOKALIKE_LABELS.search(host))


def load_refused_hosts(path: Path | None) -> tuple[dict[str, RefusedHost], list[Problem]]:
    """The refused hosts by name, and the problems with the file (a missing file lists none)."""
    if path is None:
        return {}, []
    shown = display(path)
    document = load(path, shown)
    if document.root is None:
        return {}, document.problems
    if not isinstance(document.root, Mapping):
        return {}, [Problem(shown, 1, 1, "", "expected a mapping of hosts to their reason")]
    hosts: dict[str, RefusedHost] = {}
    problems: list[Problem] = []
    for host, node in document.root.items.items():
        line, col = document.root.key_positions[host]
        reason = node.items.get("reason") if isinstance(node, Mapping) else None
        if host != host.lower() or not re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?", host):
            problems.append(Problem(shown, line, col, host, "expected a host name in lowercase, such as example.com"))
        elif not isinstance(reason, Scalar) or not isinstance(reason.value, str) or not reason.value.strip():
            problems.append(Problem(shown, line, col, host, "give a reason: 'reason: content farm rewriting ...'"))
        else:
            hosts[host] = RefusedHost(host=host, reason=reason.value)
    return hosts, problems

"""Why an event has its status: the counts a reader weighs it by, and the methodology's rules.

Computed from the claims alone, on plain values, so that ``check`` (on the file's data, before
any model exists) and the site (on the model) count the same way. A publication is the outlet
whose story it is: the original publisher of a republished story, else the publisher; sources
whose publisher is not identified each count as a publication of their own.

Independent claimants are counted as the largest number of claimants that can each be matched
to a publication of their own: claimants relayed through the same publication count once, so
five claims that all reached us through one article are one independent claimant, not five.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.model import Event

NOT_IDENTIFIED = "not identified"
"""The publisher written when a source does not name one (compared case-insensitively)."""
DENYING_KINDS = frozenset({"russian-government", "state-media"})
"""Claimant kinds that speak for the party with most reason to deny what the timeline records."""


@dataclass(frozen=True, kw_only=True)
class ClaimFacts:
    """What the basis needs to know about one claim."""

    by: str
    kind: str
    status: str
    publications: frozenset[str]
    """The claim's sources, as publication keys."""


@dataclass(frozen=True, kw_only=True)
class Basis:
    """The counts behind an event's status."""

    claimants: int
    """Distinct claimants (names compared case-insensitively)."""
    independent: int
    """Claimants who do not reach us through the same publication as another counted one."""
    publications: int
    """Distinct publications cited by the claims."""
    acknowledged: bool
    """A Russian state body or state outlet makes a claim that is not itself denied or disputed."""
    denied: bool
    """A claim has the status denied."""
    confirmed: bool
    """A claim has the status confirmed."""
    disputed: bool
    """A claim has the status disputed or denied."""
    russian_claims: int
    """Claims by Russian state bodies or state outlets."""


def publication(publisher: str, original_publisher: str | None, source_id: str) -> str:
    """The key a source counts under: whose story it is, or the source itself when nobody is named."""
    name = (original_publisher or publisher).strip().casefold()
    return f"\0{source_id}" if name == NOT_IDENTIFIED else name


def _matching(claimants: Mapping[str, frozenset[str]]) -> int:
    """The largest number of claimants each matched to a distinct publication (augmenting paths)."""
    owner: dict[str, str] = {}

    def place(claimant: str, seen: set[str]) -> bool:
        for pub in sorted(claimants[claimant]):
            if pub in seen:
                continue
            seen.add(pub)
            if pub not in owner or place(owner[pub], seen):
                owner[pub] = claimant
                return True
        return False

    return sum(1 for claimant in sorted(claimants) if place(claimant, set()))


def compute(claims: Iterable[ClaimFacts]) -> Basis:
    """The basis of a set of claims."""
    claims = list(claims)
    by: dict[str, frozenset[str]] = {}
    for claim in claims:
        key = claim.by.strip().casefold()
        by[key] = by.get(key, frozenset()) | claim.publications
    statuses = {claim.status for claim in claims}
    russian = [c for c in claims if c.kind in DENYING_KINDS]
    return Basis(
        claimants=len(by),
        independent=_matching(by),
        publications=len(frozenset().union(*by.values())) if by else 0,
        acknowledged=any(c.status not in {"denied", "disputed"} for c in russian),
        denied="denied" in statuses,
        confirmed="confirmed" in statuses,
        disputed=bool(statuses & {"disputed", "denied"}),
        russian_claims=len(russian),
    )


def of_event(event: Event) -> Basis:
    """The basis of an event's status."""
    keys = {s.id: publication(s.publisher, s.original_publisher, s.id) for s in event.sources}
    return compute(
        ClaimFacts(
            by=c.by,
            kind=c.kind,
            status=c.status,
            publications=frozenset(keys[s] for s in c.source_ids if s in keys),
        )
        for c in event.claims
    )


def facts_from_data(claims: Any, sources: Any) -> list[ClaimFacts] | None:
    """The facts of an event file's claims as ``check`` reads them; None when a field has the wrong type.

    The schema reports wrong types; counting a partial list could blame the wrong rule.
    """
    if not isinstance(claims, list) or not isinstance(sources, list):
        return None
    keys: dict[str, str] = {}
    for source in sources:
        if not isinstance(source, dict):
            return None
        sid, publisher, original = source.get("id"), source.get("publisher"), source.get("original_publisher")
        if isinstance(sid, str) and isinstance(publisher, str):
            keys[sid] = publication(publisher, original if isinstance(original, str) else None, sid)
    facts = []
    for claim in claims:
        fields = [claim.get(k) for k in ("by", "kind", "status")] if isinstance(claim, dict) else []
        cited = claim.get("sources") if isinstance(claim, dict) else None
        if not all(isinstance(v, str) for v in fields) or len(fields) != 3 or not isinstance(cited, list):
            return None
        pubs = frozenset(keys[s] for s in cited if isinstance(s, str) and s in keys)
        by, kind, status = (str(value) for value in fields)  # each checked to be a string above
        facts.append(ClaimFacts(by=by, kind=kind, status=status, publications=pubs))
    return facts


def mismatch(status: str, basis: Basis) -> str | None:
    """Why the claims cannot support ``status``, in plain words; None when they can (or data cannot tell)."""
    if status == "corroborated" and basis.independent < 2:
        if basis.claimants < 2:
            why = "all its claims come from one claimant"
        else:
            why = f"its {basis.claimants} claimants all reach us through the same publication"
        return (
            f"status is corroborated, but {why}; corroborated needs at least two claimants who cite "
            "different publications (several outlets relaying one claimant are one claimant). "
            "Use reported, or add a claim from an independent claimant with its own source"
        )
    if status == "confirmed" and not basis.confirmed:
        return (
            "status is confirmed, but no claim has the status confirmed; give the claim that confirms it "
            "(independent evidence, or an acknowledgement by the party with most reason to deny it) "
            "status: confirmed, or use another status"
        )
    if status == "denied" and not basis.denied:
        return "status is denied, but no claim has the status denied; add the denial as a claim with status: denied"
    if status == "disputed" and not basis.disputed:
        return (
            "status is disputed, but no claim is disputed or denied; mark the contradicted claim disputed, "
            "add the contradicting claim, or use another status"
        )
    return None

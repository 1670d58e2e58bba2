"""Contributor tools: ``timeline new``'s skeleton event file and its questions, ``timeline from-issue``'s
issue-form parser, and the field reference in ``CONTRIBUTING.md``."""

from generator.authoring.reference import MarkersError, render, replace
from generator.authoring.skeleton import SkeletonError, needs_content_note, skeleton

__all__ = ["MarkersError", "SkeletonError", "needs_content_note", "render", "replace", "skeleton"]

"""``timeline serve``: regenerate only what an edit changed, and let MkDocs serve it with live reload."""

from generator.preview.incremental import Regenerator

__all__ = ["Regenerator"]

"""The timeline to ``{path: text}``, pure: Markdown pages, data downloads and feeds.

:mod:`generator.renderer.urls` owns every page's address; :mod:`generator.renderer.words`
every display word. Nothing here writes a file.
"""

from generator.renderer.outputs import generate, generated_files, other_files
from generator.renderer.pages import SiteRenderer, render_site

__all__ = ["SiteRenderer", "generate", "generated_files", "other_files", "render_site"]

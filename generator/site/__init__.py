"""MkDocs: builds the generated folder into a site in a staging folder and swaps it in.

The MkDocs plugin (:mod:`generator.site.plugin`, loaded by MkDocs through its entry point)
sanitises every page and sets the Content-Security-Policy; once every language's MkDocs build
has ended, :mod:`generator.site.search` makes each language's search index.
"""

from generator.site.build import BuildResult, build_site
from generator.site.memory import in_fresh_process, tune_gc

__all__ = ["BuildResult", "build_site", "in_fresh_process", "tune_gc"]

"""MkDocs: builds the generated folder into a site in a staging folder and swaps it in.

The MkDocs plugin (:mod:`generator.site.plugin`, loaded by MkDocs through its entry point)
sanitises every page, sets the Content-Security-Policy and builds the search index.
"""

from generator.site.build import BuildResult, build_site, tune_gc

__all__ = ["BuildResult", "build_site", "tune_gc"]

"""Contributor Markdown to HTML, for the places that need HTML rather than Markdown.

Feeds carry HTML, and an English summary on a Russian page sits in a ``<div lang="en">``,
inside which MkDocs renders no Markdown. Both use the site's extensions, so that a summary
means the same there as on its page (and as in the check): without fenced_code, an image
the check saw inside a code fence would become a real image here.
"""

from __future__ import annotations

import markdown

from generator.validation.markdown import SITE_EXTENSIONS

_MD = markdown.Markdown(extensions=list(SITE_EXTENSIONS), output_format="html")
_MD.preprocessors.deregister("html_block")  # contributor HTML stays text
_MD.inlinePatterns.deregister("html")


def markdown_html(text: str) -> str:
    """``text`` (checked contributor Markdown) as HTML; its own HTML stays text."""
    _MD.reset()
    return _MD.convert(text)

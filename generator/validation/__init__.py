"""Every rule on every file, then the model: from loaded nodes to frozen events.

All rules run on all files before anything is written, so a contributor sees every
problem at once. The schema, the Markdown and text rules, the tag vocabulary and the
content-keyed check cache live here too.
"""

from generator.validation.folder import Memory, Result, validate

__all__ = ["Memory", "Result", "validate"]

"""Files to nodes: finds event files and reads each into inert, position-carrying nodes.

The first stage. It refuses links, special files, anchors, aliases, tags and oversized
input, and reads scalars the YAML 1.2 way editors do; it knows nothing of the event format.
"""

from generator.loader.files import TAGS_FILE, display, find
from generator.loader.nodes import Document, Mapping, Node, Scalar, Sequence, load, parse
from generator.loader.typed import scalar_value, to_data

__all__ = [
    "TAGS_FILE",
    "Document",
    "Mapping",
    "Node",
    "Scalar",
    "Sequence",
    "display",
    "find",
    "load",
    "parse",
    "scalar_value",
    "to_data",
]

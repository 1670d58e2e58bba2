"""Build a sourced, attributed timeline site from one YAML file per event.

The data flows through one module per stage:
loader -> validation -> model -> timeline -> renderer -> writer -> site.
Only :mod:`generator.cli` prints and exits.
"""

__version__ = "0.1.0"

"""Check loaded event files against every rule and build the model.

All rules run on all files before anything is written, so a contributor sees
every problem at once.
"""

from generator.validation.validate import Result, validate

__all__ = ["Result", "validate"]

"""The test suite. A package so that ``python -m tests.golden`` and ``from tests.helpers import ...`` work."""

"""Unit tests: one module per generator module, named after it."""

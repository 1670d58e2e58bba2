"""Every generator module imports on its own, first, in a fresh interpreter.

An import cycle (generator.validation.tags once imported generator.validation, which imported
generator.validation.tags) only shows when the module involved is the first one imported.
"""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO

MODULES = sorted(
    ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
    for path in (REPO / "generator").rglob("*.py")
    if path.name != "__main__.py"
)


def test_every_module_imports_first() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'generator' or m.startswith('generator.')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(MODULES) > 25

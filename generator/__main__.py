"""Allow ``python -m generator``, the same as the ``timeline`` command."""

from generator.cli import main

if __name__ == "__main__":  # not when a build's worker process imports it
    main()

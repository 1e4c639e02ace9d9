"""``python -m hometeams.cli`` runs the ``hometeams`` command."""

from __future__ import annotations

from hometeams.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

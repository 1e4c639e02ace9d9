"""``python -m hometeams``: the same as the ``hometeams`` command."""

from __future__ import annotations

from hometeams.cli import main

raise SystemExit(main())

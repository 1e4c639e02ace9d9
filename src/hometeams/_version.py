"""The library's version, at the bottom of the import graph so that any module may name it."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"

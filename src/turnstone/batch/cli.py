"""Commands of this part of Turnstone, added to the main ``turnstone`` app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""

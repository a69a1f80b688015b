"""Subcommands that work on a store without the interface (exports, status).

Each module here defines ``register(cli, export)`` and adds its commands to the ``coop-tui``
group or to its ``export`` subgroup; the CLI finds them all. Modules import their heavy
parts inside the commands, so ``coop-tui`` itself starts fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import click


def register_all(cli: click.Group, export: click.Group) -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}").register(cli, export)

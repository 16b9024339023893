"""Command-line options shared by several `shnor-site` commands."""

from __future__ import annotations

from pathlib import Path

import click

content_option = click.option(
    "--content", "content_dir", default="content", show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Папка с содержимым.")
config_option = click.option(
    "-f", "--config-file", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="Настройки MkDocs.")

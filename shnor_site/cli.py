"""The `shnor-site` command line: build, serve, check, schema, export, new."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .validate import load_catalogue

EXIT_DOC = """
Коды завершения: 0 — успешно; 1 — в содержимом найдены ошибки (или сборка не удалась);
2 — неверные аргументы команды.
"""


@click.group(epilog=EXIT_DOC)
@click.version_option(package_name="shnor-site")
def main() -> None:
    """Сайт программ поддержки школ с низкими образовательными результатами (ШНОР/ШНСУ)."""


@main.command(epilog=EXIT_DOC)
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Папка с содержимым.")
def check(content_dir: Path) -> None:
    """Проверить всё содержимое и перечислить все ошибки с файлом и строкой."""
    cat = load_catalogue(content_dir)
    for prob in cat.problems:
        click.echo(prob.format(), err=prob.severity == "error")
    if cat.errors:
        click.echo(f"Найдено ошибок: {len(cat.errors)}.", err=True)
        sys.exit(1)
    counts = ", ".join(f"{k}: {len(v)}" for k, v in sorted(cat.records.items()))
    click.echo(f"Содержимое в порядке ({counts}).")


@main.command(epilog=EXIT_DOC)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Записать схему в файл вместо вывода на экран.")
def schema(output: Path | None) -> None:
    """Вывести JSON Schema всех типов записей (для редакторов и проверки)."""
    from .schema import content_schema

    text = json.dumps(content_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)

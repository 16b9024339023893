"""`shnor-site import ФАЙЛ`: a programme document → YAML drafts and a report of what to check."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shnor_site.cli.options import content_option


@click.command("import")
@click.argument("file", metavar="ФАЙЛ", type=click.Path(exists=True, dir_okay=False,
                                                         path_type=Path))
@content_option
@click.option("--municipality", help="Муниципалитет программы (id), например «seversk»; "
              "без него определяется по тексту.")
@click.option("--id", "pid", help="Идентификатор программы и имя файла, например "
              "«seversk-2022»; без него — из имени файла.")
@click.option("--force", is_flag=True, help="Перезаписать уже существующие файлы.")
def import_command(file: Path, content_dir: Path, municipality: str | None, pid: str | None,
                   force: bool) -> None:
    """Перенести программу из DOCX, PDF (с текстовым слоем) или текста в черновик YAML.

    Пишет content/programmes/<id>.yml (что проверить — в списке review и в комментариях
    «# ПРОВЕРЬТЕ»), кладёт исходный документ в content/sources/ и печатает отчёт: какие
    строки черновика проверить и где это в документе.
    """
    from shnor_site.importer.errors import ImportFailed
    from shnor_site.importer.run import import_file

    if (pid is not None and not pid.replace("-", "").isalnum()) or (pid and pid != pid.lower()):
        click.echo(f"Идентификатор «{pid}»: только строчные латинские буквы, цифры и дефис.",
                   err=True)
        sys.exit(2)
    try:
        result = import_file(file, content_dir, pid=pid, municipality=municipality,
                             force=force)
    except ImportFailed as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(result.report, nl=False)

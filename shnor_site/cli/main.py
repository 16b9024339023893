"""The `shnor-site` command line: build, serve, check, schema, export, new."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from shnor_site.cli import russian
from shnor_site.cli.importer import import_command
from shnor_site.cli.options import config_option, content_option
from shnor_site.cli.practice import new_group
from shnor_site.content.validate import load_catalogue

russian.install()

EXIT_DOC = """
Коды завершения: 0 — успешно; 1 — в содержимом найдены ошибки (или сборка не удалась);
2 — неверные аргументы команды.
"""


@click.group(epilog=EXIT_DOC)
@click.version_option(package_name="shnor-site")
def main() -> None:
    """Сайт программ поддержки школ с низкими образовательными результатами (ШНОР/ШНСУ)."""


@main.command(epilog=EXIT_DOC)
@content_option
@click.option("--format", "fmt", type=click.Choice(["text", "github", "gitlab"]),
              default="text", show_default=True,
              help="github — аннотации GitHub Actions (::error file=…); gitlab — отчёт Code "
                   "Quality (JSON) для merge request.")
def check(content_dir: Path, fmt: str) -> None:
    """Проверить всё содержимое и перечислить все ошибки с файлом и строкой."""
    from shnor_site.cli.reports import github_annotation, gitlab_code_quality

    cat = load_catalogue(content_dir)
    if fmt == "gitlab":
        click.echo(gitlab_code_quality(cat.problems))
    elif fmt == "github":
        for prob in cat.problems:
            click.echo(github_annotation(prob))
    else:
        for prob in cat.problems:
            click.echo(prob.format(), err=prob.severity == "error")
    quiet = fmt == "gitlab"  # stdout is the report
    if cat.errors:
        click.echo(f"Найдено ошибок: {len(cat.errors)}.", err=True)
        sys.exit(1)
    counts = ", ".join(f"{k}: {len(v)}" for k, v in sorted(cat.records.items()))
    click.echo(f"Содержимое в порядке ({counts}).", err=quiet)


@main.command(epilog=EXIT_DOC)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Записать схему в файл вместо вывода на экран.")
@click.option("--practice", is_flag=True,
              help="Только заголовок файла практики (draft-07, docs/schema/practice.schema.json).")
def schema(output: Path | None, practice: bool) -> None:
    """Вывести JSON Schema всех типов записей (для редакторов и проверки)."""
    from shnor_site.core.practice_schema import schema_text
    from shnor_site.core.schema import content_schema

    text = json.dumps(content_schema(), ensure_ascii=False, indent=2) + "\n"
    text = schema_text() if practice else text
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command(epilog=EXIT_DOC)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Записать справочник в файл (обычно docs/fields.md); страницы программ "
              "и практик — рядом, в папку fields/.")
def fields(output: Path | None) -> None:
    """Справочник всех полей YAML на русском (создаётся из моделей)."""
    from shnor_site.core.fielddocs import field_pages, field_reference

    if not output:
        click.echo(field_reference(), nl=False)
        return
    for name, text in field_pages().items():
        path = output if name == "fields.md" else output.parent / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _report_content(cat: object) -> bool:
    """Print content problems; True when there are errors."""
    for prob in cat.problems:
        click.echo(prob.format(), err=True)
    if cat.errors:
        click.echo(f"Найдено ошибок: {len(cat.errors)}. Сайт не собран.", err=True)
    return bool(cat.errors)


@main.command(epilog=EXIT_DOC)
@config_option
@click.option("-d", "--site-dir", default="site", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Куда собрать сайт.")
@click.option("--no-search", is_flag=True, help="Не строить поисковый индекс.")
def build(config_file: Path, site_dir: Path, no_search: bool) -> None:
    """Собрать сайт в папку site/ (старая сборка заменяется только при успехе).

    Папки содержимого и шаблонов задаёт mkdocs.yml (плагин shnor).
    """
    from shnor_site.mkdocs_plugin.atomic import BuildError, atomic_build

    _setup_logging()
    if no_search:
        os.environ["SHNOR_SEARCH"] = "0"
    try:
        out = atomic_build(config_file, site_dir)
    except BuildError as exc:
        click.echo(f"Сборка не удалась: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(f"\nСборка прервана; прежняя папка {site_dir} не изменена.", err=True)
        sys.exit(130)
    click.echo(f"Сайт собран: {out}")


@main.command(epilog=EXIT_DOC)
@config_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Адрес и порт предпросмотра.")
@click.option("--full", is_flag=True,
              help="После каждой правки пересобирать все страницы, а не только изменившиеся "
                   "(нужно после правки оформления в overrides/).")
def serve(config_file: Path, dev_addr: str, full: bool) -> None:
    """Предпросмотр с обновлением при правке content/ и templates/.

    После правки заново строятся только страницы, текст которых изменился; предупреждения
    о ссылках показываются, но не останавливают предпросмотр.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    from shnor_site.mkdocs_plugin import atomic  # noqa: F401 - sets the MkDocs banner variables

    _setup_logging()
    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
                 build_type=None if full else "dirty", strict=False)


@main.command(epilog=EXIT_DOC)
@click.argument("out", metavar="ПАПКА", type=click.Path(file_okay=False, path_type=Path))
@content_option
@click.option("--templates", "templates_dir", default="templates", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Папка шаблонов.")
@click.option("--docs", "docs_dir", default="docs", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Папка docs/.")
def export(out: Path, content_dir: Path, templates_dir: Path, docs_dir: Path) -> None:
    """Выгрузить готовые Markdown-страницы (для переезда на другой генератор)."""
    from shnor_site.build.export import export_markdown

    cat = load_catalogue(content_dir)
    if _report_content(cat):
        sys.exit(1)
    n = export_markdown(cat, templates_dir, docs_dir, out)
    click.echo(f"Выгружено файлов: {n} → {out}")


def _setup_logging() -> None:
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(lambda record: "'dirty' build" not in record.getMessage())
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.WARNING)


main.add_command(new_group)
main.add_command(import_command)
russian.localise(main)

if __name__ == "__main__":
    main()

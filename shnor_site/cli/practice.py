"""`shnor-site new practice`: write a valid, commented practice file from flags or prompts."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import click

from shnor_site.cli.options import content_option
from shnor_site.cli.practice_file import render_practice, template_text
from shnor_site.cli.practice_wizard import NO_RESULTS
from shnor_site.core.models.base import ID_PATTERN
from shnor_site.core.models.practice import Cost, Evidence
from shnor_site.core.practices import FACET_BY_KEY, RESERVED_IDS, slugify
from shnor_site.core.problems import Problem


class RuDate(click.ParamType):
    """A date written as ГГГГ-ММ-ДД, explained in Russian when it is not one."""

    name = "дата"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        """How the help shows the value."""
        return "ГГГГ-ММ-ДД"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.datetime:
        """The date, or a Russian error with an example."""
        if isinstance(value, dt.datetime):
            return value
        try:
            return dt.datetime.strptime(str(value), "%Y-%m-%d")
        except ValueError:
            self.fail(f"«{value}» — не дата в виде ГГГГ-ММ-ДД (например, "
                      f"{dt.date.today():%Y-%m-%d}).", param, ctx)


#: Option name → (facet key, front matter field).
_FACET_OPTIONS = {"risks": "risk", "themes": "theme", "levels": "level", "subjects": "subject",
                  "audiences": "audience", "formats": "format"}


def _pick(key: str, given: tuple[str, ...]) -> list[str]:
    """Allowed values from a value, its slug or its number (1-based) in the list."""
    allowed = FACET_BY_KEY[key].values
    out = []
    for item in given:
        text = item.strip()
        found = next((v for v in allowed if text in (v, slugify(v))), None)
        if found is None and text.isdigit() and 1 <= int(text) <= len(allowed):
            found = allowed[int(text) - 1]
        if found is None:
            listing = "; ".join(f"{i}. {v}" for i, v in enumerate(allowed, 1))
            raise click.BadParameter(f"«{item}» нет в списке. Допустимо: {listing}.",
                                     param_hint=f"--{key}")
        if found not in out:
            out.append(found)
    return out


def _show_values(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for key in _FACET_OPTIONS.values():
        facet = FACET_BY_KEY[key]
        click.echo(f"--{key} ({facet.title}):")
        for i, v in enumerate(facet.values, 1):
            click.echo(f"  {i}. {v}  [{slugify(v)}]")
    ctx.exit(0)


def _write_template(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    value.parent.mkdir(parents=True, exist_ok=True)
    value.write_text(template_text(), encoding="utf-8")
    click.echo(f"Образец записан: {value}")
    ctx.exit(0)


def _check_refs(content: Path, municipality: str, schools: tuple[str, ...],
                programme: str | None) -> None:
    for folder, rid, opt in [("municipalities", municipality, "--municipality"),
                             *[("schools", s, "--school") for s in schools],
                             *([("programmes", programme, "--programme")] if programme else [])]:
        if not (content / folder / f"{rid}.yml").is_file():
            known = sorted(p.stem for p in (content / folder).glob("*.yml"))
            raise click.BadParameter(f"«{rid}» нет в {content / folder}. Есть: "
                                     + ", ".join(known), param_hint=opt)


@click.group("new")
def new_group() -> None:
    """Создать новую запись по образцу."""


@new_group.command("practice")
@click.option("--values", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_values, help="Показать допустимые значения признаков и выйти.")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
              expose_value=False, is_eager=True, callback=_write_template,
              help="Записать пустой образец для заполнения в браузере и выйти.")
@click.option("--id", "rid", help="Идентификатор и имя файла, например «kargasok-desanty».")
@click.option("--title", help="Название практики.")
@click.option("--municipality", help="Муниципалитет (id).")
@click.option("--summary", help="Краткое описание (один абзац).")
@click.option("--school", "schools", multiple=True, help="Школа (id); можно несколько раз.")
@click.option("--programme", help="Программа-источник (id).")
@click.option("--event", "events", multiple=True,
              help="Номер мероприятия, как в документе, или его якорь; можно несколько раз.")
@click.option("--document", help="Документ-источник, если практика не из программы сайта.")
@click.option("--risk", "risks", multiple=True, help="Риск-профиль: номер, название или slug.")
@click.option("--theme", "themes", multiple=True, help="Тема (см. --values).")
@click.option("--level", "levels", multiple=True, help="Уровень: НОО, ООО, СОО.")
@click.option("--subject", "subjects", multiple=True, help="Предмет (см. --values).")
@click.option("--audience", "audiences", multiple=True, help="Для кого (см. --values).")
@click.option("--format", "formats", multiple=True, help="Форма работы (см. --values).")
@click.option("--status", default="описана", show_default=True,
              type=click.Choice(FACET_BY_KEY["status"].values), help="Статус практики.")
@click.option("--author", "authors", multiple=True, help="Автор «Фамилия И.О.».")
@click.option("--added", type=RuDate(), help="Дата добавления (по умолчанию — сегодня).")
@click.option("--problem", help="Текст раздела «Проблема».")
@click.option("--done", help="Текст раздела «Что сделали».")
@click.option("--results", default=NO_RESULTS, show_default=True,
              help="Текст раздела «Результаты».")
@click.option("--cost", type=click.Choice(Cost.__args__), help="Затраты на внедрение.")
@click.option("--evidence", type=click.Choice(Evidence.__args__),
              help="Сила доказательств (без измерений — «описание без измерений»).")
@click.option("--howto", help="Текст раздела «Как повторить».")
@click.option("--materials", default="Материалы пока не опубликованы.", show_default=True,
              help="Текст раздела «Материалы».")
@content_option
@click.option("--force", is_flag=True, help="Перезаписать существующий файл.")
def new_practice(rid: str | None, content_dir: Path, force: bool, **opts: object) -> None:
    """Создать файл практики content/practices/<id>.md, который проходит проверку.

    Без параметров задаёт вопросы по очереди: муниципалитет, название, источник (программа и
    номера мероприятий), риск-профили и другие признаки (по номерам из списка), школы (по
    части названия), разделы, затраты и силу доказательств.
    """
    if opts["title"] is None and rid is None:
        from shnor_site.cli.practice_wizard import ask_practice

        values, sections = ask_practice(content_dir)
        rid = values["id"]
        values["added"] = dt.date.today().isoformat()
    else:
        missing = [f"--{k}" for k in ("title", "municipality", "summary", "problem", "done",
                                      "howto") if not opts[k]] + (["--id"] if not rid else [])
        if missing:
            raise click.UsageError("Не указаны: " + ", ".join(missing) + ". Или запустите "
                                   "«shnor-site new practice» без параметров — он спросит всё "
                                   "по очереди.")
        values, sections = _values(rid, opts), _sections(opts)
    if not re.fullmatch(ID_PATTERN, rid) or rid in RESERVED_IDS:
        raise click.BadParameter(f"«{rid}»: только строчные латинские буквы, цифры и дефис; "
                                 "нельзя: " + ", ".join(sorted(RESERVED_IDS)), param_hint="--id")
    target = content_dir / "practices" / f"{rid}.md"
    if target.exists() and not force:
        raise click.BadParameter(f"{target} уже есть (перезаписать: --force)", param_hint="--id")
    _check_refs(content_dir, str(values["municipality"]), tuple(values["schools"]),
                (values.get("source") or {}).get("programme"))
    if opts["events"] and not opts["programme"]:
        raise click.BadParameter("номера мероприятий без --programme", param_hint="--event")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_practice(values, sections), encoding="utf-8")
    _report(content_dir, target)


def _values(rid: str, opts: dict) -> dict:
    values = {"id": rid, "title": opts["title"], "summary": opts["summary"],
              "municipality": opts["municipality"], "schools": list(opts["schools"]),
              "authors": list(opts["authors"]), "status": opts["status"],
              "added": (opts["added"] or dt.datetime.now()).date().isoformat()}
    for option, key in _FACET_OPTIONS.items():
        values[FACET_BY_KEY[key].field] = _pick(key, opts[option])
    values["cost"] = opts["cost"]
    values["evidence"] = opts["evidence"] or (
        "описание без измерений" if opts["results"] == NO_RESULTS else None)
    if opts["programme"] or opts["document"]:
        values["source"] = {k: v for k, v in (("programme", opts["programme"]),
                                               ("events", list(opts["events"])),
                                               ("document", opts["document"])) if v}
    return values


def _sections(opts: dict) -> dict[str, str]:
    return {"Проблема": opts["problem"], "Что сделали": opts["done"],
            "Результаты": opts["results"], "Как повторить": opts["howto"],
            "Материалы": opts["materials"]}


def _report(content_dir: Path, target: Path) -> None:
    mine = _file_problems(content_dir, target)
    for prob in mine:
        click.echo(prob.format(), err=True)
    if mine:
        click.echo(f"Файл записан, но в нём есть ошибки: {target}", err=True)
        sys.exit(1)
    click.echo(f"Записано: {target}. Проверка пройдена; допишите разделы и предложите "
               "изменение (pull request).")


@new_group.command("practice-from-issue")
@click.argument("body_file", metavar="ФАЙЛ",
                type=click.Path(dir_okay=False, exists=True, path_type=Path))
@content_option
@click.option("--form", "form_file", default=".github/ISSUE_TEMPLATE/practice.yml",
              show_default=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Форма «Предложить практику».")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Записать итог по-русски (Markdown) для комментария к issue.")
@click.option("--github-output", "output_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Дописать file=… и id=… в файл вывода шага GitHub Actions.")
def practice_from_issue(body_file: Path, content_dir: Path, form_file: Path,
                        report_file: Path | None, output_file: Path | None) -> None:
    """Сделать файл практики из заполненной формы «Предложить практику» (текст issue).

    Файл записывается, только если он проходит проверку; иначе — список ошибок по-русски.
    """
    from shnor_site.cli.issue_form import read_form

    form = read_form(body_file.read_text(encoding="utf-8", errors="replace"), form_file,
                     content_dir, dt.date.today())
    target = content_dir / "practices" / f"{form.values['id']}.md"
    problems: list[str] = []
    if not form.errors:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_practice(form.values, form.sections), encoding="utf-8")
        problems = _file_problems(content_dir, target)
        if any(p.severity == "error" for p in problems):
            target.unlink()
    text = _issue_report(form, target, problems)
    if report_file:
        report_file.write_text(text, encoding="utf-8")
    click.echo(text)
    if target.exists() and output_file:
        with output_file.open("a", encoding="utf-8") as out:
            out.write(f"file={target.as_posix()}\nid={form.values['id']}\n")
    sys.exit(0 if target.exists() else 1)


def _file_problems(content_dir: Path, target: Path) -> list[Problem]:
    """The problems `shnor-site check` finds in one written file."""
    from shnor_site.content.validate import load_catalogue

    return [p for p in load_catalogue(content_dir).problems if Path(p.path).name == target.name]


def _issue_report(form: object, target: Path, problems: list[Problem]) -> str:
    """The Russian comment for the issue: what was made, or what to fix in the form."""
    errors = form.errors + [p.format() for p in problems if p.severity == "error"]
    lines = (["**Практику не удалось оформить автоматически.** Исправьте форму (кнопка "
              "«Edit» у описания issue) — проверка запустится снова:", ""]
             + [f"- {e}" for e in errors]) if errors else [
        f"**Файл практики готов:** `{target.as_posix()}`; проверка содержимого пройдена. "
        "Предложение изменений (pull request) открыто — методист проверит и опубликует."]
    notes = form.notes + [p.format() for p in problems if p.severity != "error"]
    if notes:
        lines += ["", "Обратите внимание:", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"

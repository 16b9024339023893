"""click's own words in Russian: usage, options, help, errors.

click takes its texts through gettext; here each of its modules gets a translation of its
own instead (the project ships no .mo files). A text without a translation stays as it is.
"""

from __future__ import annotations

import importlib

#: click's message ids (click 8.x) → Russian.
RUSSIAN = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Positional arguments": "Аргументы",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "%(prog)s, version %(version)s": "%(prog)s, версия %(version)s",
    "default: {default}": "по умолчанию: {default}",
    "required": "обязательно",
    "deprecated": "устарело",
    "env var: {var}": "переменная окружения: {var}",
    "Aborted!": "Прервано.",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: «{command} {option}».",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Invalid value: {message}": "Неверное значение: {message}",
    "Missing argument": "Не указан аргумент",
    "Missing option": "Не указан параметр",
    "Missing parameter": "Не указан параметр",
    "Missing parameter: {param_name}": "Не указан параметр: {param_name}",
    "Missing {param_type}": "Не указан {param_type}",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды: {name!r}.",
    "No such option {name!r}.": "Нет такого параметра: {name!r}.",
    "Option {name!r} does not take a value.": "Параметр {name!r} пишется без значения.",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Option {name!r} requires {nargs} arguments.": "Параметру {name!r} нужно значений: {nargs}.",
    "Got unexpected extra argument ({args})": "Лишний аргумент ({args})",
    "Got unexpected extra arguments ({args})": "Лишние аргументы ({args})",
    "Did you mean {possibility}?": "Может быть, {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Может быть, одно из: {possibilities}?)",
    "{value!r} is not one of {choices}.": "{value!r} — не из списка: {choices}.",
    "{value!r} is not {choice}.": "{value!r} — допустимо только {choice}.",
    "{value!r} does not match the format {format}.":
        "{value!r} не похоже на дату в виде {format}.",
    "{value!r} does not match the formats {formats}.":
        "{value!r} не похоже на дату в виде {formats}.",
    "{value!r} is not a valid {number_type}.": "{value!r} — не число.",
    "{value} is not in the range {range}.": "{value} — вне диапазона {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} не существует.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} — это папка.",
    "{name} {filename!r} is a file.": "{name} {filename!r} — это файл, а нужна папка.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} не читается.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} недоступен для записи.",
    "file": "файл", "directory": "папка", "path": "путь",
    "Repeat for confirmation": "Повторите для подтверждения",
    "Error: The value you entered was invalid.": "Ошибка: значение не подходит.",
    "Error: The two entered values do not match.": "Ошибка: два значения не совпадают.",
    "Error: invalid input": "Ошибка: ответ не понят",
    "Do you want to continue?": "Продолжить?",
    "Press any key to continue...": "Нажмите любую клавишу…",
    "Choose from:\n\t{choices}": "Выберите одно из:\n\t{choices}",
}
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
            "utils")


def gettext(message: str) -> str:
    """The Russian text of a click message, or the message itself."""
    return RUSSIAN.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Singular or plural click message in Russian."""
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Make every click module speak Russian."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


def _metavar(param: object) -> str | None:
    """A Russian placeholder for a value: ТЕКСТ, ФАЙЛ, ПАПКА, ЧИСЛО (choices keep theirs)."""
    import click

    kind = param.type
    if isinstance(kind, click.Path):
        return "ПАПКА" if not kind.file_okay else ("ФАЙЛ" if not kind.dir_okay else "ПУТЬ")
    if isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)):
        return "ЧИСЛО"
    if isinstance(kind, click.types.StringParamType):
        return "ТЕКСТ"
    return None


def localise(command: object) -> None:
    """Russian placeholders in the usage lines of a command and all its subcommands."""
    command.options_metavar = "[ПАРАМЕТРЫ]"
    for param in command.params:
        if param.metavar is None and not getattr(param, "is_flag", False):
            param.metavar = _metavar(param)
    if hasattr(command, "commands"):
        command.subcommand_metavar = "КОМАНДА [АРГУМЕНТЫ]..."
        for sub in command.commands.values():
            localise(sub)

"""Problems found in content: stable codes, Russian messages and hints."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

# code -> (short Russian title, default hint). Codes are stable: tests and CI
# annotations rely on them; wording may change.
CODES: dict[str, tuple[str, str]] = {
    "file-encoding": ("файл не в кодировке UTF-8",
                      "Сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → UTF-8)."),
    "file-empty": ("файл пуст", "Заполните файл по образцу или удалите его."),
    "file-too-large": ("файл слишком большой", "Разделите содержимое на несколько файлов."),
    "yaml-syntax": ("ошибка синтаксиса YAML",
                    "Проверьте отступы (только пробелы), двоеточие с пробелом после имени "
                    "поля и парные кавычки. Текст с двоеточием возьмите в кавычки или "
                    "запишите после «|» с новой строки."),
    "yaml-alias": ("в YAML используются ссылки (&/*)",
                   "Ссылки и повторы YAML не поддерживаются: напишите значение полностью."),
    "yaml-not-mapping": ("ожидается набор полей «имя: значение»",
                         "Файл должен начинаться с полей вида «id: …», «title: …»."),
    "front-matter": ("нет заголовка с полями",
                     "Файл практики начинается строкой «---», затем поля, затем снова «---»."),
    "missing-field": ("не заполнено обязательное поле", "Добавьте поле и его значение."),
    "unknown-field": ("неизвестное поле", "Проверьте написание имени поля."),
    "wrong-type": ("значение не того вида", "Проверьте, что записано: текст, список или поля."),
    "bad-id": ("недопустимый идентификатор",
               "Используйте только строчные латинские буквы, цифры и дефис: «seversk-soh-83»."),
    "id-filename": ("идентификатор не совпадает с именем файла",
                    "Назовите файл так же, как его id, с расширением .yml."),
    "bad-choice": ("значение не из списка", "Выберите одно из допустимых значений."),
    "bad-date": ("неверная дата", "Запишите дату в виде ГГГГ-ММ-ДД, например 2022-09-13."),
    "bad-url": ("неверная ссылка", "Ссылка должна начинаться с https:// или http://."),
    "bad-number": ("ожидается число", "Запишите число цифрами, например 2022."),
    "bad-value": ("недопустимое значение", "Исправьте значение по описанию поля."),
    "duplicate-id": ("идентификатор уже занят",
                     "У каждой записи свой id: переименуйте одну из записей."),
    "unknown-ref": ("ссылка на несуществующую запись",
                    "Проверьте id или создайте запись с таким id."),
    "wrong-ref-kind": ("ссылка на запись не того типа",
                       "Укажите id записи нужного типа."),
    "missing-source": ("не найден исходный документ",
                       "Положите текст документа в content/sources/ и проверьте путь."),
    "unsafe-html": ("небезопасная разметка удалена",
                    "Уберите из текста скрипты, обработчики событий и ссылки javascript:."),
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in content, located as precisely as the source allows."""

    path: str
    line: int | None
    code: str
    field: str = ""
    message: str = ""
    hint: str = ""
    severity: str = dataclasses.field(default="error", compare=False)

    def format(self) -> str:
        """`path:line: field: message [code]` followed by an indented hint."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        head = f"{where}: {self.field + ': ' if self.field else ''}{self.message} [{self.code}]"
        return f"{head}\n    Как исправить: {self.hint}" if self.hint else head


def problem(path: Path | str, code: str, *, line: int | None = None, field: str = "",
            detail: str = "", hint: str | None = None, severity: str = "error") -> Problem:
    """Build a Problem whose message is the code's title plus an optional detail."""
    title, default_hint = CODES[code]
    message = title[:1].upper() + title[1:] + (f": {detail}" if detail else "")
    return Problem(str(path), line, code, field, message,
                   default_hint if hint is None else hint, severity)

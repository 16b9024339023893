"""Problems found in content: stable codes, Russian messages and hints."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
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
               "Идентификатор (id) пишут строчными латинскими буквами, цифрами и дефисом: "
               "муниципалитет — «seversk», школа — «seversk-soh-83». Ids записей — имена их "
               "файлов в content/."),
    "id-filename": ("идентификатор не совпадает с именем файла",
                    "Назовите файл так же, как его id, с расширением .yml "
                    "(практику — с расширением .md)."),
    "bad-choice": ("значение не из списка", "Выберите одно из допустимых значений."),
    "bad-date": ("неверная дата", "Запишите дату в виде ГГГГ-ММ-ДД, например 2022-09-13."),
    "bad-url": ("неверная ссылка", "Ссылка должна начинаться с https:// или http:// и не "
                "содержать пробелов, кавычек и знаков < > [ ] ` (их записывают как %20, %22, "
                "%3C, %3E, %5B, %5D, %60)."),
    "not-https": ("адрес сайта должен начинаться с https://",
                  "Откройте сайт в браузере и скопируйте адрес из адресной строки: "
                  "официальные сайты школ и органов образования работают по https://."),
    "bad-phone": ("неверный номер телефона",
                  "Запишите номер с кодом города: цифры, пробелы, скобки и дефисы, 10 цифр "
                  "или 11 с 8 или +7 в начале, например «+7 (38253) 2-13-73». Один номер "
                  "в поле; добавочный номер напишите в «role»."),
    "bad-email": ("неверный адрес электронной почты",
                  "Запишите один адрес вида «имя@домен.ru» без пробелов."),
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
    "order-unknown": ("в списке порядка нет такой части программы",
                      "Пишите части так: approval, passport, indicators-1, text-2, monitoring, "
                      "schools, roadmap; строки паспорта — именами полей (goal, tasks…) или "
                      "названиями строк из extra дословно."),
    "order-duplicate": ("часть программы указана в порядке дважды",
                        "Оставьте одно упоминание: там, где эта часть стоит в документе."),
    "order-missing": ("часть программы не указана в списке порядка",
                      "Добавьте её в список на то место, где она стоит в документе "
                      "(в order или в passport.order)."),
    "unsafe-html": ("небезопасная разметка удалена",
                    "Уберите из текста скрипты, обработчики событий и ссылки javascript:."),
    "ignored-file": ("файл не будет прочитан",
                     "Записи лежат в папках content/<тип>/ в файлах <id>.yml (практики — "
                     "<id>.md, расширение строчными буквами). Переименуйте или перенесите "
                     "файл; черновик назовите с «_» в начале; лишний файл удалите."),
    "import-review": ("черновик после импорта: пункт не проверен",
                      "Проверьте это место черновика (рядом с ним комментарий «# ПРОВЕРЬТЕ»), "
                      "исправьте по документу и удалите пункт из списка review; пустой список "
                      "удалите вместе со строкой «review:»."),
    "abbr-unknown": ("сокращения нет в словаре content/glossary.yml",
                     "Добавьте в content/glossary.yml запись «- term: …» с расшифровкой "
                     "«meaning: …» (её увидят читатели при первом упоминании); если это "
                     "обычное слово, написанное заглавными буквами, впишите его в "
                     "«not_abbreviations»."),
    "glossary-duplicate": ("термин повторяется в словаре",
                           "Оставьте одну запись с этим термином."),
    # Practices of the bank (shnor_site/content/practice_check.py).
    "practice-not-markdown": ("практика записывается в файл .md с разделами",
                              "Переименуйте файл в <id>.md: сначала поля между строками «---», "
                              "затем разделы «## Проблема» … «## Материалы»."),
    "practice-text-outside": ("текст вне разделов практики",
                              "Название пишется в поле title, краткое описание — в summary; "
                              "остальной текст перенесите в один из разделов «## …»."),
    "practice-section-missing": ("нет раздела практики", "Добавьте раздел и его текст."),
    "practice-section-empty": ("раздел практики пуст",
                               "Напишите текст раздела. Если данных нет, так и напишите: "
                               "«Документ не приводит измеренных результатов»."),
    "practice-section-unknown": ("неизвестный раздел практики", "Проверьте заголовок раздела."),
    "practice-section-duplicate": ("раздел практики повторяется",
                                   "Объедините тексты под одним заголовком."),
    "practice-summary": ("краткое описание длиннее одного абзаца",
                         "В summary — один абзац до 700 знаков; подробности — в разделах."),
    "practice-source-empty": ("источник не указан",
                              "Укажите source.programme (id программы) или source.document."),
    "practice-events-without-programme": ("номера мероприятий без программы",
                                          "Добавьте source.programme — id программы, "
                                          "к которой относятся номера."),
    "practice-event-unknown": ("в программе нет мероприятия с таким номером",
                               "Проверьте номер на странице программы."),
    "practice-event-ambiguous": ("номер мероприятия повторяется в программе",
                                 "Укажите якорь мероприятия вместо номера."),
    "practice-municipality": ("другой муниципалитет",
                              "Школы и программа практики должны относиться к её муниципалитету."),
    "practice-review": ("неполные сведения о проверке",
                        "Заполните reviewed и reviewer вместе."),
    "practice-evidence-unmeasured": ("раздел «Результаты» говорит, что измерений нет, а "
                                     "сила доказательств не указана",
                                     "Укажите «evidence: описание без измерений»: на сайте "
                                     "это покажется вместо «нет данных»."),
    "practice-reserved-id": ("этот id занят разделом банка практик",
                             "Выберите другой id: select, risk, theme, level, subject, audience, "
                             "format, status, municipality и index заняты."),
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
        """`path:line: field: message [code]` followed by an indented hint.

        Control characters from file names or values are shown escaped (\\n, \\x1b,
        \\u202e), so a message always stays one line and cannot drive the terminal.
        """
        where = f"{self.path}:{self.line}" if self.line else self.path
        head = f"{where}: {self.field + ': ' if self.field else ''}{self.message} [{self.code}]"
        head, hint = printable(head), printable(self.hint)
        return f"{head}\n    Как исправить: {hint}" if hint else head


_UNPRINTABLE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def printable(text: str) -> str:
    """Text with control, format and undecodable characters escaped (file names, values)."""
    if text.isprintable():
        return text
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in _UNPRINTABLE else ch for ch in text)


def problem(path: Path | str, code: str, *, line: int | None = None, field: str = "",
            detail: str = "", hint: str | None = None, severity: str = "error") -> Problem:
    """Build a Problem whose message is the code's title plus an optional detail."""
    title, default_hint = CODES[code]
    message = title[:1].upper() + title[1:] + (f": {detail}" if detail else "")
    return Problem(str(path), line, code, field, message,
                   default_hint if hint is None else hint, severity)


def fmt_loc(loc: tuple[str | int, ...]) -> str:
    """`roadmap.sections[1].events[4].title` with 1-based list positions."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_loc(field: str) -> tuple[str | int, ...]:
    """The location `fmt_loc` wrote: `roadmap.sections[1].title` → ("roadmap", "sections",
    0, "title")."""
    return tuple(int(index) - 1 if index else name
                 for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field))

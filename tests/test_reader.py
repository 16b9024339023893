"""What a reader needs on a school page: contacts (validated), the events that apply to the
school, the programme's status, and abbreviations explained (glossary, check and marking)."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from shnor_site.build.abbr import Marker
from shnor_site.content.validate import load_catalogue
from shnor_site.core.models.glossary import abbreviations_in
from shnor_site.graph.link import build_graph
from shnor_site.graph.schools import (
    EVENT_MARKUP,
    PROGRAMME_MARKUP,
    SECTION_BUDGET,
    list_bytes,
    school_programmes,
    whom_to_ask,
    within_budget,
)
from shnor_site.graph.tracking import Schedule
from shnor_site.render.glossary import glossary_markdown, with_glossary
from tests.helpers import FIXTURES, SITE_CONTENT

SCHOOL = "seversk-soh-83"


def mini(tmp_path: Path, school_extra: str = "", glossary: str | None = None) -> Path:
    """The mini fixture, with lines added to testgrad-sosh-2.yml and an optional glossary."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    school = content / "schools" / "testgrad-sosh-2.yml"
    school.write_text(school.read_text(encoding="utf-8") + school_extra, encoding="utf-8")
    if glossary is not None:
        (content / "glossary.yml").write_text(glossary, encoding="utf-8")
    return content


def contacts(**fields: str) -> str:
    lines = "".join(f"  {k}: {v}\n" for k, v in fields.items())
    return f"contacts:\n{lines}  source: сайт школы\n"


# --- contacts ----------------------------------------------------------------------------

def test_valid_contacts_pass(tmp_path: Path) -> None:
    content = mini(tmp_path, contacts(phone='"+7 (38253) 2-13-73"', email="main@edo.kargasok.net",
                                      website="https://school.example/", address="ул. Ленина, 1"))
    cat = load_catalogue(content)
    assert cat.problems == []
    assert cat.get("school", "testgrad-sosh-2").contacts.phone == "+7 (38253) 2-13-73"


@pytest.mark.parametrize(("field", "value", "code"), [
    ("phone", "12-34", "bad-phone"),
    ("phone", '"+7 38 253"', "bad-phone"),
    ("phone", "позвонить директору", "bad-phone"),
    ("email", "main edo.kargasok.net", "bad-email"),
    ("email", "main@localhost", "bad-email"),
    ("email", '"a@b.ru, c@d.ru"', "bad-email"),
    ("website", "http://school.example/", "not-https"),
    ("website", "school.example", "not-https"),
])
def test_bad_contacts_are_coded_and_located(tmp_path: Path, field: str, value: str,
                                            code: str) -> None:
    content = mini(tmp_path, contacts(**{field: value}))
    found = [(p.code, p.field, p.line) for p in load_catalogue(content).errors]
    text = (content / "schools" / "testgrad-sosh-2.yml").read_text(encoding="utf-8")
    line = text.splitlines().index(f"  {field}: {value}") + 1
    assert found == [(code, f"contacts.{field}", line)]


def test_contacts_need_their_source(tmp_path: Path) -> None:
    content = mini(tmp_path, "contacts:\n  phone: (38253)21373\n")
    assert [(p.code, p.field) for p in load_catalogue(content).errors] == [
        ("missing-field", "contacts.source")]


# --- which events apply to a school --------------------------------------------------------

@pytest.fixture(scope="module")
def sched() -> Schedule:
    return Schedule(build_graph(load_catalogue(SITE_CONTENT)), dt.date(2026, 1, 15))


def test_a_target_school_gets_every_event_that_lists_no_school(sched: Schedule) -> None:
    """Северск's plan lists no school: all 23 events apply to each of its target schools,
    also the seminars a school hosts as responsible (they are for all)."""
    events = sched.graph.events["seversk-2022"]
    for school in (SCHOOL, "seversk-soh-84"):
        assert [p.event for p in sched.for_school(school)] == [p.event for p in events]
    named = [p.event.number for p in sched.graph.events_by_agent[SCHOOL]]
    assert named == ["3."]


def test_events_listing_other_schools_are_left_out(sched: Schedule) -> None:
    """Каргасок's event 25 lists the four schools of the network pairs: it applies to them
    and to no other target school."""
    def numbers(school: str) -> list[str | None]:
        return [p.event.number for p in sched.for_school(school)]
    assert "25" in numbers("kargasok-vertikosskaya-sosh")
    assert "25" not in numbers("kargasok-berezovskaya-oosh")
    assert "10" in numbers("kargasok-berezovskaya-oosh")  # lists all twelve schools


def test_a_curator_school_gets_only_the_events_naming_it(sched: Schedule) -> None:
    curator = sched.for_school("tula-co-42")
    assert curator and all("tula-co-42" in (p.event.schools + p.event.responsible_refs)
                           for p in curator)
    target = sched.for_school("tula-co-48")
    assert len(target) == len(sched.graph.events["tula-2024"])  # each lists ЦО № 48 or none
    assert len(curator) < len(target)


def test_programme_status_in_plain_words(sched: Schedule) -> None:
    prog = sched.graph.record("programme", "seversk-2022")
    assert sched.programme_status(prog) == ("ended", "завершена в 2023 году")
    later = Schedule(sched.graph, dt.date(2023, 3, 1))
    assert later.programme_status(prog) == ("ongoing", "идёт: 2022–2023 годы")
    earlier = Schedule(sched.graph, dt.date(2021, 3, 1))
    assert earlier.programme_status(prog) == ("planned", "планируется, начнётся в 2022 году")


def test_school_programme_groups_hold_every_applying_event_once(sched: Schedule) -> None:
    [item] = school_programmes(sched, SCHOOL)
    plans = [p for _key, _label, group in item.groups for p in group]
    assert len(plans) == item.total == 23 and item.named == 1
    assert len({p.placed.anchor for p in plans}) == 23
    assert [key for key, _label, _plans in item.groups] == ["ended", "undated"]
    assert item.role == "целевая школа" and item.status[0] == "ended"


def test_event_lists_of_a_school_page_stay_within_the_budget(sched: Schedule) -> None:
    """A school named in many plans gets its events listed while the section's budget lasts
    (after every programme's block); past it a programme shows counts."""
    [item] = school_programmes(sched, SCHOOL)
    cost = list_bytes(item)
    assert item.listed and 23 * EVENT_MARKUP < cost < SECTION_BUDGET - PROGRAMME_MARKUP

    def budget(n: int) -> int:  # n programme blocks and room for two and a half lists
        return n * PROGRAMME_MARKUP + 2 * cost + cost // 2

    many = within_budget([item] * 5, budget(5))
    assert [i.listed for i in many] == [True, True, False, False, False]
    small = replace(item, groups=[(k, label, plans[:1]) for k, label, plans in item.groups])
    mixed = within_budget([item, item, item, small], budget(4))
    assert [i.listed for i in mixed] == [True, True, False, True]  # a smaller one still fits
    assert not within_budget([item] * 40)[0].listed  # 40 blocks leave no room for a list


def test_whom_to_ask_lists_the_school_its_curator_and_the_responsible(sched: Schedule) -> None:
    cat = sched.graph.cat
    tula = whom_to_ask(sched, cat.get("school", "tula-co-48"))
    assert [(c.kind, c.record.id) for c in tula[:2]] == [
        ("school", "tula-co-48"), ("school", "tula-co-42")]
    assert {"tula-uo", "tula-cnppm"} <= {c.record.id for c in tula}
    kargasok = whom_to_ask(sched, cat.get("school", "kargasok-sosh-2"))
    authority = next(c.record for c in kargasok if c.record.id == "kargasok-uooip")
    assert authority.contacts.email == "main@edo.kargasok.net"


# --- glossary: what counts as an abbreviation, the check, the about page --------------------

def test_what_counts_as_an_abbreviation() -> None:
    text = ("ПРИКАЗЫВАЮ: МБОУ «СОШ № 83», УООиП и ТОИПКРО; КСОШ-интернат; ШНОР/ШНСУ; "
            "Москва, ЕГЭ-2023, VK, Школа, ОО.")
    assert abbreviations_in(text) == ["МБОУ", "СОШ", "УООиП", "ТОИПКРО", "КСОШ", "ШНОР",
                                      "ШНСУ", "ЕГЭ", "ОО"]


GLOSSARY = """entries:
  - term: ОО
    meaning: образовательная организация
  - term: целевая школа
    kind: термин
    meaning: школа, которой программа помогает
not_abbreviations:
  - РАЗДЕЛ
"""


def test_unknown_abbreviation_is_a_located_warning(tmp_path: Path) -> None:
    content = mini(tmp_path, "description: ЦНППМ и ОО; РАЗДЕЛ 1; снова ЦНППМ\n", GLOSSARY)
    cat = load_catalogue(content)
    text = (content / "schools" / "testgrad-sosh-2.yml").read_text(encoding="utf-8")
    line = text.splitlines().index("description: ЦНППМ и ОО; РАЗДЕЛ 1; снова ЦНППМ") + 1
    mine = [(p.code, p.severity, p.field, p.line, p.message)
            for p in cat.problems if p.path.endswith("testgrad-sosh-2.yml")]
    # МБОУ and СОШ (in the school's name, line 2) and ЦНППМ, each once, at its first use;
    # ОО is an entry, РАЗДЕЛ is in not_abbreviations.
    assert [m[:4] for m in mine] == [("abbr-unknown", "warning", "name", 2)] * 2 + [
        ("abbr-unknown", "warning", "description", line)]
    assert ["«МБОУ»" in mine[0][4], "«СОШ»" in mine[1][4], "«ЦНППМ»" in mine[2][4]] == [
        True] * 3
    assert cat.errors == []  # a warning never stops the build


def test_glossary_problems_are_coded(tmp_path: Path) -> None:
    duplicate = GLOSSARY.replace("not_abbreviations:", "  - term: ОО\n    meaning: ещё раз\n"
                                 "not_abbreviations:")
    found = [(p.code, p.line) for p in load_catalogue(mini(tmp_path, "", duplicate)).problems]
    assert ("glossary-duplicate", 7) in found
    wrong = GLOSSARY.replace("kind: термин", "kind: слово")
    cat = load_catalogue(mini(tmp_path / "2", "", wrong))
    assert [(p.code, p.path, p.field) for p in cat.errors] == [
        ("bad-choice", "content/glossary.yml", "entries[2].kind")]


def test_the_bundled_content_has_no_unknown_abbreviation() -> None:
    cat = load_catalogue(SITE_CONTENT)
    assert [p.format() for p in cat.problems] == []
    assert cat.glossary.meaning("целевая школа")
    for role in ("целевая школа", "школа-куратор", "школа-наставник", "школа-партнёр"):
        assert cat.glossary.meaning(role), role


def test_about_page_glossary_is_made_from_the_data() -> None:
    glossary = load_catalogue(SITE_CONTENT).glossary
    text = with_glossary("## Сокращения\n\n<!-- shnor:glossary -->\n\n## Дальше\n", glossary)
    assert "<!--" not in text
    for entry in glossary.entries:
        assert f"| {entry.term.replace('+', chr(92) + '+')} |" in text \
            or f"| {entry.term} |" in text, entry.term
    assert glossary_markdown(None).startswith("Словаря сокращений")


# --- marking the first use on a page -------------------------------------------------------

MARKER = Marker([("ОО", "образовательная организация"), ("ООО", "основное общее образование"),
                 ("500+", "проект «500+»")])
ABOUT = "../../about/#сокращения"


def test_first_use_is_marked_once_and_linked() -> None:
    out = MARKER.mark("<p>Школы ОО и ООО; снова ОО и ООО.</p>", ABOUT)
    assert out.count("<abbr") == 2
    assert out.startswith('<p>Школы <a class="shnor-abbr" href="../../about/#сокращения">'
                          '<abbr title="образовательная организация">ОО</abbr></a> и ')
    assert out.endswith("; снова ОО и ООО.</p>")


def test_headings_links_code_attributes_and_svg_are_left_alone() -> None:
    body = ('<h2 id="oo">ОО в заголовке</h2><p title="ОО"><a href="#">ОО в ссылке</a> '
            "<code>ОО</code></p><svg><text>ОО</text></svg><nav>ОО</nav>"
            "<summary>ОО</summary><p>проект «500+» и ОО</p>")
    out = MARKER.mark(body, ABOUT)
    assert out.count("<abbr") == 2
    assert out.startswith(body.split("<p>проект")[0])
    assert '<abbr title="проект «500+»">500+</abbr>' in out


def test_without_a_glossary_nothing_changes() -> None:
    body = "<p>ОО</p>"
    assert Marker([]).mark(body, ABOUT) is body


def test_search_indexes_the_about_page_with_its_glossary_and_no_markup() -> None:
    from shnor_site.search.docs import static_docs
    from tests.helpers import ROOT

    glossary = load_catalogue(SITE_CONTENT).glossary
    [about] = [d for d in static_docs(ROOT / "docs", glossary) if "about" in d.url]
    text = about.text
    assert "непрерывного повышения профессионального мастерства" in text
    assert "shnor:glossary" not in text and "<abbr" not in text

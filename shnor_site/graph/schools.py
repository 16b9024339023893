"""What a school page answers: whom to ask, and what each programme does for the school.

`whom_to_ask` lists the school, its curator schools and the organisations responsible for
its programmes, each with the contacts content gives (none invented). `school_programmes`
gives, per programme, the school's role, the programme's own status and every event that
applies to the school (Graph.school_events) grouped by its plan status.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from shnor_site.core.markup import headline
from shnor_site.graph.tracking import EventPlan, Schedule

#: Plan status groups in the order a reader needs them: what happens now, what is ahead,
#: what is over, what has no dates.
STATUS_GROUPS = (
    ("ongoing", "Идут сейчас"),
    ("planned", "Впереди"),
    ("ended", "Срок по плану прошёл"),
    ("undated", "Без точных дат (постоянно, по запросу, по графику)"),
)
#: At most this many responsible organisations per school (most events first).
MAX_RESPONSIBLE = 5


@dataclass(frozen=True)
class Contact:
    """Someone to ask about the school: a record, its kind and why it is listed."""

    kind: str
    record: Any
    why: str


def _responsible(g: Any, school_id: str, plans: list[EventPlan]) -> list[Contact]:
    counts: Counter[str] = Counter(
        r for p in plans for r in p.event.responsible_refs
        if r in g.cat.records.get("organisation", {}))
    out = []
    programmes = [r.programme.id for r in g.school_roles.get(school_id, [])]
    for pid in dict.fromkeys(programmes + [p.placed.programme.id for p in plans]):
        prog = g.record("programme", pid)
        issuer = prog.issuer
        if issuer in g.cat.records.get("organisation", {}) and issuer not in {
                c.record.id for c in out}:
            out.append(Contact("organisation", g.record("organisation", issuer),
                               f"организация, утвердившая документ ({prog.kind}, "
                               f"{years(prog)})"))
    listed = {c.record.id for c in out}
    for org_id, n in counts.most_common():
        if org_id not in listed and len(out) < MAX_RESPONSIBLE:
            listed.add(org_id)
            out.append(Contact("organisation", g.record("organisation", org_id),
                               f"отвечает за {n} {_events_word(n)} для этой школы"))
    return out


def years(programme: Any) -> str:
    """«2022–2023», or «2024» for a one-year programme."""
    start, end = programme.period.start, programme.period.end
    return str(start) if start == end else f"{start}–{end}"


def _events_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "мероприятие"
    return "мероприятия" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else \
        "мероприятий"


def whom_to_ask(sched: Schedule, school: Any) -> list[Contact]:
    """The school, its curator schools, the organisations responsible for its programmes."""
    g = sched.graph
    out = [Contact("school", school, "сама школа")]
    for partner in g.school_partners.get(school.id, []):
        if partner.pair.relation == "куратор" and not partner.is_first:
            out.append(Contact("school", partner.other,
                               f"школа-куратор по программе {years(partner.programme)}"))
    return out + _responsible(g, school.id, sched.for_school(school.id))


#: Bytes of HTML the section «Что программа делает для школы» may take: the page's frame
#: and its other sections take up to about 35 KB (at national scale: 21 KB of frame,
#: 11 KB of contacts, partners, practices, dates, documents), so the page stays under 80 KB.
SECTION_BUDGET = 44_000
#: Bytes of one programme's block without its event list (heading, title, status, role).
PROGRAMME_MARKUP = 1_300
#: Bytes of markup around one listed event (link, badges), beside its own words.
EVENT_MARKUP = 220


@dataclass(frozen=True)
class ProgrammeForSchool:
    """One programme as the school page shows it: its events one by one when `listed`,
    else their counts and links to the programme's pages (page weight)."""

    programme: Any
    role: str | None
    role_note: str | None
    status: tuple[str, str]
    groups: list[tuple[str, str, list[EventPlan]]]
    named_anchors: frozenset[str]
    listed: bool = True

    @property
    def named(self) -> int:
        """How many of its events name the school."""
        return len(self.named_anchors)

    @property
    def total(self) -> int:
        """How many events apply to the school."""
        return sum(len(plans) for _, _, plans in self.groups)


def school_programmes(sched: Schedule, school_id: str) -> list[ProgrammeForSchool]:
    """Every programme with events applying to the school (or naming it a participant)."""
    g = sched.graph
    roles: dict[str, Any] = {}
    for role in g.school_roles.get(school_id, []):
        roles.setdefault(role.programme.id, role)
    named = {(p.programme.id, p.anchor) for p in g.events_by_agent.get(school_id, [])}
    by_prog: dict[str, list[EventPlan]] = {pid: [] for pid in roles}
    for plan in sched.for_school(school_id):
        by_prog.setdefault(plan.placed.programme.id, []).append(plan)
    out = []
    for pid, plans in by_prog.items():
        prog = g.record("programme", pid)
        groups = [(key, label, [p for p in plans if (p.plan or "undated") == key])
                  for key, label in STATUS_GROUPS]
        out.append(ProgrammeForSchool(
            prog, roles[pid].role if pid in roles else None,
            roles[pid].note if pid in roles else None, sched.programme_status(prog),
            [grp for grp in groups if grp[2]],
            frozenset(p.placed.anchor for p in plans if (pid, p.placed.anchor) in named)))
    return within_budget(out)


def list_bytes(item: ProgrammeForSchool) -> int:
    """About how many bytes of HTML the programme's events take when listed one by one."""
    return sum(EVENT_MARKUP + len(" ".join(filter(None, (
        p.event.number, headline(p.event.title), p.event.timing, p.event.status))
    ).encode("utf-8")) for _, _, plans in item.groups for p in plans)


def within_budget(items: list[ProgrammeForSchool], budget: int = SECTION_BUDGET
                  ) -> list[ProgrammeForSchool]:
    """The programmes in page order, each listed while its events fit in what is left of
    the section's budget after every programme's block; one that does not fit shows
    counts (a later, smaller one may still be listed)."""
    budget -= PROGRAMME_MARKUP * len(items)
    out = []
    for item in items:
        cost = list_bytes(item)
        fits = cost <= budget
        budget -= cost if fits else 0
        out.append(item if fits else replace(item, listed=False))
    return out


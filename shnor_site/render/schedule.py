"""The Schedule as templates see it: plans and statuses, plus timelines, calendar
addresses and indicator charts.

graph/tracking.py knows what was promised when and what is known about it; this
subclass adds what only pages need, so that the graph stage imports nothing of render.
"""

from __future__ import annotations

from typing import Any

from shnor_site.graph.schools import school_programmes, whom_to_ask
from shnor_site.graph.tracking import Schedule
from shnor_site.render.charts import chart_rows, programme_chart
from shnor_site.render.timeline import build_timeline
from shnor_site.render.urls import programme_calendar_uri, school_calendar_uri


class TemplateSchedule(Schedule):
    """Schedule with the helpers templates call as `sched.…`."""

    def timeline(self, programme_id: str) -> Any:
        """Events of a programme by year and month, with the SVG overview."""
        return build_timeline(self.by_programme.get(programme_id, []), self.today,
                              f"tl-{programme_id}")

    def calendar_uri(self, kind: str, record_id: str) -> str:
        """Where the .ics of a programme or a school is published."""
        return (programme_calendar_uri if kind == "programme" else school_calendar_uri)(
            record_id)

    def chart(self, programme: Any, groups: Any = None) -> Any:
        """The indicator SVG of a programme or of some of its groups (empty when nothing is
        numeric)."""
        return programme_chart(programme, groups)

    def chart_rows(self, programme: Any, groups: Any = None) -> int:
        """How many indicators the chart shows."""
        return len(chart_rows(programme, groups))

    def whom_to_ask(self, school: Any) -> Any:
        """The school, its curators and responsible organisations (graph/schools.py)."""
        return whom_to_ask(self, school)

    def school_programmes(self, school_id: str) -> Any:
        """Per programme: role, status and the events that apply (graph/schools.py)."""
        return school_programmes(self, school_id)

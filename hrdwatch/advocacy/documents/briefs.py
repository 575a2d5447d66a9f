"""Country and thematic briefs: headline figures, a trend chart and tables, in EN, FR or ES.

Figures come from ``api.figures`` (the same numbers the API serves) over a gate queryset;
charts are Vega-Lite rendered server-side by vl-convert (SVG for the PDF, PNG for DOCX).
"""

from __future__ import annotations

from typing import Any

import vl_convert as vlc
from django.db.models import QuerySet
from django.utils import translation

from hrdwatch.advocacy.counters import today
from hrdwatch.api import figures
from hrdwatch.core.countries import country_name
from hrdwatch.records.models import Case
from hrdwatch.records.status import days_detained
from hrdwatch.records.visibility import Gate, Viewer
from hrdwatch.vocab.models import Term

from .labels import Labels
from .model import Chart, Document, FieldRow, Table
from .record import human_date

CASE_ROWS = 200  # the case table lists at most this many, longest-held first


def bar_chart(rows: list[dict[str, Any]], x_title: str, y_title: str, caption: str) -> Chart:
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 480,
        "height": 200,
        "data": {"values": [{"key": r["label"], "count": r["count"]} for r in rows]},
        "mark": {"type": "bar", "color": "#2b5f8a"},
        "encoding": {
            "x": {"field": "key", "type": "ordinal", "title": x_title, "sort": None},
            "y": {"field": "count", "type": "quantitative", "title": y_title},
        },
        "config": {"font": "DejaVu Sans"},
    }
    return Chart(
        svg=vlc.vegalite_to_svg(spec), png=vlc.vegalite_to_png(spec, scale=2), caption=caption
    )


def _counts_table(rows: list[dict[str, Any]], first: str, t: Labels) -> Table:
    return Table([first, t("count")], [[r["label"], str(r["count"])] for r in rows])


def _fill(doc: Document, gate: Gate, cases: QuerySet[Case], t: Labels, by_country: bool) -> None:
    lang = t.language
    figures_section = doc.section(t("s_figures"))
    figures_section.add(
        FieldRow(t("f_defenders"), str(cases.values("defender").distinct().count()))
    )
    figures_section.add(FieldRow(t("f_cases"), str(cases.count())))
    figures_section.add(FieldRow(t("f_detained"), str(figures.detained_defenders(cases))))
    figures_section.add(
        FieldRow(t("f_days"), f"{figures.total_days_in_detention(cases):,}".replace(",", " "))
    )
    trend = figures.arrests_by_year(cases)
    if trend:
        doc.section(t("s_trend")).add(bar_chart(trend, t("year"), t("count"), t("s_trend"))).add(
            _counts_table(trend, t("year"), t)
        )
    if by_country:
        countries = figures.by_country(cases)
        doc.section(t("s_countries")).add(
            bar_chart(countries, t("country"), t("count"), t("s_countries"))
        ).add(_counts_table(countries, t("country"), t))
    doc.section(t("s_status")).add(_counts_table(figures.by_status(cases), t("status"), t))
    charges = figures.charge_categories(gate, cases)
    if charges:
        doc.section(t("s_charges")).add(_counts_table(charges, t("charges"), t))
    rows = []
    for case in cases.select_related("defender", "status").order_by("arrest_date", "pk")[
        :CASE_ROWS
    ]:
        days = days_detained(case)
        rows.append(
            [
                case.defender.display_name,
                country_name(case.country, lang),
                case.status.label(lang),
                human_date(case.arrest_date, case.arrest_date_precision, lang),
                "" if days is None else str(days),
            ]
        )
    doc.section(t("s_cases")).add(
        Table([t("name"), t("country"), t("status"), t("arrested"), t("days_held")], rows)
    )


def _document(title: str, t: Labels, cases: QuerySet[Case]) -> Document:
    subtitle = t("brief_subtitle", date=human_date(today(), "day", t.language))
    if cases.filter(is_fictional=True).exists():
        subtitle += " — " + t("fictional_note")
    return Document(
        title=title, subtitle=subtitle, language=t.language, sources_heading=t("sources")
    )


def country_brief(code: str, language: str = "en", viewer: Viewer | None = None) -> Document:
    t, gate = Labels(language), Gate(viewer or Viewer.public())
    cases = gate.cases().filter(country=code.upper()).order_by()
    with translation.override(language):
        doc = _document(
            t("brief_country_title", country=country_name(code.upper(), language)), t, cases
        )
        _fill(doc, gate, cases, t, by_country=False)
    doc.meta = {"kind": "country", "country": code.upper()}
    return doc


def thematic_brief(
    vocabulary: str, code: str, language: str = "en", viewer: Viewer | None = None
) -> Document:
    """A brief on defenders with one role, or cases with one charge category, across countries."""
    t, gate = Labels(language), Gate(viewer or Viewer.public())
    term = Term.objects.get(vocabulary=vocabulary, code=code)
    cases = gate.cases().order_by()
    if vocabulary == "role":
        cases = cases.filter(defender__roles=term)
    elif vocabulary == "charge_category":
        cases = cases.filter(pk__in=gate.charges().filter(category=term).values("event__case"))
    else:
        raise ValueError("a thematic brief is by role or by charge_category")
    cases = cases.distinct()
    with translation.override(language):
        doc = _document(t("brief_theme_title", theme=term.label(language)), t, cases)
        _fill(doc, gate, cases, t, by_country=True)
    doc.meta = {"kind": "theme", vocabulary: code}
    return doc

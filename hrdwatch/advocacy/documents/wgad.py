"""A draft individual communication to the UN Working Group on Arbitrary Detention (WGAD).

Follows the sections of the WGAD model questionnaire: identity; arrest; detention; why the
deprivation of liberty is arbitrary (categories I to V); domestic remedies; who submits. Every
answer comes from the visible record with its sources cited; what the record does not hold is
left as a marked prompt, and the whole document is labelled a draft for a person to complete.
"""

from __future__ import annotations

from hrdwatch.core.countries import country_name
from hrdwatch.records.status import days_detained
from hrdwatch.records.visibility import Gate, Viewer

from .labels import Labels
from .model import Document, FieldRow, Paragraph, Section, Table
from .record import CaseRecord, human_date


class WgadDraft:
    def __init__(self, record: CaseRecord, labels: Labels) -> None:
        self.r, self.t = record, labels
        self.lang = labels.language

    def row(
        self, section: Section, key: str, value: str, citations: list[int] | None = None
    ) -> None:
        if value.strip():
            section.add(FieldRow(self.t(key), value.strip(), citations or []))
        else:
            section.add(FieldRow(self.t(key), self.t("to_complete"), placeholder=True))

    def identity(self) -> None:
        d = self.r.case.defender
        s = self.r.doc.section(self.t("s_identity"))
        self.row(s, "full_name", d.display_name, self.r.cite_field("display_name"))
        self.row(s, "original_name", d.name_original_script)
        others = [
            n.name
            for n in self.r.gate.names().filter(defender=d)
            if n.name != d.name_original_script
        ]
        self.row(s, "other_names", "; ".join(others))
        self.row(s, "sex", d.gender.label(self.lang) if d.gender else "")
        self.row(
            s,
            "birth_date",
            human_date(d.birth_date, d.birth_date_precision, self.lang) if d.birth_date else "",
        )
        self.row(s, "nationality", country_name(d.nationality, self.lang) if d.nationality else "")
        self.row(s, "id_document", "")
        roles = ", ".join(t.label(self.lang) for t in d.roles.all())
        self.row(s, "profession", roles)
        if d.affiliations:
            self.row(s, "affiliations", d.affiliations.replace("\n", "; "))
        self.row(s, "residence", "")

    def arrest(self) -> None:
        case, first = self.r.case, self.r.first_arrest
        s = self.r.doc.section(self.t("s_arrest"))
        cites = self.r.cite_event(first)
        self.row(
            s,
            "arrest_date",
            human_date(first.date, first.date_precision, self.lang) if first else "",
            cites,
        )
        self.row(s, "arrest_place", self.r.place_of(first) if first else "", cites)
        arresting = [name for name, _ in self.r.perpetrators("arresting")]
        self.row(
            s,
            "arresting_forces",
            "; ".join(dict.fromkeys(x for x in [case.arresting_forces, *arresting] if x)),
            self.r.cite_field("arresting_forces"),
        )
        warrant = {"yes": self.t("answer_yes"), "no": self.t("answer_no")}.get(
            case.arrest_warrant_shown, ""
        )
        self.row(s, "warrant_shown", warrant)
        ordering = self.r.perpetrators("ordering", events=[first] if first else [])
        self.row(s, "warrant_authority", "; ".join(name for name, _ in ordering))
        self.row(s, "reasons", case.reasons_given, self.r.cite_field("reasons_given"))
        provisions = [
            c.legal_provision for e in self.r.events for c in e.charges.all() if c.legal_provision
        ]
        basis = [x for x in dict.fromkeys([case.legal_basis, *provisions]) if x]
        self.row(s, "legal_basis", "; ".join(basis), self.r.cite_field("legal_basis"))

    def detention(self) -> None:
        case = self.r.case
        s = self.r.doc.section(self.t("s_detention"))
        self.row(
            s,
            "detention_date",
            human_date(case.arrest_date, case.arrest_date_precision, self.lang)
            if case.arrest_date
            else "",
            self.r.cite_event(self.r.first_arrest),
        )
        days = days_detained(case)
        key = "days_ended" if case.release_date else "days"
        self.row(s, "detention_duration", self.t(key, days=days) if days is not None else "")
        holding = [name for name, _ in self.r.perpetrators("holding")]
        self.row(s, "holding_forces", "; ".join(holding))
        moves = self.r.of_type(
            "arrest", "detention", "incommunicado_detention", "transfer", "house_arrest"
        )
        places = [
            f"{human_date(e.date, e.date_precision, self.lang)}: {self.r.place_of(e)}"
            for e in moves
        ]
        self.row(
            s, "places", "\n".join(places), sorted({n for e in moves for n in self.r.cite_event(e)})
        )
        ordering = [
            name for name, _ in self.r.perpetrators("ordering", "sentencing", "prosecuting")
        ]
        self.row(
            s,
            "ordering_authorities",
            "; ".join(x for x in dict.fromkeys([case.authorities, *ordering]) if x),
            self.r.cite_field("authorities"),
        )
        self.row(s, "detention_reasons", case.reasons_given, self.r.cite_field("reasons_given"))
        self.row(s, "legal_basis", case.legal_basis, self.r.cite_field("legal_basis"))
        self.row(
            s, "conditions", case.detention_conditions, self.r.cite_field("detention_conditions")
        )
        self.row(s, "current_status", case.status.label(self.lang))

    def arbitrary(self) -> None:
        case = self.r.case
        s = self.r.doc.section(self.t("s_arbitrary"))
        self.row(
            s, "circumstances", case.translated("summary", self.lang), self.r.cite_field("summary")
        )
        categories = [
            f"{t.label(self.lang)}: {t.description(self.lang)}" for t in case.wgad_categories.all()
        ]
        self.row(s, "categories_met", "\n".join(categories))
        self.row(s, "reasoning", case.wgad_reasoning, self.r.cite_field("wgad_reasoning"))

    def remedies(self) -> None:
        case = self.r.case
        s = self.r.doc.section(self.t("s_remedies"))
        appeals = [
            f"{human_date(e.date, e.date_precision, self.lang)}: {e.description}"
            for e in self.r.of_type("appeal")
        ]
        text = "\n".join(x for x in [case.domestic_remedies, *appeals] if x)
        self.row(
            s,
            "remedies",
            text,
            sorted(
                {n for e in self.r.of_type("appeal") for n in self.r.cite_event(e)}
                | set(self.r.cite_field("domestic_remedies"))
            ),
        )
        actions = self.r.gate.interventions().filter(case=case).select_related("intervention_type")
        lines = [
            f"{human_date(i.date, i.date_precision, self.lang)}: {i.intervention_type.label(self.lang)} — {i.title}"
            for i in actions
        ]
        if lines:
            self.row(s, "interventions", "\n".join(lines))

    def submitter(self) -> None:
        owner = self.r.case.owner
        s = self.r.doc.section(self.t("s_submitter"))
        name = ", ".join(x for x in (owner.name, owner.website) if x) if owner else ""
        self.row(s, "submitter", name)
        self.row(s, "submitter_contact", "")
        self.row(s, "consent", "")

    def annex(self) -> None:
        s = self.r.doc.section(self.t("s_timeline"))
        rows = []
        for e in self.r.events:
            refs = "".join(f" [{n}]" for n in self.r.cite_event(e))
            detail = e.description
            if e.sentence_months:
                detail = f"{detail} ({self.t('sentence')}: {self.t('months', n=e.sentence_months)})".strip()
            charges = "; ".join(
                f"{c.wording} ({c.legal_provision})" if c.legal_provision else c.wording
                for c in e.charges.all()
            )
            rows.append(
                [
                    human_date(e.date, e.date_precision, self.lang),
                    e.event_type.label(self.lang),
                    self.r.place_of(e),
                    f"{detail} {charges}".strip() + refs,
                ]
            )
        headers = [self.t("date"), self.t("event"), self.t("place"), self.t("description")]
        if rows:
            s.add(Table(headers, rows))
        else:
            s.add(Paragraph(self.t("to_complete"), placeholder=True))


def build_wgad(case_uid: str, viewer: Viewer, language: str = "en") -> Document:
    """The draft communication for one case, as ``viewer`` may see it (raises Case.DoesNotExist)."""
    t = Labels(language)
    doc = Document(
        title=t("wgad_title"),
        language=language,
        banner=t("draft_banner"),
        sources_heading=t("sources"),
    )
    record = CaseRecord.load(Gate(viewer), case_uid, doc)
    doc.subtitle = t("wgad_subtitle", name=record.case.defender.display_name)
    if record.case.is_fictional:
        doc.subtitle += " — " + t("fictional_note")
    draft = WgadDraft(record, t)
    for part in (
        draft.identity,
        draft.arrest,
        draft.detention,
        draft.arbitrary,
        draft.remedies,
        draft.submitter,
        draft.annex,
    ):
        part()
    doc.meta = {"case": case_uid, "kind": "wgad"}
    return doc

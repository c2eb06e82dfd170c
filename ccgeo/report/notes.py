"""Data notes: what the inputs lacked or what ccgeo changed, carried with every result.

A number shown to a ministry must come with what happened to the data behind it: facility rows
rejected, moved back (swapped coordinates) or flagged; people outside the roads' extent, in rows
that could not be placed, in no district or in overlapping districts; labs and people the
analysis could not use. `data_notes` gathers them from a project and an access result, once, for
every face: ``summary.json`` (`notes_record`), the HTML map's "Data notes" panel, the PDF's
"Data notes" page and the app's Problems panel.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from ccgeo.i18n import N_, ngettext
from ccgeo.i18n import gettext as _
from ccgeo.labels import format_count, format_people
from ccgeo.model.demand import unit_words
from ccgeo.report.methods import Block, Paragraph, Table

if TYPE_CHECKING:
    from ccgeo.analysis.access import AccessResult
    from ccgeo.model.demand import PopulationReport
    from ccgeo.model.reports import ImportReport
    from ccgeo.project import Project

#: Order of the notes, most serious first.
SEVERITIES: tuple[str, ...] = ("rejected", "fixed", "doubtful", "warning", "info")

#: What each severity means to a reader (in English; `severity_label` translates).
SEVERITY_LABELS: dict[str, str] = {
    "rejected": N_("not imported"),
    "fixed": N_("changed on import"),
    "doubtful": N_("to check"),
    "warning": N_("note"),
    "info": N_("summary"),
}


def severity_label(severity: str) -> str:
    """What a severity means, in the current language (``"rejected"`` → ``"not imported"``)."""
    return _(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity


@dataclass(frozen=True)
class DataNote:
    """One thing a reader of the results should know about the data.

    Attributes
    ----------
    topic : str
        ``"facilities"``, ``"population"`` or ``"analysis"``.
    source : str
        The file it concerns (name only), or ``""``.
    severity : str
        One of `SEVERITIES`.
    text : str
        The note, one sentence.
    fix : str
        What to do about it, or ``""``.
    row : int or None
        Row of the file as a spreadsheet counts it (header = 1), None for the whole file.
    facility_id : str or None
        The facility the row became, when it was imported.
    """

    topic: str
    source: str
    severity: str
    text: str
    fix: str = ""
    row: int | None = None
    facility_id: str | None = None


def data_notes(project: Project | None, result: AccessResult | None) -> list[DataNote]:
    """Every note on the data behind ``result``: imports, population, analysis; serious first."""
    notes: list[DataNote] = []
    reports = list(project.import_reports) if project is not None else []
    facilities = project.facilities if project is not None else None
    if not reports and facilities is not None and facilities.report is not None:
        reports = [facilities.report]
    for report in reports:
        notes.extend(import_notes(report))
    if result is not None:
        districts = project.districts if project is not None else None
        has_districts = districts is not None and len(districts) > 0
        notes.extend(population_notes(result.population_report(), districts=has_districts))
        notes.extend(DataNote("analysis", "", "warning", text) for text in result.shown_warnings())
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(notes, key=lambda n: (rank.get(n.severity, len(rank)), n.row or 0))


def import_notes(report: ImportReport) -> list[DataNote]:
    """The facility import's summary and each row it rejected, changed or flagged."""
    source = _name(report.source)
    notes = [DataNote("facilities", source, "info", report.summary().split(": ", 1)[-1])]
    for issue in report.issues:
        where = _("column {name}: ").format(name=repr(issue.column)) if issue.column else ""
        value = (
            _(" (value {value})").format(value=repr(issue.value))
            if issue.value not in (None, "")
            else ""
        )
        notes.append(
            DataNote(
                "facilities",
                source,
                issue.severity,
                f"{where}{report.shown(issue.problem)}{value}",
                fix=report.shown(issue.fix),
                row=issue.row,
                facility_id=issue.facility_id,
            )
        )
    return notes


def population_notes(report: PopulationReport, *, districts: bool = True) -> list[DataNote]:
    """Where every person of the population file went, one note per part that holds people
    (without ``districts``, nobody is said to lie "in no district")."""
    source = report.file
    unit = unit_words(report.unit)
    notes = [
        DataNote(
            "population",
            source,
            "info",
            _("{people} people in {rows} {unit} of the file; {placed} placed on the map").format(
                people=format_people(report.people_in_file),
                rows=format_count(report.rows_in_file),
                unit=unit,
                placed=format_people(report.located_people),
            ),
        )
    ]
    parts = (
        (report.outside_people, report.outside_rows, _("lie outside the study area (the roads' "
         "extent or the districts) and are counted apart"), _("extend the roads or the study "
         "area")),
        (report.not_located_people, report.not_located_rows, _("could not be placed (no usable "
         "coordinates or district)"), _("fix the rows' coordinates or district names")),
        (report.no_district_people, report.no_district_rows, _("lie in no district"),
         _("check that the districts cover the city")),
        (report.overlap_people, report.overlap_rows, _("lie in overlapping districts ({rule})")
         .format(rule=_(report.overlap_rule)),
         _("fix the district boundaries so they do not overlap")),
    )  # fmt: skip
    if not districts:
        parts = parts[:2]
    for people, rows, what, fix in parts:
        if people > 0 or rows > 0:
            notes.append(
                DataNote(
                    "population",
                    source,
                    "warning",
                    _("{people} people ({rows} {unit}) {what}").format(
                        people=format_people(people), rows=format_count(rows), unit=unit, what=what
                    ),
                    fix=fix,
                )
            )
    if report.counted_zero_rows:
        notes.append(
            DataNote(
                "population",
                source,
                "warning",
                _("{rows} {unit} had no usable count and were counted as 0 people").format(
                    rows=format_count(report.counted_zero_rows), unit=unit
                ),
                fix=_("fix the counts in the file"),
            )
        )
    return notes


def notes_record(notes: Iterable[DataNote]) -> list[dict[str, Any]]:
    """The notes as JSON-ready dicts (for ``summary.json``)."""
    return [asdict(note) for note in notes]


def note_lines(notes: Sequence[DataNote], *, limit: int | None = None) -> list[str]:
    """One readable line per note (``"facilities.csv, row 14 — not imported: ..."``), at most
    ``limit`` of them with a last line saying how many more there are."""
    lines = []
    shown = notes if limit is None else notes[:limit]
    for note in shown:
        where = note.source or note.topic
        if note.row is not None:
            where += _(", row {row}").format(row=note.row)
        text = f"{where} — {severity_label(note.severity)}: {note.text}"
        if note.fix and note.severity != "info":
            text += f" ({note.fix})"
        lines.append(text)
    if limit is not None and len(notes) > limit:
        more = len(notes) - limit
        lines.append(
            ngettext(
                "… and {count} more notes: see summary.json",
                "… and {count} more notes: see summary.json",
                more,
            ).format(count=format_count(more))
        )
    return lines


#: Notes printed on the PDF's "Data notes" page; the rest are counted (all are in summary.json).
MAX_NOTES_PRINTED = 60


def notes_blocks(notes: Sequence[DataNote], *, limit: int = MAX_NOTES_PRINTED) -> list[Block]:
    """The PDF's "Data notes" page: a sentence, then the notes as a table (serious first)."""
    to_review = sum(note.severity != "info" for note in notes)
    blocks: list[Block] = [
        Paragraph(
            _(
                "{count} notes on the data behind these results, {review} of them to review: "
                "rows of the input files rejected or changed on import, where the population "
                "file's people went, and what the analysis could not use."
            ).format(count=len(notes), review=to_review)
            if notes
            else _(
                "Nothing to note: every input row was imported as it was, and every person of "
                "the population file was placed on the map."
            )
        )
    ]
    if not notes:
        return blocks
    rows = tuple(
        (
            note.source or note.topic,
            "" if note.row is None else f"{note.row:,}",
            severity_label(note.severity),
            _with_fix(note),
        )
        for note in notes[:limit]
    )
    header = (_("File"), _("Row"), _("What"), _("Note"))
    blocks.append(Table(header, rows, align=("l", "r", "l", "l")))
    if len(notes) > limit:
        blocks.append(
            Paragraph(
                _(
                    "{count} more notes are listed in summary.json (data_notes) and in the "
                    "app's Problems tab."
                ).format(count=format_count(len(notes) - limit)),
                note=True,
            )
        )
    return blocks


def _with_fix(note: DataNote) -> str:
    """The note and how to fix it, as sentences: ``"... under another id. Fix: delete it."``."""
    if not note.fix or note.severity == "info":
        return note.text
    return _("{note}. Fix: {fix}.").format(note=note.text.rstrip("."), fix=note.fix.rstrip("."))


def _name(source: str) -> str:
    return PurePath(source.replace("\\", "/")).name if source else ""

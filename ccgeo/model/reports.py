"""Import reports: what happened to every row of an imported file."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import pandas as pd

from ccgeo.i18n import current_language, ngettext, relocalise

Severity = Literal["rejected", "doubtful", "fixed", "warning"]


@dataclass(frozen=True)
class ImportIssue:
    """One problem found while importing a file.

    ``row`` is the 1-based data row number as a spreadsheet user counts it (the header is row 1
    for tables, so the first data row is 2), or ``None`` for a problem of the whole file.
    ``severity``: ``rejected`` (row not imported), ``doubtful`` (imported, flagged for review),
    ``fixed`` (imported after an automatic correction), ``warning`` (file-level note).
    """

    row: int | None
    severity: Severity
    problem: str
    fix: str
    column: str | None = None
    value: str | None = None
    facility_id: str | None = None


@dataclass
class ImportReport:
    """What happened to every row of an imported file.

    Invariant: ``n_rows == n_imported + n_rejected``; every rejected row has one ``rejected`` issue.
    """

    source: str
    n_rows: int = 0
    n_imported: int = 0
    mapping: dict[str, str] = field(default_factory=dict)
    issues: list[ImportIssue] = field(default_factory=list)
    sheet: str | None = None
    #: What was recognised of the file: the system that wrote it (DHIS2, ODK Central, KoboToolbox,
    #: Healthsites.io, HXL, ...), how its columns were read and where the ids come from; ``""``
    #: for a plain file (`ccgeo.io.sources.SourceFormat.describe`).
    recognised: str = ""
    #: The language the issues were written in (shown in another, `relocalise` rewrites them).
    language: str = field(default_factory=current_language)

    def add(
        self,
        row: int | None,
        severity: Severity,
        problem: str,
        fix: str,
        **kwargs: Any,
    ) -> None:
        """Record one issue."""
        self.issues.append(ImportIssue(row, severity, problem, fix, **kwargs))

    @property
    def rejected(self) -> list[ImportIssue]:
        """Issues of rows that were not imported."""
        return [i for i in self.issues if i.severity == "rejected"]

    @property
    def doubtful(self) -> list[ImportIssue]:
        """Issues of rows imported but flagged for review."""
        return [i for i in self.issues if i.severity == "doubtful"]

    @property
    def warnings(self) -> list[ImportIssue]:
        """File-level warnings and automatic fixes."""
        return [i for i in self.issues if i.severity in ("warning", "fixed")]

    @property
    def n_rejected(self) -> int:
        """Number of distinct rows rejected."""
        return len({i.row for i in self.rejected})

    def rejected_rows(self) -> set[int]:
        """Row numbers that were not imported."""
        return {i.row for i in self.rejected if i.row is not None}

    def to_frame(self) -> pd.DataFrame:
        """The issues as a table (row, severity, column, value, problem, fix, facility_id), their
        words in the current language."""
        cols = ["row", "severity", "column", "value", "problem", "fix", "facility_id"]
        if not self.issues:
            return pd.DataFrame(columns=cols)
        frame = pd.DataFrame([asdict(i) for i in self.issues])[cols]
        for col in ("problem", "fix"):
            frame[col] = [self.shown(text) for text in frame[col]]
        return frame

    def shown(self, text: str) -> str:
        """A problem or a fix of this report in the current language (`relocalise`)."""
        return relocalise(text, self.language)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "source": self.source,
            "sheet": self.sheet,
            "n_rows": self.n_rows,
            "n_imported": self.n_imported,
            "n_rejected": self.n_rejected,
            "n_doubtful": len({i.row for i in self.doubtful}),
            "mapping": dict(self.mapping),
            "recognised": self.recognised,
            "issues": [asdict(i) for i in self.issues],
            "language": self.language,
        }

    def to_json(self, **kwargs: Any) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportReport:
        """Rebuild a report from `to_dict` output."""
        issues = [ImportIssue(**i) for i in data.get("issues", [])]
        return cls(
            source=data["source"],
            n_rows=int(data.get("n_rows", 0)),
            n_imported=int(data.get("n_imported", 0)),
            mapping=dict(data.get("mapping", {})),
            issues=issues,
            sheet=data.get("sheet"),
            recognised=str(data.get("recognised") or ""),
            # reports saved before Step 9 were written in English
            language=str(data.get("language") or "en"),
        )

    def summary(self) -> str:
        """One line for a status bar or a command's output, in the current language."""
        n_doubt = len({i.row for i in self.doubtful})
        return ngettext(
            "{source}: {imported} of {rows} rows imported, {rejected} rejected, {doubtful} "
            "flagged for review",
            "{source}: {imported} of {rows} rows imported, {rejected} rejected, {doubtful} "
            "flagged for review",
            self.n_rows,
        ).format(
            source=self.source,
            imported=self.n_imported,
            rows=self.n_rows,
            rejected=self.n_rejected,
            doubtful=n_doubt,
        )

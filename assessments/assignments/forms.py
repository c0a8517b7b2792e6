"""A worksheet as the page shows it: every control with its id, label, hint, value and error,
built from the kind's fields in `assessments.worksheets`. The same model renders the trainee's
editable form and a read-only copy (the submitted worksheet, or a grader's view of it) through
`templates/assessments/assignments/includes/worksheet.html`.

Values are form strings (`worksheets.as_inputs` of stored content, or the post being refused),
so a refused save shows the trainee exactly what they typed, with the reason beside it.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from assessments.assignments import worksheets as ws
from assessments.taxonomy import WorksheetKind

CONFIRM_FIELD = "confirm_deidentified"
FILE_FIELD = "file"


def control_id(name: str) -> str:
    return f"ws-{name}"


@dataclass
class Control:
    name: str
    label: str
    value: str = ""
    hint: str = ""
    error: str = ""
    widget: str = "textarea"  # textarea, text, number, select or yes_no
    choices: tuple = ()
    high: int | None = None
    rows: int = 6
    # A diary cell that is part of a day's "missing …" message: marked invalid and described by
    # that message rather than carrying one of its own.
    shared_error_id: str = ""

    @property
    def id(self) -> str:
        return control_id(self.name)

    @property
    def hint_id(self) -> str:
        return f"{self.id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.id}-error"

    @property
    def invalid(self) -> bool:
        return bool(self.error or self.shared_error_id)

    @property
    def described_by(self) -> str:
        ids = [self.hint_id] if self.hint else []
        if self.error:
            ids.append(self.error_id)
        if self.shared_error_id:
            ids.append(self.shared_error_id)
        return " ".join(ids)

    @property
    def shown(self) -> str:
        """The value as a read-only page prints it."""
        if self.widget in ("select", "yes_no"):
            return dict(self.choices).get(self.value, self.value)
        return self.value


@dataclass
class DiaryLine:
    row: ws.DiaryRow
    cells: list[Control]


@dataclass
class DiaryGroup:
    title: str
    lines: list[DiaryLine]


@dataclass
class DayError:
    id: str
    message: str


@dataclass
class BehaviorControls:
    number: int
    behavior: str
    priority: Control
    rank: Control
    justification: Control


@dataclass
class PersonalTargets:
    """The card's "Add a personal target" part: the trainee's own rows (their definitions as
    hidden inputs, each with a Remove button) and the controls that add one."""

    rows: list[ws.DiaryRow]
    label: Control
    kind: Control
    can_add: bool
    limit: int = ws.MAX_PERSONAL_ROWS

    def hidden_inputs(self) -> list[tuple[str, str]]:
        return [
            (ws.personal_name(row.key, part), getattr(row, part))
            for row in self.rows
            for part in ("label", "kind")
        ]


@dataclass
class Sheet:
    kind: str
    readonly: bool
    steps: list[Control] = field(default_factory=list)
    days: tuple = ()
    diary_groups: list[DiaryGroup] = field(default_factory=list)
    day_errors: list[DayError] = field(default_factory=list)
    behaviors: list[BehaviorControls] = field(default_factory=list)
    personal: PersonalTargets | None = None
    # (target id or "", message) in page order, for the error summary's links.
    summary: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_diary(self) -> bool:
        return self.kind == WorksheetKind.DIARY_CARD


def build_sheet(
    assignment,
    values: Mapping,
    *,
    errors: Mapping | None = None,
    readonly: bool = False,
    rows=None,
) -> Sheet:
    """The page's model of the worksheet, from form values and errors keyed by input name. A
    diary card shows `rows` (a read-only page passes the rows the card was saved with); by
    default the rows the values are for (`worksheets.form_rows`)."""
    errors = dict(errors or {})
    sheet = Sheet(kind=assignment.worksheet, readonly=readonly)
    if sheet.kind == WorksheetKind.DIARY_CARD:
        rows = ws.form_rows(assignment, values) if rows is None else rows
        _diary(sheet, rows, values, errors)
        if not readonly and assignment.personal_rows_allowed:
            sheet.personal = _personal(rows, values, errors)
            for control in (sheet.personal.label, sheet.personal.kind):
                if control.error:
                    sheet.summary.append((control.id, control.error))
    elif sheet.kind == WorksheetKind.CASE_FORMULATION:
        _behaviors(sheet, assignment, values, errors)
    sheet.steps = [
        Control(
            step.key,
            step.label,
            _string(values, step.key),
            hint=step.hint,
            error=errors.get(step.key, ""),
            rows=4 if step.key == ws.NOTE.key else 8,
        )
        for step in ws.text_steps(sheet.kind)
    ]
    for control in sheet.steps:
        if control.error:
            sheet.summary.append((control.id, control.error))
    # Anything left (the file, the confirmation, a message for the whole worksheet) is listed
    # too, linked to its control when the page has one.
    listed = {message for _target, message in sheet.summary}
    for name, message in errors.items():
        if message not in listed:
            target = control_id(name) if name in (FILE_FIELD, CONFIRM_FIELD) else ""
            sheet.summary.append((target, message))
    return sheet


def _string(values: Mapping, name: str) -> str:
    value = values.get(name, "")
    return value if isinstance(value, str) else ""


def _personal(rows, values: Mapping, errors: dict) -> PersonalTargets:
    own = [row for row in rows if row.is_personal]
    return PersonalTargets(
        rows=own,
        label=Control(
            ws.NEW_LABEL,
            "Name of the target",
            _string(values, ws.NEW_LABEL),
            hint=f"For example “Skipping meals” or “Nightmares”; at most {ws.MAX_ROW_LABEL} "
            "characters.",
            error=errors.get(ws.NEW_LABEL, ""),
            widget="text",
        ),
        kind=Control(
            ws.NEW_KIND,
            "Recorded as",
            _string(values, ws.NEW_KIND) or ws.RATING,
            error=errors.get(ws.NEW_KIND, ""),
            widget="select",
            choices=tuple((kind, ws.ROW_KINDS[kind]) for kind in ws.PERSONAL_KINDS),
        ),
        can_add=len(own) < ws.MAX_PERSONAL_ROWS,
    )


def _diary(sheet: Sheet, rows, values: Mapping, errors: dict) -> None:
    sheet.days = ws.DAYS
    day_error_ids = {}
    for day, _label in ws.DAYS:
        message = errors.get(ws.day_error_key(day))
        if message:
            error = DayError(f"ws-day-{day}-error", message)
            sheet.day_errors.append(error)
            day_error_ids[day] = error.id
    groups: dict[str, DiaryGroup] = {}
    for row in rows:
        cells = []
        for day, day_label in ws.DAYS:
            name = ws.cell_name(day, row)
            value = _string(values, name)
            cell = Control(
                name,
                f"{day_label}, {row.describe()}",
                value,
                error=errors.get(name, ""),
                widget={ws.YES_NO: "yes_no", ws.TEXT: "textarea"}.get(row.kind, "number"),
                choices=(("", "—"), (ws.YES, "Yes"), (ws.NO, "No"))
                if row.kind == ws.YES_NO
                else (),
                high=row.high or None,
                rows=2,
                shared_error_id=day_error_ids.get(day, "") if row.required and not value else "",
            )
            cells.append(cell)
            if cell.error:
                sheet.summary.append((cell.id, cell.error))
        groups.setdefault(row.group, DiaryGroup(row.group, [])).lines.append(DiaryLine(row, cells))
    sheet.diary_groups = list(groups.values())
    for error in sheet.day_errors:
        first_gap = next(
            (
                cell.id
                for group in sheet.diary_groups
                for line in group.lines
                for cell in line.cells
                if cell.shared_error_id == error.id
            ),
            "",
        )
        sheet.summary.append((first_gap, error.message))


def _behaviors(sheet: Sheet, assignment, values: Mapping, errors: dict) -> None:
    count = len(assignment.behaviors)
    rank_choices = (("", "Rank…"), *((str(n), str(n)) for n in range(1, count + 1)))
    for number, behavior in enumerate(assignment.behaviors, start=1):
        priority, rank, justification = (
            ws.behavior_name(number, part) for part in ("priority", "rank", "justification")
        )
        controls = BehaviorControls(
            number,
            behavior,
            Control(
                priority,
                "Stage-1 priority",
                _string(values, priority),
                error=errors.get(priority, ""),
                widget="select",
                choices=(("", "Choose…"), *ws.PRIORITY_CHOICES),
            ),
            Control(
                rank,
                "Rank in the treatment order",
                _string(values, rank),
                hint="1 is treated first.",
                error=errors.get(rank, ""),
                widget="select",
                choices=rank_choices,
            ),
            Control(
                justification,
                "Justification",
                _string(values, justification),
                error=errors.get(justification, ""),
                rows=3,
            ),
        )
        sheet.behaviors.append(controls)
        for control in (controls.priority, controls.rank, controls.justification):
            if control.error:
                sheet.summary.append((control.id, control.error))

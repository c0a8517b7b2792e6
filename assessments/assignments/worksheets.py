"""The DBT worksheets a submission's `content` holds: each kind's fields, how a form post becomes
content (`parse`), how content becomes form values again (`as_inputs`), and what a worksheet
needs before it can be submitted (`incomplete`). Pure: no database, no requests.

Content shapes (JSON):
- chain_analysis: {step key: text} for the seven steps of a behavioral chain analysis.
- diary_card: {"rows": [row, …], "days": {"mon": {row key: value, …}, …}}; "rows" holds the
  definitions of the rows the card had when saved (the assignment's rows, then the trainee's own
  personal targets), so a later change to the assignment never changes how handed-in work reads;
  content saved before rows could vary has no "rows" and reads with `LEGACY_ROW_KEYS`. Ratings
  and counts are ints, yes/no actions bools, text rows strings; an empty cell is None.
- case_formulation: {"behaviors": [{"behavior", "priority", "rank", "justification"}, …],
  "formulation": text}, one entry per line of `Assignment.behaviors`, in that order.
- free_text: {"response": text}.   file_upload: {"note": text} (the file is on the submission).

Form inputs are named after the content: a step key, "mon-anger", "b2-rank", "response". A post's
other keys are ignored, so a tampered form can add nothing. A value out of its range is never
stored: `parse` refuses the whole post (ValidationError keyed by input name), `parse_draft` leaves
that one value empty and reports it, so one bad cell of a draft costs nothing else typed.
"""

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from assessments.taxonomy import WorksheetKind
from dbt_training.core.text import has_control_characters
from modules.taxonomy import TreatmentPriority

# Long enough for any honest worksheet step; short enough that a runaway paste cannot bloat a row.
MAX_TEXT = 20_000
MAX_CELL_TEXT = 2_000


@dataclass(frozen=True)
class TextStep:
    key: str
    label: str
    hint: str

    @property
    def title(self) -> str:
        """The label without its step number, for messages: "Prompting event"."""
        number, _dot, rest = self.label.partition(". ")
        return rest if number.isdecimal() else self.label


# Linehan's chain analysis, in order (dbt-facts §5).
CHAIN_STEPS = (
    TextStep(
        "problem_behavior",
        "1. Problem behavior",
        "Be specific: what the client did, when, and how intense it was.",
    ),
    TextStep(
        "prompting_event",
        "2. Prompting event",
        "What happened in the environment that started the chain.",
    ),
    TextStep(
        "vulnerability_factors",
        "3. Vulnerability factors",
        "What made the client more vulnerable that day: sleep, illness, substances, stress.",
    ),
    TextStep(
        "links",
        "4. Links in the chain",
        "Thoughts, emotions, body sensations, urges and actions, moment by moment.",
    ),
    TextStep(
        "consequences",
        "5. Consequences",
        "Short-term and long-term, for the client and for others.",
    ),
    TextStep(
        "solution_analysis",
        "6. Solution analysis",
        "A skill for each link; how to reduce vulnerabilities and prevent the prompting event.",
    ),
    TextStep(
        "repair_commitment",
        "7. Repair and commitment",
        "How the harm done is repaired, and what the client commits to doing next time.",
    ),
)
RESPONSE = TextStep("response", "Your response", "")
NOTE = TextStep("note", "A note for your trainer (optional)", "")

DAYS = (
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
)

RATING, YES_NO, COUNT, TEXT = "rating", "yes_no", "count", "text"


# The groups a row can sit under: the JSON stores the code, the card shows the title.
DIARY_GROUPS = {
    "urges": "Urges",
    "thoughts": "Thoughts",
    "actions": "Actions taken",
    "emotions": "Emotions",
    "skills": "Skills",
    "notes": "Notes",
    "other": "Other targets",
    "personal": "Personal targets",
}
# What a trainer may choose for a row of their own, and a trainee for a personal target.
TRAINER_GROUPS = ("urges", "actions", "emotions", "other")
ROW_KINDS = {RATING: "Rating 0–5", YES_NO: "Yes or no", COUNT: "Count", TEXT: "Text"}
PERSONAL_KINDS = (RATING, YES_NO, COUNT)
MAX_COUNT = 99
MAX_RATING = 10
MAX_ROW_LABEL = 60
MAX_TRAINER_ROWS = 10
MAX_PERSONAL_ROWS = 5
MAX_CARD_ROWS = 40
PERSONAL_PREFIX = "personal_"
ROW_FIELDS = ("key", "label", "group", "kind", "high")
_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")


@dataclass(frozen=True)
class DiaryRow:
    key: str
    label: str  # as the row header shows it, under its group
    group: str  # the group's title ("Urges"); `group_code` is what the JSON stores
    kind: str
    high: int = 0  # the top of a rating or count; ratings and counts start at 0

    @property
    def required(self) -> bool:
        """A day is complete when every rating and action is filled (0 is a rating)."""
        return self.kind != TEXT

    @property
    def is_personal(self) -> bool:
        return self.key.startswith(PERSONAL_PREFIX)

    @property
    def group_code(self) -> str:
        return next((code for code, title in DIARY_GROUPS.items() if title == self.group), "other")

    @property
    def scale(self) -> str:
        if self.kind == RATING:
            return f"0–{self.high}"
        if self.kind == COUNT:
            return "times"
        if self.kind == YES_NO:
            return "yes or no"
        return ""

    def describe(self) -> str:
        """The row's full name, for labels and messages: "urge to self-harm (0–5)"."""
        return f"{self.group.lower()}: {self.label.lower()}" + (
            f" ({self.scale})" if self.scale else ""
        )

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "group": self.group_code,
            "kind": self.kind,
            "high": self.high,
        }


def new_row(key: str, label: str, group: str, kind: str) -> DiaryRow:
    """A row of the given kind on its usual scale: ratings 0–5, counts up to `MAX_COUNT`."""
    high = {RATING: 5, COUNT: MAX_COUNT}.get(kind, 0)
    return DiaryRow(key, label, DIARY_GROUPS.get(group, group), kind, high)


# The standard card (dbt-facts §5): urges, suicidal ideation, actions, emotions, skills, notes.
DIARY_ROWS = (
    DiaryRow("urge_suicide", "Suicide", "Urges", RATING, 5),
    DiaryRow("urge_self_harm", "Self-harm", "Urges", RATING, 5),
    DiaryRow("urge_substance", "Substance use", "Urges", RATING, 5),
    DiaryRow("urge_quit_therapy", "Quitting therapy", "Urges", RATING, 5),
    DiaryRow("suicidal_ideation", "Suicidal ideation", "Thoughts", RATING, 5),
    DiaryRow("self_harm", "Self-harm", "Actions taken", YES_NO),
    DiaryRow("substance_use", "Substance use", "Actions taken", COUNT, MAX_COUNT),
    DiaryRow("medication", "Took medication as prescribed", "Actions taken", YES_NO),
    DiaryRow("misery", "Misery", "Emotions", RATING, 5),
    DiaryRow("anger", "Anger", "Emotions", RATING, 5),
    DiaryRow("fear", "Fear", "Emotions", RATING, 5),
    DiaryRow("sadness", "Sadness", "Emotions", RATING, 5),
    DiaryRow("shame", "Shame", "Emotions", RATING, 5),
    DiaryRow("joy", "Joy", "Emotions", RATING, 5),
    DiaryRow("skills_use", "Skills use", "Skills", RATING, 7),
    DiaryRow("skills_practised", "Skills practised", "Skills", TEXT),
    DiaryRow("notes", "Notes", "Notes", TEXT),
)
STANDARD_ROWS = {row.key: row for row in DIARY_ROWS}
# The fixed card's rows before cards could vary: content saved then has no "rows" of its own.
LEGACY_ROW_KEYS = tuple(k for k in STANDARD_ROWS if k not in ("urge_quit_therapy", "medication"))
YES, NO = "yes", "no"

NOT_A_TARGET = "none"
PRIORITY_CHOICES = (*TreatmentPriority.choices, (NOT_A_TARGET, "Not a stage-1 target"))
FORMULATION = TextStep(
    "formulation",
    "Overall case formulation",
    "How the behaviors connect, and why this order guides the first sessions.",
)


# --- which rows a card has ----------------------------------------------------------------------

ADD_ROW_ACTION = "add_row"  # the value of the "Add a personal target" button (name "action")
REMOVE_ROW = "remove_row"  # a "Remove" button's name; its value is the row's key
NEW_LABEL, NEW_KIND = "new_personal-label", "new_personal-kind"


def personal_name(key: str, part: str) -> str:
    """The hidden input carrying a personal row's definition: "personal_2-label"."""
    return f"{key}-{part}"


def check_label(value, *, what: str = "Row name") -> str:
    """A row's name, stripped, or a ValidationError: at most 60 characters, no control
    characters (they would break the card's layout and the CSV a grader exports)."""
    label = value.strip() if isinstance(value, str) else ""
    if not label:
        raise ValidationError(f"{what}: give the row a name.")
    if len(label) > MAX_ROW_LABEL:
        raise ValidationError(
            f"{what}: at most {MAX_ROW_LABEL} characters (“{label[:20]}…” has {len(label)})."
        )
    # A row name is one line: tabs and line breaks count as control characters here.
    if has_control_characters(label) or any(c in label for c in "\t\n\r"):
        raise ValidationError(f"{what}: remove the control characters from “{label}”.")
    return label


def check_rows(value, *, saved: bool = False) -> tuple[DiaryRow, ...]:
    """An assignment's `diary_rows` as DiaryRows, or a ValidationError naming every problem:
    objects with exactly key, label, group, kind and high; unique keys; names of at most 60
    characters without control characters; a group and kind from the fixed lists; a scale
    that fits the kind. An empty list is the standard card. `saved`: the rows a submission
    stored, which may end with the trainee's personal targets."""
    if not isinstance(value, list):
        raise ValidationError("The diary card's rows must be a list.")
    if len(value) > MAX_CARD_ROWS + (MAX_PERSONAL_ROWS if saved else 0):
        raise ValidationError(f"A diary card has at most {MAX_CARD_ROWS} rows.")
    problems, rows, keys = [], [], set()
    for number, item in enumerate(value, start=1):
        found = _row_problems(item, f"Row {number}", keys, saved=saved)
        if found:
            problems += found
            continue
        keys.add(item["key"])
        rows.append(DiaryRow(item["key"], item["label"].strip(), *_group_kind_high(item)))
    if problems:
        raise ValidationError(problems)
    return tuple(rows)


def _group_kind_high(item: dict) -> tuple:
    return DIARY_GROUPS[item["group"]], item["kind"], item["high"]


def _row_problems(item, where: str, keys: set, *, saved: bool) -> list[str]:
    if not isinstance(item, dict) or set(item) != set(ROW_FIELDS):
        return [f"{where}: needs exactly {', '.join(ROW_FIELDS)}."]
    problems = []
    key, group, kind = item["key"], item["group"], item["kind"]
    try:
        check_label(item["label"], what=where)
    except ValidationError as error:
        problems += error.messages
    personal = isinstance(key, str) and key.startswith(PERSONAL_PREFIX)
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        problems.append(f"{where}: its key must be lowercase letters, digits and _ (up to 40).")
    elif key in keys:
        problems.append(f"{where}: the key “{key}” is used twice.")
    elif personal != (group == "personal") or (personal and not saved):
        problems.append(f"{where}: “{PERSONAL_PREFIX}” keys are for trainees' own targets.")
    if group not in DIARY_GROUPS:
        problems.append(f"{where}: choose a group from the list.")
    if kind not in ROW_KINDS:
        problems.append(f"{where}: choose a kind from the list.")
    elif not _fits_scale(kind, item["high"]):
        problems.append(f"{where}: the top of its scale does not fit a {kind} row.")
    return problems


def _fits_scale(kind: str, high) -> bool:
    if not isinstance(high, int) or isinstance(high, bool):
        return False
    if kind == RATING:
        return 1 <= high <= MAX_RATING
    if kind == COUNT:
        return 1 <= high <= MAX_COUNT
    return high == 0


def assignment_rows(assignment) -> tuple[DiaryRow, ...]:
    """The rows the assignment gives every trainee's card; the standard card when it sets none."""
    if not assignment.diary_rows:
        return DIARY_ROWS
    try:
        return check_rows(assignment.diary_rows)
    except ValidationError:
        # Only the authoring service and the package reader write rows, both through
        # check_rows; a row edited by hand in the database must not take the page down.
        return DIARY_ROWS


def saved_rows(assignment, content: dict | None) -> tuple[DiaryRow, ...]:
    """The rows `content` was saved with, for read-only pages (the trainee's submitted card,
    the grader's view): never the assignment's rows of today."""
    content = content if isinstance(content, dict) else {}
    stored = content.get("rows")
    if isinstance(stored, list):
        try:
            return check_rows(stored, saved=True)
        except ValidationError:
            # Stored by `parse`, so always valid; a row edited by hand falls back to the card
            # the assignment has, which still shows every value under a known key.
            return assignment_rows(assignment)
    if "days" in content:
        return tuple(STANDARD_ROWS[key] for key in LEGACY_ROW_KEYS)
    return assignment_rows(assignment)


def personal_rows(assignment, data: Mapping, *, apply_action: bool = False) -> list[DiaryRow]:
    """The trainee's personal target rows in a form post (or `as_inputs` values): read from
    their hidden inputs and checked like any row; with `apply_action`, the post's "Add a
    personal target" or "Remove" applied. None when the assignment does not allow them."""
    if not assignment.personal_rows_allowed:
        return []
    rows = []
    for number in range(1, MAX_PERSONAL_ROWS + 1):
        key = f"{PERSONAL_PREFIX}{number}"
        label = _value(data, personal_name(key, "label"))
        kind = _value(data, personal_name(key, "kind"))
        if not label and not kind:
            continue
        try:
            label = check_label(label, what="Personal target")
        except ValidationError:
            continue
        if kind in PERSONAL_KINDS:
            rows.append(new_row(key, label, "personal", kind))
    if not apply_action:
        return rows
    removed = _value(data, REMOVE_ROW)
    rows = [row for row in rows if row.key != removed]
    if _value(data, "action") == ADD_ROW_ACTION:
        rows.append(_new_personal_row(rows, data))
    return rows


def _new_personal_row(rows: list[DiaryRow], data: Mapping) -> DiaryRow:
    if len(rows) >= MAX_PERSONAL_ROWS:
        raise ValidationError(
            {NEW_LABEL: f"You can add at most {MAX_PERSONAL_ROWS} personal targets."}
        )
    try:
        label = check_label(_value(data, NEW_LABEL), what="Personal target")
    except ValidationError as error:
        raise ValidationError({NEW_LABEL: error.messages}) from None
    if label.casefold() in {row.label.casefold() for row in rows}:
        raise ValidationError({NEW_LABEL: f"Personal target: “{label}” is already on your card."})
    kind = _value(data, NEW_KIND)
    if kind not in PERSONAL_KINDS:
        raise ValidationError({NEW_KIND: "Personal target: choose how it is recorded."})
    used = {row.key for row in rows}
    key = next(
        f"{PERSONAL_PREFIX}{n}"
        for n in range(1, MAX_PERSONAL_ROWS + 1)
        if f"{PERSONAL_PREFIX}{n}" not in used
    )
    return new_row(key, label, "personal", kind)


def form_rows(assignment, data: Mapping, *, apply_action: bool = False) -> tuple[DiaryRow, ...]:
    """The rows of the card a form post (or `as_inputs` values) is for: the assignment's
    rows of today, then the trainee's personal targets."""
    return (
        *assignment_rows(assignment),
        *personal_rows(assignment, data, apply_action=apply_action),
    )


def editing_rows(assignment, content: dict | None) -> tuple[DiaryRow, ...]:
    """The rows of the card the trainee is editing: the assignment's rows of today, then the
    personal targets their saved card has."""
    if not assignment.personal_rows_allowed:
        return assignment_rows(assignment)
    kept = [row for row in saved_rows(assignment, content) if row.is_personal]
    return (*assignment_rows(assignment), *kept[:MAX_PERSONAL_ROWS])


def cell_name(day: str, row: DiaryRow) -> str:
    return f"{day}-{row.key}"


def day_error_key(day: str) -> str:
    return f"day-{day}"


def behavior_name(number: int, part: str) -> str:
    """Input name for a case-formulation behavior's part; `number` counts from 1."""
    return f"b{number}-{part}"


def text_steps(kind: str) -> tuple[TextStep, ...]:
    """The plain text fields of a kind, in order."""
    return {
        WorksheetKind.CHAIN_ANALYSIS: CHAIN_STEPS,
        WorksheetKind.FREE_TEXT: (RESPONSE,),
        WorksheetKind.FILE_UPLOAD: (NOTE,),
        WorksheetKind.CASE_FORMULATION: (FORMULATION,),
    }.get(kind, ())


# --- parse: form post → content -------------------------------------------------------------


def parse(assignment, data: Mapping) -> dict:
    """The worksheet content in `data` (a form post), or a ValidationError keyed by input name.

    Drafts may be incomplete: only values that could never be right (out of range, not a choice
    the page offered, too long) are refused."""
    content, errors = parse_draft(assignment, data)
    if errors:
        raise ValidationError({name: [message] for name, message in errors.items()})
    return content


def parse_draft(assignment, data: Mapping) -> tuple[dict, dict[str, str]]:
    """The worksheet content in `data` with every value that could never be right left empty,
    and {input name: why} for those values: a draft is a draft, so one out-of-range cell must
    not cost the trainee the note typed after it. A personal target that cannot be added still
    refuses the post (ValidationError), since nothing of it could be stored."""
    errors: dict[str, str] = {}
    kind = assignment.worksheet
    if kind == WorksheetKind.DIARY_CARD:
        rows = form_rows(assignment, data, apply_action=True)
        content = {
            "rows": [row.as_dict() for row in rows],
            "days": {day: _parse_day(day, label, rows, data, errors) for day, label in DAYS},
        }
    elif kind == WorksheetKind.CASE_FORMULATION:
        content = {
            "behaviors": [
                _parse_behavior(number, behavior, len(assignment.behaviors), data, errors)
                for number, behavior in enumerate(assignment.behaviors, start=1)
            ],
            "formulation": _text(data, FORMULATION.key, FORMULATION.label, MAX_TEXT, errors),
        }
    else:
        content = {
            step.key: _text(data, step.key, step.title, MAX_TEXT, errors)
            for step in text_steps(kind)
        }
    return content, errors


def _value(data: Mapping, name: str) -> str:
    value = data.get(name, "")
    return value if isinstance(value, str) else ""


def _text(data: Mapping, name: str, label: str, limit: int, errors: dict) -> str:
    # Browsers send \r\n; one newline convention keeps the stored text and its length honest.
    text = _value(data, name).replace("\r\n", "\n").rstrip()
    if len(text) > limit:
        errors[name] = f"{label}: at most {limit:,} characters (this has {len(text):,})."
        return ""
    return text


def _parse_day(day: str, day_label: str, rows, data: Mapping, errors: dict) -> dict:
    values = {}
    for row in rows:
        name = cell_name(day, row)
        raw = _value(data, name).strip()
        where = f"{day_label}, {row.describe()}"
        if row.kind == TEXT:
            values[row.key] = _text(data, name, where, MAX_CELL_TEXT, errors) or None
        elif not raw:
            values[row.key] = None
        elif row.kind == YES_NO:
            if raw.lower() not in (YES, NO):
                errors[name] = f"{where}: choose yes or no."
                values[row.key] = None
            else:
                values[row.key] = raw.lower() == YES
        else:
            number = _whole_number(raw)
            if number is None or not 0 <= number <= row.high:
                errors[name] = f"{where}: enter a whole number from 0 to {row.high}."
                number = None
            values[row.key] = number
    return values


def _whole_number(raw: str) -> int | None:
    # isdecimal() also accepts other scripts' digits, which int() reads; "+1", "1.0", "1e2" fail.
    return int(raw) if raw.isdecimal() and len(raw) <= 4 else None


def _parse_behavior(number: int, behavior: str, count: int, data: Mapping, errors: dict) -> dict:
    priority_name = behavior_name(number, "priority")
    priority = _value(data, priority_name).strip()
    if priority and priority not in dict(PRIORITY_CHOICES):
        errors[priority_name] = f"“{behavior}”: choose a priority from the list."
        priority = ""
    rank_name = behavior_name(number, "rank")
    raw_rank = _value(data, rank_name).strip()
    rank = _whole_number(raw_rank) if raw_rank else None
    if raw_rank and (rank is None or not 1 <= rank <= count):
        errors[rank_name] = f"“{behavior}”: choose a rank from 1 to {count}."
        rank = None
    justification_name = behavior_name(number, "justification")
    justification = _text(
        data, justification_name, f"“{behavior}”, justification", MAX_TEXT, errors
    )
    return {
        "behavior": behavior,
        "priority": priority,
        "rank": rank,
        "justification": justification,
    }


# --- as_inputs: content → form values -------------------------------------------------------


def as_inputs(assignment, content: dict | None, rows=None) -> dict[str, str]:
    """The form values that show `content` again (the inverse of `parse`). A diary card shows
    `rows` (default: the card as the trainee edits it, `editing_rows`), its personal targets'
    definitions included as their hidden inputs."""
    content = content if isinstance(content, dict) else {}
    kind = assignment.worksheet
    if kind == WorksheetKind.DIARY_CARD:
        rows = editing_rows(assignment, content) if rows is None else rows
        days = content.get("days") if isinstance(content.get("days"), dict) else {}
        values = {}
        for row in rows:
            if row.is_personal:
                values[personal_name(row.key, "label")] = row.label
                values[personal_name(row.key, "kind")] = row.kind
        for day, _label in DAYS:
            stored = days.get(day) if isinstance(days.get(day), dict) else {}
            for row in rows:
                values[cell_name(day, row)] = _show(stored.get(row.key))
        return values
    if kind == WorksheetKind.CASE_FORMULATION:
        # Matched by the behavior's text, so a trainer reordering the lines keeps each answer.
        stored = {b.get("behavior"): b for b in content.get("behaviors") or []}
        values = {FORMULATION.key: content.get(FORMULATION.key) or ""}
        for number, behavior in enumerate(assignment.behaviors, start=1):
            entry = stored.get(behavior) or {}
            for part in ("priority", "rank", "justification"):
                values[behavior_name(number, part)] = _show(entry.get(part))
        return values
    return {step.key: content.get(step.key) or "" for step in text_steps(kind)}


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    return str(value)


# --- incomplete: what submitting needs ------------------------------------------------------


def incomplete(assignment, content: dict | None, *, has_file: bool = False) -> dict[str, str]:
    """{input name: what is missing} for a worksheet that cannot be submitted yet; {} when it
    can. Diary-card gaps are reported per day (key `day-<day>`), not per cell."""
    kind = assignment.worksheet
    rows = saved_rows(assignment, content) if kind == WorksheetKind.DIARY_CARD else None
    values = as_inputs(assignment, content, rows=rows)
    missing: dict[str, str] = {}
    if kind == WorksheetKind.DIARY_CARD:
        for day, label in DAYS:
            empty = [
                row.describe() for row in rows if row.required and not values[cell_name(day, row)]
            ]
            if empty:
                missing[day_error_key(day)] = (
                    f"{label}: fill in every rating and action (0 counts as a rating); "
                    f"missing {_listing(empty)}."
                )
        return missing
    if kind == WorksheetKind.CASE_FORMULATION:
        ranks = Counter()
        for number, behavior in enumerate(assignment.behaviors, start=1):
            if not values[behavior_name(number, "priority")]:
                missing[behavior_name(number, "priority")] = f"“{behavior}”: choose its priority."
            rank = values[behavior_name(number, "rank")]
            if not rank:
                missing[behavior_name(number, "rank")] = f"“{behavior}”: give it a rank."
            else:
                ranks[rank] += 1
            if not values[behavior_name(number, "justification")].strip():
                missing[behavior_name(number, "justification")] = (
                    f"“{behavior}”: justify its place in the order."
                )
        for number, behavior in enumerate(assignment.behaviors, start=1):
            rank = values[behavior_name(number, "rank")]
            if rank and ranks[rank] > 1:
                missing[behavior_name(number, "rank")] = (
                    f"“{behavior}”: rank {rank} is given to more than one behavior; "
                    "use each rank once."
                )
        if not values[FORMULATION.key].strip():
            missing[FORMULATION.key] = "Write the overall case formulation."
        return missing
    if kind == WorksheetKind.FILE_UPLOAD:
        return {} if has_file else {"file": "Choose a file to upload."}
    for step in text_steps(kind):
        if not values[step.key].strip():
            missing[step.key] = f"{step.title}: this is empty."
    return missing


def _listing(items: list[str]) -> str:
    if len(items) > 4:
        return ", ".join(items[:3]) + f" and {len(items) - 3} more"
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]

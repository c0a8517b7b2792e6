"""The DBT worksheets a submission's `content` holds: each kind's fields, how a form post becomes
content (`parse`), how content becomes form values again (`as_inputs`), and what a worksheet
needs before it can be submitted (`incomplete`). Pure: no database, no requests.

Content shapes (JSON):
- chain_analysis: {step key: text} for the seven steps of a behavioral chain analysis.
- diary_card: {"days": {"mon": {row key: value, …}, …}}; ratings and counts are ints, the
  self-harm action a bool, the text rows strings; an empty cell is None.
- case_formulation: {"behaviors": [{"behavior", "priority", "rank", "justification"}, …],
  "formulation": text}, one entry per line of `Assignment.behaviors`, in that order.
- free_text: {"response": text}.   file_upload: {"note": text} (the file is on the submission).

Form inputs are named after the content: a step key, "mon-anger", "b2-rank", "response". A post's
other keys are ignored, so a tampered form can add nothing; a value out of its range refuses the
whole save (ValidationError keyed by input name), so nothing half-valid is ever stored.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from assessments.taxonomy import WorksheetKind
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


@dataclass(frozen=True)
class DiaryRow:
    key: str
    label: str  # as the row header shows it, under its group
    group: str
    kind: str
    high: int = 0  # the top of a rating or count; ratings and counts start at 0

    @property
    def required(self) -> bool:
        """A day is complete when every rating and action is filled (0 is a rating)."""
        return self.kind != TEXT

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


MAX_COUNT = 99
DIARY_ROWS = (
    DiaryRow("urge_suicide", "Suicide", "Urges", RATING, 5),
    DiaryRow("urge_self_harm", "Self-harm", "Urges", RATING, 5),
    DiaryRow("urge_substance", "Substance use", "Urges", RATING, 5),
    DiaryRow("suicidal_ideation", "Suicidal ideation", "Thoughts", RATING, 5),
    DiaryRow("self_harm", "Self-harm", "Actions taken", YES_NO),
    DiaryRow("substance_use", "Substance use", "Actions taken", COUNT, MAX_COUNT),
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
YES, NO = "yes", "no"

NOT_A_TARGET = "none"
PRIORITY_CHOICES = (*TreatmentPriority.choices, (NOT_A_TARGET, "Not a stage-1 target"))
FORMULATION = TextStep(
    "formulation",
    "Overall case formulation",
    "How the behaviors connect, and why this order guides the first sessions.",
)


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
    errors: dict[str, str] = {}
    kind = assignment.worksheet
    if kind == WorksheetKind.DIARY_CARD:
        content = {"days": {day: _parse_day(day, label, data, errors) for day, label in DAYS}}
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
    if errors:
        raise ValidationError({name: [message] for name, message in errors.items()})
    return content


def _value(data: Mapping, name: str) -> str:
    value = data.get(name, "")
    return value if isinstance(value, str) else ""


def _text(data: Mapping, name: str, label: str, limit: int, errors: dict) -> str:
    # Browsers send \r\n; one newline convention keeps the stored text and its length honest.
    text = _value(data, name).replace("\r\n", "\n").rstrip()
    if len(text) > limit:
        errors[name] = f"{label}: at most {limit:,} characters (this has {len(text):,})."
    return text


def _parse_day(day: str, day_label: str, data: Mapping, errors: dict) -> dict:
    values = {}
    for row in DIARY_ROWS:
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
            values[row.key] = raw.lower() == YES
        else:
            number = _whole_number(raw)
            if number is None or not 0 <= number <= row.high:
                errors[name] = f"{where}: enter a whole number from 0 to {row.high}."
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
    rank_name = behavior_name(number, "rank")
    raw_rank = _value(data, rank_name).strip()
    rank = _whole_number(raw_rank) if raw_rank else None
    if raw_rank and (rank is None or not 1 <= rank <= count):
        errors[rank_name] = f"“{behavior}”: choose a rank from 1 to {count}."
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


def as_inputs(assignment, content: dict | None) -> dict[str, str]:
    """The form values that show `content` again (the inverse of `parse`)."""
    content = content or {}
    kind = assignment.worksheet
    if kind == WorksheetKind.DIARY_CARD:
        days = content.get("days") or {}
        values = {}
        for day, _label in DAYS:
            stored = days.get(day) or {}
            for row in DIARY_ROWS:
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
    values = as_inputs(assignment, content)
    kind = assignment.worksheet
    missing: dict[str, str] = {}
    if kind == WorksheetKind.DIARY_CARD:
        for day, label in DAYS:
            empty = [
                row.describe()
                for row in DIARY_ROWS
                if row.required and not values[cell_name(day, row)]
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

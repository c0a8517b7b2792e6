"""Scores of one response, for every question kind.

`fraction_of` answers the share of the question's points a response earns, from 0 to 1, or None
when nobody can say yet (an essay before a trainer grades it) or ever (Likert, surveys). Rules
follow Moodle's, so imported GIFT questions score as they did there:
- single choice: the chosen answer's weight; a negative weight counts as 0;
- multiple answer: the sum of the chosen answers' weights (negative ones subtract), floored at 0
  and capped at 1;
- matching: the share of items matched correctly; ordering: the share of items in their place;
- short answer: the weight of the accepted answer it matches (spaces trimmed and collapsed; case
  ignored unless the question says otherwise); numeric: the best weight among the accepted
  values (within tolerance) and ranges (bounds included).
"""

import re
from decimal import Decimal, InvalidOperation

from assessments.quizzes.rules import is_catch_all
from assessments.taxonomy import QuestionKind

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
_SPACES = re.compile(r"\s+")


def _weight(answer) -> Decimal:
    return Decimal(answer.fraction) / HUNDRED


def _normalise(text: str, *, case_sensitive: bool) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if case_sensitive else text.casefold()


def parse_number(text: str) -> Decimal | None:
    """A typed number: `12.5`, `-3`, `1e3`; a comma as the decimal mark (`12,5`) is accepted as
    many clinicians type it. Anything else is None."""
    cleaned = (text or "").strip().replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def fraction_of(question, answers: list, answer: dict) -> Decimal | None:
    """The share (0..1) of `question`'s points that `answer` earns; `answers` are the question's
    Answer rows in their stored order."""
    kind = question.kind
    if kind in (QuestionKind.LIKERT, QuestionKind.ESSAY, QuestionKind.DESCRIPTION):
        return None
    by_id = {a.pk: a for a in answers}
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE):
        chosen = by_id.get(answer.get("choice"))
        return max(_weight(chosen), ZERO) if chosen else ZERO
    if kind == QuestionKind.MULTIPLE:
        chosen = {by_id[i] for i in answer.get("choices", []) if i in by_id}
        total = sum((_weight(a) for a in chosen), ZERO)
        return min(max(total, ZERO), ONE)
    if kind == QuestionKind.MATCHING:
        items = [a for a in answers if a.text.strip()]
        if not items:
            return ZERO
        pairs = answer.get("pairs", {})
        right = 0
        for item in items:
            picked = by_id.get(pairs.get(str(item.pk)))
            # Two items may share a right-hand side: compare the text, not the row.
            if picked is not None and picked.match == item.match:
                right += 1
        return Decimal(right) / Decimal(len(items))
    if kind == QuestionKind.ORDERING:
        if not answers:
            return ZERO
        # Positions as the trainee set them (1-based): an item scores when it is in its place.
        positions = answer.get("positions", {})
        right = sum(
            1 for index, item in enumerate(answers) if positions.get(str(item.pk)) == index + 1
        )
        return Decimal(right) / Decimal(len(answers))
    if kind in (QuestionKind.SHORT, QuestionKind.NUMERIC):
        best = accepted_answer(question, answers, answer)
        return max(_weight(best), ZERO) if best else ZERO
    raise ValueError(f"unknown question kind {kind!r}")


def accepted_answer(question, answers: list, answer: dict):
    """Short answer and numeric: the best-weighted accepted answer the typed text matches."""
    if question.kind == QuestionKind.SHORT:
        typed = _normalise(answer.get("text", ""), case_sensitive=question.case_sensitive)
        hits = [
            a
            for a in answers
            if typed and _normalise(a.text, case_sensitive=question.case_sensitive) == typed
        ]
    else:
        number = parse_number(answer.get("text", ""))
        hits = []
        if number is not None:
            hits = [a for a in answers if not is_catch_all(a) and _accepts(a, number)]
            # Moodle's `*` answer takes any number the others do not accept.
            hits = hits or [a for a in answers if is_catch_all(a)]
    return max(hits, key=lambda a: a.fraction, default=None)


def _accepts(answer, number: Decimal) -> bool:
    if answer.value is not None:
        return abs(number - answer.value) <= (answer.tolerance or ZERO)
    return answer.low <= number <= answer.high


def is_answered(question, answer: dict) -> bool:
    """Whether a saved answer says anything (an empty text box or no pick is not an answer)."""
    if not answer:
        return False
    if "choice" in answer:
        return answer["choice"] is not None
    if "choices" in answer:
        return bool(answer["choices"])
    if "pairs" in answer:
        return any(answer["pairs"].values())
    if "positions" in answer:
        return any(answer["positions"].values())
    return bool((answer.get("text") or "").strip())

"""Scores of one response, for every question kind.

`fraction_of` answers the share of the question's points a response earns, from 0 to 1, or None
when nobody can say yet (an essay before a trainer grades it) or ever (Likert, surveys). Rules
follow Moodle's, so imported GIFT questions score as they did there:
- single choice: the chosen answer's weight; a negative weight counts as 0;
- multiple answer: the sum of the chosen answers' weights (negative ones subtract), floored at 0
  and capped at 1;
- matching: the share of items matched correctly; ordering: the share of items in their place;
- short answer: the best weight among the accepted answers it matches (see `normalise_typed`
  and `_spelling_matches`); numeric: the best weight among the accepted values (within
  tolerance) and ranges (bounds included).

A short answer matches an accepted answer when, both normalised, the typed text equals the
answer's text or one of its variants (the other spellings a trainer lists: "willfulness" for
"wilfulness", a synonym). With the question's `typo_tolerance` at 1 or 2, it also matches a
spelling it differs from by that many letters wrong, missing, extra or swapped (optimal string
alignment distance), but only when both have `MIN_TOLERANT_LENGTH` characters or more: "TIP" and
"TIPP" differ by one letter and are different names, so short words count only as listed.
As in Moodle, `*` in an answer stands for any characters (`\\*` for a star itself); a pattern
matches only as written, never within a tolerance.
"""

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from assessments.quizzes.rules import is_catch_all, spellings
from assessments.taxonomy import QuestionKind

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
_SPACES = re.compile(r"\s+")
MIN_TOLERANT_LENGTH = 4
# An unescaped `*` in an answer, kept through normalising as a private-use character (neither
# punctuation nor a symbol, so never stripped).
_WILDCARD, _WILDCARD_MARK = re.compile(r"(?<!\\)\*"), "\ue000"


def _weight(answer) -> Decimal:
    return Decimal(answer.fraction) / HUNDRED


def normalise_typed(text: str, *, case_sensitive: bool) -> str:
    """A short answer as it is compared: Unicode compatibility forms folded (NFKC: full-width
    letters, ligatures), case ignored unless `case_sensitive`, dashes read as spaces ("DEAR-MAN"
    is "DEAR MAN"), spaces collapsed, and punctuation and symbols around it dropped
    ("“Wise mind.”" is "wise mind"); punctuation inside stays ("don't")."""
    text = unicodedata.normalize("NFKC", text)
    if not case_sensitive:
        text = text.casefold()
    text = "".join(" " if unicodedata.category(char) == "Pd" else char for char in text)
    text = _SPACES.sub(" ", text)
    start, end = 0, len(text)
    while start < end and _is_surrounding(text[start]):
        start += 1
    while end > start and _is_surrounding(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_surrounding(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PS"


def parse_number(text: str) -> Decimal | None:
    """A typed number: `12.5`, `-3`, `1e3`; a comma as the decimal mark (`12,5`) is accepted as
    many clinicians type it. Anything else is None, and so are infinity, NaN and numbers past
    what a double holds (`1e309`): a browser, a spreadsheet or an export reads them as
    infinity, so calling them numbers would tell the trainee something no other tool agrees with."""
    cleaned = (text or "").strip().replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not number.is_finite() or not math.isfinite(float(number)):
        return None
    return number


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
        case_sensitive = question.case_sensitive
        typed = normalise_typed(answer.get("text", ""), case_sensitive=case_sensitive)
        tolerance = question.typo_tolerance or 0
        hits = []
        if typed:
            hits = [
                a
                for a in answers
                if any(
                    _spelling_matches(typed, spelling, case_sensitive, tolerance)
                    for spelling in spellings(a)
                )
            ]
    else:
        number = parse_number(answer.get("text", ""))
        hits = []
        if number is not None:
            hits = [a for a in answers if not is_catch_all(a) and _accepts(a, number)]
            # Moodle's `*` answer takes any number the others do not accept.
            hits = hits or [a for a in answers if is_catch_all(a)]
    return max(hits, key=lambda a: a.fraction, default=None)


def _spelling_matches(typed: str, spelling: str, case_sensitive: bool, tolerance: int) -> bool:
    """Whether normalised typed text matches one accepted spelling (a wildcard pattern or not)."""
    pattern = _pattern(spelling, case_sensitive)
    if pattern is not None:
        return pattern.fullmatch(typed) is not None
    wanted = normalise_typed(spelling.replace("\\*", "*"), case_sensitive=case_sensitive)
    if typed == wanted:
        return True
    return (
        tolerance > 0
        and min(len(typed), len(wanted)) >= MIN_TOLERANT_LENGTH
        and edit_distance(typed, wanted, limit=tolerance) <= tolerance
    )


@lru_cache(maxsize=1024)
def _pattern(spelling: str, case_sensitive: bool) -> re.Pattern | None:
    """Moodle's short-answer wildcard: `*` any characters (none too), `\\*` a star itself; None
    for a spelling without a wildcard. Normalised like the typed text, around the stars too."""
    if not _WILDCARD.search(spelling):
        return None
    marked = _WILDCARD.sub(_WILDCARD_MARK, spelling).replace("\\*", "*")
    pieces = normalise_typed(marked, case_sensitive=case_sensitive).split(_WILDCARD_MARK)
    return re.compile(".*".join(re.escape(piece) for piece in pieces), re.DOTALL)


def edit_distance(a: str, b: str, *, limit: int) -> int:
    """The optimal string alignment distance between `a` and `b` (letters substituted, inserted,
    deleted, or two neighbours swapped, each counting 1), or `limit + 1` once it is sure to be
    over `limit`. Short answers are short: a plain dynamic programme is fast enough."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)


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

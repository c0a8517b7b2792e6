"""What makes a question's answers complete, in one place: the authoring form, GIFT import and
the model's own validation all ask `answer_problems`.

Answers are anything with the attributes of `assessments.quizzes.interchange.AnswerData` (text,
variants, fraction, feedback, match, value, tolerance, low, high); fractions are percentages, as
GIFT writes them.
"""

from decimal import Decimal

from assessments.taxonomy import QuestionKind

FULL = Decimal(100)
# Fractions are stored with five decimals, so thirds (33.33333) add up to 100 within this.
ROUNDING = Decimal("0.01")


def answer_problems(kind: str, answers: list) -> list[str]:
    """Reasons, in plain words, why these answers cannot make a question of this kind."""
    problems = []
    for answer in answers:
        if not -FULL <= answer.fraction <= FULL:
            problems.append(f"A weight of {answer.fraction:g}% is outside -100% to 100%.")
    if problems:
        return problems
    positive = [a.fraction for a in answers if a.fraction > 0]
    if kind != QuestionKind.SHORT and any(variant_lines(a.variants) for a in answers):
        problems.append("Only short answers have other spellings.")
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.LIKERT):
        texts = [a.text for a in answers]
        if len(answers) < 2:
            problems.append("Give at least two choices.")
        if any(not text.strip() for text in texts):
            problems.append("Every choice needs its text.")
    if kind == QuestionKind.SINGLE and answers and max(a.fraction for a in answers) != FULL:
        problems.append("Mark one choice as correct (100%).")
    if kind == QuestionKind.MULTIPLE and answers:
        total = sum(positive, Decimal(0))
        if total > FULL + ROUNDING:
            problems.append(f"The positive weights add up to {total:g}%, over 100%.")
        elif total < FULL - ROUNDING:
            problems.append(f"The positive weights add up to {total:g}%; they must make 100%.")
    if kind == QuestionKind.LIKERT and any(a.fraction for a in answers):
        problems.append("Likert points are not scored: leave their weights at 0.")
    if kind == QuestionKind.TRUE_FALSE:
        if sorted(a.text for a in answers) != ["False", "True"] or len(positive) != 1:
            problems.append("A true/false question has the answers True and False, one correct.")
    if kind == QuestionKind.MATCHING:
        pairs = [a for a in answers if a.text.strip()]
        if len(pairs) < 2:
            problems.append("Give at least two pairs to match.")
        if any(not a.match.strip() for a in answers):
            problems.append("Every pair needs its match.")
        lefts = [a.text.strip() for a in pairs]
        if len(set(lefts)) != len(lefts):
            problems.append("Each item to match must be different.")
    if kind == QuestionKind.ORDERING:
        if len(answers) < 2:
            problems.append("Give at least two items to put in order.")
        if any(not a.text.strip() for a in answers):
            problems.append("Every item needs its text.")
    if kind == QuestionKind.SHORT:
        if not answers:
            problems.append("Give at least one accepted answer.")
        elif any(not a.text.strip() for a in answers):
            problems.append("Every accepted answer needs its text.")
        elif max(a.fraction for a in answers) != FULL:
            problems.append("At least one accepted answer must be worth 100%.")
    if kind == QuestionKind.NUMERIC:
        accepted = [a for a in answers if not is_catch_all(a)]
        if not accepted:
            problems.append("Give at least one accepted number or range.")
        if len(accepted) < len(answers) - 1:
            problems.append("Give the feedback for any other number only once.")
        for answer in accepted:
            if answer.value is None and (answer.low is None or answer.high is None):
                problems.append("Every numeric answer needs a value or a range.")
            elif answer.value is not None and (answer.tolerance or 0) < 0:
                problems.append("A tolerance cannot be negative.")
            elif answer.value is None and answer.low > answer.high:
                problems.append(f"The range {answer.low}..{answer.high} runs backwards.")
        if accepted and max(a.fraction for a in answers) != FULL:
            problems.append("At least one accepted number must be worth 100%.")
    if kind == QuestionKind.ESSAY and answers:
        problems.append("An essay question has no answers to pick from.")
    if kind == QuestionKind.DESCRIPTION and answers:
        problems.append("A description is text to read: it has no answers.")
    return problems


def variant_lines(variants: str) -> list[str]:
    """A short answer's other spellings: one a line, blank lines and surrounding spaces dropped."""
    return [line.strip() for line in (variants or "").splitlines() if line.strip()]


def spellings(answer) -> list[str]:
    """Every spelling that counts as this short answer: its text, then its variants."""
    return [answer.text, *variant_lines(answer.variants)]


def is_catch_all(answer) -> bool:
    """Numeric: Moodle's `*` answer (GIFT's `~#feedback`), with no value and no range, which
    stands for any number the other answers do not accept (its weight and feedback apply)."""
    return answer.value is None and answer.low is None and answer.high is None

"""Questions as the interchange formats carry them: one shape for GIFT, Moodle XML and the course
package, so that each format only parses and writes text, and one service saves what any of them read.

Pure: no database. `question_data` reads a saved question into this shape for an export; the
import services (`services.import_questions`) turn it back into rows.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from assessments.quizzes.rules import variant_lines

# The site-independent way a question's text refers to one of its files (Moodle's own token, so
# Moodle XML carries the text unchanged); pages rewrite it to the view that serves the file.
PLUGINFILE = "@@PLUGINFILE@@/"


@dataclass
class AnswerData:
    text: str = ""  # choice text / accepted short answer / matching left side / ordering item
    fraction: Decimal = Decimal(0)  # percent, -100..100 (`=` → 100, `~` → 0, `~%50%` → 50)
    feedback: str = ""
    match: str = ""  # matching: the right-hand side
    value: Decimal | None = None  # numeric: `value:tolerance` (or bare value, tolerance 0)
    tolerance: Decimal | None = None
    low: Decimal | None = None  # numeric range `low..high` (value stays None)
    high: Decimal | None = None
    text_format: str = ""  # the answer's own format, when it differs from the question's ("")
    variants: str = ""  # short answer: other spellings that count as `text`, one a line


@dataclass
class MediaData:
    """A file the question's text, answers or feedback show, by the name they use for it."""

    name: str
    content: bytes = field(repr=False)


@dataclass
class QuestionData:
    kind: str  # an assessments.taxonomy.QuestionKind value
    text: str  # question text, unescaped, in its own format (markup kept as written)
    name: str = ""
    text_format: str = "moodle"  # "markdown" | "html" | "plain" | "moodle" (GIFT's default)
    answers: list[AnswerData] = field(default_factory=list)
    general_feedback: str = ""
    category: str = ""  # the bank category's path, names from the top joined by "/" ("" if none)
    points: Decimal = Decimal(1)
    case_sensitive: bool = False
    typo_tolerance: int = 0  # short answer: letters that may be wrong, missing or extra (0..2)
    media: list[MediaData] = field(default_factory=list)
    # 1-based line where the question starts (its first non-comment line). Where a question
    # sits in a file is not part of the question, so a dumped and re-parsed question is equal.
    line: int = field(default=0, compare=False)


@dataclass
class ImportProblem:
    line: int
    reason: str
    name: str = ""  # the question's name if it had one


@dataclass
class ParseResult:
    questions: list[QuestionData]
    errors: list[ImportProblem]  # questions that cannot be imported: the file is refused
    # What was left out on purpose (an unknown kind, a description where none is wanted): said,
    # never a reason to refuse the file.
    warnings: list[ImportProblem] = field(default_factory=list)


ANSWER_FIELDS = (
    "text",
    "variants",
    "match",
    "fraction",
    "feedback",
    "value",
    "tolerance",
    "low",
    "high",
    "text_format",
)


def question_data(question, *, category: str = "", media: bool = False) -> QuestionData:
    """A saved question (answers prefetched) in the interchange shape; with `media`, its files'
    bytes are read too (the exports that embed them ask for it)."""
    return QuestionData(
        kind=question.kind,
        text=question.text,
        name=question.name,
        text_format=question.text_format,
        answers=[
            AnswerData(**{name: getattr(answer, name) for name in ANSWER_FIELDS})
            for answer in question.answers.all()
        ],
        general_feedback=question.general_feedback,
        category=category,
        points=question.points,
        case_sensitive=question.case_sensitive,
        typo_tolerance=question.typo_tolerance,
        media=[read_media(item) for item in question.media.all()] if media else [],
    )


def spread_variants(answers: list[AnswerData]) -> tuple[list[AnswerData], list[int]]:
    """Short answers for a format with no place for variants (GIFT, Moodle XML): each variant
    written as an accepted answer of its own right after the answer it spells, with its weight
    and feedback (so Moodle scores it the same), and how many follow each answer, the zeros at
    the end left out (`fold_variants` reads them back)."""
    written, counts = [], []
    for answer in answers:
        variants = variant_lines(answer.variants)
        written.append(replace(answer, variants=""))
        written.extend(replace(answer, text=variant, variants="") for variant in variants)
        counts.append(len(variants))
    while counts and not counts[-1]:
        counts.pop()
    return written, counts


def fold_variants(answers: list[AnswerData], counts: list[int]) -> list[AnswerData]:
    """The answers `spread_variants` wrote, each with its variants again. Raises ValueError when
    the counts do not fit the answers."""
    if any(count < 0 for count in counts) or len(counts) + sum(counts) > len(answers):
        raise ValueError(
            f"{len(counts)} answers and {sum(counts)} variants after them, but the question has "
            f"{len(answers)} answers"
        )
    folded, at = [], 0
    for count in counts:
        answer = answers[at]
        variants = [variant.text.strip() for variant in answers[at + 1 : at + 1 + count]]
        folded.append(replace(answer, variants="\n".join(variants)))
        at += 1 + count
    return folded + answers[at:]


def read_media(item) -> MediaData:
    with item.file.open("rb") as handle:
        return MediaData(name=item.name, content=handle.read())


def split_path(path: str) -> list[str]:
    """A category path's names: "a/b/c" → ["a", "b", "c"]; "//" is a "/" inside a name (as
    Moodle writes it), and empty names are dropped."""
    names, current, at = [], [], 0
    while at < len(path):
        if path.startswith("//", at):
            current.append("/")
            at += 2
        elif path[at] == "/":
            names.append("".join(current))
            current = []
            at += 1
        else:
            current.append(path[at])
            at += 1
    names.append("".join(current))
    return [name.strip() for name in names if name.strip()]


def join_path(names: list[str]) -> str:
    return "/".join(name.replace("/", "//") for name in names)

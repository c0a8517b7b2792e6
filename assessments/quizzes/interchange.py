"""Questions as the interchange formats carry them: one shape for GIFT, Moodle XML and the course
package, so that each format only parses and writes text, and one service saves what any of them read.

Pure: no database. `question_data` reads a saved question into this shape for an export; the
import services (`services.import_questions`) turn it back into rows.
"""

from dataclasses import dataclass, field
from decimal import Decimal

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
        media=[read_media(item) for item in question.media.all()] if media else [],
    )


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

"""Moodle XML, the format Moodle's question bank imports and exports: `parse` a file into
questions, errors and warnings, `dump` questions back.

A file is a `<quiz>` of `<question type="...">` elements. The types read and written here::

    multichoice   single choice (<single>true</single>) or multiple answer (false)
    truefalse     true/false: answers "true" and "false" (ours "True" and "False")
    shortanswer   short answer; <usecase>1</usecase> makes it case-sensitive
    numerical     numeric: each <answer> a value with its <tolerance> (units are ignored)
    matching      matching: <subquestion> text and <answer>; no text makes a distractor
    ordering      ordering (the qtype_ordering plugin): item positions in their fractions
    essay, description

A `<question type="category">` sets the category path of the questions after it; the path is
kept as written (`$course$/top/DBT/Mindfulness`) and the import service reads our category names
from it. Other types (calculated, cloze, drag and drop, random, ...) are left out with a warning.

Likert scales have no Moodle type: they are written as single-choice multichoice questions with
every fraction 0, in their own order, tagged `dbt-likert` (`<tags><tag><text>dbt-likert</text>
</tag></tags>`). Moodle keeps the tag as an ordinary question tag; our import reads the tag back
as a Likert question.

A short answer's variants (other spellings that count as it) are written as accepted answers of
their own right after it, with its fraction and feedback, so Moodle accepts them too, and a tag
says how many follow each answer (the zeros at the end left out): `dbt-variants-1-0-2` is an
answer with one variant, one with none, and one with two; our import folds them back. The
misspellings a short answer allows travel as a tag too, `dbt-typo-tolerance-1`. (Tags, not
elements of our own: Moodle keeps a question's tags through its own import and export.)

What our questions have no place for is read and dropped: penalties, hidden, shuffling,
numbering, combined feedback, units, the formats of feedback (feedback takes the question's
format) and a description's grade (Moodle's is 0, ours stays the default). The numeric answer
`*` is the catch-all (any other number: its weight and feedback), read and written as GIFT's
`~#feedback` is. An answer's own format is kept for the kinds that
show answers as text (choices, pairs, items), not for data (a typed word, a number). Matching
pairs have no feedback in Moodle, so theirs is not written; numeric ranges are not Moodle's
either, so low..high is written as its middle with half its width as tolerance.

Images (`<file encoding="base64">` anywhere in a question) become the question's media, named as
the text refers to them (`@@PLUGINFILE@@/name.png`); an export writes them all in
`<questiontext>`.

Hardened: files over `MAX_BYTES` are refused unread, and the XML is parsed by defusedxml with
DTDs, entity declarations and external references refused (billion laughs, XXE). Pure on
purpose, like `gift`: no database; the import service decides what to save.
"""

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from assessments.models.quizzes import MAX_TYPO_TOLERANCE
from assessments.quizzes.interchange import (
    AnswerData,
    ImportProblem,
    MediaData,
    ParseResult,
    QuestionData,
    fold_variants,
    spread_variants,
)
from assessments.quizzes.rules import answer_problems, is_catch_all
from assessments.taxonomy import QuestionKind, TextFormat
from dbt_training.core.formatting import plain_number
from dbt_training.core.text import strip_control_characters

K = QuestionKind

MAX_BYTES = 30 * 1024 * 1024
HUNDRED = Decimal(100)
ZERO = Decimal(0)
LIKERT_TAG = "dbt-likert"
VARIANTS_TAG = "dbt-variants-"  # + the counts, as in dbt-variants-1-0-2
TYPO_TAG = "dbt-typo-tolerance-"  # + the letters, as in dbt-typo-tolerance-1
ROOT_CATEGORY = "$course$/top"

# Moodle's format names ↔ ours.
FORMATS_IN = {
    "html": TextFormat.HTML,
    "moodle_auto_format": TextFormat.MOODLE,
    "plain_text": TextFormat.PLAIN,
    "markdown": TextFormat.MARKDOWN,
}
FORMATS_OUT = {ours: theirs for theirs, ours in FORMATS_IN.items()}

# Moodle's types for ours, and back.
TYPES = {
    K.SINGLE: "multichoice",
    K.MULTIPLE: "multichoice",
    K.LIKERT: "multichoice",
    K.TRUE_FALSE: "truefalse",
    K.SHORT: "shortanswer",
    K.NUMERIC: "numerical",
    K.MATCHING: "matching",
    K.ORDERING: "ordering",
    K.ESSAY: "essay",
    K.DESCRIPTION: "description",
}
KNOWN_TYPES = set(TYPES.values())
# Kinds whose answers are shown as formatted text; the others' answers are data (a word the
# trainee types, a number, True or False), so their format means nothing.
FORMATTED_ANSWER_KINDS = {K.SINGLE, K.MULTIPLE, K.LIKERT, K.MATCHING, K.ORDERING}

ENCODING_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']*)["']""")
BOOLEAN_TRUE = ("1", "true", "yes")
NUMERIC_ANY = "*"
# Numbers beyond 10^±24 are out of reach of every decimal field that keeps them.
MAX_EXPONENT = 24
DTD_REFUSED = (
    "The file declares a DTD (<!DOCTYPE ...>) or entities, which Moodle XML never has; it was "
    "not read."
)


def parse(data: bytes) -> ParseResult:
    """The questions of a Moodle XML file, an error for each question that cannot be imported
    (or one for the whole file), and a warning for each one left out on purpose."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX_BYTES:  # before any parsing: the limit bounds the parser's work
        return _refused(
            f"The file is over {MAX_BYTES // (1024 * 1024)} MB, the most a Moodle XML import "
            "reads: export the questions in smaller categories."
        )
    root, lines, reason = _read_tree(data)
    if root is None:
        return _refused(reason)
    result = ParseResult(questions=[], errors=[], warnings=[])
    category = ""
    for element in root:
        if element.tag != "question":
            continue
        line = lines.get(id(element), 0)
        qtype = (element.get("type") or "").strip()
        if qtype == "category":
            category = _clean(_text(element.find("category")))
            continue
        name = _clean(_text(element.find("name")))
        if qtype not in KNOWN_TYPES:
            reason = (
                f"The question type “{_clean(qtype)[:40]}” is not supported here; skipped"
                if qtype
                else "The question has no type; skipped"
            )
            result.warnings.append(ImportProblem(line=line, reason=reason, name=name))
            continue
        question = QuestionData(kind="", text="", name=name, category=category, line=line)
        try:
            _Reader(element, question, result.warnings).read(qtype)
        except _Invalid as problem:
            result.errors.append(ImportProblem(line=line, reason=problem.reason, name=name))
            continue
        problems = answer_problems(question.kind, question.answers)
        if problems:
            result.errors.extend(ImportProblem(line=line, reason=p, name=name) for p in problems)
            continue
        result.questions.append(question)
    return result


def dump(questions: list[QuestionData]) -> bytes:
    """Moodle XML for the questions; `parse` gives them back unchanged, and a second dump of what
    it gave back is the same bytes."""
    root = ET.Element("quiz")
    category = ""
    for question in questions:
        if question.category != category:
            category = question.category
            root.append(_category_element(category))
        root.append(_question_element(question))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


# --- reading ------------------------------------------------------------------------------------


class _Invalid(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _LineRecorder(ET.TreeBuilder):
    """Builds the tree and notes the line each `<question>` starts on (ElementTree keeps none)."""

    def __init__(self):
        super().__init__()
        self.parser = None
        self.lines: dict[int, int] = {}

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        if tag == "question" and self.parser is not None:
            self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def _refused(reason: str) -> ParseResult:
    return ParseResult(questions=[], errors=[ImportProblem(line=0, reason=reason)])


def _read_tree(data: bytes):
    """(root, lines of the questions, None), or (None, {}, why the file cannot be read)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None, {}, "The file is not UTF-8 text; Moodle XML files are UTF-8."
    declared = ENCODING_DECLARATION.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).decode().lower().replace("-", "") != "utf8":
        return (
            None,
            {},
            f"The file says it is encoded as {declared.group(1).decode()[:40]}; Moodle XML files "
            "are UTF-8.",
        )
    builder = _LineRecorder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except (DTDForbidden, EntitiesForbidden):
        # Moodle never writes a DTD; one is how entity expansion (billion laughs) and external
        # entities (XXE) get in, so the file is refused unread.
        return None, {}, DTD_REFUSED
    except DefusedXmlException:
        return None, {}, "The file refers to external resources; it was not read."
    except (ParseError, ValueError) as problem:
        return None, {}, f"The file is not well-formed XML ({problem})."
    if root.tag != "quiz":
        return (
            None,
            {},
            f"The file's root element is <{_clean(root.tag)[:40]}>, not <quiz>: this is not a "
            "Moodle XML question file.",
        )
    return root, builder.lines, None


def _clean(text: str) -> str:
    return strip_control_characters(text).strip()


def _text(element) -> str:
    """The `<text>` inside an element ("" when either is missing)."""
    if element is None:
        return ""
    inner = element.find("text")
    return "" if inner is None else "".join(inner.itertext())


def _child_text(element, tag: str) -> str:
    child = element.find(tag)
    return "" if child is None else _clean("".join(child.itertext()))


def _decimal(raw: str) -> Decimal | None:
    """The number, written plainly: Moodle's "1.0000000" is 1 (as our decimal fields want it)."""
    try:
        number = Decimal(raw.strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number.adjusted()) > MAX_EXPONENT:
        return None  # (written out, 1e999999999 would take a gigabyte)
    return Decimal(format(number.normalize(), "f"))


class _Reader:
    """Reads one `<question>` into `question`; raises `_Invalid` for what cannot be imported."""

    def __init__(self, element, question: QuestionData, warnings: list[ImportProblem]):
        self.element = element
        self.question = question
        self.warnings = warnings

    def read(self, qtype: str) -> None:
        q, element = self.question, self.element
        text_element = element.find("questiontext")
        q.text_format = self.text_format(text_element, TextFormat.MOODLE)
        q.text = _clean(_text(text_element))
        if not q.text:
            raise _Invalid("The question has no text.")
        q.general_feedback = _clean(_text(element.find("generalfeedback")))
        grade = _child_text(element, "defaultgrade")
        # A description is never scored: Moodle gives it 0 points, we leave ours at the default.
        if grade and qtype != "description":
            points = _decimal(grade)
            if points is None or points <= 0:
                raise _Invalid(
                    f"The default grade “{grade[:40]}” is not a number of points (more than 0)."
                )
            q.points = points
        q.media = self.media()
        getattr(self, f"read_{qtype}")()

    def text_format(self, element, default: str) -> str:
        raw = element.get("format") if element is not None else None
        if raw is None:
            return default
        if raw not in FORMATS_IN:
            raise _Invalid(
                f"The text format “{_clean(raw)[:40]}” is not one we know: use html, "
                "moodle_auto_format, plain_text or markdown."
            )
        return FORMATS_IN[raw]

    def media(self) -> list[MediaData]:
        files, seen = [], set()
        for item in self.element.iter("file"):
            name = _clean(item.get("name") or "")
            folder = (item.get("path") or "/").strip()
            if not name:
                raise _Invalid("An embedded file has no name.")
            if folder != "/" or "/" in name or "\\" in name:
                raise _Invalid(
                    f"The embedded file “{name[:60]}” sits in a folder; we keep files "
                    'only at the top (path="/").'
                )
            if (item.get("encoding") or "base64") != "base64":
                raise _Invalid(f"The embedded file “{name[:60]}” is not base64-encoded.")
            try:
                content = base64.b64decode("".join((item.text or "").split()), validate=True)
            except (binascii.Error, ValueError):
                raise _Invalid(f"The embedded file “{name[:60]}” is not valid base64.") from None
            if name not in seen:
                seen.add(name)
                files.append(MediaData(name=name, content=content))
        return files

    def answer(self, element, *, formatted: bool) -> AnswerData:
        """An `<answer>` (or `<subquestion>`): its text, fraction and feedback."""
        answer = AnswerData(
            text=_clean(_text(element)), feedback=_clean(_text(element.find("feedback")))
        )
        raw = element.get("fraction")
        if raw is not None:
            fraction = _decimal(raw)
            if fraction is None:
                raise _Invalid(f"The answer fraction “{_clean(raw)[:40]}” is not a number.")
            answer.fraction = fraction
        if formatted:
            text_format = self.text_format(element, self.question.text_format)
            answer.text_format = "" if text_format == self.question.text_format else text_format
        return answer

    def answers(self, *, formatted: bool) -> list[AnswerData]:
        return [self.answer(a, formatted=formatted) for a in self.element.findall("answer")]

    def read_multichoice(self) -> None:
        q = self.question
        single = (_child_text(self.element, "single") or "true").lower() in BOOLEAN_TRUE
        if LIKERT_TAG in self.tags():
            q.kind = K.LIKERT
        else:
            q.kind = K.SINGLE if single else K.MULTIPLE
        q.answers = self.answers(formatted=True)

    def read_truefalse(self) -> None:
        q = self.question
        q.kind = K.TRUE_FALSE
        q.answers = self.answers(formatted=False)
        for answer in q.answers:
            if answer.text.lower() in ("true", "false"):
                answer.text = answer.text.capitalize()

    def read_shortanswer(self) -> None:
        q = self.question
        q.kind = K.SHORT
        q.case_sensitive = _child_text(self.element, "usecase").lower() in BOOLEAN_TRUE
        q.answers = self.answers(formatted=False)
        for tag in self.tags():
            if tag.startswith(TYPO_TAG):
                letters = tag.removeprefix(TYPO_TAG)
                if not letters.isdigit() or int(letters) > MAX_TYPO_TOLERANCE:
                    raise _Invalid(
                        f"The tag “{tag[:60]}” does not give 0 to {MAX_TYPO_TOLERANCE} letters."
                    )
                q.typo_tolerance = int(letters)
            elif tag.startswith(VARIANTS_TAG):
                counts = tag.removeprefix(VARIANTS_TAG).split("-")
                if not all(count.isdigit() for count in counts):
                    raise _Invalid(
                        f"The tag “{tag[:60]}” does not count the variants after each answer, "
                        "as in dbt-variants-1-0-2."
                    )
                try:
                    q.answers = fold_variants(q.answers, [int(count) for count in counts])
                except ValueError as error:
                    raise _Invalid(f"The tag “{tag[:60]}” counts {error}.") from None

    def tags(self) -> list[str]:
        """The question's tags, as our import compares them (Moodle keeps their case)."""
        return [_clean(_text(tag)).lower() for tag in self.element.iterfind("tags/tag")]

    def read_numerical(self) -> None:
        q = self.question
        q.kind = K.NUMERIC
        for element in self.element.findall("answer"):
            answer = self.answer(element, formatted=False)
            if answer.text.strip() == NUMERIC_ANY:
                # Any other number: no value, no range (`rules.is_catch_all`), its own weight
                # and feedback, as GIFT's `~#feedback` is read.
                answer.text = ""
                q.answers.append(answer)
                continue
            answer.value = _decimal(answer.text)
            if answer.value is None:
                raise _Invalid(f"The numerical answer “{answer.text[:40]}” is not a number.")
            tolerance = _child_text(element, "tolerance")
            answer.tolerance = _decimal(tolerance) if tolerance else ZERO
            if answer.tolerance is None:
                raise _Invalid(f"The tolerance “{tolerance[:40]}” is not a number.")
            answer.text = ""
            q.answers.append(answer)

    def read_matching(self) -> None:
        q = self.question
        q.kind = K.MATCHING
        for element in self.element.findall("subquestion"):
            pair = self.answer(element, formatted=True)
            # A subquestion without text is a distractor: a match no item leads to.
            pair.match = _clean(_text(element.find("answer")))
            pair.fraction, pair.feedback = HUNDRED, ""
            q.answers.append(pair)

    def read_ordering(self) -> None:
        q = self.question
        q.kind = K.ORDERING
        elements = self.element.findall("answer")
        # qtype_ordering keeps each item's position in its fraction (1, 2, 3, ...).
        positions = [_decimal(a.get("fraction") or "") for a in elements]
        if all(position is not None for position in positions):
            elements = [a for _, a in sorted(zip(positions, elements, strict=True), key=_first)]
        q.answers = [self.answer(a, formatted=True) for a in elements]
        for answer in q.answers:
            answer.fraction = HUNDRED

    def read_essay(self) -> None:
        self.question.kind = K.ESSAY

    def read_description(self) -> None:
        self.question.kind = K.DESCRIPTION


def _first(pair):
    return pair[0]


# --- writing ------------------------------------------------------------------------------------


def _out(text: str) -> str:
    """Text as XML can carry it: no control characters, line breaks as XML reads them back."""
    return strip_control_characters(text.replace("\r\n", "\n").replace("\r", "\n"))


def _sub(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = _out(text)
    return element


def _text_element(parent, tag: str, text: str, text_format: str | None = None) -> ET.Element:
    attributes = {"format": FORMATS_OUT[text_format]} if text_format else {}
    element = _sub(parent, tag, **attributes)
    _sub(element, "text", text)
    return element


def _category_element(category: str) -> ET.Element:
    names = category.split("/", 1)[0]
    # A path read from a Moodle file already starts with its context ($course$, $module$ ...).
    if names.startswith("$") and names.endswith("$") and len(names) > 1:
        path = category
    else:
        path = f"{ROOT_CATEGORY}/{category}" if category else ROOT_CATEGORY
    element = ET.Element("question", {"type": "category"})
    _text_element(element, "category", path)
    return element


def _question_element(q: QuestionData) -> ET.Element:
    element = ET.Element("question", {"type": TYPES[K(q.kind)]})
    _text_element(element, "name", q.name)
    text = _text_element(element, "questiontext", q.text, q.text_format)
    for item in q.media:
        _sub(
            text,
            "file",
            base64.b64encode(item.content).decode("ascii"),
            name=item.name,
            path="/",
            encoding="base64",
        )
    _text_element(element, "generalfeedback", q.general_feedback, q.text_format)
    _sub(element, "defaultgrade", "0" if q.kind == K.DESCRIPTION else plain_number(q.points))
    _sub(element, "penalty", PENALTIES.get(K(q.kind), "0.3333333"))
    _sub(element, "hidden", "0")
    _sub(element, "idnumber", "")
    WRITERS[K(q.kind)](element, q)
    tags = _tags(q)
    if tags:
        tags_element = _sub(element, "tags")
        for tag in tags:
            _sub(_sub(tags_element, "tag"), "text", tag)
    return element


def _tags(q: QuestionData) -> list[str]:
    """What our questions have and Moodle's do not, as question tags."""
    if q.kind == K.LIKERT:
        return [LIKERT_TAG]
    if q.kind != K.SHORT:
        return []
    _answers, counts = spread_variants(q.answers)
    tags = [f"{TYPO_TAG}{q.typo_tolerance}"] if q.typo_tolerance else []
    if counts:
        tags.append(VARIANTS_TAG + "-".join(str(count) for count in counts))
    return tags


PENALTIES = {K.TRUE_FALSE: "1", K.ESSAY: "0", K.DESCRIPTION: "0"}


def _answer_element(parent, q: QuestionData, answer: AnswerData, *, fraction, text: str):
    if K(q.kind) in FORMATTED_ANSWER_KINDS:
        text_format = answer.text_format or q.text_format
    else:
        text_format = TextFormat.MOODLE
    element = _sub(
        parent, "answer", fraction=plain_number(fraction), format=FORMATS_OUT[text_format]
    )
    _sub(element, "text", text)
    _text_element(element, "feedback", answer.feedback, q.text_format)
    return element


def _combined_feedback(element, q: QuestionData) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text_element(element, tag, "", q.text_format)
    _sub(element, "shownumcorrect")


def _write_multichoice(element, q: QuestionData) -> None:
    likert = q.kind == K.LIKERT
    _sub(element, "single", "false" if q.kind == K.MULTIPLE else "true")
    _sub(element, "shuffleanswers", "false" if likert else "true")
    _sub(element, "answernumbering", "none" if likert else "abc")
    _sub(element, "showstandardinstruction", "0")
    _combined_feedback(element, q)
    for answer in q.answers:
        _answer_element(element, q, answer, fraction=answer.fraction, text=answer.text)


def _write_truefalse(element, q: QuestionData) -> None:
    for answer in q.answers:
        _answer_element(element, q, answer, fraction=answer.fraction, text=answer.text.lower())


def _write_shortanswer(element, q: QuestionData) -> None:
    _sub(element, "usecase", "1" if q.case_sensitive else "0")
    answers, _counts = spread_variants(q.answers)
    for answer in answers:
        _answer_element(element, q, answer, fraction=answer.fraction, text=answer.text)


def _write_numerical(element, q: QuestionData) -> None:
    for answer in q.answers:
        if is_catch_all(answer):
            written = _answer_element(
                element, q, answer, fraction=answer.fraction, text=NUMERIC_ANY
            )
            _sub(written, "tolerance", "0")
            continue
        if answer.value is None:  # Moodle has no ranges: low..high is its middle ± half its width
            value = (answer.low + answer.high) / 2
            tolerance = (answer.high - answer.low) / 2
        else:
            value, tolerance = answer.value, answer.tolerance or ZERO
        written = _answer_element(
            element, q, answer, fraction=answer.fraction, text=plain_number(value)
        )
        _sub(written, "tolerance", plain_number(tolerance))
    _sub(element, "unitgradingtype", "0")
    _sub(element, "unitpenalty", "0.1000000")
    _sub(element, "showunits", "3")
    _sub(element, "unitsleft", "0")


def _write_matching(element, q: QuestionData) -> None:
    _sub(element, "shuffleanswers", "true")
    _combined_feedback(element, q)
    for pair in q.answers:
        subquestion = _sub(
            element, "subquestion", format=FORMATS_OUT[pair.text_format or q.text_format]
        )
        _sub(subquestion, "text", pair.text)
        _sub(_sub(subquestion, "answer"), "text", pair.match)


def _write_ordering(element, q: QuestionData) -> None:
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        _sub(element, tag, value)
    _combined_feedback(element, q)
    for position, answer in enumerate(q.answers, start=1):
        _answer_element(element, q, answer, fraction=position, text=answer.text)


def _write_essay(element, q: QuestionData) -> None:
    for tag, value in (
        ("responseformat", "editor"),
        ("responserequired", "1"),
        ("responsefieldlines", "15"),
        ("attachments", "0"),
        ("attachmentsrequired", "0"),
    ):
        _sub(element, tag, value)
    _text_element(element, "graderinfo", "", q.text_format)
    _text_element(element, "responsetemplate", "", q.text_format)


def _write_description(element, q: QuestionData) -> None:
    pass


WRITERS = {
    K.SINGLE: _write_multichoice,
    K.MULTIPLE: _write_multichoice,
    K.LIKERT: _write_multichoice,
    K.TRUE_FALSE: _write_truefalse,
    K.SHORT: _write_shortanswer,
    K.NUMERIC: _write_numerical,
    K.MATCHING: _write_matching,
    K.ORDERING: _write_ordering,
    K.ESSAY: _write_essay,
    K.DESCRIPTION: _write_description,
}

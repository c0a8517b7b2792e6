"""Moodle's GIFT quiz format: `parse` a file into questions and errors, `dump` questions back.

A GIFT file holds one question per paragraph (blank lines separate them)::

    // a comment
    $CATEGORY: DBT/Distress tolerance
    ::Name::[markdown]Question text {=right answer#feedback ~wrong answer ####general feedback}

Moodle tells a question's kind from the shape of its answer block, and so does this module: no
block at all is a description (text shown among the questions, never answered), an empty block
an essay, `#...` numeric, any `~` a choice (single choice when an answer is written with `=`,
multiple answer otherwise), `=item -> match` matching, T/TRUE/F/FALSE true/false, and answers
all written with `=` a short answer. As in Moodle, a block followed by more text leaves `_____`
where it was, whatever the kind ("missing word"); `dump` writes the block back into the gap for
the kinds whose answer can fill it and after the text for the others.

Moodle's exporter writes numeric questions with a catch-all, `~#feedback`, the feedback for any
other number: it is read as an answer with no value and no range, weight 0, and written last.

Answers and feedback may start with their own format tag (`=[html]<p>Emotion mind</p>`). An
answer whose tag differs from the question's format keeps it in `text_format` ("" means the
question's, so answers of an `[html]` question are html); an answer and its feedback share one
format. Text is kept as written, markup and all, with only GIFT's escapes removed: rendering it
is the page's business.

`$CATEGORY: path` applies to the questions after it, kept as written (`$course$/top/...` too: the
import service drops Moodle's prefix). `dump` writes a `$CATEGORY:` line wherever the category
changes, an empty one before a question without category that follows categorised ones, so this
module reads it back without one. Moodle has no "no category": it files such a question in the
category in effect before it.

Ordering and Likert questions, per-question points, case-sensitive short answers and the
misspellings a short answer allows have no GIFT syntax. They travel in a comment (so Moodle
ignores them) directly before the question::

    // dbt: points=2 case_sensitive=1 typo_tolerance=1

An ordering question (`kind=ordering`) is written as a matching of each item to its position and
a Likert one (`kind=likert`) as unweighted `~` choices, so Moodle still imports something
sensible from our exports.

A short answer's variants (other spellings that count as it) are written as accepted answers of
their own, right after it, with its weight and feedback, so Moodle accepts them too; the comment
says how many follow each answer (the zeros at the end left out), and this module folds them back
into variants. Here the answer "wilfulness" has the variant "willfulness", and "stubbornness" (at
half marks) has none::

    // dbt: variants=1
    ::Opposite:: The opposite of willingness? {=wilfulness =willfulness =%50%stubbornness}

Pure on purpose (text in, questions and errors out): the import service decides what to save. A
bad question is reported with its line and never stops the questions around it from parsing.
"""

import re
from bisect import bisect_right
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from assessments.models.quizzes import MAX_TYPO_TOLERANCE
from assessments.quizzes.interchange import (
    AnswerData,
    ImportProblem,
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

GAP = "_____"
GENERAL_FEEDBACK = "####"
CATEGORY = "$CATEGORY:"
HUNDRED = Decimal(100)
ZERO = Decimal(0)
TRUE_WORDS = ("T", "TRUE")
FALSE_WORDS = ("F", "FALSE")

# The character after a backslash, and what the pair stands for.
ESCAPES = {"\\": "\\", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n"}
ESCAPE = re.compile(r"\\([\\~=#{}:n])")
FORMAT_TAG = re.compile(r"\[([A-Za-z]+)\]")
EXTENSION = re.compile(r"//\s*dbt:(.*)")

# Kinds whose answer can fill a gap in the middle of the text: `dump` writes their block there.
# (What would fill the gap of a matching or an essay? Their block goes after the text.)
MISSING_WORD_KINDS = {K.SINGLE, K.MULTIPLE, K.LIKERT, K.SHORT, K.NUMERIC}
# The kinds of answer block a `// dbt: kind=...` comment may turn into another kind.
CONVERTIBLE = {
    K.ORDERING: {K.MATCHING, K.SHORT},
    K.LIKERT: {K.SINGLE, K.MULTIPLE},
    K.SINGLE: {K.MULTIPLE},
    K.MULTIPLE: {K.SINGLE},
}
# Written before the question in a dump; other kinds are plain GIFT.
EXTENSION_ONLY_KINDS = (K.ORDERING, K.LIKERT)

NO_TEXT = "The question has no text."
STRAY_CLOSING = "The }} on line {line} closes no answer block (write \\}} for a }})."


# The interchange shapes, by the names this module has always used.
GiftAnswer = AnswerData
GiftQuestion = QuestionData
GiftError = ImportProblem
GiftResult = ParseResult


def parse(text: str) -> GiftResult:
    """The questions of a GIFT file, an error for each question that cannot be imported and a
    warning for each thing read otherwise than written."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = strip_control_characters(text)  # line breaks stay, so errors keep their line numbers
    codec = _Codec(text)
    result = GiftResult(questions=[], errors=[])
    for category, rows in _paragraphs(text.split("\n")):
        question, errors, warnings = _parse_paragraph(rows, category, codec)
        if question is not None:
            result.questions.append(question)
        result.errors.extend(errors)
        result.warnings.extend(warnings)
    return result


def dump(questions: list[GiftQuestion]) -> str:
    """GIFT for the questions; `parse` gives them back unchanged."""
    parts, category = [], ""
    for question in questions:
        if question.category != category:
            category = question.category
            parts.append(f"{CATEGORY} {category}".rstrip())
        parts.append(_dump_question(question))
    return "\n\n".join(parts) + "\n" if parts else ""


# --- parsing ------------------------------------------------------------------------------------


class _Invalid(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


class _Codec:
    """While a file is parsed its escaped characters hide behind private-use placeholders, so
    every `{ } ~ = # :` left in the text is markup that plain string methods can look for. The
    placeholders are ones the file does not use, so no text can be mistaken for an escape."""

    def __init__(self, text: str):
        free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
        self.hidden = {escaped: next(free) for escaped in ESCAPES}
        self.shown = str.maketrans({self.hidden[escaped]: ESCAPES[escaped] for escaped in ESCAPES})

    def hide(self, line: str) -> str:
        return ESCAPE.sub(lambda found: self.hidden[found.group(1)], line)

    def show(self, text: str) -> str:
        """The text as written, unescaped, without surrounding space."""
        return text.strip().translate(self.shown)


def _paragraphs(lines: list[str]):
    """(category, [(line number, line)]) for each run of non-blank lines. A `$CATEGORY:` line
    ends a run too, so a category written right above a question still applies to it."""
    category, rows = "", []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith(CATEGORY):
            rows.append((number, line))
            continue
        if rows:
            yield category, rows
            rows = []
        if stripped:
            category = stripped.removeprefix(CATEGORY).strip()
    if rows:
        yield category, rows


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("//")


def _parse_paragraph(rows, category: str, codec: _Codec):
    """(question or None, errors, warnings) for one paragraph; a paragraph of comments is
    neither question nor error."""
    leading = []
    for number, line in rows:
        if not _is_comment(line):
            break
        leading.append((number, line))
    # Moodle drops comment lines wherever they are, even inside an answer block.
    body = [(number, codec.hide(line)) for number, line in rows if not _is_comment(line)]
    if not body:
        return None, [], []
    question = GiftQuestion(kind="", text="", category=category, line=body[0][0])
    reader = _Reader(body, codec, question)
    try:
        reader.read(_extension_options(leading))
    except _Invalid as problem:
        return None, [GiftError(line=problem.line, reason=problem.reason, name=question.name)], []
    problems = answer_problems(question.kind, question.answers)
    if problems:
        errors = [GiftError(line=question.line, reason=p, name=question.name) for p in problems]
        return None, errors, []
    return question, [], sorted(reader.warnings, key=lambda warning: warning.line)


def _extension_options(comments) -> dict[str, tuple[int, str]]:
    """key → (line, value) from the `// dbt:` comments before a question; later ones win."""
    options = {}
    for number, line in comments:
        found = EXTENSION.match(line.strip())
        words = found.group(1).split() if found else []
        for word in words:
            key, equals, value = word.partition("=")
            if equals:
                options[key.lower()] = (number, value)
    return options


class _Reader:
    """Reads one question from its lines (comments dropped, escapes hidden), joined into one
    text whose offsets map back to line numbers for the errors."""

    def __init__(self, rows, codec: _Codec, question: GiftQuestion):
        self.text = "\n".join(line for _, line in rows)
        self.numbers = [number for number, _ in rows]
        self.starts, offset = [], 0
        for _, line in rows:
            self.starts.append(offset)
            offset += len(line) + 1
        self.show = codec.show
        self.question = question
        self.warnings: list[GiftError] = []

    def line_at(self, offset: int) -> int:
        return self.numbers[bisect_right(self.starts, offset) - 1]

    def fail(self, offset: int, template: str, **values):
        """Raise the error `template` describes, with {line} the line of `offset`."""
        line = self.line_at(offset)
        raise _Invalid(line, template.format(line=line, **values))

    def warn(self, offset: int, template: str, **values) -> None:
        line = self.line_at(offset)
        reason = template.format(line=line, **values)
        self.warnings.append(GiftError(line=line, reason=reason, name=self.question.name))

    def read(self, options: dict[str, tuple[int, str]]) -> None:
        q, text = self.question, self.text
        at = _skip_space(text, 0)
        if text.startswith("::", at):
            end = text.find("::", at + 2)
            if end < 0:
                self.fail(at, "The question name opened with :: on line {line} is never closed.")
            q.name = self.show(text[at + 2 : end])
            at = _skip_space(text, end + 2)
        tag = FORMAT_TAG.match(text, at)
        if tag:
            if tag.group(1).lower() not in TextFormat.values:
                self.fail(
                    at,
                    "[{tag}] on line {line} is not a text format: use [markdown], [html], "
                    "[plain] or [moodle] (write [moodle] first if the text itself starts with a "
                    "bracket).",
                    tag=tag.group(1),
                )
            q.text_format = tag.group(1).lower()
            at = tag.end()

        opening, closing = text.find("{", at), text.find("}", at)
        if closing >= 0 and (opening < 0 or closing < opening):
            self.fail(closing, STRAY_CLOSING)
        if opening < 0:
            # Moodle's "description": text with no answer block.
            q.kind = K.DESCRIPTION
            self.apply_options(options)
            q.text = self.show(text[at:])
            if not q.text:
                raise _Invalid(q.line, NO_TEXT)
            return
        if closing < 0:
            self.fail(opening, "The answer block opened on line {line} is never closed.")
        nested = text.find("{", opening + 1, closing)
        if nested >= 0:
            self.fail(
                nested,
                "A {{ on line {line} opens a block inside the answer block (write \\{{ for a {{).",
            )
        after = text[closing + 1 :]
        for char, reason in (
            ("{", "A second answer block opens on line {line}; a question has only one."),
            ("}", STRAY_CLOSING),
        ):
            if char in after:
                self.fail(closing + 1 + after.index(char), reason)

        self.read_block(opening + 1, closing)
        self.apply_options(options)
        # As Moodle reads it: text after the block makes a gap where the block was, whatever the
        # kind of question.
        if after.strip():
            q.text = self.show(text[at:opening] + GAP + after)
        else:
            q.text = self.show(text[at:opening])
        if not q.text:
            raise _Invalid(q.line, NO_TEXT)

    def read_block(self, start: int, end: int) -> None:
        q, block = self.question, self.text[start:end]
        split = block.rfind(GENERAL_FEEDBACK)
        if split >= 0:
            feedback_at = start + split + len(GENERAL_FEEDBACK)
            tag, q.general_feedback = self.formatted(self.text[feedback_at:end])
            if tag and tag != q.text_format:
                self.warn(
                    feedback_at,
                    "The general feedback on line {line} is marked [{tag}]; it is kept in the "
                    "question's format, [{question}].",
                    tag=tag,
                    question=q.text_format,
                )
            end = start + split
        first = _skip_space(self.text, start)
        content = self.text[first:end].rstrip()
        if not content:
            q.kind = K.ESSAY
        elif content[0] == "#":
            q.kind = K.NUMERIC
            q.answers = self.numeric_answers(first + 1, end)
        elif content[0] in "~=":
            self.read_choices(first, end)
        else:
            self.read_true_false(first, content)

    def pieces(self, start: int, end: int, markers: str) -> list[tuple[int, str, str]]:
        """(offset, marker, what follows up to the next marker) for each answer."""
        offsets = [i for i in range(start, end) if self.text[i] in markers]
        lead = self.text[start : offsets[0] if offsets else end]
        if lead.strip():
            self.fail(
                _skip_space(self.text, start),
                "“{lead}” on line {line} comes before the first answer; start each answer with "
                "{markers}.",
                lead=self.show(lead),
                markers=" or ".join(markers),
            )
        ends = offsets[1:] + [end]
        return [(i, self.text[i], self.text[i + 1 : j]) for i, j in zip(offsets, ends, strict=True)]

    def read_choices(self, start: int, end: int) -> None:
        q = self.question
        pieces = self.pieces(start, end, "~=")
        arrows = ["->" in raw.partition("#")[0] for _, _, raw in pieces]
        if any(marker == "~" for _, marker, _ in pieces):
            # Moodle's rule: one answer written `=` makes it single choice.
            q.kind = K.SINGLE if any(m == "=" for _, m, _ in pieces) else K.MULTIPLE
            q.answers = [self.choice(offset, marker, raw) for offset, marker, raw in pieces]
        elif any(arrows):
            if not all(arrows):
                offset = pieces[arrows.index(False)][0]
                self.fail(
                    offset,
                    "The answer on line {line} has no -> but others have: write each matching "
                    "pair as =item -> match.",
                )
            q.kind = K.MATCHING
            q.answers = [self.pair(offset, raw) for offset, _, raw in pieces]
        else:
            q.kind = K.SHORT
            q.answers = [self.short(offset, raw) for offset, _, raw in pieces]

    def choice(self, offset: int, marker: str, raw: str) -> GiftAnswer:
        if marker == "=":
            # As in Moodle, `=` is the right answer; a weight after it is part of the text.
            fraction, rest = HUNDRED, raw
        else:
            fraction, rest = self.weight(offset, raw, ZERO)
        return self.answer(offset, rest, fraction)

    def short(self, offset: int, raw: str) -> GiftAnswer:
        fraction, rest = self.weight(offset, raw, HUNDRED)
        return self.answer(offset, rest, fraction)

    def answer(self, offset: int, raw: str, fraction: Decimal) -> GiftAnswer:
        text, _, feedback = raw.partition("#")
        text_tag, text = self.formatted(text)
        if not text:
            self.fail(offset, "The answer on line {line} has no text.")
        feedback_tag, feedback = self.formatted(feedback)
        return GiftAnswer(
            text=text,
            fraction=fraction,
            feedback=feedback,
            text_format=self.own_format(offset, text_tag, feedback_tag),
        )

    def pair(self, offset: int, raw: str) -> GiftAnswer:
        # Matching pairs carry no weights in Moodle: every pair counts the same. As in Moodle,
        # the item may have a format of its own; the match is plain.
        text, _, feedback = raw.partition("#")
        left, _, right = text.partition("->")
        left_tag, left = self.formatted(left)
        if not left and not right.strip():
            self.fail(offset, "The pair on line {line} has no text.")
        feedback_tag, feedback = self.formatted(feedback)
        return GiftAnswer(
            text=left,
            match=self.show(right),
            fraction=HUNDRED,
            feedback=feedback,
            text_format=self.own_format(offset, left_tag, feedback_tag),
        )

    def formatted(self, raw: str) -> tuple[str, str]:
        """The format an answer's text or feedback is marked with ("" if none), and the text
        after the mark, shown. As in Moodle, a bracket naming no format is part of the text."""
        stripped = raw.lstrip()
        tag = FORMAT_TAG.match(stripped)
        if tag and tag.group(1).lower() in TextFormat.values:
            return tag.group(1).lower(), self.show(stripped[tag.end() :])
        return "", self.show(raw)

    def own_format(self, offset: int, *tags: str) -> str:
        """An answer's format from the tags on its text and feedback; "" when it is the
        question's. One answer has one format, so the first tag wins."""
        written = [tag for tag in tags if tag]
        if len(set(written)) > 1:
            self.warn(
                offset,
                "The answer on line {line} is marked [{first}] and its feedback [{second}]; both "
                "are kept as [{first}].",
                first=written[0],
                second=written[1],
            )
        chosen = written[0] if written else ""
        return "" if chosen == self.question.text_format else chosen

    def weight(self, offset: int, raw: str, default: Decimal) -> tuple[Decimal, str]:
        """The `%50%` weight at the start of an answer, and the rest of the answer."""
        stripped = raw.lstrip()
        close = stripped.find("%", 1)
        if not stripped.startswith("%") or close < 0:
            return default, raw
        weight = _decimal(stripped[1:close])
        if weight is None:
            self.fail(
                offset,
                "The weight %{weight}% on line {line} is not a number.",
                weight=self.show(stripped[1:close]),
            )
        return weight, stripped[close + 1 :]

    def numeric_answers(self, start: int, end: int) -> list[GiftAnswer]:
        block = self.text[start:end]
        catch_all = []
        if "~" in block:
            # Moodle's `~#feedback`: as Moodle reads it, everything after the ~ is the feedback
            # for any other number.
            tilde = start + block.index("~")
            catch_all = [self.catch_all(tilde, self.text[tilde + 1 : end])]
            end, block = tilde, self.text[start:tilde]
        if "=" in block:
            pieces = self.pieces(start, end, "=")
            return [self.number_answer(offset, raw) for offset, _, raw in pieces] + catch_all
        return ([self.number_answer(start, block)] if block.strip() else []) + catch_all

    def catch_all(self, offset: int, raw: str) -> GiftAnswer:
        if raw.strip() and not raw.lstrip().startswith("#"):
            self.fail(
                offset,
                "“{raw}” after the ~ on line {line}: in a numeric question ~ gives the feedback "
                "for any other number, written ~#feedback.",
                raw=self.show(raw),
            )
        tag, feedback = self.formatted(raw.lstrip()[1:])
        return GiftAnswer(
            fraction=ZERO, feedback=feedback, text_format=self.own_format(offset, tag)
        )

    def number_answer(self, offset: int, raw: str) -> GiftAnswer:
        fraction, rest = self.weight(offset, raw, HUNDRED)
        spec, _, feedback = rest.partition("#")
        tag, feedback = self.formatted(feedback)
        answer = GiftAnswer(
            fraction=fraction, feedback=feedback, text_format=self.own_format(offset, tag)
        )
        if ".." in spec:
            low, _, high = spec.partition("..")
            answer.low, answer.high = self.number(offset, low), self.number(offset, high)
        else:
            value, _, tolerance = spec.partition(":")
            answer.value = self.number(offset, value)
            answer.tolerance = self.number(offset, tolerance) if tolerance.strip() else ZERO
        return answer

    def number(self, offset: int, raw: str) -> Decimal:
        number = _decimal(raw)
        if number is None and not raw.strip():
            self.fail(offset, "The numeric answer on line {line} is missing a number.")
        if number is None:
            self.fail(
                offset,
                "“{raw}” in the numeric answer on line {line} is not a number.",
                raw=self.show(raw),
            )
        return number

    def read_true_false(self, start: int, content: str) -> None:
        q = self.question
        word, _, feedbacks = content.partition("#")
        word = word.strip()
        if word not in TRUE_WORDS + FALSE_WORDS:
            if "~" in content or "=" in content:
                self.pieces(start, start + len(content), "~=")  # reports the text before them
            self.fail(
                start,
                "“{word}” on line {line} is no answer: a true/false answer is T, TRUE, F or "
                "FALSE, and other answers start with =, ~ or #.",
                word=self.show(word),
            )
        # GIFT's {T#a#b}: a is shown to whoever answered wrong, b to whoever answered right.
        wrong, _, right = feedbacks.partition("#")
        (wrong_tag, wrong), (right_tag, right) = self.formatted(wrong), self.formatted(right)
        wrong_format = self.own_format(start, wrong_tag)
        right_format = self.own_format(start, right_tag)
        true = word in TRUE_WORDS
        q.kind = K.TRUE_FALSE
        q.answers = [
            GiftAnswer(
                text="True",
                fraction=HUNDRED if true else ZERO,
                feedback=right if true else wrong,
                text_format=right_format if true else wrong_format,
            ),
            GiftAnswer(
                text="False",
                fraction=ZERO if true else HUNDRED,
                feedback=wrong if true else right,
                text_format=wrong_format if true else right_format,
            ),
        ]

    def apply_options(self, options: dict[str, tuple[int, str]]) -> None:
        q = self.question
        if "points" in options:
            number, value = options["points"]
            points = _decimal(value)
            if points is None or points < 0:
                raise _Invalid(number, f"points={value} is not a number of points (0 or more).")
            q.points = points
        if "case_sensitive" in options:
            number, value = options["case_sensitive"]
            if value.lower() not in ("1", "0", "true", "false", "yes", "no"):
                raise _Invalid(number, f"case_sensitive={value} is neither 1 nor 0.")
            q.case_sensitive = value.lower() in ("1", "true", "yes")
        if "typo_tolerance" in options:
            number, value = options["typo_tolerance"]
            if not value.isdigit() or int(value) > MAX_TYPO_TOLERANCE:
                raise _Invalid(
                    number, f"typo_tolerance={value} is not 0 to {MAX_TYPO_TOLERANCE} letters."
                )
            q.typo_tolerance = int(value)
        if "kind" in options:
            number, value = options["kind"]
            value = value.lower()
            if value not in K.values:
                raise _Invalid(
                    number,
                    f"kind={value} is not a question kind: use one of {', '.join(K.values)}.",
                )
            if value != q.kind and q.kind == K.DESCRIPTION:
                raise _Invalid(
                    number,
                    f"The dbt comment says kind={value}, but the question has no answer block.",
                )
            if value != q.kind and q.kind not in CONVERTIBLE.get(value, ()):
                raise _Invalid(
                    number,
                    f"The dbt comment says kind={value}, but the answer block is written as a "
                    f"{_label(q.kind)} question.",
                )
            if value == K.ORDERING:
                self.to_ordering(number)
            q.kind = K(value)
        if "variants" in options:
            self.fold_variants(*options["variants"])

    def fold_variants(self, number: int, value: str) -> None:
        q = self.question
        if q.kind != K.SHORT:
            raise _Invalid(number, "variants= is for short answers only.")
        counts = value.split(",") if value else []
        if not all(count.isdigit() for count in counts):
            raise _Invalid(
                number,
                f"variants={value} is not a list of counts: write how many variants follow each "
                "answer, as in variants=1,0,2.",
            )
        try:
            q.answers = fold_variants(q.answers, [int(count) for count in counts])
        except ValueError as error:
            raise _Invalid(number, f"variants={value} counts {error}.") from None

    def to_ordering(self, number: int) -> None:
        q = self.question
        if q.kind == K.MATCHING:
            positions = [a.match for a in q.answers]
            wanted = [str(position) for position in range(1, len(q.answers) + 1)]
            if sorted(positions) != sorted(wanted):
                raise _Invalid(
                    number,
                    "An ordering question matches each item to its position: =item -> 1, "
                    f"=item -> 2 and so on up to {len(q.answers)}.",
                )
            q.answers.sort(key=lambda a: int(a.match))
        for answer in q.answers:
            answer.match, answer.fraction = "", HUNDRED


def _skip_space(text: str, at: int) -> int:
    """The offset of the first character from `at` on that is not white space."""
    return len(text) - len(text[at:].lstrip())


def _decimal(raw: str) -> Decimal | None:
    try:
        number = Decimal(raw.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _label(kind: str) -> str:
    return K(kind).label.lower()


# --- writing ------------------------------------------------------------------------------------


def _dump_question(q: GiftQuestion) -> str:
    lines = []
    options = []
    if q.kind in EXTENSION_ONLY_KINDS:
        options.append(f"kind={K(q.kind).value}")
    if q.points != 1:
        options.append(f"points={plain_number(q.points)}")
    if q.case_sensitive:
        options.append("case_sensitive=1")
    if q.typo_tolerance:
        options.append(f"typo_tolerance={q.typo_tolerance}")
    if q.kind == K.SHORT:
        spread, counts = spread_variants(q.answers)
        if counts:
            options.append("variants=" + ",".join(str(count) for count in counts))
            q = replace(q, answers=spread)
    if options:
        lines.append("// dbt: " + " ".join(options))

    head = f"::{_escape(q.name)}::" if q.name else ""
    # Without its tag, text starting like a tag, a comment or a category would be read as one.
    if q.text_format != TextFormat.MOODLE or q.text.startswith(("[", "//", CATEGORY)):
        head += f"[{q.text_format}]"
    if q.kind == K.DESCRIPTION:
        # As Moodle writes it: the text, no answer block (so no general feedback either).
        lines.append(f"{head}{_escape(q.text)}")
        return "\n".join(lines)
    items = _answer_items(q)
    if q.general_feedback:
        guard = f"[{q.text_format}]" if _starts_with_tag(q.general_feedback) else ""
        items.append(GENERAL_FEEDBACK + guard + _escape(q.general_feedback))

    before, gap, after = q.text.partition(GAP)
    if q.kind in MISSING_WORD_KINDS and gap and after.strip():
        lines.append(f"{head}{_escape(before)}{{{' '.join(items)}}}{_escape(after)}")
    elif len(items) > 1:
        lines.append(f"{head}{_escape(q.text)} {{")
        lines.extend(f"\t{item}" for item in items)
        lines.append("}")
    else:
        lines.append(f"{head}{_escape(q.text)} {{{''.join(items)}}}")
    return "\n".join(lines)


def _answer_items(q: GiftQuestion) -> list[str]:
    """What goes inside the answer block, one string per answer."""
    answers = q.answers
    if q.kind == K.ESSAY:
        return []
    if q.kind == K.TRUE_FALSE:
        return [_true_false_item(q)]
    if q.kind == K.NUMERIC:
        accepted = [a for a in answers if not is_catch_all(a)]
        # Moodle reads everything after the ~ as its feedback: the catch-all goes last.
        others = [f"~#{_tagged(q, a, a.feedback)}" for a in answers if is_catch_all(a)]
        if len(accepted) == 1 and accepted[0].fraction == HUNDRED and not others:
            return [f"#{_number_spec(accepted[0])}{_feedback(q, accepted[0], carrier=True)}"]
        items = [
            _weighted("=", a, HUNDRED, _number_spec(a), _feedback(q, a, carrier=True))
            for a in accepted
        ]
        return ["#" + "".join(items[:1])] + items[1:] + others
    if q.kind == K.MATCHING:
        return [f"={_tagged(q, a, a.text)} -> {_escape(a.match)}{_feedback(q, a)}" for a in answers]
    if q.kind == K.ORDERING:
        return [
            f"={_tagged(q, a, a.text)} -> {i}{_feedback(q, a)}" for i, a in enumerate(answers, 1)
        ]
    if q.kind == K.SHORT:
        return [_weighted("=", a, HUNDRED, _tagged(q, a, a.text), _feedback(q, a)) for a in answers]
    right = None
    if q.kind == K.SINGLE:
        right = next((a for a in answers if a.fraction == HUNDRED), None)
    return [
        f"={_tagged(q, a, a.text)}{_feedback(q, a)}"
        if a is right
        else _weighted("~", a, ZERO, _tagged(q, a, a.text), _feedback(q, a))
        for a in answers
    ]


def _weighted(
    marker: str, answer: GiftAnswer, default: Decimal, written: str, feedback: str
) -> str:
    # Text starting with % would be read as a weight unless a weight comes first.
    if answer.fraction != default or written.startswith("%"):
        marker += f"%{plain_number(answer.fraction)}%"
    return marker + written + feedback


def _true_false_item(q: GiftQuestion) -> str:
    true = next((a for a in q.answers if a.text == "True"), GiftAnswer(text="True"))
    false = next((a for a in q.answers if a.text == "False"), GiftAnswer(text="False"))
    right, wrong = (true, false) if true.fraction > 0 else (false, true)
    # The feedback is all GIFT writes of a true/false answer, so it carries the answer's format.
    wrong_written = _tagged(q, wrong, wrong.feedback) if wrong.feedback or _own(q, wrong) else ""
    right_written = _tagged(q, right, right.feedback) if right.feedback or _own(q, right) else ""
    item = "T" if right is true else "F"
    if wrong_written or right_written:
        item += "#" + wrong_written
    if right_written:
        item += "#" + right_written
    return item


def _number_spec(answer: GiftAnswer) -> str:
    if answer.value is None:
        return f"{plain_number(answer.low)}..{plain_number(answer.high)}"
    return plain_number(answer.value) + (
        f":{plain_number(answer.tolerance)}" if answer.tolerance else ""
    )


def _feedback(q: GiftQuestion, answer: GiftAnswer, *, carrier: bool = False) -> str:
    """`#feedback`, marked with the answer's own format; with `carrier` (the feedback is all
    that is written of the answer) also when empty, so that the format is not lost."""
    if answer.feedback or (carrier and _own(q, answer)):
        return "#" + _tagged(q, answer, answer.feedback)
    return ""


def _own(q: GiftQuestion, answer: GiftAnswer) -> str:
    """The answer's format when it is not the question's, else ""."""
    return answer.text_format if answer.text_format not in ("", q.text_format) else ""


def _tagged(q: GiftQuestion, answer: GiftAnswer, text: str) -> str:
    """An answer's text or feedback, escaped, after its own format's tag; text that starts like
    a tag gets the question's so that the reader keeps it."""
    tag = _own(q, answer) or (q.text_format if _starts_with_tag(text) else "")
    return (f"[{tag}]" if tag else "") + _escape(text)


def _starts_with_tag(text: str) -> bool:
    tag = FORMAT_TAG.match(text.lstrip())
    return bool(tag) and tag.group(1).lower() in TextFormat.values


def _escape(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char in "\\~=#{}:":  # the backslash first, so the escapes' own are not doubled
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")

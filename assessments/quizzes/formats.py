"""Question text, answers and feedback in their format (Markdown, HTML, plain, Moodle
auto-format) to HTML that is safe to print, through the same sanitizer as lessons.

Only a question's text is stored rendered (`Question.text_html`); answers and feedback are
rendered as pages print them, so renderings are cached in memory."""

import html
import re
from functools import lru_cache

import nh3
from django.urls import reverse
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from assessments.quizzes.interchange import PLUGINFILE
from assessments.taxonomy import TextFormat
from modules.content import render_markdown, sanitize_html

# The sanitizer keeps only https:// images, so a question's own files go through it under a
# stand-in https address and get their real (relative) address afterwards.
_MEDIA_STAND_IN = "https://question-media.invalid/"

_TAGS_WITH_NEWLINE_BETWEEN = re.compile(r">[ \t]*\n\s*<")
_NEWLINE_BEFORE_TAG = re.compile(r"\n<")
_NEWLINE_AFTER_TAG = re.compile(r">\n")
_ONE_PARAGRAPH = re.compile(r"\s*<p>((?:(?!</?p[\s>]).)*)</p>\s*", re.DOTALL)
_BLOCK_BOUNDARY = re.compile(
    r"</?(?:br|p|div|li|ul|ol|dl|dt|dd|h\d|table|tr|td|th|blockquote|pre|figure)\b[^>]*>"
)
_SPACES = re.compile(r"\s+")


def media_url_prefix(question_id: int) -> str:
    """The address a question's file `name` is served at, less the name."""
    return reverse("quizzes:question_media", args=[question_id, "-"]).removesuffix("-")


@lru_cache(maxsize=4096)
def render_text(text: str, text_format: str, *, question_id: int | None = None) -> str:
    """`text` in `text_format` as sanitized HTML; with `question_id`, the question's files
    (`@@PLUGINFILE@@/name`) point at the view that serves them to the quiz's readers."""
    media = question_id is not None and PLUGINFILE in text
    if media:
        text = text.replace(PLUGINFILE, _MEDIA_STAND_IN)
    if text_format == TextFormat.MARKDOWN:
        rendered = render_markdown(text)
    elif text_format == TextFormat.HTML:
        rendered = sanitize_html(text)
    elif text_format == TextFormat.MOODLE:
        rendered = sanitize_html(_moodle_auto_format(text))
    else:
        rendered = linebreaks(text, autoescape=True)
    if media:
        rendered = rendered.replace(_MEDIA_STAND_IN, media_url_prefix(question_id))
    return rendered


def _moodle_auto_format(text: str) -> str:
    """Moodle's auto-format as its `text_to_html` (lib/weblib.php) reads it: HTML as written,
    a line break where the author pressed return, except next to a tag. Unlike Moodle, a space
    between two inline tags on one line is kept: it separates words."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    text = _TAGS_WITH_NEWLINE_BETWEEN.sub("><", text)
    text = _NEWLINE_BEFORE_TAG.sub(" <", text)
    text = _NEWLINE_AFTER_TAG.sub("> ", text)
    return text.replace("\n", "<br>\n")


def render_inline(text: str, text_format: str, *, question_id: int | None = None) -> str:
    """As `render_text`, without the paragraph around a single paragraph: for a label (a
    choice, an ordering item), where a block would break the line."""
    rendered = render_text(text, text_format, question_id=question_id)
    one = _ONE_PARAGRAPH.fullmatch(rendered)
    return one.group(1) if one else rendered.strip()


def plain_text(text: str, text_format: str) -> str:
    """The words of `text` without markup, for places that take no HTML: a `<select>` option,
    a report heading, a spreadsheet cell. Not escaped; print it escaped."""
    rendered = _BLOCK_BOUNDARY.sub(" ", render_text(text, text_format))
    return _SPACES.sub(" ", html.unescape(nh3.clean(rendered, tags=set()))).strip()


def answer_format(answer, question) -> str:
    """An answer's format: its own, else its question's."""
    return answer.text_format or question.text_format


def answer_label(answer, question) -> SafeString:
    """An answer's text as an inline label (a matching item: its left-hand side)."""
    return mark_safe(
        render_inline(answer.text, answer_format(answer, question), question_id=question.pk)
    )


def answer_feedback(answer, question) -> SafeString:
    return mark_safe(
        render_text(answer.feedback, answer_format(answer, question), question_id=question.pk)
    )


def general_feedback(question) -> SafeString:
    return mark_safe(
        render_text(question.general_feedback, question.text_format, question_id=question.pk)
    )


def question_label(question) -> str:
    """A question's heading in reports: its name, else the start of its text, without markup."""
    if question.name:
        return question.name
    return plain_text(question.text, question.text_format)[:80]  # as Question.label cuts it

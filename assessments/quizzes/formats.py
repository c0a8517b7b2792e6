"""Question text, answers and feedback in their format (Markdown, HTML, plain, Moodle
auto-format) to HTML that is safe to print, through the same sanitizer as lessons."""

from django.utils.html import linebreaks

from assessments.taxonomy import TextFormat
from modules.content import render_markdown, sanitize_html


def render_text(text: str, text_format: str) -> str:
    if text_format == TextFormat.MARKDOWN:
        return render_markdown(text)
    if text_format == TextFormat.HTML:
        return sanitize_html(text)
    return linebreaks(text, autoescape=True)

"""Question text in its format, for pages that print a question outside the player's
QuestionViews (grading, reports)."""

from django import template

from assessments.quizzes import formats

register = template.Library()


@register.filter
def general_feedback(question):
    """The question's general feedback as HTML, in the question's format."""
    return formats.general_feedback(question) if question.general_feedback else ""


@register.filter
def question_label(question) -> str:
    """The question's name, else the start of its text without markup."""
    return formats.question_label(question)

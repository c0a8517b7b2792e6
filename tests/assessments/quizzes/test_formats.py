"""Question text, answers and feedback in their own format, on every page that prints them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.quizzes import formats, services
from assessments.quizzes.services import AnswerData as A
from tests.factories import QuestionFactory

FULL, NONE = Decimal(100), Decimal(0)


# --- render_text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "text_format", "html"),
    [
        ("Emotion **mind**", "markdown", "<p>Emotion <strong>mind</strong></p>\n"),
        ("<p>Emotion mind</p>", "html", "<p>Emotion mind</p>"),
        ("a <b>b</b>\nc", "plain", "<p>a &lt;b&gt;b&lt;/b&gt;<br>c</p>"),
        ("<script>alert(1)</script>", "plain", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        (
            '<img src="https://x.org/a.png" onerror="alert(1)">Hi',
            "html",
            '<img src="https://x.org/a.png">Hi',
        ),
        ("<script>alert(1)</script>Hi", "html", "Hi"),
        ("Line one\nLine <b>two</b> & more", "moodle", "Line one<br>\nLine <b>two</b> &amp; more"),
        # Moodle's text_to_html: no break beside a tag, nor between tags on separate lines.
        (
            "Which skill?\n<ul>\n  <li>TIPP</li>\n</ul>\nPick one.",
            "moodle",
            "Which skill? <ul><li>TIPP</li></ul> Pick one.",
        ),
        (
            '<p>Emotion mind</p><p onclick="x()">Wise</p>',
            "moodle",
            "<p>Emotion mind</p><p>Wise</p>",
        ),
    ],
)
def test_render_text_per_format(text, text_format, html):
    assert formats.render_text(text, text_format) == html


def test_render_text_points_the_question_files_at_the_media_view():
    prefix = reverse("quizzes:question_media", args=[7, "a.png"]).removesuffix("a.png")
    assert formats.media_url_prefix(7) == prefix
    assert (
        formats.render_text('<img src="@@PLUGINFILE@@/a.png" alt="A">', "html", question_id=7)
        == f'<img src="{prefix}a.png" alt="A">'
    )
    assert (
        formats.render_text("![A](@@PLUGINFILE@@/a.png)", "markdown", question_id=7)
        == f'<p><img src="{prefix}a.png" alt="A"></p>\n'
    )
    # Without a question, the stand-in is never an address: the sanitizer drops it.
    assert formats.render_text('<img src="@@PLUGINFILE@@/a.png">', "html") == "<img>"


@pytest.mark.parametrize(
    ("text", "text_format", "inline"),
    [
        ("<p>Emotion mind</p>", "html", "Emotion mind"),
        ("Emotion **mind**", "markdown", "Emotion <strong>mind</strong>"),
        ("<b>bold</b>", "plain", "&lt;b&gt;bold&lt;/b&gt;"),
        ("<p>One</p><p>Two</p>", "html", "<p>One</p><p>Two</p>"),
        ("Wise mind", "moodle", "Wise mind"),
    ],
)
def test_render_inline_drops_a_single_paragraph(text, text_format, inline):
    assert formats.render_inline(text, text_format) == inline


@pytest.mark.parametrize(
    ("text", "text_format", "plain"),
    [
        ("<p>Emotion <b>mind</b></p>", "html", "Emotion mind"),
        ("<p>One</p><p>Two &amp; three</p>", "html", "One Two & three"),
        ("Wise **mind**", "markdown", "Wise mind"),
        ("a < b", "plain", "a < b"),
        ("<script>alert(1)</script>x", "html", "x"),
    ],
)
def test_plain_text_keeps_only_the_words(text, text_format, plain):
    assert formats.plain_text(text, text_format) == plain


def test_question_label_is_the_name_else_the_words_of_the_text():
    question = QuestionFactory.build(name="", text="<p>How <b>useful</b>?</p>", text_format="html")
    assert formats.question_label(question) == "How useful?"
    question.name = "Usefulness"
    assert formats.question_label(question) == "Usefulness"


# --- pages ---------------------------------------------------------------------------------------


@pytest.fixture
def html_question(quiz):
    """A question as Moodle XML brings it: every part in HTML."""
    return QuestionFactory(
        quiz=quiz,
        kind="single",
        text="<p>Which state <em>balances</em> the other two?</p>",
        text_format="html",
        general_feedback="<p>See <strong>module 2</strong>.</p>",
        answers=[
            A("<p>Wise mind</p>", FULL, feedback="<p>Yes: <em>both</em> minds.</p>"),
            A("<p>Emotion mind</p>", NONE, feedback='<p>No.<img src="x" onerror="alert(1)"></p>'),
        ],
    )


@pytest.fixture
def attempt(enrollment, quiz, html_question):
    return services.start_attempt(enrollment=enrollment, quiz=quiz)


def attempt_url(attempt, name="attempt"):
    return reverse(f"quizzes:{name}", args=[attempt.enrollment.cohort_id, attempt.pk])


def test_attempt_page_shows_html_choices_without_their_tags(client, enrollment, attempt):
    client.force_login(enrollment.user)
    page = client.get(attempt_url(attempt)).content.decode()
    assert "<p>Which state <em>balances</em> the other two?</p>" in page
    assert '<span class="choice-label">Emotion mind</span>' in page
    assert '<span class="choice-label">Wise mind</span>' in page
    assert "&lt;p&gt;" not in page
    assert "both</em> minds" not in page  # no feedback before the review


def test_review_renders_picked_feedback_and_general_feedback_in_html(
    client, enrollment, attempt, html_question
):
    wrong = html_question.answers.get(text="<p>Emotion mind</p>")
    services.save_response(attempt=attempt, question=html_question, answer={"choice": wrong.pk})
    services.submit_attempt(attempt=attempt)
    client.force_login(enrollment.user)
    page = client.get(attempt_url(attempt, "review")).content.decode()
    assert '<span class="choice-label">Emotion mind</span>' in page
    assert '<div class="answer-feedback"><p>No.<img></p></div>' in page  # onerror dropped
    assert "onerror" not in page
    assert "<li>Wise mind</li>" in page  # the right answer
    assert '<div class="general-feedback"><p>See <strong>module 2</strong>.</p></div>' in page
    assert "&lt;p&gt;" not in page


def test_preview_renders_every_answer_and_its_feedback(
    client, trainer, course, quiz, html_question
):
    client.force_login(trainer)
    page = client.get(
        reverse("quiz_authoring:quiz_preview", args=[course.slug, quiz.pk])
    ).content.decode()
    assert '<span class="choice-label">Emotion mind</span>' in page
    assert "<p>Feedback for “Wise mind”:</p><p>Yes: <em>both</em> minds.</p>" in page
    assert "<p>See <strong>module 2</strong>.</p>" in page
    assert "&lt;p&gt;" not in page


def test_plain_answer_prints_its_markup_escaped(client, trainer, course, quiz):
    QuestionFactory(
        quiz=quiz,
        kind="multiple",
        text="Which are **what** skills?",
        general_feedback="The **what** skills: observe, describe, participate.",
        answers=[
            A("Observe <b>this</b>", Decimal(50), text_format="plain"),
            A("<script>alert(1)</script>", Decimal(50), text_format="plain"),
            A("Describe *that*", NONE),
        ],
    )
    client.force_login(trainer)
    page = client.get(
        reverse("quiz_authoring:quiz_preview", args=[course.slug, quiz.pk])
    ).content.decode()
    assert '<span class="choice-label">Observe &lt;b&gt;this&lt;/b&gt;</span>' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
    assert '<span class="choice-label">Describe <em>that</em></span>' in page  # the question's
    assert "<p>The <strong>what</strong> skills: observe, describe, participate.</p>" in page


def test_matching_options_are_plain_text(client, trainer, course, quiz):
    QuestionFactory(
        quiz=quiz,
        kind="matching",
        text="Match them.",
        text_format="html",
        answers=[
            A("<p>TIPP</p>", match="<b>Distress</b> tolerance"),
            A("<p>Wise mind</p>", match="Mindfulness"),
        ],
    )
    client.force_login(trainer)
    page = client.get(
        reverse("quiz_authoring:quiz_preview", args=[course.slug, quiz.pk])
    ).content.decode()
    assert '">TIPP</label>' in page
    assert '">Distress tolerance</option>' in page
    assert "TIPP → Distress tolerance" in page


def test_essay_grading_page_renders_the_general_feedback(client, trainer, cohort, enrollment, quiz):
    essay = QuestionFactory(
        quiz=quiz,
        kind="essay",
        text="<p>Describe the <em>links</em>.</p>",
        text_format="moodle",
        general_feedback="<p>Vulnerability,\nprompting event.</p>",
        answers=[],
    )
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    response = services.save_response(attempt=attempt, question=essay, answer={"text": "<b>x</b>"})
    services.submit_attempt(attempt=attempt)
    client.force_login(trainer)
    page = client.get(reverse("grading:essay", args=[cohort.pk, response.pk])).content.decode()
    assert '<div class="question-text"><p>Describe the <em>links</em>.</p></div>' in page
    assert "<p>Vulnerability,<br>\nprompting event.</p>" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page  # the trainee's answer stays text

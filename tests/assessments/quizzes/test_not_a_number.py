"""Issue 25, item 16: "1e309", "inf" and "nan" are not numbers a numeric question takes; the
trainee gets the "not a number" hint as they save, and the answer scores 0."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import Response
from assessments.quizzes import services
from assessments.quizzes.scoring import parse_number

pytestmark = pytest.mark.django_db

HINT = "This is not a number; it scores 0 as it stands."


@pytest.mark.parametrize(
    "typed", ["1e309", "-1e309", "1E400", "inf", "-Infinity", "nan", "sNaN", "1e999999999"]
)
def test_numbers_past_what_a_double_holds_are_not_numbers(typed):
    assert parse_number(typed) is None


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1e308", Decimal("1e308")), ("4", Decimal(4)), ("4,0", Decimal("4.0")), ("-3", Decimal(-3))],
)
def test_ordinary_numbers_still_read(typed, number):
    assert parse_number(typed) == number


@pytest.mark.parametrize("typed", ["1e309", "inf", "nan"])
def test_autosave_gives_the_hint_and_the_answer_scores_nothing(
    client, enrollment, quiz, questions, typed
):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    numeric = questions["numeric"]
    client.force_login(enrollment.user)
    url = reverse("quizzes:save", args=[enrollment.cohort_id, attempt.pk, numeric.pk])
    response = client.post(url, {f"q{numeric.pk}": typed}, HTTP_HX_REQUEST="true")
    assert f'<span class="field-warning">{HINT}</span>' in response.content.decode()
    assert Response.objects.get().answer == {"text": typed}
    services.submit_attempt(attempt=attempt)
    assert Response.objects.get().score == Decimal(0)

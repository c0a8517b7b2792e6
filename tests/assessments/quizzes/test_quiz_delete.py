"""Issue 25, item 8: a quiz with submitted attempts offers no delete (a note says why instead),
and a forged delete post is still refused with nothing changed."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from assessments.models import Attempt, Quiz
from dbt_training.users.roles import Role
from tests.factories import AttemptFactory, UserFactory

pytestmark = pytest.mark.django_db

NOTE = "Trainees have submitted attempts: it cannot be deleted."


def editor_url(course, quiz):
    return reverse("quiz_authoring:quiz", args=[course.slug, quiz.pk])


def delete_url(course, quiz):
    return reverse("quiz_authoring:quiz_delete", args=[course.slug, quiz.pk])


@pytest.fixture
def taken(quiz, enrollment):
    return AttemptFactory(quiz=quiz, enrollment=enrollment)


def test_a_quiz_without_submitted_attempts_offers_delete(client, trainer, course, quiz, enrollment):
    AttemptFactory(quiz=quiz, enrollment=enrollment, in_progress=True)
    client.force_login(trainer)
    page = client.get(editor_url(course, quiz)).content.decode()
    assert f'href="{delete_url(course, quiz)}">Delete quiz</a>' in page
    assert NOTE not in page
    confirm = client.get(delete_url(course, quiz)).content.decode()
    assert "<h1>Delete the quiz “Module 1 check”?</h1>" in confirm
    assert '<button type="submit" class="button-danger">Delete</button>' in confirm


def test_deleting_a_quiz_without_submitted_attempts_deletes_it(client, trainer, course, quiz):
    client.force_login(trainer)
    response = client.post(delete_url(course, quiz))
    assert response.status_code == HTTPStatus.FOUND
    assert not Quiz.objects.exists()


def test_a_quiz_with_submitted_attempts_shows_why_instead_of_a_delete_button(
    client, trainer, course, quiz, taken
):
    client.force_login(trainer)
    page = client.get(editor_url(course, quiz)).content.decode()
    assert delete_url(course, quiz) not in page
    assert "Delete quiz" not in page
    assert f'<p class="muted" id="delete-refused">{NOTE}</p>' in page
    confirm = client.get(delete_url(course, quiz)).content.decode()
    assert "<h1>The quiz “Module 1 check” cannot be deleted</h1>" in confirm
    assert f"{NOTE} Their scores are part of the record." in confirm
    assert 'class="button-danger"' not in confirm


def test_a_forged_delete_post_is_refused_and_changes_nothing(client, trainer, course, quiz, taken):
    client.force_login(trainer)
    response = client.post(delete_url(course, quiz), follow=True)
    assert response.redirect_chain == [(editor_url(course, quiz), HTTPStatus.FOUND)]
    assert "so it cannot be deleted." in response.content.decode()
    assert list(Quiz.objects.values_list("pk", flat=True)) == [quiz.pk]
    assert list(Attempt.objects.values_list("pk", flat=True)) == [taken.pk]


def test_visitor_trainee_and_other_trainer_get_no_delete_page(client, course, quiz, taken, trainee):
    response = client.get(delete_url(course, quiz))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))
    client.force_login(trainee)
    assert client.get(delete_url(course, quiz)).status_code == HTTPStatus.FORBIDDEN
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    assert client.get(delete_url(course, quiz)).status_code == HTTPStatus.FORBIDDEN
    assert client.post(delete_url(course, quiz)).status_code == HTTPStatus.FORBIDDEN
    assert Quiz.objects.count() == 1

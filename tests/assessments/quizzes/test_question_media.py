"""A question's images are served to the people who may read the question, and to nobody else."""

import base64
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import QuestionMedia
from assessments.quizzes import bank, services
from assessments.quizzes.interchange import MediaData
from assessments.quizzes.services import AnswerData as A
from dbt_training.users.roles import Role
from tests.factories import CourseFactory, EnrollmentFactory, UserFactory

pytestmark = pytest.mark.django_db

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgaGgAAAGEAQFWjyAjAAAAAElFTkSuQmCC"
)


@pytest.fixture
def pictured(course):
    category = bank.create_category(course=course, name="Pictures")
    question = services.save_question(
        category=category,
        kind="true_false",
        text='Is this wise mind? <img src="@@PLUGINFILE@@/circles.png" alt="Three circles">',
        text_format="html",
        answers=[A(text="True", fraction=100), A(text="False", fraction=0)],
    )
    services.attach_media(question=question, media=[MediaData("circles.png", PNG)])
    return question


def media_url(question, name="circles.png"):
    return reverse("quizzes:question_media", args=[question.pk, name])


def test_the_stored_text_points_at_the_view(pictured):
    assert f'src="{media_url(pictured)}"' in pictured.text_html


def test_who_may_see_a_questions_image(client, quiz, pictured, enrollment, trainee, other_trainer):
    url = media_url(pictured)
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND and "/accounts/login/" in response.url

    # A trainee of the course whose attempts never showed it, another course's trainer.
    stranger = EnrollmentFactory(cohort=enrollment.cohort).user
    for user in (stranger, other_trainer, UserFactory()):
        client.force_login(user)
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND

    bank.add_draw(quiz=quiz, category=pictured.category, count=1)
    services.start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(trainee)
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert (response["Content-Type"], b"".join(response.streaming_content)) == ("image/png", PNG)
    assert response["Cache-Control"] == "private, max-age=3600"
    assert client.get(media_url(pictured, "other.png")).status_code == HTTPStatus.NOT_FOUND

    client.force_login(quiz.module.course.authors.first())
    assert client.get(url).status_code == HTTPStatus.OK


def test_an_image_that_is_not_one_is_refused_and_nothing_is_kept(pictured):
    with pytest.raises(ValidationError, match="is not a PNG, JPEG, GIF or WebP image"):
        services.attach_media(
            question=pictured, media=[MediaData("x.svg", b"<svg onload=alert(1)></svg>")]
        )
    assert list(QuestionMedia.objects.values_list("name", flat=True)) == ["circles.png"]


def test_another_courses_author_gets_not_found(client, pictured):
    outsider = UserFactory(roles=[Role.TRAINER])
    CourseFactory(authors=[outsider])
    client.force_login(outsider)
    assert client.get(media_url(pictured)).status_code == HTTPStatus.NOT_FOUND

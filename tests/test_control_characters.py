"""Control characters (issue 19): one rule, `dbt_training.core.text`, applied to every request by
`ControlCharacterMiddleware` and to every imported file by its importer. A NUL or a bell in any
text input is dropped and the rest is saved; nothing answers 500."""

import copy
import datetime
import json
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client, RequestFactory, modify_settings
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone

from assessments.models import Question, Response, Submission
from assessments.quizzes import gift
from assessments.quizzes import services as quiz_services
from courses.csv_import import decode_csv
from dbt_training.core.middleware import ControlCharacterMiddleware
from dbt_training.core.text import (
    has_control_characters,
    strip_control_characters,
    strip_control_characters_from,
)
from modules.transfer import import_course_zip
from tests.factories import (
    AssignmentFactory,
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    ModuleFactory,
    QuizFactory,
    UserFactory,
    every_kind,
)
from tests.modules.test_transfer import make_zip, valid_document

pytestmark = pytest.mark.django_db

MIDDLEWARE = "dbt_training.core.middleware.ControlCharacterMiddleware"
HX = {"HTTP_HX_REQUEST": "true"}
# Every character the rule drops: C0 but tab, line feed and carriage return; DEL; C1.
DROPPED = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]


# --- the rule -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x00b", "ab"),
        ("\x07ring\x07", "ring"),
        ("\x00\x01\x02\x1b[31mred\x1b[0m\x7f", "[31mred[0m"),
        ("line one\r\nline two\n\tindented", "line one\r\nline two\n\tindented"),
        ("Ça va, Zoë? Ñandú 😀 — “quoted” 中文", "Ça va, Zoë? Ñandú 😀 — “quoted” 中文"),
        ("a\x85b\x9fc\xa0d", "abc\xa0d"),  # C1 goes; the no-break space after it stays
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("", ""),
    ],
)
def test_strip_control_characters_gives_exactly_the_text_without_them(text, expected):
    assert strip_control_characters(text) == expected
    assert has_control_characters(text) is (text != expected)


def test_every_control_character_is_dropped_and_nothing_else_below_u0100():
    kept = [chr(c) for c in range(0x100) if chr(c) not in DROPPED]
    assert strip_control_characters("".join(DROPPED)) == ""
    assert strip_control_characters("".join(kept)) == "".join(kept)
    assert {"\t", "\n", "\r", " ", "~", "\xa0", "ÿ"} <= set(kept)


def test_a_json_document_is_stripped_in_every_string_and_key():
    document = {"ti\x00tle": ["a\x07", {"b\x01": "c\x00", "n": 5, "ok": True, "none": None}]}
    assert strip_control_characters_from(document) == {
        "title": ["a", {"b": "c", "n": 5, "ok": True, "none": None}]
    }


# --- the middleware -----------------------------------------------------------------------------


def test_the_middleware_is_installed_right_after_csrf():
    position = settings.MIDDLEWARE.index(MIDDLEWARE)
    assert settings.MIDDLEWARE[position - 1] == "django.middleware.csrf.CsrfViewMiddleware"


def run(request, **view_kwargs) -> dict:
    middleware = ControlCharacterMiddleware(lambda request: HttpResponse())
    assert middleware.process_view(request, None, (), view_kwargs) is None
    return view_kwargs


def test_query_posted_fields_and_path_words_reach_the_view_stripped_and_immutable():
    request = RequestFactory().post(
        "/x/?q=%00find%07&page=%00&tag=a&tag=b%01", {"answer": ["a\x00b", "\x07"], "k\x01ey": "v"}
    )
    kwargs = run(request, token="ab\x00c", cohort_id=3)
    assert kwargs == {"token": "abc", "cohort_id": 3}
    assert dict(request.GET.lists()) == {"q": ["find"], "page": [""], "tag": ["a", "b"]}
    assert dict(request.POST.lists()) == {"answer": ["ab", ""], "key": ["v"]}
    for query in (request.GET, request.POST):
        with pytest.raises(AttributeError, match="immutable"):
            query["more"] = "x"


def test_clean_parameters_are_left_as_they_were():
    request = RequestFactory().post("/x/?q=find", {"answer": "fine\ttext\n"})
    get, post = request.GET, request.POST
    run(request)
    assert request.GET is get and request.POST is post


def test_a_json_body_is_not_parsed_or_consumed():
    body = json.dumps({"text": "a\u0000b"})
    request = RequestFactory().post("/x/", body, content_type="application/json")
    run(request)
    assert not hasattr(request, "_post")  # request.POST never read
    assert json.loads(request.body) == {"text": "a\x00b"}  # the body is still there to read


def test_an_upload_keeps_its_bytes_and_its_fields_are_stripped():
    upload = SimpleUploadedFile("notes.txt", b"raw\x00\x07bytes", content_type="text/plain")
    request = RequestFactory().post("/x/", {"title": "Not\x00es", "file": upload})
    run(request)
    assert request.POST["title"] == "Notes"
    assert request.FILES["file"].read() == b"raw\x00\x07bytes"


def test_a_get_request_never_reads_a_body():
    request = RequestFactory().get("/x/?q=%00")
    run(request)
    assert request.GET["q"] == ""
    assert not hasattr(request, "_post")


# --- through the site ---------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    """A superuser (with the second factor the factories give staff), signed in."""
    client.force_login(UserFactory(email="root@example.org", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def course(trainer):
    return CourseFactory(authors=[trainer])


@pytest.fixture
def module(course):
    return ModuleFactory(course=course, position=1, due_offset_days=14)


@pytest.fixture
def cohort(course, trainer):
    today = timezone.localdate()
    return CohortFactory(
        course=course,
        trainers=[trainer],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )


@pytest.fixture
def enrollment(cohort, trainee):
    return EnrollmentFactory(user=trainee, cohort=cohort)


@pytest.fixture
def quiz(module):
    return QuizFactory(module=module, title="Module 1 check", position=1)


def test_a_quiz_autosave_drops_the_characters_and_saves_the_answer(client, enrollment, quiz):
    essay = every_kind(quiz)["essay"]
    attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(enrollment.user)
    url = reverse("quizzes:save", args=[enrollment.cohort_id, attempt.pk, essay.pk])

    response = client.post(url, {f"q{essay.pk}": "Wise\x00 mind\x07 first"}, **HX)

    assert response.status_code == HTTPStatus.OK
    assert "Saved at" in response.content.decode()
    assert Response.objects.get(attempt=attempt, question=essay).answer == {
        "text": "Wise mind first"
    }


def test_a_worksheet_draft_drops_the_characters_and_saves(client, enrollment, module):
    assignment = AssignmentFactory(module=module, chain_analysis=True)
    client.force_login(enrollment.user)
    url = reverse("assignments:save", args=[enrollment.cohort_id, assignment.pk])

    response = client.post(url, {"links": "Shame\x00 4/5.\x07\nUrge to hide."}, **HX)

    assert response.status_code == HTTPStatus.OK
    assert "Draft saved at" in response.content.decode()
    assert Submission.objects.get(enrollment=enrollment).content["links"] == (
        "Shame 4/5.\nUrge to hide."
    )


def test_the_gradebook_search_with_a_nul_is_a_page_not_a_500(client, trainer, cohort):
    client.force_login(trainer)
    url = reverse("gradebook:gradebook", args=[cohort.pk])

    response = client.get(url, {"search": "\x00", "q": "\x00", "page": "\x00"})

    assert response.status_code == HTTPStatus.OK


def test_a_profile_field_is_stored_without_the_character(client, trainee):
    client.force_login(trainee)
    data = {
        "full_name": "Dana\x01 Rivera",
        "time_zone": "America/New_York",
        "credentials": "LCSW\x01",
        "license_number": "",
        "license_jurisdiction": "",
    }

    response = client.post(reverse("users:profile"), data)

    assert response.status_code == HTTPStatus.FOUND
    trainee.refresh_from_db()
    assert (trainee.full_name, trainee.credentials) == ("Dana Rivera", "LCSW")


def test_a_csrf_checked_form_post_still_passes_its_check(trainee):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    client.get(reverse("users:profile"))
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    data = {"csrfmiddlewaretoken": token, "full_name": "Dana\x00 Rivera", "time_zone": "UTC"}

    response = client.post(reverse("users:profile"), data)

    assert response.status_code == HTTPStatus.FOUND
    trainee.refresh_from_db()
    assert trainee.full_name == "Dana Rivera"


def test_the_admin_changelist_search_with_a_nul_answers(admin_client):
    response = admin_client.get(reverse("admin:users_user_changelist"), {"q": "\x00"})
    assert response.status_code == HTTPStatus.OK


@modify_settings(MIDDLEWARE={"remove": [MIDDLEWARE]})
def test_without_the_middleware_a_nul_in_a_path_word_is_a_server_error(admin_client):
    """What the middleware is for: PostgreSQL refuses the NUL, a 500 in production."""
    with pytest.raises(ValueError, match="NUL"):
        admin_client.get(reverse("certificates:pdf", kwargs={"code": "AB\x00CD"}))


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("certificates:verify", {"code": "AB\x00CD"}),
        ("certificates:pdf", {"code": "AB\x00CD"}),
        ("join:invitation", {"token": "tok\x00en"}),
        ("reminders:unsubscribe", {"token": "tok\x00en"}),
    ],
)
def test_a_nul_in_a_path_word_is_no_server_error(admin_client, name, kwargs):
    assert admin_client.get(reverse(name, kwargs=kwargs)).status_code < 500


def test_a_gift_upload_with_a_control_character_stores_the_text_without_it(
    client, trainer, course, quiz
):
    client.force_login(trainer)
    gift_text = "::Bell:: Ring\x07 the\x1b bell? {T}\n\n::Count:: How many modes? {#4\x07}\n"
    upload = SimpleUploadedFile("q.gift", gift_text.encode(), content_type="text/plain")
    url = reverse("quiz_authoring:question_import", args=[course.slug, quiz.pk])

    response = client.post(url, {"file": upload})

    assert "Imported 2 questions" in response.content.decode()
    assert list(Question.objects.order_by("position").values_list("name", "text")) == [
        ("Bell", "Ring the bell?"),
        ("Count", "How many modes?"),
    ]
    assert Question.objects.get(name="Count").answers.get().value == Decimal(4)


def test_gift_parse_keeps_line_numbers_when_it_strips():
    result = gift.parse("\x01::A:: Fine {T}\n\n::B:: Never closed {=a ~b\x07\n")
    assert [q.text for q in result.questions] == ["Fine"]
    assert [error.line for error in result.errors] == [3]


def test_a_course_zip_with_escaped_control_characters_imports_without_them(trainer):
    document = copy.deepcopy(valid_document())
    document["course"]["title"] = "DBT\u0000 Skills\u0007"
    document["modules"][0]["lessons"][0]["attachments"] = []
    document["modules"][0]["lessons"][0]["body_markdown"] = "Skills are\u0001 *learned*."

    course = import_course_zip(make_zip(document), author=trainer)

    assert course.title == "DBT Skills"
    assert course.modules.get(position=1).lessons.get().body_markdown == "Skills are *learned*."


def test_csv_cells_are_stripped_but_a_nul_still_means_a_wrong_encoding():
    assert decode_csv(b"email,full_name\ndana@example.org,Dana\x07 Rivera\n") == (
        "email,full_name\ndana@example.org,Dana Rivera\n"
    )
    assert decode_csv(b"email\x00\n") is None


# --- every page -----------------------------------------------------------------------------------


def route_names(patterns=None, namespace: str = ""):
    """The qualified name of every named route in the URLconf."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from route_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def urls_without_arguments() -> list[str]:
    urls = set()
    for name in route_names():
        try:
            urls.add(reverse(name))
        except NoReverseMatch:
            continue  # needs an argument
    return sorted(urls)


def test_every_page_without_arguments_answers_a_nul_query_without_a_server_error(admin_client):
    urls = urls_without_arguments()
    assert len(urls) > 20 and reverse("admin:users_user_changelist") in urls
    failed = {}
    # With `page` the admin's change lists redirect (an unknown filter); alone, `q` searches them.
    for query in ({"q": "\x00", "page": "\x00"}, {"q": "\x00"}):
        for url in urls:
            status = admin_client.get(url, query).status_code
            if status >= 500:
                failed[f"{url} {query}"] = status
    assert failed == {}

"""One gradebook cell by hand: override it with a reason, remove the override; both audited;
only the cohort's trainers; bad input changes nothing."""

import re
from decimal import Decimal
from http import HTTPStatus
from urllib.parse import urljoin

import pytest
from django.urls import reverse

from assessments.models import GradeChange, GradeOverride
from courses.models import Enrollment
from tests.factories import AssignmentFactory, GradeFactory

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def sheet(module, enrollment):
    sheet = AssignmentFactory(module=module, title="Chain analysis")
    # 80%, released:
    GradeFactory(
        submission__enrollment=enrollment, submission__assignment=sheet, score=D(8), max_score=D(10)
    )
    return sheet


def cell_url(cohort, enrollment, key):
    return reverse("gradebook:override", args=[cohort.pk, enrollment.pk, key])


def trail():
    return list(
        GradeChange.objects.order_by("pk").values_list(
            "item", "action", "old_value", "new_value", "reason", "changed_by__email"
        )
    )


def test_trainer_overrides_a_cell_then_removes_the_override(
    client, trainer, cohort, enrollment, sheet
):
    client.force_login(trainer)
    key = f"assignment:{sheet.pk}"
    page = client.get(cell_url(cohort, enrollment, key))
    assert page.status_code == HTTPStatus.OK
    assert "80%" in page.content.decode()

    response = client.post(
        cell_url(cohort, enrollment, key),
        {"percent": "92.5", "reason": "Make-up  assessment", "action": "set"},
    )
    assert response.status_code == HTTPStatus.FOUND
    override = GradeOverride.objects.get()
    assert (override.enrollment, override.item, override.percent, override.reason) == (
        enrollment,
        key,
        D("92.50"),
        "Make-up assessment",
    )

    response = client.post(
        cell_url(cohort, enrollment, key), {"reason": "Entered by mistake", "action": "remove"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not GradeOverride.objects.exists()
    assert trail() == [
        (key, "overridden", "80%", "92.5%", "Make-up assessment", trainer.email),
        (key, "overridden", "92.5%", "80%", "Override removed: Entered by mistake", trainer.email),
    ]


@pytest.mark.parametrize(
    ("post", "error"),
    [
        ({"percent": "101", "reason": "x", "action": "set"}, "less than or equal to 100"),
        ({"percent": "-1", "reason": "x", "action": "set"}, "greater than or equal to 0"),
        ({"percent": "nan", "reason": "x", "action": "set"}, "Enter a number"),
        ({"percent": "", "reason": "x", "action": "set"}, "Enter a percentage from 0 to 100"),
        ({"percent": "50", "reason": "   ", "action": "set"}, "This field is required"),
        ({"reason": "nothing to remove", "action": "remove"}, "no override to remove"),
    ],
)
def test_bad_input_is_a_form_error_and_changes_nothing(
    client, trainer, cohort, enrollment, sheet, post, error
):
    client.force_login(trainer)
    response = client.post(cell_url(cohort, enrollment, f"assignment:{sheet.pk}"), post)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert error in response.content.decode()
    assert not GradeOverride.objects.exists()
    assert trail() == []


def test_unknown_item_or_another_cohorts_trainee_is_404(
    client, trainer, cohort, enrollment, sheet, other_trainer
):
    client.force_login(trainer)
    for key in ("assignment:999999", "quiz:x", "attendance:1", "nonsense"):
        assert client.get(cell_url(cohort, enrollment, key)).status_code == HTTPStatus.NOT_FOUND
    elsewhere = Enrollment.objects.create(
        user=other_trainer, cohort=other_trainer.taught_cohorts.get(), status="active"
    )
    response = client.post(
        cell_url(cohort, elsewhere, "attendance"), {"percent": "50", "reason": "x"}
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not GradeOverride.objects.exists()


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_only_the_cohorts_trainers_may_override(client, cohort, enrollment, sheet, who, request):
    client.force_login(request.getfixturevalue(who))
    target = cell_url(cohort, enrollment, f"assignment:{sheet.pk}")
    assert client.get(target).status_code == HTTPStatus.FORBIDDEN
    response = client.post(target, {"percent": "100", "reason": "please", "action": "set"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not GradeOverride.objects.exists()


def test_visitor_is_sent_to_sign_in(client, cohort, enrollment, sheet):
    response = client.get(cell_url(cohort, enrollment, "attendance"))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


def test_gradebook_links_each_cell_to_its_override_page(client, trainer, cohort, enrollment, sheet):
    client.force_login(trainer)
    page_url = reverse("gradebook:gradebook", args=[cohort.pk])
    page = client.get(page_url).content.decode()
    # The cells link relative to the page (lighter); resolved, they are the override pages.
    links = {urljoin(page_url, href) for href in re.findall(r'<td[^>]*><a href="([^"]+)"', page)}
    assert cell_url(cohort, enrollment, f"assignment:{sheet.pk}") in links
    assert cell_url(cohort, enrollment, "attendance") in links
    # ... also from a later page or a filtered one (the query string does not change the base).
    assert urljoin(page_url + "?page=2&team=3", f"trainees/{enrollment.pk}/items/attendance/") == (
        cell_url(cohort, enrollment, "attendance")
    )
    assert client.get(cell_url(cohort, enrollment, f"assignment:{sheet.pk}")).status_code == 200

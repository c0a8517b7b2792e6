"""A cohort's delivery format (issue 20): set on the cohort form, printed on CE certificates in
the words boards ask for."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from courses.forms import CohortForm
from courses.models import Cohort, DeliveryFormat
from tests.factories import CohortFactory, CourseFactory

pytestmark = pytest.mark.django_db


def posted(course, **fields) -> dict:
    return {
        "course": course.pk,
        "name": "Summer 2027",
        "starts_on": "2027-06-01",
        "ends_on": "2027-11-30",
        "time_zone": "Europe/Berlin",
        "capacity": "25",
        "status": "open",
        **fields,
    }


def test_the_cohort_form_offers_the_four_formats_in_the_boards_words(client, enrollment_admin):
    client.force_login(enrollment_admin)

    response = client.get(reverse("cohorts:create"))

    assert response.status_code == HTTPStatus.OK
    field = response.context["form"].fields["delivery_format"]
    assert list(field.choices) == [
        ("live_in_person", "Live, in person"),
        ("live_online", "Live interactive webinar"),
        ("self_paced_online", "Self-paced online (home study)"),
        ("blended", "Blended: self-paced online with live online sessions"),
    ]
    body = response.content.decode()
    assert '<option value="blended" selected>' in body
    assert "Printed on CE certificates: boards ask how the hours were delivered." in body


def test_the_form_reads_the_format_and_keeps_it_when_left_out():
    course = CourseFactory(status="published")
    cohort = CohortFactory(course=course, delivery_format=DeliveryFormat.LIVE_ONLINE)

    chosen = CohortForm(data=posted(course, delivery_format="self_paced_online"))
    left_out = CohortForm(data=posted(course), instance=Cohort.objects.get(pk=cohort.pk))
    wrong = CohortForm(data=posted(course, delivery_format="carrier_pigeon"))

    assert chosen.is_valid() and chosen.cleaned_data["delivery_format"] == "self_paced_online"
    assert left_out.is_valid() and left_out.cleaned_data["delivery_format"] == "live_online"
    assert not wrong.is_valid()
    assert list(wrong.errors) == ["delivery_format"]


def test_an_admin_creates_and_edits_a_cohort_with_its_delivery_format(client, enrollment_admin):
    course = CourseFactory(status="published")
    client.force_login(enrollment_admin)

    created = client.post(reverse("cohorts:create"), posted(course, delivery_format="live_online"))
    cohort = Cohort.objects.get(name="Summer 2027")
    edited = client.post(
        reverse("cohorts:edit", args=[cohort.pk]),
        posted(course, delivery_format="self_paced_online"),
    )

    assert (created.status_code, edited.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    cohort.refresh_from_db()
    assert cohort.delivery_format == "self_paced_online"
    assert cohort.get_delivery_format_display() == "Self-paced online (home study)"

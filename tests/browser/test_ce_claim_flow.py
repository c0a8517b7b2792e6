"""Issue 20 end to end: a trainee who has met every requirement claims a CE certificate under an
approval that requires a licence number; the claim is refused with a link to the profile; they
add their licence there, claim again, download the PDF (every field CE boards ask for, the
cohort's dates and not the claim's), and the public verification page confirms the code with
the same facts. axe-core on every page; the certificate and verification pages at 390 px."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from assessments.completion import authoring
from assessments.models import CompletionRules
from courses.models import Enrollment
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
PHONE = {"width": 390, "height": 844}


# The refused claim answers 400 (the page with the reason), which Chromium logs.
@pytest.mark.expected_console_errors(r"status of 400 \(Bad Request\)")
def test_a_trainee_is_asked_for_a_licence_then_claims_downloads_and_verifies(
    page, live_server, settings
):
    settings.SITE_URL = live_server.url
    settings.CE_PROVIDER_NAME = "Linehan Skills Institute"
    settings.CE_PROVIDER_ADDRESS = "12 Example Street, Seattle, WA 98101, USA"
    settings.CE_PROVIDER_CONTACT = "ce@example.org"
    course = CourseFactory(title="DBT Foundations", ce_hours="12.50")
    module = ModuleFactory(course=course, title="Foundations")
    lesson = LessonFactory(module=module, title="The biosocial theory")
    CompletionRules.objects.create(
        course=course,
        require_post_test=False,
        require_assignments=False,
        require_evaluation=False,
        min_attendance_percent=0,
    )
    authoring.add_approval(
        course=course,
        profession="Social workers",
        accrediting_body="Association of Social Work Boards",
        approval_statement="Approved by ASWB ACE for 12.5 continuing education hours.",
        approval_number="ACE-1234",
        valid_from=datetime.date(2020, 1, 1),
        requires_license=True,
    )
    trainee = UserFactory(
        email="zoe@example.org", full_name="Zoë Ngāti", credentials="MSW", password=PASSWORD
    )
    today = timezone.localdate()
    starts_on, ends_on = today - datetime.timedelta(days=60), today - datetime.timedelta(days=5)
    cohort = CohortFactory(
        course=course,
        name="Spring cohort",
        starts_on=starts_on,
        ends_on=ends_on,
        delivery_format="live_online",
        trainers=[UserFactory(full_name="Terry Chen", credentials="PhD")],
    )
    enrollment = Enrollment.objects.create(
        user=trainee,
        cohort=cohort,
        status="active",
        enrolled_at=timezone.now() - datetime.timedelta(days=61),
    )
    # The last requirement met ten days ago, in the cohort's time zone a day before the end.
    finished = timezone.now() - datetime.timedelta(days=10)
    LessonProgressFactory(
        enrollment=enrollment,
        lesson=lesson,
        first_viewed_at=finished,
        last_viewed_at=finished,
        completed_at=finished,
    )

    sign_in(page, "zoe@example.org")
    page.set_viewport_size(PHONE)

    # Every requirement met; the approval asks for the licence the profile lacks.
    page.goto(f"/learn/{cohort.pk}/certificate/")
    expect(page.get_by_text("100% of the requirements met (1 of 1)")).to_be_visible()
    expect(
        page.get_by_role("note").filter(has_text="the approval for Social workers")
    ).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)

    # Refused, with the way to the profile.
    page.get_by_label(re.compile("Social workers — ")).check()
    page.get_by_role("button", name="Claim my certificate").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("No certificate was issued.")
    expect(alert).to_contain_text("your profile does not hold both yet")
    assert enrollment.certificates.count() == 0
    assert_accessible(page)
    assert_fits_phone_width(page)

    alert.get_by_role(
        "link", name="Add your licence number and jurisdiction to your profile"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Profile and CE details")
    page.get_by_label("Licence number").fill("LCSW 88120")
    page.get_by_label("Licensing board or jurisdiction").fill("Washington DOH")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")

    # Claimed.
    page.goto(f"/learn/{cohort.pk}/certificate/")
    page.get_by_label(re.compile("Social workers — ")).check()
    page.get_by_role("button", name="Claim my certificate").click()
    expect(page.get_by_role("status")).to_contain_text("Your certificate is ready.")
    assert_accessible(page)
    assert_fits_phone_width(page)
    certificate = enrollment.certificates.get()
    code = certificate.code

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Download PDF")).click()
    with open(download.value.path(), "rb") as data:
        reader = PdfReader(io.BytesIO(data.read()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    dates = f"{starts_on:%-d %B %Y} – {ends_on:%-d %B %Y}"
    for expected in (
        "Linehan Skills Institute",
        "12 Example Street, Seattle, WA 98101, USA · ce@example.org",
        "Zoë Ngāti, MSW",
        "Licence number LCSW 88120 · Washington DOH",
        "DBT Foundations",
        f"Spring cohort · {dates} · Live interactive webinar",
        "12.50 CE hours",
        "Provider approval number ACE-1234, approval valid from 1 January 2020",
        "Approved by ASWB ACE",
        f"Completed on {certificate.completed_on:%-d %B %Y}",
        f"Verification code: {code}",
        "It is not a clinical certification.",
    ):
        assert expected in text, expected
    assert certificate.completed_on < ends_on

    # Anyone, signed out, confirms it from the code, on a phone.
    page.context.clear_cookies()
    page.goto("/verify/")
    page.get_by_label("Verification code").fill(code.lower().replace("-", " "))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Valid certificate")
    expect(page.get_by_text("Licence number LCSW 88120 · Washington DOH")).to_be_visible()
    expect(page.get_by_text(dates)).to_be_visible()
    expect(page.get_by_text("ACE-1234")).to_be_visible()
    assert "zoe@example.org" not in page.content()
    assert_accessible(page)
    assert_fits_phone_width(page)


def test_an_enrollment_admin_names_the_responsible_person_from_the_completion_page(
    page, live_server, settings, tmp_path
):
    """The signatory page is reached from the course's Completion and CE page; the signature
    uploads through the page's file input and shows back through the checked preview only."""
    from PIL import Image, ImageDraw

    from assessments.models import ProgramSignatory
    from dbt_training.users.roles import Role

    settings.MEDIA_ROOT = tmp_path
    signature = tmp_path / "upload" / "signature.png"
    signature.parent.mkdir()
    image = Image.new("RGB", (600, 150), "white")
    ImageDraw.Draw(image).line([(10, 120), (150, 20), (300, 130)], fill="navy", width=6)
    image.save(signature, "PNG")
    UserFactory(
        email="alex@example.org",
        full_name="Alex Moreau",
        password=PASSWORD,
        roles=[Role.ENROLLMENT_ADMIN],
        is_staff=True,
    )
    course = CourseFactory(title="DBT Foundations")

    sign_in(page, "alex@example.org")
    page.goto(f"/author/courses/{course.slug}/completion/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Completion and CE")
    assert_accessible(page)
    page.get_by_role("link", name="Name the person responsible for the program").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Person responsible for the program")
    page.get_by_role("textbox", name="Name").fill("Marsha Example, PhD")
    page.get_by_role("textbox", name="Title").fill("CE program director")
    page.get_by_label("Signature image").set_input_files(signature)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved the person responsible")
    preview = page.get_by_role("img", name="The signature of Marsha Example, PhD")
    expect(preview).to_be_visible()
    # Loaded through the checked view: the image's own width, not a broken image's 0.
    expect(preview).to_have_js_property("naturalWidth", 600)
    assert ProgramSignatory.objects.get(course=course).name == "Marsha Example, PhD"
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_fits_phone_width(page)

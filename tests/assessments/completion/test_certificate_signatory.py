"""The person responsible for a course's CE program (issue 20, item 1): an enrollment admin names
them and uploads their signature (PNG or JPEG, told by content, size-limited); a bad file changes
nothing; a replaced image stays for the certificates that print it; the image is never at a
public address. Also the approval fields, the signatory panel and the CE checks on the course's
Completion and CE page, and the admin pages of the new records."""

import datetime
from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from PIL import Image, ImageDraw
from pypdf import PdfReader

from assessments.completion import authoring
from assessments.completion import pdf as certificate_pdf
from assessments.completion.signatures import SIGNATURE_MAX_BYTES
from assessments.models import CECheckRecord, CourseApproval, ProgramSignatory
from dbt_training.users.roles import Role
from tests.factories import CertificateFactory, CourseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_bytes(kind="PNG", size=(600, 150)) -> bytes:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).line([(10, 120), (150, 20), (300, 130)], fill="navy", width=6)
    data = BytesIO()
    image.save(data, kind)
    return data.getvalue()


def upload(data: bytes, name="signature.png", content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def page(course) -> str:
    return reverse("certificates:signatory", args=[course.slug])


def image_url(course) -> str:
    return reverse("certificates:signature", args=[course.slug])


def stored(media) -> list[str]:
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())


def snapshot():
    return list(ProgramSignatory.objects.order_by("pk").values())


@pytest.fixture
def staff_without_the_role(db, password):
    """Django staff (the admin site) with the trainer role, not the enrollment admin's: the
    wrong admin for the institute's signatory."""
    return UserFactory(
        email="pat@example.org",
        full_name="Pat Staff",
        password=password,
        roles=[Role.TRAINER],
        is_staff=True,
    )


@pytest.fixture
def signatory(course, enrollment_admin):
    return authoring.set_program_signatory(
        course=course,
        name="Marsha Example, PhD",
        title="CE program director",
        signature=upload(image_bytes()),
        by=enrollment_admin,
    )


# --- who may ---------------------------------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in(client, course, signatory):
    for response in (
        client.get(page(course)),
        client.post(page(course), {"name": "X", "title": "Y"}),
        client.get(image_url(course)),
    ):
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("account_login"))
    assert snapshot()[0]["name"] == "Marsha Example, PhD"


@pytest.mark.parametrize("who", ["trainee", "trainer", "other_trainer", "staff_without_the_role"])
def test_anyone_but_an_enrollment_admin_is_refused_and_changes_nothing(
    client, course, signatory, request, who
):
    """The course's own author (trainer) included: naming the responsible person is the
    institute's call, not the course's."""
    client.force_login(request.getfixturevalue(who))
    before = snapshot()

    assert client.get(page(course)).status_code == HTTPStatus.FORBIDDEN
    posted = client.post(page(course), {"name": "Someone Else", "title": "Nobody"})
    assert posted.status_code == HTTPStatus.FORBIDDEN
    assert client.get(image_url(course)).status_code == HTTPStatus.FORBIDDEN
    assert snapshot() == before


def test_an_enrollment_admin_of_no_course_gets_404_for_a_course_that_does_not_exist(
    client, enrollment_admin
):
    client.force_login(enrollment_admin)

    assert client.get("/author/courses/no-such-course/completion/signatory/").status_code == 404


def test_the_enrollment_admin_opens_the_page_of_any_course(client, enrollment_admin):
    """Enrollment admins manage every cohort (`Cohort.objects.managed_by`), so every course."""
    course = CourseFactory()
    client.force_login(enrollment_admin)

    response = client.get(page(course))

    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "<h1>Person responsible for the program</h1>" in body
    assert "No one yet: certificates print no signature block." in body
    assert 'enctype="multipart/form-data"' in body
    assert 'accept="image/png,image/jpeg"' in body


# --- setting it ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "extension"), [("PNG", "scan.png", "png"), ("JPEG", "scan.jpeg", "jpg")]
)
def test_an_enrollment_admin_names_the_person_and_uploads_the_signature(
    client, course, enrollment_admin, media, kind, name, extension
):
    client.force_login(enrollment_admin)

    response = client.post(
        page(course),
        {
            "name": "  Marsha   Example, PhD ",
            "title": "CE program director",
            "signature": upload(image_bytes(kind), name=name, content_type="image/" + kind.lower()),
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == page(course)
    signatory = ProgramSignatory.objects.get(course=course)
    assert (signatory.name, signatory.title, signatory.updated_by) == (
        "Marsha Example, PhD",
        "CE program director",
        enrollment_admin,
    )
    year = datetime.date.today().year
    assert signatory.signature.name == f"signatures/{year}/signature-{course.pk}.{extension}"
    assert stored(media) == [signatory.signature.name]
    body = client.get(page(course)).content.decode()
    assert f'src="{image_url(course)}"' in body
    assert "/media/" not in body and signatory.signature.name not in body


def test_saving_without_a_new_image_keeps_the_current_one(
    client, course, signatory, enrollment_admin
):
    client.force_login(enrollment_admin)

    client.post(page(course), {"name": "Marsha Example, PhD", "title": "Director of training"})

    signatory.refresh_from_db()
    assert signatory.title == "Director of training"
    assert signatory.signature.name.endswith(f"signature-{course.pk}.png")


def tiny_png_too_large() -> bytes:
    return image_bytes() + b"\0" * (SIGNATURE_MAX_BYTES + 1)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            b"%PDF-1.7 not an image at all",
            "signature.png",
            "“signature.png” is not a PNG or JPEG image. Upload the signature as a PNG or JPEG "
            "file.",
        ),
        (
            b"GIF89a" + b"\0" * 40,
            "signature.gif",
            "“signature.gif” is not a PNG or JPEG image. Upload the signature as a PNG or JPEG "
            "file.",
        ),
        (
            b"\x89PNG\r\n\x1a\n" + b"garbage" * 20,
            "signature.png",
            "“signature.png” looks like a PNG image but cannot be read. Save it again from an "
            "image editor and upload that file.",
        ),
        (
            None,
            "huge.png",
            None,  # says the file's own size: worked out below
        ),
        (
            "pixels",
            "poster.png",
            "“poster.png” is 4001 × 10 pixels; crop or shrink it to at most 4000 pixels on each "
            "side.",
        ),
    ],
    ids=["pdf-named-png", "gif", "damaged-png", "oversized", "too-many-pixels"],
)
def test_a_bad_file_is_refused_with_a_clear_error_and_nothing_changes(
    client, course, signatory, enrollment_admin, media, data, name, message
):
    if data is None:
        data = tiny_png_too_large()
    elif data == "pixels":
        data = image_bytes(size=(4001, 10))
    client.force_login(enrollment_admin)
    before, files = snapshot(), stored(media)

    response = client.post(
        page(course),
        {"name": "Someone Else", "title": "Other title", "signature": upload(data, name=name)},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    if message is None:
        message = (
            f"“huge.png” is {filesizeformat(len(data))}; a signature image may be at most "
            "512.0\xa0KB."
        )
    assert response.context["form"].errors == {"signature": [message]}
    assert "Please correct the 1 field marked below." in response.content.decode()
    assert snapshot() == before
    assert stored(media) == files


def test_a_missing_name_or_title_is_refused(client, course, enrollment_admin, media):
    client.force_login(enrollment_admin)

    response = client.post(
        page(course), {"name": " ", "title": "", "signature": upload(image_bytes())}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(response.context["form"].errors) == {"name", "title"}
    assert snapshot() == []
    assert stored(media) == []


def test_a_replaced_signature_stays_for_the_certificate_that_prints_it(
    client, course, signatory, enrollment_admin, enrollment, media
):
    first = signatory.signature.name
    certificate = CertificateFactory(
        enrollment=enrollment,
        signatory_name=signatory.name,
        signatory_title=signatory.title,
        signature=first,
    )
    client.force_login(enrollment_admin)

    client.post(
        page(course),
        {
            "name": "New Director, PsyD",
            "title": "CE program director",
            "signature": upload(image_bytes(size=(300, 100))),
        },
    )

    signatory.refresh_from_db()
    assert signatory.signature.name != first
    assert default_storage.exists(first) and default_storage.exists(signatory.signature.name)
    certificate.refresh_from_db()
    assert (certificate.signature.name, certificate.signatory_name) == (
        first,
        "Marsha Example, PhD",
    )
    data = certificate_pdf.render(certificate, verify_url="http://testserver/x/")
    sizes = [image.image.size for image in PdfReader(BytesIO(data)).pages[0].images]
    assert (600, 150) in sizes


# --- the preview -----------------------------------------------------------------------------------


def test_the_enrollment_admin_sees_the_image_through_the_checked_view_only(
    client, course, signatory, enrollment_admin
):
    client.force_login(enrollment_admin)

    response = client.get(image_url(course))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_no_signature_yet_is_404_for_the_preview(client, course, enrollment_admin):
    client.force_login(enrollment_admin)

    assert client.get(image_url(course)).status_code == HTTPStatus.NOT_FOUND


# --- the Completion and CE page --------------------------------------------------------------------


def rules(course) -> str:
    return reverse("certificates:rules", args=[course.slug])


def test_the_completion_page_names_the_person_and_links_admins_to_the_signatory_page(
    client, course, signatory, trainer, enrollment_admin
):
    client.force_login(trainer)
    as_author = client.get(rules(course)).content.decode()
    client.force_login(enrollment_admin)
    as_admin = client.get(rules(course)).content.decode()

    for body in (as_author, as_admin):
        assert (
            "Certificates print the name and title, and the signature, of <strong>Marsha Example, "
            "PhD</strong>, CE program director." in body
        )
        assert signatory.signature.name not in body
    assert page(course) not in as_author
    assert "An enrollment administrator names this person" in as_author
    assert f'<a href="{page(course)}">Change the person responsible for the program</a>' in as_admin


def test_the_completion_page_shows_the_ce_checks_in_the_approvals_section(
    client, course, trainer, monkeypatch
):
    """The CE checks (another part of issue 20) arrive through `course_ce_checks`."""
    from assessments.completion.views import rules as rules_views

    monkeypatch.setattr(rules_views, "course_ce_checks", lambda course: ["checked"])
    client.force_login(trainer)

    response = client.get(rules(course))

    assert response.context["ce_checks"] == ["checked"]
    assert "assessments/completion/_ce_checks.html" in [t.name for t in response.templates]


def approval_post(prefix="new", **fields) -> dict:
    data = {
        "profession": "Psychologists",
        "accrediting_body": "American Psychological Association",
        "approval_statement": "Approved by the APA.",
        "ce_hours": "",
        "approval_number": " APA-1234 ",
        "valid_from": "2026-01-01",
        "valid_until": "2027-12-31",
        "requires_license": "on",
    }
    data.update(fields)
    return {f"{prefix}-{name}": value for name, value in data.items() if value is not None}


def test_an_author_adds_an_approval_with_its_number_period_and_licence_rule(
    client, course, trainer
):
    client.force_login(trainer)

    response = client.post(
        reverse("certificates:approval_add", args=[course.slug]), approval_post()
    )

    assert response.status_code == HTTPStatus.FOUND
    approval = CourseApproval.objects.get(course=course)
    assert (
        approval.approval_number,
        approval.valid_from,
        approval.valid_until,
        approval.requires_license,
    ) == ("APA-1234", datetime.date(2026, 1, 1), datetime.date(2027, 12, 31), True)
    body = client.get(rules(course)).content.decode()
    assert (
        '<p class="approval-facts">Provider approval number APA-1234 · valid from 1 January 2026 '
        "until 31 December 2027 · licence number required to claim</p>" in body
    )
    assert 'value="2026-01-01"' in body  # the edit form's date, as the date input reads it


def test_an_approval_ending_before_it_starts_is_refused_and_nothing_is_saved(
    client, course, trainer
):
    client.force_login(trainer)

    added = client.post(
        reverse("certificates:approval_add", args=[course.slug]),
        approval_post(valid_from="2027-01-01", valid_until="2026-12-31"),
    )

    assert added.status_code == HTTPStatus.BAD_REQUEST
    assert added.context["add_form"].errors == {
        "valid_until": [
            "The approval cannot end before it starts: give an end on or after the start."
        ]
    }
    assert not CourseApproval.objects.exists()


def test_an_edited_approval_keeps_the_period_rule(client, course, trainer):
    approval = authoring.add_approval(
        course=course,
        profession="Psychologists",
        accrediting_body="APA",
        approval_statement="Approved.",
        valid_from=datetime.date(2026, 1, 1),
    )
    client.force_login(trainer)
    prefix = f"approval-{approval.pk}"

    refused = client.post(
        reverse("certificates:approval_edit", args=[course.slug, approval.pk]),
        approval_post(prefix=prefix, valid_until="2025-06-30"),
    )
    saved = client.post(
        reverse("certificates:approval_edit", args=[course.slug, approval.pk]),
        approval_post(prefix=prefix, valid_until="2026-01-01", requires_license=None),
    )

    assert (refused.status_code, saved.status_code) == (HTTPStatus.BAD_REQUEST, HTTPStatus.FOUND)
    approval.refresh_from_db()
    assert (approval.valid_until, approval.requires_license) == (datetime.date(2026, 1, 1), False)


def test_a_copied_course_keeps_its_approvals_numbers_periods_and_licence_rule(
    course, module, trainer
):
    from modules.services import duplicate_course

    authoring.add_approval(
        course=course,
        profession="Psychologists",
        accrediting_body="APA",
        approval_statement="Approved.",
        approval_number="APA-1234",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 12, 31),
        requires_license=True,
    )

    copy = duplicate_course(course=course, author=trainer, slug="copy-of-course", title="Copy")

    assert list(
        CourseApproval.objects.filter(course=copy).values_list(
            "approval_number", "valid_from", "valid_until", "requires_license"
        )
    ) == [("APA-1234", datetime.date(2026, 1, 1), datetime.date(2027, 12, 31), True)]


# --- the admin -------------------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_the_admin_reads_signatories_and_ce_checks_without_changing_them(
    client, course, signatory, superuser
):
    CECheckRecord.objects.create(
        course=course,
        recorded_at=datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC),
        claimed_hours="12.50",
        instructional_minutes=600,
        post_test_items=40,
        warnings=["Claimed hours exceed instructional time."],
    )
    client.force_login(superuser)

    listed = client.get(reverse("admin:assessments_programsignatory_changelist"))
    change = client.get(reverse("admin:assessments_programsignatory_change", args=[signatory.pk]))
    checks = client.get(reverse("admin:assessments_cecheckrecord_changelist"))

    assert listed.status_code == change.status_code == checks.status_code == HTTPStatus.OK
    body = change.content.decode()
    assert f'<a href="{page(course)}">Change on the signatory page…</a>' in body
    assert signatory.signature.name not in body and 'name="name"' not in body
    assert checks.context["cl"].result_count == 1
    assert client.get(reverse("admin:assessments_programsignatory_add")).status_code == 403


def test_the_admin_refuses_an_approval_period_ending_before_it_starts(client, course, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:assessments_courseapproval_add"),
        {
            "course": course.pk,
            "profession": "Psychologists",
            "accrediting_body": "APA",
            "approval_statement": "Approved.",
            "approval_number": "APA-1",
            "valid_from": "2027-01-01",
            "valid_until": "2026-01-01",
            "position": 1,
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.errors["valid_until"] == [
        "The approval cannot end before it starts: give an end on or after the start."
    ]
    assert not CourseApproval.objects.exists()


def test_the_certificate_admin_never_links_the_signature_file(client, enrollment, superuser):
    certificate = CertificateFactory(
        enrollment=enrollment, signature="signatures/2026/signature-9.png"
    )
    client.force_login(superuser)

    body = client.get(
        reverse("admin:assessments_certificate_change", args=[certificate.pk])
    ).content.decode()

    assert "signature-9.png" not in body
    assert "Signature image" in body

"""The CE provider printed on certificates (issue 20): `CE_PROVIDER_NAME`, `CE_PROVIDER_ADDRESS`
and `CE_PROVIDER_CONTACT` come from the environment, one line each, and a value longer than the
certificate keeps stops startup instead of failing every claim."""

from tests.test_settings import manage


def test_the_provider_comes_from_the_environment_on_one_line():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s;"
        "print(repr((s.CE_PROVIDER_NAME, s.CE_PROVIDER_ADDRESS, s.CE_PROVIDER_CONTACT)))",
        CE_PROVIDER_NAME="  Linehan   Skills Institute ",
        CE_PROVIDER_ADDRESS="12 Example Street,\n Seattle",
        CE_PROVIDER_CONTACT="ce@example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "('Linehan Skills Institute', '12 Example Street, Seattle', 'ce@example.org')"
    )


def test_without_them_the_provider_is_empty_and_the_name_falls_back_at_issue():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s;"
        "from assessments.completion.certificates import provider;"
        "print(repr((s.CE_PROVIDER_NAME, provider())))",
        CE_PROVIDER_NAME="",
        CE_PROVIDER_ADDRESS="",
        CE_PROVIDER_CONTACT="",
        DEFAULT_FROM_EMAIL="Linehan Skills Institute <ce@example.org>",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "('', {'provider_name': 'Linehan Skills Institute', 'provider_address': '', "
        "'provider_contact': ''})"
    )


def test_a_provider_address_too_long_for_the_certificate_stops_startup():
    result = manage("check", CE_PROVIDER_ADDRESS="x" * 301)

    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: CE_PROVIDER_ADDRESS must be at most 300 characters." in result.stderr
    )

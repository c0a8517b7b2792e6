"""The enrollment CSV parser: what Excel and scripts write, and what an admin is told to fix."""

import codecs

from courses.csv_import import (
    NO_ROWS,
    NOT_UTF8,
    CsvProblem,
    CsvRow,
    ParsedCsv,
    parse_enrollment_csv,
)


def parse(text: str, **kwargs) -> ParsedCsv:
    return parse_enrollment_csv(text.encode(), **kwargs)


def emails(parsed: ParsedCsv) -> list[str]:
    return [row.email for row in parsed.rows]


def test_happy_path_gives_exact_rows():
    parsed = parse(
        "email,full_name,team\n"
        "ana@example.org,Ana Lima,Blue\n"
        "bo@example.org,Bo Chen,\n"
        "cy@example.org,,Red\n"
    )

    assert parsed.ok
    assert parsed.problems == []
    assert parsed.rows == [
        CsvRow(line=2, email="ana@example.org", full_name="Ana Lima", team="Blue"),
        CsvRow(line=3, email="bo@example.org", full_name="Bo Chen", team=""),
        CsvRow(line=4, email="cy@example.org", full_name="", team="Red"),
    ]


def test_missing_optional_columns_give_empty_strings():
    parsed = parse("email\nana@example.org\n")

    assert parsed.rows == [CsvRow(line=2, email="ana@example.org", full_name="", team="")]


def test_short_rows_give_empty_strings_for_missing_cells():
    parsed = parse("email,full_name,team\nana@example.org\n")

    assert parsed.rows == [CsvRow(line=2, email="ana@example.org", full_name="", team="")]


def test_utf8_bom_is_ignored():
    data = codecs.BOM_UTF8 + "email,full_name\nana@example.org,Zoë Brontë\n".encode()

    parsed = parse_enrollment_csv(data)

    assert parsed.ok
    assert parsed.rows == [
        CsvRow(line=2, email="ana@example.org", full_name="Zoë Brontë", team=""),
    ]


def test_semicolon_delimiter_as_european_excel_writes():
    parsed = parse("Email;Name;Team\nana@example.org;Lima, Ana;Blue\n")

    assert parsed.rows == [
        CsvRow(line=2, email="ana@example.org", full_name="Lima, Ana", team="Blue"),
    ]


def test_tab_delimiter():
    parsed = parse("email\tfull_name\tteam\nana@example.org\tAna Lima\tBlue, North\n")

    assert parsed.rows == [
        CsvRow(line=2, email="ana@example.org", full_name="Ana Lima", team="Blue, North"),
    ]


def test_delimiter_inside_quoted_header_does_not_count():
    parsed = parse('"email";"full name, as on certificate";"name"\na@example.org;x;Ana\n')

    assert parsed.rows == [CsvRow(line=2, email="a@example.org", full_name="Ana", team="")]


def test_crlf_line_ends():
    parsed = parse("email,name\r\na@example.org,Ana\r\nb@example.org,Bo\r\n")

    assert parsed.rows == [
        CsvRow(line=2, email="a@example.org", full_name="Ana", team=""),
        CsvRow(line=3, email="b@example.org", full_name="Bo", team=""),
    ]


def test_old_mac_cr_line_ends():
    parsed = parse("email,name\ra@example.org,Ana\rb@example.org,Bo")

    assert parsed.rows == [
        CsvRow(line=2, email="a@example.org", full_name="Ana", team=""),
        CsvRow(line=3, email="b@example.org", full_name="Bo", team=""),
    ]


def test_extra_columns_are_ignored():
    parsed = parse("id,email,notes,full_name,phone,team\n7,a@example.org,likes tea,Ana,555,Blue\n")

    assert parsed.ok
    assert parsed.rows == [CsvRow(line=2, email="a@example.org", full_name="Ana", team="Blue")]


def test_upper_case_emails_are_lower_cased():
    parsed = parse("email\nAna.Lima@Example.ORG\n")

    assert emails(parsed) == ["ana.lima@example.org"]


def test_header_aliases_and_case():
    for header in (
        "EMAIL,FULL_NAME,TEAM",
        "E-mail,Full Name,Team Name",
        "  Email Address ,  name ,team",
        "Mail,Name,team_name",
    ):
        parsed = parse(f"{header}\na@example.org,Ana,Blue\n")

        assert parsed.problems == [], header
        assert parsed.rows == [
            CsvRow(line=2, email="a@example.org", full_name="Ana", team="Blue"),
        ], header


def test_whitespace_is_trimmed_and_collapsed_in_names():
    parsed = parse(
        "email,full_name,team\n   a@example.org  ,  Ana \t  de   Lima  ,  Blue  Team  \n"
    )

    assert parsed.rows == [
        CsvRow(line=2, email="a@example.org", full_name="Ana de Lima", team="Blue  Team"),
    ]


def test_space_before_a_quoted_cell_keeps_the_quotes_working():
    parsed = parse('email, full_name\na@example.org, "Lima, Ana"\n')

    assert parsed.rows == [CsvRow(line=2, email="a@example.org", full_name="Lima, Ana", team="")]


def test_duplicate_email_is_reported_on_the_later_line_and_the_first_kept():
    parsed = parse(
        "email,name\n"
        "b@example.org,Bo\n"
        "a@example.org,Ana\n"
        "c@example.org,Cy\n"
        "A@Example.org,Ana again\n"
    )

    assert parsed.rows == [
        CsvRow(line=2, email="b@example.org", full_name="Bo", team=""),
        CsvRow(line=3, email="a@example.org", full_name="Ana", team=""),
        CsvRow(line=4, email="c@example.org", full_name="Cy", team=""),
    ]
    assert parsed.problems == [CsvProblem(5, "“A@Example.org” is already on line 3.")]
    assert not parsed.ok


def test_invalid_emails_are_reported_and_left_out():
    parsed = parse(
        "email,name\n"
        "bob@,Bob\n"
        "good@example.org,Good\n"
        "no at sign,Nobody\n"
        "ana@example..org,Ana\n"
        "Ana Lima <ana@example.org>,Ana\n"
    )

    assert parsed.rows == [CsvRow(line=3, email="good@example.org", full_name="Good", team="")]
    assert parsed.problems == [
        CsvProblem(2, "“bob@” is not a valid email address."),
        CsvProblem(4, "“no at sign” is not a valid email address."),
        CsvProblem(5, "“ana@example..org” is not a valid email address."),
        CsvProblem(6, "“Ana Lima <ana@example.org>” is not a valid email address."),
    ]


def test_email_longer_than_the_database_column_is_invalid():
    email = "a" * 64 + "@" + "b" * 60 + "." + "c" * 60 + "." + "d" * 60 + "." + "e" * 20 + ".org"
    assert len(email) > 254

    parsed = parse(f"email\n{email}\n")

    assert parsed.rows == []
    assert parsed.problems == [CsvProblem(2, f"“{email[:59]}…” is not a valid email address.")]


def test_missing_email_in_a_non_blank_row():
    parsed = parse("email,name,team\n,Ana,Blue\n  ,Bo,\n")

    assert parsed.rows == []
    assert parsed.problems == [
        CsvProblem(2, "The email is missing."),
        CsvProblem(3, "The email is missing."),
    ]


def test_too_long_name_and_team_are_row_problems():
    name, team = "N" * 201, "T" * 101
    parsed = parse(
        "email,name,team\n"
        f"a@example.org,{name},Blue\n"
        f"b@example.org,Bo,{team}\n"
        f"c@example.org,{'N' * 200},{'T' * 100}\n"
    )

    assert emails(parsed) == ["c@example.org"]
    assert parsed.problems == [
        CsvProblem(2, "The name is 201 characters long; at most 200 fit."),
        CsvProblem(3, "The team name is 101 characters long; at most 100 fit."),
    ]


def test_every_problem_in_a_row_is_reported():
    parsed = parse(f"email,name,team\nbob@,{'N' * 201},{'T' * 101}\n")

    assert parsed.problems == [
        CsvProblem(2, "“bob@” is not a valid email address."),
        CsvProblem(2, "The name is 201 characters long; at most 200 fit."),
        CsvProblem(2, "The team name is 101 characters long; at most 100 fit."),
    ]


def test_missing_email_column_lists_the_columns_found():
    parsed = parse("Name, Team ,,Phone\nAna,Blue,,555\n")

    assert parsed.rows == []
    assert parsed.problems == [
        CsvProblem(None, "The file needs an “email” column (found: Name, Team, Phone)."),
    ]


def test_missing_header_row_gets_a_hint():
    parsed = parse("ana@example.org,Ana\nbo@example.org,Bo\n")

    assert parsed.problems == [
        CsvProblem(
            None,
            "The file needs an “email” column (found: ana@example.org, Ana). "
            "The first line must name the columns, e.g. “email,full_name,team”.",
        ),
    ]


def test_same_field_twice_in_the_header_is_a_file_problem():
    parsed = parse("Email,Name,E-mail,Full name\na@example.org,Ana,a@example.org,Ana\n")

    assert parsed.rows == []
    assert parsed.problems == [
        CsvProblem(
            None, "The file has more than one “email” column (Email, E-mail); keep only one."
        ),
        CsvProblem(
            None, "The file has more than one “full_name” column (Name, Full name); keep only one."
        ),
    ]


def test_latin1_bytes_are_not_guessed():
    data = "email,full_name\nana@example.org,José Müller\n".encode("latin-1")

    parsed = parse_enrollment_csv(data)

    assert parsed.rows == []
    assert parsed.problems == [CsvProblem(None, NOT_UTF8)]
    assert NOT_UTF8 == (
        "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (comma delimited)”."
    )


def test_utf16_with_bom_little_and_big_endian():
    text = "email\tfull_name\r\nana@example.org\tJosé Müller\r\n"
    for data in (
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ):
        parsed = parse_enrollment_csv(data)

        assert parsed.problems == []
        assert parsed.rows == [
            CsvRow(line=2, email="ana@example.org", full_name="José Müller", team=""),
        ]


def test_utf16_without_bom_is_refused():
    data = "email\nana@example.org\n".encode("utf-16-le")

    assert parse_enrollment_csv(data).problems == [CsvProblem(None, NOT_UTF8)]


def test_truncated_utf16_is_refused():
    data = codecs.BOM_UTF16_LE + "email\na@example.org\n".encode("utf-16-le")[:-1]

    assert parse_enrollment_csv(data).problems == [CsvProblem(None, NOT_UTF8)]


def test_blank_lines_are_skipped_and_line_numbers_stay_right():
    parsed = parse("email,name\n\na@example.org,Ana\n,,\n   \n\nbob@,Bob\nc@example.org,Cy\n\n")

    assert parsed.rows == [
        CsvRow(line=3, email="a@example.org", full_name="Ana", team=""),
        CsvRow(line=8, email="c@example.org", full_name="Cy", team=""),
    ]
    assert parsed.problems == [CsvProblem(7, "“bob@” is not a valid email address.")]


def test_quoted_field_with_newline_keeps_later_line_numbers_right():
    parsed = parse(
        "email,name,notes\n"
        'a@example.org,"Ana\nLima","first line\r\nsecond line\n\nfourth line"\n'
        "bob@,Bob,\n"
        "c@example.org,Cy,\n"
    )

    assert parsed.rows == [
        CsvRow(line=2, email="a@example.org", full_name="Ana Lima", team=""),
        CsvRow(line=8, email="c@example.org", full_name="Cy", team=""),
    ]
    assert parsed.problems == [CsvProblem(7, "“bob@” is not a valid email address.")]


def test_unclosed_quote_is_reported_instead_of_swallowing_the_rest():
    parsed = parse('email,name\na@example.org,Ana\nb@example.org,"Bo\nc@example.org,Cy\n')

    assert parsed.rows == [CsvRow(line=2, email="a@example.org", full_name="Ana", team="")]
    assert parsed.problems == [
        CsvProblem(
            3,
            'A quote mark (") on this line is never closed, so the rest of the file '
            "was read as one cell.",
        ),
    ]


def test_email_cell_over_several_lines_points_at_the_stray_quote():
    parsed = parse('email,name\n"a@example.org\nb@example.org",Bo\nc@example.org,Cy\n')

    assert parsed.rows == [CsvRow(line=4, email="c@example.org", full_name="Cy", team="")]
    assert parsed.problems == [
        CsvProblem(2, 'The email cell runs over several lines; look for a stray quote mark (").'),
    ]


def test_multi_line_last_cell_that_is_closed_is_fine():
    parsed = parse('email,name\na@example.org,"Ana\nLima"')

    assert parsed.rows == [CsvRow(line=2, email="a@example.org", full_name="Ana Lima", team="")]


def test_too_many_rows_is_one_file_problem():
    body = "".join(f"p{i}@example.org\n" for i in range(10_001))

    parsed = parse(f"email\n{body}")

    assert parsed.rows == []
    assert parsed.problems == [
        CsvProblem(None, "The file has 10,001 rows; at most 10,000 can be enrolled at once."),
    ]


def test_max_rows_counts_rows_not_blank_lines():
    parsed = parse("email\na@example.org\n\n\nb@example.org\n\n", max_rows=2)

    assert emails(parsed) == ["a@example.org", "b@example.org"]
    assert parse("email\na@example.org\nb@example.org\nc@x.org\n", max_rows=2).problems == [
        CsvProblem(None, "The file has 3 rows; at most 2 can be enrolled at once."),
    ]


def test_empty_file():
    for data in (b"", codecs.BOM_UTF8, b"\n\n", b" \r\n,,\r\n"):
        assert parse_enrollment_csv(data).problems == [CsvProblem(None, NO_ROWS)], data
    assert NO_ROWS == "The file has no rows to enroll."


def test_header_only():
    for text in ("email,full_name,team", "email,full_name,team\r\n", "email\n\n,\n"):
        parsed = parse(text)

        assert parsed.rows == []
        assert parsed.problems == [CsvProblem(None, NO_ROWS)], text


def test_ten_thousand_rows_parse():
    body = "".join(f"Person.{i}@Example.org,Person {i},Team {i % 40}\r\n" for i in range(10_000))
    data = f"email,full_name,team\r\n{body}".encode()

    parsed = parse_enrollment_csv(data)

    assert parsed.ok
    assert len(parsed.rows) == 10_000
    assert parsed.rows[-1] == CsvRow(
        line=10_001, email="person.9999@example.org", full_name="Person 9999", team="Team 39"
    )

from dbt_training.users.forms import ProfileForm, SignupForm


def test_time_zone_select_marks_the_chosen_zone_and_keeps_accessible_attributes():
    form = SignupForm(data={"time_zone": "America/Argentina/Buenos_Aires"})
    form.is_valid()

    html = str(form["time_zone"])

    assert html.startswith("<select ") and 'name="time_zone"' in html
    assert 'aria-describedby="id_time_zone_helptext"' in html
    assert 'data-detect-time-zone="true"' in html
    assert 'id="id_time_zone"' in html
    # Django leaves out `required` on a select whose first option has a value (invalid HTML).
    assert "required" not in html
    assert 'value="localtime"' not in html and 'value="Factory"' not in html
    assert html.count(" selected") == 1
    assert (
        '<option selected value="America/Argentina/Buenos_Aires">'
        "America/Argentina/Buenos Aires</option>"
    ) in html
    assert html.count("<option ") > 400


def test_time_zone_select_flags_an_invalid_choice():
    form = ProfileForm(data={"full_name": "Dana", "time_zone": "<script>"})

    assert form.is_valid() is False
    html = str(form["time_zone"])
    assert 'aria-invalid="true"' in html
    assert " selected" not in html
    assert "<script>" not in html

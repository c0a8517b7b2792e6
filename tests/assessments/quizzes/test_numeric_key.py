"""How a numeric answer's key reads in previews and reviews."""

from decimal import Decimal as D

import pytest

from assessments.quizzes.display import numeric_key
from assessments.quizzes.interchange import AnswerData


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        (AnswerData(value=D("24.00"), tolerance=D("0.00")), "24"),
        (AnswerData(value=D("24"), tolerance=None), "24"),
        (AnswerData(value=D("24.50"), tolerance=D("0.50")), "24.5 ± 0.5"),
        (AnswerData(low=D("3.0"), high=D("7")), "from 3 to 7"),
    ],
)
def test_an_exact_number_reads_as_itself_and_a_tolerance_or_range_as_written(answer, shown):
    assert numeric_key(answer) == shown

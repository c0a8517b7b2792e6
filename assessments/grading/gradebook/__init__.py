"""The gradebook: every trainee of a cohort against every graded item, with category percents,
a weighted total and a result; its export (CSV or XLSX); and CSV overrides of single cells.

Reads are a merge over a fixed number of queries, each ordered by trainee and read in chunks
(`.iterator()`), so a cohort of 1,000 trainees × 50 items never sits in memory at once and the
query count does not grow with trainees or items. The arithmetic is a handful of small pure
functions (`percent_of`, `category_percent`, `weighted_total`, `result_of`).

Rounding: every cell, category and total is rounded half-up to two decimals, and each stage is
computed from the rounded figures of the stage below, so a spreadsheet that recomputes the
exported columns gets the same numbers.
"""

# The gradebook's parts, importable from here as one API (`gradebook.rows`, `gradebook.set_override`).
from assessments.grading.gradebook.arithmetic import *  # noqa: F403
from assessments.grading.gradebook.csv_import import *  # noqa: F403
from assessments.grading.gradebook.export import *  # noqa: F403
from assessments.grading.gradebook.overrides import *  # noqa: F403
from assessments.grading.gradebook.rows import *  # noqa: F403

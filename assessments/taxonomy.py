"""The quiz vocabulary: kinds of quiz and question, when feedback shows, which attempt counts."""

from django.db import models


class QuizKind(models.TextChoices):
    KNOWLEDGE_CHECK = "knowledge_check", "Knowledge check"
    PRE_TEST = "pre_test", "Pre-test"
    POST_TEST = "post_test", "Post-test"
    EVALUATION = "evaluation", "Course evaluation survey"


class QuestionKind(models.TextChoices):
    SINGLE = "single", "Single choice"
    MULTIPLE = "multiple", "Multiple answer"
    TRUE_FALSE = "true_false", "True/false"
    MATCHING = "matching", "Matching"
    ORDERING = "ordering", "Ordering"
    SHORT = "short", "Short answer"
    NUMERIC = "numeric", "Numeric"
    ESSAY = "essay", "Essay"
    LIKERT = "likert", "Likert scale"
    # Moodle's "description": text shown among the questions (a case vignette, a passage to read),
    # never answered and never scored.
    DESCRIPTION = "description", "Text only (no answer)"


# Kinds whose answer is chosen from the question's answers (so item analysis counts the picks).
CHOICE_KINDS = {
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.TRUE_FALSE,
    QuestionKind.LIKERT,
}
# Kinds never scored: Likert always; essays only once a trainer grades them.
UNSCORED_KINDS = {QuestionKind.LIKERT, QuestionKind.DESCRIPTION}
# Kinds a trainee does not answer at all: nothing to save, nothing to count as unanswered.
UNANSWERED_KINDS = {QuestionKind.DESCRIPTION}


class FeedbackTiming(models.TextChoices):
    IMMEDIATE = "immediate", "After each question (a checked answer is final)"
    AFTER_SUBMIT = "after_submit", "After the attempt is submitted"
    AFTER_DUE = "after_due", "After the module's due date"
    NEVER = "never", "Never (the score only)"


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", "Highest attempt"
    LAST = "last", "Last attempt"


class TextFormat(models.TextChoices):
    """Question text formats, as GIFT names them. `moodle` is Moodle's auto-format: HTML as
    written, each line break shown as one (see assessments.quizzes.formats)."""

    MARKDOWN = "markdown", "Markdown"
    HTML = "html", "HTML"
    PLAIN = "plain", "Plain text"
    MOODLE = "moodle", "Moodle auto-format"


class WorksheetKind(models.TextChoices):
    """The structured DBT worksheets an assignment can ask for (dbt-facts §5)."""

    CHAIN_ANALYSIS = "chain_analysis", "Behavioral chain analysis"
    DIARY_CARD = "diary_card", "Diary card (one week)"
    CASE_FORMULATION = "case_formulation", "Target hierarchy / case formulation"
    FREE_TEXT = "free_text", "Free text"
    FILE_UPLOAD = "file_upload", "File upload"


# Worksheets that are usually about a (real or composite) client: the trainee confirms they removed
# client-identifying details before submitting.
CLIENT_WORKSHEETS = {
    WorksheetKind.CHAIN_ANALYSIS,
    WorksheetKind.DIARY_CARD,
    WorksheetKind.CASE_FORMULATION,
}


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for revision"
    GRADED = "graded", "Graded"


class GradeCategory(models.TextChoices):
    """The gradebook's weighted categories."""

    QUIZZES = "quizzes", "Quizzes"
    ASSIGNMENTS = "assignments", "Assignments"
    ATTENDANCE = "attendance", "Attendance"


class GradeAction(models.TextChoices):
    """What a line of the grade audit trail records."""

    GRADED = "graded", "Graded"
    RETURNED = "returned", "Returned for revision"
    RELEASED = "released", "Released"
    OVERRIDDEN = "overridden", "Overridden"

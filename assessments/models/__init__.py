"""The assessments models, one file per concern (as Wagtail splits its models)."""

from .assignments import Assignment, BankComment, Criterion, Level, Rubric, Submission
from .certificates import (
    CECheckRecord,
    Certificate,
    CompletionRules,
    CourseApproval,
    ProgramSignatory,
)
from .grades import (
    ATTENDANCE_ITEM,
    CriterionScore,
    Grade,
    GradebookWeights,
    GradeChange,
    GradeOverride,
    Nudge,
    item_key,
)
from .quizzes import (
    Answer,
    Attempt,
    Question,
    QuestionCategory,
    QuestionMedia,
    Quiz,
    QuizDraw,
    Response,
)

__all__ = [
    "ATTENDANCE_ITEM",
    "Answer",
    "Assignment",
    "Attempt",
    "BankComment",
    "CECheckRecord",
    "Certificate",
    "CompletionRules",
    "CourseApproval",
    "Criterion",
    "CriterionScore",
    "Grade",
    "GradeChange",
    "GradeOverride",
    "GradebookWeights",
    "Level",
    "Nudge",
    "ProgramSignatory",
    "Question",
    "QuestionCategory",
    "QuestionMedia",
    "QuizDraw",
    "Quiz",
    "Response",
    "Rubric",
    "Submission",
    "item_key",
]

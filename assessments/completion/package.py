"""Completion rules and CE approvals as parts of a course package (`modules.transfer`).

`completion_rules` (null: the course keeps the defaults) and `ce_approvals` (in certificate
order). Registered in `AssessmentsConfig.ready()`.
"""

from dataclasses import dataclass
from typing import Any

from assessments.completion import authoring
from assessments.models import CompletionRules, CourseApproval
from modules.transfer import Checker, Created, ExportContext, decimal_text, service_errors

APPROVAL_KEYS = (
    "profession",
    "accrediting_body",
    "approval_statement",
    "ce_hours",
    "approval_number",
    "valid_from",
    "valid_until",
    "requires_license",
)


def export_rules(course, context: ExportContext) -> dict | None:
    rules = CompletionRules.objects.filter(course=course).first()
    if rules is None:
        return None
    return {name: getattr(rules, name) for name in authoring.RULE_FIELDS}


def check_rules(value: dict | None, path: str, checker: Checker) -> dict | None:
    if value is None:
        return None
    return checker.fields(value, path, CompletionRules, authoring.RULE_FIELDS)


def create_rules(plan: dict | None, created: Created) -> CompletionRules | None:
    if plan is None:
        return None
    with service_errors("$.completion_rules"):
        return authoring.save_completion_rules(course=created.course, by=created.author, **plan)


def export_approvals(course, context: ExportContext) -> list:
    return [
        {
            "profession": approval.profession,
            "accrediting_body": approval.accrediting_body,
            "approval_statement": approval.approval_statement,
            "ce_hours": decimal_text(approval.ce_hours, 2),
            "approval_number": approval.approval_number,
            "valid_from": approval.valid_from.isoformat() if approval.valid_from else None,
            "valid_until": approval.valid_until.isoformat() if approval.valid_until else None,
            "requires_license": approval.requires_license,
        }
        for approval in CourseApproval.objects.filter(course=course).order_by("position", "pk")
    ]


@dataclass
class ApprovalPlan:
    path: str
    fields: dict[str, Any]


def check_approvals(value: list, path: str, checker: Checker) -> list[ApprovalPlan]:
    plans, professions = [], {}
    for i, item in enumerate(value):
        at = f"{path}[{i}]"
        fields = checker.fields(item, at, CourseApproval, APPROVAL_KEYS)
        # As the service compares them: spaces collapsed, case ignored.
        profession = " ".join(fields.get("profession", "").split()).casefold()
        if profession and profession in professions:
            checker.problem(
                f"{at}.profession",
                f"Approval {professions[profession]} is for this profession already.",
            )
        professions.setdefault(profession, i)
        plans.append(ApprovalPlan(at, fields))
    return plans


def create_approvals(plans: list[ApprovalPlan], created: Created) -> list[CourseApproval]:
    approvals = []
    for plan in plans:
        with service_errors(plan.path):
            approvals.append(authoring.add_approval(course=created.course, **plan.fields))
    return approvals

"""A question's images (Moodle XML's embedded files), served to the people who may read the
question: its course's authors, the trainers of its cohorts, and trainees whose attempt showed it.
Anyone else, and a name the question does not have, gets a 404 (so the URL tells nothing)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from assessments.models import Attempt, QuestionMedia
from courses.models import Cohort, Course


def may_read_question(user, *, course_id: int, question_id: int) -> bool:
    if Course.objects.editable_by(user).filter(pk=course_id).exists():
        return True
    if Cohort.objects.visible_to(user).filter(course_id=course_id).exists():
        return True
    orders = (
        Attempt.objects.for_trainee(user)
        .filter(quiz__module__course_id=course_id)
        .values_list("question_order", flat=True)
    )
    return any(question_id in order for order in orders)


class QuestionMediaView(LoginRequiredMixin, View):
    def get(self, request, question_id: int, name: str):
        media = get_object_or_404(
            QuestionMedia.objects.select_related("question__quiz__module", "question__category"),
            question_id=question_id,
            name=name,
        )
        question = media.question
        course_id = (
            question.quiz.module.course_id if question.quiz_id else question.category.course_id
        )
        if not may_read_question(request.user, course_id=course_id, question_id=question_id):
            raise Http404("No such file.")
        try:
            content = media.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file is missing.") from None
        response = FileResponse(content, content_type=media.content_type)
        # Private to the reader: a shared cache must not hand it to someone else.
        response["Cache-Control"] = "private, max-age=3600"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

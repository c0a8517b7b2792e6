"""The course's question bank for its authors: categories, the questions kept in them, Moodle XML
and GIFT in and out. Quizzes reach these questions through random draws (the quiz editor).

Access as for the rest of authoring (`CourseAuthorMixin`): 403 for someone who is not one of the
course's authors; categories and questions are looked up inside the course, so another course's
ids answer 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from assessments.models import Question, QuestionCategory
from assessments.quizzes import bank, services
from assessments.quizzes.forms import GIFT, CategoryForm
from assessments.quizzes.views.authoring import (
    QuestionExportView,
    QuestionFormView,
    QuestionImportView,
    bank_category_url,
    question_file_response,
)
from assessments.taxonomy import QuestionKind
from courses.access import CourseAuthorMixin
from dbt_training.core.errors import error_text


class BankMixin(CourseAuthorMixin):
    def get_category(self) -> QuestionCategory:
        return get_object_or_404(
            QuestionCategory.objects.select_related("course"),
            pk=self.kwargs["category_id"],
            course=self.course,
        )

    def bank_url(self, anchor: str = "") -> str:
        url = reverse("quiz_authoring:bank", args=[self.course.slug])
        return f"{url}#{anchor}" if anchor else url


class BankView(BankMixin, TemplateView):
    template_name = "assessments/quizzes/bank/bank.html"

    def get_context_data(self, **kwargs):
        tree = bank.CategoryTree(self.course.pk)
        counts = bank.category_counts(self.course)
        filed = bank.filed_counts(self.course)
        return super().get_context_data(
            rows=[
                (depth, category, counts.get(category.pk, 0), filed.get(category.pk, 0))
                for depth, category in tree.in_order()
            ],
            total=sum(counts.values()),
            form=kwargs.pop("form", None) or CategoryForm(course=self.course),
            **kwargs,
        )


class CategoryCreateView(BankMixin, View):
    def post(self, request, slug):
        form = CategoryForm(request.POST, course=self.course)
        if form.is_valid():
            try:
                category = bank.create_category(course=self.course, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, f"Added the category “{category.name}”.")
                return redirect(bank_category_url(category))
        return BankView.as_view()(request, slug=slug, form=form)


class CategoryView(BankMixin, TemplateView):
    template_name = "assessments/quizzes/bank/category.html"

    def get_context_data(self, **kwargs):
        category = self.get_category()
        tree = bank.CategoryTree(self.course.pk)
        form = kwargs.pop("form", None) or CategoryForm(
            course=self.course,
            exclude=tree.descendants(category.pk),
            initial={"name": category.name, "parent": category.parent_id, "info": category.info},
        )
        return super().get_context_data(
            category=category,
            path=tree.names(category.pk),
            children=tree.children[category.pk],
            questions=list(
                bank.bank_questions(self.course)
                .filter(category=category)
                .order_by("position", "pk")
            ),
            draws=list(category.draws.select_related("quiz__module")),
            filed=list(
                category.questions.filter(quiz__isnull=False)
                .select_related("quiz")
                .order_by("quiz__module__position", "quiz__position", "position")
            ),
            kinds=QuestionKind.choices,
            form=form,
            **kwargs,
        )


class CategoryUpdateView(BankMixin, View):
    def post(self, request, slug, category_id):
        category = self.get_category()
        form = CategoryForm(
            request.POST,
            course=self.course,
            exclude=bank.CategoryTree(self.course.pk).descendants(category.pk),
        )
        if form.is_valid():
            try:
                bank.update_category(category=category, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, "Category saved.")
                return redirect(bank_category_url(category))
        return CategoryView.as_view()(request, slug=slug, category_id=category_id, form=form)


class CategoryDeleteView(BankMixin, TemplateView):
    template_name = "assessments/quizzes/bank/confirm_delete.html"

    def get_context_data(self, **kwargs):
        category = self.get_category()
        return super().get_context_data(
            thing=f"the category “{category.name}”", back_url=bank_category_url(category), **kwargs
        )

    def post(self, request, slug, category_id):
        category = self.get_category()
        try:
            bank.delete_category(category=category)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect(bank_category_url(category))
        messages.success(request, f"Deleted the category “{category.name}”.")
        return redirect(self.bank_url())


class BankQuestionFormView(BankMixin, QuestionFormView):
    def setup_target(self):
        self.quiz = None
        self.category = self.get_category()

    def questions(self):
        return bank.bank_questions(self.course).filter(category=self.category)

    def back_url(self, question=None) -> str:
        return bank_category_url(self.category, f"question-{question.pk}" if question else "")

    def another_url(self) -> str:
        return reverse(
            "quiz_authoring:bank_question_create",
            args=[self.course.slug, self.category.pk, self.kind],
        )


class BankQuestionDeleteView(BankMixin, TemplateView):
    template_name = "assessments/quizzes/bank/confirm_delete.html"

    def get_question(self) -> Question:
        return get_object_or_404(
            bank.bank_questions(self.course).select_related("category"),
            pk=self.kwargs["question_id"],
            category=self.get_category(),
        )

    def get_context_data(self, **kwargs):
        question = self.get_question()
        return super().get_context_data(
            thing=f"the question “{question.label}”",
            back_url=bank_category_url(question.category),
            **kwargs,
        )

    def post(self, request, slug, category_id, question_id):
        question = self.get_question()
        try:
            services.delete_question(question=question)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, "Deleted the question.")
        return redirect(bank_category_url(question.category))


class BankImportView(BankMixin, QuestionImportView):
    def target(self) -> dict:
        return {"category": self.get_category()}


class BankExportView(BankMixin, View):
    fmt = GIFT

    def get(self, request, slug, category_id):
        category = self.get_category()
        exporter = QuestionExportView.exporters[self.fmt]
        return question_file_response(exporter(category=category), name=category.name, fmt=self.fmt)

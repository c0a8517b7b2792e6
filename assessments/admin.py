from django.contrib import admin

from .models import Answer, Attempt, Question, Quiz, Response


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = [
        "position",
        "text",
        "match",
        "fraction",
        "feedback",
        "value",
        "tolerance",
        "low",
        "high",
    ]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "kind", "attempts_allowed", "time_limit_minutes"]
    list_filter = ["kind", "module__course"]
    search_fields = ["title", "module__title", "module__course__title"]
    raw_id_fields = ["module"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "quiz", "kind", "points", "position"]
    list_filter = ["kind"]
    search_fields = ["name", "text", "quiz__title"]
    raw_id_fields = ["quiz"]
    inlines = [AnswerInline]


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    fields = ["question", "answer", "saved_at", "checked_at", "fraction", "score"]
    readonly_fields = fields
    can_delete = False


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = [
        "quiz",
        "enrollment",
        "number",
        "started_at",
        "submitted_at",
        "percent",
        "passed",
    ]
    list_filter = ["passed", "awaiting_grading", "submitted_by_time_limit"]
    search_fields = ["quiz__title", "enrollment__user__email", "enrollment__user__full_name"]
    raw_id_fields = ["quiz", "enrollment"]
    readonly_fields = ["question_order", "choice_order"]
    inlines = [ResponseInline]

"""Course authoring for trainers and admins: build a course, its modules, lessons and files.

Every view finds the course through `Course.objects.editable_by(user)`; a signed-in person who is
not one of its authors gets 403, a visitor is sent to sign in. Modules and lessons are looked up
inside that course, so another course's ids answer 404.
"""

import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied, SuspiciousOperation, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from courses import services as course_services
from courses.access import AuthorRequiredMixin, CourseAuthorMixin
from courses.forms import CourseForm
from courses.models import Course
from dbt_training.core.errors import ServiceFormMixin, add_service_errors, error_text
from dbt_training.core.http import file_download

from .. import activities, services, transfer
from ..content import render_markdown, video_embed_url
from ..forms import AttachmentForm, DuplicateCourseForm, ImportCourseForm, LessonForm, ModuleForm
from ..models import Lesson, LessonAttachment, Module
from .catalogue import group_by_component


def move_offset(request) -> int:
    """-1 for "up", +1 for "down"; anything else is a bad request, not a silent move."""
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        raise SuspiciousOperation("direction must be up or down")
    return -1 if direction == "up" else 1


def moved_message(title: str, before: int, after: int, offset: int) -> str:
    if before == after:
        return f"“{title}” is already {'first' if offset < 0 else 'last'}."
    return f"Moved “{title}” {'up' if offset < 0 else 'down'}."


# --- courses ------------------------------------------------------------------------------------


class AuthoringHomeView(AuthorRequiredMixin, TemplateView):
    template_name = "modules/authoring/home.html"

    def get_context_data(self, **kwargs):
        courses = Course.objects.editable_by(self.request.user).order_by("title")
        return super().get_context_data(courses=courses, **kwargs)


class CourseCreateView(AuthorRequiredMixin, FormView):
    form_class = CourseForm
    template_name = "modules/authoring/course_form.html"

    def form_valid(self, form):
        course = course_services.create_course(author=self.request.user, **form.cleaned_data)
        messages.success(self.request, f"Created “{course.title}”. Now add its modules.")
        return redirect("authoring:course", course.slug)


class CourseDetailsView(CourseAuthorMixin, FormView):
    form_class = CourseForm
    template_name = "modules/authoring/course_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Course.objects.get(pk=self.course.pk)}

    def form_valid(self, form):
        course = course_services.update_course(course=self.course, **form.cleaned_data)
        messages.success(self.request, "Course details saved.")
        return redirect("authoring:course", course.slug)


class CourseEditorView(CourseAuthorMixin, TemplateView):
    """The course outline with every authoring action on it."""

    template_name = "modules/authoring/course_editor.html"

    def get_context_data(self, **kwargs):
        modules = list(Module.objects.filter(course=self.course).outline())
        extras = activities.authoring_items_for(self.course, modules)
        for module in modules:
            module.extras = extras[module.pk]
        return super().get_context_data(
            modules=modules,
            problems=services.publication_problems(self.course),
            **kwargs,
        )


class CoursePublishView(CourseAuthorMixin, View):
    def post(self, request, slug):
        try:
            course = services.publish_course(course=self.course, by=request.user)
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, f"Not published: {problem}")
        else:
            published = f"“{course.title}” is published in the catalogue."
            if course.publication_notes:
                # Published all the same: the notes (CE checks that need attention) never block.
                messages.warning(request, " ".join([published, *course.publication_notes]))
            else:
                messages.success(request, published)
        return redirect(self.editor_url())


class CourseUnpublishView(CourseAuthorMixin, View):
    def post(self, request, slug):
        services.unpublish_course(course=self.course)
        messages.success(
            request, f"“{self.course.title}” is back in draft and hidden from the catalogue."
        )
        return redirect(self.editor_url())


class CourseDuplicateView(ServiceFormMixin, CourseAuthorMixin, FormView):
    form_class = DuplicateCourseForm
    template_name = "modules/authoring/course_duplicate.html"

    def get_initial(self):
        return DuplicateCourseForm.initial_for(self.course)

    def call_service(self, form):
        copy = services.duplicate_course(
            course=self.course, author=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Created “{copy.title}” as a draft copy.")
        return redirect("authoring:course", copy.slug)


class CourseExportView(CourseAuthorMixin, View):
    def get(self, request, slug):
        # Up to 10 MB in memory, then on disk: a course with video files can be large.
        buffer = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)
        try:
            transfer.export_course_zip(self.course, buffer)
        except FileNotFoundError:
            buffer.close()
            messages.error(
                request,
                "Export failed: an attachment's file is missing from storage. "
                "Remove that attachment or upload it again, then export.",
            )
            return redirect(self.editor_url())
        buffer.seek(0)
        return FileResponse(
            buffer,
            as_attachment=True,
            filename=f"{self.course.slug}.zip",
            content_type="application/zip",
        )


class CourseImportView(AuthorRequiredMixin, FormView):
    form_class = ImportCourseForm
    template_name = "modules/authoring/course_import.html"

    def form_valid(self, form):
        try:
            course = transfer.import_course_zip(
                form.cleaned_data["archive"],
                author=self.request.user,
                slug=form.cleaned_data["slug"] or None,
            )
        except transfer.ImportProblems as error:
            return self.render_to_response(
                self.get_context_data(form=form, problems=error.problems)
            )
        messages.success(self.request, f"Imported “{course.title}” as a draft.")
        return redirect("authoring:course", course.slug)


class CoursePreviewView(CourseAuthorMixin, TemplateView):
    """The course page as a trainee will see it, drafts included."""

    template_name = "modules/catalogue/course_detail.html"

    def get_context_data(self, **kwargs):
        modules = list(Module.objects.filter(course=self.course).outline())
        extras = activities.authoring_items_for(self.course, modules)
        for module in modules:
            module.extras = extras[module.pk]
        return super().get_context_data(
            preview=True, components=group_by_component(modules), modules=modules, **kwargs
        )


class LessonPreviewView(CourseAuthorMixin, TemplateView):
    """One lesson as a trainee will see it, with previous / next inside the course."""

    template_name = "modules/lesson_detail.html"

    def get_context_data(self, **kwargs):
        lesson = get_object_or_404(
            Lesson.objects.select_related("module"),
            pk=self.kwargs["lesson_id"],
            module__course=self.course,
        )
        previous_lesson, next_lesson = Lesson.objects.filter(
            module__course=self.course
        ).neighbours_of(lesson)
        return super().get_context_data(
            preview=True,
            lesson=lesson,
            module=lesson.module,
            attachments=lesson.attachments.all(),
            video_embed=video_embed_url(lesson.video_url) if lesson.video_url else None,
            previous_lesson=previous_lesson,
            next_lesson=next_lesson,
            **kwargs,
        )


# --- modules ------------------------------------------------------------------------------------


class ModuleFormView(CourseAuthorMixin, FormView):
    form_class = ModuleForm
    template_name = "modules/authoring/module_form.html"
    module: Module | None = None

    def setup_module(self):
        if "module_id" in self.kwargs:
            self.module = get_object_or_404(Module, pk=self.kwargs["module_id"], course=self.course)

    def get(self, request, *args, **kwargs):
        self.setup_module()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_module()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "course": self.course}
        if self.module is not None:
            kwargs["instance"] = Module.objects.get(pk=self.module.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(module=self.module, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            if self.module is None:
                module = services.add_module(course=self.course, **data)
                messages.success(self.request, f"Added module “{module.title}”.")
            else:
                module = services.update_module(module=self.module, **data)
                messages.success(self.request, f"Saved module “{module.title}”.")
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return redirect(self.editor_url(f"module-{module.pk}"))


class ModuleDeleteView(CourseAuthorMixin, TemplateView):
    template_name = "modules/authoring/confirm_delete.html"

    def get_context_data(self, **kwargs):
        module = get_object_or_404(Module, pk=self.kwargs["module_id"], course=self.course)
        return super().get_context_data(
            thing=f"the module “{module.title}” and all its lessons", **kwargs
        )

    def post(self, request, slug, module_id):
        module = get_object_or_404(Module, pk=module_id, course=self.course)
        try:
            services.delete_module(module=module)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"Deleted module “{module.title}”.")
        return redirect(self.editor_url())


class ModuleMoveView(CourseAuthorMixin, View):
    def post(self, request, slug, module_id):
        module = get_object_or_404(Module, pk=module_id, course=self.course)
        offset, before = move_offset(request), module.position
        moved = services.move_module(module=module, offset=offset)
        messages.success(request, moved_message(module.title, before, moved.position, offset))
        return redirect(self.editor_url(f"module-{module.pk}"))


# --- lessons ------------------------------------------------------------------------------------


class LessonFormView(CourseAuthorMixin, FormView):
    """Add or edit a lesson; "Preview" shows the rendered body without saving (works without JS)."""

    form_class = LessonForm
    template_name = "modules/authoring/lesson_form.html"

    def setup_objects(self):
        self.module = get_object_or_404(Module, pk=self.kwargs["module_id"], course=self.course)
        self.lesson = None
        if "lesson_id" in self.kwargs:
            self.lesson = get_object_or_404(Lesson, pk=self.kwargs["lesson_id"], module=self.module)

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.lesson is not None:
            kwargs["instance"] = Lesson.objects.get(pk=self.lesson.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(module=self.module, lesson=self.lesson, **kwargs)
        if self.lesson is not None:
            context["attachments"] = self.lesson.attachments.all()
            context["attachment_form"] = kwargs.get("attachment_form") or AttachmentForm(
                prefix="attachment"
            )
        form = context["form"]
        body = form["body_markdown"].value() or ""
        context["preview_html"] = render_markdown(body)
        return context

    def form_valid(self, form):
        if "preview" in self.request.POST:
            return self.render_to_response(self.get_context_data(form=form, previewing=True))
        try:
            if self.lesson is None:
                lesson = services.add_lesson(module=self.module, **form.cleaned_data)
                messages.success(self.request, f"Added lesson “{lesson.title}”.")
            else:
                lesson = services.update_lesson(lesson=self.lesson, **form.cleaned_data)
                messages.success(self.request, f"Saved lesson “{lesson.title}”.")
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.lesson is None:
            # New lessons go on to their edit page, where files can be attached.
            return redirect("authoring:lesson_edit", self.course.slug, self.module.pk, lesson.pk)
        return redirect(self.editor_url(f"lesson-{lesson.pk}"))


class LessonDeleteView(CourseAuthorMixin, TemplateView):
    template_name = "modules/authoring/confirm_delete.html"

    def get_lesson(self) -> Lesson:
        return get_object_or_404(
            Lesson,
            pk=self.kwargs["lesson_id"],
            module_id=self.kwargs["module_id"],
            module__course=self.course,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(thing=f"the lesson “{self.get_lesson().title}”", **kwargs)

    def post(self, request, *args, **kwargs):
        lesson = self.get_lesson()
        try:
            services.delete_lesson(lesson=lesson)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"Deleted lesson “{lesson.title}”.")
        return redirect(self.editor_url(f"module-{lesson.module_id}"))


class LessonMoveView(CourseAuthorMixin, View):
    def post(self, request, slug, module_id, lesson_id):
        lesson = get_object_or_404(
            Lesson, pk=lesson_id, module_id=module_id, module__course=self.course
        )
        offset, before = move_offset(request), lesson.position
        moved = services.move_lesson(lesson=lesson, offset=offset)
        messages.success(request, moved_message(lesson.title, before, moved.position, offset))
        return redirect(self.editor_url(f"lesson-{lesson.pk}"))


class MarkdownPreviewView(AuthorRequiredMixin, View):
    """The live preview beside the lesson editor (HTMX): the body as trainees will see it."""

    def post(self, request):
        html = render_markdown(request.POST.get("body_markdown", ""))
        return HttpResponse(
            render_to_string("modules/includes/lesson_body.html", {"body_html": html})
        )


# --- attachments --------------------------------------------------------------------------------


class AttachmentAddView(LessonFormView):
    def post(self, request, *args, **kwargs):
        self.setup_objects()
        if self.lesson is None:
            raise PermissionDenied
        form = AttachmentForm(request.POST, request.FILES, prefix="attachment")
        if form.is_valid():
            try:
                attachment = services.add_attachment(
                    lesson=self.lesson,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["upload"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Attached “{attachment.title}”.")
                return redirect(
                    reverse(
                        "authoring:lesson_edit",
                        args=[self.course.slug, self.module.pk, self.lesson.pk],
                    )
                    + "#attachments"
                )
        return self.render_to_response(
            self.get_context_data(form=LessonForm(instance=self.lesson), attachment_form=form)
        )


class AttachmentDownloadView(CourseAuthorMixin, View):
    def get(self, request, slug, attachment_id):
        attachment = get_object_or_404(
            LessonAttachment, pk=attachment_id, lesson__module__course=self.course
        )
        return file_download(
            attachment.file, missing="The file of this attachment is missing from storage."
        )


class AttachmentDeleteView(CourseAuthorMixin, View):
    def post(self, request, slug, module_id, lesson_id, attachment_id):
        attachment = get_object_or_404(
            LessonAttachment,
            pk=attachment_id,
            lesson_id=lesson_id,
            lesson__module_id=module_id,
            lesson__module__course=self.course,
        )
        services.delete_attachment(attachment=attachment)
        messages.success(request, f"Removed “{attachment.title}”.")
        return redirect(
            reverse("authoring:lesson_edit", args=[slug, module_id, lesson_id]) + "#attachments"
        )

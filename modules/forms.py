from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.text import slugify

from courses.models import Course

from .content import video_embed_url
from .models import Lesson, Module


class ModuleChoices(forms.ModelMultipleChoiceField):
    """Checks each submitted id is a plausible primary key before asking the database, which
    (SQLite) overflows on a 30-digit number instead of answering "no such row"."""

    def _check_values(self, value):
        for pk in value:
            if not str(pk).isdigit() or len(str(pk)) > 18:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class ModuleForm(forms.ModelForm):
    prerequisites = ModuleChoices(
        queryset=Module.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Modules a trainee must complete before this one opens.",
    )

    class Meta:
        model = Module
        fields = [
            "title",
            "summary",
            "component",
            "components",
            "treatment_priorities",
            "skills_modules",
            "treatment_stage",
            "release_offset_days",
            "due_offset_days",
            "prerequisites",
            "team_gate",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        others = Module.objects.filter(course=course).order_by("position")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["prerequisites"].queryset = others
        self.fields["team_gate"].queryset = others
        self.fields["team_gate"].empty_label = "No team gate"
        self.fields["treatment_stage"].choices = [("", "None in particular")] + [
            choice for choice in self.fields["treatment_stage"].choices if choice[0]
        ]
        priorities = self.fields["treatment_priorities"]
        priorities.help_text = (
            "The stage-1 targets the module addresses, listed in the order of the target hierarchy."
        )


class LessonForm(forms.ModelForm):
    video_url = forms.URLField(
        label="Video URL",
        required=False,
        assume_scheme="https",
        help_text=Lesson._meta.get_field("video_url").help_text,
    )

    class Meta:
        model = Lesson
        fields = ["title", "kind", "estimated_minutes", "video_url", "required", "body_markdown"]
        widgets = {
            # Live preview through htmx; the form's Preview button does the same without JS.
            "body_markdown": forms.Textarea(
                attrs={
                    "rows": 18,
                    "class": "markdown-editor",
                    "hx-post": reverse_lazy("authoring:markdown_preview"),
                    "hx-trigger": "input changed delay:400ms",
                    "hx-target": "#markdown-preview",
                    "hx-swap": "innerHTML",
                }
            ),
        }
        help_texts = {
            "body_markdown": (
                "Markdown: # heading, **bold**, *italic*, - lists, [link](https://…), tables. "
                "Scripts and unsafe HTML are removed when the lesson is saved."
            ),
        }

    def clean_video_url(self) -> str:
        url = self.cleaned_data["video_url"]
        if url and video_embed_url(url) is None:
            raise ValidationError("Use a YouTube or Vimeo link to a single video.")
        return url


class AttachmentForm(forms.Form):
    title = forms.CharField(max_length=200, required=False, help_text="Defaults to the file name.")
    upload = forms.FileField(
        label="File",
        help_text="PDF, DOCX, PPTX, MP3 or MP4.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.pptx,.mp3,.mp4,.m4v"}),
    )


class DuplicateCourseForm(forms.Form):
    title = forms.CharField(max_length=200)
    slug = forms.SlugField(max_length=80, help_text="The new version's web address.")

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if Course.objects.filter(slug=slug).exists():
            raise ValidationError("A course with this web address already exists.")
        return slug

    @staticmethod
    def initial_for(course: Course) -> dict:
        slug = slugify(f"{course.slug}-copy")[:80]
        return {"title": f"{course.title} (new version)", "slug": slug}


class ImportCourseForm(forms.Form):
    archive = forms.FileField(
        label="Course export (.zip)",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
    slug = forms.SlugField(
        max_length=80,
        required=False,
        help_text="Leave empty to keep the exported web address.",
    )

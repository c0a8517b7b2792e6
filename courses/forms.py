from django import forms

from .models import Course


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "title",
            "slug",
            "summary",
            "audience",
            "learning_objectives",
            "ce_hours",
            "pass_mark",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "audience": forms.Textarea(attrs={"rows": 3}),
            "learning_objectives": forms.Textarea(attrs={"rows": 5}),
        }

"""Question text saved before formats were honoured everywhere: Moodle auto-format was shown as
escaped plain text, and images (`@@PLUGINFILE@@/…`) were dropped. Render those again."""

from django.db import migrations
from django.db.models import Q


def rerender(apps, schema_editor):
    from assessments.quizzes.formats import render_text

    Question = apps.get_model("assessments", "Question")
    stale = Question.objects.filter(Q(text_format="moodle") | Q(text__contains="@@PLUGINFILE@@"))
    for question in stale.iterator():
        html = render_text(question.text, question.text_format, question_id=question.pk)
        if html != question.text_html:
            Question.objects.filter(pk=question.pk).update(text_html=html)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0006_question_bank")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]

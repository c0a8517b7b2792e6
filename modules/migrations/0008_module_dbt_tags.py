"""A module carries one primary DBT component and any number of further components, treatment
priorities and skills modules, and a treatment stage (issue 22). The single priority and skills
module are copied into the lists by 0009 and removed by 0010."""

from django.db import migrations, models

import modules.fields
import modules.taxonomy


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0007_progress_repair_schedule"),
    ]

    operations = [
        migrations.AlterField(
            model_name="module",
            name="component",
            field=models.CharField(
                choices=[
                    ("foundations", "Foundations"),
                    ("individual_therapy", "Individual therapy"),
                    ("skills_training_group", "Skills training group"),
                    ("phone_coaching", "Phone coaching"),
                    ("consultation_team", "Consultation team"),
                    ("ancillary_treatment", "Ancillary treatment"),
                    ("family_sessions", "Family / caregiver sessions"),
                ],
                help_text="The mode of comprehensive DBT this module mainly teaches; the course "
                "outline groups modules by it.",
                max_length=32,
                verbose_name="primary DBT component",
            ),
        ),
        migrations.AddField(
            model_name="module",
            name="components",
            field=modules.fields.TagListField(
                blank=True,
                default=list,
                help_text="Other components the module also covers (e.g. a module on the "
                "structure of DBT covers all four modes).",
                taxonomy=modules.taxonomy.Component,
                verbose_name="further DBT components",
            ),
        ),
        migrations.AddField(
            model_name="module",
            name="treatment_priorities",
            field=modules.fields.TagListField(
                blank=True,
                default=list,
                help_text="The stage-1 targets the module addresses, if any.",
                taxonomy=modules.taxonomy.TreatmentPriority,
                verbose_name="treatment priorities",
            ),
        ),
        migrations.AddField(
            model_name="module",
            name="skills_modules",
            field=modules.fields.TagListField(
                blank=True,
                default=list,
                help_text="The skills training modules taught, if any.",
                taxonomy=modules.taxonomy.SkillsModule,
                verbose_name="skills modules",
            ),
        ),
        migrations.AddField(
            model_name="module",
            name="treatment_stage",
            field=models.CharField(
                blank=True,
                choices=[
                    ("pre_treatment", "Pre-treatment (orientation and commitment)"),
                    ("stage_1", "Stage 1: behavioral control"),
                    ("stage_2", "Stage 2: emotional experiencing"),
                    ("stage_3", "Stage 3: ordinary problems of living"),
                    ("stage_4", "Stage 4: capacity for sustained joy"),
                ],
                help_text="The stage of treatment the module's material belongs to, if one.",
                max_length=16,
            ),
        ),
    ]

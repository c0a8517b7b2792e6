"""The DBT vocabulary every module is tagged with, spelled as practitioners spell it.

Order matters: the choices are listed in the order DBT teaches them, and TreatmentPriority is the
stage-1 target hierarchy in priority order (life-threatening behaviors first).
"""

from django.db import models


class Component(models.TextChoices):
    """The modes of comprehensive DBT, plus the theory every mode rests on."""

    FOUNDATIONS = "foundations", "Foundations"
    INDIVIDUAL_THERAPY = "individual_therapy", "Individual therapy"
    SKILLS_TRAINING_GROUP = "skills_training_group", "Skills training group"
    PHONE_COACHING = "phone_coaching", "Phone coaching"
    CONSULTATION_TEAM = "consultation_team", "Consultation team"


class TreatmentPriority(models.TextChoices):
    """Stage-1 targets, highest priority first."""

    LIFE_THREATENING = "life_threatening", "Life-threatening behaviors"
    THERAPY_INTERFERING = "therapy_interfering", "Therapy-interfering behaviors"
    QUALITY_OF_LIFE = "quality_of_life", "Quality-of-life-interfering behaviors"
    BEHAVIORAL_SKILLS = "behavioral_skills", "Increasing behavioral skills"


class SkillsModule(models.TextChoices):
    MINDFULNESS = "mindfulness", "Mindfulness"
    DISTRESS_TOLERANCE = "distress_tolerance", "Distress tolerance"
    EMOTION_REGULATION = "emotion_regulation", "Emotion regulation"
    INTERPERSONAL_EFFECTIVENESS = "interpersonal_effectiveness", "Interpersonal effectiveness"
    WALKING_THE_MIDDLE_PATH = "walking_the_middle_path", "Walking the middle path"


class LessonKind(models.TextChoices):
    READING = "reading", "Reading"
    VIDEO = "video", "Video"
    EXERCISE = "exercise", "Exercise"
    LIVE_SESSION_PREPARATION = "live_session_preparation", "Live-session preparation"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF document"
    DOCX = "docx", "Word document"
    PPTX = "pptx", "PowerPoint slides"
    MP3 = "mp3", "MP3 audio"
    MP4 = "mp4", "MP4 video"

"""The DBT vocabulary every module is tagged with, spelled as practitioners spell it.

Order matters only where DBT itself gives one: TreatmentPriority is the stage-1 target hierarchy in
priority order (life-threatening behaviors first) and TreatmentStage runs from pre-treatment to
stage 4. SkillsModule lists mindfulness first because it is taught first and again between the
other modules; DBT fixes no order among the rest, and Walking the Middle Path is a module of its own
only in adolescent programs (the 2015 adult manual places its skills within interpersonal
effectiveness). A module's multi-valued tags are stored in the order of these choices.
"""

from django.db import models


class Component(models.TextChoices):
    """The four modes of comprehensive DBT, the theory every mode rests on, and the treatment
    around them that structures the client's environment."""

    FOUNDATIONS = "foundations", "Foundations"
    INDIVIDUAL_THERAPY = "individual_therapy", "Individual therapy"
    SKILLS_TRAINING_GROUP = "skills_training_group", "Skills training group"
    PHONE_COACHING = "phone_coaching", "Phone coaching"
    CONSULTATION_TEAM = "consultation_team", "Consultation team"
    # Pharmacotherapy, case management, hospital: who coordinates them is part of DBT.
    ANCILLARY_TREATMENT = "ancillary_treatment", "Ancillary treatment"
    FAMILY_SESSIONS = "family_sessions", "Family / caregiver sessions"


class TreatmentPriority(models.TextChoices):
    """Stage-1 targets, highest priority first."""

    LIFE_THREATENING = "life_threatening", "Life-threatening behaviors"
    THERAPY_INTERFERING = "therapy_interfering", "Therapy-interfering behaviors"
    QUALITY_OF_LIFE = "quality_of_life", "Quality-of-life-interfering behaviors"
    BEHAVIORAL_SKILLS = "behavioral_skills", "Increasing behavioral skills"


class TreatmentStage(models.TextChoices):
    """Where in the course of treatment a module's material belongs."""

    PRE_TREATMENT = "pre_treatment", "Pre-treatment (orientation and commitment)"
    STAGE_1 = "stage_1", "Stage 1: behavioral control"
    STAGE_2 = "stage_2", "Stage 2: emotional experiencing"
    STAGE_3 = "stage_3", "Stage 3: ordinary problems of living"
    STAGE_4 = "stage_4", "Stage 4: capacity for sustained joy"


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

"""Query budgets that tests in more than one package hold a page to."""

# Cohort home, 16 queries: session, user, the enrollment (with cohort, course and team),
# progress_for's five, the two permission queries of the menu, the live sessions, the
# announcements (with their authors), the quiz lines' two (the course's quizzes, the
# trainee's attempts) and the assignment lines' two (the course's assignments, the trainee's
# submissions with their grades). tests/modules checks it with lessons only, tests/assessments
# with quizzes and assignments present.
COHORT_HOME_QUERIES = 16

"""The demo course's final post-test (its settings; the item bank is in `post_test/`), course
evaluation, the two module-4 assignments with their rubrics, and its CE approvals (demo course
content, written for this project).

Facts follow ../shared/dbt-facts.md; the wording is the project's own. The CE approvals are demo
data: no real organisation has approved this course, and every statement says so; their approval
numbers (DEMO-…) and valid periods are invented too."""

from datetime import date

from assessments.assignments.worksheets import DIARY_ROWS

POST_TEST = {
    "title": "Final post-test",
    "pass_mark": 80,
    # The items: one file per module in `post_test/`, drawn six per hour of lessons (see there).
}


POST_TEST_CATEGORY = "Post-test"


def post_test_gift() -> str:
    """The post-test's whole item bank as one GIFT file, each module's items in a category of its
    own under "Post-test" (`$CATEGORY: Post-test/03 Stages and targets`)."""
    from . import modules, post_test

    parts = []
    for number, module in enumerate(modules(), start=1):
        parts.append(f"$CATEGORY: {post_test_category(number, module)}\n")
        parts.append(post_test.items(number).strip() + "\n")
    return "\n".join(parts)


def post_test_category(number: int, module: dict) -> str:
    """A module's category path; the number keeps the categories in course order."""
    return f"{POST_TEST_CATEGORY}/{number:02d} {module['title']}"


# The statements and open questions; `dbt_training.demo_course` adds one rating item per learning
# objective of the course ("This course enabled me to: …") through the authoring service, as the
# evaluation's authoring page does, so the objectives are rated one by one (not as one
# "objectives met" item).
EVALUATION = {
    "title": "Course evaluation",
    "gift": r"""// Course evaluation: six statements on a five-point agree scale, then two open questions. The
// demo adds one rating item per learning objective after the statements (add_objective_items).

// dbt: kind=likert
::Clear content::The lessons were clear and well organized. {
    ~Strongly disagree ~Disagree ~Neither agree nor disagree ~Agree ~Strongly agree
}

// dbt: kind=likert
::Relevant to practice::The content and clinical examples are relevant to my clinical work. {
    ~Strongly disagree ~Disagree ~Neither agree nor disagree ~Agree ~Strongly agree
}

// dbt: kind=likert
::Fair assessment::The knowledge checks and the post-test fairly reflected what the course taught. {
    ~Strongly disagree ~Disagree ~Neither agree nor disagree ~Agree ~Strongly agree
}

// dbt: kind=likert
::Useful feedback::The feedback on my chain analysis and diary card assignments helped me improve. {
    ~Strongly disagree ~Disagree ~Neither agree nor disagree ~Agree ~Strongly agree
}

// dbt: kind=likert
::Ready to apply::I feel better prepared to use DBT strategies with my clients and to take part in a consultation team. {
    ~Strongly disagree ~Disagree ~Neither agree nor disagree ~Agree ~Strongly agree
}

// dbt: kind=likert
::No commercial bias::The course was free of commercial bias and product promotion. {
    ~Strongly disagree ~Disagree ~Neither agree nor disagree ~Agree ~Strongly agree
}

::Most useful::What was the most useful part of this course for your practice, and why? {}

::What to change::What would you change or add to make this course better? {}
""",
}

CHAIN_ANALYSIS_INSTRUCTIONS = """\
## The task

Write a behavioral chain analysis of one **missed individual session** for a client you invent.
Missing a session is a therapy-interfering behavior, second in the stage 1 hierarchy, so in real
treatment it would go on the agenda of the next session and be analysed there with the client.
Write the worksheet as the outcome of that conversation: the client's experience, in enough detail
that a colleague could follow the chain without gaps.

## Building your case

- Invent the client, or build a composite from several clients and change it beyond recognition.
- Give only what the analysis needs: a rough age range, that the client is in stage 1 of
  comprehensive DBT, and the missed session itself.
- Decide what happened in the day or two before the session. Real chains are rarely tidy: let
  the client's vulnerabilities, thoughts and emotions interact.

## What a good analysis contains

1. **Problem behavior.** Specific and observable: which session, how it was missed (no-show,
   last-minute cancellation, arriving too late to start), and whether it has happened before.
2. **Prompting event.** The event that set the chain off, usually something in the environment
   (a message, a remark), sometimes an internal one such as a memory. Describe it as concretely
   as possible.
3. **Vulnerability factors.** What made the client more vulnerable that day: sleep, illness,
   substances, stress, earlier events.
4. **Links.** Moment by moment: thoughts, emotions, body sensations, urges and actions, each
   leading to the next. Most weak analyses skip links here.
5. **Consequences.** Short-term and long-term, for the client and for others. Look for what may
   be reinforcing the behavior, such as relief from avoiding shame.
6. **Solution analysis.** A specific skill for each key link, ways to reduce the vulnerabilities,
   and a plan for preventing or handling the prompting event.
7. **Repair and commitment.** How the harm is repaired (for example, to the therapeutic
   relationship) and what the client commits to doing next time.

## Keep it de-identified

Never use real client information. Leave out names, initials, dates of birth, places, employers
and any unusual event that could identify someone. Before you submit, you will be asked to
confirm that the worksheet holds nothing that identifies a client.

## Grading

Your trainer grades the analysis with the rubric below; 70% passes. Your trainer may return it for
revision with comments on each criterion.
"""

DIARY_CARD_INSTRUCTIONS = """\
## The task

Fill in one week of a diary card for a client you invent, then use the card the way a DBT
individual therapist does at the start of a session: to set the agenda by the target hierarchy.

## Building your case

- Invent a client in stage 1 of comprehensive DBT, or build a composite and change it beyond
  recognition. Decide on the week's main events before you start: a stressor midweek, a skills
  group, a quieter weekend.
- Let the numbers tell that story. Urges and emotions should rise and fall with events. A week of
  all zeros or all fives teaches little.

## Filling in the card

- **Every day, every rating and every action.** A 0 is a rating, so write it; an empty cell is
  not the same as "no urge".
- **Urges and actions are different rows.** A strong urge to self-harm with no self-harm action
  is worth seeing on a card: it shows a skill working.
- **Skills.** Rate skills use from 0 to 7 and name the skills practised (for example paced
  breathing, check the facts, DEAR MAN). Scales vary between programs, so say in Monday's note
  how you anchored the 0-to-7 rating.
- **Notes.** A few words a day on what happened.

## Set the agenda

In **Sunday's note**, write the agenda you would set for the next individual session from this
card, in order, with one line on why each item sits where it does in the stage 1 hierarchy:
life-threatening behaviors first, then therapy-interfering behaviors, then quality-of-life
interfering behaviors, then skills.

## Keep it de-identified

Never use real client information. Leave out names, initials, dates, places and anything else
that could identify someone. Before you submit, you will be asked to confirm that the card holds
nothing that identifies a client.

## Grading

Your trainer grades the card with the rubric below; 70% passes.
"""

ASSIGNMENTS = [
    {
        "module": 4,
        "title": "Chain analysis of a missed session",
        "worksheet": "chain_analysis",
        "instructions": CHAIN_ANALYSIS_INSTRUCTIONS,
        "pass_percent": 70,
        "rubric": {
            "title": "Chain analysis rubric",
            "description": (
                "Five criteria, each scored 0 to 2. A proficient analysis is specific, leaves no "
                "gaps between the prompting event and the behavior, and ties every proposed "
                "solution to a link it would break."
            ),
            "criteria": [
                {
                    "title": "Problem behavior defined specifically",
                    "description": (
                        "The missed session is described as an observable behavior: what "
                        "happened, when, and how it fits the client's pattern."
                    ),
                    "levels": [
                        (
                            "Not yet",
                            0,
                            "Vague or interpretive, such as “the client was resistant”, with no "
                            "observable behavior.",
                        ),
                        (
                            "Developing",
                            1,
                            "Names the missed session but leaves out how it was missed or when.",
                        ),
                        (
                            "Proficient",
                            2,
                            "States exactly what the client did (no-show, late cancellation), "
                            "which session, and whether it has happened before.",
                        ),
                    ],
                    "comments": [
                        "Describe what a camera would have recorded, not what it means.",
                        "Add whether it has happened before: a one-off and a pattern "
                        "need different plans.",
                        "Clear and specific: a reader knows exactly which behavior is analysed.",
                    ],
                },
                {
                    "title": "Prompting event and vulnerability factors",
                    "description": (
                        "The event that started the chain is separated from the conditions that "
                        "made the client more vulnerable that day."
                    ),
                    "levels": [
                        (
                            "Not yet",
                            0,
                            "No prompting event, or the prompting event and the vulnerabilities "
                            "are mixed up.",
                        ),
                        (
                            "Developing",
                            1,
                            "A prompting event is named, but vulnerability factors are missing or "
                            "generic.",
                        ),
                        (
                            "Proficient",
                            2,
                            "A concrete prompting event (the event that set the chain off, "
                            "usually something in the environment, sometimes an internal one "
                            "such as a memory), and specific vulnerabilities such as sleep, "
                            "illness, substances or stress.",
                        ),
                    ],
                    "comments": [
                        "The prompting event is something that happened; how the client felt "
                        "about it is a link.",
                        "Look again at the day before: sleep, illness, substances and stress "
                        "often explain why this time was different.",
                        "Prompting event and vulnerabilities are well separated.",
                    ],
                },
                {
                    "title": "Links in the chain",
                    "description": (
                        "Thoughts, emotions, body sensations, urges and actions are traced "
                        "moment by moment from the prompting event to the missed session."
                    ),
                    "levels": [
                        (
                            "Not yet",
                            0,
                            "Jumps from the prompting event straight to the missed session.",
                        ),
                        (
                            "Developing",
                            1,
                            "Some links are given, but there are gaps or only one kind of link "
                            "(for example, thoughts only).",
                        ),
                        (
                            "Proficient",
                            2,
                            "A continuous chain with several kinds of links; each one plausibly "
                            "leads to the next.",
                        ),
                    ],
                    "comments": [
                        "There is a gap here: what happened between these two links?",
                        "Add emotions and body sensations, not only thoughts.",
                        "The chain reads moment by moment; each link leads to the next.",
                    ],
                },
                {
                    "title": "Consequences",
                    "description": (
                        "Short- and long-term consequences, including what may be reinforcing the "
                        "behavior."
                    ),
                    "levels": [
                        ("Not yet", 0, "No consequences, or only “felt bad afterwards”."),
                        (
                            "Developing",
                            1,
                            "Lists consequences but does not separate short- from long-term or "
                            "consider what reinforces the behavior.",
                        ),
                        (
                            "Proficient",
                            2,
                            "Short- and long-term consequences for the client and others, with a "
                            "clear hypothesis about what reinforces missing sessions.",
                        ),
                    ],
                    "comments": [
                        "What did the client get right away by not coming (relief, avoiding a "
                        "topic)? That is often what keeps the behavior going.",
                        "Add the long-term cost to the client's treatment goals.",
                    ],
                },
                {
                    "title": "Solution analysis, repair and commitment",
                    "description": (
                        "Solutions are tied to specific links, vulnerabilities and the prompting "
                        "event, and end in repair and a concrete commitment."
                    ),
                    "levels": [
                        (
                            "Not yet",
                            0,
                            "Generic advice (“use skills”, “come to sessions”) not tied to the "
                            "chain.",
                        ),
                        (
                            "Developing",
                            1,
                            "Some named skills, but not linked to specific links, or no repair "
                            "and commitment.",
                        ),
                        (
                            "Proficient",
                            2,
                            "A named skill for each key link, plans for the vulnerabilities and "
                            "the prompting event, a repair and a specific commitment.",
                        ),
                    ],
                    "comments": [
                        "Say which link each skill would break, and how.",
                        "Add a plan for the vulnerability factors, not only the links.",
                        "Good repair and commitment: specific, and the client can act on it.",
                    ],
                },
            ],
        },
    },
    {
        "module": 4,
        "title": "A week of diary cards",
        "worksheet": "diary_card",
        "instructions": DIARY_CARD_INSTRUCTIONS,
        "pass_percent": 70,
        # The standard card, one row the trainer adds for this client, and room for the
        # trainee's own targets (module 4: adapt the card to the client's targets).
        "diary_rows": [
            *(row.as_dict() for row in DIARY_ROWS),
            {"key": "own_1", "label": "Hours slept", "group": "other", "kind": "count", "high": 99},
        ],
        "personal_rows_allowed": True,
        "rubric": {
            "title": "Diary card rubric",
            "description": (
                "Four criteria, each scored 0 to 2. A proficient card is complete, tells a "
                "believable week, tracks skills specifically, and turns into an agenda ordered by "
                "the stage 1 hierarchy."
            ),
            "criteria": [
                {
                    "title": "Complete and consistent",
                    "description": (
                        "Every day's ratings and actions are filled in, and the rows agree with "
                        "each other and with the notes."
                    ),
                    "levels": [
                        (
                            "Not yet",
                            0,
                            "Several days or rows missing, or ratings that contradict the notes.",
                        ),
                        (
                            "Developing",
                            1,
                            "Complete, with a few inconsistencies between rows and notes.",
                        ),
                        (
                            "Proficient",
                            2,
                            "Complete, with ratings, actions and notes that fit together "
                            "every day.",
                        ),
                    ],
                    "comments": [
                        "An action recorded here has no note explaining it; add what happened.",
                        "Complete and consistent across the week.",
                    ],
                },
                {
                    "title": "A believable week",
                    "description": (
                        "Urges, actions and emotions change with the week's events, and urges "
                        "are kept apart from actions."
                    ),
                    "levels": [
                        ("Not yet", 0, "Flat or random numbers unrelated to any events."),
                        (
                            "Developing",
                            1,
                            "Numbers follow the events in places but miss obvious shifts, or "
                            "urges and actions are confused.",
                        ),
                        (
                            "Proficient",
                            2,
                            "Ratings rise and fall with the events described, and high urges "
                            "with no action are visible as such.",
                        ),
                    ],
                    "comments": [
                        "The midweek stressor does not show in the emotion ratings; would it "
                        "really leave them unchanged?",
                        "Nice: the card shows a strong urge that was not acted on.",
                    ],
                },
                {
                    "title": "Skills tracking",
                    "description": (
                        "Skills practised are named specifically and match the skills-use "
                        "rating and the day's events; the rating's anchors are stated."
                    ),
                    "levels": [
                        ("Not yet", 0, "No skills named, or only “used skills”."),
                        (
                            "Developing",
                            1,
                            "Skills named on some days, or ratings that do not match what is "
                            "named.",
                        ),
                        (
                            "Proficient",
                            2,
                            "Specific skills each day that fit the situations, with ratings that "
                            "match and anchors stated in Monday's note.",
                        ),
                    ],
                    "comments": [
                        "Name the skill (for example paced breathing or check the facts), not "
                        "just “skills”.",
                        "State how you anchored the 0-to-7 skills-use rating.",
                    ],
                },
                {
                    "title": "Agenda set by the target hierarchy",
                    "description": (
                        "Sunday's note turns the card into a session agenda ordered by the stage "
                        "1 hierarchy, with a reason for each item's place."
                    ),
                    "levels": [
                        ("Not yet", 0, "No agenda, or an agenda that ignores the hierarchy."),
                        (
                            "Developing",
                            1,
                            "An agenda in roughly the right order, but with items missing or "
                            "without reasons.",
                        ),
                        (
                            "Proficient",
                            2,
                            "Every relevant item in hierarchy order: life-threatening behaviors "
                            "first, then therapy-interfering, then quality-of-life, then skills, "
                            "each with a reason.",
                        ),
                    ],
                    "comments": [
                        "After any imminent risk, the self-harm urges belong at the top of the "
                        "agenda with the other life-threatening targets.",
                        "Well ordered, and each item's place is explained.",
                    ],
                },
            ],
        },
    },
]

# Demo data: invented approval numbers (DEMO-…, no real provider's) from an invented date that
# precedes the demo cohorts' dates.
DEMO_APPROVAL_PERIOD = (date(2026, 1, 1), None)  # open-ended: the demo must seed in any year

APPROVALS = [
    {
        "profession": "Psychologists",
        "accrediting_body": "Example Psychology CE Sponsor (fictional, demo data)",
        "approval_statement": (
            "(Demo: this course holds no real CE approval.) No CE credit for psychologists is "
            "awarded for this demonstration course. In a real course, this space carries the "
            "exact wording the approving body requires for psychologists."
        ),
        "ce_hours": None,
        "approval_number": "DEMO-APA-0000",
        "valid_from": DEMO_APPROVAL_PERIOD[0],
        "valid_until": DEMO_APPROVAL_PERIOD[1],
    },
    {
        "profession": "Social workers",
        "accrediting_body": "Example Social Work CE Approver (fictional, demo data)",
        "approval_statement": (
            "(Demo: this course holds no real CE approval.) No CE credit for social workers is "
            "awarded for this demonstration course. In a real course, this space carries the "
            "exact wording the approving body requires for social workers."
        ),
        "ce_hours": None,
        "approval_number": "DEMO-ASWB-0000",
        "valid_from": DEMO_APPROVAL_PERIOD[0],
        "valid_until": DEMO_APPROVAL_PERIOD[1],
    },
    {
        "profession": "Counselors",
        "accrediting_body": "Example Counseling CE Provider (fictional, demo data)",
        "approval_statement": (
            "(Demo: this course holds no real CE approval.) No CE credit for counselors is "
            "awarded for this demonstration course. In a real course, this space carries the "
            "exact wording the approving body requires for counselors."
        ),
        "ce_hours": None,
        "approval_number": "DEMO-NBCC-0000",
        "valid_from": DEMO_APPROVAL_PERIOD[0],
        "valid_until": DEMO_APPROVAL_PERIOD[1],
    },
]

"""The demo course's final post-test, course evaluation, the two module-4 assignments with their
rubrics, and its CE approvals (demo course content, written for this project).

Facts follow ../shared/dbt-facts.md; the wording is the project's own. The CE approvals are demo
data: no real organisation has approved this course, and every statement says so."""

from assessments.assignments.worksheets import DIARY_ROWS

POST_TEST = {
    "title": "Final post-test",
    "pass_mark": 80,
    "gift": r"""// Final post-test of the demo course: two to four questions per module, in module order.

$CATEGORY: DBT Foundations/1 Foundations

::Biosocial transaction::According to the biosocial theory, pervasive emotion dysregulation grows out of a transaction between which two factors? {
    =A biological emotional vulnerability and an invalidating environment#Right. High sensitivity, strong reactions and a slow return to baseline meet an environment that dismisses, punishes or ignores private experience, and over time each shapes the other.
    ~A genetic tendency toward impulsivity and one severe traumatic event#The theory describes a two-way transaction that unfolds over years, not a single event acting on a fixed trait.
    ~Distorted core beliefs and a lack of social support#Core beliefs belong to cognitive models. The biosocial theory centres on emotional vulnerability and invalidation.
    ~Temperamental shyness and rejection by peers#Neither is one of the two parts of the biosocial transaction.
}

::Invalidating environment::Which of these are features of an invalidating environment as the biosocial theory describes it? Choose all that apply. {
    ~%33.33333%It dismisses, punishes or ignores what the person says about their own feelings and thoughts#Yes. The person learns to distrust their own inner experience.
    ~%33.33333%It responds to emotional escalation only some of the time#Yes. Intermittently reinforcing escalation teaches that only extreme displays get a response, and makes escalation hard to extinguish.
    ~%33.33334%It makes solving life's problems look simpler than it really is#Yes. Oversimplifying problem solving leaves the person without realistic ways to reach goals or manage emotions.
    ~%-50%It takes low-level expressions of distress seriously and responds to them consistently#No. That describes a validating environment, the opposite of what the theory names as a risk.
}

::Central dialectic::Which tension does DBT treat as its central dialectic? {
    =Acceptance and change#Right. A treatment focused purely on change felt invalidating to clients, and pure acceptance ignored their suffering. DBT balances the two and looks for a synthesis.
    ~Thought and feeling#Wise mind does bring reasonable mind and emotion mind together, but the dialectic at the centre of the whole treatment is acceptance and change.
    ~Past and present#DBT does work with both, but this is not its central dialectic.
    ~Individual and group treatment#These are two of the modes of comprehensive DBT, not its central dialectic.
}

$CATEGORY: DBT Foundations/2 Structure of comprehensive DBT

::Functions and modes::Match each function of comprehensive DBT with the mode that usually serves it. {
    =Enhance client capabilities -> Skills training group
    =Improve client motivation -> Individual therapy
    =Generalize skills to the natural environment -> Between-session phone coaching
    =Structure the environment -> Program design, case management and family sessions
    =Enhance therapist capability and motivation -> Consultation team
    ####A program can serve a function in more than one way, but these are the usual homes. Skills are learned in group, motivation is worked on in individual therapy, coaching carries skills into daily life, program design and case management shape the environment, and the team keeps therapists skilled and motivated.
}

::No solo DBT::A skilled clinician who works entirely alone, without a consultation team, can still deliver comprehensive DBT as long as they offer individual therapy, a skills group and phone coaching. {F#Not so. The consultation team is one of the four modes and is required. It serves the function of enhancing therapist capability and motivation, and there is no solo DBT.#Correct. The consultation team is a required mode of comprehensive DBT, often described as therapy for the therapists, so there is no solo DBT.}

$CATEGORY: DBT Foundations/3 Stages and targets

// dbt: kind=ordering
::Stage 1 hierarchy::Put the stage 1 treatment targets in priority order, the highest priority first. {
    =Life-threatening behaviors -> 1
    =Therapy-interfering behaviors -> 2
    =Quality-of-life-interfering behaviors -> 3
    =Increasing behavioral skills -> 4
    ####Keeping the client alive comes first. Next come behaviors that get in the way of therapy, since treatment cannot help if it is not happening. Then come problems that seriously damage quality of life, and then increasing the behavioral skills that replace problem behaviors.
}

::Therapist lateness::A therapist has cancelled three individual sessions in a month at short notice and often starts late. Where does this belong in the stage 1 hierarchy? {
    =It is a therapy-interfering behavior, on the therapist's side#Right. Therapy-interfering behaviors include the therapist's as well as the client's, and they rank second, after life-threatening behaviors. The consultation team is a natural place to address them.
    ~Nowhere, because the hierarchy covers only the client's behaviors#The hierarchy explicitly includes therapist behaviors that interfere with therapy.
    ~It is a quality-of-life-interfering behavior#Quality-of-life targets are the client's problems such as substance use or housing crises. Cancelled sessions interfere with therapy itself.
    ~It only matters if the client complains about it#Therapy-interfering behavior is a target whether or not anyone complains.
}

::Dialectical dilemmas::Match each pole of a dialectical dilemma with its opposite pole. {
    =Emotional vulnerability -> Self-invalidation
    =Unrelenting crises -> Inhibited grieving
    =Active passivity -> Apparent competence
    ####These three dilemmas are the secondary targets of standard DBT. Clients often swing between the two poles of each, and treatment looks for a balanced middle rather than a jump to the other extreme.
}

$CATEGORY: DBT Foundations/4 Individual therapy tools

::Diary card review::When is the diary card usually reviewed, and what does the review help the therapist do? {
    =At the start of each individual session, to set the session agenda by the target hierarchy#Right. The client fills the card in every day. Reviewing it first shows any life-threatening or therapy-interfering behavior of the week so that it goes on the agenda before other topics.
    ~At the end of each skills group, to grade the homework#The skills group reviews homework, but the diary card belongs to individual therapy and is reviewed at the start of the session.
    ~Once a month, to summarize progress for a report#A card reviewed monthly could not guide each session's agenda.
    ~Only after a suicide attempt, as part of a risk assessment#The card is a routine daily record reviewed every session, not a crisis-only tool.
}

::Vulnerability factors::A client cut her arm on Friday night after an argument with her sister. In a chain analysis, which of these are vulnerability factors? Choose all that apply. {
    ~%33.33333%She had slept about four hours a night all week#Yes. Poor sleep made her more reactive that day.
    ~%33.33333%She was still recovering from the flu#Yes. Illness is a classic vulnerability factor.
    ~%33.33334%She had drunk three glasses of wine before her sister arrived#Yes. Alcohol taken before the chain began lowered her threshold for acting on urges.
    ~%-50%The argument with her sister#No. This is the prompting event, the event that set the chain off, usually something in the environment (a message, a remark), sometimes an internal one such as a memory. Here it was the argument.
    ~%-50%The thought that she could not stand feeling this way#No. This is a link in the chain, between the prompting event and the behavior.
}

::Solution analysis::What does the solution analysis at the end of a behavioral chain analysis do? {
    =It finds a skillful alternative for links in the chain, ways to reduce vulnerability, and ways to prevent or handle the prompting event#Right. Each link where a different response could break the chain gets a specific skill, and the vulnerabilities and the prompting event get their own plans.
    ~It chooses a consequence to punish the problem behavior#A solution analysis looks for alternatives at each link. It is not a search for a punishment.
    ~It lists the client's diagnoses that explain the behavior#Diagnoses do not tell the client what to do differently at each link.
    ~It replaces the chain analysis when the behavior was not life-threatening#The solution analysis is part of every chain analysis, whatever the behavior.
}

::Door-in-the-face::Which of these is an example of the door-in-the-face commitment strategy? {
    =The therapist first asks for a very large commitment the client is likely to refuse, then asks for the same target over a shorter time, which now seems reasonable#Right. After turning down the big request, the client finds the smaller one easier to accept. The time frame or scope shrinks; the target does not.
    ~The therapist first gets agreement to a small step, then asks for a larger commitment#That is foot-in-the-door, the reverse order.
    ~The therapist argues against change so that the client argues for it#That is playing the devil's advocate.
    ~The therapist reminds the client of a commitment made earlier in treatment#That is connecting present commitments to prior ones.
}

$CATEGORY: DBT Foundations/5 Validation and dialectical strategies

::Validation level 4::A client says he freezes whenever his manager raises his voice. The therapist answers, "After years of being shouted at as a child, it makes sense that your body goes into freeze." Which level of validation is this? {
    =Level 4, validating in terms of past learning or biology#Right. Level 4 validates the response as understandable given its causes in the person's history or biology, the so-called sufficient causes.
    ~Level 2, accurate reflection#Level 2 would reflect back what he said. This reply adds why the response makes sense.
    ~Level 5, validating the response as reasonable now#Level 5 would say the response fits the present situation, as it would for most people. This reply points to his past.
    ~Level 6, radical genuineness#Radical genuineness is treating him as an equal, capable person. This reply explains the response through its causes.
}

::Radical genuineness::In the six levels of validation, at which level number is radical genuineness? {#6#Right. Level 6 is radical genuineness, responding to the client as an equal and capable person rather than as fragile.}

::Validation is not approval::Validating a client's anger about being rejected means agreeing that smashing her phone against the wall was a good response. {F#Not so. Validation recognizes what is valid, here the anger and what prompted it. It does not approve of behavior that is not valid.#Correct. Validation is not approval. The therapist can validate the anger and still target the behavior.}

$CATEGORY: DBT Foundations/6 Mindfulness

::What skills::Which are the mindfulness "what" skills? Choose all that apply. {
    ~%33.33333%Observe#Yes. Noticing an experience without needing to put words to it.
    ~%33.33333%Describe#Yes. Putting words to what is observed, facts rather than interpretations.
    ~%33.33334%Participate#Yes. Entering fully into an activity.
    ~%-50%Nonjudgmentally#No. This is one of the "how" skills, which describe the way to practise the "what" skills.
    ~%-50%Effectively#No. This is also one of the "how" skills.
}

::Effectively::In the mindfulness "how" skills, what does acting effectively mean? {
    =Doing what works in the situation, rather than what feels right or fair in the moment#Right. Effectiveness keeps the goal in view and lets go of being right.
    ~Finishing each task as quickly as possible#Speed is not the point. Effectiveness is about what works toward one's goals.
    ~Noticing experiences without labelling them good or bad#That is the "how" skill nonjudgmentally.
    ~Doing one thing at a time with full attention#That is the "how" skill one-mindfully.
}

$CATEGORY: DBT Foundations/7 Distress tolerance

::TIP temperature::In the crisis survival skill TIP, what does the T stand for? Type one word. {
    =Temperature#Right. Cold water on the face can trigger the dive reflex and bring intense arousal down quickly. Medical cautions apply\: a client with a heart or other medical condition, an eating disorder such as anorexia or bulimia, a sensitivity to cold, or medication that affects heart rate (beta blockers, for example) should check with their doctor before using temperature or intense exercise.
    =Temperature change#Right. Changing body temperature with cold water is the T in TIP.
    ####TIP stands for temperature, intense exercise, paced breathing and paired muscle relaxation (also written TIPP).
}

::ACCEPTS::Which of these belong to the distraction skill Wise Mind ACCEPTS? Choose all that apply. {
    ~%50%Contributing#Yes. Doing something for someone else turns attention away from the crisis.
    ~%50%Comparisons#Yes. Comparing the present with harder times, or with people coping with more, can shift perspective for a while.
    ~%-50%Cope ahead#No. Cope ahead is the C of ABC PLEASE, an emotion regulation skill.
    ~%-50%Check the facts#No. Check the facts is an emotion regulation skill.
}

::Radical acceptance::Radically accepting a painful fact means approving of it or deciding that it was fair. {F#Not so. Radical acceptance means fully acknowledging reality as it is, so that energy stops going into fighting what cannot be changed. It is not approval.#Correct. Acceptance is not approval. A client can radically accept that a loss happened without believing it was fair or right.}

$CATEGORY: DBT Foundations/8 Emotion regulation

::Opposite action::A client feels intense shame after asking a question in group, although nobody reacted badly and asking questions is exactly what group is for. Once she has checked the facts, which skill fits best? {
    =Opposite action, because the emotion does not fit the facts#Right. When an emotion or its intensity does not fit the facts, acting opposite to its urge, here joining in rather than hiding, helps it subside.
    ~Problem solving, because the emotion fits the facts#Problem solving is the choice when the emotion does fit the facts. Here the facts show no reason for shame.
    ~Self-soothe, because she is in a crisis#Self-soothe is a distress tolerance skill for getting through a crisis. It does not change an emotion that does not fit the facts.
    ~DEAR MAN, to ask the group for an apology#Nobody in the group did anything that calls for an apology.
}

::Cope ahead::In ABC PLEASE, the C stands for a skill of planning and rehearsing in advance how to handle a situation likely to bring up strong emotion. Name the skill. {
    =Cope ahead#Right. Cope ahead means imagining the difficult situation and rehearsing skillful coping before it happens.
    =Coping ahead#Right. Cope ahead means imagining the difficult situation and rehearsing skillful coping before it happens.
    ####A and B are accumulating positive emotions and building mastery. PLEASE covers physical illness, balanced eating, avoiding mood-altering substances, balanced sleep and exercise.
}

$CATEGORY: DBT Foundations/9 Interpersonal effectiveness and the middle path

::Skills to modules::Match each skill with the skills training module that teaches it. {
    =Wise mind -> Mindfulness
    =STOP -> Distress tolerance
    =Opposite action -> Emotion regulation
    =DEAR MAN -> Interpersonal effectiveness
    ####Wise mind belongs to core mindfulness, STOP is a crisis survival skill, opposite action changes emotions that do not fit the facts, and DEAR MAN is for asking for what you want or saying no.
}

::Interpersonal priorities::Match each set of interpersonal effectiveness skills with the priority it serves. {
    =DEAR MAN -> Objective effectiveness, getting what you ask for
    =GIVE -> Relationship effectiveness, keeping the relationship
    =FAST -> Self-respect effectiveness, keeping your self-respect
    ####A client decides which priority matters most in a given interaction and leans on the matching skills.
}

::FAST::In the FAST skills, what does the S stand for? {
    =Stick to values#Right. FAST means be fair, no excessive apologies, stick to your values, and be truthful. Sticking to values protects self-respect.
    ~Stay silent#Staying silent is not part of FAST.
    ~Speak softly#A gentle manner belongs to GIVE, the relationship skills.
    ~Summarize the request#Summarizing is not one of the FAST skills.
}

::Middle path::For whom were the Walking the Middle Path skills first developed? {
    =Adolescents and their families#Right. They were developed for adolescent programs (described by Miller, Rathus and Linehan, 2007) and teach dialectics, validation and the principles of behavior change to teens and their families. The 2015 adult skills manual includes them within interpersonal effectiveness.
    ~Couples in conflict#It was developed for adolescents and families, not for couples work.
    ~Staff of inpatient units#It was developed for adolescents and families, not for staff teams.
    ~Clients in stage 3 only#It is not tied to a stage of treatment.
}

$CATEGORY: DBT Foundations/10 Coaching, team and professional practice

::Phone coaching priorities::Which are priorities of between-session phone coaching? Choose all that apply. {
    ~%33.33333%Reducing suicidal crisis behavior#Yes. Coaching helps the client use skills instead of crisis behavior.
    ~%33.33333%Generalizing skills to real situations#Yes. Coaching carries skills from group into daily life.
    ~%33.33334%Repairing the client–therapist relationship#Yes. A rupture can be repaired before the next session.
    ~%-100%Working through trauma memories in depth#No. Coaching is brief, often 5 to 15 minutes, and it is coaching, not therapy. Processing trauma belongs to stage 2 treatment, not to a coaching call.
}

::Consultation to the patient::A client says her psychiatrist will not listen to her about side effects. Under the consultation-to-the-patient agreement, what does the DBT therapist usually do? {
    =Coach the client to raise her concerns with the psychiatrist effectively herself#Right. The therapist consults to the client about how to deal with other professionals rather than acting as a go-between.
    ~Call the psychiatrist to explain what the client needs#That makes the therapist a go-between. Intervening directly in the environment is the exception, not the default.
    ~Tell the client to stop seeing the psychiatrist#That decides for the client instead of building her skills.
    ~Ask the consultation team to settle the disagreement with the psychiatrist#The team consults to the therapist. It does not mediate between the client and other providers.
}

::Training is not certification::Completing a DBT training course of 40 or more hours, with a certificate of completion, makes a clinician DBT-certified. {F#Not so. A training certificate shows that you completed a training. Clinician certification by the DBT-Linehan Board of Certification is separate and asks for much more, including a license, a year on a consultation team, completed stage 1 cases, an exam and rated work samples.#Correct. Training and certification are separate. Board certification asks for, among other things, a graduate degree and license, at least 40 didactic hours, at least a year on a consultation team, three completed stage 1 cases, a knowledge exam and video work samples coded for adherence.}

::Didactic hours::Clinician certification by the DBT-Linehan Board of Certification has several requirements. What is the minimum number of didactic DBT training hours among them? {#40#Right. At least 40 didactic hours is one requirement among several. The others include a year on a consultation team, three completed stage 1 cases, an exam and rated work samples.}
""",
}

EVALUATION = {
    "title": "Course evaluation",
    "gift": r"""// Course evaluation: seven statements on a five-point agree scale, then two open questions.

// dbt: kind=likert
::Objectives met::The course met its stated learning objectives. {
    ~Strongly disagree ~Disagree ~Neither agree nor disagree ~Agree ~Strongly agree
}

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
    },
]

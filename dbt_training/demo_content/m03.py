"""Module 3: Stages and targets (demo course content, written for this project)."""

MODULE = {
    "title": "Stages and targets",
    "summary": (
        "How DBT moves from pre-treatment and commitment through its stages, and how the stage-1 "
        "target hierarchy decides what a session works on first. Covers therapy-interfering "
        "behavior on both sides of the relationship and the three dialectical dilemmas."
    ),
    "component": "individual_therapy",
    "treatment_priority": "life_threatening",
    "skills_module": "",
    "components": [],
    "treatment_priorities": [
        "life_threatening",
        "therapy_interfering",
        "quality_of_life",
        "behavioral_skills",
    ],
    "skills_modules": [],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * (3 - 1),
    "due_offset_days": 7 * (3 - 1) + 13,
    "lessons": [
        {
            "title": "Pre-treatment: orientation, goals and commitment",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Why there is a stage before treatment

Standard DBT does not open by tackling the first problem a client mentions. It opens with
**pre-treatment**: a short phase in which client and therapist work out whether DBT fits, and
whether they are willing to do it together. Three tasks fill this phase.

## 1. Orientation

The therapist lays out what the treatment actually involves: weekly individual sessions, a
weekly skills group with homework, between-session coaching, and a therapist who is part of a
consultation team. Orientation is frank about the demands, including the daily diary card, so that
any agreement the client makes is an informed one. It also previews how sessions are organized:
by a hierarchy of targets rather than by whatever feels most urgent that day.

## 2. Agreeing goals

The client's own goals, framed as steps toward a life worth living, are connected to the targets
DBT will work on. A client who wants to hold on to her job can see how self-harm after arguments at
work, and the sick days that follow, stand between her and that goal. Reducing life-threatening
behavior is not left to negotiation, though: in standard DBT, agreeing to work on suicidal and
self-harm behavior is one of the client agreements made before treatment starts, alongside a year
of treatment, attending sessions and skills training. It is a condition of taking part. The
therapist's task is to help the client see that condition as serving her own goals, so that it is
held as hers and not only as a rule handed down.

## 3. Commitment

DBT treats commitment as a behavior: it can be drawn out, strengthened, and lost again. The
therapist uses specific commitment strategies (module 4 covers them) and does not assume that a
quick "yes" in the first meeting will hold. Commitment is revisited whenever it weakens, for
example after a setback or before a demanding piece of work.

## A brief example

A man in his forties is referred after an overdose. He agrees to "give therapy a go" but calls the
skills group a waste of time. After assessing his current risk, the therapist does not launch into
a detailed review of the overdose. She orients him to what the group is for, ties it to his goal
of getting back to work, and asks for a specific commitment to attend for the length of the
program.

## Key points

- Pre-treatment has three tasks: orientation, agreeing goals, and commitment.
- An informed commitment is the foundation the rest of the treatment stands on.
- Commitment is revisited, not assumed.
""",
        },
        {
            "title": "The stages of DBT",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Stages follow the client, not the calendar

DBT describes treatment in stages. A client's stage reflects how severe and how out of control
their difficulties are right now, not how many weeks they have attended. Each stage has its own
overall aim.

## Stage 1: from behavioral dyscontrol to behavioral control

Stage 1 is for clients whose behavior is dangerous or chaotic: suicide attempts, self-injury,
behavior that keeps them from engaging in treatment, and crises that overwhelm daily life. The aim
is control over behavior. Standard DBT was built for this group (chronically suicidal clients), and
most of this course concerns stage-1 work. Its targets are ordered in a hierarchy, covered in the
next lesson.

## Stage 2: from quiet desperation to emotional experiencing

Once behavior is under control, a client may still be suffering intensely on the inside. Stage 2
addresses that inner suffering and the avoidance of emotion that sustains it, for example through
exposure-based treatment of post-traumatic stress. Intense emotional work asks the client to
tolerate distress without falling back on dangerous ways of escaping it, so it waits until the
client is ready for it.

"Ready" need not mean that stage 1 is finished. The DBT Prolonged Exposure protocol developed by
Melanie Harned brings trauma-focused exposure into DBT, often within the first treatment year,
once the client meets explicit readiness criteria: for example, no imminent risk of suicide, no
recent self-harm, and both the ability and the willingness to experience intense emotions
without escaping them. Until those criteria are met, stage-1 targets come first.

## Stage 3: ordinary problems of living

Stage 3 targets the difficulties many people face: problems in relationships or work, lingering
unhappiness, and building self-respect. The work resembles much ordinary outpatient therapy.

## A possible stage 4

Later descriptions of DBT add a fourth stage aimed at a capacity for sustained joy. Sources
differ on it, and programs vary in whether they use it, so treat it as an optional extension rather
than a fixed part of the model.

## Movement between stages

The stages are not a one-way ladder. If life-threatening behavior returns during stage-2 or stage-3
work, stage-1 targets take priority again until control is regained.

## Key points

- Stage 1: from dyscontrol to control. Stage 2: from quiet desperation to emotional experiencing.
  Stage 3: problems of living and self-respect.
- The stage reflects the client's current level of disorder.
- Trauma-focused exposure starts when readiness criteria are met, which in DBT Prolonged
  Exposure can be within the first treatment year.
- Dangerous behavior always brings stage-1 priorities back to the front.
""",
        },
        {
            "title": "The stage-1 target hierarchy",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Why a hierarchy

Stage-1 clients often arrive with many problems at once. Without a rule for what comes first,
sessions drift toward the most recent crisis and the most dangerous behavior can go untreated for
weeks. DBT solves this by ranking stage-1 targets in a fixed order of priority.

## The four targets, in order

1. **Life-threatening behaviors**: suicide attempts, self-injury, suicidal ideation and urges,
   suicide threats, and homicidal behavior.
2. **Therapy-interfering behaviors**: anything, by the client or the therapist, that gets in the
   way of treatment taking place or working, such as missed or late sessions and
   non-collaboration.
3. **Quality-of-life-interfering behaviors**: problems serious enough to block a reasonable life,
   such as substance use, serious co-occurring disorders, and crises over housing, work or legal
   matters.
4. **Increasing behavioral skills**: building the capabilities that replace problem behavior.

The logic is simple. A client who dies cannot be helped; a client who is not in therapy, or whose
therapy is stalled, cannot be helped much; and skills matter because they make the first three
targets achievable.

## In the session

The hierarchy decides how session time is spent. Imminent risk is dealt with first, before the
therapist reviews the past week. After that, if the diary card shows self-injury since the last
session, that behavior gets attention before the client's conflict with a landlord, even if the
landlord feels more pressing to the client. The therapist explains this openly, so the order does
not feel arbitrary.

## Lower targets are not ignored

Ranking does not mean waiting. A chain analysis of self-injury often leads straight to a
quality-of-life problem, such as drinking that lowered the client's guard, and to the skills that
could have helped. Skills are taught mainly in group; the individual therapist helps the client
apply them to the targets at hand.

## Key points

- Order: life-threatening, therapy-interfering, quality-of-life-interfering, increasing skills.
- Imminent risk comes before the review of the week.
- The hierarchy sets priority, not exclusion.
""",
        },
        {
            "title": "Therapy-interfering behavior: the client's and the therapist's",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## A target on both sides of the room

The second stage-1 target is unusual because it applies to **both** people in the relationship.
DBT assumes that therapists, like clients, sometimes behave in ways that make treatment less
likely to work, and it names those behaviors as targets rather than leaving them unspoken.

## Client behaviors

Common examples include:

- missing sessions or group, or arriving late;
- not completing the diary card or skills homework;
- non-collaboration in session, such as not answering, changing the subject whenever a target
  comes up, or refusing to work on agreed goals;
- behavior that pushes the therapist past their limits and risks burning them out.

These are approached like any other target: defined specifically, understood (often with a chain
analysis), and solved. They are not treated as proof that the client is unmotivated or
manipulative; the consultation team's stance of non-pejorative interpretation applies here too.

## Therapist behaviors

Examples on the therapist's side include:

- cancelling or repeatedly rescheduling sessions, or arriving late;
- forgetting to review the diary card, or letting the session drift away from the hierarchy;
- being unavailable for coaching that was agreed;
- losing the balance between acceptance and change, for example validating without ever asking
  for change, or pushing change without validating.

A therapist who notices such a pattern raises it in the consultation team, which exists to keep
therapists capable and motivated. Where the behavior affected the client, the therapist names it
in session and takes responsibility for repairing it.

## An example

A therapist notices she has moved a client's session three times in a month, each time for a
reasonable reason. In consultation, the team helps her see the pattern and notice that it began
when the client's sessions became tense. She then names the pattern with the client and commits to
protecting the session time.

## Key points

- Therapy-interfering behavior belongs to the client or the therapist.
- A therapist cancelling sessions is therapy-interfering behavior.
- Treat it as a behavior to understand and change, not as a character flaw.
""",
        },
        {
            "title": "The dialectical dilemmas",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Secondary targets

Alongside the primary targets, DBT describes **secondary targets**: patterns that keep problem
behavior going. Linehan organized them as three **dialectical dilemmas**. Each dilemma is a pair of
opposite patterns, and clients tend to swing between the two poles rather than settle at either.
The aim is not to trade one pole for the other but to reach a more balanced synthesis.

## 1. Emotional vulnerability and self-invalidation

At one pole, the client experiences emotions as overwhelming and out of control. At the other, the
client turns on those same emotions, dismissing them, judging herself harshly for having them, or
holding herself to standards no one could meet. The pattern mirrors the biosocial theory: a
sensitive emotional system at one end, an internalized invalidating environment at the other. The
synthesis involves recognizing emotions as real and understandable while learning to regulate them.

## 2. Unrelenting crises and inhibited grieving

Some clients live in a rapid series of crises, each arriving before the last is resolved. At the
opposite pole, they avoid painful emotions linked to loss or trauma, cutting off grief before it
can run its course. The synthesis involves stabilizing the crises enough that painful emotions can
be experienced gradually rather than avoided.

## 3. Active passivity and apparent competence

In active passivity, the client approaches problems passively and looks to others to solve them,
often urgently. In apparent competence, the client looks more capable than she is at that moment,
so others do not see the need for help; her competence may hold in one mood or setting and vanish in
another. The synthesis involves asking for help effectively while building real, reliable
competence.

## Using the dilemmas

The dilemmas help a therapist understand why a client who seemed fine last week is in crisis today,
or why asking for help seems so hard. They also guide the dialectical stance: validating the truth
in each pole while working toward balance.

Adaptations for adolescents and families describe further dilemmas at the family level; programs
differ in whether and how they use them.

## Key points

- Emotional vulnerability versus self-invalidation.
- Unrelenting crises versus inhibited grieving.
- Active passivity versus apparent competence.
""",
        },
        {
            "title": "Exercise: setting priorities for one week",
            "kind": "exercise",
            "estimated_minutes": 20,
            "body": """## The task

Read the invented case below, then write brief answers to the four questions. Work on your own
first, then compare your answers with the notes at the end.

## The case

D., a client in her twenties, is four months into stage-1 DBT. Her diary card for the past week
shows:

- urges to self-harm rated high on three days, and one episode of cutting on Thursday;
- two nights of heavy drinking;
- a missed skills group on Tuesday;
- a letter from her landlord warning of eviction over late rent;
- very little skills practice marked.

She arrives fifteen minutes late, says the landlord letter is the only thing she wants to discuss,
and mentions that she felt "ready to give up" last night. You also recall that you rescheduled her
previous session twice.

## Questions

1. What do you do first, before reviewing the diary card?
2. Rank the remaining behaviors by the stage-1 hierarchy.
3. Which therapy-interfering behaviors are yours, and where will you take them?
4. How will you explain the session's order to D. without invalidating her concern about housing?

## Notes for comparison

- Her comment about giving up calls for a current risk assessment first.
- The cutting is the highest-priority behavior from the week and is the natural place for a chain
  analysis; the drinking may turn up as a link or a vulnerability factor.
- The missed group and lateness are therapy-interfering, and so is your rescheduling: raise it with
  your consultation team and acknowledge it with D.
- The eviction threat is a quality-of-life target. Validate its urgency and, if time allows, plan
  for it once the higher targets have been addressed.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: stages and targets",
        "gift": """// The stage-1 target hierarchy, in order of priority.
// dbt: kind=ordering
::Stage-1 hierarchy::Put the four stage-1 targets of DBT in order of priority, highest first. {
    =Life-threatening behaviors -> 1#First, because a client who dies cannot be helped by any treatment.
    =Therapy-interfering behaviors -> 2#Second, because treatment cannot help if it is not taking place or not working.
    =Quality-of-life-interfering behaviors -> 3#Third, once the client is safe and the therapy is working.
    =Increasing behavioral skills -> 4#Fourth, and skills serve all the targets above it.
    ####The order is life-threatening, therapy-interfering, quality-of-life-interfering, then increasing behavioral skills.
}

::Therapist cancelling::A therapist who repeatedly cancels or reschedules a client's sessions is showing therapy-interfering behavior. {T#Therapy-interfering behavior can come from the therapist as well as the client, and cancelling sessions is a clear example.#Correct. Therapy-interfering behavior belongs to either side of the relationship, and the therapist takes it to the consultation team.}

::Imminent risk first::A client arrives saying she has a plan to kill herself tonight. She also wants to talk about an argument with her sister. In a stage-1 session, what comes first? {
    =Assessing and addressing the imminent risk#Correct. Imminent risk is handled before anything else, including the review of the past week.
    ~Reviewing the diary card for the past week#The diary card review comes after imminent risk has been dealt with.
    ~The argument with her sister, since she raised it#Her concern deserves validation, but imminent risk comes first.
    ~Skills homework from the last group#Skills matter, but they are the lowest of the four targets.
}

::Which stage::A client has had no self-harm or suicidal behavior for a year and now wants to work on post-traumatic stress through exposure-based treatment. In the standard stage model, this work belongs to which stage? {
    ~Pre-treatment#Pre-treatment covers orientation, goals and commitment.
    ~Stage 1#Stage 1 moves the client from behavioral dyscontrol to control, which this client has already achieved.
    =Stage 2#Correct. Stage 2 moves from quiet desperation to emotional experiencing, for example through exposure for post-traumatic stress, once the client is ready (no imminent suicide risk, no recent self-harm, able and willing to experience intense emotions).
    ~Stage 3#Stage 3 concerns ordinary problems of living and self-respect.
}

::Quality of life::Which of these are quality-of-life-interfering behaviors? Choose all that apply. {
    ~%50%Heavy drinking on most weekends#Yes. Substance use is a typical quality-of-life-interfering behavior.
    ~%50%A housing crisis that puts the client at risk of eviction#Yes. Housing, work and legal crises belong to this target.
    ~%-50%Cutting her forearm after an argument#No. Self-injury is a life-threatening behavior, the highest target.
    ~%-50%Regularly arriving late to sessions#No. Lateness is a therapy-interfering behavior.
    ####Quality-of-life-interfering behaviors include substance use, serious co-occurring disorders, and housing, work or legal crises.
}

::Dialectical dilemmas::Match each pole of a dialectical dilemma with its opposite pole. {
    =Emotional vulnerability -> Self-invalidation#Overwhelming emotion at one pole, dismissing and judging those emotions at the other.
    =Unrelenting crises -> Inhibited grieving#One crisis after another at one pole, avoiding painful emotions about loss at the other.
    =Active passivity -> Apparent competence#Looking to others to solve problems at one pole, looking more capable than one is at the other.
    ####The three dialectical dilemmas are DBT's secondary targets, and the aim is a synthesis between the poles.
}

::Pre-treatment::What are the tasks of pre-treatment in DBT? {
    =Orientation to the treatment, agreeing goals, and commitment#Correct. Pre-treatment prepares an informed commitment before stage-1 work begins.
    ~Chain analysis of the most recent self-harm#Chain analysis belongs to treatment itself, once the client has committed.
    ~Exposure work for trauma#Exposure belongs to stage 2 in the standard model.
    ~Teaching the full skills curriculum#The skills curriculum is taught in group during treatment.
}
""",
    },
}

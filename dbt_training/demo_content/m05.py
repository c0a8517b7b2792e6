"""Module 5: Validation and dialectical strategies (demo course content, written for this project)."""

MODULE = {
    "title": "Validation and dialectical strategies",
    "summary": (
        "How the individual therapist balances acceptance and change in the room: the six levels "
        "of validation, reciprocal and irreverent communication, and the dialectical strategies "
        "that hold the treatment together."
    ),
    "component": "individual_therapy",
    "treatment_priority": "",
    "skills_module": "",
    "components": [],
    "treatment_priorities": [],
    "skills_modules": [],
    "treatment_stage": "",
    "release_offset_days": 7 * (5 - 1),  # module 5 opens four weeks after the cohort starts
    "due_offset_days": 7 * (5 - 1) + 13,  # due two weeks after it opens
    "lessons": [
        {
            "title": "Validation: the acceptance side of the work",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Why validation sits at the core

DBT organizes the therapist's strategies in groups: dialectical, core, stylistic, case
management, and the integrative strategies for particular situations. The **dialectical
strategies** run through everything. Beneath them sit two **core strategies** that pull in opposite directions:
**validation**, the acceptance strategy, and **problem solving**, the change strategy. Most
sessions move back and forth between the two many times.

The reason goes back to the biosocial theory. Many clients arrive after years in an
**invalidating environment**, where their private experience was dismissed, punished or
ignored, and where problems were treated as easier to solve than they were. A therapist who
offers only change strategies risks repeating that history: the client hears "you are the
problem" and either withdraws or escalates. A therapist who offers only acceptance leaves real
suffering, and often real danger, untouched. DBT asks for both.

## What validating means

To validate is to communicate that something in the client's response makes sense: that an
emotion, thought or urge is understandable given the facts, the client's history or how people
work in general. It is a search for the part of the response that is valid, not a blanket
endorsement.

**Validation is not approval.** A therapist can validate that the urge to self-injure makes
sense as a way to get relief from overwhelming pain, and in the same breath say that self-injury
remains the first target and will be analyzed in detail. Validating the emotion does not mean
validating every behavior that followed it.

## What it does in session

- It lowers emotional arousal enough for the client to think and learn.
- It tells the client the therapist has understood, which makes change requests easier to hear.
- It models self-validation for clients who habitually dismiss their own experience.
- It strengthens the relationship that carries the client through hard change.

In the next lesson we look at the six levels at which a therapist can validate.""",
        },
        {
            "title": "The six levels of validation",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Six ways to convey "this makes sense"

Linehan (1997) described validation at six levels. Higher levels are not always better; a skilled
therapist moves between them as the moment requires. The examples below follow one invented
client, Dana, who missed last week's session and says she "couldn't face coming in".

### Level 1: Listen and observe

Stay fully awake to the client: attentive, interested, not planning the next intervention while
she talks. Unhurried attention is itself a message that her experience matters.

### Level 2: Accurate reflection

Say back what the client has said, without adding or distorting: "So last Tuesday you got as far
as the parking lot and then turned around."

### Level 3: Articulate the unverbalized

Name what the client has not said but is likely experiencing, and check it: "I wonder if part of
it was dreading that I'd be disappointed in you?" The therapist offers a guess and accepts
correction.

### Level 4: Validate in terms of sufficient causes

Show that the response makes sense given its causes, such as **past learning or biology**: "After
years of being told off every time you fell short, it makes sense that walking in here after a
hard week felt like walking into trouble." The behavior may not fit the present situation, but
it has understandable causes.

### Level 5: Validate as reasonable now

Show that the response fits the current context or is what most people would feel: "Almost
anyone would feel uneasy coming back after missing a week." Where a response is valid in the
present, say so; do not fall back on history alone, which can imply the client's reaction is
only a symptom of her past.

### Level 6: Radical genuineness

Treat the client as a capable equal rather than as fragile or as a diagnosis. The therapist
responds as a real person would, for example with frank concern, and trusts the client to handle
a direct reply: "I'm glad you're here. I missed our work last week, and I'd like to understand
what happened so it doesn't keep you away again."

Levels 1 to 3 show the client she has been heard and understood; levels 4 and 5 go further and
say that the response itself makes sense.""",
        },
        {
            "title": "Practice: validating at each level",
            "kind": "exercise",
            "estimated_minutes": 25,
            "body": """## Your task

Read the invented vignette and write one response at each of the six levels of validation.

> Sam, 27, arrives ten minutes late and says: "There's no point in filling in the diary card. I
> already know it's a mess, and you're just going to pick it apart."

1. Write a sentence or two showing **level 1** (how you would attend) and one response each for
   **levels 2 to 6**. Label each response with its level.
2. For level 4, name the sufficient cause you are drawing on (past learning or biology) and check
   whether anything in the vignette supports it.
3. For level 5, decide what in Sam's reaction is reasonable right now, in the present context.
4. Mark which parts of Sam's statement you would **not** validate (for example, not filling in
   the card) and write one problem-solving response that follows your validation.
5. Optional: write one **irreverent** response (see the next lesson) and say what it is meant to
   shift.

Bring your responses to your consultation team or to the live session, and ask a colleague to
identify the level of each without your labels.""",
        },
        {
            "title": "Communication styles: reciprocal and irreverent",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## The stylistic strategies

Besides the core strategies, DBT describes two **stylistic strategies**: two ways of speaking that
the therapist balances in the same way validation is balanced against problem solving.

### Reciprocal communication

The reciprocal style is warm, responsive and engaged. The therapist takes the client's agenda
seriously, answers questions directly and stays genuine rather than hiding behind a professional
role. It includes careful self-disclosure when it serves the client, such as telling a client how
her behavior affects the therapist in the moment:

> "When you say the homework is pointless and then go quiet, I notice I start to feel shut out,
> and I'd rather understand what happened."

Used this way, the therapist's reactions become information the client can learn from,
including about the effect of her behavior on the people around her.

### Irreverent communication

The irreverent style is matter-of-fact, unexpected and sometimes offbeat or humorous. Its purpose
is to jolt a rigid pattern: when a client and therapist are stuck in a familiar exchange, a
response the client does not expect can open space for something new.

> Client, flatly: "I'm just a hopeless case."
> Therapist, matter-of-fact: "Good thing hopeless cases are what I work with. Let's look at your
> diary card."

Irreverence is never contempt. It rests on the same respect and warmth as the reciprocal style,
and the therapist watches its effect closely, returning to validation if the client feels mocked
or dismissed.

### Keeping the balance

Too much reciprocity can turn sessions into comfortable conversation without change; too much
irreverence can feel harsh and invalidating. The skill is moving between the two as the session
needs. A further group, the case management strategies, has its own pair to balance:
consultation-to-the-patient and environmental intervention, covered in module 10; the same group
also includes the therapist's own use of supervision and consultation.

These are not the last of the strategy groups. Linehan's treatment manual also describes
**integrative**, or special, strategies: structured ways of combining the others for situations
that come up again and again. They cover suicidal behavior, crises, therapy-interfering behavior,
telephone contact, ancillary treatment such as medication or hospital stays, and the
client-therapist relationship itself. This module stays with the stylistic and dialectical
strategies; several of the situations the integrative strategies address appear in modules 3, 4
and 10.""",
        },
        {
            "title": "Dialectical strategies in session",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## The overarching strategy

The dialectical strategies sit above all the others. They keep the therapist looking for what is
valid on both sides of a tension, acceptance and change above all, and for a synthesis that moves
the client forward, rather than declaring one side right. Several specific strategies put that
stance into practice.

## Specific strategies

- **Entering the paradox.** Point out a real contradiction and stay with it rather than resolving
  it too quickly, for example that a client is doing the best she can and also needs to do
  better. Holding both can free the client from an either/or trap.
- **Metaphor.** Stories and analogies let a client consider an idea without feeling accused. A
  therapist might compare early skills practice to rehabilitation after an injury: slow, awkward,
  and the way strength comes back.
- **Devil's advocate.** The therapist argues against a change the client is considering, so that
  the client argues for it and strengthens the commitment. It also appears among the commitment
  strategies.
- **Extending.** The therapist takes a client's statement more seriously than the client meant
  it. If a client says she will quit therapy unless her appointment is moved, the therapist treats
  ending treatment as a serious topic to discuss, rather than arguing about the appointment.
- **Activating wise mind.** Ask the client to pause and check what her wise mind knows, rather
  than answering for her.
- **Making lemonade out of lemons.** Find the useful side of a difficulty, such as treating a
  setback as a chance to practice skills, without brushing aside the pain in it.
- **Allowing natural change.** Do not hold everything artificially fixed. Ordinary changes in the
  treatment setting are allowed to happen and become opportunities to practice flexibility.

## A brief example

A client insists she must either cut off her mother entirely or put up with every insult. The
therapist enters the paradox (both options feel impossible, and both are understandable), asks
the client to consult wise mind, and together they look for a third path: limits she can state
and keep. Neither side is declared wrong; a synthesis emerges.""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: validation and dialectics",
        "gift": r"""// Module 5 knowledge check

// dbt: kind=ordering
::Validation levels in order::Put the six levels of validation in order, from level 1 to level 6. {
    =Listen and observe -> 1
    =Accurate reflection -> 2
    =Articulate the unverbalized -> 3
    =Validate in terms of sufficient causes -> 4
    =Validate as reasonable now -> 5
    =Radical genuineness -> 6
    ####The levels run from attentive listening through reflection and naming what is unsaid, to validating by causes, by present reasonableness, and finally responding as a genuine equal.
}

::Level 6::Which response is at level 6 of validation? {
    =Responding frankly as one capable equal to another, without treating the client as fragile#Right. Level 6 is radical genuineness\: the therapist treats the client as a capable person and answers as a real person would.
    ~Saying back accurately what the client has just said#That is level 2, accurate reflection.
    ~Explaining the reaction by the client's past learning#That is level 4, validating in terms of sufficient causes.
    ~Naming a feeling the client has not put into words#That is level 3, articulating the unverbalized.
}

::Level 4::A therapist says\: "Given how often you were punished for crying as a child, it makes sense that you hold back tears here." At which level is this validation? {
    =Level 4, in terms of sufficient causes#Right. Level 4 shows that a response makes sense given its causes, such as past learning or biology.
    ~Level 2, accurate reflection#Reflection only repeats what the client said; this response explains the reaction by its history.
    ~Level 5, reasonable now#Level 5 shows the response fits the present context; this one draws on the past.
    ~Level 6, radical genuineness#Radical genuineness is a way of relating as an equal, not an explanation by causes.
}

::Not approval::Validating a client's urge to self-injure means approving of self-injury. {F#Validation is not approval.#Correct. The therapist can validate that the urge makes sense as an attempt to escape unbearable pain while still treating self-injury as the first target.}

::Balanced pairs::Match each strategy with the strategy DBT balances it against. {
    =Validation -> Problem solving
    =Reciprocal communication -> Irreverent communication
    =Consultation-to-the-patient -> Environmental intervention
    ####Three of the strategy groups are built around a pair that the therapist moves between\: the core strategies, the stylistic strategies and the case management strategies. The dialectical strategies run through all of them, and the integrative strategies combine them for particular situations.
}

::Dialectical strategies::Which of these are dialectical strategies? Choose all that apply. {
    ~%25%Entering the paradox#Yes. Holding a real contradiction without resolving it too quickly.
    ~%25%Metaphor#Yes. Analogies and stories that let the client consider an idea without feeling accused.
    ~%25%Extending#Yes. Taking the client's statement more seriously than it was meant.
    ~%25%Making lemonade out of lemons#Yes. Finding the useful side of a difficulty.
    ~%-50%DEAR MAN#No. DEAR MAN is an interpersonal effectiveness skill taught to clients.
    ~%-50%Diary card review#No. The diary card is an individual therapy tool, not a dialectical strategy.
}

::Irreverence::A client says flatly that she is "a hopeless case". The therapist replies in a matter-of-fact tone\: "Good thing hopeless cases are what I work with. Let's look at your diary card." Which stylistic strategy is this? {
    =Irreverent communication#Right. An unexpected, matter-of-fact reply meant to jolt a stuck pattern, offered with respect rather than contempt.
    ~Reciprocal communication#Reciprocal communication is warm and responsive, with genuine self-disclosure; this reply is deliberately offbeat.
    ~Environmental intervention#Environmental intervention is a case management strategy, not a way of speaking.
    ~Accurate reflection#Accurate reflection repeats the client's words; this reply does something unexpected.
}
""",
    },
}

"""Module 4: Individual therapy tools (demo course content, written for this project)."""

MODULE = {
    "title": "Individual therapy tools",
    "summary": (
        "The working tools of the DBT individual therapist: the diary card, a session agenda set "
        "by the target hierarchy, behavioral chain analysis and solution analysis, and the "
        "strategies used to build and keep a client's commitment."
    ),
    "component": "individual_therapy",
    "treatment_priority": "",
    "skills_module": "",
    "components": [],
    "treatment_priorities": ["life_threatening", "therapy_interfering", "quality_of_life"],
    "skills_modules": [],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * (4 - 1),
    "due_offset_days": 7 * (4 - 1) + 13,
    "lessons": [
        {
            "title": "The diary card",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## What it is for

The diary card is a one-page record the client fills in **every day** and brings to each
individual session. The therapist reviews it at the start of the session, and it shows at a glance
which targets were active during the week. It replaces the vague answer "it was a bad week" with
specific information: which days, which urges, how strong, and what the client did.

## Typical fields

Cards differ between programs, and so do their rating scales. A common layout includes:

- **urges** rated 0 to 5, for example to die by suicide, to self-harm, or to use substances;
- **actions**: whether the client acted on those urges (yes or no, or a count);
- a rating of **suicidal ideation**;
- **emotions** rated 0 to 5, such as misery, anger, fear, sadness, shame and joy;
- the client's **personal target behaviors**, agreed with the therapist;
- a **skills-use rating** (for example 0 to 7) and a checklist of skills practiced;
- space for **notes**.

Adapt the card to the client's targets. A client whose main quality-of-life target is bingeing
should see that behavior on the card; one whose targets do not include substance use may need
different rows.

## Why daily

Memory is unreliable, especially for someone whose emotions run high. Filling the card in daily
captures the week as it happened and gives the client a daily moment of self-observation. A card
completed in the waiting room from memory is better than nothing, but it is less accurate.

## When the card does not arrive

Not completing the card is treated as a therapy-interfering behavior: something to understand and
solve, not to punish. A client may find the card shaming, forget it, or fear the therapist's
reaction to what it shows. Each of those leads to a different solution. Some therapists ask the
client to fill in what they can at the start of the session so the review can still happen.

## Key points

- Filled in daily, reviewed at the start of each session.
- Fields and scales vary by program; fit the card to the client's targets.
- A missing card is a target in its own right.
""",
        },
        {
            "title": "Setting the session agenda",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## The card sets the agenda

In DBT individual therapy the agenda is not chosen by whatever feels most urgent when the client
walks in. It follows from the diary card, read through the stage-1 target hierarchy.

## A typical sequence

1. **Imminent risk first.** If the client is at acute risk now, that is addressed before anything
   else, including the review of the week.
2. **Review the card.** Therapist and client look at the week together and note the targets that
   were active.
3. **Life-threatening behavior.** If any occurred since the last session, or urges were high, that
   becomes the main work of the session, usually through a chain analysis.
4. **Therapy-interfering behavior.** Lateness, a missing card, missed group, or something the
   therapist did that got in the way.
5. **Quality-of-life-interfering behavior.** Substance use, a housing or work crisis, or another
   serious problem.
6. **Skills.** Woven through the session rather than left for the end: the solution analysis for
   each target draws on skills the client is learning in group.

Not every session contains every step. If nothing life-threatening happened and therapy is going
smoothly, the session may be devoted to a quality-of-life target.

## The client's topics

Clients bring their own concerns, and those concerns matter. The hierarchy decides the order, and
the therapist says so openly, often linking the client's topic to the target being worked on. A
fight with a partner that preceded self-harm, for instance, will come up naturally in the chain
analysis of that self-harm.

## A brief example

A client's card shows an urge to self-harm rated 4 on Saturday, no self-harm, heavy drinking on
Saturday night, and a high skills rating for the rest of the week. She wants to talk about a job
interview. There is no imminent risk. The therapist praises the skills use, then proposes a chain
analysis of Saturday: the high self-harm urge is the highest target present; the drinking that
night will likely show up in the chain. They agree to spend the last part of the session preparing
for the interview.

## Key points

- Imminent risk, then the card, then the targets in hierarchy order.
- Skills run through the whole session.
- Explain the order; link the client's topics to the targets.
""",
        },
        {
            "title": "Behavioral chain analysis",
            "kind": "reading",
            "estimated_minutes": 30,
            "body": """## Purpose

A behavioral chain analysis reconstructs, in detail, how one specific instance of a problem
behavior came about. It treats the behavior as the last link in a chain of events, each link making
the next more likely. Once the chain is visible, therapist and client can see where it could have
been broken.

## The steps

1. **The problem behavior.** Define it precisely: what the client did, when, and how intensely.
   "Cut my arm three times with a razor on Thursday around 11 p.m." is workable; "had a bad night"
   is not.
2. **The prompting event.** The event that set the chain off, usually something in the
   environment (a message, a remark), sometimes an internal one such as a memory.
3. **Vulnerability factors.** What made the client more susceptible that day: poor sleep, illness,
   alcohol or drugs, ongoing stress, hunger. These do not cause the behavior, but they lower the
   threshold.
4. **The links.** Moment by moment, what happened between the prompting event and the behavior:
   thoughts, emotions, bodily sensations, urges, actions, and further events.
5. **The consequences.** What followed, both in the short term and in the long term, for the
   client and for others. Short-term consequences, such as relief from unbearable emotion, often
   explain why the behavior keeps happening; long-term ones show its cost.

The analysis then moves to solutions, covered in the next lesson.

## Doing it well

- **Stay specific.** Slow the client down whenever the account jumps ahead: "Then what happened?
  What did you feel right then?"
- **Stay curious, not blaming.** The stance is that the behavior makes sense as an attempt to
  regulate emotion; the task is to understand it, not to judge it.
- **Look for the links that matter.** Not every detail is equally important. Mark the points where
  the urge rose sharply or where a different action was possible.
- **Write it down**, on paper or a whiteboard, so the chain is visible to both of you.

## A brief example

Prompting event: a friend cancelled plans by text. Vulnerability: three hours of sleep and an
empty stomach. Links: the thought "nobody wants me", shame, a tight chest, an urge to cut, going to
the bathroom. Behavior: cutting. Short-term consequence: the shame eased. Long-term: hiding the
wounds, and the belief "I can't cope" grew stronger.

## Key points

- One specific instance of one specific behavior.
- Prompting event, vulnerability factors, links, consequences.
- Understanding comes before solutions.
""",
        },
        {
            "title": "Solution analysis, repair and commitment",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## From understanding to change

A chain analysis that stops at understanding leaves the client knowing why she cut but not how to
do anything different. The **solution analysis** is where the change half of DBT does its work.

## Three places to intervene

- **At each important link**: what skill could the client have used at that moment? A sharp rise
  in an urge might call for a distress tolerance skill such as TIP; shame that follows a thought
  like "nobody wants me" might call for checking the facts; an urge to withdraw might call for
  reaching out to someone instead.
- **At the vulnerability factors**: how can the client reduce them? Sleep, eating and substance use
  are the obvious candidates, and the PLEASE skills address them directly.
- **At the prompting event**: can it be prevented or prepared for? Sometimes a conversation can be
  planned in advance; sometimes a situation can be avoided for a while; sometimes cope ahead can be
  used to rehearse it.

Choose a small number of solutions the client believes she can use, rather than a long list. Ask
what might get in the way and plan for that too.

## Repair

Where the behavior harmed someone, including the client herself, a relationship, or the therapy,
the client plans how to repair the harm. Repair is active and specific: what will she do, and when?

## Commitment

The analysis closes with the client's commitment to try the solutions, ideally with a concrete plan
for the next time the prompting event or the urge appears. The commitment strategies in the next
lesson help here.

## A brief example

Continuing the chain from the last lesson: the client agrees to eat before evenings alone, to use
cold water on her face (a TIP skill, after checking it is medically safe for her) when the urge
passes 3, and to text a named friend before going to the bathroom. For repair, she plans to have
the wounds properly looked after rather than hiding them. She commits to trying the plan for the
coming week and rating it on her card.

## Key points

- Solutions target the links, the vulnerability factors and the prompting event.
- A few workable solutions beat many theoretical ones.
- Close with repair and commitment.
""",
        },
        {
            "title": "Commitment strategies",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Commitment as a behavior

DBT treats commitment as something the therapist actively builds, both at the start of treatment
and whenever it falters. Several strategies are used, often in combination.

## Pros and cons

The therapist helps the client weigh the advantages and disadvantages of changing, and of not
changing. Taking the case for the old behavior seriously makes the decision the client's own and
prepares her for the moments when the old behavior looks attractive.

## Devil's advocate

The therapist argues against the commitment, gently enough that the client can win. "This sounds
really hard. Why would you sign up for something this demanding?" The client, arguing for change,
strengthens her own commitment. Judge the intensity carefully; the aim is for the client to argue
for change, not to agree with the therapist's doubts.

## Foot-in-the-door and door-in-the-face

With **foot-in-the-door**, the therapist first asks for something small and easy to agree to,
then builds toward the larger commitment. With **door-in-the-face**, the therapist first asks for
something large, then moves to a smaller request that now seems reasonable by comparison. The two
can be combined. In both, what shrinks or grows is the time frame or the scope of the request; the
target behavior stays the same. Dropping the target to win an easier "yes" is not door-in-the-face,
it is giving up on the target.

## Connecting present commitments to prior ones

When commitment weakens, the therapist reminds the client of what she agreed to earlier and why,
and asks whether that commitment still stands.

## Freedom to choose, absence of alternatives

The therapist emphasizes that the client is free to choose whether to commit, while being honest
that the alternatives are unlikely to get her to her goals.

## Cheerleading and shaping

**Cheerleading** is open encouragement and expressing belief in the client's ability. **Shaping**
reinforces each step toward full commitment rather than waiting for a complete one.

## A brief example

The therapist asks a client to commit to a year without self-harm. When she refuses, the therapist
keeps the target and shrinks the time frame: would she commit to no self-harm until their next
session, a week away? She agrees (door-in-the-face). The smaller request is still a request to stop
self-harm; what gets smaller is the span of time, never the target itself. Later the therapist plays devil's advocate: "Maybe skills are too much to
ask." The client disagrees, arguing for the plan herself.

## Key points

- Commitment is built and rebuilt.
- Know the strategies by name and by how they work.
""",
        },
        {
            "title": "Exercise: a practice chain analysis",
            "kind": "exercise",
            "estimated_minutes": 30,
            "body": """## The task

Choose a recent, minor behavior of your own that you would like to do less of, such as snapping
at someone, checking your phone during a meeting, or skipping a planned workout. Keep it minor and
private; this is practice in the method, not therapy. Write a chain analysis and a solution
analysis for it, following the steps in this module.

## Steps

1. Describe the behavior precisely: what, when, how intense.
2. Name the prompting event.
3. List your vulnerability factors that day.
4. Write the links, moment by moment, as separate lines: thoughts, emotions, sensations, urges,
   actions. Aim for at least six links.
5. Note the short-term and long-term consequences.
6. For each of two or three key links, write a skill or action that could have broken the chain.
   Add one way to reduce a vulnerability factor and one way to prevent or prepare for the prompting
   event.
7. Decide on a commitment for the coming week.

## Reflect

- Where did you find yourself skipping from the prompting event straight to the behavior?
- Which links were hardest to recall, and how would you help a client slow down at that point?
- How did it feel to describe your behavior in detail? Use the answer to shape how you introduce
  chain analysis to clients.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: individual therapy tools",
        "gift": """// The steps of a behavioral chain analysis, as taught in this module.
// dbt: kind=ordering
::Chain analysis steps::Put the steps of a behavioral chain analysis in the order this module teaches them. {
    =Describe the problem behavior precisely -> 1#The analysis starts from one specific instance of the behavior.
    =Identify the prompting event -> 2#Next comes the event that started the chain.
    =Identify the vulnerability factors -> 3#Then what made the client more susceptible that day.
    =Trace the links moment by moment -> 4#Then thoughts, emotions, sensations, urges and actions between the event and the behavior.
    =Note the short- and long-term consequences -> 5#Consequences often show why the behavior keeps happening.
    =Carry out the solution analysis -> 6#Solutions come last, once the chain is understood.
}

::Vulnerability factor::In a chain analysis of a client's self-harm, which of these is best described as a vulnerability factor? {
    =She had slept about three hours the night before#Correct. Poor sleep, illness, substances and stress are classic vulnerability factors that lower the threshold for problem behavior.
    ~Her partner criticized her at dinner#That is the prompting event, the event that set the chain going.
    ~She thought "I always ruin everything"#That is a link in the chain, a thought between the prompting event and the behavior.
    ~She felt relief straight after cutting#That is a short-term consequence.
}

::Door-in-the-face::A therapist first asks a client to commit to stopping all self-harm for a year. When the client refuses, the therapist asks instead for a commitment to no self-harm until their next session, a week away, and the client agrees. Which commitment strategy is this? {
    =Door-in-the-face#Correct. A large request comes first, so that a smaller one seems reasonable by comparison. The target stays the same; only the time frame shrinks.
    ~Foot-in-the-door#Foot-in-the-door works the other way round, starting small and building up.
    ~Devil's advocate#Devil's advocate means arguing against the commitment so the client argues for it.
    ~Cheerleading#Cheerleading is encouragement and expressed belief in the client.
}

::Diary card frequency::A DBT diary card is meant to be filled in once a week, just before the individual session. {F#The card is filled in every day, which gives a more accurate record than memory.#Correct. The card is filled in daily and reviewed at the start of each individual session.}

::Solution analysis::Which of these belong to a solution analysis? Choose all that apply. {
    ~%33.33333%Finding a skill the client could use at a key link in the chain#Yes. Each important link is a place where a skill could break the chain.
    ~%33.33333%Planning how to reduce a vulnerability factor such as poor sleep#Yes. Reducing vulnerability lowers the chance that the chain starts.
    ~%33.33334%Planning how to prevent or prepare for the prompting event#Yes. Sometimes the first link can be avoided or rehearsed.
    ~%-50%Concluding that the client is not motivated enough to change#No. DBT looks for solutions to the behavior, not a judgment of the client.
    ~%-50%Moving on to the next topic once the chain is understood#No. Understanding is not enough; the analysis continues with solutions, repair and commitment.
    ####A solution analysis targets the links, the vulnerability factors and the prompting event, then closes with repair and commitment.
}

::Commitment strategies::Match each commitment strategy with what the therapist does. {
    =Foot-in-the-door -> Asks for something small first, then builds toward a larger commitment#Small request first, larger one later.
    =Devil's advocate -> Argues against the commitment so the client argues for it#The client strengthens her commitment by defending it.
    =Pros and cons -> Weighs the advantages and disadvantages of changing and of not changing#Both sides are taken seriously.
    =Freedom to choose and absence of alternatives -> Stresses the choice is the client's while being honest that other routes will not reach her goals#Both the freedom and the lack of good alternatives are named.
    ####Commitment strategies are used together, both at the start of treatment and whenever commitment weakens.
}

::Agenda::A client's diary card shows one episode of self-injury on Wednesday, a missed skills group and a disagreement with her employer. There is no imminent risk. Which should usually be the main focus of the session? {
    =A chain analysis of the self-injury#Correct. Self-injury is a life-threatening behavior, the highest target present, so it comes before therapy-interfering and quality-of-life targets.
    ~The missed skills group#It is a therapy-interfering behavior and will be addressed, but after the life-threatening behavior.
    ~The disagreement with her employer#It is a quality-of-life concern and comes after the higher targets.
    ~Teaching a new skill from the next group session#Skills are woven in through the solution analysis rather than taught in place of the highest target.
}
""",
    },
}

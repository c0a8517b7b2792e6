"""Module 13: Problem solving beyond the chain (demo course content, written for this project)."""

MODULE = {
    "title": "Problem solving beyond the chain",
    "summary": (
        "What the individual therapist does after, and besides, a chain analysis: finding out why "
        "an agreed effective behavior did not happen (missing-links analysis), working a solution "
        "analysis through to a commitment, and the insight, didactic and orienting strategies that "
        "support change."
    ),
    "component": "individual_therapy",
    "treatment_priority": "",
    "skills_module": "",
    "components": ["phone_coaching"],
    "treatment_priorities": ["life_threatening", "therapy_interfering", "quality_of_life"],
    "skills_modules": [],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * 12,
    "due_offset_days": 7 * 12 + 13,
    "lessons": [
        {
            "title": "Missing-links analysis",
            "kind": "reading",
            "estimated_minutes": 18,
            "body": """## When the problem is something that did not happen

Module 4 taught the behavioral chain analysis, which explains how a problem behavior came about.
In everyday DBT work a different question comes up just as often: the client agreed to do
something effective, and it did not happen. She was going to practice a skill every day, fill in
the diary card, make a phone call, or use a particular skill when an urge rose. Nothing dramatic
took its place; there is simply a gap where the agreed behavior should have been.

A full chain analysis of "not doing something" tends to be slow and shapeless, because there is
no single moment of action to work back from. The **missing-links analysis** is a shorter,
structured way to find out why an expected effective behavior was missing. It is usually done
in a few minutes, and it points straight at the kind of solution that is needed.

## The four questions

The therapist asks four questions, in order. Each answer decides where to go next.

1. **Did the client know what was needed?** Clients often leave a session with a vaguer picture
   of the plan than the therapist believes. Ask the client to say, in their own words, what they
   had agreed to do, when, and in what situation. If the client did not know, or knew only
   roughly, the missing link is information. The first job is to fill that gap: make the plan
   concrete, write it down, and check understanding by having the client describe it back.
2. **Was the client willing to do it?** Knowing is not the same as wanting to. At the moment it
   counted, the skill may have looked pointless, the old behavior may have promised faster
   relief, or the client may have felt resentful about being asked. Unwillingness is common and
   is not a character flaw; it is information about what the plan is up against. If willingness
   was missing, explore what lowered it before adding any new technique.
3. **Did the thought of doing it come to mind?** A client can know the plan and be willing, and
   still never think of it at the moment it was needed. Strong emotion narrows attention, and a
   new behavior is not yet a habit. If the thought never arrived, the missing link is a **cue**.
4. **What got in the way?** If the client knew, was willing and thought of it, something still
   blocked the behavior, either at once or after a delay. Here the analysis becomes a small chain
   of its own: what happened between the thought "I should do the skill" and not doing it?
   Typical blockers are a competing urge, an emotion such as shame or fear, a belief ("it won't
   work", "I'll be a nuisance"), a practical obstacle (no privacy, a flat phone battery), or
   simply not having the skill well enough to use it under pressure.

Answers are often partial: "sort of", "half of me was willing". Follow each partial answer a
little further rather than rounding it to yes or no. Several links can be missing at once.

## Why the order matters

The sequence runs from the simplest explanation to the more complex. Checking knowledge first
avoids a long exploration of motivation when the real problem was an unclear instruction. It also
keeps the stance non-blaming. "She didn't do her homework" slides easily into "she isn't
motivated"; the four questions replace that conclusion with specific, solvable problems.

## Four reasons a skillful behavior does not happen

A common way of thinking in DBT is that a client fails to use a skillful behavior for one or more
of four broad reasons, and each points to a different change procedure:

| what is in the way | change procedure it points to |
|---|---|
| the client does not yet have the skill, or not well enough | skills training: teaching, rehearsal, feedback, practice |
| emotions such as fear or shame block the behavior | exposure-based procedures and emotion regulation skills |
| beliefs or expectations block it | cognitive modification, for example checking the facts |
| the environment rewards the old behavior or punishes the new one | contingency management and changing the environment |

The answers to the missing-links questions, especially the fourth, help sort out which of these is
at work. Often more than one is.

## When to use it

- Homework that was not done, a diary card that was not filled in, a coaching call that was not
  made, a skill that was planned for a situation and not used.
- A therapist's own missing behavior, such as a promised letter that was never written, can be
  looked at the same way in the consultation team.
- If the fourth question opens up a long sequence of events, switch to a full chain analysis.
- If a life-threatening behavior happened in the same period, the chain analysis of that behavior
  comes first, by the target hierarchy. The missing skill will usually appear as a link in that
  chain and can be examined there.

## Stance

Stay curious and matter-of-fact. "Why didn't you do it?" tends to invite defensiveness or an
apology; concrete questions ("When did you first think of the plan on Thursday?") invite a
description. Notice and reinforce what did go well: a client who did not use the planned skill
but also did not self-harm has done something important, and that deserves attention too.

## Key points

- A missing-links analysis asks why an expected effective behavior did not happen.
- Four questions in order: did the client know, were they willing, did the thought occur, what
  got in the way.
- The answers point to solutions: information, willingness, cues, or work on the specific
  obstacle.
""",
        },
        {
            "title": "Solution analysis in depth",
            "kind": "reading",
            "estimated_minutes": 18,
            "body": """## Beyond "use a skill at each link"

Module 4 showed where solutions can go: at the key links of a chain, at the vulnerability
factors, and at the prompting event. This lesson is about how the therapist and client get from a
well-understood problem to a plan the client will actually carry out. Solution analysis is itself
a small problem-solving sequence, and each of its steps can be done well or badly.

## Start from the goal

Before generating solutions, be clear about what the client wants instead. The short-term goal in
the moment ("make the feeling stop now") and the longer-term goal ("keep my job", "stay out of
hospital") can pull in different directions. Naming both helps, because a good solution serves the
long-term goal while still giving the client a realistic way through the moment.

## 1. Generate solutions

Brainstorm first and judge later. The aim at this stage is a list of options, including some that
will be discarded.

- Let the **client generate as much as possible**. People are more likely to use solutions they
  thought of themselves, and the therapist learns what the client believes will work.
- The therapist adds options, drawing on the skills the client is learning in group and on the
  missing links already found.
- Look at every part of the problem: the links, the vulnerability factors, the prompting event,
  and the **consequences**. Sometimes the most useful change is in what follows a behavior, for
  example arranging for an effective behavior to be noticed and rewarded.

## 2. Evaluate solutions

For each option, therapist and client think through:

- **Likely effect**, in the short term and in the long term. A solution that brings quick relief
  at a long-term cost repeats the problem it was meant to solve.
- **Capability**. Can the client actually do this, in the state she is likely to be in when it is
  needed? A skill that works when calm may be out of reach at a very high urge, and may need to
  be paired with a crisis survival skill or practiced first at low intensity.
- **Willingness**. Does the client want to do it? A technically good solution the client dislikes
  is unlikely to be used.
- **Costs and obstacles**: time, money, other people's reactions, privacy, safety. Some skills
  carry medical cautions; cold water on the face from TIP, for instance, needs a check with a
  doctor for some clients first.

## 3. Choose

Select one or a few solutions, not the whole list. Make each specific: what exactly, in which
situation, and with what trigger ("when the urge reaches 3", not "when it gets bad"). Keep the
request within reach: shaping means asking for the next achievable step and reinforcing it, not
demanding the finished behavior at once.

## 4. Troubleshoot

This is the step most often skipped. Ask what could get in the way, and plan for it.

- **Imagine the moment**. Ask the client to picture the likely situation in detail and to notice
  what might stop her.
- **Rehearse in session**. If the plan is paced breathing, do it now, in the room, and give
  feedback. If it is a difficult text or conversation, write or role-play it. Rehearsal also
  checks capability: the therapist sees whether the client can really do what she has agreed to.
- **Plan a backup**. If the first solution does not work, what comes next? For urges to self-harm
  or suicidal urges, the backup includes the client's crisis plan and coaching, as agreed in the
  program.
- **Answer the expected objection**. If the client already suspects "it won't work", plan what
  she will say to herself when that thought arrives.

## 5. Commit

Close with a commitment to the chosen plan, using the commitment strategies from module 4. Record
it so it can be checked: a line on the diary card, a written plan the client keeps. Agree that the
plan will be reviewed at the next session, and review it then. Reinforce any attempt, including
partial ones.

## Matching solutions to what was missing

| what the missing-links analysis found | where solutions usually go |
|---|---|
| the client did not know what was needed | clarify, write it down, check understanding |
| willingness was low | pros and cons, revisit goals, willingness, check the facts about the expected result |
| the thought never came | cues and reminders in the environment, practice until more automatic, cope ahead |
| an emotion blocked the behavior | gradual practice facing the feared step, opposite action |
| a belief blocked it | check the facts, build a coping statement |
| the environment punished or ignored the new behavior | contingency management, change the setting, coach the client to deal with others |
| the client lacked the skill | teach, model, rehearse, give feedback, set practice |

## Common pitfalls

- **The therapist does all the generating** and the client nods. The plan belongs to the
  therapist and is unlikely to be used.
- **Too many solutions**. A list of eight skills is a list of eight things not practiced.
- **Solutions that assume calm.** The plan has to work at the intensity the client will actually
  be at.
- **Accepting "I'll try" as the end point.** Without troubleshooting, trying usually means hoping.
- **Rushing to solutions.** Problem solving that comes before the client feels understood can be
  heard as invalidation. DBT balances change with acceptance; a sentence of genuine validation
  before the solution analysis often makes it go faster.

## Key points

- Goal, generate, evaluate, choose, troubleshoot, commit.
- The client generates first; the therapist adds and helps evaluate.
- Check capability by rehearsing in session; plan for obstacles and a backup.
""",
        },
        {
            "title": "Insight, didactic and orienting strategies",
            "kind": "reading",
            "estimated_minutes": 18,
            "body": """## Three more tools on the change side

Chain analysis and solution analysis are the best-known DBT problem-solving tools, but the
therapist uses several others alongside them. This lesson covers three: insight strategies, which
help the client see patterns; didactic strategies, which give information; and orienting, which
makes clear what a task involves and who does what. All three sit on the change side of DBT and
work best when balanced with validation.

## Insight strategies

Insight in DBT is not an end in itself. The point of seeing a pattern is to change it.

- **Highlighting.** The therapist points out a behavior as it happens in the session. For example,
  a client laughs and changes the subject each time her weekend comes up, and the therapist says,
  "I notice we've moved away from Saturday three times now. What's happening right now?" What
  happens in the room is a sample of what happens outside it, and it can be observed directly
  rather than reconstructed from memory.
- **Observing and describing recurring patterns.** Over several chain analyses and weeks of diary
  cards, the same links often recur: criticism, then shame, then withdrawal, then bingeing. The
  therapist describes the pattern in behavioral terms, with examples, so that it becomes a target
  in its own right.
- **Commenting on what a behavior may do.** The therapist offers hypotheses about the function of
  a behavior ("it looks as if cutting brings relief within minutes") or about its effects on
  other people. This helps the client see what keeps the behavior going.

Guidelines for using insight strategies:

- **Offer observations as hypotheses** and check them with the client. The therapist can be wrong,
  and saying so openly invites collaboration.
- **Function is not intent.** A behavior that brings other people's attention is not proof that
  the client did it in order to get attention. DBT avoids pejorative interpretations such as
  "manipulative"; the consultation team's phenomenological empathy agreement asks for the same.
- **Describe, do not judge.** "Each time a plan changes at short notice, you stop answering
  messages" is usable; "you always sabotage things" is not.
- **Time it.** A client at very high arousal is unlikely to take in a pattern; a moment of calm
  later in the session may be better.
- **Link the pattern to a solution.** An insight that does not lead to a change in the plan has
  done only half its work.

## Didactic strategies

Didactic strategies give the client (and, with consent, family members) information that makes
change more likely. Three areas come up most:

- **Information about behavior.** Behavior is learned and can be changed. A behavior quickly
  followed by relief tends to get stronger, which is why self-harm or bingeing can persist even
  when the client hates them. A behavior that is rewarded only some of the time can be especially
  persistent. Information like this often reduces self-blame: the client's behavior makes sense
  and is not proof that she is "broken".
- **Information about emotions.** What emotions are for, how they show up in the body, why a very
  high level of arousal makes complex skills hard to reach (and therefore why skills are practiced
  first at lower intensity), and how an emotion that is not acted on or fed tends to rise, peak and
  subside.
- **Information about the treatment.** How DBT works, why the diary card and chain analyses
  matter, what the biosocial theory says about how the client's problems developed, and what is
  expected of client and therapist.

Didactic work is brief and tied to the client's own experience, not a lecture. Check
understanding by asking the client to put it in her own words, and offer written summaries or
reading where useful. Information is also a way of normalizing: hearing that a reaction is common
and understandable can lift shame enough for the client to try something new.

## Orienting

Orienting means telling the client, before something happens, what it involves, why it is done,
and what each person's part is.

- **Orienting to tasks.** Before a chain analysis, a missing-links analysis, a new homework
  assignment or an exposure exercise, the therapist explains what will happen, roughly how long
  it takes, what it asks of the client and why it is worth doing.
- **Orienting to roles.** What the client is expected to do (fill in the card, call for coaching
  early, come to group), what the therapist will and will not do (including her own limits), and
  what other members of the team do.

Orienting starts in pre-treatment but does not end there. The therapist re-orients whenever a new
procedure starts, when a client seems confused or reluctant, and after a break in treatment. A
client who does not know what is expected may look unmotivated when she is in fact uninformed,
and a misunderstanding left alone can grow into a therapy-interfering behavior. Orienting also
supports commitment: people agree more readily to something they understand.

## How the strategies work together

In a single session a therapist may orient the client to a missing-links analysis, run it,
highlight a pattern that shows up in it, give a minute of information about why the pattern makes
sense, and move into solution analysis. Validation runs through all of it. An observed pattern
offered without validation can sound like an accusation; the same observation offered with a clear
understanding of why it developed is much easier to hear.

## Key points

- Insight strategies: highlighting in-session behavior, observing and describing recurring
  patterns, commenting on what a behavior may do. Offer them as hypotheses; function is not
  intent.
- Didactic strategies: brief information about behavior, emotions and treatment, tied to the
  client's experience.
- Orienting: explain the task and the roles before starting, and re-orient whenever needed.
""",
        },
        {
            "title": "Worked example: the skill that was not used",
            "kind": "reading",
            "estimated_minutes": 22,
            "body": """## The case

Noor, 29, is four months into stage 1 of a standard DBT program. Her main targets have been
self-harm and long periods of isolation. At the last session she and her therapist agreed on a
plan: when her urge to self-harm reaches 3 on her diary card scale, she does paced breathing for
five minutes (they had practiced it once in session); if the urge is still at 3 or above, she
sends her therapist a text asking for coaching, within the hours the therapist has told her she
is available.

Her diary card for this week shows an urge to self-harm at 4 on Thursday evening for about two
hours, **no self-harm**, very little sleep that night, and a skills rating of 1 for Thursday. She
did not text.

## Step 1: risk first, then the agenda

The therapist first asks about urges right now. Noor rates them at 1 and has no plan to act; there
is no imminent risk. No self-harm happened this week, so there is no chain analysis of a
life-threatening behavior to do. The highest target present is the high self-harm urge, and the
agreed safety plan for it was not used. That becomes the main item.

**Reasoning:** the therapist does not skip past the fact that Noor rode out two hours at 4
without self-harm. She says so warmly and plans to ask what helped. Reinforcing what went right is
part of the work, not a preamble to it.

## Step 2: orient to the task

"I'd like to spend about fifteen minutes on Thursday and the plan we made. Not to catch you out;
the plan didn't work, so it tells us how to build a better one. I'll ask a few questions in a set
order."

**Reasoning:** Noor is prone to shame. Saying what is about to happen, and why, lowers the chance
that she hears the questions as criticism.

## Step 3: the missing-links analysis

**Did she know what was needed?** The therapist asks her to describe the plan in her own words.
Noor says, "Breathe when it gets really bad, then text you." The therapist notes that "really bad"
is not the same as 3; Noor says she had in mind something like a 5. The trigger was vague. The
therapist notes this as the first missing link, but continues, since the urge reached 4 and
neither part of the plan happened.

**Was she willing?** "Honestly, not really. Breathing felt stupid for something that strong. And
texting, I just didn't want to." The therapist validates: a skill practiced once can feel flimsy
against a 4. Willingness was low for both parts, for different reasons, so she asks about each.

**Did the thought occur?** For the breathing, only vaguely. For the text, clearly: "I had my phone
in my hand. I typed 'hi' and deleted it."

**What got in the way?** A short chain follows. After deleting the message she had the thought
"she has her own life, I'd be a burden", felt shame (rated 4), then thought "she'll think I'm
attention-seeking". She put the phone face down and lay on her bed going over the week until she
fell asleep after 1 a.m. Asked about the breathing, she says she had not practiced it since the
session and could not remember how long to breathe out for.

**Reasoning:** the therapist now has several missing links: a vague trigger (knowledge), a skill
not yet learned well enough (capability), a belief that breathing would not help (willingness),
and shame with the belief "I'm a burden" blocking the text (emotion and belief). Each points to a
different kind of solution.

## Step 4: insight and didactic strategies

The therapist **highlights a pattern**, offered as a hypothesis: "I'm noticing something we've
seen before, with your sister and with your manager. When you need something, the thought 'I'm a
burden' arrives and you go quiet. Does that fit?" Noor agrees and adds that asking for things was
treated as selfish at home. The therapist validates that this learning makes sense of the
thought, and that it no longer serves her.

She then gives two pieces of **didactic** information: skills are hardest to reach when arousal is
high, so they need practice when calm; and slowing the breath, with the out-breath longer than the
in-breath, tends to settle the body's arousal, and works better the more it has been practiced.

Finally she **orients Noor to roles** in coaching: "Texting at 3 is exactly what coaching is for.
I would rather hear from you at 3 than not at all. If I ever think the contact is more than I can
manage, I'll tell you directly, so you don't have to guess." This is the therapist observing her
limits openly, which also answers the "burden" belief with facts.

## Step 5: the solution analysis

**Goal.** Noor says she wants to get through nights like Thursday without hurting herself and
without lying awake for hours, and to "be able to ask".

**Generate.** Noor suggests a note by the bed and practicing the breathing. The therapist asks for
more; Noor adds going to the living room if her roommate is in. The therapist adds a pre-written
text saved on her phone, checking the facts on "I'm a burden", and cold water on the face.

**Evaluate.** They talk each option through:

| option | likely to help? | can she do it at a 4? | obstacles |
|---|---|---|---|
| daily breathing practice, 5 minutes | yes, builds the skill | not yet; practice makes it possible | forgetting; link it to brushing teeth |
| written plan with the trigger "urge at 3" | yes, fixes the vague trigger | yes | none much |
| pre-written text | yes, removes the effort of wording it | yes | shame may still stop her |
| check the facts on "burden" | yes, targets the belief | with practice in session | needs work first |
| cold water on the face | often strong for high arousal | yes | Noor is unsure whether her medication affects her heart rate |
| going to the living room | sometimes | yes | roommate often out on Thursdays |

**Choose.** They pick daily breathing practice, a written plan by the bed and in her phone with
the trigger at 3, and the pre-written text, sent if the breathing does not bring the urge below 3.
Cold water waits until Noor has asked her doctor whether it is safe for her.

**Troubleshoot.** "Picture Thursday at 8 p.m., urge at 3, phone in your hand, and the thought
'I'm a burden'. What happens?" Noor: "I'd delete it." They check the facts together and build a
coping statement: "She asked me to text at 3. Texting at 3 is the plan, not a burden." Noor sends
a practice text during the session. They then do paced breathing together for three minutes; the
therapist coaches a longer out-breath and Noor rates her tension before and after. As a backup, if
no reply comes, Noor keeps breathing, gets up and moves to another room, uses her distraction list, and
follows her crisis plan if she feels she cannot keep herself safe.

**Commit.** Noor commits to practicing daily and texting at 3 this week. A new line on her diary
card, "texted at 3: yes/no", makes the plan easy to review next session.

## What to take from this case

- A missing-links analysis took a few minutes and found four separate problems.
- The therapist did not stop at the first missing link.
- Insight, didactic and orienting strategies were short and served the solution analysis.
- Rehearsal in the session tested whether the plan was really within Noor's reach.
""",
        },
        {
            "title": "Exercise: the request that never got made",
            "kind": "exercise",
            "estimated_minutes": 20,
            "body": """## The case

Theo, 41, is in stage 1 of DBT. He has had no self-harm for several months; one of his current
quality-of-life targets is his job, where his shifts keep changing at short notice and he ends up
exhausted and drinking more. Two weeks ago he and his therapist agreed that he would ask his
manager for a fixed schedule, using the DEAR MAN skills he had just learned in group. He said he
felt fine about it.

At today's session he says he has not asked. When the therapist asks him to describe the plan, he
says, "Talk to her about the shifts." He says he does want a fixed schedule. He thinks about the
request mostly at night, when he is lying awake, and "never at work". On the one afternoon it did
cross his mind at work, his manager was busy with a delivery and he "didn't know how to start", so
he left it.

## Questions

1. Work through the four missing-links questions. What does the case tell you for each, and what
   would you still ask?
2. Which of the four broad reasons a skillful behavior does not happen seem to be at work here?
3. Generate at least four possible solutions, evaluate them briefly, and choose two or three.
4. How would you troubleshoot the chosen plan in the session?
5. Where could an orienting, didactic or insight strategy help?

## Model answer

**1. Missing links.**

- *Did he know what was needed?* Only partly. "Talk to her about the shifts" is a topic, not a
  plan. He does not seem to have a DEAR MAN script, a time to ask, or a first sentence. Ask him
  what he would actually say.
- *Was he willing?* He says yes. It is still worth asking gently whether any part of him is
  reluctant, for example out of fear of how the manager will react.
- *Did the thought occur?* Mostly at the wrong time: at night, when he cannot act on it. At work,
  where he can act, it almost never came to mind. That is a missing cue.
- *What got in the way?* On the one occasion it did occur, the manager was busy and he did not know
  how to start. Ask what he felt and thought in that moment: was there anxiety, and a thought such
  as "this is a bad time, I'll look pushy"?

**2. Reasons.** Mainly a capability problem (he has learned DEAR MAN in group but has not applied
it to this request or rehearsed it) and a missing cue. Possibly some anxiety or a belief about
looking pushy, which needs checking before being assumed.

**3. Solutions.** Possible options: write the DEAR MAN script in session; role-play it; ask the
manager by message for a short meeting at a set time, so he does not have to catch her between
tasks; set a reminder for a specific time on a specific day at work; prepare an opening sentence;
use cope ahead for the conversation; ask a coworker how others arranged fixed shifts. Weighing
them: the script and role-play address capability directly; asking for a meeting removes the
"she's busy" obstacle; a reminder at work supplies the cue. A reasonable choice is the script with
role-play, plus a message requesting a meeting, sent at a set time.

**4. Troubleshooting.** Role-play the conversation with the therapist as the manager, including
a manager who says "not now" or "no", and practice the negotiate step. Ask Theo to picture the
moment he sends the meeting request and notice what might stop him. Agree what he will do if the
manager refuses, and record the plan on his diary card.

**5. Other strategies.** Orienting: explain why the plan needs to be specific and why rehearsal
matters. Didactic: a brief note that new skills rarely transfer to a real situation without
practice in something close to it. Insight: if the therapist has seen Theo put off other requests
in a similar way, she can describe that pattern as a hypothesis and ask whether it fits.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: problem solving beyond the chain",
        "gift": r"""$CATEGORY: DBT/Problem solving beyond the chain

// dbt: kind=ordering
::Missing-links sequence::Put the questions of a missing-links analysis in the order this module teaches them. {
    =Did the client know what effective behavior was needed? -> 1
    =Was the client willing to do it? -> 2
    =Did the thought of doing it come to mind at the time? -> 3
    =What got in the way of doing it? -> 4
    ####The questions run from the simplest explanation to the most complex. Checking knowledge first avoids exploring motivation when the real problem was an unclear plan.
}

::Purpose of missing-links analysis::What is a missing-links analysis mainly used for? {
    =Finding out why an agreed effective behavior, such as homework or a planned skill, did not happen#Right. It is a short, structured way of understanding a gap where an expected behavior should have been.
    ~Reconstructing how a self-harm episode came about#That is the job of a behavioral chain analysis, which works back from a specific problem behavior.
    ~Deciding which stage of treatment the client is in#Stages are decided by the client's overall level of behavioral control, not by this analysis.
    ~Choosing which skills module the client should join next#The order of skills modules is set by the program, not by a missing-links analysis.
}

::Solution analysis steps::Which of these are steps of a solution analysis as this module describes it? Choose all that apply. {
    ~%25%Generating possible solutions, with the client contributing as many as possible#Yes. Brainstorming comes first, and judging later.
    ~%25%Evaluating each solution for likely effect, capability, willingness and cost#Yes. A good solution must be one the client can and will use.
    ~%25%Choosing one or a few specific solutions#Yes. A few specific solutions beat a long list.
    ~%25%Troubleshooting what could get in the way, including rehearsal in session#Yes. This is the step most often skipped.
    ~%-50%Having the therapist choose the solutions so the session stays on time#No. Solutions the client had no part in are less likely to be used.
    ~%-50%Adopting every solution generated, to maximize the chance that one works#No. A long list usually means none gets practiced.
    ####After the steps above, the solution analysis closes with a commitment to the chosen plan.
}

::Hypotheses not verdicts::When a DBT therapist points out a pattern she has noticed in a client's behavior, she offers it as a hypothesis and checks whether it fits for the client. {T#It is true. Observations are offered as hypotheses, because the therapist can be wrong and checking invites collaboration.#Right. Insight strategies offer patterns as hypotheses, described without judgment, and link them to change.}

::Strategies and examples::Match each strategy with an example of it. {
    =Highlighting -> Pointing out, as it happens, that the client has changed the subject each time the weekend comes up
    =Observing and describing a recurring pattern -> Noting that criticism, shame and withdrawal have preceded bingeing in several chains
    =Didactic strategy -> Explaining that a behavior quickly followed by relief tends to get stronger
    =Orienting to roles -> Explaining what the client is expected to do in coaching and what the therapist will and will not do
    ####Insight, didactic and orienting strategies sit on the change side of DBT and work best when balanced with validation.
}

::Information about treatment::Which of these is an example of the didactic strategy of giving information about the treatment? {
    =Explaining why the diary card and chain analyses matter and what is expected of client and therapist#Right. Information about how DBT works, and why, is one of the three main areas of didactic work.
    ~Pointing out that the client has just changed the subject again#That is highlighting, an insight strategy.
    ~Asking whether the client knew what the homework was#That is the first question of a missing-links analysis.
    ~Arguing against the client's commitment so that she argues for it#That is devil's advocate, a commitment strategy.
}
""",
    },
}

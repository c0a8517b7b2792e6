"""Module 8: Emotion regulation (demo course content, written for this project)."""

MODULE = {
    "title": "Emotion regulation",
    "summary": (
        "Skills for understanding and naming emotions, changing emotions that do not fit the "
        "facts, solving the problems behind those that do, and lowering vulnerability to emotion "
        "mind: check the facts, opposite action, problem solving, ABC PLEASE and mindfulness of "
        "current emotion."
    ),
    "component": "skills_training_group",
    "treatment_priority": "",
    "skills_module": "emotion_regulation",
    "components": [],
    "treatment_priorities": ["behavioral_skills"],
    "skills_modules": ["emotion_regulation"],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * (8 - 1),
    "due_offset_days": 7 * (8 - 1) + 13,
    "lessons": [
        {
            "title": "What emotions do, and how to name them",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Why this module matters in DBT

In the biosocial theory, emotion dysregulation is the core problem, and behaviors like
self-harm are often attempts to regulate emotion. The emotion regulation module offers other
ways to do that. It is a change-oriented module: it helps clients make sense of what they feel,
shift feelings that are causing harm, and lower how easily they are swept into emotion mind.

## What emotions are for

Clients who have learnt that their feelings are wrong often want to get rid of emotions
altogether. Teaching their functions helps. Emotions:

- **prepare us to act, and fast**, often faster than deliberate thought;
- **send signals that affect how other people respond**, through the face, voice and posture;
- **tell us something about our situation**, a signal that something matters.

The last function has a catch. An emotion is information, not proof. Treating a feeling as a
fact ("I feel afraid, so I must be in danger") is one of the patterns this module works on.

## The parts of an emotion

DBT looks at an emotion as something with parts rather than a single block: what set it off
(outside, like a remark, or inside, like a memory), what the person made of it, what happened in
the body, what they felt pushed to do and what they did, and what lingered afterwards. Each part
is a place where a skill can step in, and naming the parts one at a time makes the emotion itself
easier to name. Use your program's licensed skills materials for the full model.

## In practice

A client says she "felt bad" all week. Walking through the model with her, the therapist and
she find a prompting event (a friend cancelling plans), an interpretation ("she doesn't want to
see me"), a heavy chest, urges to withdraw, and a weekend spent in bed. Together the pieces point
to sadness and some shame, which are different problems from "feeling bad".""",
        },
        {
            "title": "Check the facts",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## The central question

Check the facts asks whether an emotion, **and its intensity**, fits the facts of the situation.
Emotions often respond to interpretations rather than to events, and an emotion built on a
mistaken reading of events can be changed by looking again at the facts.

## How the skill runs

Clinicians sometimes teach this skill as a checklist, but it works better as one conversation
with a few moves. Start by separating what happened from what the client made of it: what could
someone else in the room have confirmed, and what was added afterwards (a motive, a prediction,
a verdict about the self)? Then look for other readings of the same event. A client who can
produce even one plausible alternative has already loosened the hold of the first.

If the emotion is about something that might happen, weigh it honestly: on the evidence so far,
how likely is the outcome the client is bracing for, and if it did happen, how would they get
through it? Clients who have never pictured themselves coping tend to treat the outcome as both
certain and unsurvivable. Only after this does the client decide whether the emotion, at the
strength it has, matches what is actually going on.

## Fit, and degree of fit

Each emotion has circumstances it suits. DBT's skills materials describe these emotion by
emotion, and programs teach the full set from their licensed copies. To give one example: guilt
is on solid ground when a person has acted against standards they genuinely hold themselves.

Fit is also a matter of degree. An emotion can fit while its intensity does not: some anger at a
late bus may fit; rage may not.

## Teaching points

Check the facts is not a way of telling clients that their feelings are wrong. Many emotions
fit, and saying so is validating. Work through the questions with curiosity, not as
cross-examination.

## Example

A client is terrified his supervisor will fire him because she frowned during his presentation.
Checking the facts: the frown was observed; being fired is an interpretation. Other readings are
possible (she was concentrating, or tired). He has had good reviews, and he has a rough idea of
what he would do if the job did end. Some anxiety about the presentation fits; terror about
losing his job does not.""",
        },
        {
            "title": "Opposite action or problem solving",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Two routes to changing an emotion

Once the facts are checked, the path divides:

- When the emotion **does not fit the facts**, the main tool is **opposite action**: acting
  against the emotion's action urge, so that the emotion loses its fuel.
- When the emotion **does fit the facts**, the main tool is **problem solving**: changing the
  situation that keeps prompting it.

Wise mind also asks whether acting on an emotion's urge would be effective at this moment. A
justified emotion still does not have to be acted on in every way it urges.

## Opposite action

Every emotion carries an urge, and acting on the urge tends to keep the emotion going: escaping
confirms the fear, hiding feeds the shame. Opposite action turns that around. A worked case shows
how the pieces fit together.

A client has not driven on the motorway since a near-miss six months ago, and now takes long
detours to work. She names the emotion as fear and the urge as getting off the road. Checking the
facts, she notes that no one was hurt, that her driving record is clean, and that she accepts the
ordinary risks of driving on every other road, so fear at this strength does not fit. The
opposite of escape is approach: she joins the motorway for one junction at a quiet hour, then two,
keeping her shoulders loose and her breathing slow rather than bracing for the next exit.

Two features decide whether this works. First, the whole body takes part, not only the behavior:
posture, face, tone of voice and the running commentary in her head all point the same way.
Driving the stretch with a white-knuckle grip while counting the seconds to the slip road is still,
in effect, escape. Second, once is rarely enough. A well-learned emotion usually shifts only after
several repetitions, so she plans short drives on most days and rates her fear before and after
each.

The same logic applies across emotions. Unjustified anger calls for stepping back from
confrontation and trying to see the other person's side; sadness that does not fit for
re-engaging with people and activities rather than withdrawing; shame that does not fit for
staying visible instead of hiding.

## Problem solving

When the emotion fits, the situation is what needs to change, and the work is the same structured
problem solving used throughout DBT: get precise about what the problem is and what a good-enough
outcome would be, generate options before judging any of them, then try the most promising one
and look honestly at what happened. Other modules often supply the solution, for example an
interpersonal effectiveness skill for making a request.

## Example

Anger that fits: a colleague repeatedly presents a client's work as her own. Problem solving
leads the client to a planned conversation with her manager, prepared with DEAR MAN. Anger that
does not fit: a client is furious with a friend for "ignoring" his messages all day, and checking
the facts shows she was on a long flight. Opposite action here means setting aside the angry
message he had drafted and, when she lands, asking her how the trip went.""",
        },
        {
            "title": "Reducing vulnerability: ABC PLEASE",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Lowering the odds of emotion mind

Some skills change an emotion after it starts; ABC PLEASE makes painful emotions less likely
and less overwhelming in the first place. It links directly to the **vulnerability factors** a
chain analysis looks for.

## A worked case

A 27-year-old graduate student in stage 1 has had no self-harm for two months, but her diary cards
show almost no pleasant emotion, rising shame about an unfinished thesis, and dread of a review
meeting with her supervisor in three weeks. Her therapist uses ABC PLEASE to plan the month.

**Accumulating positive emotions.** Her week contains nothing she enjoys, so the first task is
small and deliberate: a walk with a podcast after lunch, cooking with her flatmate on Thursdays.
They also talk about the bigger change she keeps postponing, rejoining the choir she left when
her degree began, because a few good minutes a day will not carry a life that lacks what she
cares about. She notices that on good evenings she spends much of the time dreading Monday, and
practices bringing her attention back to the evening she is actually in.

**Building mastery.** The thesis has become a source of shame rather than competence. Instead of
"work on the thesis", she picks one task a day that she is fairly sure she can finish (format
the references, rewrite one paragraph) and makes the tasks larger only as she keeps completing
them. The point is the experience of being capable, so early tasks are sized to be done, not to
impress.

**Coping ahead.** Rather than walking through the whole review meeting, they begin with the
moment she dreads most: being asked why the chapter is late. She pictures it in the first person
and the present tense, notices where she freezes, and works out what would help right there
(checking the facts if she hears the question as proof she is failing, a few paced breaths if her
chest tightens). She practices her answer aloud in session until it comes without freezing, and
replays the meeting in her mind twice a week, each time letting something go badly and seeing
herself handle it.

## PLEASE: the body's part

Her chain analyses show that on days she skipped dinner and slept after 3 a.m., small setbacks
pushed self-harm urges to 4 or 5. PLEASE names the physical conditions that raise reactivity
like this: a **physical illness** left untreated (she has been ignoring recurring migraines and
the preventive medication prescribed for them), **eating** that is irregular or out of balance,
mood-**altering** substances (the extra glass of wine on evenings she dreads the review),
**sleep** that is short or irregular, and too little **exercise**. She chooses two, a regular
bedtime and an evening meal, to track on her diary card.

These can sound like generic health advice. In DBT they are treated as skills, sometimes targeted
and tracked on the diary card, because a client running on three hours of sleep and no breakfast
meets every prompting event at a disadvantage.""",
        },
        {
            "title": "Mindfulness of current emotion",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Letting an emotion run its course

Much of the suffering around emotions comes from fighting them: pushing them away, or feeding them
by going over the situation again and again. Mindfulness of current emotion, sometimes nicknamed
riding the wave, offers a third option: let the feeling run its course while you watch it.

## The practice

The instruction is easy to say and hard to follow. The client turns attention toward the emotion
instead of away from it, keeping enough distance to observe rather than be swept along. Sensations
are usually the easiest anchor: heat in the face, a tight throat, a weight in the stomach, and the
way these shift from one minute to the next. She neither tries to shrink the feeling nor to prove
it right, since rehearsing the grievance keeps an emotion going as reliably as suppression brings
it back later. Urges arrive (to text, to leave, to cut) and she notes each one as an urge without
carrying it out.

What often emerges, sometimes for the first time, is the discovery that an emotion is a state she
is passing through rather than a description of who she is. Its intensity at the peak says little
about how long it will last. Underneath the practice is a stance of allowing: the emotion is
unwelcome, and it is here, and both are true at once.

## Why it helps

Clients with a history of dysregulation often fear their emotions and avoid them, and the
avoidance keeps the fear alive. Staying with an emotion, without acting on it, teaches that it
can be tolerated and that it passes. It also reduces **secondary emotions**, such as shame about
being sad or fear of being anxious, which can be more painful than the first emotion.

## Where it fits

This skill draws on the mindfulness module directly and connects with radical acceptance in
distress tolerance. At extreme arousal, a client may need TIP first to bring the intensity down
far enough to observe anything at all.

## Example

A client notices grief rising on the anniversary of her mother's death and her usual urge to
keep busy until midnight. She sits for ten minutes instead, noticing the tightness in her throat
and the tears and how they change, without trying to stop them. After a while the grief is still
there but quieter, and she calls her sister.""",
        },
        {
            "title": "Preparing for the live session: opposite action in role-play",
            "kind": "live_session_preparation",
            "estimated_minutes": 20,
            "body": """## What we will do

The live session for this module practices check the facts and opposite action in pairs, with
one clinician in the client role and one in the therapist role, and time for feedback.

## Before the session

1. **Pick a mild personal example.** Choose a recent, everyday emotion of your own that you
   suspect did not fully fit the facts: irritation in traffic, nervousness before an email.
   Keep it to something you are comfortable sharing with colleagues. DBT therapists are
   encouraged to practice the skills they teach.
2. **Check the facts on it** in writing, as the lesson's examples do.
3. **Name the action urge and its opposite**, and write what doing the opposite wholeheartedly
   would look like, in body and mind as well as in behavior.
4. **Read the vignette below** and sketch how you would coach the client.

## Vignette

A 30-year-old client avoids the office kitchen because she feels intense shame after spilling
coffee in front of colleagues last month. No one commented at the time. Does the shame fit the
facts? If not, what would opposite action be, and how would you help her commit to it fully?

## Bring

Your notes, one question about telling opposite action apart from problem solving, and a
willingness to try the role-play even if it feels awkward.""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: emotion regulation",
        "gift": r"""::ABC cope ahead::In ABC PLEASE, what does the C stand for? {
    =Cope ahead#Right. Cope ahead means rehearsing, in imagination, skillful coping with a situation likely to set off a painful emotion.
    ~Check the facts#Check the facts is an emotion regulation skill, but not the C in ABC.
    ~Contributing#Contributing is a letter of Wise Mind ACCEPTS, a distress tolerance skill.
    ~Calm the body#Calming the body belongs to other skills, such as TIP.
}

::Fear that does not fit::A client feels intense fear before speaking at a team meeting. After checking the facts, she agrees there is no real threat beyond some awkwardness. Which skill best fits next? {
    =Opposite action\: speak at the meeting, and keep doing so#Right. When an emotion does not fit the facts, acting against its urge (here, to escape), with full commitment and over repeated occasions, is the main way to change it.
    ~Problem solving\: find a way to skip the meetings#Problem solving is for emotions that fit the facts; avoiding the meeting would act on the fear's urge and keep it going.
    ~Self-soothe until the fear passes#Self-soothing may help her through a crisis, but it does not change an emotion that keeps returning.
    ~Radical acceptance that she is an anxious person#Acceptance targets facts that cannot be changed; this fear can be changed.
}

::Fits the facts::When an emotion and its intensity fit the facts, the usual route to changing it is problem solving the situation that prompts it. {T#Opposite action is the main tool when the emotion does not fit the facts; when it fits, the situation itself needs changing.#Right. An emotion that fits the facts is responding to a real problem, so solving the problem is what changes the emotion.}

::Check the facts::Which question is at the heart of check the facts? {
    =Does the emotion, and its intensity, fit the facts of the situation?#Right. The skill separates what happened from the interpretations added to it, and asks whether the emotion and its strength fit.
    ~Is the emotion pleasant or unpleasant?#Whether an emotion is pleasant says nothing about whether it fits the facts.
    ~Who is to blame for the emotion?#Check the facts looks at events and interpretations, not at blame.
    ~How long has the emotion lasted?#Duration is not the test; fit with the facts is.
}

::Functions of emotions::Which of these are functions of emotions taught in this module? (Choose all that apply.) {
    ~%33.33333%They prepare us to act, and fast#Yes. Emotions ready the body to act quickly.
    ~%33.33333%They send signals that affect how others respond#Yes. Through face, voice and posture.
    ~%33.33334%They tell us something about our situation#Yes, as a signal; but an emotion is not proof of the facts.
    ~%-50%They prove that our interpretation of a situation is correct#No. Treating a feeling as a fact is a pattern the module works to change.
    ~%-50%They show that a person is weak#No. Emotions have functions; judging them as weakness is a common myth.
}

::PLEASE::Which of these are part of the PLEASE skills? (Choose all that apply.) {
    ~%20%Treat physical illness#Yes. PL is for physical illness.
    ~%20%Balanced eating#Yes. The first E.
    ~%20%Avoid mood-altering substances#Yes. The A.
    ~%20%Balanced sleep#Yes. The S.
    ~%20%Exercise#Yes. The last E.
    ~%-50%Pros and cons of acting on urges#No. That is a distress tolerance skill.
}

::Opposite actions::Match each emotion, when it does not fit the facts, with a typical opposite action. {
    =Fear -> Approach the feared situation instead of escaping it
    =Anger -> Step back from confrontation and try to see the other person's side
    =Sadness -> Re-engage with people and activities instead of withdrawing
    =Shame -> Stay visible instead of hiding
    = -> Grip an ice cube to create a strong physical sensation
    ####Each opposite action acts against the emotion's urge\: fear urges escape, anger attack, sadness withdrawal, shame hiding. Gripping ice is an intense sensation from Wise Mind ACCEPTS, a distress tolerance skill.
}

::Riding the wave::Turning toward an emotion and watching its sensations shift until it passes, neither fighting it nor feeding it and without acting on its urges, is the skill of mindfulness of current {=emotion#Right. Mindfulness of current emotion teaches that an emotion can be tolerated and that it passes. =emotions#Right. Mindfulness of current emotion teaches that an emotion can be tolerated and that it passes.}.
""",
    },
}

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
ways to do that. It is a change-oriented module: its aims are to understand and name emotions,
to change emotions that are unwanted, and to become less vulnerable to emotion mind.

## What emotions are for

Clients who have learnt that their feelings are wrong often want to get rid of emotions
altogether. Teaching their functions helps. Emotions:

- **organize and motivate action**, quickly, often faster than deliberate thought;
- **communicate to others and influence them**, through the face, voice and posture;
- **give us information** about a situation, a signal that something matters.

The last function has a catch. An emotion is information, not proof. Treating a feeling as a
fact ("I feel afraid, so I must be in danger") is one of the patterns this module works on.

## A model of emotions

Naming an emotion is easier when its parts are observed one by one:

- a **prompting event**, outside (a remark, a loss) or inside (a memory, a thought, a
  sensation);
- **vulnerability factors** that make a strong reaction more likely, such as poor sleep or
  illness;
- the **interpretation** of the event;
- **changes in the body** and the sensations that come with them;
- **action urges**;
- **expression and action**: face, posture, words, deeds;
- **aftereffects** on attention, memory, thinking, and further emotions.

Each part is also a point where a skill can change the course of the emotion.

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

## The steps, in brief

1. Name the emotion to be checked.
2. Describe the prompting event as an observer would, sticking to what the senses registered.
3. Notice the interpretations and assumptions added to it, and think of other possible
   interpretations.
4. Ask whether a threat is being assumed; if so, name it and estimate how likely it really is.
5. Ask what the catastrophe would be, and imagine coping with it well if it happened.
6. Decide whether the emotion, and how strong it is, fits the facts.

## What fits the facts

Each emotion has typical situations it fits. A few examples:

- **Fear** fits a real threat to one's life, health or well-being, or to someone one cares about.
- **Anger** fits an important goal being blocked, or oneself or someone cared about being
  attacked, hurt or insulted.
- **Sadness** fits losing something or someone, or things not being the way one wanted.
- **Guilt** fits one's own behavior going against one's own values.
- **Shame** fits a situation where one's behavior or characteristics would lead to rejection by
  an important group if others knew.

An emotion can fit while its intensity does not: some anger at a late bus may fit; rage may not.

## Teaching points

Check the facts is not a way of telling clients that their feelings are wrong. Many emotions
fit, and saying so is validating. Work through the steps with curiosity, not as cross-examination.

## Example

A client is terrified his supervisor will fire him because she frowned during his presentation.
Checking the facts: the frown was observed; being fired is an interpretation. Other readings are
possible (she was concentrating, or tired). He has had good reviews. Some anxiety about the
presentation fits; terror about losing his job does not.""",
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

Every emotion comes with an urge: fear to escape, anger to attack, sadness to withdraw, shame
to hide. Acting on the urge tends to keep the emotion going. Opposite action means:

1. identifying the emotion and its action urge;
2. checking that the emotion does not fit the facts (or that acting on it would not be
   effective);
3. choosing the opposite action;
4. doing it **all the way**, with posture, facial expression, voice and thoughts as well as the
   action itself;
5. repeating it until the emotion changes.

Common pairings when the emotion does not fit: for fear, approach what is feared, repeatedly;
for anger, gently avoid the person for a while and do something a little kind rather than
attacking; for sadness, get active; for shame, share the behavior with people who will not
reject you instead of hiding it. Half-hearted opposite action (going to a feared party but
staring at the floor and rehearsing escape routes all evening) usually fails.

## Problem solving

When the emotion fits, the steps are ordinary, careful problem solving: describe the problem
situation, check the facts, set a realistic goal, brainstorm solutions, pick one that fits the
goal and is likely to work, try it, then evaluate the result. Other modules often supply the
solution, for example an interpersonal effectiveness skill for making a request.

## Example

Anger that fits: a colleague repeatedly presents a client's work as her own. Problem solving
leads the client to a planned conversation with her manager, prepared with DEAR MAN. Anger that
does not fit: a client is furious with a friend for "ignoring" his messages all day, and checking
the facts shows she was on a long flight. Opposite action here is to let the grievance go and
send her a friendly message rather than an accusing one.""",
        },
        {
            "title": "Reducing vulnerability: ABC PLEASE",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Lowering the odds of emotion mind

Some skills change an emotion after it starts; ABC PLEASE makes painful emotions less likely
and less overwhelming in the first place. It links directly to the **vulnerability factors** a
chain analysis looks for.

## ABC

- **Accumulate positive emotions.** In the short term, do pleasant things on purpose, every day.
  In the long term, make changes that bring more positive events into life, guided by values:
  building a life worth living, step by step. It also means being mindful of positive moments
  when they happen, rather than spending them on worry about when they will end.
- **Build mastery.** Do something each day that gives a sense of competence and control.
  Choose tasks that are hard but possible, and raise the difficulty gradually, planning for
  success rather than failure.
- **Cope ahead.** Prepare for a situation likely to set off a painful emotion. Describe the
  situation, decide which skills to use, then imagine it as vividly as possible while rehearsing
  coping well, including with the things that might go wrong. A short relaxation afterwards
  helps.

## PLEASE

PLEASE looks after the body, whose state shapes emotional reactivity:

- treat **PhysicaL illness**: attend to health problems and take prescribed medication as
  directed;
- balanced **Eating**: neither too much nor too little, at regular times;
- avoid mood-**Altering** substances: no drugs that were not prescribed, and care with alcohol;
- balanced **Sleep**: enough, at regular times;
- **Exercise**: regular activity, built up gradually.

These can sound like generic health advice. In DBT they are treated as skills, sometimes targeted
and tracked on the diary card, because a client running on three hours of sleep and no breakfast
meets every prompting event at a disadvantage.

## Example

A client's chain analyses keep showing the same vulnerability factors: late nights gaming, a
skipped lunch, then an evening conflict with his father. His plan adds a regular bedtime and a
packed lunch (PLEASE), a weekly climbing session (mastery), and a cope-ahead rehearsal of the
Sunday dinner where arguments usually start.""",
        },
        {
            "title": "Mindfulness of current emotion: riding the wave",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Letting an emotion run its course

Much of the suffering around emotions comes from fighting them: pushing them away, suppressing
them, or feeding them by going over the situation again and again. Mindfulness of current
emotion offers another option. The client experiences the emotion as a wave that rises, peaks
and falls, neither blocking it nor amplifying it.

## The practice

- **Observe** the emotion and step back from it a little.
- **Notice the body**: where the emotion is felt, and how the sensations change.
- **Let it be**: no pushing away, no holding on, no adding to it.
- **Remember you are not your emotion**, and that you have felt differently before and will
  again.
- **No need to act** on it: noticing an urge is not the same as following it.
- **Accept the emotion**, even one that is unwelcome, as what is here right now.

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
and the tears, letting the wave come. It peaks, then eases, and she calls her sister afterwards.""",
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
2. **Check the facts on it** in writing, following the six steps from the lesson.
3. **Name the action urge and its opposite**, and write what doing the opposite *all the way*
   would look like: posture, face, voice, thoughts.
4. **Read the vignette below** and sketch how you would coach the client.

## Vignette

A 30-year-old client avoids the office kitchen because she feels intense shame after spilling
coffee in front of colleagues last month. No one commented at the time. Does the shame fit the
facts? If not, what would opposite action be, and how would you help her do it all the way?

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
    =Opposite action\: speak at the meeting, and keep doing so#Right. When an emotion does not fit the facts, acting against its urge (here, to escape) all the way and repeatedly is the main way to change it.
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
    ~%33.33333%They organize and motivate action#Yes. Emotions prepare us to act quickly.
    ~%33.33333%They communicate to others and influence them#Yes. Through face, voice and posture.
    ~%33.33334%They give us information about a situation#Yes, as a signal; but an emotion is not proof of the facts.
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
    =Fear -> Approach what is feared, again and again
    =Anger -> Gently avoid the person for a while and do something a little kind
    =Sadness -> Get active
    =Shame -> Share the behavior with people who will not reject you, instead of hiding
    = -> Hold ice or take a very cold shower
    ####Each opposite action acts against the emotion's urge\: fear urges escape, anger attack, sadness withdrawal, shame hiding. Holding ice is an intense sensation from Wise Mind ACCEPTS, a distress tolerance skill.
}

::Riding the wave::Observing an emotion as a wave that rises and falls, without blocking, suppressing or amplifying it, is the skill of mindfulness of current {=emotion#Right. Mindfulness of current emotion teaches that an emotion can be tolerated and that it passes. =emotions#Right. Mindfulness of current emotion teaches that an emotion can be tolerated and that it passes.}.
""",
    },
}

"""Module 6: Mindfulness (demo course content, written for this project)."""

MODULE = {
    "title": "Mindfulness",
    "summary": (
        'The core skills module: reasonable mind, emotion mind and wise mind, and the "what" '
        'and "how" skills clients learn in the skills training group.'
    ),
    "component": "skills_training_group",
    "treatment_priority": "",
    "skills_module": "mindfulness",
    "components": [],
    "treatment_priorities": ["behavioral_skills"],
    "skills_modules": ["mindfulness"],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * (6 - 1),  # module 6 opens five weeks after the cohort starts
    "due_offset_days": 7 * (6 - 1) + 13,  # due two weeks after it opens
    "lessons": [
        {
            "title": "Why mindfulness is the core module",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Acceptance, taught as a skill

DBT grew out of cognitive-behavioral therapy and added acceptance practices drawn from Zen and
other contemplative traditions. Mindfulness is where that acceptance is taught most directly. In
DBT it is not a religious practice and not a relaxation exercise: it is a set of behavioral
skills for directing attention on purpose, noticing experience as it is, and acting from a
balanced state of mind rather than from habit or from the strongest emotion in the room.

## Its place in the skills curriculum

Mindfulness is called the **core** module. It is taught first, and it is taught again between the
other modules, so that every client meets it more than once. The other modules lean on it
throughout:

- Distress tolerance asks a client to observe an urge without acting on it.
- Emotion regulation asks her to notice and name an emotion before deciding whether it fits the
  facts.
- Interpersonal effectiveness asks her to stay mindful of her goal in a difficult conversation.

Without the ability to notice what is happening inside and around her, a client cannot choose a
skill at the moment she needs one.

## What the module contains

The module rests on three ideas that the following lessons take in turn:

1. **States of mind**: reasonable mind, emotion mind and wise mind, their synthesis.
2. **The "what" skills**: observe, describe and participate, practiced one at a time.
3. **The "how" skills**: nonjudgmentally, one-mindfully and effectively, applied together.

The 2015 edition of the skills manual added further material, including loving kindness and
skillful means (balancing "doing mind" and "being mind"). Programs differ in how much of it they
teach.

## For the clinician too

Mindfulness is not only something clinicians teach. Consultation teams usually open their weekly
meeting with a short mindfulness practice, and many skills groups begin the same way. Clinicians
who practice the skills themselves teach them more credibly and notice sooner when they are
acting from emotion mind in session.""",
        },
        {
            "title": "Reasonable mind, emotion mind and wise mind",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Three states of mind

DBT gives clients a simple map of three states of mind. The map is not a diagnosis; it is a way
for a client to ask, in the moment, "where am I acting from right now?"

### Reasonable mind

Reasonable mind is the cool, logical state: attending to facts, planning, following rules,
working a problem step by step. It is indispensable for filling in a tax form or planning a
week. On its own it can be cut off from what a person feels and values, and decisions made only
from reasonable mind can look sensible on paper while ignoring what actually matters to her.

### Emotion mind

In emotion mind, the current emotion steers thinking and action. Facts are bent or enlarged to fit
the feeling, and the urge to act feels urgent and obviously right. Emotion mind also brings
energy, passion and loyalty; the problem is not emotion itself but being ruled by it. Many of the
behaviors a stage-1 client is trying to stop happen in emotion mind.

### Wise mind

Wise mind is the **synthesis** of the two: it takes in both the facts and the emotions, and adds
an intuitive sense of what is true or what is needed. Clients often describe it as a quiet,
settled kind of knowing rather than a rush. DBT treats wise mind as something every client
already has, even if she rarely reaches it; skills practice makes it easier to find.

Intense certainty is not the same as wisdom. A client convinced she must act right now may be in
emotion mind; a useful question is whether the sense of knowing is calm or driven.

## In session

An invented example: Jo wants to quit her job after a harsh comment from her manager. From emotion
mind: "I'm walking out tomorrow." From reasonable mind: "Quitting is financially unwise, so I'll
ignore how I feel." The therapist asks Jo to pause, breathe and ask wise mind. Jo's answer: "I
can't stay long-term, but I need a plan before I leave." The therapist does not supply wise mind;
she helps the client reach her own.""",
        },
        {
            "title": 'The "what" skills: observe, describe, participate',
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## What you do when you are being mindful

The three **"what" skills** name the activities of mindfulness. Clients practice them **one at a
time**: while describing, they are not also trying to throw themselves into an activity.

### Observe

Observing is noticing experience directly, without words yet: sensations in the body, sounds,
sights, thoughts passing, the rise of an emotion or an urge. The client notices each experience
and lets it run its course, neither trying to prolong a pleasant one nor trying to cut an
unpleasant one short. A simple group practice is to
notice the sensations of the feet on the floor for one minute and, each time the mind wanders,
notice that and return.

Clinically, observing creates a gap between an urge and an action. A client who can notice "there
is the urge to cut" has more room to choose than one who is simply swept along by it.

### Describe

Describing is putting words on what has been observed, and only on that. The client labels a
thought as a thought, an emotion as an emotion, a sensation as a sensation:

- Instead of "he hates me", she might say "I notice the thought that he hates me."
- Instead of "I'm falling apart", she might say "my chest is tight and my hands are shaking."

Describing separates observable facts from interpretations, which becomes essential later in
checking the facts and in chain analysis.

### Participate

Participating means entering an activity fully, letting go of self-consciousness and becoming part
of what is happening: singing with the group, playing a game, dancing, being completely in a
conversation. It is the goal the other two skills build toward: acting with awareness, without
standing outside oneself and commenting.

## Teaching tip

Clients often believe mindfulness means emptying the mind. Correct this early: the practice is
noticing, again and again, where attention has gone and bringing it back. A wandering mind is not
a failed practice; noticing the wandering is the practice.""",
        },
        {
            "title": 'The "how" skills: nonjudgmentally, one-mindfully, effectively',
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## How you do it

The three **"how" skills** describe the manner in which a client observes, describes or
participates. Unlike the "what" skills, they are applied **together**, all three at once.

### Nonjudgmentally

Taking a nonjudgmental stance means describing facts and consequences instead of labeling things
good or bad, right or wrong, should or shouldn't. "I'm pathetic for crying" becomes "I cried for
ten minutes after the phone call, and then I felt tired."

Two points clients often need to hear:

- Being nonjudgmental is **not approval**. A client can notice that a behavior is harmful and
  want to change it without condemning herself or anyone else.
- Judgments will keep appearing anyway. Catching one is not a second failure to be scolded
  about; the client registers "that was a judgment" and goes back to describing.

Clients raised in an invalidating environment often judge their own emotions harshly; this skill
is one route to self-validation.

### One-mindfully

Doing one thing at a time, with full attention. A client drinking her morning coffee is just
drinking the coffee, not scrolling through messages and rehearsing the day at the same time; a
client talking with a friend gives the friend her whole attention, rather than half-listening
while worry runs underneath. Attention will drift to the past, the future or another task; the
skill is to notice the drift and come back, as many times as it takes.

### Effectively

Acting effectively means **doing what works**: keeping the goal in view and choosing what will
get there in the actual situation, rather than what would be fair, what proves a point or what
being "right" would demand. A client who is furious that a benefits office lost her form may be
right that it is unfair; effectiveness asks what will get the form processed.

## Putting them together

An invented group example: Lee practices describing his anger during a difficult phone call
(a "what" skill). He does so without calling himself stupid for being angry (nonjudgmentally),
keeps attention on the call rather than on rehearsing old grievances (one-mindfully), and stays
focused on getting the appointment he called about (effectively).""",
        },
        {
            "title": "Practice: a week of what and how skills",
            "kind": "exercise",
            "estimated_minutes": 20,
            "body": """## Your task

Practice the skills you will teach, for one week, and keep brief notes.

1. **Daily observe and describe (5 minutes).** Choose one ordinary activity each day (a cup of
   tea, a walk to the car, washing your hands). Observe it without words for a minute, then write
   three describing sentences that contain only facts, no interpretations.
2. **Judgment log.** Each day, note two judgments you caught yourself making, about yourself,
   a client or a colleague. Rewrite each one nonjudgmentally, describing facts and consequences.
3. **One-mindful session moment.** In one session, notice when your attention leaves the client
   (planning, worrying, watching the clock) and bring it back. Note roughly how often it happened.
4. **State of mind review.** Pick one moment from the week when you were in emotion mind or
   reasonable mind at work. What would wise mind have added?
5. **Effectiveness.** Describe one situation where being "right" competed with doing what works.
   Which did you choose, and what happened?

Bring one rewritten judgment and your state-of-mind review to your consultation team or the live
session. Share only de-identified details about clients.""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: mindfulness",
        "gift": r"""// Module 6 knowledge check

::What skills::Which are the three mindfulness "what" skills? Choose all that apply. {
    ~%33.33333%Observe#Yes. Noticing experience directly, before putting it into words.
    ~%33.33333%Describe#Yes. Putting words on what was observed, facts rather than interpretations.
    ~%33.33334%Participate#Yes. Entering an activity fully, without self-conscious commentary.
    ~%-50%Nonjudgmentally#No. That is one of the "how" skills.
    ~%-50%Effectively#No. That is one of the "how" skills.
}

::States of mind::Match each state of mind with its description. {
    =Reasonable mind -> Cool and logical, attending to facts and rules
    =Emotion mind -> Thinking and action steered by the current emotion
    =Wise mind -> The synthesis of the two, adding an intuitive sense of what is true
    ####Wise mind is not a compromise between the other two; it takes in both facts and emotions.
}

::Synthesis::Which state of mind does DBT describe as the synthesis of reasonable mind and emotion mind? {
    =wise mind#Right. Wise mind is the synthesis of reasonable mind and emotion mind.
    =wise#Right. Wise mind is the synthesis of reasonable mind and emotion mind.
    ####Wise mind integrates the facts of reasonable mind and the feelings of emotion mind, and adds intuitive knowing.
}

::Effectively::A client is angry that her landlord ignored a repair request and wants to stop paying rent "on principle", though it could cost her the apartment. Which "how" skill asks her to focus on what will actually get the repair done? {
    =Effectively#Right. Acting effectively means doing what works toward the goal, rather than what feels fair or proves a point.
    ~One-mindfully#One-mindfully is about doing one thing at a time with full attention.
    ~Nonjudgmentally#Nonjudgmentally is about describing facts rather than evaluating; it does not by itself point her toward her goal.
    ~Participate#Participate is a "what" skill, not a "how" skill.
}

::How skills together::The "how" skills are practiced one at a time, like the "what" skills. {F#The "how" skills are applied together.#Correct. The "what" skills are practiced one at a time, while the three "how" skills (nonjudgmentally, one-mindfully, effectively) are applied together, in whatever the client is doing.}

::Nonjudgmental is not approval::Taking a nonjudgmental stance means a client must approve of behavior that harms her. {F#Nonjudgmental is not approval.#Correct. She describes facts and consequences and can still recognize a behavior as harmful and work to change it, without condemning herself.}

::Taught first::In the skills training curriculum, mindfulness is taught first and again between the other modules. {T#Mindfulness is the core module.#Correct. Mindfulness is the core module\: taught first and repeated between the other modules, because every other skill depends on it.}
""",
    },
}

"""Module 7: Distress tolerance (demo course content, written for this project)."""

MODULE = {
    "title": "Distress tolerance",
    "summary": (
        "Skills for getting through a crisis without making it worse, and for accepting a reality "
        "that cannot be changed right now: STOP, pros and cons, TIP, distraction and soothing, "
        "and the reality-acceptance skills."
    ),
    "component": "skills_training_group",
    "treatment_priority": "",
    "skills_module": "distress_tolerance",
    "components": [],
    "treatment_priorities": ["life_threatening", "behavioral_skills"],
    "skills_modules": ["distress_tolerance"],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * (7 - 1),
    "due_offset_days": 7 * (7 - 1) + 13,
    "lessons": [
        {
            "title": "What distress tolerance is for",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Surviving the moment, accepting the situation

Distress tolerance is the skills module about bearing pain skillfully. It has two families of
skills:

- **Crisis survival skills**, for getting through an acute, intense moment without doing
  something that makes the situation worse.
- **Reality acceptance skills**, for the longer-lasting pain of facts that cannot be changed, at
  least not right now.

Within the dialectic of acceptance and change, this module sits on the acceptance side, next to
mindfulness. Emotion regulation and interpersonal effectiveness, by contrast, aim to change
emotions and situations.

## When crisis survival skills fit

A crisis, in this sense, is a situation that is stressful, short-lived and carries strong
pressure to act *now*. Crisis survival skills fit when:

- the pain is intense but the problem cannot be solved right away;
- there are urges to act in ways that would cause harm (self-injury, substance use, an
  outburst that would cost a job or a relationship);
- emotion is so high that the client cannot think clearly enough to use more complex skills.

They are not tools for solving problems, and they are not meant for everyday use. A client who
distracts and soothes every evening, whatever happens, is likely avoiding problems that need
solving. Part of teaching this module is helping clients tell a crisis from an ordinary bad day.

## Where the module meets the rest of treatment

In individual therapy, distress tolerance skills often appear in the **solution analysis** of a
chain: at the link where an urge to self-harm rose, which skill could have carried the client
through? Phone coaching then helps clients use them in real crises, where generalization
matters most.

## A brief example

A client in her thirties reports that after a tense call with her ex-partner she sat in her car
with strong urges to drink. In group, she learns that the goal in that moment is not to fix the
relationship or feel good. It is to get through the next hour without drinking, so that the
problems can be tackled later from a steadier place.""",
        },
        {
            "title": "STOP and pros and cons",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## STOP: a pause between urge and action

Many crisis behaviors happen within seconds of a prompting event. STOP inserts a gap. Its four
steps, in order:

1. **Stop.** Hold still and do not act on the urge yet. The emotion may be loud, but a body
   that pauses cannot follow it.
2. **Take a step back.** Get distance from the situation, physically or in the mind. Take a
   breath. The urge does not have to be obeyed this second.
3. **Observe.** Notice what is happening inside (sensations, thoughts, urges) and outside (what
   others are actually doing and saying), without jumping to conclusions.
4. **Proceed mindfully.** Choose the next step with your goals in view, picking what is likely
   to help rather than inflame things.

STOP is short enough to remember under high arousal, which is the point. Clinicians can rehearse
it in session by role-playing a likely prompting event and coaching the client through each
step aloud.

## Pros and cons of acting on a crisis urge

The second crisis survival skill looks at an urge from both sides. The client writes out:

- the pros and the cons of **acting on** the crisis urge; and
- the pros and the cons of **resisting** it and tolerating the distress.

Short-term and long-term consequences both belong on the list. The short-term pros of acting on
an urge are often real (relief, escape), and naming them honestly makes the exercise credible.
The long-term cons are what the client tends to lose sight of in the moment.

Pros and cons works best when it is prepared **before** a crisis, kept somewhere at hand, and
read when the urge rises. The same dialectical logic appears among the commitment strategies,
where pros and cons are used to strengthen commitment to treatment goals.

## Example

A young man with urges to punch walls when criticized fills out pros and cons with his
individual therapist. Acting on the urge: quick release of tension, but injured hands, a damaged
flat and a frightened partner. Resisting: feeling awful for a while, but keeping his deposit and
his partner's trust. He photographs the sheet and keeps it on his phone, next to a reminder of
the four STOP steps.""",
        },
        {
            "title": "TIP: changing body chemistry fast, with medical cautions",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Why TIP exists

At very high arousal, thinking-based skills are hard to reach. TIP (sometimes written TIPP)
works on the body first, to bring arousal down quickly enough for other skills to become usable.
Its effects are fast but short-lived: TIP is a bridge to wise mind, not a solution.

## What each part does

- **Temperature.** Cold water on the face sets off the dive reflex, a parasympathetic response
  that slows the heart and damps physiological arousal within moments.
- **Intense exercise.** A short spell of vigorous exertion uses up the physical activation that a
  strong emotion prepares the body for, and arousal tends to settle in the period afterwards.
- **Paced breathing.** Deliberately slowing the breathing rate, with exhalation drawn out, shifts
  the nervous system toward its calming branch and lowers the heart rate.
- **Paired muscle relaxation.** The client first tightens a muscle group while breathing in,
  then lets the tension go while breathing out, silently saying a cue word such as "relax".
  Pairing the release with the out-breath and the word lowers bodily arousal, and with repeated
  practice the cue word alone starts to bring on the relaxed state more quickly.

The practice instructions belong in your program's skills materials. Rehearse each part in
session while the client is calm, so that it is already familiar when arousal is high.

## Medical cautions

The temperature and intense exercise skills act on the heart quickly: cold water on the face
slows the heart rate sharply, and vigorous exertion pushes it up. Before using either of them, a
client should check with their doctor if any of these apply:

- **a heart condition** of any kind, or a heart rate that is already low;
- **an eating disorder** (anorexia or bulimia, for example), whether or not the heart is known
  to be affected, since restriction and purging can strain the heart and upset the body's salts;
- **any other medical condition** that could make a sudden change in heart rate or exertion
  risky;
- **an allergy or marked sensitivity to cold**;
- **medication that affects heart rate or blood pressure**, such as beta blockers.

In practice, ask about health and medication **before** teaching these two skills, not after a
client has already tried them, and until the doctor has agreed, offer paced breathing and paired
muscle relaxation instead.

Intense exercise needs a second look where exercise is itself a problem behavior, as in some
eating disorders: agree with the treatment team whether it belongs in that client's plan at all.

Teach the cautions as part of the skill, not as an afterthought, and document that you did.

## Example

A group member notices her heart racing and thoughts spinning after a letter from her landlord.
She has no medical conditions, and her doctor has agreed that the temperature skill is safe for
her. She cools her face with cold water, then slows her breathing for a few minutes. Once
calmer, she uses STOP and decides to call her housing advisor in the morning instead of leaving
an angry voicemail tonight.""",
        },
        {
            "title": "Distracting and soothing: ACCEPTS, self-soothe and IMPROVE",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Wise Mind ACCEPTS: distraction with a purpose

Distraction turns attention away from the crisis for long enough that the emotion can lower on
its own. The letters:

- **Activities**: something absorbing, such as cleaning, a game, a walk, a hobby.
- **Contributing**: doing something for someone else, a kind act or a small favor.
- **Comparisons**: comparing oneself with people who are coping less well, or with a harder time
  in one's own past.
- **Emotions** (opposite): generating a different emotion, through a comedy clip or music.
- **Pushing away**: a deliberate, time-limited decision not to engage with the problem yet
  ("not before I have slept on it"), steering attention elsewhere each time it intrudes.
- **Thoughts** (other): filling the mind with something else, like counting, puzzles, reading.
- **Sensations** (intense): a strong but harmless sensation, such as holding ice or a very cold
  or hot shower.

Comparisons can backfire for clients prone to shame or envy, so try them in session first.

## Self-soothe with the five senses

Self-soothing means comforting oneself through **vision, hearing, smell, taste and touch**: a
view, a favorite piece of music, a familiar scent, a warm drink, a soft blanket. Clients raised
in invalidating environments sometimes feel they do not deserve comfort; that belief is worth
naming and working with. Where food or drink is part of a problem behavior, choose another
sense.

## IMPROVE the moment

IMPROVE replaces part of the painful moment with something more bearable:

- **Imagery**: imagining a safe place, or the crisis being handled well.
- **Meaning**: finding or creating some purpose or value in the pain.
- **Prayer**: opening to wise mind or to a higher power, according to the client's beliefs.
- **Relaxation**: calming the body.
- **One thing in the moment**: full attention on just what is being done now.
- **Vacation**: a brief, time-limited break, such as half an hour off from responsibilities.
- **Encouragement**: cheerleading oneself, rethinking the situation more hopefully.

## Keeping them short-term

All three are for getting through; avoidance that lasts becomes a problem of its own. A
practical question to ask a client after any of these skills: when, once calmer, will you come back
to the problem, and what will you do about it then?""",
        },
        {
            "title": "Reality acceptance: radical acceptance, turning the mind, willingness",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## A case to think with

Tomas, 46, lost his driving licence for eighteen months after a drink-driving conviction. His
workplace is forty minutes away. Six weeks on, his sessions are taken up by the unfairness of
it: the reading was borderline, the magistrate was harsh, a neighbour got off more lightly. He
drafts appeals his lawyer has told him have no grounds, sleeps badly, and twice has sat in his
parked car with the keys in his hand. The reality-acceptance skills give his therapist a way to
work with this.

## Radical acceptance: taking the fact in fully

The target is not Tomas's opinion of the sentence but his stance toward it. Radical acceptance
means acknowledging a fact that cannot be changed now (past events included) completely: in
thought, in feeling and in the body, rather than with the clipped "fine, whatever" that clients
often offer first. "Radical" names that completeness.

Two objections usually need answering early:

- **Accepting is not approving.** Tomas may go on believing the sentence was too harsh.
  Acceptance concerns whether the suspension is real, not whether it is just. The same holds
  for far graver facts, such as abuse or a death.
- **Accepting is not resigning.** Whatever is still open to action stays open.

Rather than argue for acceptance, his therapist asks him to total what the fight with this fact
cost him last week: hours of drafting, lost sleep, two close calls with the car. The licence is
still suspended. Clients should also hear that acceptance often opens the way to grief before
any relief arrives.

## Turning the mind: acceptance on repeat

A week later Tomas reports that he "accepted it on Tuesday" and was furious again by Thursday.
That is expected. Turning the mind is the skill of recommitting to acceptance each time the
protest returns: a choice renewed many times, not a conclusion reached once. Together they list
his early signals (the phrase "it's not fair", opening the appeal file, glancing at the car
keys), and each becomes a cue to recommit.

## Willingness and willfulness

Willfulness is a stance set against the situation instead of engaged with it. In Tomas it shows
up both as fighting (another appeal draft, plans to drive "just this once") and as shutting
down (staying in bed rather than working out a bus timetable). Willingness is the alternative:
responding to the situation as it actually is, with what it requires. For Tomas that means
learning the bus routes, asking a colleague about sharing lifts, and telling his manager what
has changed.

His therapist does not treat willfulness as a failing to be argued away. When Tomas arrives
mid-protest, she names it without judgment and narrows the question: what would willingness
look like in the next hour?

## Half-smiling and willing hands

These two practices use the body to make an accepting stance easier to reach, on the idea that
facial expression and posture feed back into mood. Half-smiling is a softened, faintly smiling
expression taken on deliberately; it is not a forced grin or a show of cheer for others.
Willing hands means open, loosened hands rather than fists. Tomas practices both at the bus
stop, where his resentment is usually sharpest.""",
        },
        {
            "title": "Practice: a crisis survival plan for a case",
            "kind": "exercise",
            "estimated_minutes": 30,
            "body": """## The case

A 24-year-old client in stage 1 reports urges to cut after conflicts with her flatmates,
usually late in the evening. The urges peak within minutes and fade within an hour or two. Her
diary card shows good use of mindfulness in the mornings, almost no skills use at night, and
poor sleep. She has no known medical conditions, and has not yet been asked about any.

## Your task

Write a one-page crisis survival plan that you could review with her in individual therapy.
Include:

1. **The crisis definition**: when this plan applies, and when it does not.
2. **A STOP script** in her likely situation, one line per step.
3. **Pros and cons** of acting on the urge to cut and of resisting it, short term and long term,
   as she might write them.
4. **A TIP step**, with the medical question you need to ask before recommending temperature or
   intense exercise, and what you would do with the answer.
5. **Two ACCEPTS ideas and two self-soothe ideas** suited to a late evening in a shared flat.
6. **One reality-acceptance target**: something in her situation that cannot be changed right
   now.

## Reflect

In two or three sentences, note how you would keep these skills from becoming long-term
avoidance of the conflicts with her flatmates, and which emotion regulation or interpersonal
effectiveness skills might take over once the crisis has passed. Bring the plan to your
consultation or study group if your program has one.""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: distress tolerance",
        "gift": r"""::TIP temperature::In the TIP skills, what does the T stand for? {
    =Temperature#Right. Cold water on the face draws on the dive reflex, which slows the heart rate and lowers arousal quickly.
    ~Tolerance#Tolerance is what the module is about, but not a letter of TIP.
    ~Turning the mind#Turning the mind is a reality-acceptance skill.
    ~Thinking it through#TIP works on the body first, because thinking is hard at very high arousal.
}

::TIP cautions::Before recommending the temperature and intense exercise skills, which client most clearly needs to check with a medical provider first? {
    =A client taking medication that affects heart rate#Right. Temperature and intense exercise change heart rate quickly. Heart conditions, eating disorders such as anorexia or bulimia, other medical conditions, an allergy or sensitivity to cold, and medication affecting heart rate (beta blockers, for example) all call for a check with the client's doctor first.
    ~A client who dislikes cold water#Dislike is a matter of preference and willingness, not a medical caution.
    ~A client who has never done paced breathing#Paced breathing is learnt by practice; inexperience is not a medical risk.
    ~A client whose crisis urges come mostly at night#The timing of urges shapes the plan, not the medical cautions.
}

// dbt: kind=ordering
::STOP order::Put the steps of the STOP skill in order. {
    =Stop (freeze, do not act on the urge) -> 1#First comes the pause that keeps the urge from becoming an action.
    =Take a step back -> 2#Then distance and a breath.
    =Observe -> 3#Then noticing what is happening inside and outside.
    =Proceed mindfully -> 4#Last: choosing the next step with goals in view, what is likely to help rather than inflame things.
}

::ACCEPTS letters::Which of these belong to Wise Mind ACCEPTS? (Choose all that apply.) {
    ~%33.33333%Contributing#Yes. Doing something for someone else turns attention away from the crisis.
    ~%33.33333%Comparisons#Yes. Comparing with people coping less well, or with one's own harder times.
    ~%33.33334%Activities#Yes. An absorbing activity is the first letter.
    ~%-50%Check the facts#No. Checking the facts is an emotion regulation skill.
    ~%-50%Paced breathing#No. Paced breathing is one of the TIP skills.
}

::Acceptance is not approval::Radical acceptance of a painful event means approving of what happened. {F#Acceptance acknowledges the facts; it does not judge them good or give up on changing what can be changed.#Right. Acceptance is not approval\: a client can accept that something happened without finding it acceptable.}

::Willfulness::In the reality-acceptance skills, what is the name for a stance set against the situation instead of engaged with it, whether by fighting it or by shutting down, the opposite of willingness? {
    =willfulness#Right. Willfulness is named without judgment, and the clinician helps the client ask what willingness would look like right now.
}

::Match the skills::Match each distress tolerance skill with what it does. {
    =STOP -> Creates a pause between an urge and an action
    =Self-soothe -> Comforts through vision, hearing, smell, taste and touch
    =IMPROVE the moment -> Replaces part of a painful moment with something more bearable, such as imagery or meaning
    =Turning the mind -> Chooses acceptance again each time non-acceptance returns
    = -> Asks whether the emotion fits the facts
    ####STOP pauses, self-soothe comforts through the senses, IMPROVE changes the experience of the moment, and turning the mind renews acceptance. Asking whether an emotion fits the facts is check the facts, an emotion regulation skill.
}

::Crisis or not::A client has used distraction and self-soothing every evening for a month to avoid thinking about an unpaid bill. What is the best response? {
    =Help her see this as avoidance and move to solving the problem, keeping crisis skills for real crises#Right. Crisis survival skills get a person through an acute moment; used every day they can become avoidance of a problem that needs solving.
    ~Praise her skills use and encourage her to keep going#Skills use matters, but these skills are meant for short-term crises, not for problems that need solving.
    ~Switch her to TIP, which works faster#TIP is also a short-term crisis skill and would not solve the bill.
    ~Teach radical acceptance of the unpaid bill#An unpaid bill can be changed; acceptance targets what cannot be changed right now.
}
""",
    },
}

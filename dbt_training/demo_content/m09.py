"""Module 9: Interpersonal effectiveness and the middle path (demo course content, written for this
project)."""

MODULE = {
    "title": "Interpersonal effectiveness and the middle path",
    "summary": (
        "How DBT skills groups teach clients to ask for what they want, say no, keep relationships "
        "and keep their self-respect, and how Walking the Middle Path brings dialectics, validation "
        "and behavior change principles to adolescents and their families."
    ),
    "component": "skills_training_group",
    "treatment_priority": "",
    "skills_module": "interpersonal_effectiveness",
    "release_offset_days": 7 * 8,
    "due_offset_days": 7 * 8 + 13,
    "lessons": [
        {
            "title": "Three kinds of effectiveness: objective, relationship, self-respect",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Why this module exists

Many clients in stage 1 of DBT lose important things in their conversations: they give in and later feel resentful, or they push so hard that the relationship breaks, or they get what they wanted and afterwards feel they sold themselves out. Interpersonal effectiveness treats these outcomes as a skills problem rather than a character flaw. The skills can be learned, practiced in group and coached between sessions.

## The three priorities

Every interaction that matters can be looked at through three questions:

- **Objective effectiveness** — what result do I want from this exchange? Getting a request met, having a "no" respected, resolving a conflict, being taken seriously.
- **Relationship effectiveness** — how do I want the other person to feel about me afterwards, and what do I want to happen to this relationship?
- **Self-respect effectiveness** — how do I want to feel about myself when this is over?

Each priority has its own set of skills: DEAR MAN for the objective, GIVE for the relationship, FAST for self-respect. The skills are used together, but the client decides which priority leads in a given situation.

## Weighing the priorities

The order is not fixed. Asking a landlord to fix a broken heater puts the objective first; a tense phone call with an adult sister who is grieving may put the relationship first; refusing to cover up for a colleague puts self-respect first. Clients often default to one priority for every situation, for example always protecting the relationship at any cost. Helping a client name the priorities *before* a hard conversation is often the first intervention.

## A brief example

A client wants her partner to take over the school run two days a week. In session she notices that the objective matters most, but she also wants the relationship to stay warm and does not want to beg. That tells the therapist which skills to rehearse, and in which balance.
""",
        },
        {
            "title": "DEAR MAN: asking for what you want and saying no",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## What DEAR MAN is for

DEAR MAN is the skill set for **objective effectiveness**: making a clear request, or refusing a request, in a way that raises the odds of the outcome the client wants. The first four letters describe what the client *says*; the last three describe *how* the client goes about saying it.

## The first four: the content

- **Describe** — state the situation in plain, factual terms, without judgments or interpretations. "The rent was paid on the first; the heater has not worked for nine days."
- **Express** — say how you feel or what you think about the situation, owning it as yours. Clients often assume the other person already knows; usually they do not.
- **Assert** — ask clearly for what you want, or say no clearly. Hints and hedged questions are easy to overlook.
- **Reinforce** — tell the other person in advance what is in it for them, or what good will follow if they agree. Reinforcement can be as small as genuine thanks.

## The last three: the stance

- **stay Mindful** — keep attention on the goal. If the other person changes the subject or attacks, the client calmly returns to the request rather than defending every point.
- **Appear confident** — voice, posture and eye contact that signal the client means it, even when they feel unsure inside.
- **Negotiate** — be willing to give something to get something, or ask the other person for their solution when the first request meets a wall.

## Teaching it in group

In a skills group the leader usually models a short script, then pairs members to role-play a real request from their week. Scripts are drafted on paper first, and members give each other feedback on one letter at a time. Homework is to use the skill in a low-stakes situation and report back what happened, including what did not work.

## A clinical note

DEAR MAN raises the probability of getting what you want; it does not guarantee it. Clients who have been invalidated often read a refused request as proof that they are unreasonable. Part of the coaching is to evaluate the skill by how well it was used, not only by the outcome.
""",
        },
        {
            "title": "GIVE and FAST: keeping the relationship and your self-respect",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## GIVE: relationship effectiveness

GIVE describes how to act so that the other person is more likely to keep liking and respecting you, whether or not you get what you asked for.

- **Gentle** — no attacks, threats or put-downs, and no contempt in the voice. Strong feelings can be expressed without hostility.
- **Interested** — listen to the other person's point of view, let them finish, and show that you are paying attention.
- **Validate** — acknowledge, out loud, what is understandable about the other person's feelings, wishes or situation. Validation is not agreement.
- **Easy manner** — a lighter touch: warmth, some humor where it fits, a relaxed tone rather than a lecture.

## FAST: self-respect effectiveness

FAST describes how to act so that the client keeps or builds respect for themselves.

- **Fair** — be fair to yourself *and* to the other person. Clients who are always fair to others and never to themselves are a common target.
- **no Apologies** (excessive ones) — apologize when you have actually done something wrong, not for making a request, holding an opinion or existing.
- **Stick to values** — do not drop your own values or integrity to be liked or to get what you want. The client first has to be clear about what those values are.
- **Truthful** — do not lie, exaggerate or act more helpless than you are. Dishonesty may work once but erodes self-respect over time.

## Using the three skill sets together

In practice a client blends all three. A DEAR MAN request delivered with GIVE keeps the relationship intact; FAST keeps the client from trading away their integrity along the way. When the priorities conflict, the client lets the most important one lead and uses the others as far as possible.

## Example

A young man is asked by a friend to lie to the friend's parole officer. Self-respect leads: he sticks to his values and refuses truthfully (FAST). He still wants the friendship, so he stays gentle and acknowledges that his friend is frightened (GIVE). He states his refusal clearly and does not get drawn into a long argument (DEAR MAN).
""",
        },
        {
            "title": "How intensely to ask or say no",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Intensity is a choice

Knowing how to ask is only half of the problem; clients also have to decide *how strongly* to ask or refuse. Options run along a continuum, from not asking at all or only hinting, through asking tentatively, to asking firmly and not taking no for an answer. Refusing runs the same way, from doing what was asked without complaint to refusing firmly and not giving in.

Clients with a history of invalidation often sit at one extreme: never asking, or escalating every request into a demand. Neither works across situations.

## Weighing the situation

The intensity skill, sometimes called the "dime game", asks the client to run through a short set of questions about the situation before deciding, and to let the tally set the intensity. The questions cover themes like these:

- Is the other person able to give what I want, and do I have the right or the authority to ask?
- How important is this goal to me, and how would asking or refusing affect my self-respect and the relationship?
- Is this a good time? Is the other person in a frame of mind to listen?
- Have I prepared: do I know what I want and the facts behind it?
- Is there a fair balance of give and take between us, and how does this serve my long-term goals?

The more considerations favor asking (or refusing), the higher the intensity. The exercise slows the client down so the decision comes from wise mind rather than from emotion mind.

## Building and ending relationships

The 2015 edition of the skills manual added material on finding and building relationships and on ending relationships that are harmful or no longer wanted. Therapists can link this to intensity work: ending a relationship often calls for a firm, clear stance, carried out with attention to safety.

## Example

A client wants a day off from a new job for a sibling's graduation. Her boss can grant it, the date is far ahead, and the goal matters a great deal to her. Most considerations favor asking, so she chooses a clear, fairly firm request rather than a hint.
""",
        },
        {
            "title": "Walking the middle path with adolescents and families",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Where the module comes from

Walking the Middle Path was added to DBT for adolescents and their families by Miller, Rathus and Linehan (2007). In many adolescent programs caregivers join skills training, so that teens and parents learn a shared vocabulary; how families take part varies between programs. The module has three parts: dialectics, validation, and behavior change principles.

## Dialectics in family life

Families in crisis often get stuck in all-or-nothing positions: "you never listen", "she is manipulating us". The middle path teaches that more than one view can be valid at once, that both/and is often truer than either/or, and that people and situations keep changing. Rathus and Miller describe dilemmas that families commonly swing between, such as excessive leniency versus authoritarian control, normalizing pathological behavior versus pathologizing normal adolescent behavior, and forcing autonomy versus fostering dependence. Sources phrase these dilemmas in slightly different ways; the point for the clinician is to help the family find a workable position between the extremes rather than swinging from one to the other.

## Validation

Family members learn to validate one another and themselves: to notice and say what makes sense about the other person's feelings or behavior, given their situation. Validation is not approval. A parent can validate a teen's fury about a curfew and still keep the curfew.

## Behavior change principles

Families learn basic learning principles in everyday language:

- **Reinforcement** — what follows a behavior makes it more likely to recur; catch and reward the behavior you want.
- **Shaping** — reinforce small steps toward a goal rather than waiting for the finished behavior.
- **Extinction** — stop reinforcing a behavior and it tends to fade, though it often gets worse for a while first. Families need to expect that temporary increase so they do not give in at the peak, which would reinforce escalation.
- **Punishment** — a consequence that reduces a behavior. It teaches what not to do but not what to do instead, so it is used sparingly and proportionately, alongside reinforcement of the alternative.

## Example

Parents who give in after an hour of shouting learn, with the therapist, that they are intermittently reinforcing the shouting. They agree to validate the frustration, hold the limit calmly, and praise any request made without shouting.
""",
        },
        {
            "title": "Exercise: coach a client through a DEAR MAN script",
            "kind": "exercise",
            "estimated_minutes": 20,
            "body": """## Your task

Choose an invented client (or de-identify a real situation so no one could be recognized) who needs to make a request or refuse one this week. Write down, in a page or less:

1. **The situation** in one or two factual sentences.
2. **The priorities**: which of objective, relationship and self-respect effectiveness leads here, and why.
3. **A DEAR MAN script** the client could use, with one line for each of Describe, Express, Assert and Reinforce, and a note on how the client will stay mindful, appear confident and what they could offer in a negotiation.
4. **GIVE and FAST notes**: one concrete behavior for each letter that fits this situation.
5. **Intensity**: how firmly the client should ask or refuse, and the considerations that led you there.
6. **A likely obstacle** (for example, the other person changes the subject or gets angry) and how you would coach the client to respond in the moment.

## Reflect

Role-play the script with a colleague if you can, playing the other person first. Note which letter was hardest for you to model. Bring your script to the next live session; we will use a few examples, anonymized, for group practice.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: interpersonal effectiveness and the middle path",
        "gift": r"""$CATEGORY: DBT/Interpersonal effectiveness

::Skills and their modules::Match each skill to the DBT skills module that teaches it. {
    =DEAR MAN -> Interpersonal effectiveness
    =TIP -> Distress tolerance
    =Opposite action -> Emotion regulation
    =Wise mind -> Mindfulness
    =Validation, reinforcement and shaping in families -> Walking the middle path
    ####DEAR MAN is the objective-effectiveness skill of interpersonal effectiveness; TIP is a crisis survival skill in distress tolerance; opposite action is an emotion regulation skill for emotions that do not fit the facts; wise mind is the core mindfulness state of mind; validation and behavior change principles for families belong to Walking the Middle Path.
}

::FAST S::In the FAST skills for self-respect effectiveness, what does the S stand for? {
    =Stick to values#Right. The client does not give up their own values or integrity to be liked or to get what they want.
    ~Stay silent#No. FAST is about acting in ways that keep self-respect, not about withdrawing from the conversation.
    ~Say sorry#No. The A in FAST is about avoiding excessive apologies.
    ~Soothe yourself#No. Self-soothing is a distress tolerance skill.
}

::GIVE priority::The GIVE skills (Gentle, Interested, Validate, Easy manner) mainly serve which priority? {
    =Relationship effectiveness#Right. GIVE describes how to act so the other person keeps liking and respecting you, whatever the outcome of the request.
    ~Objective effectiveness#No. Getting the outcome you want is the job of DEAR MAN.
    ~Self-respect effectiveness#No. Self-respect is served by FAST.
    ~Crisis survival#No. Crisis survival skills belong to distress tolerance.
}

// dbt: kind=ordering
::DEAR order::Put the first four DEAR MAN steps in the order the acronym gives them. {
    =Describe the situation factually -> 1
    =Express feelings or opinions about it -> 2
    =Assert the request or the refusal clearly -> 3
    =Reinforce by saying what is in it for the other person -> 4
    ####Describe, Express, Assert, Reinforce\: the facts first, then how the client sees them, then the clear request, then why agreeing is worthwhile for the other person.
}

::Middle path audience::Walking the Middle Path was added to DBT for which group? {
    =Adolescents and their families#Right. Miller, Rathus and Linehan (2007) added it to teach dialectics, validation and behavior change principles to teens and their caregivers.
    ~Therapists on a consultation team#No. The team has its own agreements; the middle path is a skills module for clients and families.
    ~Adults in stage 2 exposure work#No. It is a skills module developed for adolescents and families.
    ~Clients with substance use only#No. The 2015 addiction skills sit in distress tolerance; the middle path was developed for adolescents and families.
}

::Middle path content::Which of these are taught in Walking the Middle Path? Choose all that apply. {
    ~%33.33333%Dialectics, such as seeing that more than one view can be valid#Yes.
    ~%33.33333%Validation of self and others#Yes.
    ~%33.33334%Behavior change principles such as reinforcement, shaping and extinction#Yes.
    ~%-100%The TIP skills for changing body chemistry#No. TIP is a distress tolerance skill.
    ####The module has three parts\: dialectics, validation and behavior change principles.
}

::DEAR MAN guarantee::Using DEAR MAN skillfully guarantees that the other person will agree to the request. {F#It is false. The skill raises the odds but cannot guarantee another person's answer.#Right, it is false. DEAR MAN raises the probability of getting what you want, and skillful use is worth reinforcing even when the answer is no.}

::Extinction::Parents stop giving in to their son's shouting. For a while the shouting gets louder. In behavior change terms, what is most likely happening? {
    =A temporary increase that often comes with extinction#Right. When a reinforcer is withdrawn, the behavior often intensifies before it fades. Giving in at the peak would reinforce escalation.
    ~Proof that the limit is not working and should be dropped#No. A temporary increase is expected; dropping the limit now would teach that louder shouting works.
    ~Shaping of a new behavior#No. Shaping reinforces small steps toward a wanted behavior.
    ~Punishment of the shouting#No. Punishment adds or removes a consequence to reduce a behavior; here the reinforcer that used to follow the shouting has simply stopped coming.
}
""",
    },
}

"""Module 9: Interpersonal effectiveness and the middle path (demo course content, written for this
project)."""

MODULE = {
    "title": "Interpersonal effectiveness and the middle path",
    "summary": (
        "How DBT skills groups teach clients to ask for what they want, say no, keep relationships "
        "and keep their self-respect, and the Walking the Middle Path skills (dialectics, "
        "validation and behavior change principles): developed for adolescents and their "
        "families, and part of interpersonal effectiveness in the 2015 adult skills manual."
    ),
    "component": "skills_training_group",
    "treatment_priority": "",
    "skills_module": "interpersonal_effectiveness",
    "components": ["family_sessions"],
    "treatment_priorities": ["behavioral_skills"],
    "skills_modules": ["interpersonal_effectiveness", "walking_the_middle_path"],
    "treatment_stage": "stage_1",
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

- **Objective effectiveness**: the concrete outcome at stake, such as a repair done or a refusal accepted.
- **Relationship effectiveness**: the state you hope the relationship is in afterwards.
- **Self-respect effectiveness**: whether you can stand behind how you handled it.

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

DEAR MAN is the skill set for **objective effectiveness**: getting a request heard, or getting a refusal respected. Rather than define the seven letters in the abstract, this lesson follows one invented piece of coaching from start to finish and names each letter as it comes up.

## The situation

Dana, in stage 1 of DBT, has had no heating for nine days. Her two texts to the landlord said, in full, "heater still not great :(" and got no reply. In session she says she is "done being nice" and plans to leave a furious voicemail tonight. Her therapist proposes they build the call together first.

## What Dana will say

The therapist starts by asking what a neutral observer would have seen. Out goes "he obviously doesn't care"; in goes what can be checked: the heater stopped on the 3rd, she reported it on the 4th and the 8th, and the apartment is now cold enough that she sleeps in a coat. That is **Describe**: a short account of the facts that the landlord has no reason to argue with.

Next the therapist asks how the situation is affecting her, said as her own reaction rather than as an accusation. Dana writes: "I'm worried about getting ill, and I'm frustrated that I haven't heard back." That is **Express**. Her texts had skipped it, which made the problem sound minor.

Then the request itself, worded as a request and not a hint: "Please have it repaired by Friday." That is **Assert**. The sad-face version disappears.

Last, the therapist asks what the landlord gets out of saying yes. Dana offers to be home to let the repair technician in, and points out that a fixed heater means no more calls from her. That is **Reinforce**: making agreement worth his while before he decides.

## How Dana will say it

The therapist now plays the landlord, who grumbles that old heating systems always act up and drifts into complaints about other tenants. Dana practices steering back to Friday each time without arguing every side point, which is staying **Mindful** of her goal. Her voice rises at the end of each sentence as if she were asking permission; they practice a steadier tone and sitting upright for the call, so that she will **Appear confident** however shaky she feels. Finally they plan for "not this week": Dana decides Monday would be acceptable if a portable heater arrives in the meantime, and that she will ask him to name a date he can keep. Having that trade ready is how she will **Negotiate**.

## Saying no uses the same letters

The same structure carries a refusal. A client whose brother asks for a third loan this year can lay out the pattern, say how it leaves him feeling, decline in one clear sentence, and name what a straight answer spares them both.

## A clinical note

DEAR MAN raises the odds of a yes; it cannot guarantee one. Clients with a long history of invalidation often take a refusal as proof that they were unreasonable to ask. Part of coaching is to judge the attempt by how well the skill was used, and not only by the answer it got.
""",
        },
        {
            "title": "GIVE and FAST: keeping the relationship and your self-respect",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Two more questions for the same call

Dana's call to her landlord (previous lesson) is mainly about the outcome, but not only about it. Her lease is up for renewal in the spring, so she will need this man's goodwill for some time. And she knows her own pattern in hard conversations: she either caves or says something she later regrets. Her therapist uses GIVE for the first concern and FAST for the second.

## GIVE: relationship effectiveness

GIVE is the skill set for keeping a relationship in good shape while you ask, so that the other person still wants to deal with you whatever the answer turns out to be.

Dana's draft voicemail included "frankly pathetic" and "I'll report you." The therapist asks what those lines would do to the renewal, and they come out: she can sound firm, even annoyed, without insults or ultimatums. That is being **Gentle**.

When the therapist, playing the landlord, mentions that his repair firm has let him down twice this month, Dana starts talking over him. They practice letting him finish and asking one question about it, which is being **Interested**. Dana then tries a sentence that recognizes his side: "That sounds like a headache for you as well." That is **Validate**. Acknowledging his difficulty does not mean agreeing to wait.

Last, the tone. Dana has been rehearsing in a clipped, courtroom voice. They try a warmer opening, a thank-you for picking up and a light remark about wearing her coat indoors. That is an **Easy manner**.

## FAST: self-respect effectiveness

FAST is the skill set for coming out of the exchange still respecting yourself. The letters turn up in Dana's rehearsal in no particular order.

She opens the role-play with three apologies for "bothering" him. Reporting a broken heater is not a wrongdoing, and one courteous sentence is enough; dropping apologies that are not owed is the **A** (**no Apologies**). She then admits she was tempted to say the cold has already made her ill, and that the heater has been broken "for weeks". The therapist asks how she would feel about herself afterwards, whether or not he found out. She keeps to what happened: **Truthful**. She has also considered threatening to hold back the rent. Paying what she owes on time is something she is proud of, and she decides not to trade that away for a faster repair: **Stick to values**. Finally, asked whether the landlord's position counts at all, she lands on a version that is reasonable to both of them, a firm date from him and easy access from her: **Fair**.

## Blending the three

A client usually uses all three sets at once, and lets the priority that matters most lead when they pull in different directions. A young man asked by a friend to lie to the friend's parole officer puts self-respect first: he will not lie for anyone, and says so honestly (FAST). He still cares about the friendship, so he keeps his voice kind and says he can see how scared his friend is (GIVE). And he gives a clear no without being dragged into a long debate (DEAR MAN).
""",
        },
        {
            "title": "How intensely to ask or say no",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Intensity is a choice

Knowing how to ask is only half the problem; the other half is how hard to push. It helps to picture a dial rather than a switch. Turned low, a wish is never voiced or only hinted at; in the middle, it is stated plainly once; turned high, it is pressed and repeated until it is met. Refusing has a dial of its own, running from quiet compliance to a no that holds under pressure.

Clients with a history of invalidation often have the dial stuck at one end: they never ask, or every request becomes a demand. Neither setting works across situations.

## Setting the dial

The skills manual offers a structured way to set the dial, often called the "dime game". Put briefly, before deciding the client weighs how much the goal matters to her against what the relationship and her self-respect need, whether she has the right to ask (or the other person the right to ask her), whether the timing is good, and what each of them owes the other. She also asks whether asking, or refusing, is appropriate at all right now; the more the balance favors acting, the higher the intensity she chooses.

The value of the exercise is less in the arithmetic than in the pause it creates. Talking it through slows the decision down enough that it can come from wise mind instead of from emotion mind. In session, therapists often ask the client to reason aloud about one upcoming request and notice where she habitually sets the dial.

## Building and ending relationships

The 2015 edition of the skills manual added material on finding and building relationships and on ending relationships that are harmful or no longer wanted. Therapists can link this to intensity work: ending a relationship often calls for a firm, clear stance, carried out with attention to safety.

## Example

A client wants a day off from a new job for a sibling's graduation. Her boss can grant it, the date is weeks away, and the day matters a great deal to her. Almost everything points toward asking, so she chooses a clear, fairly firm request rather than a hint.
""",
        },
        {
            "title": "Walking the middle path: adolescents, families and adults",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Where the module comes from

Walking the Middle Path was developed for adolescents and their families; Miller, Rathus and Linehan describe it in their 2007 book on DBT with suicidal adolescents, and adolescent programs were using it before then. In many adolescent programs caregivers join skills training, so that teens and parents learn a shared vocabulary; how families take part varies between programs. The skills have three parts: dialectics, validation, and behavior change principles.

The skills are not reserved for teenagers. The 2015 second edition of the adult skills manual includes them within interpersonal effectiveness, so adult groups may teach them too, as part of that module rather than as a separate one. Adolescent programs usually keep them as a fifth skills module of their own. This lesson uses family examples, where the skills began, but each part applies just as well to an adult working on her own relationships.

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
    =Stick to values#Right. The client holds on to what she stands for, even when letting it go would win approval or a quicker result.
    ~Stay silent#No. FAST is about acting in ways that keep self-respect, not about withdrawing from the conversation.
    ~Say sorry#No. The A in FAST is about avoiding excessive apologies.
    ~Soothe yourself#No. Self-soothing is a distress tolerance skill.
}

::GIVE priority::The GIVE skills (Gentle, Interested, Validate, Easy manner) mainly serve which priority? {
    =Relationship effectiveness#Right. GIVE is about asking in a way that keeps the relationship in good shape, whatever answer the request gets.
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

::Middle path audience::Walking the Middle Path was first developed for which group? {
    =Adolescents and their families#Right. It was developed to teach dialectics, validation and behavior change principles to teens and their caregivers (described by Miller, Rathus and Linehan, 2007). The 2015 adult skills manual includes the same skills within interpersonal effectiveness.
    ~Therapists on a consultation team#No. The team has its own agreements; the middle path skills are taught to clients and families.
    ~Adults in stage 2 exposure work#No. It was developed for adolescents and families; adults meet these skills within interpersonal effectiveness, not in exposure work.
    ~Clients with substance use only#No. The 2015 addiction skills sit in distress tolerance; the middle path was developed for adolescents and families.
}

::Middle path content::Which of these are taught in Walking the Middle Path? Choose all that apply. {
    ~%33.33333%Dialectics, such as seeing that more than one view can be valid#Yes.
    ~%33.33333%Validation of self and others#Yes.
    ~%33.33334%Behavior change principles such as reinforcement, shaping and extinction#Yes.
    ~%-100%The TIP skills for changing body chemistry#No. TIP is a distress tolerance skill.
    ####The middle path skills have three parts\: dialectics, validation and behavior change principles.
}

::DEAR MAN guarantee::Using DEAR MAN skillfully guarantees that the other person will agree to the request. {F#It is false. The skill raises the odds but cannot guarantee another person's answer.#Right, it is false. DEAR MAN raises the probability of getting what you want, and skillful use is worth reinforcing even when the answer is no.}

::Extinction::Parents stop giving in to their son's shouting. For a while the shouting gets louder. In behavior change terms, what is most likely happening? {
    =A temporary increase that often comes with extinction#Right. When a reinforcer is withdrawn, the behavior often intensifies before it fades. Giving in at the peak would reinforce escalation.
    ~Proof that the limit is not working and should be dropped#No. A temporary increase is expected; dropping the limit now would teach that louder shouting works.
    ~Shaping of a new behavior#No. Shaping reinforces small steps toward a wanted behavior.
    ~Punishment of the shouting#No. Punishment follows the behavior with something unpleasant, or takes away something the person already has, so the behavior decreases. Here nothing is added or taken away; the reinforcer that used to follow the shouting has simply stopped coming.
}
""",
    },
}

"""Module 1: Foundations of DBT (demo course content, written for this project)."""

MODULE = {
    "title": "Foundations of DBT",
    "summary": (
        "Where DBT came from and the ideas it rests on: behavior theory joined with acceptance "
        "practice, the biosocial theory of emotion dysregulation, the invalidating environment, "
        "and dialectics."
    ),
    "component": "foundations",
    "treatment_priority": "",
    "skills_module": "",
    "components": [],
    "treatment_priorities": [],
    "skills_modules": [],
    "treatment_stage": "",
    "release_offset_days": 7 * (1 - 1),
    "due_offset_days": 7 * (1 - 1) + 13,
    "lessons": [
        {
            "title": "Where DBT came from",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## A treatment built for high-risk clients

Dialectical Behavior Therapy was developed by Marsha M. Linehan at the University of Washington. She built it for a population that many services find hard to help: people who were chronically suicidal and who met criteria for borderline personality disorder (BPD).

## The evidence base begins

In 1991 a controlled trial showed DBT to be effective for BPD. No psychotherapy had been shown effective for the disorder in a controlled trial before. For day-to-day practice, the point to carry away is that the treatment was designed and tested with high-risk clients, and its structure reflects that: risk is never an afterthought.

## From BPD to other problems

Since then DBT has been extended to other problems, among them substance use, eating disorders and PTSD, and it has been adapted for adolescents and their families. You will meet the adolescent and family skills later in the course.

## The manuals

Linehan set out the treatment in a 1993 treatment manual and a companion skills training manual published the same year. A second edition of the skills manual appeared in 2015 and added skills. When this course says a skill was "added in 2015", that edition is what it means.

## The aim: a life worth living

DBT does not measure success only by the absence of suicidal behavior. Its overall aim is a life that the client experiences as worth living, defined in the client's own terms.

*Example: a 29-year-old client says her goal is "to stop ending up in the emergency room." Her therapist asks what she would be doing with her time if that happened. She mentions finishing a nursing course and seeing her niece more often. Those goals become the reasons for tackling the harder work that follows.*

## A note on this course

This is an introduction to DBT for clinicians. It describes how comprehensive DBT is built and lets you practise some of its tools on written cases, but it is not DBT Intensive Training or Foundational Training, the team-based and mentored programs through which clinicians usually learn to deliver the treatment, and it does not prepare you to run a DBT program or a skills group on your own. Completing it does not certify you as a DBT clinician either; certification is a separate process with its own requirements. "DBT" is a registered trademark of Marsha Linehan.
""",
        },
        {
            "title": "Change and acceptance: why DBT needed both",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Starting from behavior therapy

DBT grew out of cognitive-behavioral therapy. From behavior theory it takes the view that behavior, including behavior that looks self-destructive, is learned and kept going by what comes before it and what follows it. That view gives the clinician practical questions: what prompts this behavior, what maintains it, and what could take its place? Skills training, homework, problem solving and the detailed analysis of specific episodes all come from this tradition.

## Where a pure change approach ran into trouble

With chronically suicidal clients, a steady emphasis on change had a cost. Clients could hear it as a message that their pain was not real, or that they themselves were the problem. Treatment that feels invalidating in this way is hard to stay in.

The opposite did not work either. A purely accepting therapy, warm and understanding but asking for nothing different, left the suffering and the dangerous behavior where they were.

## Adding acceptance

Linehan's answer was to bring in acceptance practices drawn from Zen and other contemplative traditions, and to hold them alongside the change strategies rather than in place of them. Acceptance appears in two places:

- **For the client**, as skills: mindfulness, and the reality-acceptance skills taught in distress tolerance.
- **For the therapist**, as a stance: seeing and saying what is understandable in the client's experience, and accepting the client as they are right now, while still working for change.

## Three foundations

The treatment that resulted rests on three foundations:

1. **Behavior theory**: learning principles that explain how behavior is acquired and maintained.
2. **The biosocial theory**: an account of how emotion dysregulation develops (next lesson).
3. **Dialectical philosophy**: a way of holding opposites and finding a synthesis, starting with acceptance and change (lesson 5).

## In the room

*A client arrives after a weekend in which she self-harmed twice. A purely change-focused therapist goes straight to what she should have done instead. A purely accepting one spends the hour on how hard the weekend was. A DBT therapist does both: acknowledges how overwhelming the weekend was and why self-harm brought relief, then moves into a close look at what happened, link by link, and what could be done differently next time.*
""",
        },
        {
            "title": "The biosocial theory of emotion dysregulation",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Emotion dysregulation at the center

DBT places emotion dysregulation at the center of its understanding of the problems its original clients faced. The biosocial theory explains how that dysregulation develops. It has a biological side, a social side, and, most importantly, an account of how the two act on each other.

## The biological side: emotional vulnerability

Some people have a biologically based emotional vulnerability with three features:

- **High sensitivity**: emotions are set off by cues other people barely register. The threshold is low.
- **High reactivity**: once an emotion is set off, the response is intense.
- **Slow return to baseline**: the emotion takes a long time to settle, so the next prompting event often lands before the last one has passed.

Vulnerability on its own is not a disorder. Plenty of emotionally sensitive people do well.

## The social side

The second ingredient is an **invalidating environment**: surroundings that dismiss, punish or ignore a person's private experience. The next lesson looks at it in detail.

## A transaction, not a sum

The theory does not say that biology plus environment adds up to a disorder, as if the two were combined once. It describes a *transaction* over time, in which each side keeps changing the other. A sensitive child's intense reactions can strain the people around them, who may respond with more dismissal. Dismissal leaves the child more distressed and no better at managing feelings, which brings more extreme expressions, which bring more invalidation. Over years the cycle can produce pervasive emotion dysregulation.

## Problem behaviors as attempts to regulate emotion

Seen this way, behaviors such as self-harm are neither random nor simply "attention-seeking". They are attempts to regulate emotion that the person has no other reliable way to manage. Self-harm can bring quick relief, and that relief is part of what makes it so hard to give up.

Understanding the function of a behavior is not approving of it. It tells the clinician what any replacement has to do: bring overwhelming emotion down, or make it bearable, without the damage. This is why skills training, and distress tolerance and emotion regulation in particular, sits at the heart of the treatment.

## Using the theory with clients

Explained in plain language during orientation, the theory can give clients an account of their difficulties that is neither blaming nor hopeless: the problems grew out of a transaction that nobody chose, and the skills that were never taught can be learned now.
""",
        },
        {
            "title": "The invalidating environment",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## What invalidation means here

In the biosocial theory, an invalidating environment is one in which a person's reports of their own thoughts, feelings and sensations are repeatedly treated as wrong, unimportant or unacceptable. Three features stand out.

### 1. Private experience is dismissed, punished or ignored

"You're not upset, you're just tired." "Keep crying and you can go to your room." A report of pain is met with silence or a change of subject. The message, repeated often enough, is that the person's inner experience is not a trustworthy source of information.

### 2. Escalation is intermittently reinforced

Calm, ordinary requests for help go unanswered, while extreme displays sometimes get a response. Learning theory predicts the result: behavior that is rewarded only some of the time is especially persistent. Without anyone intending it, the environment teaches that escalating is the way to be heard.

### 3. Problem solving is oversimplified

Problems are made to look easy to solve: "Just stop worrying about it." "You could do it if you tried." When the person cannot do what is supposedly easy, the failure is put down to effort or character, and nobody teaches the steps.

## What a person may learn

Someone who grows up in such an environment may learn to doubt or dismiss their own emotional reactions (self-invalidation), to expect that only extreme expressions get a response, and to conclude that failing at "easy" problems means something is wrong with them. Meanwhile the skills to understand emotions, tolerate distress and solve problems step by step were never taught.

## Not a theory of blame

An invalidating environment does not have to be abusive. Abuse is one severe form, but caring, well-meaning caregivers can also be invalidating, especially when a child is far more emotionally sensitive than the rest of the family and their reactions make little sense to those around them. The theory describes a transaction, not a villain. Keep this in mind when you work with families.

## Treatment can invalidate too

Clinicians and services can recreate the same conditions. A therapist who meets calm reports with "you seem to be doing fine" but rearranges the schedule after every crisis is reinforcing escalation, intermittently. So is a service that offers extra contact only after an emergency visit. DBT's emphasis on validation, covered in module 5, is partly an answer to this risk.
""",
        },
        {
            "title": "Dialectics: holding both sides",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## What "dialectical" means

Dialectics is a philosophical way of working with opposing positions. Instead of deciding which side is right, you look for what is valid in each and move toward a synthesis that keeps what matters in both. In DBT it is both a way of seeing the work and a family of strategies. In practice it often means trading "either-or" for "both-and".

## The central dialectic: acceptance and change

The therapist accepts the client as they are and validates what makes sense, while pushing steadily for change. As the previous lessons showed, neither side works alone. The balance shifts from moment to moment: more acceptance when a client is overwhelmed and cannot take in a request, more push when the conversation has grown comfortable and nothing is moving.

## The same shape throughout the treatment

You will meet paired opposites again and again in this course:

- **Core strategies**: validation on the acceptance side, problem solving on the change side.
- **Communication styles**: reciprocal (warm and responsive) and irreverent (unexpected and direct).
- **States of mind**: wise mind as the synthesis of reasonable mind and emotion mind.
- **Dialectical dilemmas**: three pairs of opposite patterns a client may swing between, such as emotional vulnerability and self-invalidation.
- **The consultation team**: members agree to take a dialectical stance toward their own disagreements.

## A dialectical moment in session

*A client says: "I want to stop cutting, but it's the only thing that works." One non-dialectical reply takes the change side ("Then you need to stop"); another takes the acceptance side ("Then maybe now isn't the time to work on it"). A dialectical reply holds both: cutting does bring relief quickly, and it is also costing the client things she cares about, so the task is to find something that works fast enough and costs less.*

## When you feel stuck

Polarization, meaning therapist and client, or two team members, locked in opposite positions, is a signal to think dialectically. Helpful questions:

- What is valid in the other position?
- What is my own position leaving out?
- Is there a position that keeps what matters on both sides?

The specific dialectical strategies, such as entering the paradox, using metaphor, playing devil's advocate and extending, are taught in module 5.
""",
        },
        {
            "title": "Exercise: a biosocial case formulation",
            "kind": "exercise",
            "estimated_minutes": 25,
            "body": """## The task

Read the invented case below, then write brief answers to the questions. Use nonjudgmental language: describe behaviors and what they do for the person, not character.

## The case

*"Sam", 24, has cut his forearms since he was 15, usually after arguments with his partner. He says his feelings "go from zero to a hundred" and "hang around all night". Growing up, his father told him that boys who cried were weak and sent him out of the room when he was upset. His mother tended to step in only when his distress became extreme, for example when he broke something. Teachers said he could do well "if he just applied himself".*

## Questions

1. Which features of emotional vulnerability do you see? Point to the details that suggest each one.
2. Which features of an invalidating environment are present? Find an example of each of the three.
3. In two or three sentences, describe how vulnerability and environment might have transacted over the years.
4. What might cutting do for Sam now? What would a replacement behavior have to achieve?
5. Write a short explanation of the biosocial theory you could offer Sam during orientation, in everyday words and without blaming him or his family.
6. Name one dialectic you expect to balance with Sam, for example accepting how intense his feelings are while asking him to act differently when they arrive.

## Afterwards

If you train with colleagues from your team, compare formulations. Where they differ, ask what each version leaves out.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: foundations",
        "gift": """::Biosocial transaction::According to the biosocial theory, emotion dysregulation develops out of a transaction between which two factors? {
    =Biological emotional vulnerability and an invalidating environment#Right. The theory pairs a biologically based emotional vulnerability with an environment that invalidates private experience, each shaping the other over time.
    ~Negative core beliefs and cognitive distortions#These are cognitive-therapy concepts. The biosocial theory is about emotional vulnerability meeting invalidation.
    ~A single traumatic event and later substance use#The theory requires neither. It describes a transaction that unfolds over years.
    ~Low motivation and poor insight#The theory does not explain the problems through motivation or insight; it describes vulnerability meeting invalidation.
}

::Emotional vulnerability::Match each feature of emotional vulnerability with its description. {
    =High sensitivity -> Emotions are set off by cues others barely notice
    =High reactivity -> Once set off, emotional responses are intense
    =Slow return to baseline -> Emotions take a long time to settle afterwards
    = -> Emotions are rarely felt at all
    ####The three features are high sensitivity (a low threshold), high reactivity (intensity) and a slow return to baseline (duration).
}

::Invalidating environment::Which of these describe an invalidating environment as the biosocial theory defines it? Select all that apply. {
    ~%33.33333%It dismisses, punishes or ignores the person's reports of their own thoughts and feelings#Yes. Treating private experience as wrong or unimportant is the core feature.
    ~%33.33333%It responds to extreme displays of emotion some of the time while ignoring calmer requests#Yes. This intermittently reinforces escalation, which makes escalation persistent.
    ~%33.33334%It makes solving life's problems look easier than it is#Yes. Oversimplified problem solving leaves the person without the steps and blames failure on effort.
    ~%-100%It always involves physical or sexual abuse#No. Abuse is one severe form, but well-meaning caregivers can be invalidating too.
}

::Central dialectic::The central dialectic in DBT is the balance between acceptance and {
    =change#Right. DBT holds acceptance and change together; either one alone failed its original clients.
    =changing#Right. DBT holds acceptance and change together; either one alone failed its original clients.
}.

::Function of self-harm::In the biosocial view, self-harm is understood as an attempt to regulate painful emotion. {T#It is true. The theory sees self-harm as a way of managing emotion the person has no other reliable way to manage. Understanding the function is not the same as approving.#Right. Seeing self-harm as an attempt at emotion regulation points treatment toward skills that do the same job without the damage.}

::First controlled trial::In what year was DBT first shown to be effective for borderline personality disorder in a controlled trial? {#1991#Right. The 1991 trial made DBT the first psychotherapy shown effective for BPD in a controlled trial.}

::Why acceptance::Why did Linehan add acceptance practices to a cognitive-behavioral treatment? {
    =Because a steady focus on change alone was experienced as invalidating by her clients#Right. Pure change felt invalidating, and pure acceptance ignored the suffering, so DBT holds both.
    ~To replace skills training with meditation#No. Acceptance was added alongside the change strategies, not instead of them.
    ~Because acceptance alone reliably stops self-harm#No. A purely accepting therapy left the suffering and the dangerous behavior in place.
    ~Because behavior therapy had no place in treating suicidal clients#No. DBT keeps behavior theory as one of its three foundations.
}

::A dialectical response::A client says, "I want to stop cutting, but it's the only thing that helps." Which response is most dialectical? {
    =Acknowledge that cutting does bring quick relief and that it also costs the client a great deal, then propose looking together for something that helps without that cost#Right. It validates what is true in the client's position and still moves toward change, a synthesis rather than a side.
    ~Tell the client that cutting is manipulative and has to stop now#This takes only the change side, and judgmentally. The client is likely to feel invalidated.
    ~Agree that if cutting helps, there is no need to work on it yet#This takes only the acceptance side and leaves a dangerous behavior in place.
    ~Move to another topic to avoid a power struggle#Sidestepping the tension resolves neither side of it.
}
""",
    },
}

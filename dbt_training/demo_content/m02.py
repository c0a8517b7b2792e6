"""Module 2: Structure of comprehensive DBT (demo course content, written for this project)."""

MODULE = {
    "title": "Structure of comprehensive DBT",
    "summary": (
        "How comprehensive DBT is put together: the four modes, the five functions they serve, "
        "which mode usually serves which function, and how a program is designed. The module "
        "spans all four modes (individual therapy, skills group, phone coaching and the "
        "consultation team) and the case management and family work around them, so its main tag "
        "is foundations and each of those is tagged as a further component."
    ),
    "component": "foundations",
    "treatment_priority": "",
    "skills_module": "",
    "components": [
        "individual_therapy",
        "skills_training_group",
        "phone_coaching",
        "consultation_team",
        "ancillary_treatment",
        "family_sessions",
    ],
    "treatment_priorities": [],
    "skills_modules": [],
    "treatment_stage": "",
    "release_offset_days": 7 * (2 - 1),
    "due_offset_days": 7 * (2 - 1) + 13,
    "lessons": [
        {
            "title": "Four modes, one treatment",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Modes and functions

Comprehensive DBT is delivered through several treatment settings, each doing a particular job. This module keeps two ideas apart: the **modes**, meaning the settings in which treatment happens, and the **functions**, meaning what the treatment as a whole has to achieve. Standard comprehensive DBT has four modes:

1. Individual therapy
2. Group skills training
3. Skills coaching between sessions, traditionally by phone
4. The therapist consultation team

A service that offers only one of these, such as a stand-alone skills group, may still help people, but it is not comprehensive DBT. This lesson covers the first two modes; the next covers the other two.

## Individual therapy

Individual sessions are weekly, and the individual therapist holds primary responsibility for the client's treatment. That means organizing the work around the treatment targets, keeping track of risk, and helping the client bring together what the other modes offer. Sessions usually begin with the diary card the client has kept during the week, which sets the agenda (modules 3 and 4 cover the target hierarchy and the card). Much of the detailed work happens here: analyzing specific episodes of problem behavior, strengthening commitment, and tackling whatever stops the client from using skills.

## Group skills training

The skills group meets weekly and runs as a class with homework, not as a process group. Leaders teach new skills and review how the homework practice went. Sessions last roughly one and a half to two and a half hours. One pass through the full curriculum takes about 24 weeks, and a one-year program usually runs it twice. The curriculum covers mindfulness, which is taught first and again between the other modules, along with distress tolerance, emotion regulation and interpersonal effectiveness. Group time goes to learning and practice; a group member's personal crisis is taken up in individual therapy.

## How the two fit together

*Example: on Tuesday a client learns a crisis survival skill in group and practices it as homework. On Friday her individual therapist reviews an episode from Wednesday night, finds the point where that skill could have been used, and helps her plan to use it next time.*
""",
        },
        {
            "title": "Coaching between sessions and the consultation team",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Skills coaching between sessions

Clients do not need skills most in a therapy room. They need them at home, at work, late in the evening after an argument. Between-session coaching, traditionally by phone, exists to help the client use skills at those moments.

Coaching contacts are brief, often 5 to 15 minutes, and they are coaching, not therapy. The question is "which skill can you use right now, and how?", not a review of the week. Coaching has three priorities:

- reducing suicidal crisis behavior;
- helping the client carry skills into daily life;
- repairing the relationship between client and therapist when something has gone wrong between them.

*Example: a client calls one evening with strong urges to self-harm after a fight with her sister. The therapist briefly acknowledges how intense this is, checks on immediate safety, asks what she has tried, coaches her through a skill that brings the intensity down, agrees on a plan for the next hour, and ends the call.*

Programs set their own rules for coaching: when it is available, who covers when the therapist is away, and how contact is handled around self-harm. These rules vary, so learn the ones your program uses and orient clients to them at the start.

## The therapist consultation team

The consultation team meets weekly and is often described as therapy for the therapists. It is not optional: DBT is not practiced alone, and a clinician without a team is not delivering comprehensive DBT. Teams usually have between three and eight members, and meetings usually open with a short mindfulness practice.

The team keeps its members skillful and motivated, helps them stay within the treatment when it gets hard, and notices burnout and therapist behavior that interferes with therapy. Members commit to a set of six agreements, covered in module 10.

*Example: a therapist tells the team she has started ending sessions early with a client who criticizes her sharply. The team validates how draining the sessions are, helps her look at the early endings as therapy-interfering behavior of her own, and helps her plan how to stay for the full hour.*
""",
        },
        {
            "title": "The five functions of comprehensive DBT",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Why functions matter

The modes are *how* standard DBT is delivered. The functions are *what* any comprehensive DBT program must accomplish. Thinking in functions helps when something is not working, and when a setting cannot offer the modes in their standard form. Comprehensive DBT has five functions.

## 1. Enhance client capabilities

Clients often lack the skills to regulate emotion, tolerate distress, manage relationships and direct their attention. The treatment teaches those skills. If a client has never learned how to get through a crisis without making it worse, no amount of encouragement will produce that behavior.

## 2. Improve client motivation

Knowing a skill is not the same as using it. Strong emotions, beliefs such as "nothing will help", and the short-term payoffs of old behavior all get in the way. DBT treats motivation behaviorally: the task is to reduce what interferes with skillful behavior and to strengthen the skillful behavior itself, not to wait for willpower to appear.

## 3. Generalize skills to the natural environment

A skill practiced in a quiet room must also work in a crowded kitchen during an argument. Generalization means the skills show up in the client's daily life, across situations and under stress.

## 4. Structure the environment

The treatment itself, and where possible the client's wider surroundings, should reinforce progress rather than problem behavior. This includes how the program is organized, case management, and work with families. A program whose rules give clients more attention after a crisis than after a good week is structured the wrong way round.

## 5. Enhance therapist capability and motivation

The work is demanding, and therapists, like clients, need skills and support to keep doing it well. A burned-out therapist may cancel sessions, avoid hard topics or become judgmental, and the client pays for it. Keeping therapists capable and motivated is treated as a function of the treatment, not as a private matter.

## One question for each function

- Does the client have the skill?
- Is anything stopping them from using it?
- Does it work outside the session?
- Does the environment reward progress?
- Are the therapists able and willing to keep going?
""",
        },
        {
            "title": "Which mode serves which function",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## The usual mapping

In standard comprehensive DBT, each function has a mode that mainly serves it:

| Function | Mode that usually serves it |
|---|---|
| Enhance client capabilities | Group skills training |
| Improve client motivation | Individual therapy |
| Generalize skills to the natural environment | Between-session coaching, and coaching in real situations |
| Structure the environment | Program design, case management, family sessions |
| Enhance therapist capability and motivation | Therapist consultation team |

## Main responsibility, not sole responsibility

The mapping says where a function mainly lives, not that other modes ignore it. An individual therapist who goes over how a skill could have been used last Wednesday is helping with generalization too, and group leaders who review homework are doing more than teaching. Still, the mapping tells you where to look first when a function is not being served.

## Troubleshooting by function

Used as a diagnostic, the mapping turns vague problems into specific ones:

- *Clients can explain the skills in group but never use them at home.* That is a generalization problem: look at coaching and at how homework is set.
- *A client knows exactly what she could do in a crisis but keeps choosing the old behavior.* That points to motivation, the core business of individual therapy.
- *Clients report that things only move after an emergency.* That is a question of how the environment is structured.
- *Two therapists have started dreading their sessions.* That belongs on the consultation team's agenda.

## When a mode cannot be offered as usual

Some settings cannot offer every mode in its standard form, for example a service without after-hours staff. The question then is not "which mode can we drop?" but "how will each function still be served?" Coaching in real situations by staff who are on site, for instance, can carry part of generalization. Whether an adapted program still counts as comprehensive DBT is a judgment to make with your team and trainers, not alone.
""",
        },
        {
            "title": "Designing a DBT program",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Program design structures the environment

Designing the program is the main way a service serves the function of structuring the environment. A program's rules and routines either support the treatment or work against it, whatever individual clinicians intend.

## The building blocks

- **A consultation team first.** Three to eight clinicians who meet weekly. Without the team there is no comprehensive DBT, so it comes before anything else.
- **Individual therapists.** Every client has one, and that therapist holds primary responsibility for the case.
- **Skills groups on a schedule.** Plan the cycle (about 24 weeks for the full curriculum, usually run twice for a one-year program), the session length, who leads, and when new members can join.
- **A coaching policy.** Who provides coaching, at what hours, who covers absences, and how clients are oriented to it.
- **Pre-treatment.** Time before treatment proper to orient the client, agree on goals and obtain commitment.
- **Shared tools.** One diary card format that everyone uses and reads the same way. Scales and fields vary between programs, so agree on yours.

## Case management

Clients in DBT usually deal with other professionals and agencies too. The default stance is **consultation to the patient**: clinicians coach the client to deal with those professionals directly, rather than acting as a go-between. The opposite pole is **environmental intervention**, where the clinician steps in directly. Striking the balance between the two is a recurring decision, and module 10 returns to it.

## Families

Family sessions are one way to structure the client's wider environment, particularly where family members are closely involved, as with adolescents. Adolescent programs usually teach the Walking the Middle Path skills as a module of their own; the 2015 adult skills manual places the same skills within interpersonal effectiveness. Module 9 covers them.

## An example

*A community clinic has four clinicians who want to offer DBT. They form a team before taking any referrals and agree on meeting times and the six team agreements. They plan a weekly evening skills group, agree that each client's individual therapist provides coaching during set hours with a colleague covering holidays, and design a pre-treatment process of several sessions. Finally, they check their intake rules for anything that would give clients faster access after a crisis than after steady effort.*

For teams that take part in team-based intensive training, building the program in this way is a large part of the work between the two parts of the training.
""",
        },
        {
            "title": "Exercise: map your service to the five functions",
            "kind": "exercise",
            "estimated_minutes": 25,
            "body": """## The task

Take the service where you work now, or the one you are planning, and map it against the five functions. Write your answers down; you will find them useful when you plan with your team.

1. **List what exists.** Write down every regular activity: individual sessions, groups, contact between sessions, team meetings, case management, family work.
2. **Assign each to a function.** For each activity, note which of the five functions it mainly serves. Some activities will serve more than one; some may serve none.
3. **Find the gaps.** Which function has nothing, or very little, serving it? Pay special attention to generalization and to therapist capability and motivation, which are easy to overlook.
4. **Check the structure.** Look at your service's rules: appointment access, extra contact, discharge. Does anything make crisis more rewarding than steady progress?
5. **Plan one change.** Choose one gap and describe a realistic change that would address it, who would need to agree, and what could get in the way.

## If you have no DBT program yet

Sketch the smallest program that would serve all five functions with the staff you have. Note which mode would be hardest to set up and why.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: structure of comprehensive DBT",
        "gift": """::Functions and modes::Match each function of comprehensive DBT with the mode that usually serves it. {
    =Enhance client capabilities -> Group skills training
    =Improve client motivation -> Individual therapy
    =Generalize skills to the natural environment -> Between-session skills coaching
    =Structure the environment -> Program design, case management and family sessions
    =Enhance therapist capability and motivation -> Therapist consultation team
    ####Skills are taught in group, motivation is the business of individual therapy, coaching carries skills into daily life, program design and case management structure the environment, and the team keeps therapists capable and motivated.
}

::Primary responsibility::In standard comprehensive DBT, who holds primary responsibility for a client's treatment? {
    =The individual therapist#Right. The individual therapist organizes the treatment around its targets and brings the other modes together for the client.
    ~The skills group leader#The group leader teaches skills; primary responsibility lies with the individual therapist.
    ~Whichever clinician takes the coaching calls#Coaching is brief and focused; it does not carry primary responsibility.
    ~The consultation team as a whole#The team supports its members, but each client's individual therapist holds primary responsibility.
}

::No solo DBT::A clinician working without a consultation team can deliver comprehensive DBT, as long as the other three modes are offered. {F#It is false. The consultation team is a required mode; DBT is not practiced alone.#Right. The team is required, because enhancing therapist capability and motivation is one of the treatment's functions.}

::Coaching priorities::Which of these are priorities of between-session skills coaching? Select all that apply. {
    ~%33.33333%Reducing suicidal crisis behavior#Yes. Coaching helps the client use skills instead of crisis behavior.
    ~%33.33333%Helping the client use skills in daily life#Yes. Generalization is the function coaching mainly serves; within a call, a suicidal crisis still comes first.
    ~%33.33334%Repairing the client-therapist relationship after a rupture#Yes. A brief contact can repair a rupture before the next session.
    ~%-50%Reviewing the whole week's events in depth#No. Coaching is brief coaching, not a therapy session.
    ~%-50%Teaching a new skills module from the beginning#No. New skills are taught in the skills group.
}

::Skills curriculum length::About how many weeks does one pass through the full skills training curriculum take? {#24:2#Right. About 24 weeks, and a one-year program usually runs the curriculum twice.}

::Therapy for the therapists::Which mode of comprehensive DBT is often described as therapy for the therapists? {
    =consultation team#Right. The team meets weekly to keep its members skillful and motivated.
    =the consultation team#Right. The team meets weekly to keep its members skillful and motivated.
    =therapist consultation team#Right. The team meets weekly to keep its members skillful and motivated.
    =DBT consultation team#Right. The team meets weekly to keep its members skillful and motivated.
}

::Missing function::A clinic offers weekly individual therapy, a weekly skills group and a consultation team, but no skills coaching between sessions or in real situations. Which function is least well served? {
    =Generalizing skills to the natural environment#Right. Coaching is the mode that usually serves generalization, so the clinic needs another way to help clients use skills where problems happen.
    ~Enhancing client capabilities#The skills group serves this function.
    ~Improving client motivation#Individual therapy serves this function.
    ~Enhancing therapist capability and motivation#The consultation team serves this function.
}

::Consultation to the patient::A client's individual therapist helps her plan how to ask her housing caseworker for a new appointment herself, instead of calling the caseworker on her behalf. Which case-management stance is this? {
    =Consultation to the patient#Right. The clinician coaches the client to deal with other professionals directly rather than acting as a go-between.
    ~Environmental intervention#No. Environmental intervention would mean the therapist contacting the caseworker directly.
    ~Irreverent communication#No. That is a communication style, not a case-management stance.
    ~Devil's advocate#No. That is a commitment and dialectical strategy, not a case-management stance.
}
""",
    },
}

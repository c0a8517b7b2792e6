"""Module 10: Coaching, team and professional practice (demo course content, written for this
project)."""

MODULE = {
    "title": "Coaching, team and professional practice",
    "summary": (
        "Between-session phone coaching and its priorities, the consultation team and its "
        "agreements, therapist burnout, adherence, and the difference between DBT training and "
        "clinician certification."
    ),
    "component": "consultation_team",
    "treatment_priority": "",
    "skills_module": "",
    "components": ["phone_coaching"],
    "treatment_priorities": ["life_threatening", "therapy_interfering"],
    "skills_modules": [],
    "treatment_stage": "",
    "release_offset_days": 7 * 9,
    "due_offset_days": 7 * 9 + 13,
    "lessons": [
        {
            "title": "Phone coaching: what it is for",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## The generalization problem

Skills learned in a group room do not automatically show up at 11 p.m. in the middle of a fight with a partner. Between-session skills coaching, usually by phone and usually with the client's individual therapist, is the mode of comprehensive DBT whose main job is to **generalize skills to the natural environment**: to help the client use the right skill in the actual situation where it is needed.

## Coaching, not therapy

A coaching contact is **brief**, often somewhere between five and fifteen minutes. It is not a place for a chain analysis of the week, for processing the past or for a long discussion of the relationship. The therapist's question is practical: what is happening right now, what has the client already tried, and which skill could they use next? Anything bigger is noted and taken to the next individual session.

## Three priorities

Coaching contacts serve three purposes, in this order:

1. **Reducing suicidal crisis behavior** — helping the client get through a crisis without self-harm or a suicide attempt, and assessing risk when it is present.
2. **Generalizing skills** — coaching a skill in the moment, even when there is no crisis: a DEAR MAN before a hard conversation, opposite action when shame is pulling the client to hide.
3. **Repairing the relationship** — giving the client a way to raise a sense of conflict, hurt or distance with the therapist, so it does not have to wait a week and grow in the meantime.

## Teaching clients to call early

Clients are oriented in pre-treatment: call *before* acting on an urge, not afterwards. Many clients have learned that help arrives only when they escalate. Coaching that is readily available before a crisis behavior reinforces reaching out early. Some programs also keep contact after self-harm brief and focused on medical safety; practice varies. Early descriptions of DBT included a "24-hour rule" limiting coaching contact for a day after self-harm, apart from medical safety; programs now differ in whether and how they apply it, so follow your own program's policy.

## Limits

Therapists set their own availability (hours, channels such as calls or text messages, response times) and tell clients clearly. Limits differ from therapist to therapist, and the consultation team helps each therapist keep theirs honestly rather than over-extending and then resenting the client.
""",
        },
        {
            "title": "A coaching call, step by step",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## A simple structure

Programs and therapists differ in their style, but most coaching contacts follow a similar arc:

1. **Orient quickly.** What is going on right now, and how intense are the emotions and urges? If there is imminent risk, the call shifts to risk assessment and safety steps according to the program's protocol.
2. **Ask what the client has already tried.** This reinforces skill use and avoids suggesting something that has just failed.
3. **Choose one skill, or a short sequence.** Match the skill to the state: very high arousal points to crisis survival skills such as TIP or STOP; an emotion that does not fit the facts points to opposite action; a conversation coming up points to DEAR MAN. TIP skills carry medical cautions, so the therapist knows in advance whether they are safe for this client.
4. **Troubleshoot.** What might get in the way in the next hour, and what will the client do then?
5. **Get a commitment and close.** The client says what they will do next. The therapist ends warmly and notes anything to bring to the next session.

## Example

A client texts at 9 p.m. asking for a call. On the phone she says she has strong urges to cut after a message from her ex and rates the urge 4 out of 5. She has not used any skills yet. The therapist briefly validates how painful the message was, then coaches her through cold water on her face and paced breathing, checking her urge rating after each. When the urge drops to 2, they agree that she will not reply to the message tonight, will put her phone in another room and will watch a film with her roommate. She commits to calling again if the urge climbs. The call lasts about ten minutes. The therapist notes the prompting event to include in the next diary card review.

## Common traps

- Letting a coaching call become a full session because the client is distressed and the therapist wants to help.
- Solving the problem for the client instead of coaching the client to use a skill.
- Coaching only in crises, so clients never learn to call for generalization or for repair.
""",
        },
        {
            "title": "The consultation team and its agreements",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## Therapy for the therapists

The therapist consultation team is a required mode of comprehensive DBT: there is no solo DBT. A team of roughly three to eight clinicians meets weekly, usually opening with a short mindfulness practice. Its function is to **enhance therapist capability and motivation**. Team members apply DBT to each other: they validate, problem-solve, notice therapy-interfering behavior of the therapist and keep each other within the treatment.

## The six agreements

Members commit to six agreements about how they will treat one another and their clients. Each is short to state and hard to keep under pressure.

- **Dialectical agreement** — disagreement on the team is expected and useful. When two members see a case differently, the team asks what each view gets right and works toward a position that holds both, instead of settling who wins.
- **Consultation-to-the-patient agreement** — therapists do not carry messages or negotiate on the client's behalf with other professionals, relatives or fellow team members. They coach the client to handle those contacts herself, which treats her as capable of managing her own network.
- **Consistency agreement** — members do not try to present a uniform front. If the group leader and the individual therapist handle lateness differently, that is an ordinary feature of working with more than one person, not a failure the team has to iron out; clients meet such differences everywhere else too.
- **Observing-limits agreement** — each therapist is open about her own limits (hours, channels, what she will and will not do) and keeps them, and colleagues do not criticize one another for drawing those lines in a different place.
- **Phenomenological empathy agreement** — members explain a client's behavior, and each other's, in ways that make sense from the inside and carry no blame. When a label such as "manipulative" comes up, the team looks for the understandable account behind the behavior.
- **Fallibility agreement** — every member, however experienced, gets things wrong at times, and the team says so openly. Because mistakes are taken for granted, owning one costs little, and the team's time goes into sorting out the problem rather than assigning fault.

## Consultation-to-the-patient in practice

A client is angry that her psychiatrist changed a medication without explaining why, and asks her individual therapist to call the psychiatrist. Under this agreement, the therapist instead helps her plan the conversation herself, perhaps with a DEAR MAN script. The dialectical counterpart is **environmental intervention**: the therapist steps in directly when the client cannot reasonably act for themselves and the stakes are high, for example when there is imminent risk to life.
""",
        },
        {
            "title": "Therapist burnout and how the team responds",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Why burnout is a clinical problem

Working with clients who are chronically suicidal is demanding. Repeated crises, slow progress and the fear of losing a client wear therapists down. In DBT, burnout is not treated as a private matter: it leads directly to **therapy-interfering behavior of the therapist**, which sits second in the stage-1 target hierarchy, right after life-threatening behavior.

## Signs to watch for

Burnout rarely announces itself. It tends to show up as small changes in behavior:

- cancelling or shortening sessions with one particular client, or arriving late to them;
- describing a client in pejorative terms ("manipulative", "attention-seeking") instead of describing behavior;
- stretching limits far beyond what is sustainable, then feeling resentful;
- becoming rigid, or else so flexible that the treatment loses its structure;
- dreading coaching calls and responding slowly to them.

Clients can also contribute, for example by pushing a therapist's limits repeatedly. DBT names behavior that burns out the therapist as a client therapy-interfering behavior, to be addressed openly and without blame.

## What the team does

Because the team's function is to enhance therapist capability and motivation, a therapist who is burning out brings it to the team as an agenda item, much as a client brings a target behavior to session. The team validates the difficulty, helps the therapist find a non-pejorative understanding of the client (phenomenological empathy), helps them clarify and observe their limits, and does a chain or solution analysis of the therapist's own behavior when needed. The fallibility agreement makes it safer to admit that things are going wrong.

## Example

A therapist notices she has cancelled two sessions with the same client in three weeks. At team she names it as her own therapy-interfering behavior. A colleague helps her see that the cancellations followed sessions with long silences she found hard to tolerate. The team helps her plan how to structure those sessions, and she commits to keeping the next appointment.
""",
        },
        {
            "title": "Adherence, training and certification",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Adherence: doing DBT as designed

Adherence means delivering the treatment the way it was designed, not just using a few of its techniques. Research on DBT uses an observer-rated adherence coding scale: trained raters code recorded sessions for the DBT strategies the therapist used. Published descriptions of what score counts as adherent vary, so this course does not give you a fixed cutoff. In everyday practice, many teams support adherence by reviewing session recordings together, checking sessions against the target hierarchy, and giving each other specific feedback.

## Training is not certification

Training and certification are different things, and it matters to say so accurately to clients, employers and payers.

- **Training** — courses like this one teach DBT. Completing a course may earn a certificate of completion and, where a licensing board has approved the provider, continuing education credit. A training certificate documents that you took part in training.
- **Clinician certification** — granted by a separate body, the DBT-Linehan Board of Certification, after an independent evaluation of the clinician.

Completing this course does **not** make you a certified DBT clinician, and you should not describe yourself that way on the strength of it.

## What board certification asks for

The board sets its own requirements, and they can change, so check its current criteria before planning. They have included:

- a graduate degree in a mental health field and a license to practice;
- at least **40 hours** of didactic DBT training;
- at least one year as a member of a DBT consultation team;
- three completed cases of stage-1 DBT;
- passing a knowledge exam;
- video work samples of the clinician's sessions, coded for adherence.

## Other routes of training

At one major training provider, the team-based intensive training runs as two five-day parts with months of team homework in between, and a shorter foundational training exists for new members joining teams that are already trained. Formats, names and hours vary between providers.
""",
        },
        {
            "title": "Preparing for the live session: a team role-play",
            "kind": "live_session_preparation",
            "estimated_minutes": 15,
            "body": """## What we will do

The live session closes the course with a practice consultation-team meeting and a short coaching-call role-play. You will take turns as therapist, client and team member.

## Before the session

1. **Prepare a coaching scenario.** Write three or four lines describing an invented client calling between sessions: what happened, the emotion and its intensity, any urges and what they have tried so far. We will use some of these for coaching practice.
2. **Bring a team agenda item.** Choose one real difficulty from your own work, fully de-identified, such as a client you dread seeing or a limit you keep stretching. Be ready to describe it in non-pejorative, behavioral terms.
3. **Review the six agreements.** Pick the one you find hardest to keep and note why.
4. **Prepare a short mindfulness practice** (two or three minutes) you could lead to open a team meeting.

## During the session

Expect to be coached in the moment. The aim is not a perfect performance but practice in staying brief on the phone, staying dialectical in team, and noticing your own therapy-interfering behavior with curiosity rather than self-judgment.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: coaching, team and professional practice",
        "gift": r"""$CATEGORY: DBT/Coaching and team

::Coaching priorities::Which of these are priorities of between-session phone coaching? Choose all that apply. {
    ~%33.33333%Reducing suicidal crisis behavior#Yes, this comes first.
    ~%33.33333%Generalizing skills to the situation where they are needed#Yes.
    ~%33.33334%Repairing the relationship between client and therapist#Yes.
    ~%-50%Completing a full chain analysis of the past week#No. Chain analysis belongs in the individual session; coaching is brief.
    ~%-50%Processing past traumatic memories#No. Coaching is coaching, not therapy, and exposure work belongs to stage 2.
    ####Phone coaching targets suicidal crisis behavior, skills generalization and relationship repair, in that order, and stays brief.
}

::Coaching not therapy::A phone coaching contact is meant to be brief and focused on which skill the client can use next, not to be a full therapy session. {T#It is true. Longer discussion, chain analysis and processing are taken to the next individual session.#Right. Coaching is brief, often five to fifteen minutes, and focused on the skill to use now.}

::Consultation to the patient::A client is upset that her psychiatrist changed her medication without explaining why, and asks her DBT therapist to call the psychiatrist for her. She is not at risk. Under the consultation-to-the-patient agreement, what does the therapist usually do? {
    =Coach the client to raise it with the psychiatrist herself, for example by planning a DEAR MAN#Right. The therapist consults to the client on how to deal with her own network instead of acting as a go-between.
    ~Call the psychiatrist and explain the client's concerns#No. That is environmental intervention, kept for situations where the client cannot reasonably act for herself and the stakes are high.
    ~Tell the client that medication is not a DBT target#No. Her concern is legitimate; the agreement is about who handles it, not whether it matters.
    ~Ask the skills group leader to talk to the psychiatrist#No. Passing the message to another team member is still acting as a go-between.
}

::Team agreements::Match each consultation team agreement to what it asks of team members. {
    =Dialectical -> Work toward a position that holds differing views instead of picking a winner
    =Consultation-to-the-patient -> Coach the client to handle other professionals instead of acting as a go-between
    =Consistency -> Treat differences between clinicians' rules and styles as ordinary
    =Observing limits -> Keep your own limits and do not criticize colleagues who draw theirs elsewhere
    =Phenomenological empathy -> Seek non-pejorative accounts of behavior that make sense from the inside
    =Fallibility -> Take mistakes for granted and put the effort into fixing them, not assigning fault
    ####These six agreements shape how a DBT consultation team works together.
}

::Cancelled sessions::A therapist has cancelled two sessions in three weeks with a client she finds draining. In DBT terms, what is this, and where does it go? {
    =Therapy-interfering behavior of the therapist, to be raised in the consultation team#Right. Therapist behavior that gets in the way of treatment is a stage-1 target, and the team exists to enhance therapist capability and motivation.
    ~A quality-of-life-interfering behavior of the client#No. The behavior is the therapist's.
    ~A private matter that does not concern the team#No. In DBT the team treats the therapist, and burnout is a legitimate agenda item.
    ~A reason to transfer the client immediately#No. The first step is to understand and address the therapist's behavior with the team.
}

::Didactic hours::According to the DBT-Linehan Board of Certification's requirements described in this module, at least how many hours of didactic DBT training must a clinician have completed to apply for certification? {#40:0#Right. At least 40 didactic hours, along with consultation team membership, completed cases, an exam and work samples.}

::Training certificate::Completing a DBT training course and receiving its certificate of completion makes a clinician certified in DBT. {F#It is false. Certification is a separate evaluation by the DBT-Linehan Board of Certification.#Right, it is false. A training certificate documents training; clinician certification is granted separately by the board.}

::Adherence scale::Which statement about measuring DBT adherence is accurate? {
    =An observer-rated coding scale exists, on which trained raters code recorded sessions for DBT strategies#Right. Adherence is rated by trained observers from session recordings; what score counts as adherent is described differently in different sources.
    ~Adherence is measured by a questionnaire the client completes after each session#No. The adherence coding scale is rated by trained observers, not by clients.
    ~A therapist is adherent once they have completed a training course#No. Training is not the same as delivering the treatment as designed.
    ~Adherence is shown by the number of skills taught per month#No. Adherence concerns how the whole treatment and its strategies are delivered.
}
""",
    },
}

"""Module 15: The consultation team at work (demo course content, written for this project)."""

MODULE = {
    "title": "The consultation team at work",
    "summary": (
        "How a DBT consultation team meeting runs: its format, its own target hierarchy, the "
        "rotating roles of leader, observer and note-taker, asking the team for what you need, "
        "and how the team responds to burnout and to a member drifting from adherence."
    ),
    "component": "consultation_team",
    "treatment_priority": "",
    "skills_module": "",
    "components": [],
    "treatment_priorities": ["therapy_interfering"],
    "skills_modules": [],
    "treatment_stage": "",
    "release_offset_days": 7 * 14,
    "due_offset_days": 7 * 14 + 13,
    "lessons": [
        {
            "title": "Running the meeting: format, agenda and roles",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## The team treats the therapists

Module 10 introduced the consultation team, its function and its six agreements. This module looks at what actually happens in the room each week.

The starting point is simple to say and easy to forget: **the team's clients are the therapists**. A DBT team is not mainly a case conference where clinicians report on clients and trade opinions about them. It is a treatment, delivered by the members to each other, whose aim is to keep every therapist capable, motivated and working within DBT. Each member is at the same time a therapist to colleagues and a client of the team. The tools are the ones used with clients: validation, problem solving, chain and solution analysis, commitment strategies, dialectical thinking, and a target hierarchy that decides what comes first.

This changes the question a member brings. "What is wrong with my client?" becomes "What do I, as this client's therapist, need in order to treat her well?" The client's behavior still matters, because it is the context, but the team's work is on the therapist's understanding, skills, limits and motivation. A common way of describing the arrangement is that the members act as one group of clinicians treating one group of clients: every member shares some responsibility for every client the team sees, not only for their own caseload.

## A typical format

Teams meet weekly at a fixed time, and the details of their format vary. A typical meeting runs like this:

1. **A mindfulness practice.** A few minutes, led by a member. It brings people out of the rush of the clinic day and into the room, and it keeps the therapists practicing what they teach. Leading it is a chance to practice describing a skill clearly.
2. **Reading one of the agreements.** A member reads one of the six agreements in the team's own wording, usually moving through them in turn over the weeks. Some teams add a sentence or two about where the agreement was hard to keep that week.
3. **Setting the agenda.** Members ask for time, say briefly what kind of item they have and what they need, and the leader puts the items in order.
4. **Working through the agenda**, item by item, in that order.
5. **A short close.** The note-taker reads back who agreed to do what, and the team confirms who takes which role next week.

## The team's own target hierarchy

Individual therapy orders its agenda by the stage-1 targets. The team orders its agenda by a hierarchy of its own, built on the same logic:

1. **Therapists' crises with suicidal clients.** A client at high risk, a recent suicide attempt or serious self-harm, a decision about safety that the therapist is facing now. Keeping clients alive comes first, and a therapist carrying a high-risk client needs the team's help before anything else.
2. **Therapy-interfering behavior of therapists, and of the team.** A member who is late to sessions, avoiding a client's calls, or dropping a part of the treatment; and behavior that gets in the way of the team itself, such as members arriving late to team, skipping it, not doing what they agreed to do, or talking about clients in judgmental ways. Some teams call the second kind team-interfering behavior. A treatment cannot work if it is not being delivered, and a team cannot help if it is not functioning.
3. **Burnout and motivation.** A member who is exhausted, dreading a client, losing hope or losing interest in the work. Burnout comes this high because left alone it turns into therapy-interfering behavior.
4. **Other matters.** Case questions that are not urgent, new referrals, scheduling, program decisions, training plans and announcements.

The order says what comes **first**, not what gets the most time. A crisis item may take five minutes; a program decision may need twenty. When time runs short, it is the items at the bottom that wait for next week.

The team meeting is not the only place to get help in a crisis. If a client is at imminent risk on a Monday and the team meets on Thursday, the therapist follows the program's risk protocol and consults a colleague straight away. The crisis then comes to the team as a first-tier item, for review, support and planning.

## Roles

Most teams share out three roles for each meeting.

- **Leader.** Starts on time, runs the mindfulness practice or hands it to someone, sets the order of the agenda by the hierarchy, keeps time, and makes sure each member who asked for help gets an answer to the request they made. The leader also steers the team back when it drifts into story-telling or off the hierarchy.
- **Observer.** Watches how the team is talking rather than what it is talking about. The observer notices **judgmental** language (about clients, colleagues or oneself), pejorative explanations of behavior, and **non-dialectical** talk: either-or positions, the team polarizing into two camps, or one view being pushed with no attempt to see what the other gets right. Many teams give the observer a bell or chime. The signal is brief and does not stop the discussion for a lecture: the speaker notices, and restates the point in descriptive, non-judgmental terms. The bell is a cue, not a penalty, and the observer uses it in the same spirit.
- **Note-taker.** Records the agenda, the requests, what was decided and who committed to what, so that follow-up items return next week. Team notes are about the therapists' work, not a clinical record; members keep client details to what the discussion needs and follow their organization's rules about what such notes may contain.

## Why the roles rotate

The roles usually **rotate**, weekly or on another regular schedule. Rotation spreads the skills: every member learns to lead a meeting, to keep time and to observe the team's process without judging it. It also keeps the team from settling into a fixed hierarchy in which the most senior clinician always chairs, always speaks first and is never observed. A team may have a standing team leader who handles program matters and contact with training providers; even then, running the weekly meeting can be passed around. Rotation shares the load too, so no single person carries the job of keeping the team on track every week.

## Key points

- The team treats the therapists; members are both therapists to each other and clients of the team.
- A typical meeting: mindfulness, an agreement, agenda setting, the agenda in order, a short close.
- The team's hierarchy: therapists' crises with suicidal clients; therapy-interfering behavior of therapists and of the team; burnout and motivation; other matters.
- Leader, observer and note-taker rotate.
""",
        },
        {
            "title": "Asking for what you need, and burnout",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Say what you need before you start

When a member puts an item on the agenda, they say three things: **what kind of item it is**, **how much time they need**, and **what they want from the team**. That last part is the one most often skipped, and skipping it causes most of the frustration in team meetings.

Different requests call for different responses:

- "I need validation. This week was hard and I want to be heard before anyone suggests anything."
- "I need ideas. I have tried two ways of getting her to fill in the diary card and neither worked."
- "I need a chain analysis of my own behavior. I keep ending sessions early with this client and I don't know why."
- "I need a role-play. I have to tell him about the four-miss rule and I keep softening it."
- "I need you to hold me to something. I will tell you next week whether I did it."
- "For information only. No discussion needed."

A team that does not know which of these is wanted falls back on habit, and the habit of most clinicians is to problem-solve. A member who needed validation then gets a list of suggestions and leaves feeling unheard; a member who needed a concrete plan gets sympathy and no plan. Stating the request at the start lets the team balance acceptance and change the way a DBT therapist does with a client.

The leader helps by asking "What do you need from us?" when a member launches into a case without saying, and by checking at the end of the item: "Did you get what you asked for?" If the answer is no, the team either tries again or the member brings it back next week.

## Asking skillfully

Asking for help is a skill, and therapists are not always good at it. Some members present a long, detailed story and only at the end reveal what they wanted. Others wait until they are overwhelmed before saying anything. A few useful habits:

- **Describe, don't judge.** Give the facts of what the client did and what you did, then your own emotions and urges. "She shouted and walked out, and I noticed relief and an urge not to call her back" gives the team something to work with; "she's impossible" does not.
- **Keep the story short.** Give the team the part of the case that bears on your request, not the whole history.
- **Ask early.** A small item this week is easier to solve than a crisis in a month.
- **Name your own part.** If your behavior is part of the problem, say so. The fallibility agreement exists to make this cheap.

Members also raise things they were not asked about. If a colleague notices that another member has described a client pejoratively three weeks running, or seems to be avoiding a client, the team's job is to say so, kindly and specifically. Therapists cannot always see their own therapy-interfering behavior, which is one reason the team exists.

## The team's role with burnout

Module 10 described why burnout matters in DBT and the signs that often signal it. Here the focus is on what the team does about it, week by week.

**It makes burnout an ordinary agenda item.** Because burnout and motivation have their own place in the team's hierarchy, a member does not need to wait for a collapse to raise it. "I'm running low" is a legitimate request for time.

**It validates first, then solves.** Carrying several chronically suicidal clients is genuinely hard, and a therapist who is told to "look after yourself" with nothing more feels dismissed. After the validation, the team looks at the causes, which are often concrete and fixable:

- the load: how many high-risk clients each member carries, whether new intakes can go to someone else for a while;
- cover: who takes coaching calls when a member is on leave or off duty, so nobody is always on call;
- limits: whether the member has quietly stretched their limits and now feels resentful, and how to restate them honestly with the client;
- understanding: whether the member has started to explain a client's behavior in pejorative terms, and what a more understanding account would be;
- skills: whether the member is stuck because they do not know what to do next with a case, which is a training need rather than a character flaw.

**It works on motivation directly.** The team's function includes enhancing therapist motivation, not just capability. That can mean cheerleading, reminding a member of a client's real progress, or asking what drew them to this work. It can also mean helping a member renew a commitment that has worn thin, with the same commitment strategies used with clients.

**It watches for burnout in itself.** Teams burn out too. Meetings that start late, members who skip mindfulness, cynical jokes about clients, discussions that go round in circles, items that come back week after week with nothing done: these are the team's own therapy-interfering behavior, and they belong on the agenda just as a single member's would. The team describes what is happening without blame, looks at what is driving it and agrees on changes.

## Key points

- Every agenda request says what kind of item it is, how long it needs and what the member wants.
- The leader checks at the end whether the member got what they asked for.
- Members describe rather than judge, keep the story short, ask early and name their own part.
- The team validates burnout, looks for its concrete causes, works on motivation, and notices its own burnout as a team.
""",
        },
        {
            "title": "When a member drifts from adherence",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Drift is normal

Adherence means delivering DBT as it was designed, and almost every therapist drifts from it at some point. Drift is usually gradual and usually understandable. A few common forms:

- diary cards are glanced at but no longer set the agenda;
- self-harm is mentioned but not followed by a chain analysis;
- sessions follow whatever the client brings in, instead of the target hierarchy;
- the balance tips: all validation and no change, or all problem solving with no validation;
- coaching calls stretch into long therapy sessions, or the therapist quietly stops being available without telling the client;
- the therapist starts acting as a go-between with the client's other providers;
- the client's therapy-interfering behavior is no longer named in session.

Drift is often **maintained by reinforcement**, just as a client's problem behavior is. A therapist who skips the chain analysis avoids a tense, angry session and gets a pleasant hour instead. The relief makes skipping more likely next time. Seeing drift this way helps the team respond to it as behavior with causes, not as a lapse of character.

## How the team notices

Drift shows up in the way members present their cases: a member describes a month of sessions without mentioning the diary card, or talks about a client's self-harm without any chain analysis. Many teams review session recordings together, which shows what is happening far more clearly than a description does. The observer may notice it in how a member talks about a client. And sometimes the member notices it first and says so, which is the best outcome of all.

## What the team does

When the team sees a member falling out of adherence, it treats it as **therapy-interfering behavior of the therapist**, second in the team's hierarchy, and responds with DBT.

1. **Name it, specifically and without judgment.** "In the last three sessions you described, there was no chain analysis of the cutting" is useful. "You're not really doing DBT with her" is not. The fallibility agreement applies: every member drifts, so saying so is not an accusation.
2. **Validate what makes it understandable.** Perhaps the client becomes very distressed during chain analysis, or the therapist is exhausted. The drift makes sense; it is still a problem to solve.
3. **Analyze it.** A short chain analysis of the therapist's behavior: when did the skipping start, what came just before it, what followed it, what made it easier to avoid than to do.
4. **Solve it.** Possible solutions include rehearsing the avoided strategy in a role-play, reviewing a recording of the next session together, rereading the relevant part of the treatment manual, pairing with a more experienced member, planning how to orient the client to the change, or extra training.
5. **Commit and follow up.** The member commits to something concrete for the next session, the note-taker records it, and the item comes back next week.

The same process applies when the whole team drifts: when the mindfulness practice disappears, the agreements stop being read, or the meeting turns into general case chat. The observer or any member can name it, and the team puts its own drift on the agenda.

## When drift persists

Most drift responds to this kind of help. Sometimes it does not. A member may keep agreeing to changes and not making them, or may say openly that they no longer want to work in this way. The team then says so directly and discusses it with the member, without judgment: what is getting in the way, what support would help, and whether the member is still committed to practicing DBT and to the team. If the member is not, the team and the member work out openly what that means for the member's place on the team and for the clients they treat. Decisions about employment or caseloads belong to the organization, and the team is not a disciplinary body; but it does not keep quiet and pretend that DBT is being delivered when it is not.

## Key points

- Drift from adherence is common, gradual and often maintained by the relief of avoiding hard work.
- The team notices it in case presentations, recordings and its observer's comments.
- It responds as to therapist therapy-interfering behavior: name it, validate, analyze, solve, commit and follow up.
- Persistent drift is discussed openly with the member, including their commitment to DBT and to the team.
""",
        },
        {
            "title": "Worked example: one team meeting, item by item",
            "kind": "reading",
            "estimated_minutes": 25,
            "body": """## The team

A five-member team in an outpatient clinic meets every Thursday at noon. This week **Dana** leads, **Marcus** observes (with a small bell on the table) and **Priya** takes notes. **Tom** and **Elena** are the other members. All the clients below are fictional, referred to by first name only.

## Opening

Dana starts at noon although Elena is still on her way. She leads a three-minute practice of observing the sounds in the room, and asks two people to describe one sound each without labeling it as pleasant or unpleasant.

Tom reads the week's agreement, fallibility, in the team's own words, and adds: "This one is for me today. I have something where I'm not sure I did it right."

## Setting the agenda

Dana asks for items. Each member says what kind of item they have, how long they need and what they want.

- **Tom:** "A crisis. Ray told me on a coaching call last night that he has been thinking about a specific way to kill himself. Fifteen minutes. I want you to check my plan for tomorrow's session, and I need some support; I didn't sleep much."
- **Priya:** "My own therapy-interfering behavior. I've been late to my last two sessions with Jo and I'm slow to answer her texts. Ten minutes. I'd like a quick chain analysis and help with a plan."
- **Marcus:** "The team's behavior. We've started late three weeks running. Five minutes, to agree on a fix."
- **Elena** (arriving): "Burnout. Ten minutes. Validation first, please, then help with my caseload."
- **Dana:** "Other matters. A new referral and a change to the group schedule. Five minutes."

Dana orders the agenda by the team's hierarchy: Tom's crisis first; then Priya's item and the late starts, both therapy-interfering behavior; then Elena's burnout; then the other matters. Forty-five minutes are requested, so there is a little room.

## Item 1: Tom's crisis with a suicidal client

Tom describes the call. Ray, a client in his first months of treatment, called in the evening after an argument with his brother. During the call Tom followed the program's risk protocol: he asked about the plan, intent and access to means, and about what had helped before. Ray agreed to a plan for the night, which included asking his sister to keep his stored medication for now, and to a session the next day. Tom spoke to the on-call colleague afterwards, as the clinic's policy requires, and wrote up what he assessed and why he decided what he did.

Tom's request was to have his plan checked, and the team does that. It confirms that suicidal behavior, including the planning, is the top target for tomorrow's session: Ray's diary card, then a chain analysis of last night, starting from the argument, then an updated crisis plan. Priya asks who will take Ray's calls over the weekend, since Tom is away on Saturday; they agree that Dana will cover and that Tom will tell Ray in session who to call.

Then the discussion polarizes. Elena says, "If he has a plan he should be in hospital." Dana answers, "He's done this before, he's just upset about his brother." Marcus rings the bell. "I'm hearing two camps, and 'just upset' sounds dismissive." Dana restates: "He has had suicidal thinking after conflicts before, and it has passed. That doesn't mean it will this time." Elena restates too: "I'm scared for him and I want him safe." The team pulls the two views together. Tom will reassess the risk tomorrow using the protocol; if the risk is imminent and cannot be managed in outpatient treatment, safety comes first, including emergency services or hospital as the protocol sets out; if not, Ray stays in outpatient treatment with the updated plan and the agreed cover.

Before closing the item, Dana turns to the second part of Tom's request. Members validate how frightening the call was and how much it weighs to carry it overnight. Tom says it helps to know someone else will be on call this weekend. Dana asks, "Did you get what you needed?" Tom says yes. Priya notes Tom's commitments and Dana's cover.

## Item 2: Priya's lateness with Jo

Priya describes her behavior plainly: late to the last two sessions, ten minutes each time, and two texts left unanswered for over a day. Marcus asks the questions for a short chain analysis. Both late starts followed a back-to-back booking in the hour before. The texting delay started after a session in which Jo became angry during a chain analysis. Priya says, "Honestly, since then I get a sinking feeling when her name comes up, and leaving it feels better." Tom says, "She's being really demanding, though." Marcus rings the bell. Tom restates: "Jo is sending long messages late in the evening, and Priya's reply times weren't clear to her."

Solutions: Priya will move her earlier appointment so she has fifteen minutes before Jo's session; she will tell Jo when she replies to texts and keep to it; and she will put the rupture after the angry session on next session's agenda, owning her part in it. She commits to being on time next week and, still in her note-taker role, adds her own follow-up to the list for next Thursday.

## Item 3: The team's late starts

Marcus describes the pattern: the last three meetings started eight to twelve minutes late. A quick look at the chain shows that another group books the room until noon and members wait for everyone to arrive before starting. The team moves to a different room, and agrees that the leader will start at the stated time whoever is there. No one is singled out; the behavior belongs to the team.

## Item 4: Elena's burnout

Elena says she has three clients at high risk, has taken coaching calls on four of the last five evenings and dreads Monday mornings. She asked for validation first. Tom starts to say, "Have you thought about..." and Dana stops him: "Elena asked to be heard first." Members reflect back how heavy the load is and that dreading Mondays makes sense given it.

Then problem solving. Dana, who coordinates intakes, agrees that the next two referrals go to other members. Elena names a limit she has been stretching, evening calls after nine, and plans how to tell her clients about it as her own limit. Marcus asks what keeps her in this work; she talks about a client who has just gone a month without self-harm. She leaves saying she feels lighter, and the item returns next week.

## Item 5: Other matters

The new referral is allocated to Marcus, in line with the change agreed a few minutes earlier. The group schedule change is noted for information. Dana checks the time: there are two minutes left.

## Closing

Priya reads back the commitments: Tom's session plan and weekend cover with Dana; her own changes with Jo; the new room and start time; Elena's limit and intake pause; Marcus's referral. Next week Marcus leads, Elena observes and Tom takes notes.

## What to notice

- Every request said what the member needed, and the leader checked whether they got it.
- The order followed the team's hierarchy, not who spoke first or loudest.
- The observer's bell did not stop the work; it led to a better-described point and, in item 1, to a synthesis of two polarized views.
- The team treated the therapists: Tom's fear, Priya's avoidance and Elena's exhaustion were the targets, with the clients' care as the reason.
- The team's own behavior went on the agenda like anyone else's.
- The roles rotated for the next meeting.
""",
        },
        {
            "title": "Exercise: a team that has lost its shape",
            "kind": "exercise",
            "estimated_minutes": 10,
            "body": """## The case

A team of four has met for two years. Lately its meetings start with whoever arrives first describing a client, and the mindfulness practice and the agreement have quietly stopped. The most senior member, Ruth, always chairs. Nobody says what they want when they raise a case, and discussions often end with someone saying, "Well, we've talked about it."

This week, Sam describes a client who self-harmed twice in the past two weeks. Asked about the sessions, he says they mostly talked about her job, because "chain analysis just makes her furious and then nothing gets done." Another member says, "She sounds very manipulative." Later Sam mentions, almost in passing, that he has been sleeping badly and dreads Tuesdays.

## Questions

1. Which parts of the usual format have slipped?
2. What items does this meeting actually contain, and in what order should they have been taken?
3. How should the team respond to Sam's sessions with this client?
4. What could an observer have done with the comment "very manipulative"?
5. How might Sam phrase his request next week?

## Model answer

1. The mindfulness practice and the reading of an agreement have gone, the agenda is no longer set at the start, members do not say what they need, and the roles no longer rotate: there is no observer or note-taker, and Ruth always chairs. These are the team's own drift, a team therapy-interfering behavior that belongs on its agenda.
2. First, the client's current risk: repeated self-harm is life-threatening behavior, and if Sam has any concern about her safety, that is a first-tier item. Second, Sam's therapy-interfering behavior, since the self-harm is not being analyzed in session, together with the team's drift from its format. Third, Sam's poor sleep and dread of Tuesdays as possible burnout. Other case matters come last.
3. As therapist therapy-interfering behavior, with DBT. Name the drift specifically and without judgment; validate that facing a furious client is hard; do a short chain analysis of Sam's skipping, noticing that avoiding the client's anger brings relief and so reinforces skipping; then solve it, for example a role-play of orienting the client to chain analysis and starting it gently, and a review of the next session's recording. Sam commits to something concrete, the commitment is noted, and the item comes back next week.
4. Give a brief signal, such as a bell, so the speaker can restate the point descriptively, for instance: "She gets very angry when we look at the self-harm, and the session moves on to other topics." That account is non-pejorative and points to something the team can work on.
5. For example: "I need fifteen minutes. I've stopped doing chain analyses with a client who self-harms, and I want help getting back to them. I'd also like five minutes for how tired I am, validation first."
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: the consultation team at work",
        "gift": r"""$CATEGORY: DBT/Consultation team at work

// dbt: kind=ordering
::Team hierarchy order::Put the items of a consultation team's own agenda hierarchy in order, the first to be taken at the top. {
    =Therapists' crises with suicidal clients -> 1
    =Therapy-interfering behavior of therapists and of the team -> 2
    =Therapist burnout and motivation -> 3
    =Other matters such as referrals and scheduling -> 4
    ####The team orders its agenda on the same logic as the stage-1 hierarchy: keeping clients alive first, then making sure the treatment and the team are actually working, then the therapists' burnout, which left alone turns into therapy-interfering behavior, then everything else.
}

// dbt: kind=ordering
::Meeting format order::Put the parts of a typical team meeting in the order this module describes. {
    =A mindfulness practice -> 1
    =Reading one of the agreements -> 2
    =Setting the agenda -> 3
    =Working through the agenda in order -> 4
    =Reading back commitments and next week's roles -> 5
    ####Teams vary, but this sequence is common. The mindfulness practice and the agreement come before any case work.
}

::Team roles::Match each team meeting role with its main job. {
    =Leader -> Orders the agenda by the hierarchy, keeps time and checks that requests were met
    =Observer -> Signals judgmental or non-dialectical talk so the speaker can restate the point
    =Note-taker -> Records requests, decisions and commitments so they come back for follow-up
    ####In most teams these roles rotate, so every member learns each of them.
}

::Who the team treats::In a DBT consultation team meeting, the team's main focus is the therapists\: their understanding, skills, limits and motivation in treating their clients. {T#It is true. The team treats the therapists; the clients' behavior is the context and the reason, but the work is on what the therapist needs.#Right. The team treats the therapists, so the question is what the therapist needs in order to treat the client well.}

::Why rotate::Why do most teams rotate the roles of leader, observer and note-taker? Choose all that apply. {
    ~%33.33333%Every member learns to lead, to keep time and to observe the team's process#Yes. Rotation spreads the skills.
    ~%33.33333%It keeps the team from settling into a fixed hierarchy around one senior member#Yes. A member who always chairs is never observed.
    ~%33.33334%It shares the load of keeping the team on track#Yes. No single person carries it every week.
    ~%-50%It ensures that every member presents a case every week#No. Members ask for agenda time when they need it; rotation concerns the roles that run the meeting.
    ~%-50%It lets the team do without a standing team leader#No. A team may still have a standing team leader for program matters; rotation concerns running the weekly meeting.
    ####Rotation spreads skills, prevents a fixed hierarchy and shares the work.
}

::Drift as a target::A team notices that one member has stopped reviewing diary cards with several clients. How does the team usually treat this? {
    =As therapy-interfering behavior of the therapist, to be named without judgment, analyzed and solved with a commitment and follow-up#Right. Drift from adherence is handled with the same DBT tools the team uses for any therapist behavior.
    ~As a matter for the member's line manager, outside the team#No. The organization makes employment decisions, but drift from adherence is the team's business and is addressed in the team first.
    ~As a quality-of-life-interfering behavior of the clients concerned#No. The behavior is the therapist's, and it interferes with therapy.
    ~As something to leave alone, because the consistency agreement means members need not work the same way#No. The consistency agreement allows differences in style and rules between members; it does not excuse dropping parts of the treatment.
}
""",
    },
}

"""Module 11: Treatment structure, pre-treatment and agreements (demo course content, written for
this project)."""

MODULE = {
    "title": "Treatment structure, pre-treatment and agreements",
    "summary": (
        "How the first sessions of DBT orient the client, agree goals and build commitment; the "
        "client and therapist agreements, including the four-miss rule; and how ancillary "
        "treatment such as medication, case management and hospital care fits around the "
        "individual therapist's work."
    ),
    "component": "individual_therapy",
    "treatment_priority": "",
    "skills_module": "",
    "components": ["skills_training_group", "ancillary_treatment"],
    "treatment_priorities": ["therapy_interfering"],
    "skills_modules": [],
    "treatment_stage": "pre_treatment",
    "release_offset_days": 7 * 10,
    "due_offset_days": 7 * 10 + 13,
    "lessons": [
        {
            "title": "Pre-treatment: the work of the first sessions",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Why the first sessions are not stage 1

Module 3 named the three tasks of pre-treatment: **orienting** the client to the treatment, **agreeing goals**, and **commitment**. This lesson looks at how those tasks are carried out over the first few sessions, and why a DBT therapist treats them as real clinical work rather than as paperwork to get through before the therapy starts.

There are two reasons. First, DBT asks a great deal of a client: a year of weekly individual sessions and weekly skills group, a diary card every day, homework, and working directly on the behaviors she may least want to discuss. Agreeing to all that only means something if she knows what she is agreeing to. Second, the commitment made now is the therapist's main source of leverage later. When a client wants to stop coming to group in month four, the therapist can go back to what she agreed and why she agreed to it. A commitment that was never really made gives the therapist nothing to go back to.

Pre-treatment runs in both directions. The therapist is also deciding whether DBT fits: whether the client's difficulties are the kind a stage-1 program is built for, and whether the therapist can commit to the year.

Safety does not wait for the paperwork. Suicide risk is assessed at intake, and imminent risk is dealt with whenever it appears, even before any agreement has been made. Pre-treatment is not a waiting room in which risk goes unattended.

## Orienting

By the end of pre-treatment the client should have a working picture of:

- the **modes**: weekly individual therapy, a weekly skills group that runs as a class with homework, between-session coaching, and a therapist who meets a consultation team every week;
- the **target hierarchy**, so that she is not surprised when self-harm on the diary card takes the session ahead of a row with her landlord;
- the **diary card**, what goes on it and why it is filled in daily;
- the **agreements**, including the four-miss rule (next lesson);
- the therapist's **availability** for coaching and its limits, and the idea of calling *before* acting on an urge;
- **confidentiality** and its limits, including the fact that the therapist discusses her care with the consultation team.

Many therapists also explain the biosocial account of the client's difficulties in plain language. A client who hears that her intense emotions make sense given her sensitivity and her history often finds it easier to see why emotion regulation skills sit at the center of the treatment.

Good orienting is a conversation, not a lecture. The therapist checks what the client has understood and invites her doubts. A doubt voiced in the second session costs far less than a dropout in the fourth month.

## Agreeing goals

The therapist starts from the client's own goals, in her own words, and translates them into targets: behaviors to reduce, ranked by the hierarchy, and skills to build. Each target is linked back to a goal she cares about. "Stop ending up in the emergency room so I can keep my job" gives the work on self-harm a reason that belongs to her.

Working on suicidal and self-harm behavior is not up for negotiation in standard DBT; it is one of the client agreements. The therapist's job is not to impose it but to help the client see how it serves what she wants.

## Commitment as a sequence

The commitment strategies from module 4 are seldom used one at a time. Across the first sessions they tend to build on each other. The table shows one common pattern; it is an illustration, not a protocol.

| Session | Main work | Strategies often in use |
|---|---|---|
| 1 | Goals, an overview of DBT | Pros and cons of DBT and of carrying on as before; freedom to choose, with honesty about the alternatives |
| 2 | The demands: card, group, the year, attendance | Devil's advocate; foot-in-the-door, such as a diary card for one week |
| 3 | The agreements themselves | Connecting to what the client said in sessions 1 and 2; door-in-the-face where a request is too large; cheerleading |

The logic runs like this. Pros and cons give the client reasons of her own. Once the reasons exist, devil's advocate tests them, so that a quick "yes" turns into a considered one. Foot-in-the-door turns agreement into behavior: a week of diary cards shows both of them what commitment looks like in practice. By the third session the therapist can connect each new request to what the client has already said. Throughout, the therapist uses **shaping**, reinforcing each step toward a full commitment, and **cheerleading**, expressing belief that she can do it.

A client who arrives ready may move through all of this in one or two sessions; a client with several broken-off therapies behind her may need more time. Either way, commitment is not made once and for all. It is renewed whenever the treatment gets harder.

## When a client will not commit

Sometimes a client will not agree to part of the treatment, most often the group or the work on self-harm. The therapist does not pretend that a half-agreement is enough. She is clear that the client is free to decline, and equally clear that the program cannot offer standard DBT without those parts. What the program then offers, such as a referral elsewhere, is a program decision.

## Key points

- Pre-treatment builds an informed commitment that the therapist can return to later.
- Orienting covers the modes, the hierarchy, the card, the agreements, coaching and confidentiality.
- Commitment strategies are used in a sequence across sessions and renewed when treatment gets harder.
- Risk is assessed and managed from the first contact.
""",
        },
        {
            "title": "The treatment agreements and the four-miss rule",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Why DBT spells out agreements

Standard DBT makes the expectations on both sides explicit before stage 1 begins. The agreements are part of orientation and the object of the client's commitment. They also give both people something concrete to point to later, without blame, when something goes wrong.

## The client agreements

- **A year of treatment.** The standard contract is for one year. At the end, client and therapist review progress and decide together whether to contract again. Some programs contract for other lengths; that is a program decision.
- **Attending sessions.** Individual sessions and group, every week, on time. Missed sessions and lateness are therapy-interfering behaviors and are worked on as such.
- **Working on suicidal and self-harm behavior.** The client agrees that reducing these behaviors is a goal of the treatment and that she will work on it. It is an agreement to work on them, not a promise that they will never happen again. A lapse leads to a chain analysis, not to the end of treatment.
- **Working on therapy-interfering behavior.** Anything that gets in the way of therapy, such as a missing diary card, non-collaboration in session or behavior that pushes the therapist past her limits, will be treated as a target.
- **Attending skills training.** In standard DBT the client attends the skills group alongside individual therapy, because the group is where the skills are taught.
- **Fees.** The client agrees to the payment arrangements of the setting, whatever they are (a fee, insurance, public funding).

Some programs add further agreements of their own, for example for research programs. That, too, is a program decision.

## The therapist agreements

The therapist makes commitments as well, and says so aloud:

- to make **every reasonable effort** to deliver competent and effective therapy, which is an effort, not a guaranteed outcome;
- to follow the **ethical and professional standards** of her profession;
- to be **available**: weekly sessions, coaching within the limits she has stated, and cover arranged, with notice, when she is away;
- to **respect** the client's integrity and rights;
- to keep **confidentiality**, within limits she explains at the start: she discusses the client's care with the consultation team, and the law and professional ethics may require her to act when a life is at risk;
- to **obtain consultation** when needed, which in DBT includes the weekly consultation team.

A therapist who does not keep these agreements, for example by cancelling sessions or being unreachable during agreed coaching hours, is showing therapist therapy-interfering behavior. She takes it to the team and repairs it with the client.

## The four-miss rule

### The rule

A client who misses **four consecutive scheduled weeks of individual sessions**, or **four consecutive scheduled weeks of skills group sessions**, is out of treatment for the rest of the treatment year.

Two details matter in applying it:

- **The count runs within one mode.** Four consecutive missed weeks of group end treatment even if every individual session was attended. Attending individual sessions does not reset the group count, and a miss of one mode does not add to the count of the other.
- **The count is of consecutive scheduled weeks.** A single attended session in that mode ends the run, and the count starts again from zero.

In the treatment's original description the rule has no exceptions and no list of acceptable reasons: the reason for a miss does not change the count. A program that decides to count some absences differently, such as a stay in hospital, writes that down at the start, tells every client during orientation, and applies it to everyone.

### Orienting to it at the start

The rule is explained in pre-treatment, in plain words, before the client commits. Good orienting goes further than stating it. The therapist asks what has got in the way of attending in past treatments and plans for it, for example with cope ahead. She says what she will do after a miss: get in touch, find out what happened and help solve it. And she says she will name it clearly if the count reaches three, so that nobody is surprised by a fourth.

### A contingency, not a punishment

In everyday language, being "out" sounds like a penalty. DBT sets the rule up as a **contingency**: a consequence stated in advance, agreed to, and applied the same way to everyone. Several features keep it that way.

- **It is known from the first session.** The client is not caught by a rule she never heard.
- **It takes the decision out of the moment.** No therapist decides, tired or frustrated after a hard month, that a client is "too unmotivated" to continue. The ending comes from the rule, not from the therapist's judgment of the client.
- **Everyone works to prevent it.** Each miss is a therapy-interfering behavior to understand and solve, so the rule makes the therapist *more* active, not less. The rule is a line both of them are trying to keep the client away from.
- **It describes a fact about treatment.** A treatment cannot help someone who is not there. Four weeks away from one mode is the point at which DBT says plainly that the treatment has stopped happening.

The therapist's tone matches this. When she reminds a client that she has missed three weeks, she does so as a fact and an invitation to problem-solve, not as a threat.

### Re-entry at the end of the contract

A client who is out under the rule does not come back during the rest of the treatment year. When the contract period ends, she can ask to return, and return is a matter of negotiation. Programs usually treat re-entry as a fresh pre-treatment: the client is oriented again, makes a new commitment, and works out with the therapist what led to the misses and what will be different.

### Program decisions

The rule itself is standard; many details around it are decided by each program and should be written down before the first client is oriented:

- how lateness counts, and whether a session moved within the same week counts as attended;
- how absences such as a hospital stay are counted, if at all differently;
- what the client is offered while she is out, such as referrals and crisis contacts (she should leave knowing how to get help in a crisis);
- how re-entry works: the same therapist or another, a waiting list, the next group intake.

## Key points

- Client agreements: a year, attendance, work on suicidal and self-harm behavior, work on therapy-interfering behavior, skills training, fees.
- Therapist agreements: reasonable effort, ethics, availability, respect, confidentiality with stated limits, consultation.
- Four consecutive scheduled weeks missed in one mode end the treatment year; the rule is oriented to at the start and applied as a contingency.
""",
        },
        {
            "title": "Ancillary treatment and who coordinates it",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## What counts as ancillary

Clients in DBT often receive other care alongside the four modes: **medication** from a prescriber, **case management** for housing, benefits or work, and at times **hospital** care. DBT calls these ancillary treatments. Some programs have a prescriber or case manager on the DBT team; often these professionals work elsewhere. Linehan's treatment manual includes ancillary treatment among its integrative strategies, because the same questions come up again and again.

## Who coordinates

Two principles work together.

- **The individual therapist holds primary responsibility** for the client's treatment plan, including the management of suicidal behavior, whatever other services the client uses. She does not hand the client's risk over to whichever professional saw her last.
- **Consultation-to-the-patient** governs how the network is handled. The therapist does not act as a go-between, carry messages or negotiate with other professionals on the client's behalf. The client coordinates her own care, and the therapist coaches her to do it well: what to ask the prescriber, how to describe a side effect, how to request a meeting with a housing officer.

Inside the DBT program, the modes are held together by the consultation team: group leaders and the individual therapist share what they see there. Outside the program, the client is the one who carries her care between providers.

The opposite pole is **environmental intervention**: the therapist steps in directly when the client cannot reasonably act for herself and the stakes are high, most clearly when a life is at risk. The question the therapist asks is whether acting for the client now is worth the learning she loses by not doing it herself. Consultation-to-the-patient never means withholding information that safety or the law requires to be shared; information is shared with the client's consent or as the law requires.

## Medication

The prescriber decides about medication. The individual therapist's part is to help the client be an effective patient: to report effects and side effects accurately, ask her questions, and take medication as agreed or raise her doubts openly with the prescriber. Medication problems that interfere with therapy, such as stopping a medication suddenly and then being too unwell to attend, can be treated as targets.

Medication can also be a means of self-harm. When a client has been saving pills, or has a supply that could be lethal, that is life-threatening behavior. The individual therapist deals with it directly as part of risk assessment and means safety, in the session where it comes up; it is not left for the client to raise with the prescriber at some later appointment.

## Case management

A case manager helps structure the client's environment. In DBT the same stance applies: the case manager teaches and coaches the client to deal with agencies herself, and steps in directly when the client cannot and the stakes are high, for example an eviction she cannot prevent on her own.

## Hospital

DBT's general preference is to manage risk in outpatient treatment when that can be done safely. The client learns to cope in the life she will go back to, and an admission that reliably follows a crisis can end up reinforcing crisis behavior. When risk cannot be managed safely as an outpatient, admission is used. The decision follows the program's risk protocol and the law, and the therapist consults her team. Module 12 covers risk assessment and the decision about admission in more detail.

During an admission the therapist remains the client's therapist. She coaches the client to deal with the ward staff herself, for example to tell them what helps her and what she is working on. She intervenes directly when the client cannot speak for herself and the stakes are high, such as a plan to discharge her while she is still at acute risk and too distressed to say so. After discharge, the events that led to the admission are analyzed like any other target behavior. How a hospital stay counts under the attendance rule is a program decision.

## Key points

- The individual therapist holds primary responsibility for the treatment plan and for managing suicidal behavior.
- The client coordinates her ancillary care, coached by her therapist; the therapist intervenes directly when the client cannot act and the stakes are high.
- Stockpiled medication is a life-threatening issue for the individual therapist, not only for the prescriber.
""",
        },
        {
            "title": "Worked example: from intake to a signed-on client",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## The referral

Lena, 27, is referred by her family doctor after cutting her arms several times a month for two years and an overdose of prescribed tablets eight months ago. She works part-time in a bakery, drinks heavily on some weekends, and has started and stopped three therapies. Her family doctor prescribes an antidepressant.

## Intake: assessment and risk

The therapist's first task is to understand the problem and the current risk. She asks about past suicidal behavior and self-harm in detail, about current urges, and about access to means. Lena has no plan to kill herself now, but she mentions a drawer of old tablets at home.

*Reasoning.* The stockpile is a life-threatening matter, and it cannot wait until Lena has signed anything. Before the session ends the therapist asks what Lena is willing to do about the tablets before they next meet, and Lena agrees to take them to a pharmacy for disposal the next day. Her pattern (frequent self-harm, a past overdose, repeated broken-off treatments) fits a stage-1 DBT program. The therapist notes the three ended therapies: attendance is likely to be the therapy-interfering behavior to plan for.

## Session 1: goals and a first look at DBT

Lena says she wants "to stop being a mess" and to keep her job. The therapist asks what a less messy life would look like. Lena describes training as a pastry chef and seeing her younger brother more often. These become the goals the targets will serve.

The therapist gives a short overview of DBT and the biosocial account of Lena's difficulties. Lena says it is the first time someone has explained her reactions without calling them an overreaction.

They then weigh the **pros and cons** of doing DBT and of carrying on as she is. Lena's main con is the group: "I hate groups. I'll just do the individual part." The therapist states the **freedom to choose and the absence of alternatives**: Lena is free to decide, the program does not offer individual DBT without the group, and individual therapy alone is what she has tried three times before.

*Reasoning.* The therapist does not argue Lena into the group in session 1. Her aim is that Lena leaves with real reasons of her own and an honest picture of the choice.

## Session 2: the demands, tested

Lena has brought the tablets' disposal receipt, which the therapist notices and praises. The therapist now lays out the demands in full: the daily diary card, weekly group with homework, coaching and its limits (call before acting on an urge, within the hours the therapist has set), the year, and the four-miss rule.

Lena says, quickly, "Fine, I'll do all of it." The therapist plays **devil's advocate**: "That's a lot to agree to in one breath. You've stopped three therapies before. Why would this one be different?" Lena argues back: the others never taught her anything to do instead, and she does not want her brother to find her in hospital again.

To turn words into behavior, the therapist uses **foot-in-the-door**: would Lena fill in a diary card every day for one week, just to see what it is like? She agrees.

*Reasoning.* A quick yes from someone with three broken-off therapies is worth little on its own. Devil's advocate lets Lena build the argument for change herself, and the week of cards tests the commitment in action.

## Session 3: the agreements

Lena brings five days of diary card out of seven. The therapist reinforces the five days (**shaping**) and they problem-solve the two missing ones.

They go through the client agreements one by one: the year, attending individual sessions and group, working on her self-harm and suicidal behavior, working on anything that gets in the way of therapy, and the fees, which her insurance covers in part. The therapist then states her own agreements: her effort, her ethics, her availability and the colleague who covers when she is away, respect, confidentiality and its limits (including the team), and her weekly consultation.

On the four-miss rule, the therapist asks what ended the earlier therapies. Lena says she stopped going when she felt ashamed after self-harm. They agree a plan: after self-harm, Lena will come to the next session anyway and say so at the start, and if she misses a session the therapist will phone her the same day. The therapist **connects** this to Lena's words in session 2 about not wanting to stop again, and **cheerleads**: "You've already done five days of cards. That's the same muscle."

*Reasoning.* The likeliest route out of treatment for Lena is shame-driven avoidance after self-harm. Orienting to the rule is therefore about planning for that route, not just stating the rule.

## Ancillary care

Lena asks the therapist to phone her family doctor and say the antidepressant is not working. There is no immediate risk and Lena is able to make the call herself. Following consultation-to-the-patient, the therapist helps her plan what to say and what to ask, and they rehearse it briefly.

## Signed on

In this program the agreements are also written down and signed, which is a program decision. Lena signs, is given the date of her first group, and leaves with a diary card for the coming week. That evening the therapist adds Lena to the agenda of her consultation team, to plan for the attendance risk and to share the coaching cover.

## What made this pre-treatment work

- Risk was handled at intake, before any agreement.
- Goals came from Lena and each demand was tied to them.
- Commitment strategies built on each other across three sessions.
- The four-miss rule was oriented to as a plan against Lena's own likeliest route to dropping out.
""",
        },
        {
            "title": "Exercise: a four-miss case",
            "kind": "exercise",
            "estimated_minutes": 20,
            "body": """## The task

Read the invented case, answer the questions in writing, then compare your answers with the model answer.

## The case

Marcus, 34, is in month five of a one-year DBT contract. His individual session is on Thursdays and his skills group on Mondays. His program applies the four-miss rule as originally described and has no list of excused absences. Over the last three weeks:

- **Week 18:** he missed group (a migraine) and attended his individual session.
- **Week 19:** he missed group (no message) and attended his individual session, arriving late.
- **Week 20:** he missed group (an extra shift at work) and missed his individual session (no message).

It is now Tuesday of week 21. Marcus has not been in touch.

## Questions

1. Where does Marcus stand under the four-miss rule?
2. What should his individual therapist do this week, and why?
3. How should the therapist speak about the rule?
4. Suppose Marcus misses group on Monday of week 22 as well. What happens, and what does the therapist do?

## Model answer

**1. Where he stands.** He has missed three consecutive scheduled weeks of group (weeks 18, 19 and 20). The migraine and the extra shift count just like the no-show, because this program has no excused absences. His individual attendance in weeks 18 and 19 does not reset the group count. In individual therapy he has missed one week (week 20). If he misses group on Monday of week 22, that is his fourth consecutive week of group, and he is out of treatment for the rest of the treatment year.

**2. What the therapist does this week.** She acts now, while there is still a session to save. She tries to reach him, for example with a call or a message, in the way he agreed to in pre-treatment. She checks for risk, since three weeks of withdrawal may go with a worsening of his life-threatening behavior, and if risk is present it comes first. Then she treats the missed group as a therapy-interfering behavior: what got in the way each week, and what would make Monday possible? The shifts may call for problem solving with his employer, which Marcus would handle himself with coaching, for example with a DEAR MAN. She connects to his earlier commitment, cheerleads, and asks for a specific commitment to attend on Monday. She also raises the case at her consultation team, both to plan and to check whether anything on her side, such as how late arrivals have been handled, is contributing.

**3. How she speaks about the rule.** Plainly and without threat. "You've missed three groups in a row. If Monday is missed too, the rule we agreed at the start means treatment stops for the rest of the year. I don't want that, and I want to work out with you how to make Monday happen." The rule is a known contingency both of them are working to avoid, not a warning from an annoyed therapist.

**4. If he misses week 22.** He is out for the rest of the treatment year. The therapist tells him clearly and warmly, without blame, and does not make an exception because he is sorry or promises to come next time; exceptions would turn a contingency into a negotiation. She makes sure he leaves with what the program offers people who are out, such as referrals and how to get help in a crisis. She tells him that he can ask to return when the contract period ends, and that return will be negotiated, usually through a new pre-treatment in which they look at what led to the misses. How that works in detail is a program decision. She takes the ending to her team.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: treatment structure, pre-treatment and agreements",
        "gift": r"""$CATEGORY: DBT/Treatment structure and agreements

::Group misses with full individual attendance::Under the four-miss rule, a client who attends every individual session but misses four consecutive scheduled weeks of skills group is out of treatment for the rest of the treatment year. {T#It is true. The count runs within each mode, and attending individual sessions does not reset the group count.#Right. Four consecutive scheduled weeks missed in either mode, individual or group, end the treatment year, whatever the attendance in the other mode.}

::Client agreements in standard DBT::Which of these are client agreements in standard DBT? Choose all that apply. {
    ~%20%Staying in treatment for the contracted year#Yes. The standard contract is for one year.
    ~%20%Working on suicidal and self-harm behavior#Yes. Reducing these behaviors is a goal the client agrees to work on.
    ~%20%Working on therapy-interfering behavior#Yes. Anything that gets in the way of therapy becomes a target.
    ~%20%Attending the skills group#Yes. The group is where the skills are taught.
    ~%20%Keeping to the setting's payment arrangements#Yes. Fees are one of the agreements.
    ~%-50%Promising that self-harm will never happen again#No. The agreement is to work on reducing it. A lapse leads to a chain analysis, not to the end of treatment.
    ~%-50%Contacting the therapist only during sessions#No. Between-session coaching is part of the treatment, within the therapist's stated limits.
    ####The client agrees to a year of treatment, attending sessions, working on suicidal and self-harm behavior and on therapy-interfering behavior, attending skills training and the fees.
}

::A therapist agreement::Which of these is one of the therapist agreements in DBT? {
    =To obtain consultation when needed, which includes the weekly consultation team#Right. The therapist agrees to seek consultation, and in DBT that is built into the treatment.
    ~To answer coaching calls at any hour of the day or night#No. The therapist agrees to be available within limits she states openly, and arranges cover when away.
    ~To guarantee that the client will not need a hospital stay#No. The therapist agrees to make every reasonable effort, not to guarantee an outcome.
    ~To keep everything the client says from the consultation team#No. Confidentiality has stated limits, and discussing the client's care with the team is one of them.
}

::Contingency not penalty::Why does DBT describe the four-miss rule as a contingency rather than a punishment? {
    =It is stated in advance, agreed at the start, applied the same way to everyone, and both client and therapist work to prevent it#Right. The rule is known from the first session, and each miss is a therapy-interfering behavior the therapist works actively to solve.
    ~It is applied only when the therapist judges that the client has lost motivation#No. The rule takes that judgment out of the therapist's hands; it applies whatever the therapist thinks of the client's motivation.
    ~The client can return the following week after renewing her commitment#No. A client who is out does not return during the rest of the treatment year.
    ~It counts only absences for which the client gave no reason#No. In the original description the reason does not change the count; any program exception is written down in advance and applied to everyone.
}

::Who carries information to the prescriber::A client sees her DBT individual therapist and an outside prescriber. She is not at risk and wants the prescriber to know about side effects she has noticed. Consistent with consultation-to-the-patient, who usually passes this on? {
    =The client herself, coached by her individual therapist#Right. The client coordinates her own ancillary care, and the therapist helps her plan what to say.
    ~The individual therapist, by phoning the prescriber#No. Acting as a go-between is environmental intervention, kept for when the client cannot act and the stakes are high.
    ~The skills group leader, who sees her every week#No. Passing the message through another clinician is still acting as a go-between.
    ~The consultation team, in a letter after its meeting#No. The team consults to the therapists; it does not manage the client's contacts with outside providers.
}

::Return after the rule::A client left treatment under the four-miss rule in month seven of a one-year contract. When can she usually ask to return? {
    =When the contracted treatment year ends, with return a matter of negotiation#Right. Programs usually treat re-entry as a fresh pre-treatment; the details are a program decision.
    ~As soon as she signs a new commitment to attend#No. A client who is out does not come back during the rest of the treatment year.
    ~After four consecutive weeks of attendance at another service#No. That is not how the rule works; return is negotiated at the end of the contract period.
    ~Never, because the rule ends DBT permanently#No. The rule ends the current treatment year, not the possibility of DBT.
}
""",
    },
}

"""Module 14: Change procedures (demo course content, written for this project)."""

MODULE = {
    "title": "Change procedures",
    "summary": (
        "The four groups of change procedures DBT borrows from behavior therapy: contingency "
        "management and observing limits, exposure, cognitive modification, and skills training "
        "procedures, and how a chain analysis points to the group a problem needs."
    ),
    "component": "individual_therapy",
    "treatment_priority": "",
    "skills_module": "",
    "components": ["skills_training_group", "phone_coaching"],
    "treatment_priorities": ["quality_of_life", "behavioral_skills"],
    "skills_modules": [],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * 13,
    "due_offset_days": 7 * 13 + 13,
    "lessons": [
        {
            "title": "Contingency management and observing limits",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Four groups of change procedures

The change side of DBT draws on behavior therapy. When a chain analysis shows why a problem behavior happened, or why a skillful behavior did not, the answer usually points to one of four difficulties, and each has its own group of procedures:

| What the analysis shows | Procedure group |
|---|---|
| The client does not yet have the skill needed | Skills training procedures |
| The problem behavior pays off, or skillful behavior is ignored or punished | Contingency management |
| Strong emotions such as fear or shame, set off by cues that are not dangerous now, block skillful behavior | Exposure procedures |
| Beliefs, expectations or rigid rules get in the way | Cognitive modification |

Real cases often involve more than one, and a solution analysis can draw on all four. This lesson covers contingency management; the next two lessons cover the other three groups.

## The principle

Behavior is shaped by what follows it. A consequence that makes a behavior more likely in future is a **reinforcer**; one that makes it less likely is a **punisher**. Both are defined by their effect on this person's behavior, not by anyone's intentions. Praise that embarrasses a client may not reinforce anything, and a reprimand that brings a lot of attention may strengthen the very behavior it was aimed at.

Contingency management means arranging consequences, inside therapy and, with the client's help, outside it, so that adaptive behavior pays off and problem behavior does not.

## The therapist's warmth and attention as reinforcers

For most DBT clients the relationship with the therapist matters a great deal. That makes the therapist's warmth, interest, attention, time and availability powerful reinforcers, whether the therapist intends it or not. The working question is: **what is my warmth following?** A therapist who becomes far more attentive and available after self-harm than after a week of hard-won skill use may be teaching, without meaning to, that a crisis is the way to get care. The aim is the reverse: generous engagement when the client calls early, uses a skill, completes homework or arrives on time, and a calm, practical, safety-focused response to crisis behavior.

DBT prefers **natural reinforcers**, the kind found in ordinary relationships (interest, pleasure, more time for what the client wants to talk about), to **arbitrary** ones such as points or prizes, because natural reinforcers are what the client will meet in life outside therapy. Reinforcement works best when it is:

- **contingent**: it follows the behavior you want to see more of;
- **prompt**: the sooner it follows, the stronger the effect;
- **genuine and specific**: "You called before acting on the urge, which is exactly what we hoped for" works better than exaggerated praise, which can feel invalidating.

## Extinction and the extinction burst

Extinction means no longer delivering the reinforcer that has been maintaining a behavior. If long late-night messages have been followed by long replies, extinction means the long replies stop. Two things follow predictably:

- **The extinction burst.** When a behavior that used to pay off stops paying off, it usually gets worse before it gets better: more often, more intense, or in new forms. A therapist who does not expect this may decide the plan has failed.
- **Intermittent reinforcement.** Giving in at the height of the burst teaches that escalation works in the end, and a behavior reinforced now and then is harder to extinguish than one reinforced every time. This is the pattern the biosocial theory describes in invalidating environments, which respond to distress only once it becomes extreme.

So extinction is planned: orient the client where possible, predict the burst, decide with the team how to hold steady, and always **reinforce an alternative behavior** that meets the same need. Extinction on its own just takes something away.

Extinction never means ignoring risk. When a client is at risk or has harmed herself, the therapist assesses and responds to safety. What the therapist can shape is the manner of that response: focused, calm and practical, with a chain analysis to follow, keeping her warmest engagement for steps in the right direction.

## Shaping

Many target behaviors cannot be reinforced yet because they do not happen yet. **Shaping** reinforces successive approximations: small steps toward the goal, each a little closer than the last. The therapist sets the first step where the client can reach it, reinforces it, then raises the bar gradually. If the client stalls, the step was too big, and the therapist goes back to one the client can manage.

## Aversive consequences, used sparingly

Sometimes a behavior is too damaging to wait for extinction. The therapist may then use an aversive consequence, such as plainly stating disapproval of a specific behavior, confronting it directly, or letting warmth cool for a moment. DBT uses these **sparingly**: at the lowest intensity that works, tied to a behavior rather than to the person, never out of frustration, and followed quickly by a way back, so that warmth returns as soon as the client moves in the right direction. Punishment teaches what not to do, not what to do, and on its own it risks repeating the invalidating environment, so it is always paired with teaching and reinforcing an alternative.

## Observing limits

Every therapist has limits: how late she can take calls, how much contact she can sustain, which behaviors toward her she can tolerate and still work well. In DBT, therapists **attend to their own limits openly**, and a client's behavior that pushes past them is treated as a therapy-interfering behavior (it burns the therapist out), to be worked on like any other target.

- **Own the limit.** Say it as the therapist's own: "When calls come after ten at night, I sleep badly and I'm less use to you the next day, and I want to keep being useful to you." Avoid dressing it up as what is good for the client ("It isn't healthy for you to call so late"). That claim is often untrue, usually invalidating, and hides the real reason.
- **Limits are personal.** They differ between therapists and can change for the same therapist over time. Team members do not have to share each other's limits, which is the point of the team's observing-limits agreement.
- **Act early.** Observe a limit before resentment builds. A therapist who stretches far past her limits and then withdraws does more harm than one who is clear from the start.
- **Teach as well as tell.** Explain the limit, validate the client's reaction, help her find other routes to what she needs, and reinforce behavior that fits within the limit.

A worked example later in this module follows a therapist through these steps.
""",
        },
        {
            "title": "Exposure procedures",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Why exposure belongs in DBT

Many problem behaviors work as escape from emotion: self-harm, drinking, dissociating, changing the subject in session, walking out of group. Each time escape brings relief, it is reinforced, and the emotion keeps its power, because the person never learns that the cue can be faced and the feeling survived. Exposure procedures reverse this. The client stays in contact with the cue that prompts the emotion, without the escape, long enough and often enough for the emotional response to change.

## The core elements

- **The cue is not dangerous now.** Exposure is for emotions that do not fit the present facts, such as fear of a memory or shame about something that would not, in fact, lead to rejection. It is never used to get someone to stay in a situation that really is dangerous.
- **Escape and avoidance are blocked.** This includes the subtle forms: changing the topic, joking, going blank, rushing through the story. The client agrees in advance to stay with it, and the therapist gently brings attention back.
- **The emotion's action urge is not followed.** Shame urges hiding; fear urges fleeing. Acting against the urge is part of what changes the emotion. The skill of opposite action, used when an emotion does not fit the facts, rests on the same principle.
- **Enough time and repetition.** A single brief contact that ends in escape can strengthen avoidance instead of weakening it.
- **Orientation and collaboration.** The therapist explains the rationale, gets the client's commitment, and works in graded steps the client can manage, keeping the emotion intense enough for new learning but not so intense that the client shuts down or dissociates.

## Informal exposure in everyday DBT

Exposure principles run through ordinary stage 1 DBT without any formal protocol:

- **Chain analysis.** Describing a self-harm episode in detail exposes the client to shame-laden material. When the therapist does not let her skip the hardest link, and stays warm and nonjudgmental, the client experiences shame without the rejection she expected.
- **Staying on the topic.** When a client tries to leave a painful subject, the therapist can notice the avoidance aloud and invite her back, rather than following her away from it.
- **Coming to group and speaking up**, for a client whose fear or shame pulls her to stay silent or stay home.
- **Mindfulness of current emotion**, experiencing an emotion as it rises and falls without acting on it.
- **Opposite action practice.** A client who avoids phoning anyone because of shame agrees to make one short call a day, staying on the line until the call is done, and notes how her shame changes over the week.

## Formal exposure and stage 2

Formal, structured exposure for trauma belongs to the work of **stage 2**, which moves from "quiet desperation" toward full emotional experiencing, and which standard DBT begins only once behavior is under control. **DBT Prolonged Exposure** (DBT PE), developed by Melanie Harned, integrates prolonged exposure for PTSD into DBT. A client starts it once she meets its readiness criteria, for example:

- no imminent risk of suicide;
- no recent self-harm;
- the ability and willingness to experience intense emotions without escaping into problem behavior.

Those are examples; the protocol sets out its criteria in full, and programs that use it follow them. DBT PE often begins **within the first treatment year**, so stage 1 work does not have to be finished before trauma treatment can start; it has to have brought behavior under enough control.

Why wait at all? Trauma-focused exposure brings up intense emotion on purpose. For a client whose main way of escaping such emotion is still self-harm or suicidal behavior, starting too early could raise risk. Readiness is therefore a target in its own right: the stage 1 work on life-threatening behavior, on skills and on tolerating emotion is what gets a client there. "Not ready yet" is a statement about the present, not a refusal.

Delivering a formal exposure protocol requires training in that protocol. This module describes the principles so you can recognize them; it does not train you to deliver DBT PE.

## Key points

- Exposure: contact with a cue that is not dangerous, escape blocked, long enough and often enough.
- Informal exposure is part of everyday stage 1 DBT.
- Formal trauma exposure (DBT PE) starts when readiness criteria are met, often within the treatment year.
""",
        },
        {
            "title": "Cognitive modification and skills training procedures",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Cognitive modification

In DBT, work on thinking goes hand in hand with validation. A thought is not assumed to be distorted just because it is painful: the therapist looks for what is valid in it before working on what is not. Three procedures make up this group.

### Contingency clarification

Contingency clarification helps the client see the **if–then relationships** between her behavior and its outcomes, in therapy and in the rest of her life. Many clients grew up where consequences were unpredictable, and many problem behaviors bring relief within minutes and costs only later. Examples:

- In a chain analysis, pointing out that the relief from drinking came within minutes and the argument with her partner came the next morning.
- Stating how therapy works: "When you arrive on time, we have the whole hour for the job applications you want to work on."
- Explaining program rules in pre-treatment, such as the four-miss rule: missing four consecutive scheduled weeks of individual sessions, or of skills group, ends the treatment year.

Contingency clarification describes; it does not threaten. It states real relationships honestly and leaves the choice with the client.

### Cognitive restructuring

Cognitive restructuring targets thoughts, assumptions, interpretations and rules that prompt painful emotions or problem behavior. They often turn up as links in a chain: "If I make a mistake, everyone will leave", "I have to sort this out tonight or it's ruined". The therapist helps the client notice the thought, examine it (what supports it, what doesn't, what else could explain the situation, where it leads), and practice an alternative that is more accurate or more useful. For example, a client believes "If I ask for help, I'm a burden, so I must manage alone." The therapist first validates where the rule came from (in her family, asking for help was met with irritation), then helps her test it: who has she helped recently, and did she experience them as a burden? She drafts an alternative, "Asking for help now and then is part of ordinary relationships", and agrees to try it out by asking a colleague for one small favor this week.

DBT pays attention to the style of thinking as well as its content. Rigid, all-or-nothing thinking is common, and the remedy is a more dialectical view that can hold "both ... and".

### Checking the facts

Checking the facts is the client's portable version of cognitive modification, taught in the emotion regulation module. The client separates what actually happened from her interpretation of it, asks how likely the outcome she fears really is, and judges whether the emotion and its intensity fit the facts. If they fit, problem solving comes next; if they do not, opposite action. The therapist models it in session, and coaches it by phone when the client is in the middle of a strong emotion.

## Skills training procedures

Skills training procedures are not only for the skills group. The individual therapist uses them in every solution analysis, and the coach uses them on the phone.

### First question: is it a skill deficit?

Before teaching a skill, find out whether the client lacks it or has it but does not use it in this situation. A quick test is to ask her to show it now, in a role-play. If she can do it well in calm conditions but not when it matters, the problem may lie in emotions, consequences or beliefs, which point to another procedure group. If she cannot do it even when calm, teach it.

### The three procedures

| Procedure | Aim | What it looks like |
|---|---|---|
| **Acquisition** | Learn a new skill | Instructions, explanation of the rationale, modeling by the therapist, first tries |
| **Strengthening** | Make the skill reliable and precise | Behavioral rehearsal and role-play, specific feedback, coaching, reinforcing each improvement, practice assignments |
| **Generalization** | Use the skill where it is needed | Homework in real situations, phone coaching in the moment, in vivo practice, rehearsing the actual situation in advance, arranging the environment so skillful behavior pays off there |

Acquisition without strengthening leaves a skill that collapses under pressure; strengthening without generalization leaves a skill that works only in the therapy room. Comprehensive DBT gives generalization its own mode, between-session coaching, because this step so often fails.

The procedures appear across the modes. In many skills groups the first part of each session reviews the week's practice: clients report how they used the skills, the leaders reinforce each attempt and help troubleshoot what went wrong, which strengthens the skills and pushes them toward daily life. The individual therapist asks about skill use from the diary card every week and builds skills into each solution analysis. The phone coach helps the client choose and use a skill in the situation itself.

## Putting the groups together: a brief example

A client did not ask her landlord to repair the heating, although she knows DEAR MAN well. The chain analysis shows three problems:

- She thought, "If I complain, he'll evict me." **Cognitive modification:** check the facts together; she has a lease and has always paid her rent.
- In the hallway outside his door her fear rose sharply and she went back upstairs. **Exposure:** plan a graded approach, first a written request, then a short conversation, staying until the request is made.
- The last time she asked him for something, he mocked her, and she decided it was not worth trying again. **Contingency management:** her therapist reinforces each attempt warmly, whatever the landlord does, and they plan how she will reward herself for asking.

Because she can already use DEAR MAN, skills training here is about **strengthening** (rehearsing this particular conversation) and **generalization** (a coaching call before she knocks on his door), not acquisition.

## Key points

- Cognitive modification: contingency clarification, cognitive restructuring, checking the facts, always alongside validation.
- Skills training: acquisition, strengthening, generalization; first check whether the skill is actually missing.
""",
        },
        {
            "title": "Worked example: shaping punctuality and observing a limit",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """Two fictional cases show contingency management at work, with the therapist's reasoning at each step.

## Case 1: shaping on-time attendance

Jordan, 34, is three months into stage 1 DBT. His diary card has shown no self-harm for five weeks, and his therapist's regular risk checks show no imminent risk. For the past six weeks he has arrived 20 to 35 minutes late to individual sessions, and he has missed two of the last six skills groups, not in a row.

**Step 1: place the behavior in the hierarchy.** With no life-threatening behavior this week, lateness and missed groups are the highest target present: therapy-interfering behavior. The therapist names it openly and without blame: "Being late is eating into the time you have for what you came here for. I'd like us to work on it the way we'd work on anything else."

**Step 2: chain analysis.** They go through last Tuesday. Vulnerability: up until 2 a.m., no breakfast. Prompting event: the alarm. Links: dread about the session ("she'll be disappointed in me"), shame, staying in bed, the thought "I'm already late, what's the point of rushing", arriving half an hour late. Short-term consequence: less time in a session he dreaded.

**Step 3: the therapist checks her own part.** She notices that she has opened each late session with several minutes of reassurance and, when her schedule allowed, run 15 minutes over. Both followed lateness directly, and both may have been reinforcing it, while the shortened time also spared Jordan the hardest topics. She decides that sessions will end on time whenever they start.

**Step 4: contingency clarification.** She explains the plan and the reasons: "From now on we'll finish on the hour, whenever we begin. When you're here on time, we start with your job applications, which is what you most want to work on." She also reminds him of a program rule he heard in pre-treatment: missing four consecutive scheduled weeks of skills group, or of individual sessions, ends the treatment year. She says it as information, not as a threat, since his missed groups have not been consecutive.

**Step 5: shape, don't wait.** Going from 25 minutes late to on time in one jump is unlikely, so she sets steps: within 15 minutes for two weeks, then within 10, then 5, then on time. When he reaches a step, her response is prompt and specific ("You made it by ten past, even after a late night. That's real progress.") and the session starts with his chosen topic. When he misses a step, she notes it briefly, does a short chain on what got in the way, and ends on time, with no lecture and no extra reassurance.

**Step 6: add other procedures where the chain points.** The solution analysis includes a screen cut-off at midnight (the sleep part of PLEASE), cope ahead for the morning dread, and checking the facts on "she'll be disappointed in me": so far her actual reactions have been warm. Walking into a session late, and later into group, while ashamed is itself informal exposure, and she reinforces it.

**Step 7: expect the burst.** In week three, after the first late session that ended on time, Jordan arrives 40 minutes late and says therapy isn't helping. The therapist recognizes a likely extinction burst. She validates his frustration, does not extend the session, and raises it at the consultation team, which helps her hold steady. The following two weeks he arrives within ten minutes.

**Outcome.** By week eight Jordan is on time most weeks. Once that is routine, the therapist no longer comments every time: the natural reinforcer, a full hour for what he cares about, carries the behavior.

## Case 2: a therapist observes a limit about after-hours calls

Sofia, 29, is in stage 1 DBT. At the start of treatment her therapist, Helen, told her loosely to "call when you need to". For two months Sofia has phoned three or four nights a week between 10:30 p.m. and midnight, mostly to talk through her day and sometimes with urges to self-harm. Helen has noticed that she dreads the phone in the evenings, feels irritable in sessions, and caught herself thinking of Sofia as "too needy".

**Step 1: notice the signs and take them to the team.** Dread, irritability and a pejorative label are early signs of burnout. Helen raises her own behavior as a therapy-interfering behavior of the therapist. The team helps her find a non-pejorative account (phenomenological empathy): evenings are when Sofia is alone and her urges climb, and the long, warm late calls have been reinforcing calling late. A colleague mentions that he takes calls until 11 p.m.; the team reminds them both that limits differ and need not match.

**Step 2: identify the actual limit.** Helen realizes she can take brief coaching calls until 9:30 p.m.; after that she sleeps badly and works less well the next day. This is her limit, not a rule about what Sofia should need.

**Step 3: choose the words.** Helen compares two drafts.

- Draft A: "It isn't good for you to rely on me this much at night. You need to learn to cope on your own."
- Draft B: "I've realized there's a limit I haven't been clear about. When calls come after half past nine, I sleep badly and I'm not the therapist I want to be for you the next day. So from now on I'll take calls until 9:30. I want to keep being glad when you call."

She chooses B. It is true, it is about Helen, and it passes no judgment on Sofia's needs. Draft A claims to know what is good for Sofia and would likely feel like rejection dressed up as help.

**Step 4: keep safety in place.** Before the change starts, they update Sofia's crisis plan: what she will do if she is at risk after 9:30, using the program's after-hours crisis arrangements or emergency services. Helen explains how the program handles out-of-hours messages.

**Step 5: validate and problem-solve.** Sofia is hurt: "So you're dropping me." Helen validates that it makes sense to feel pushed away, and that evenings are the hardest time, and she keeps the limit. Together they plan the evenings: call earlier, when urges first start rising; a late-evening routine of self-soothing and distraction; a brief coaching call before 9:30 on hard days.

**Step 6: arrange the contingencies.** Calls before 9:30 get a prompt, warm, focused response. Calls after 9:30 go unanswered, with the crisis plan in place for emergencies. In the next session, Helen treats any late calls as a therapy-interfering target, calmly and with curiosity.

**Step 7: hold through the burst.** In the first two weeks the late texts increase, including a long message at 1 a.m. Helen does not answer at night. The next morning she reads the message, checks in briefly with Sofia about her safety, and in the next session they do a chain analysis of that night. She answers Sofia's 8 p.m. calls warmly and promptly. By the end of the month late calls are rare, and Helen's dread has faded.

## What the two cases share

- The target was placed in the hierarchy before any plan was made.
- The therapist looked at what her own behavior was reinforcing.
- Contingencies were explained in advance, honestly and without threat.
- An alternative behavior was reinforced, not just a problem behavior blocked.
- A burst was expected, and the team helped the therapist hold steady.
""",
        },
        {
            "title": "Exercise: choosing the change procedure",
            "kind": "exercise",
            "estimated_minutes": 20,
            "body": """## The case

Dario, 41, is seven months into stage 1 DBT. He has had no self-harm for four months, and his therapist's regular risk assessments show no imminent suicide risk. He has nightmares and intrusive memories of an assault, and he has started asking to work on them. Four moments from recent weeks:

1. During a chain analysis of an argument with his brother, Dario reaches the point where he remembered the assault. He stops, laughs, and starts talking about his car's repairs.
2. He says, "If I tell you the details, you'll think I'm disgusting and you won't want to work with me."
3. In group he role-plays asking for something with DEAR MAN fluently. At home he has not once used it with his sister, who regularly borrows money and doesn't pay it back. He says that when she calls, "my mind goes blank and I just say yes."
4. He mentions in passing that he filled in his diary card every day this week, for the first time in a month.

## Questions

Write a few lines for each before reading the model answer.

1. For each of the four moments, which group of change procedures fits best, and what would you do?
2. Dario wants to start trauma-focused exposure. What would you check before deciding, and what might make you wait?
3. Which moment is most at risk of being missed by a busy therapist, and why does that matter?

## Model answer

**1. The four moments.**

- *Moment 1: exposure (informal).* Changing the subject is escape from a painful cue. Notice it aloud, gently, and invite him back to that link in the chain, staying warm and nonjudgmental and keeping the intensity at a level he can stay present with. Letting him move on would reinforce the avoidance.
- *Moment 2: cognitive modification.* This is a prediction about the therapist. First validate: given what he has been through, fearing judgment makes sense. Then check the facts together. What has her actual response been when he has told her hard things? Shame that is met with acceptance, not rejection, is also informal exposure.
- *Moment 3: mostly skills generalization, with emotion in the way.* He can do the skill (acquisition is not needed), so the problem is using it where it matters. Options: rehearse the actual call with his sister (strengthening), write a short script to keep by the phone, coaching before or after a call, and cope ahead. "My mind goes blank" suggests strong emotion, so check what he feels when she calls; if it is fear or guilt that does not fit the facts, exposure and opposite action come in too.
- *Moment 4: contingency management.* A full diary card after a month of gaps deserves a prompt, specific and genuine response ("You filled in every day this week. That gives us a much clearer picture, thank you."). Letting it pass without comment is a missed chance to reinforce.

**2. Readiness for exposure.** Check the readiness criteria of the formal protocol the program uses, such as DBT PE: no imminent suicide risk, no recent self-harm, and the ability and willingness to experience intense emotion without escaping into problem behavior. Dario looks promising on the first two. Moment 1 raises a question about the third: he still escapes when the memory comes up. That need not rule him out, but it is worth assessing, and strengthening his ability to stay with emotion may be part of preparing. Readiness is decided with the team and by a clinician trained in the protocol. Note that this can happen within the treatment year; he does not have to finish the year first.

**3. The easiest to miss** is moment 4. Small improvements mentioned in passing are easy to overlook, but reinforcement depends on noticing them. If only problems get the therapist's attention, the therapist ends up reinforcing problems.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: change procedures",
        "gift": r"""$CATEGORY: DBT/Change procedures

::Extinction burst defined::What is an extinction burst? {
    =A temporary increase in a behavior, often in frequency or intensity, after the reinforcer that maintained it stops#Right. Behavior that used to pay off usually gets worse before it gets better, so a therapist plans for it and holds steady.
    ~A sudden drop in a behavior as soon as the reinforcer is removed#No. That is what therapists hope for, but a temporary increase usually comes first.
    ~An increase in a behavior caused by adding an aversive consequence#No. The burst follows the removal of a reinforcer, not the addition of an aversive consequence.
    ~A burst of new skill use that follows reinforcement of an alternative behavior#No. Reinforcing an alternative can increase skill use, but that is not what the term describes.
    ####Predict the burst, reinforce an alternative behavior, and avoid giving in at its height, which would reinforce the escalation intermittently.
}

::Problems and procedure groups::Match what a chain analysis shows with the group of change procedures it usually points to. {
    =The client has never learned the skill needed -> Skills training procedures
    =The problem behavior is followed by relief or attention that keeps it going -> Contingency management
    =Shame set off by a cue that is not dangerous drives the client to escape -> Exposure procedures
    =A rigid belief about what will happen stops the client acting skillfully -> Cognitive modification
    ####Each of the four groups answers a different reason why skillful behavior did not happen. Real cases often need more than one.
}

::Limits for whose good::When a DBT therapist observes a personal limit, she should explain it to the client mainly in terms of what is good for the client. {F#It is false. The therapist presents the limit as her own. Saying it is for the client's good is often untrue, can feel invalidating, and hides the real reason.#Right, it is false. Therapists attend to their limits openly, as their own limits.}

::Skills training procedure examples::Match each skills training procedure with an example of it. {
    =Acquisition -> The therapist explains a new skill and models it
    =Strengthening -> The client rehearses the skill in a role-play and gets specific feedback
    =Generalization -> The client gets a coaching call before using the skill with her employer
    ####Acquisition teaches the skill, strengthening makes it reliable, and generalization carries it into the situations where it is needed.
}

::DBT PE readiness examples::According to this module, which of these are examples of the readiness criteria for starting DBT Prolonged Exposure? Choose all that apply. {
    ~%33.33333%No imminent suicide risk#Yes.
    ~%33.33333%No recent self-harm#Yes.
    ~%33.33334%Able and willing to experience intense emotions#Yes.
    ~%-50%Having completed the full treatment year of stage 1 DBT#No. DBT PE often begins within the treatment year, once the criteria are met.
    ~%-50%Having no current symptoms of PTSD#No. DBT PE is a treatment for PTSD, so current symptoms are expected.
    ####The protocol sets out its criteria in full; these are examples. Readiness is a target that stage 1 work builds toward.
}

::Contingency clarification example::Which therapist statement is an example of contingency clarification? {
    =“When you arrive on time, we have the whole hour for the job search you want to work on.”#Right. It states an honest if–then relationship between the client's behavior and its outcome and leaves the choice with the client.
    ~“You're thinking that everyone will leave you. What is the evidence for that?”#No. Examining a belief in this way is cognitive restructuring.
    ~“Let's stay with that memory a little longer instead of changing the subject.”#No. Blocking escape from a painful cue is informal exposure.
    ~“Let me show you how I would say that, and then you try it.”#No. Modeling and then practicing a skill is a skills training procedure.
}
""",
    },
}

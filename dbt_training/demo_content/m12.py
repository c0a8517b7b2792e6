"""Module 12: Suicide risk assessment and management (demo course content, written for this
project).

Facts follow ../shared/dbt-facts.md (sections 3 and 8); the wording is the project's own. The
Linehan Risk Assessment and Management Protocol is described by its purpose and principles only:
none of its forms or items is reproduced. No emergency or hotline numbers: they differ by place."""

MODULE = {
    "title": "Suicide risk assessment and management",
    "summary": (
        "How a DBT clinician assesses suicide risk (risk and protective factors, long-term and "
        "acute), responds to imminent risk, counsels on means safety, decides about emergency "
        "services and hospitalization, documents, consults the team and looks after themselves."
    ),
    "component": "individual_therapy",
    "treatment_priority": "",
    "skills_module": "",
    "components": ["phone_coaching", "consultation_team", "ancillary_treatment"],
    "treatment_priorities": ["life_threatening"],
    "skills_modules": [],
    "treatment_stage": "stage_1",
    "release_offset_days": 7 * 11,
    "due_offset_days": 7 * 11 + 13,
    "lessons": [
        {
            "title": "Suicidal behavior as DBT's first target",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Why this module matters

DBT was built for people who were chronically suicidal, and every DBT clinician needs to be able to assess and manage suicide risk. Comprehensive DBT trainings give this topic several hours of their own. This module is an introduction. It does not replace your program's written risk protocol, your supervisor, or any risk training your employer or licensing board requires.

One point runs through the whole module: **law, policy and emergency arrangements differ** between countries, states and organizations. When you may or must share information to protect a life, who can start an involuntary assessment, which emergency number to call and which crisis services exist all depend on where you work. Learn your local rules and your program's procedures before you need them, and keep the numbers where you can find them during a call.

## The first target

In stage 1, **life-threatening behavior** sits at the top of the target hierarchy. It covers suicide attempts, non-suicidal self-injury, suicidal ideation and urges, suicide threats, and homicidal behavior. Imminent risk is dealt with before anything else, including the review of the week on the diary card.

DBT targets suicidal behavior **directly**. It does not assume that suicidal behavior will fade on its own once depression or another problem improves. Suicidal thoughts, urges and actions are treated as behaviors in their own right, with their own causes and their own solutions.

## Agreed in advance

Much of suicide risk management is prepared in pre-treatment, long before any crisis. The client agrees to work on reducing suicidal and self-harm behavior as part of the treatment. The therapist explains how they will respond when risk rises: that they will ask about it directly, that every instance will be analyzed in session, how and when coaching is available, and that if the client's life is in immediate danger they will act to keep the client alive, which may include involving other people or emergency services. The limits of confidentiality are explained in the same conversation. Programs also collect the practical information an emergency needs, such as the client's address and an emergency contact. A response the client has heard about in advance is far easier to carry out, and far less likely to feel like a betrayal, than one that comes as a surprise.

## Making sense of it without agreeing with it

From the client's side, suicidal behavior is usually an attempt to solve a problem: to end emotional pain that feels unbearable and endless. The therapist can understand and validate that pain, and how it makes the wish to die understandable, while holding firmly that suicide is not an acceptable solution. Both positions are held at once, which is a dialectical stance: the pain is real and deserves help, and the therapist wants the client alive and says so.

A client's talk of suicide is always taken seriously. Labels such as "attention-seeking" or "manipulative" have no place in a risk assessment. They describe the therapist's frustration, not the client's behavior, and they lead to under-reaction.

## Chain analysis of every instance

Every suicide attempt, every act of self-injury, and any marked rise in suicidal urges or ideation on the diary card becomes the main work of the next individual session, through a **behavioral chain analysis**, a solution analysis and a renewed commitment. This is not a punishment. It shows the client that life-threatening behavior always leads to careful work on that behavior, and over time it reveals the links where skills can break the chain.

## The therapist stays in contact

When risk rises, the DBT therapist does not step back. The therapist stays actively involved, and the higher the risk, the more active and directive the therapist becomes. Contact may increase for a while, for example with an extra session or a scheduled check-in call. A referral to emergency services or a hospital stay does not end the therapy relationship: the therapist plans with the client how treatment continues afterwards.

Contact also has to be arranged with care. If warmth and attention arrive mostly when the client is in crisis, the crisis can be reinforced. DBT therefore encourages clients to call for coaching **before** acting on urges, and it makes sure that skillful behavior and ordinary progress get the therapist's attention too.

## Hospitalization: used sparingly, but safety first

DBT uses psychiatric hospitalization **sparingly**. A hospital stay can reinforce suicidal behavior: it may bring relief from demands, care and attention that the client's ordinary life does not provide, so that suicidal communication becomes the route to getting them. A stay also takes the client out of the environment where new skills have to be learned and used. For many chronically suicidal clients, repeated admissions become part of the problem.

Sparingly does not mean never. When risk is imminent and cannot be managed safely any other way, **safety comes first**: the therapist involves emergency services or supports a hospital admission, and does so without treating it as a failure. What DBT avoids is hospitalization used by reflex, or used mainly to calm the therapist's own anxiety.

## Key points

- Life-threatening behavior is the first target; imminent risk comes before the diary card.
- Suicidal behavior is understood as an attempt to solve a problem, and suicide is still not accepted as a solution.
- Every instance gets a chain analysis in the next session.
- The therapist stays in contact and becomes more active as risk rises.
- Hospitalization is used sparingly; when risk is imminent and cannot be managed otherwise, safety comes first.
""",
        },
        {
            "title": "Assessing risk: risk factors, protective factors, long-term and acute",
            "kind": "reading",
            "estimated_minutes": 15,
            "body": """## Ask directly

Ask about suicide in plain words: "Are you thinking about killing yourself?" is clearer than "Are you having dark thoughts?" Asking directly does not put the idea into someone's head or raise their risk; it gives them permission to say what is happening. A calm, matter-of-fact tone tells the client that the topic can be discussed and that the therapist can hear the answer.

## What a structured assessment covers

Programs use different forms, but a structured assessment covers the same broad areas, so that nothing important is missed when the clinician is under pressure:

- **Current suicidal thinking**: how often, how intense, how long it lasts, and whether it is more than usual for this person.
- **Plan**: whether there is a method, a time and a place in mind.
- **Preparation**: steps already taken, such as gathering means, rehearsing, writing goodbye messages or giving possessions away.
- **Intent**: how strongly the client intends to act, and what has stopped them so far.
- **Access to means**: what is available at home or nearby.
- **Past suicidal behavior**: previous attempts and self-injury, especially the most recent and the most dangerous, and what happened afterwards.
- **Current state**: hopelessness, agitation, severe sleep loss, alcohol or drug use, and whether the client is intoxicated right now.
- **Recent events**: losses, conflicts, humiliation, legal or money trouble, a recent discharge from hospital.
- **Protective factors**: reasons for living, people the client feels connected to, responsibility for children or pets, beliefs that argue against suicide, engagement in treatment, skills that have helped before, plans for the future.

Information comes from the client first, and also from the diary card, records and, with the client's consent or where law and policy allow, from people close to them.

## Long-term and acute risk

It helps to separate two questions.

| | Long-term (chronic) risk | Acute risk |
|---|---|---|
| Question | How high is this person's risk over months and years? | How high is it now, in the coming hours and days? |
| Examples | past suicide attempts (among the strongest known risk factors), a long history of self-injury, long-standing mental or physical illness, trauma history, suicide in the family | a plan with a time set, preparation, means at hand, intoxication, a recent loss or crisis, rising hopelessness or agitation, withdrawal from people, a sharp rise above the person's usual level |
| Changes | slowly, if at all | quickly, sometimes within hours |

Many DBT clients live with **high long-term risk**. For them the key clinical question at each contact is whether acute risk has risen **above this person's usual level**, and whether it is imminent. Two opposite errors are common. One is to hospitalize at every mention of suicidal thoughts, even when nothing has changed. The other is habituation: "she always says that", until a real change is missed.

**Protective factors matter, but they do not cancel acute risk.** A client who loves her children can still be at imminent risk tonight if she has a plan, the means and strong intent. Protective factors are part of the picture and good material for the work of building reasons to live; they are not a counterweight that makes a high-risk picture safe.

## Formulating a judgment

No questionnaire, score or clinician can predict whether a particular person will die by suicide. The purpose of assessment is to decide **what to do now**: which factors can be changed, how much support and contact are needed, and whether risk is imminent. Programs use different labels for levels of risk; use your program's terms and, above all, write down the reasoning behind the label.

Signs that point toward **imminent** risk include a specific plan with intent to act soon, means at hand, preparation already made, intoxication, and a client who cannot engage in making a safety plan or will not commit to one.

## A structured protocol: the LRAMP

Linehan and colleagues published a structured protocol for this work, the **Linehan Risk Assessment and Management Protocol (LRAMP)**. This course describes only its purpose and principles; if your program uses it, work from the published version and its instructions.

Its purpose is to give the clinician a structure to follow whenever suicide risk has to be assessed, for example when suicidal thoughts, a suicide attempt or self-injury come up in a contact, so that assessment, action and documentation hang together. Its principles, in this course's words:

- **Assess both sides.** Risk factors and protective factors are both considered, for the long term and for the present.
- **Link assessment to action.** The point is not a rating but a response: what the clinician did because of what was found.
- **Record the reasoning.** The record shows what was assessed, what was decided and why, including options considered and not chosen.
- **Support the clinician.** A structure protects against the forgetting and narrowing of attention that stress brings.

A protocol supports clinical judgment; it does not replace it.

## Key points

- Ask directly; asking does not increase risk.
- Cover plan, preparation, intent, means, history, current state, recent events and protective factors.
- Judge acute risk against the person's long-term baseline.
- Protective factors do not cancel acute risk.
- The LRAMP structures assessment, action and documentation together.
""",
        },
        {
            "title": "Managing risk: imminent risk, means safety, hospitalization, records and the team",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Match the response to the risk

Most suicidal ideation in DBT is handled within the treatment itself: chain analysis, solution analysis, skills, a written crisis plan, phone coaching and, when needed, more contact for a while. The response steps up as acute risk rises, and it steps up most sharply when risk is imminent.

## When risk is imminent

- **Stay with the client.** In a session, do not leave an imminently suicidal client alone; ask a colleague to make calls if needed. On the phone, stay on the line, and find out early where the client is and who is with them.
- **Medical danger first.** If the client has already taken something or injured themselves, it is a medical emergency, and getting medical help to them comes before any coaching or exploration.
- **Become active and directive.** Focus on getting through the next hours. Validate the pain, say clearly that you want the client alive, problem-solve the crisis, use crisis survival skills to bring arousal down, and draw out reasons for living and hope.
- **Remove the means.** Agree concrete steps to put the method out of reach now (see below).
- **Make a plan.** What the client will do, who they will be with, what they will do if urges rise again, and when you will next be in touch. A written crisis plan that the client helped to make is more useful than a general promise.
- **Involve others.** Depending on the situation: a supervisor or on-call colleague, supportive people in the client's life (with consent, or where law and policy allow without it), crisis services, and emergency services.

A useful order on the phone, once imminent risk is suspected: first find out where the client is and whether they have already acted; then assess plan, intent, means and timing; then agree steps to put the means out of reach; then agree a plan for the next hours and a follow-up contact. The order can bend to circumstances, but medical danger is never left until later.

DBT asks clients for commitment, and a commitment to a crisis plan is valuable. A promise not to act is **not** a safety measure in itself, though. Decisions rest on the whole assessment and on what has actually changed: whether the means are out of reach, who is with the client, and how they are responding.

## Means safety

Suicidal crises often peak and pass. Putting time and distance between a person and a lethal method can carry them through the peak, and when one method is hard to reach, many people do not switch to another. **Lethal means counselling** is a conversation that helps the client, and where possible people close to them, reduce access to the most dangerous methods during high-risk periods.

- Ask about access specifically, including firearms and stored medications.
- Work collaboratively: explain why it matters, and agree steps the client accepts, rather than issuing orders.
- Typical steps are to store firearms away from the home with someone trusted, or at least locked away, during a high-risk period; to keep only small amounts of medication at home and dispose of or hand over stockpiles; and to have a trusted person hold items temporarily.
- Agree how you will know it happened, for example a text when it is done, and follow up.

Laws about firearms and their temporary transfer vary; know the rules where you work.

## Emergency services and hospitalization

Involve emergency services when risk is imminent and cannot be made safe with the client's plan: when the client has already acted and needs medical care, when means are at hand and the client will not put them out of reach, or when they cannot engage or commit to staying safe. Where possible, tell the client what you are doing and why, and stay involved. A voluntary route is preferred where it is safe; the criteria for involuntary assessment or admission are set by local law.

Clients should know from orientation how their therapist will respond to suicide risk, including the limits of confidentiality. A client who was told in advance is less likely to experience an emergency response as a betrayal.

After an emergency response or an admission, therapy continues. The next individual session includes a chain analysis of the crisis, and the therapist and client plan together to make the next crisis less likely.

## Documentation

Write the note soon after the contact, in factual, non-judgmental language. A good risk note records:

- **what was assessed**: risk factors, long-term and acute, and protective factors;
- **the clinician's judgment**: the level of risk and the reasoning behind it;
- **what was decided and why**, including options considered and not chosen, such as why hospitalization was or was not pursued;
- **actions taken**: means safety steps, the crisis plan, contacts with others;
- **consultation**: with whom, and what was advised;
- **follow-up**: the next contact and what will trigger a different response.

A note that lists only a risk label, or only "client contracted for safety", shows neither the assessment nor the reasoning.

## Consulting the team

There is no solo DBT, and this is where the team matters most. When possible, consult in real time with a supervisor or colleague during a high-risk situation, or soon after it. At the weekly consultation meeting, a therapist's crisis with a suicidal client comes first on the team's own agenda. The team helps the therapist think clearly, checks the plan, and supports the therapist.

## The therapist's own care

Working with suicidal clients frightens, angers and exhausts even experienced clinicians. Those reactions affect judgment: fear pushes toward reflexive hospitalization, and frustration or fatigue pushes toward not asking. Notice your reactions and bring them to the team. Observe your own limits, arrange cover when you are unavailable, and use the skills you teach. If a client makes a serious attempt or dies by suicide, seek support from your team, your supervisor and your own supports; clinicians are affected by such events and should not carry them alone.

## Key points

- Imminent risk: stay with the client, medical danger first, remove means, make a plan, involve others.
- A promise is not a safety measure; decisions rest on the whole assessment.
- Means safety is collaborative and concrete.
- Record what was assessed, what was decided and why.
- Consult the team, and look after yourself.
""",
        },
        {
            "title": "Worked examples: a coaching call with a plan, and a session into the record",
            "kind": "reading",
            "estimated_minutes": 20,
            "body": """## Example 1: a coaching call in which the client reports a plan

**Lena**, 29, has been in DBT for five months. Her history includes self-injury and one overdose two years ago, so her long-term risk is high. At 9:40 p.m. she texts her therapist asking for a call, within the hours he has told her he is available.

**Step 1: where she is and whether she has acted.** Lena says she is "done" and has been saving up her prescribed tablets for two weeks. She plans to take them after her roommate goes to bed. The therapist asks first where she is, whether anyone is with her, and whether she has taken anything or hurt herself tonight. She is at home in her room, her roommate is in the living room, and she has taken nothing; she has had two glasses of wine.
*Reasoning:* if she had already acted, the call would become a medical emergency. Knowing her location matters in case emergency help is needed later.

**Step 2: plan, intent, means and timing.** The plan is specific, the means are in the room, the timing is tonight, and saving the tablets was preparation. Asked to rate her urge to act from 0 to 5, she says 4. Asked what has stopped her so far, she says she told herself to call first. The prompting event was her sister missing her birthday dinner.
*Reasoning:* acute risk is high and possibly imminent, well above her usual level, and the alcohol adds to it. The therapist notes that calling before acting was the skillful choice, and says so. This is no longer a brief coaching call: in line with the program's protocol it becomes a risk assessment and management call, and he becomes more directive.

**Step 3: the means.** He asks her to take the tablets, while he stays on the line, to her roommate and ask her to keep them in her own room tonight. Lena hesitates, then agrees to tell her roommate she is having a hard night. He asks whether there are other medications or means in the home; she says there are not. She agrees to drink no more tonight. How her medication is kept from now on will be planned in her next session.
*Reasoning:* time and distance between Lena and the method can carry her through the peak of the crisis, and the roommate becomes a support person with Lena's agreement.

**Step 4: bring arousal down and build hope.** He validates how painful the empty chair at dinner was, and tells her plainly that he wants her alive and that suicide will not solve the hurt. Knowing she has no medical reason to avoid it, he coaches cold water on her face and paced breathing. Her urge drops to 2. She names reasons to stay alive: her cat, and the course she plans to start in spring.

**Step 5: a plan for the next hours.** She will stay in the living room with her roommate, go to bed when her urge is 2 or lower, and call back if it rises. He tells her plainly that if she cannot keep to the plan, or he cannot reach her and is worried, he will contact emergency services. She repeats the plan back. He will call her at 9 a.m., and they move her session to the next afternoon.

**Step 6: the decision about emergency services.** He does not call emergency services tonight, because much has changed: the means are out of her reach, a supportive person is with her, her urge has come down, and she is engaged in planning. Her promise alone would not have been enough. Had she refused to part with the tablets and said she would act tonight, he would have involved emergency services while staying on the line.

**Step 7: after the call.** The call took about forty minutes. He writes a note that night, contacts the program's on-call consultant as its policy requires, and puts the call first on the team's agenda. The next session includes a chain analysis of the crisis, including the two weeks of saving tablets. He notices his own heart racing after the call, and takes that to the team as well.

## Example 2: from a session's assessment to the record

**Marcus**, 45, has been in DBT for three months. He made suicide attempts at 27 and 36. His diary card usually shows suicidal ideation at 1 or 2; this week it shows 4 on four days, drinking on three nights, and he lost his job two weeks ago.

**Assessment.** The therapist starts there, before other agenda items, and asks directly. Marcus thinks about killing himself daily and has pictured using the handgun he keeps in a locked box at home. He has set no time, has not taken the gun out, and says, "I don't think I'd do it, because of my daughter," though the thoughts frighten him. The worst nights are when he drinks alone.

**Judgment.** Long-term risk is high because of his past attempts. Acute risk has risen above his usual level: job loss, higher ideation, drinking, a firearm at home, evenings alone. There are no signs of imminent intent: no time set, no preparation, he engages in planning, and he has strong reasons for living. Outpatient management with specific steps fits; hospitalization is not indicated now.

**Actions.** In lethal means counselling, Marcus agrees that his brother will keep the handgun at his own home until Marcus and the therapist review it together, and he will text when it is done. They update his written crisis plan, agree that he will not drink alone this week, carry out a chain analysis of Tuesday night, and add a check-in call on Wednesday evening.

**The note.** The therapist writes it after the session:

> Risk assessment, prompted by suicidal ideation rated 4 on four days (usual level 1 to 2). Current: daily thoughts of suicide, has pictured using his handgun; no time set, no preparation; reports low intent and is frightened by the thoughts. Access: handgun in a locked box at home. Recent: job loss two weeks ago; drinking alone on three nights. History: suicide attempts at ages 27 and 36. Protective: teenage daughter he sees weekly; engaged in treatment; used skills on two nights. Judgment: long-term risk high; acute risk raised above his baseline, not imminent, because there is no time set, no preparation, he takes part in planning and gives reasons for living. Hospitalization considered and not indicated now; to be reconsidered if he reports intent, a time or preparation, or cannot keep to the plan. Actions: brother to hold the handgun from tomorrow evening until reviewed together, client to text on completion, therapist to call if no text arrives; crisis plan updated, copy given; no drinking alone this week; chain analysis of Tuesday night done. Follow-up: check-in call Wednesday evening, next session Monday. Consultation: case to be raised first at Thursday's team meeting.

*Reasoning:* the note shows what was assessed, what was decided and why, what would change the decision, and who else will review it.
""",
        },
        {
            "title": "Exercise: a disclosure at the end of a session",
            "kind": "exercise",
            "estimated_minutes": 20,
            "body": """## The case

**Priya**, 24, has been in DBT for eight months. She has a history of self-injury and no suicide attempts. Her diary card has shown suicidal ideation at 2 or 3 most days for months. Her partner moved out three weeks ago. The session is almost over and your next client is waiting. As she picks up her coat, Priya says quietly, "I might not be around next week anyway."

When you ask what she means, she says she has been thinking about suicide much more since her partner left, and two nights ago she spent an hour reading online about ways to die. She has not gathered anything. Asked about intent, she says, "I don't know if I'd do it." She is living alone now.

## Questions to think through

1. What do you do about the time?
2. Which areas do you still need to assess before you can judge her risk?
3. How would you describe her long-term and acute risk from what you know so far?
4. What would lead you to involve emergency services?
5. If you manage the risk as an outpatient, what steps would you take before she leaves?
6. What goes in your note, and what do you take to the team, including about yourself?

Write your answers before reading on.

## Model answer

1. **The time.** Imminent risk comes before the schedule. Ask her to sit down again and tell her you want to understand what she means. Ask a colleague or the front desk to let your next client know you are running late.
2. **Still to assess.** Whether she has a plan (method, time, place); any preparation beyond the reading; her intent, rated and described; access to means at home, including stored medication; alcohol or drug use; her current state (hopelessness, sleep, agitation); how often and how strongly the thoughts come; her protective factors and reasons for living; who she could be with tonight.
3. **Formulation so far.** Long-term risk is raised by her history of self-injury and months of ideation. Acute risk has clearly risen above her usual level: a recent loss, ideation much stronger than usual, reading about methods (a step toward preparation), uncertain intent, and living alone. Whether it is imminent depends on the answers to question 2.
4. **Emergency services.** If she has a plan with intent to act soon and the means at hand, and she will not put the means out of reach or cannot engage in a plan, safety comes first: you involve emergency services according to local law and your program's policy, stay with her while you do, and tell her what you are doing and why.
5. **Outpatient steps.** Lethal means counselling for whatever she could use at home, with a concrete step and a way to confirm it; a written crisis plan she helped to make (warning signs, skills, people, how to reach coaching, what happens if she cannot stay safe); a plan for tonight, ideally with a trusted person; a check-in call before the next session; and a chain analysis of the night she read about methods, now or at the next session. Her commitment to the plan matters, but it is not a safety measure on its own.
6. **Note and team.** Record what you assessed, your judgment and the reasoning, what you decided and why (including whether hospitalization was considered), the actions agreed, any consultation and the follow-up. Consult a supervisor or colleague today if you can, and raise the case first at the next team meeting. Tell the team, too, how the late disclosure affected you: the pull to wrap up quickly because a client was waiting is exactly the kind of therapist reaction the team can help with.
""",
        },
    ],
    "quiz": {
        "title": "Knowledge check: suicide risk assessment and management",
        "gift": r"""$CATEGORY: DBT/Suicide risk assessment and management

::Asking about suicide::Asking a client plainly whether they are thinking about killing themselves can put the idea in their head and raise their risk. {F#It is false. Asking directly does not raise risk, and it gives the client permission to say what is happening.#Right, it is false. Plain, calm questions about suicide are part of every risk assessment.}

::DBT stance on admission::Which statement best describes DBT's stance on psychiatric hospitalization for suicidal clients? {
    =It is used sparingly, because it can reinforce suicidal behavior, but safety comes first when risk is imminent and cannot be managed otherwise#Right. DBT avoids reflexive admissions but does not rule them out.
    ~It is never used in DBT, because it always reinforces suicidal behavior#No. When risk is imminent and cannot be managed any other way, DBT puts safety first.
    ~It is the standard response whenever a client reports suicidal thoughts#No. Many DBT clients have chronic suicidal thoughts; admission at every mention can reinforce the behavior and take the client away from the life where skills must work.
    ~It is decided by the client alone, since the therapist should not influence it#No. The therapist assesses risk and takes part in the decision, within local law.
}

::Acute or long-term::Which of these point to acute (current) suicide risk rather than long-term risk? Choose all that apply. {
    ~%33.33333%A plan to act this weekend#Yes. A plan with a time set is a sign of acute, possibly imminent, risk.
    ~%33.33333%Gathering pills over the past few days#Yes. Preparation is a sign of acute risk.
    ~%33.33334%Being intoxicated during the call#Yes. Intoxication raises risk in the moment.
    ~%-50%A suicide attempt ten years ago#No. Past attempts are among the strongest long-term risk factors, but they do not by themselves show what is happening now.
    ~%-50%A parent who died by suicide#No. Family history adds to long-term risk; it changes slowly, if at all.
    ####Long-term factors set a person's baseline; acute factors show whether risk has risen above it now.
}

::Purpose of the LRAMP::What is the purpose of a structured protocol such as the Linehan Risk Assessment and Management Protocol (LRAMP)? {
    =To guide the clinician through assessing risk and protective factors, linking what is found to action, and recording the reasoning#Right. It holds assessment, action and documentation together and supports, rather than replaces, clinical judgment.
    ~To give a score that predicts whether a particular client will die by suicide#No. No tool can predict that for an individual; the aim is to decide what to do now.
    ~To replace the consultation team when a client is at high risk#No. A protocol supports the clinician's judgment; consulting the team is still needed.
    ~To give clients a questionnaire they complete alone before each session#No. It is a clinician's structure for assessment, management and documentation.
}

::Why means safety works::Why does reducing access to lethal means during a high-risk period help? {
    =Suicidal crises often peak and pass, and time and distance from a method can carry a person through the peak#Right. And when one method is hard to reach, many people do not switch to another.
    ~Because most people simply switch to another method, so the crisis ends sooner#No. Many people do not switch methods, which is why means safety saves lives.
    ~Because it shows the client that the therapist is in control of the treatment#No. Means safety is collaborative and is about the client's safety, not control.
    ~Because removing means replaces the need for a risk assessment#No. Means safety is one step that follows from the assessment.
}

::Protective factors and acute risk::A client with strong reasons for living, such as children she loves, is at low risk even if she has a plan for tonight and the means at hand. {F#It is false. Protective factors matter, but they do not cancel acute risk.#Right, it is false. A plan, the means and intent can make risk imminent whatever the protective factors.}
""",
    },
}

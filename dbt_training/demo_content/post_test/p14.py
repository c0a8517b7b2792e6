"""Post-test items for module 14: Change procedures (demo course content, written for this project)."""

ITEMS = r"""
::Longer emails after replies shrink::Priya's therapist used to answer her long daily emails with long replies. After orienting Priya, the therapist now sends a brief acknowledgment and takes up the content in session, where she engages warmly with whatever Priya raises. In the first week Priya sends eight emails, each longer and more urgent than the last; none mentions risk or urges. What is the best understanding and response? {
    =Probably an extinction burst; hold the plan, validate her distress and keep reinforcing raising topics in session#Right. A behavior that stops paying off usually gets worse before it gets better. Holding steady while reinforcing the alternative is the plan working, not failing.
    ~The plan has failed; return to long replies and choose a different target to work on#No. Giving in at the height of the burst teaches that escalation works in the end and makes the behavior harder to extinguish.
    ~The emails now signal a crisis; answer each one fully until the volume settles again#No. No risk is described, and full answers during the burst would reinforce the escalation intermittently.
    ~Add an aversive consequence by telling her that further emails will count as missed sessions#No. Aversive consequences are used sparingly and at the lowest intensity that works; a predictable burst calls for holding steady, not for a heavy new penalty.
}

::What the warmth follows::Reviewing her coaching calls at team, a therapist notices a pattern with her client Dee. When Dee calls early with rising urges, the therapist keeps the call short and businesslike; after Dee has self-harmed, the therapist offers a long, tender call and an extra session. Which changes are consistent with DBT contingency management? Choose all that apply. {
    ~%33.33333%Respond promptly and with real warmth and engagement when Dee calls early with rising urges#Yes. The therapist's warmth and attention are strong reinforcers and should follow the behavior she wants to see more of.
    ~%33.33333%In the next session, say specifically what Dee did well when she called before acting on an urge#Yes. Prompt, genuine and specific acknowledgment reinforces calling early.
    ~%33.33334%After self-harm, respond with a calm, practical focus on safety, followed by a chain analysis in session#Yes. Risk is never ignored; what changes is the manner of the response, with the warmest engagement kept for steps in the right direction.
    ~%-50%Stop taking calls after self-harm, so that self-harm no longer brings any contact at all#No. Extinction never means ignoring risk. After self-harm the therapist assesses and responds to safety.
    ~%-50%Become cooler in every contact, so that therapy as a whole becomes less reinforcing#No. Cooling every contact does not link reinforcement to adaptive behavior, and it throws away the relationship's power to reinforce change.
    ####Contingency management asks what the therapist's warmth is following, and moves it to the behavior the client is trying to build.
}

::Telling a client about weekend texts::Noor's therapist has been answering texts all weekend and now feels resentful on Sunday evenings. With her team's help she decides she will not answer texts from Friday evening to Monday morning; Noor's crisis plan already covers emergencies. Which way of telling Noor best fits observing limits? {
    =“I've found I need weekends to recharge so I can work well with you in the week, so I won't answer texts then.”#Right. The limit is stated openly as the therapist's own, with her real reason.
    ~“It isn't healthy for you to depend on me at weekends, so I'm going to stop answering texts then.”#No. This presents the therapist's limit as being for the client's good, which is often untrue, tends to feel invalidating and hides the real reason.
    ~“Program policy doesn't allow therapists to answer texts at weekends, so I can't reply then.”#No. Presenting a personal limit as a program rule hides it; observing limits means saying openly that the limit is your own.
    ~“Other clients need my time as well, and it wouldn't be fair to them if I kept answering.”#No. This puts the reason on fairness to others instead of the therapist's own limit, and invites Noor to argue about who deserves time.
}

::Diary card on one day in seven::Kai fills in his diary card on one day a week at most, usually in the waiting room, and several discussions of the problem have not changed this. His therapist decides to use shaping. Which plan fits best? {
    =Agree on a first goal of three days a week, reinforce it warmly when he reaches it, then raise the goal step by step#Right. Shaping sets a first step he can reach, reinforces it, and raises the bar gradually.
    ~Hold back praise until he brings a card completed on all seven days, then praise him warmly#No. Waiting for the full target leaves nothing to reinforce for a long time; shaping reinforces the steps on the way.
    ~Tell him that sessions will not begin until he brings a card filled in on every day#No. This demands the full target at once and adds an aversive consequence; shaping starts with a step he can manage.
    ~Set the diary card aside for now and ask him about his week aloud at the start of each session#No. This drops the target instead of shaping it. A missing card is a therapy-interfering behavior to understand and solve.
}

::Asking for trauma work after recent cutting::Leah, five months into DBT, has frequent flashbacks and asks to start formal trauma-focused exposure. Her diary card shows she cut herself ten days ago after a flashback; there is no imminent risk today. Her therapist is trained in DBT Prolonged Exposure. What is the best next step? {
    =Validate her wish, explain that recent self-harm means she is not ready yet, and make readiness a shared stage 1 goal#Right. No recent self-harm is one of the readiness criteria, and readiness is a target that stage 1 work builds toward.
    ~Start DBT Prolonged Exposure now, since she is highly motivated and already months into treatment#No. Motivation matters, but recent self-harm means she does not yet meet the readiness criteria.
    ~Tell her trauma work must wait until she has completed the full year of stage 1 treatment#No. DBT Prolonged Exposure often begins within the treatment year, once the readiness criteria are met.
    ~Have her describe the trauma memory in detail each session as informal exposure instead#No. That is formal trauma exposure under another name, started before she is ready.
}

::Changing the subject mid-chain::During a chain analysis of last Saturday's drinking, Amara reaches the moment she read a message from her mother. She goes quiet, then asks whether they could talk about her new job instead. She is not dissociating and says she is fine, just bored of this. What should the therapist do? {
    =Gently name the shift, validate that this part is hard, and invite her back to that link while staying warm#Right. This is informal exposure: escape from a painful cue is blocked, and the therapist's warmth keeps the emotion bearable.
    ~Move on to the new job, since pressing the point could damage their working relationship#No. Following her away from the topic reinforces the avoidance; the relationship is protected by warmth, not by leaving the topic.
    ~Teach her a distraction skill so she can get through the rest of the chain more easily#No. Distraction here would be one more way of escaping the cue; the point is to stay with it.
    ~Note the message for stage 2, since work on painful emotions waits until then#No. Informal exposure is part of everyday stage 1 DBT; stage 2 is for formal trauma exposure.
}

::Prediction about a manager::In a group role-play, Tom uses DEAR MAN skillfully. At work he has not asked his manager for a training course he wants. His chain analysis shows the thought "If I ask, she'll decide I'm not up to the job", followed by dropping the idea. He reports only mild anxiety. Which change procedure fits this link best? {
    =Cognitive modification, for example checking the facts about how his manager has treated requests before#Right. The link that stops him is a prediction, and he already has the skill.
    ~Skills acquisition, teaching him DEAR MAN again step by step from the beginning#No. He uses DEAR MAN well in role-play, so the skill is not missing.
    ~Exposure, approaching his manager's office repeatedly until his anxiety fades#No. His anxiety is mild; the block is a belief about what will happen. Exposure fits when strong emotion set off by a cue that is not dangerous drives escape.
    ~Contingency management, with his therapist praising each time he thinks about asking#No. Reinforcement may help later, but praise for thinking about asking does not touch the prediction that stops him.
}

::Guessing what a skill means::Rosa's diary card never shows opposite action, although her chain analyses keep pointing to it. Asked to show how she would use it with the shame she felt after a party, she says she is not sure what it involves and guesses it means thinking positive. She missed the group sessions where it was taught. Which procedure comes first? {
    =Acquisition\: explain the skill and its rationale, model it, and have her try it in session#Right. She cannot yet do the skill even when calm, so teaching comes first.
    ~Generalization\: arrange a coaching call for the next time shame comes up at a party#No. A skill has to be learned before it can be carried into daily life.
    ~Contingency management\: reinforce each day she records using opposite action on her card#No. Reinforcing skill use comes once she knows the skill; for now there is nothing to reinforce.
    ~Exposure\: plan repeated returns to social events until her shame fades on its own#No. Exposure principles may well be part of the plan later, since opposite action draws on them, but first she needs to learn the skill.
}

// dbt: kind=ordering
::Teaching Sam to say no::Sam has never learned how to turn down requests skillfully, and his individual therapist plans to teach him. Put the therapist's steps in the order the skills training procedures suggest. {
    =The therapist explains the skill and shows how she would turn down an example request -> 1
    =Sam practices turning down a request in a role-play, and the therapist gives specific feedback -> 2
    =Sam turns down a real request from his cousin, with a coaching call beforehand -> 3
    =They review how the real conversation went and adjust his approach for next time -> 4
    ####Acquisition (explaining and modeling) comes first, then strengthening (rehearsal and feedback), then generalization to the real situation, with a review that strengthens the skill further.
}

::Shouting when drinking comes up::Over several sessions Eli has shouted at his therapist whenever she raises his drinking. She has oriented him to the problem, validated his frustration and warmly reinforced the sessions in which he stayed calm, yet the shouting continues. Which response best fits how DBT uses aversive consequences? {
    =Tell him plainly that the shouting is a problem for her, then warm up again as soon as his voice drops#Right. The aversive consequence is brief, tied to the behavior, and followed quickly by a way back.
    ~Stay cool and distant for the rest of this session and the next one to make the point#No. Aversive consequences are kept brief, and warmth returns as soon as the client moves in the right direction.
    ~Tell him that his treatment will end the next time he raises his voice in a session#No. This jumps to a very heavy consequence; DBT uses aversive consequences sparingly and at the lowest intensity that works.
    ~Ignore the shouting completely, since any reaction at all might reinforce it#No. A behavior this damaging to the therapy is not left to extinction alone, and ignoring it leaves the therapist's own limits unobserved.
}

::Detour past a former partner's building::Bea takes a long detour every day to avoid walking past her former partner's building. He threatened her within the last month, and a protective order is in place. She asks whether she should do exposure to get over her fear. What fits best? {
    =Not exposure to this cue\: her fear fits the facts, so safety planning and problem solving come first#Right. Exposure is for cues that are not dangerous now; it is never used to keep someone in a situation that may really be dangerous.
    ~Plan graded exposure, beginning with walking past the building in the company of a friend#No. Graded steps are good exposure practice, but exposure is only for cues that are not dangerous, and this one may be.
    ~Use opposite action by walking past the building daily until the fear fades#No. Opposite action is for emotions that do not fit the facts; here her fear fits them.
    ~Use cognitive restructuring to challenge her belief that he is dangerous to her#No. Her belief appears accurate; trying to talk her out of it would be invalidating and could put her at risk.
}

::A colleague with later hours::At team, Jae says she takes coaching calls until 8 p.m. A colleague says he takes calls until 11 p.m. and suggests she do the same, since her client's hardest time is late evening. The client's crisis plan covers emergencies. What response fits DBT's approach to limits? {
    =Jae keeps her own limit, and the team helps her plan with her client for late evenings within it#Right. Limits are personal and differ between therapists; the team's observing-limits agreement supports each member in keeping her own.
    ~Jae extends her hours to 11 p.m., since clients should get the same access from every therapist#No. Team members need not be consistent with each other, and stretching past a limit tends to end in resentment and burnout.
    ~The team agrees a single coaching cut-off that every member of the team follows from now on#No. A uniform rule overrides each therapist's own limits, which DBT asks therapists to observe openly as their own.
    ~Jae passes her client's late-evening coaching calls to the colleague who takes later calls#No. Coaching is usually with the client's own individual therapist; the work is to help the client manage within Jae's limit.
}
"""

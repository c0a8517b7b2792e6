"""Post-test items for module 7: Distress tolerance (demo course content, written for this project)."""

ITEMS = r"""
::DT Marisol late-night text::Late one evening, Marisol, 31, gets a text from her ex-partner saying he is moving in with someone new. Within minutes she has strong urges to drive to his apartment, and she tells her phone coach she "can't think straight." Nothing about the breakup can be settled tonight. What is the most realistic goal for her skills use in the next hour? {
    =To get through tonight without acting on the urge, and face the problem later#Right. Crisis survival skills are for surviving an intense, short-lived moment without making things worse; they are not meant to solve the problem or to make her feel good.
    ~To feel calm and content again before bed, so that she can get some sleep#Feeling better may follow, but crisis survival skills aim at not making things worse. Setting "feel good" as the goal invites disappointment and a sense that the skills failed.
    ~To work out with her coach, step by step, how she could win him back#That is problem solving, and the lesson is clear that this problem cannot be solved tonight; at this level of arousal she also cannot think clearly enough for it.
    ~To check whether her hurt and anger fit the facts of what has happened#Check the facts is a thinking-based emotion regulation skill. At this level of arousal such skills are hard to reach, and surviving the moment comes first.
}

::DT Jordan after STOP steps one and two::In a team meeting, Jordan's manager criticizes his report in front of everyone, and Jordan feels a surge of urges to shout back and walk out. He keeps still, says nothing, takes a breath and pushes his chair a little back from the table. According to the STOP skill, what should Jordan do next? {
    =Notice his sensations and urges, and what his manager actually said and did#Right. After stopping and taking a step back comes Observe\: noticing what is happening inside and outside without jumping to conclusions, before choosing a next step.
    ~Choose the reply most likely to protect his job and answer the criticism#Choosing a response is the last step, Proceed mindfully. Skipping Observe risks acting on an interpretation instead of on what actually happened.
    ~Write out the pros and cons of shouting back versus staying quiet for now#Pros and cons is a separate crisis survival skill and works best prepared before a crisis; it is not the next step of STOP in the middle of a meeting.
    ~Radically accept that the criticism was made in public and cannot be undone#Reality acceptance is for lasting facts that cannot be changed. In this acute moment the STOP sequence continues with observing.
}

::DT Keiko empty pros column::Keiko, 38, drinks heavily after arguments with her mother. Filling in pros and cons with her therapist, she writes several cons of drinking but leaves the "pros of acting on the urge" box empty, saying, "There's nothing good about it." What should the therapist do? {
    =Help her name the real short-term pros, such as relief, and weigh them against the cons#Right. The short-term pros of acting on an urge are often real, and naming them makes the exercise credible when the urge returns; the long-term cons are what clients lose sight of in the moment.
    ~Accept the empty box as a sign of strong commitment and move on to the next skill#An empty pros box looks like commitment but makes the list less believable in a real crisis, when relief feels very real.
    ~Skip the acting-on-the-urge side and focus only on the pros and cons of resisting#The skill weighs both acting on the urge and resisting it, each with short- and long-term consequences.
    ~Point out that if drinking had no pros she would not do it, so her commitment is weak#This is a judgment of her commitment, not a way of completing the exercise, and it is likely to raise shame rather than help her weigh the urge.
}

::DT Omar too upset to list::Omar, 22, tells his individual therapist, "I tried pros and cons last night when I wanted to cut, but I was too upset to think of anything." He concludes that the skill does not work for him. What is the best response? {
    =Write the list with him now, while he is calm, and agree where he will keep it#Right. Pros and cons works best prepared before a crisis and kept at hand; in the moment he only has to read it, not build it.
    ~Agree that the skill does not suit him and replace it with a distraction skill#Dropping the skill after one attempt made under the worst conditions is premature; the problem was when the list was made, not the skill.
    ~Practice writing the list faster so that he can finish it during the next crisis#Speed is not the issue. Under high arousal, building a list is hard for anyone; preparing it in advance is the point.
    ~Keep the list in session, where he and the therapist can go over it each week#A list that stays in the therapy room cannot help him at night; the skill has to generalize to where crises happen.
}

::DT Ruth beta blocker and cold water::In skills group, Ruth, 57, asks to learn the cold-water skill for the surges of panic that wake her at night. During the health check before the TIP skills, she mentions that she takes a beta blocker for high blood pressure. What should the skills trainer do? {
    =Ask her to check with her doctor first, and meanwhile teach paced breathing and paired muscle relaxation#Right. Temperature and intense exercise change heart rate quickly, and medication that affects heart rate or blood pressure is one of the cautions; until the doctor has agreed, the other two TIP skills can be used.
    ~Teach the cold-water skill with cool rather than icy water, so that the effect on her heart is milder#An improvised "milder" version is still a medical question; the trainer cannot judge a safe dose for her, and her doctor should be asked first.
    ~Let her try cold water once during group, where the two leaders can watch how she reacts#Being watched by skills trainers is not medical clearance. The check with her doctor comes before she tries it.
    ~Leave TIP out of her crisis plan entirely and teach her the self-soothe skills instead#This is more restrictive than needed. Paced breathing and paired muscle relaxation are still available while she checks about cold water and exercise.
}

::DT Lena sprinting for urges::Lena, 20, is in stage 1 of DBT and is also being treated for anorexia; in the past she used exercise to compensate for eating. She asks whether she can go for hard sprints when her urges spike, since intense exercise is "one of the TIP skills." What should her therapist do? {
    =Hold off on intense exercise until her doctor and team agree on it, and teach paced breathing for now#Right. An eating disorder is a medical caution for both temperature and intense exercise, so both wait for her doctor's agreement; paced breathing and paired muscle relaxation can be used meanwhile. Where exercise is itself part of the problem behavior the team decides whether it belongs in the plan at all.
    ~Agree, since she is motivated to use a skill and sprinting is far healthier than self-harm#Motivation matters, but an eating disorder is one of the cautions, and for Lena exercise may feed the problem behavior itself.
    ~Agree to short sprints only, and tell her to stop at once if she starts to feel dizzy#Self-monitoring for dizziness is not medical clearance, and it does not address exercise being part of her eating disorder.
    ~Suggest cold water on the face instead, since it works faster and takes no exertion#Temperature carries the same caution for eating disorders; it slows the heart sharply and needs her doctor's agreement first.
}

::DT Dev says TIP stopped working::Dev, 35, has no medical conditions, and his doctor agreed that the temperature skill is safe for him. After a fight with his father he cooled his face with cold water, and his racing heart settled within minutes. Forty minutes later he was replaying the argument and his urges were climbing again, and he tells his therapist that "TIP stopped working." How should the therapist respond? {
    =Explain that TIP is a fast, short-lived bridge, and plan the skills he uses once arousal has fallen#Right. TIP brings arousal down far enough for other skills to become usable; it is not meant to settle the problem on its own. Other skills, such as STOP or distraction, take over from there.
    ~Conclude that cold water does not suit him and replace it with intense exercise from now on#Cold water did what it is meant to do. Intense exercise is also short-acting and would leave the same gap afterward.
    ~Tell him to repeat the cold water each time the urges return, for as long as the evening lasts#Using TIP over and over treats a bridge as the whole plan; once arousal is lower, other skills are needed.
    ~Move straight to radical acceptance of his father's behavior rather than using crisis skills#Reality acceptance may have a place later, but it does not replace a plan for the moment arousal falls and urges start to climb.
}

// dbt: kind=ordering
::DT Sam introducing TIP::Sam, 29, a new group member, has urges that rise from nothing to unbearable within minutes. His therapist plans to add TIP to his crisis plan. Put the therapist's steps in the order the module recommends. {
    =Ask about his health and any medication before teaching temperature or intense exercise -> 1
    =Rehearse the TIP skills chosen for him in session, while he is calm -> 2
    =Coach him to use them when his arousal is at its highest -> 3
    =Once his arousal has come down, move on to other skills such as STOP -> 4
    ####The health and medication question comes before teaching the temperature and intense exercise skills, not after a client has tried them. Rehearsal while calm makes the skill familiar before it is needed. TIP then bridges the peak of arousal so that other skills become usable.
}

::DT Kai solution analysis link::In a chain analysis of Kai's self-harm, one link reads\: "Urge to cut at 9 out of 10, heart pounding, thoughts racing, can't think." Kai, 26, has not yet been asked about medical conditions or medication. In the solution analysis, which skill best fits this link? {
    =Paced breathing, slowing the breath with a long out-breath#Right. At this level of arousal a body-based crisis skill fits best, and paced breathing can be used now; the temperature and intense exercise skills wait until health and medication have been asked about.
    ~Cold water on the face, since it brings arousal down fastest#It works fast, but health conditions and medication need to be asked about before temperature is taught or recommended.
    ~Check the facts on the thoughts behind the urge#Thinking-based skills are hard to reach when arousal is this high; checking the facts fits better once the body has calmed.
    ~DEAR MAN with the person involved in the prompting event#Interpersonal skills may belong elsewhere in the solution analysis, but at this link the task is to survive the peak of the urge.
}

::DT Noor comparisons backfire::Noor, 27, often feels ashamed of "not coping like everyone else." When she tried the comparisons part of Wise Mind ACCEPTS during a crisis, thinking of people who were worse off, she soon found herself thinking, "Even they handle it better than I do," and felt worse. What should her therapist suggest? {
    =Set comparisons aside for her and use other ACCEPTS ideas, such as contributing#Right. Comparisons can backfire for clients prone to shame or envy, which is why it is worth trying them in session first; ACCEPTS offers other ways to turn attention away from the crisis.
    ~Keep practicing comparisons every day, since distraction skills improve with practice#Practice matters, but this skill is feeding her shame rather than easing the crisis; more of it is likely to make things worse.
    ~Check the facts on whether she really copes worse than others, in the middle of the crisis#That may be useful work in session, but in the middle of a crisis it pulls her back into the painful comparison instead of away from it.
    ~Conclude that distraction does not suit her and teach only radical acceptance from now on#One letter backfiring does not rule out the rest of ACCEPTS, and acceptance skills do not replace crisis survival skills.
}

::DT Grace helps a neighbor::Grace, 44, is waiting for a call from the hospital about her father, who is in surgery, and her worry keeps climbing. She spends the next hour helping an elderly neighbor carry groceries up four flights of stairs and put it away, and finds her attention has moved off the waiting. Which skill is Grace using? {
    =Contributing, from Wise Mind ACCEPTS#Right. Doing something for someone else turns attention away from the crisis for long enough that the emotion can ease.
    ~Meaning, from IMPROVE the moment#Meaning is finding or creating purpose or value in the pain itself; Grace is turning her attention to a task for someone else.
    ~Self-soothe, through the five senses#Self-soothing comforts through sight, hearing, smell, taste and touch; helping someone else is a form of distraction.
    ~Opposite action, acting against her fear#Opposite action is an emotion regulation skill for emotions that do not fit the facts; her worry about her father's surgery fits the facts.
}

::DT Hana food in self-soothe plan::Hana, 33, is in DBT for self-harm and binge eating. Building her self-soothe plan, she lists "a big bowl of ice cream" and "hot chocolate with marshmallows" as her first two ideas. How should her therapist respond? {
    =Suggest soothing through another sense, such as music, since food is part of her problem#Right. Self-soothe uses all five senses, and where food or drink is part of a problem behavior, another sense is the better choice.
    ~Keep both ideas, since taste is one of the five senses that the self-soothe skill draws on#Taste is one of the senses, but for Hana soothing through food keeps crisis coping tied to her binge eating.
    ~Keep the ideas but agree on small portions, so that the soothing stays under her control#Smaller portions still tie crisis coping to food, which for her is part of the problem; another sense avoids that.
    ~Replace self-soothe with cold water on the face, which works faster in a crisis like hers#An eating disorder is one of the medical cautions for the temperature skill, and swapping skills does not address how to build her self-soothe plan.
}

::DT Victor in the waiting room::Victor, 60, sits in a hospital waiting room during his wife's long operation, his distress climbing. He closes his eyes and pictures a quiet lake where he often fishes, the water and the light on it. Later he tells himself, "You're doing fine. One more hour, you can do this." Which skills from IMPROVE the moment is he using? Choose all that apply. {
    ~%50%Imagery#Yes. Picturing a calm, safe place replaces part of the painful moment with something more bearable.
    ~%50%Encouragement#Yes. Cheerleading himself is the encouragement skill.
    ~%-50%Meaning#No. Meaning is finding or creating some purpose or value in the pain; Victor is not doing that here.
    ~%-50%Vacation#No. Vacation is a brief, time-limited break from responsibilities; he is staying in the waiting room and picturing a scene, which is imagery.
    ####Imagery and encouragement are two of the seven IMPROVE skills. Like the other crisis survival skills, they are for getting through the moment, not for solving the problem.
}

::DT Irene will not accept::Irene, 66, has learned that her adult son has moved abroad and does not want contact with her for now. In session she says, "If I accept this, I'm saying it's fine for him to treat me like this. I won't." What is the most accurate response in DBT terms? {
    =Accepting means fully acknowledging that it is happening, not approving of it or giving up#Right. Radical acceptance concerns whether something is real, not whether it is right, and it is not resignation; she can accept the situation and still, for example, write him a letter.
    ~Agree that accepting would mean approving, and focus the work on getting him to change his mind#Acceptance is not approval, and agreeing that it is keeps her fighting a fact she cannot change right now.
    ~Tell her that acceptance means giving up hope of contact and letting the relationship go#Acceptance is not resigning. It applies to what cannot be changed now and leaves open what can still be acted on.
    ~Suggest opposite action for her anger, so that she can stop judging her son so harshly#Opposite action is for emotions that do not fit the facts; her pain fits, and the question here is her stance toward a fact.
}

::DT Carmen and the family home::Carmen, 48, has been working on accepting that her mother sold the family home without telling her; the sale is complete. Last week she said she had "finally accepted it." On Thursday she drove past the house and was furious again, and she now tells her therapist, "I've failed at acceptance." Which skill fits best now? {
    =Turning the mind\: expect the protest to return, and recommit to acceptance each time#Right. Acceptance is usually a choice renewed many times, not a conclusion reached once; turning the mind is the skill of choosing it again each time the protest comes back, and cues such as driving past the house can become signals to recommit.
    ~Problem solving\: look for a way to contest the sale or buy the house back from the buyers#The sale is complete; this is a fact that cannot be changed right now, which is exactly where reality acceptance applies.
    ~Pros and cons of acting on her urge to confront her mother about the sale tonight#Pros and cons is a crisis survival skill for an acute urge; Carmen's problem is the recurring return of non-acceptance.
    ~Mindfulness of current emotion, until she no longer feels any anger about the sale#Observing her anger may help, but the skill that addresses "I accepted it and now I haven't" is turning the mind, and the aim is not to stop ever feeling angry.
}

::DT Ahmed shutting down::Ahmed, 39, was told his request to transfer to another team has been turned down and will not be reconsidered this year. He has stopped answering emails from his new team lead and spends his evenings in bed, saying he "can't face any of it." In the terms of the reality-acceptance skills, what is this, and what is a helpful next step? {
    =Willfulness, as shutting down; name it without judgment and ask what willingness would mean now#Right. Willfulness is a stance set against the situation, and it can look like giving up as well as fighting. Willingness means doing what the situation actually requires, starting small, such as answering one email.
    ~Willingness, since he is no longer fighting the decision; no change is needed yet#Not fighting is not the same as willingness. Withdrawing from what the situation requires is also willfulness.
    ~Radical acceptance, since he has stopped protesting; build on it with half-smiling each day#Stopping protest by shutting down is not full acceptance, and half-smiling helps an accepting stance but does not address the withdrawal.
    ~Active passivity, a secondary target; add it to his diary card before working on it#Active passivity is one of the dialectical dilemmas, not a reality-acceptance term; the reality-acceptance skills name this stance willfulness.
}
"""

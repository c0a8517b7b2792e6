"""Post-test items for module 4: Individual therapy tools (demo course content, written for this project)."""

ITEMS = r"""
// dbt: kind=ordering
::Agenda for Lina's session::Before sitting down, Lina tells her therapist that she has been thinking about taking an overdose tonight. Her diary card shows cutting on Saturday and a missed skills group, and last week the therapist started their session twenty minutes late. Lina also wants help with a dispute with her landlord. Put these items in the order the DBT session sequence gives them, first to last. {
    =Assess and respond to the overdose thoughts she reports for tonight -> 1#Imminent risk now comes before anything else, including the review of the card.
    =A chain analysis of Saturday's cutting -> 2#Self-harm since the last session is a life-threatening behavior, the highest target on the card.
    =The missed group and the therapist's late start -> 3#Both are therapy-interfering behaviors, one the client's and one the therapist's.
    =The dispute with her landlord -> 4#A quality-of-life concern, taken up after the higher targets.
    ####Imminent risk first, then the card read through the stage-1 hierarchy\: life-threatening, therapy-interfering, then quality-of-life targets, with skills woven through. Not every item will fit into one session, and the therapist says openly why the order is what it is.
}

::The fight before the burn::Marco wants to spend his session on a fight with his girlfriend on Thursday night. His diary card shows that he burned his forearm with a lighter about an hour after the fight. He is not at imminent risk. What should the therapist do? {
    =Propose a chain analysis of the burning, say why it comes first, and note that the fight will be part of it#Right. Self-harm is the highest target present, and the therapist explains the order openly. The fight is likely the prompting event, so Marco's topic is linked to the target rather than set aside.
    ~Talk through the fight first to build rapport, then turn to the burning if time allows#This puts the client's topic ahead of a life-threatening behavior, risks running out of time for the chain, and misses that the fight belongs inside it.
    ~Tell him the fight is not a treatment target and keep the whole session on the self-harm#The self-harm does come first, but the client's topics matter. The therapist links the fight to the target instead of dismissing it.
    ~Suggest he take the fight to skills group, where interpersonal skills are taught#Skills group teaches skills; it is not where his week is analyzed. The self-harm needs a chain analysis in individual therapy.
}

::Card left at home again::For the third week running, Aisha arrives without her diary card. When her therapist asks about it, she says filling it in feels like "writing a list of everything I did wrong." What fits the way DBT handles the missing card? {
    =Treat it as therapy-interfering, look at the shame that gets in the way, and have her fill in what she can now#Right. A missing card is a target to understand and solve, not to punish. Shame calls for a different solution than forgetting would, and filling in what she can lets the review still happen.
    ~Drop the card for now, since it brings up shame and could strain the relationship#The card is how the week's targets become visible. Dropping it removes the tool instead of solving what gets in the way of using it.
    ~Reschedule the session for a day when she can bring a completed card#Sending her away treats the missing card as something to punish rather than understand, and it costs a session without finding out what the problem is.
    ~Skip the card and ask her to summarize the week from memory instead#Memory is unreliable, especially when emotions run high, and the missing card itself goes unaddressed as a target.
}

::A card that fits Hannah::Hannah's agreed targets include self-harm and bingeing and purging. She does not use alcohol or drugs. The clinic's standard diary card has rows for self-harm and substance use but none for eating. What is the best way to set up her card? {
    =Keep the self-harm rows and add bingeing and purging as personal target behaviors#Right. Cards vary by program and are fitted to the client's targets, so her eating behaviors get their own rows and the higher-priority self-harm rows stay.
    ~Use the standard card unchanged, so her records match the rest of the program#A card is adapted to the client's targets. Unchanged, it would leave one of her main targets untracked day by day.
    ~Record bingeing and purging in the notes section, since they are not standard rows#Notes do not give daily urge and action ratings that can be read at a glance. Her targets deserve rows of their own.
    ~Replace the diary card with a food diary, since eating is now her main concern#This would drop the self-harm rows, which track a higher target, and lose the rest of the card's record of urges, emotions and skills.
}

::A total meltdown::Asked what happened on Sunday, Ruth says, "I had a total meltdown." Her therapist wants to do a chain analysis of it. What is the best next question? {
    =What exactly did you do, at about what time, and how intense was it?#Right. A chain analysis starts by defining one specific instance of the behavior. "Meltdown" could mean crying, shouting, self-harm or something else.
    ~What happened just before the meltdown started?#That asks for the prompting event. Before looking for it, the therapist needs to know precisely which behavior is being analyzed.
    ~How had you been sleeping and eating in the days before?#Vulnerability factors matter, but they come after the behavior and the prompting event are defined.
    ~What could you do differently the next time a meltdown starts?#Solutions come last. Without a defined behavior and its chain, there are no links to match skills to.
}

::Parts of Omar's chain::Omar punched a wall on Friday evening and bruised his hand. Match each detail from his chain analysis with the part of the chain it belongs to. {
    =He had slept about four hours a night during a week of shift changes -> Vulnerability factor
    =At 5 p.m. his manager told him his hours would be cut -> Prompting event
    =The thought "I'm going to lose the apartment", then a hot rush of anger -> Link in the chain
    =His anger dropped right after he hit the wall -> Short-term consequence
    =His partner has started avoiding raising problems with him -> Long-term consequence
    ####Poor sleep lowered his threshold without causing the behavior; the news about his hours set the chain off; the thought and the anger came in between; the quick drop in anger helps explain why the behavior may recur; the change in his partner shows its cost.
}

::Nothing in between::During a chain analysis, Bea says, "My mother texted that she wasn't coming, and then I just cut. There's nothing in between." What should the therapist do next? {
    =Slow her down and go moment by moment from the text to the cutting, asking what she thought, felt, sensed and did#Right. Clients often jump from the prompting event to the behavior. The links in between are where a skill could have broken the chain, so the therapist helps her find them.
    ~Accept that the cutting was impulsive and move on to the consequences#Even fast behavior has links. Skipping them leaves no points at which to intervene except the prompting event.
    ~Go straight to a solution for the prompting event, such as planning her mother's next visit#Preparing for the prompting event is one solution, but the chain is not yet understood and most of the places where a skill could help are missing.
    ~Ask about her vulnerability factors instead, since she cannot recall the links#Vulnerability factors are part of the analysis, but they do not replace the links. The therapist's job is to help her slow down and recall them.
}

::What keeps Dev away::Dev has skipped skills group three times this month. A chain analysis of the latest time shows that he slept badly the night before, worried that the others would think he was stupid, and felt strong relief once the group's start time had passed. Over the month he has fallen behind on the skills. Which consequence most likely helps keep the skipping going? {
    =The relief he felt once the start time had passed#Right. Short-term consequences such as relief from distress often explain why a behavior keeps happening.
    ~Falling behind on the skills the group has covered#That is a long-term consequence. It shows the cost of skipping, but it is too delayed to explain why skipping keeps happening.
    ~His worry the night before that he would seem stupid#That came before the behavior. It is a link in the chain, not a consequence of skipping.
    ~The poor night's sleep he had before the group#That is a vulnerability factor. It lowered his threshold but did not follow the behavior.
}

::Solutions for Tess::In a solution analysis, Tess and her therapist look for a response to each point in her chain. Match each point with the solution that fits it best. {
    =The thought "she's ignoring me on purpose", followed by strong shame -> Check the facts
    =Her urge to self-harm jumping from 2 to 5 within minutes -> A TIP skill such as cold water, once checked as medically safe for her
    =Three nights of broken sleep before the incident -> Work on balanced sleep with the PLEASE skills
    =A tense visit to her father planned for Sunday -> Rehearse the visit in advance with cope ahead
    =An urge to shut herself in her room and talk to no one -> Reach out to a friend she has named in advance
    ####A solution analysis works at three places\: the key links, the vulnerability factors and the prompting event. Emotion-driven thoughts suit checking the facts, sharp surges of urge suit crisis survival skills, vulnerabilities suit PLEASE, and a foreseeable prompting event can be rehearsed.
}

::Nine ways to break a chain::At the end of a chain analysis, Gil and his therapist have listed nine skills that could have broken his chain, from paced breathing to using DEAR MAN with his brother. Gil looks overwhelmed. What should the therapist do next? {
    =Choose two or three solutions Gil believes he can use, and plan for what might get in the way#Right. A few workable solutions beat many theoretical ones, and troubleshooting the obstacles makes it more likely he will use them.
    ~Ask Gil to commit to all nine, since each one closes a different link#A long list is unlikely to be used when the chain starts again, and it adds to the overwhelm he is already showing.
    ~Give him the whole list as homework and ask him to practice one skill a day#This is still the whole list, chosen for him, with no check on which skills he believes he can use and no plan for obstacles.
    ~End the analysis there, since understanding the chain was the main aim#Understanding is only half the work. The analysis goes on to solutions he can use, repair and commitment.
}

::Noor's repair::Just before she self-harmed, Noor shouted at her roommate and broke the roommate's favorite mug. In the solution analysis, her therapist turns to repair. Which plan fits repair as DBT uses it? {
    =Apologize to her roommate on Saturday morning and replace the mug that afternoon#Right. Repair is active and specific\: what she will do, and when.
    ~Reflect on how guilty she feels about the way she treated her roommate#Feeling guilty does nothing to repair the harm. Repair is an action toward the person harmed.
    ~Promise herself that nothing like this will ever happen again#That is a vague commitment, not a repair of the harm done. Commitments, too, need a concrete plan.
    ~Write about the argument in the notes section of her diary card#Recording the event is useful information, but it does not repair anything for the roommate.
    ####Repair covers harm to others, to the therapy and to the client herself, such as having wounds properly looked after rather than hiding them.
}

::Tomás weighs leaving group::Tomás says he is thinking of dropping out of skills group. His therapist answers, "That's your decision to make, and I'll respect it. I'll be honest, though. What you've tried on your own hasn't got you closer to keeping your job, and I don't know another route that would." Which commitment strategy is the therapist using? {
    =Freedom to choose and absence of alternatives#Right. The therapist stresses that the choice is his while being honest that the alternatives are unlikely to reach his goal.
    ~Devil's advocate#Devil's advocate would argue for dropping out so that Tomás argues to stay. Here the therapist does not argue for leaving.
    ~Connecting present commitments to prior ones#That would remind him of what he agreed to earlier and why. No earlier agreement is mentioned.
    ~Door-in-the-face#Door-in-the-face makes a large request and then a smaller one. The therapist makes no request here.
}

::A smaller request for Marcus::Marcus's main target is binge drinking. His therapist asks him to commit to not drinking for the rest of the treatment year, and he refuses. Which follow-up request uses door-in-the-face correctly? {
    =No drinking between now and next Thursday's session#Right. The target stays the same and only the time frame shrinks, so the request now seems reasonable by comparison.
    ~Filling in his diary card every day this week#This drops the target to win an easier yes. That is not door-in-the-face; it gives up on the drinking target.
    ~Coming to every skills group session this month#This swaps in a different behavior. In door-in-the-face the target stays the same and the request gets smaller.
    ~Thinking it over and giving his answer at next week's session#No smaller request is made, and no commitment is gained now. The strategy follows the refusal with a smaller version of the same request.
}

::Devil's advocate misfires::To strengthen Carla's commitment to skills group, her therapist says, "Honestly, group is a lot of work. Maybe it just isn't for you." Carla replies, "You're right. I'll stop going." What does this exchange suggest? {
    =The argument was pitched too strongly for Carla to win, when the aim is for her to argue for change#Right. Devil's advocate works when the client pushes back and argues for the commitment. Its intensity has to be judged so that she can win the argument.
    ~The strategy worked as intended, since Carla has now made her own free choice#The aim is for the client to argue for change, not to agree with the therapist's doubts. Here it has weakened her commitment.
    ~Devil's advocate belongs only at the start of treatment, not in the middle of it#There is no such rule. Commitment is built and rebuilt whenever it falters, with any of the strategies.
    ~Carla is not committed enough for DBT, and the team should review her place#This judges the client instead of looking at how the strategy was used. The problem lies in its intensity.
}

::Only the case against cutting::Working on commitment, Jon's therapist asks him to list every disadvantage of cutting, and together they write a long list. Jon agrees with all of it but seems unmoved. Which change would bring the therapist closer to the pros and cons strategy? {
    =Also ask what cutting does for him and what he would lose by stopping, and take those answers seriously#Right. Pros and cons weighs both changing and not changing. Taking the case for the old behavior seriously makes the decision his own and prepares him for moments when cutting looks attractive.
    ~Add more disadvantages until the case against cutting feels overwhelming#A longer one-sided list still leaves out why cutting appeals to him, so he is unprepared when it does.
    ~Avoid asking what cutting does for him, since that could strengthen the urge#This is a common worry, but the strategy takes the case for the old behavior seriously instead of leaving it unspoken.
    ~Switch to cheerleading, since the list is not moving him#Cheerleading may help alongside, but it does not fix the missing half of the weighing.
}

::Ivy and the homework::Three months into treatment, Ivy says skills homework is pointless and she wants to stop doing it. Her therapist replies, "When we started, you agreed to practice skills because you wanted to keep your job. Does that still matter to you? I've watched you get through weeks harder than this one, and I think you can do this." Which commitment strategies does the therapist use? Choose all that apply. {
    ~%50%Connecting present commitments to prior ones#Yes. The therapist reminds Ivy of what she agreed to earlier and why, and asks whether it still stands.
    ~%50%Cheerleading#Yes. Open encouragement and expressed belief in her ability.
    ~%-50%Devil's advocate#No. The therapist does not argue against the homework so that Ivy argues for it.
    ~%-50%Foot-in-the-door#No. The therapist makes no small request to build on toward a larger one.
    ####Commitment strategies are often combined, and they are used whenever commitment weakens, not only at the start of treatment.
}
"""

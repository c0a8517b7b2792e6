"""Post-test items for module 13: Problem solving beyond the chain (demo course content, written for this project)."""

ITEMS = r"""
::Homework misunderstood, next move::Dario agreed last week to "practice mindfulness" at home and did none. His therapist begins a missing-links analysis and asks him to describe the assignment. He says he understood it to mean the mindfulness exercise at the start of group, which he did. What should the therapist do next? {
    =Make the assignment concrete with him (what, when, for how long) and have him describe it back#Right. The first missing link is knowledge. The plan was unclear to him, so the first job is to make it specific and check his understanding.
    ~Ask him what made him unwilling to practice at home#Willingness is the next question in the sequence, but what has emerged so far is that he did not know what was asked. Exploring motivation now risks treating a misunderstanding as resistance.
    ~Do a full chain analysis of the evenings when he did not practice#A chain analysis of not doing something is slow and shapeless, and the answer to the first question already points to a solution.
    ~Use devil's advocate to strengthen his commitment to the homework#His commitment is not the problem that has come to light. He did not know what he had agreed to do.
}

::Reply sent before the skill came to mind::Maya and her therapist agreed that she would use STOP before replying to angry messages from her sister. In session she says she knew the plan and wanted to use it, but "it never crossed my mind until an hour after I'd sent my reply." Which solution most directly targets the missing link? {
    =Build a cue into the situation, such as a note on her phone's lock screen, and practice STOP on low-stakes messages#Right. She knew the plan and was willing; the thought did not come at the moment it was needed. Cues and practice until the skill is more automatic target exactly that link.
    ~Weigh the pros and cons of using STOP with her, to raise her willingness#She was already willing. Pros and cons target a different missing link.
    ~Go over the steps of STOP again until she can name each one#She knew the skill. Knowing what to do was not the problem.
    ~Point out in session how often she replies to her sister on impulse#Describing the pattern may help her see it, but on its own it puts no cue into the moment when a message arrives.
}

::A drink works faster::Andre agreed to go for a brisk walk when his urge to drink rose. At the next session he says he knew the plan and thought of it on Friday night, "but I didn't want to. A drink works faster." What fits best next? {
    =Explore what lowered his willingness, for example by weighing the short- and long-term pros and cons of walking and of drinking#Right. He knew the plan and thought of it; the missing link is willingness, so that is where the work goes before any new technique is added.
    ~Put a reminder card by his front door so the plan comes to mind#The plan did come to mind. A cue solves a different missing link.
    ~Re-orient him to the homework by explaining its steps again#He already knew what was needed. More information will not change how willing he was.
    ~Replace walking at once with a stronger skill from distress tolerance#Without understanding what lowered his willingness, a new skill is likely to meet the same obstacle. Choosing also comes after generating and evaluating options.
}

::Four obstacles, four procedures::In missing-links analyses with four different clients, a therapist finds a different obstacle each time. Match each obstacle with the change procedure it points to most directly. {
    =Jen had never practiced the skill outside the group room -> Skills training with rehearsal and feedback
    =Kofi's fear rose so sharply at the thought of phoning that he froze -> Exposure-based procedures
    =Lia was sure that asking for help always makes things worse -> Cognitive modification such as checking the facts
    =Sam's partner mocked him each time he used a skill at home -> Contingency management and changing the environment
    ####A lack of skill points to skills training, emotions that block the behavior to exposure-based work, beliefs to cognitive modification, and an environment that punishes the new behavior or rewards the old one to contingency management. Often more than one is at work.
}

::The I-don't-know moment::Each time the therapist asks Elif how she felt just before she started drinking, Elif says "I don't know" and glances at the clock. After the third time the therapist says, "I notice that 'I don't know' comes up each time we get near a feeling. What's happening for you right now?" Which strategy is the therapist using? {
    =Highlighting, an insight strategy#Right. The therapist points out a behavior as it happens in the session, where it can be observed directly, and asks about it with curiosity.
    ~Accurate reflection, the second level of validation#Reflection restates what the client has said or felt. Here the therapist points out a repeated behavior in the room, which goes beyond reflecting.
    ~Orienting the client to the task of the chain analysis#Orienting explains what a task involves and each person's role. This comment draws attention to what Elif is doing now.
    ~A didactic strategy giving information about emotions#No information about emotions is given. The therapist is observing and naming an in-session behavior.
}

::Weekend overdoses::At consultation team, a therapist says that her client Rhea's overdoses always happen on weekends when Rhea's mother visits, and that "she does it to make her mother stay longer." Which response best reflects how DBT uses insight about the function of a behavior? {
    =Her mother staying longer may be reinforcing the overdoses. That is a hypothesis to check with Rhea, and it does not mean she plans it#Right. Commenting on what a behavior may do is useful, but it is offered as a hypothesis, and function is not intent. The team avoids pejorative readings.
    ~Then the therapist should tell Rhea plainly that the overdoses are meant to keep her mother there#This presents a hypothesis as fact and attributes intent. Stated this way it is also likely to feel like an accusation.
    ~The mother's visits belong outside the chain, so the team should leave them out of the analysis#What follows a behavior is part of the chain, and its consequences often explain why the behavior keeps happening.
    ~If the overdoses serve to keep her mother there, they can wait until after the therapy-interfering items#Overdoses are life-threatening behavior and stay the first target whatever their function.
}

::I must be broken::Hana tells her therapist, "Every time someone cancels on me I end up bingeing. I've sworn to stop a hundred times. I must be broken." Which response is a didactic strategy that fits this moment? {
    =Explaining briefly that a behavior quickly followed by relief tends to get stronger, so the pattern makes sense and can change#Right. Information about how behavior is learned normalizes the pattern and can reduce self-blame enough for her to try something new.
    ~Pointing out that she also called herself broken last week, when other plans fell through#That is an insight strategy, observing a pattern. It does not give her the information that could loosen her self-blame.
    ~Describing what the next chain analysis will involve and how long it will take#That is orienting to a task. It may be useful later but does not speak to her belief that she is broken.
    ~Reassuring her warmly that she is not broken and is doing well in treatment#Encouragement can have its place, but it gives no information about why the pattern persists, so it is not a didactic strategy and may not persuade her.
}

::Felt interrogated::Bea is new to DBT. She tells her therapist that she felt "interrogated" last week when they went through a chain analysis of her self-harm, and that she does not want to do that again. What should the therapist do before the next chain analysis? {
    =Orient her to the task, covering what a chain analysis involves, why, how long it takes and what each of them does, then ask for her agreement#Right. A client who does not know what a task involves or why can experience it as an attack. Orienting, alongside validation of how it felt, makes the task understandable and supports her commitment.
    ~Drop chain analyses for now and spend the sessions on validation until she feels safe#Self-harm is the highest target and chain analysis is central to treating it. Validation belongs alongside the change work, not in place of it.
    ~Point out that she seems to hear structure as criticism, as she did with her last therapist#An observed pattern may be useful later, but offered now it is likely to sound like an accusation, and it does not tell her what the task involves.
    ~Give her reading on the biosocial theory to take home before the next session#Information about the theory does not explain what happens in a chain analysis or what her role in it is.
}

::Eight solutions at once::After a chain analysis, Marcus and his therapist have brainstormed eight possible solutions. Marcus says he will do all eight this week "to be on the safe side". What should the therapist do next? {
    =Evaluate the options with him for likely effect, whether he can use them at a high urge, his willingness and their cost, then choose one to three#Right. Evaluating and choosing come after generating. A few specific solutions that he can and will use beat a long list.
    ~Accept his offer, since more solutions give more chances that at least one will work#A long list is usually a list of things not practiced, and some options may be out of reach at the intensity he will be at.
    ~Choose the two strongest options herself, so the plan rests on clinical judgment#Solutions chosen without the client are less likely to be used. Therapist and client evaluate and choose together.
    ~Move straight to troubleshooting each of the eight solutions in turn#Troubleshooting comes after choosing, and troubleshooting eight solutions in one session is neither feasible nor useful.
}

::Handing over the keys::Gabe's chosen solution is that when his urge to drive recklessly after an argument reaches 3, he will hand his car keys to his brother. Asked whether he will do it, he says, "I'll try." What is the most useful next step? {
    =Ask him to picture the next argument in detail, name what could stop him handing over the keys, and rehearse what he will do#Right. This is troubleshooting, the step most often skipped. Without it, "I'll try" usually means hoping.
    ~Accept "I'll try" as his commitment and review how the plan went next week#A tentative "I'll try" without troubleshooting leaves the likely obstacles unplanned for.
    ~Run a missing-links analysis of why he feels unsure about the plan#A missing-links analysis looks at an agreed behavior that did not happen. Nothing has failed yet; the plan needs troubleshooting.
    ~Explain how anger affects judgment and reaction time behind the wheel#Information might add to his reasons, but it does not prepare him for what could stop him handing over the keys.
}

::Burn found in the middle::During a missing-links analysis of why Ines did not fill in her diary card, she mentions that she burned herself on Tuesday night, which is not on the card. She has no current urges or plan to harm herself. What should the therapist do? {
    =Check that the burn has been cared for, then do a chain analysis of the burning, looking at the missing card within it if relevant#Right. Self-harm is life-threatening behavior, the highest target, so it takes priority over the therapy-interfering behavior of the missing card. The missing card may well turn up as a link.
    ~Finish the missing-links analysis first, since it was already on the agenda#The target hierarchy orders the session. Self-harm comes before the therapy-interfering behavior of an incomplete card.
    ~Note the burning to analyze next week, since there is no current risk#No imminent risk means no crisis response is needed, but the self-harm is still the highest target and should be analyzed now.
    ~Highlight her pattern of keeping things from the therapist before going further#A pattern may be worth describing later. It does not replace analyzing the life-threatening behavior.
}

::Breathing never practiced::Priya says she will use paced breathing when panic rises at work. She learned it in group three weeks ago and has not practiced it since. Which steps would help the therapist check and build her capability before she relies on the skill? Choose all that apply. {
    ~%50%Have her do paced breathing in the session now and give her feedback#Yes. Rehearsal in session both builds the skill and shows whether she can really do it.
    ~%50%Agree on brief daily practice while calm, so the skill is within reach when arousal is high#Yes. Skills are hardest to reach at high arousal, so they are practiced first at lower intensity.
    ~%-50%Accept her description of the skill as evidence that she can use it under stress#No. Being able to describe a skill is not the same as being able to use it during panic.
    ~%-50%Ask her to try it for the first time at the next panic, to test it in real conditions#No. A skill tried for the first time at high arousal is likely to fail and to confirm that it does not work.
    ####Capability is part of evaluating a solution. Rehearse in session and practice at low intensity before relying on a skill at high intensity.
}
"""

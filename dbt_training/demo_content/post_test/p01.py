"""Post-test items for module 1: Foundations of DBT (demo course content, written for this project)."""

ITEMS = r"""
::Lena's intake details::During an assessment, Lena, 31, describes her emotional life in some detail. Match each thing she reports with the feature of emotional vulnerability it shows most clearly. {
    =A friend's slightly flat reply to a text is enough to upset her -> High sensitivity#A low threshold\: a cue most people would barely register sets the emotion off.
    =Once she is upset, she is sobbing and shaking within a minute or two -> High reactivity#Intensity\: once the emotion is set off, the response is strong.
    =Anger from a morning argument is still strong when she goes to bed -> Slow return to baseline#Duration\: the emotion takes hours to settle, so the next event may land before it has passed.
    = -> Intermittent reinforcement of escalation#This is a feature of an invalidating environment, not of emotional vulnerability, so none of Lena's reports belongs here.
    ####Sensitivity is about what sets an emotion off, reactivity about how strong it gets, and the slow return about how long it lasts. Intermittent reinforcement of escalation is a feature of an invalidating environment, the social side of the theory, not of biological vulnerability.
}

::Heard only after escalating::Jonah, 27, says that as a teenager his calm requests for help with bullying went unanswered at home. The week he punched a hole in his bedroom door, his father went to the school the very next day. He now tells his therapist, "Nobody listens until I lose it." Which feature of an invalidating environment does this history show most clearly? {
    =Escalation was reinforced intermittently, so he learned that only extreme displays bring help#Right. Calm requests were ignored and an extreme display was answered. Behavior rewarded only some of the time is especially persistent, and his remark shows what he learned.
    ~Problem solving was oversimplified, so he was never taught the steps for handling bullying#Nobody in this history told him the problem was easy to solve. What stands out is which behavior got a response and which did not.
    ~His distress was punished, so he learned to hide his feelings from the people around him#He did not learn to hide distress; he learned to escalate it. The history describes calm requests being ignored, not distress being punished.
    ~His caregivers solved his problems for him, so he never learned to manage them himself#Nothing suggests routine rescuing. Help came once, after an extreme display, while his ordinary requests went unanswered.
}

::Told to just relax::Carmen, 35, remembers freezing with panic before swimming races as a teenager. Her coach told her to "just relax; if you wanted it enough, you'd stop panicking," and her parents agreed that she only needed more willpower. Today she calls herself lazy whenever she cannot manage a task. Which feature of an invalidating environment is most evident in this history? {
    ~Intermittent reinforcement of escalation, because her panic was what finally got her attention#Nothing here shows her panic being rewarded with a response. The adults' message was about effort, not about which displays were answered.
    =Oversimplified problem solving, with her difficulty put down to effort or character#Right. Panic was treated as easy to fix by trying harder, nobody taught her how to manage it, and the failure was blamed on her will, which she now repeats to herself.
    ~Punishment of emotional expression, because she was sent away whenever she panicked#The history does not describe her being sent away or punished. The adults told her the problem was simple and blamed her effort.
    ~High reactivity, because her panic before races was intense and hard to control#Reactivity belongs to the biological side of the theory. The question asks about the environment, and what the adults did is the clearest feature here.
}

::Same-day callbacks after a crisis::A community clinic's case manager answers routine messages within a week but calls back the same day whenever a client reports a crisis. Over several months, one client's crisis calls have become more frequent and more dramatic. Which account fits the biosocial theory best? {
    ~The client is seeking attention, so crisis calls should go unanswered until they stop#The theory moves away from the "attention-seeking" label, and leaving real crises unanswered could be dangerous. The pattern points to how the service responds to calm requests.
    ~The client's biological vulnerability has grown, so the calls reflect rising sensitivity#Vulnerability does not explain a pattern that follows the service's own responses so closely. Look at what the calls are getting that calm messages do not.
    =The service is reinforcing escalation, much as an invalidating environment does#Right. Calm requests wait a week and crises get a same-day answer, so the service teaches that escalating is the way to be heard. Treatment settings can recreate the environment that shaped the problem.
    ~The client lacks motivation to use skills, so the calls show an unwillingness to change#Explaining the pattern by motivation overlooks what the service is teaching. Behavior that gets a faster response is likely to grow, whatever the client's intentions.
}

::Ana's burning::Ana, 26, tells her therapist that when she burns her arm, the "screaming" feeling inside her stops within minutes. A colleague on the ward calls the burning attention-seeking. Following the biosocial theory, what does Ana's account tell the therapist about the treatment she needs? {
    =A replacement has to bring the emotion down fast, or make it bearable, without the damage#Right. Burning works for Ana as a way to regulate overwhelming emotion. Any replacement has to do that job too, which is why skills training sits at the heart of the treatment.
    ~Attention should be withheld after each burn, so that the behavior stops being rewarded#The relief Ana describes points to emotional relief, not attention, as what the burning does. Withdrawing attention would not give her any other way to bring the feeling down.
    ~Since the burning brings relief, it can wait while other problems are worked on first#Understanding what a behavior does is not approving of it. Burning is dangerous and stays a treatment target, however well it works in the short term.
    ~Insight into where the feeling comes from will be enough to make the burning stop#Insight does not replace what the burning does for her in the moment. She needs something that works fast enough when the feeling arrives.
}

::The question of blame::In a family session, the parents of Eli, 23, hear the therapist describe the biosocial theory. His mother asks, "So you're saying we caused this?" Which reply is most faithful to the theory? {
    ~The theory places the main cause in how Eli was raised, but families can learn to repair the damage#This makes the family the cause. The theory describes a transaction between a sensitive person and the responses around him, not a villain.
    ~The problem is mainly biological, so the way the family responded played little part in it#This drops the social side of the theory. It is the transaction between vulnerability and environment, over years, that the theory describes.
    ~The theory applies only where there has been abuse, so it probably does not fit your family#Abuse is one severe form of invalidation, but caring, well-meaning families can be invalidating too, especially with a child far more sensitive than the rest of them.
    =Eli's sensitivity and the family's responses shaped each other over years, and nobody chose it#Right. The theory is about a transaction that nobody intended. Caring families can invalidate without meaning to, and all of them can learn new ways of responding.
}

::Overwhelmed mid-session::Partway through a session, Noor, 40, becomes overwhelmed while describing a fight with her partner. She is sobbing and says she cannot think straight. Her therapist had planned to use the rest of the hour to work out a new way of handling such fights. Which move best reflects the dialectical balance between acceptance and change? {
    =Validate how overwhelming this is for now, and return to the plan once she can take it in#Right. The balance moves from moment to moment. When a client is too overwhelmed to take in a request, acceptance comes forward, without giving up on change.
    ~Keep to the plan, since stopping because of her distress would reinforce avoiding hard topics#Pushing change on a client who cannot take it in is likely to feel invalidating and achieve little. Meeting her where she is now is not the same as avoiding the topic.
    ~Drop the plan for this session and the next few, since what she needs now is acceptance#This swings fully to one side. Acceptance comes forward for the moment, but change stays on the table and returns as soon as she can work with it.
    ~Move to a lighter topic for the rest of the hour so that she leaves the session calmer#Changing the subject sidesteps both her distress and the work. Neither acceptance nor change is served.
}

::Team split over coaching calls::At a consultation team meeting, one therapist argues that a client's frequent coaching calls must be cut back because they are exhausting her. Another argues that the calls must stay unlimited because the client is at risk. The discussion has gone round in circles for twenty minutes. Which next step is most dialectical? {
    ~Take a vote, so that the team reaches a decision and has time for its other cases#A vote decides who wins. It leaves out whatever is valid in the losing position, and the polarization stays.
    ~Let the most experienced clinician decide, since they can settle the question quickly#Deferring to seniority ends the argument without looking for what each side gets right.
    =Ask what is valid in each position and look for a plan that keeps what matters on both sides#Right. Polarization is a signal to think dialectically. Both the client's safety and the therapist's capacity to keep going matter, and a synthesis can serve both.
    ~Side with the safety argument, since risk must outweigh any therapist's own limits#This simply takes one side. A synthesis can attend to the client's risk and to the therapist's exhaustion together.
}

::Questions about skipped work::A therapist asks Theo, 29, to walk her through the last three times he skipped work\: what happened just before each one, and what happened right after. She suspects that the relief of avoiding his manager is keeping the pattern going. Which of DBT's three foundations is she drawing on most directly? {
    ~Dialectical philosophy#Dialectics is about holding opposing positions and finding a synthesis. Her questions are about what prompts and maintains a specific behavior.
    ~The biosocial theory#The biosocial theory explains how emotion dysregulation develops over years. Her questions look at the events around one behavior here and now.
    ~Acceptance practice from contemplative traditions#Acceptance practice is part of DBT, but it is not one of the three foundations, and these questions aim at understanding and changing a behavior.
    =Behavior theory#Right. Learning principles treat behavior as kept going by what comes before and after it, and relief from avoidance is a classic maintaining consequence.
}

::A client braced for rejection::Kofi, 33, tells his new therapist that he expects her to give up on him, as his last two therapists did. She replies, "After being let down twice, it makes sense that you'd brace yourself for it happening again." In terms of the central dialectic, what does this reply show? {
    =Acceptance, in the form of the therapist's stance toward the client#Right. For the therapist, acceptance is a stance\: seeing and saying what is understandable in the client's experience, while still working for change.
    ~Acceptance, in the form of a skill the client is being taught#For clients, acceptance comes as skills such as mindfulness and reality acceptance. Here the therapist is not teaching anything; she is acknowledging what makes sense.
    ~Change, in the form of problem solving about what went wrong before#She may well move on to that, but this reply does not yet try to solve anything. It acknowledges his expectation.
    ~Change, in the form of challenging his expectation as a distortion#The therapist does not dispute his expectation. She says why it is understandable.
}

::Goals at intake::At intake, Rosa, 38, says her only goal is "to stop wanting to die." Her therapist has assessed her current risk and found it is not imminent, and now wants to set goals in line with DBT's overall aim. Which next step fits best? {
    ~Record the absence of suicidal urges as the single measure of whether treatment is working#Less suicidal behavior matters a great deal, but DBT does not measure success only by what is absent.
    ~Propose goals the therapist judges realistic, since Rosa cannot yet see any for herself#The aim is a life the client experiences as worth living, in her own terms. The therapist helps her find goals rather than choosing them for her.
    =Ask what she would want her days to hold if things were better, and build goals from her answers#Right. DBT's aim is a life worth living as the client defines it, and those goals become her reasons for the hard work that follows.
    ~Leave wider goals until the suicidal urges have been gone for some months#Goals that matter to the client are what make the difficult work worth doing, so they are set at the start, not after it.
}

::Kai's history::Reading the intake history of Kai, 28, his therapist wants to separate the environmental side of the biosocial theory from the biological one. Which details describe features of an invalidating environment? Select all that apply. {
    ~%33.33333%When he said he was scared of the dark, his mother told him he was not scared, just being dramatic#Yes. His report of his own feeling was dismissed as wrong.
    ~%33.33333%His teachers said he would pass easily if he simply stopped daydreaming#Yes. A real difficulty was made to look easy to solve, and nobody taught him the steps.
    ~%33.33334%His father ignored his quiet requests but sometimes gave in when he screamed#Yes. Escalation was reinforced intermittently, which makes it especially persistent.
    ~%-50%He cried easily at sad films and stayed low for days afterwards#No. This points to emotional vulnerability, the biological side\: high sensitivity and a slow return to baseline.
    ~%-50%His grandmother listened and comforted him when he was upset#No. This is a validating response. It may have been a protective part of his history.
    ####Invalidating environments dismiss, punish or ignore private experience, intermittently reinforce escalation and oversimplify problem solving.
}

::Trying or not trying::Several months into treatment, Dana, 30, asks her therapist pointedly, "Do you think I'm trying as hard as I can, or do you think I'm just not trying?" Which reply is most dialectical? {
    ~That she is working hard and the trouble lies in her circumstances, so the focus should be on coping#This takes only the acceptance side. It validates her effort but drops the need for change.
    ~That real effort would show in her results, so for now she needs to push herself harder#This takes only the change side, and it repeats the oversimplified message that effort alone solves problems.
    ~That the question is not a useful one and they should return to the session agenda#Sidestepping the question leaves the tension where it was and may feel dismissive.
    =That both are true in a way\: she is working hard, and what she is doing still needs to change#Right. Trading "either-or" for "both-and" keeps what is valid on each side\: her effort is real, and change is still needed to reach her goals.
}

::An opening that went wrong::Ben, 24, arrives after a weekend in which he cut twice. His therapist begins straight away with what he should have done instead, listing three skills he could have used. Ben goes quiet, then says, "I knew you'd think I'm hopeless." What best explains this moment in DBT terms? {
    =The opening was purely change-focused, which clients like Ben often experience as invalidating#Right. A steady push for change without acknowledging how hard the weekend was can be heard as "your pain isn't real" or "you are the problem." DBT holds change together with acceptance.
    ~The opening offered too much acceptance, which left Ben without a clear plan for next time#The therapist offered plenty of change and a plan. What was missing was any acknowledgment of what the weekend was like for Ben.
    ~Ben is judging himself, and the therapist should set that aside to keep the focus on skills#Setting his reaction aside would repeat the problem. Acknowledging what is understandable in his experience is what makes the change work possible.
    ~The therapist skipped the detailed analysis, which would have made the skills list acceptable#A close look at what happened does belong in the session, but analysis alone does not supply the acknowledgment that was missing.
}
"""

"""Post-test items for module 3: Stages and targets (demo course content, written for this project)."""

ITEMS = r"""
// dbt: kind=ordering
::Agenda from Marisol's diary card::Marisol, 28, is five months into stage-1 DBT. Her diary card for the week shows urges to self-harm rated 4 out of 5 on two days and one night when she scratched her wrist until it bled; two late arrivals at skills group; a written warning from her employer about her absences; and skills practice marked on only one day. A check at the start of the session finds no imminent risk. Put the targets these entries fall under in the order they go on today's agenda, first to last. {
    =Life-threatening behaviors -> 1#First\: the scratching that drew blood and the high self-harm urges, the natural place for a chain analysis.
    =Therapy-interfering behaviors -> 2#Next\: the late arrivals at group, since treatment cannot help if it is not taking place.
    =Quality-of-life-interfering behaviors -> 3#Then\: the warning from her employer, a work crisis that threatens a reasonable life.
    =Increasing behavioral skills -> 4#Last\: the thin skills practice, although skills will also come up in the solutions to the higher targets.
    ####With imminent risk ruled out, the agenda follows the stage-1 hierarchy\: life-threatening behaviors, then therapy-interfering behaviors, then quality-of-life-interfering behaviors, then increasing behavioral skills. Lower targets are not dropped; a chain analysis of the self-harm may well lead to the absences and to skills.
}

::Pills mentioned in passing::Ivan, 44, hands over his diary card and, while his therapist reads it, remarks that he has "been saving up" his sleeping pills. The card also shows a missed skills group and a loud argument with his roommate, which he says is what he wants to talk about. What should the therapist do first? {
    ~Finish reading the card, since the card review is what sets the session's agenda#The card does set the agenda, but a sign of imminent risk is dealt with before the review of the week.
    ~Start with the argument, as he asked, and return to the pills later in the session#His concern deserves validation, but a possible suicide plan comes before everything else in the session.
    =Ask about the pills and assess his current suicide risk before going any further#Right. Imminent risk is handled first, before the therapist reviews the past week or takes up any other topic.
    ~Ask him to bring the pills to the next session, then carry on with the card review#Making the pills safe may well become part of the plan, but it follows an assessment of his current risk, which cannot wait until the card has been reviewed.
}

::Exposure after a recent cut::Farah, 30, is seven months into stage-1 DBT. Her self-harm has dropped sharply, but she cut herself ten days ago after a reminder of her trauma. She asks to start trauma-focused exposure now, saying the memories are what drive the cutting. Her program offers DBT Prolonged Exposure. What is the most fitting response? {
    =Keep exposure as a shared goal, but explain that recent self-harm means she is not ready yet#Right. Her request deserves validation. DBT Prolonged Exposure starts once readiness criteria are met, among them no recent self-harm. Until then, stage-1 targets come first.
    ~Start exposure now, since treating the trauma is the quickest way to stop the cutting#Her reasoning is understandable, but exposure asks her to tolerate intense emotion without escaping it. With self-harm ten days ago, the readiness criteria are not met.
    ~Explain that exposure can start only after the treatment year, once stage 1 is complete#Readiness need not mean the end of stage 1. In DBT Prolonged Exposure, exposure often begins within the first treatment year once the criteria are met.
    ~Move to stage-3 goals first, since exposure comes only after problems of living are settled#The stages run the other way\: stage 2, the emotional experiencing that exposure serves, comes before stage 3.
}

::A suicide attempt during stage-3 work::Nadia, 39, has spent several months on stage-3 work about her career and friendships, with no self-harm for over two years. After a sudden separation from her husband, she makes a suicide attempt. How should her treatment be organized now? {
    ~Continue the stage-3 work, treating the attempt as a one-off reaction to the separation#A suicide attempt cannot be set aside as a one-off. Dangerous behavior brings stage-1 priorities back to the front.
    ~Move to stage 2, since the attempt shows grief that now needs emotional processing#Her grief may matter later, but intense emotional work waits until behavior is under control again.
    ~Hand her over to a crisis team instead of DBT, since the stages only move forward#The stages are not a one-way ladder. Crisis services may help in the short term, but DBT itself returns to stage-1 targets.
    =Return to stage-1 targets, the attempt first, until behavioral control is regained#Right. The stage reflects the client's current level of disorder. When life-threatening behavior returns, stage-1 targets take priority again.
}

::Stage for a newly referred client::Tomas, 33, has just been referred. He has no history of self-harm or suicidal behavior, works reliably, does not misuse substances and shows no signs of post-traumatic stress. He describes himself as "mostly okay but stuck," and wants help with loneliness, a habit of letting friends take advantage of him, and low self-respect. In the DBT stage model, where do his current difficulties fit best? {
    ~Stage 1, since every client enters DBT at the top of the target hierarchy#The stage reflects the client's current level of disorder, not where every client begins. Tomas shows no behavioral dyscontrol.
    ~Stage 2, since loneliness amounts to the quiet desperation that stage 2 addresses#Stage 2 addresses intense inner suffering and the avoidance of emotion that sustains it, as in post-traumatic stress. Tomas describes neither.
    =Stage 3, the ordinary problems of living and building self-respect#Right. Relationship difficulties, lingering unhappiness and self-respect are what stage 3 targets.
    ~Stage 4, since his goals concern his wellbeing rather than any disorder#The possible fourth stage, a capacity for sustained joy, is an optional later extension. His goals are the problems of living that stage 3 covers.
}

::Skipping the skills group::During pre-treatment, Bianca, 27, says she is happy to see her therapist every week but will not join the skills group because groups make her anxious. Which response fits pre-treatment in standard DBT? {
    ~Agree to individual sessions only for now and revisit the group once her anxiety is lower#Skills training is one of the client agreements made before treatment starts. Leaving it open-ended gives up on an informed commitment to the whole treatment.
    =Orient her to what the group offers, link it to her goals, and ask for a specific commitment#Right. Orientation, agreeing goals and commitment are the tasks of pre-treatment. Tying the group to her own goals helps her hold the commitment as her own.
    ~Tell her that attending group is a rule, which she must accept or else look for another service#Skills training is indeed part of the agreements, but handing it down as a bare rule skips orientation and the link to her goals.
    ~Start a chain analysis of her anxiety about groups to find out what is driving it#Chain analysis belongs to treatment itself. Pre-treatment is for orientation, goals and commitment.
}

::My cutting is my business::In a pre-treatment session, Wes, 35, says he wants DBT to help with his relationships, but that his cutting "is my business, not something for therapy." What is the most fitting response? {
    ~Accept his goals as they stand, and plan to raise the cutting later once trust has been built#In standard DBT, agreeing to work on self-harm is a condition of treatment. Postponing it would leave the highest-priority target out of the agreement.
    ~Agree that he will choose each session's focus, so that the treatment stays collaborative#Collaboration matters, but sessions are organized by the target hierarchy, not by the topic of the week, and self-harm sits at the top.
    =Explain that working on self-harm is part of DBT, and explore how it bears on his relationships#Right. The agreement is not negotiable, and the therapist helps him see it as serving his own goals so that he holds it as his, not only as a rule.
    ~Conclude that he is not ready for DBT and refer him elsewhere without further discussion#Reluctance is common in pre-treatment. Commitment is something the therapist works to draw out, not a test the client passes or fails on the spot.
}

::Jordan's week::Jordan, 31, is in stage-1 DBT, and his therapist is sorting the events of his past week by target before setting the session's agenda. Which of these are therapy-interfering behaviors? Select all that apply. {
    ~%33.33333%He left his diary card blank for the whole week#Yes. Not completing the diary card gets in the way of the treatment working.
    ~%33.33333%He changed the subject each time his therapist raised his drinking#Yes. Steering away whenever a target comes up is non-collaboration in session.
    ~%33.33334%He arrived twenty-five minutes late for his individual session#Yes. Lateness is a common therapy-interfering behavior.
    ~%-50%He drank heavily with friends on Saturday night#No. Substance use is a quality-of-life-interfering behavior.
    ~%-50%He had strong urges to self-harm on Tuesday but did not act on them#No. Self-harm urges belong with the life-threatening behaviors, the highest target.
    ####Therapy-interfering behaviors are anything that gets in the way of treatment taking place or working\: missed or late sessions, incomplete cards or homework, and non-collaboration.
}

::Listening without asking for change::For six weeks, a therapist has mostly listened sympathetically to her client, Rhea, 42, without asking for any change, because Rhea becomes upset whenever change comes up. Rhea's self-harm has not decreased. How is this best understood in DBT terms? {
    =As the therapist's therapy-interfering behavior, a loss of the balance between acceptance and change#Right. Validating without ever asking for change is a therapist behavior that keeps treatment from working. She takes it to the consultation team, which exists to help her regain the balance.
    ~As appropriate validation that is building the relationship, so that no action is needed yet#Validation matters, but acceptance without change has left the highest-priority target untouched for six weeks.
    ~As therapy-interfering behavior of the client, whose upset is stopping the work from happening#Rhea's upset is understandable. What has stalled the work is the therapist's choice to stop asking for change.
    ~As a quality-of-life problem for the client, to be taken up once the self-harm has stopped#Nothing here is a quality-of-life target. The problem lies in how the therapy is being conducted.
}

::A coaching promise not kept::A therapist told Ahmed, 26, that she would be available for coaching calls over a difficult weekend, then turned her phone off on Saturday and did not answer his message until Monday. He coped without harming himself. At his next session he says, "You obviously don't mean it when you say I can call you." What should the therapist do? {
    ~Explain that a family event took her attention, and move straight on to this week's card#An explanation without responsibility or repair leaves the rupture in place, and the pattern is not taken anywhere.
    ~Treat his remark as client therapy-interfering behavior, since it attacks the therapist#His remark is a reasonable response to what happened. The therapy-interfering behavior here is the therapist's.
    =Name the lapse as her own therapy-interfering behavior, repair it with him, and take it to her team#Right. Being unavailable for coaching that was agreed is therapist therapy-interfering behavior. She takes responsibility in session and brings it to the consultation team.
    ~Acknowledge his feelings but keep her own lapse out of the session, to keep the focus on him#When a therapist's behavior has affected the client, she names it and takes responsibility for repairing it.
}

::Explaining the session's order::Chloe, 29, cut herself on Sunday, and a check at the start of the session finds no imminent risk. She arrives wanting to spend the session on a fight with her roommate, who may move out and leave her unable to pay the rent. Her therapist plans a chain analysis of the cutting. How should the therapist handle Chloe's wish? {
    ~Drop the chain analysis this week, since insisting on it would invalidate Chloe's concern#The cutting is the highest target of the week. Her concern can be validated without giving up the order of the hierarchy.
    ~Start the chain analysis without discussing the order, since the hierarchy is not negotiable#The order is firm, but the therapist explains it openly so that it does not feel arbitrary.
    ~Spend the first half on the roommate so Chloe feels heard, then analyze the cutting if time allows#This puts a quality-of-life problem ahead of a life-threatening behavior and risks leaving the cutting unaddressed.
    =Validate the housing worry, explain why the cutting comes first, and plan to reach the roommate after#Right. The hierarchy decides the order, and saying so openly keeps her concern in view. The roommate may even turn up as a link in the chain.
}

::Capable at work, helpless at home::Jenna, 34, runs a busy office smoothly, and her manager describes her as unflappable. At home she has not opened her mail for months, and when a debt collector calls she phones her sister in a panic, begging her to sort it out. Her therapist is surprised to learn this. Which dialectical dilemma does this pattern illustrate? {
    ~Unrelenting crises and inhibited grieving#The debt call is a crisis, but the striking pattern is competence in one setting and helpless reliance on others in another.
    ~Emotional vulnerability and self-invalidation#Nothing described shows Jenna dismissing or judging her own emotions. The contrast is between how capable she looks and how she handles problems at home.
    =Active passivity and apparent competence#Right. At work she looks so capable that others do not see her need for help, yet that competence does not carry over to home, where she looks urgently to someone else to solve the problem.
    ~Reasonable mind and emotion mind#These are states of mind, not one of the three dialectical dilemmas that DBT treats as secondary targets.
}

::A string of crises after a death::In the year since her brother died, Lucia, 37, has lurched from one crisis to the next\: a car accident, a threatened eviction, a falling-out with her closest friend. Whenever her therapist mentions her brother, she says she is "fine about that" and changes the subject. Which dialectical dilemma fits this pattern best? {
    =Unrelenting crises and inhibited grieving#Right. One crisis follows another while the painful emotions of loss are cut off. The synthesis involves steadying the crises enough for grief to be felt gradually.
    ~Active passivity and apparent competence#Nothing here shows her looking to others to solve her problems or seeming more capable than she is.
    ~Emotional vulnerability and self-invalidation#She is avoiding a painful emotion rather than judging herself for having it.
    ~Life-threatening and quality-of-life-interfering behaviors#These are primary targets in the stage-1 hierarchy, not a dialectical dilemma. The dilemmas are secondary targets.
}

::Judging herself for crying::After crying in session about a friend who canceled their plans, Olivia, 24, says, "I'm pathetic for getting this upset over nothing. I should be over stuff like this by now." Which pole of a dialectical dilemma is she showing in what she says? {
    ~Emotional vulnerability#Her tears may reflect it, but what she says next is aimed at those feelings\: she is judging herself for having them.
    =Self-invalidation#Right. She dismisses her own emotion and holds herself to a standard no one could meet, the internalized form of an invalidating environment.
    ~Apparent competence#Apparent competence is looking more capable than one is. Olivia is criticizing herself, not appearing unaffected.
    ~Inhibited grieving#Inhibited grieving means cutting painful emotion off. Olivia is feeling it openly and then judging herself for it.
}
"""

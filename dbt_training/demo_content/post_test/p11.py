"""Post-test items for module 11: Treatment structure, pre-treatment and agreements (demo course content, written for this project)."""

ITEMS = r"""
::First appointment before any agreement::Tomas, 38, comes to his first DBT appointment after an emergency-room visit for self-harm. The therapist assesses his current risk and finds no imminent risk. Tomas wants to spend the hour on the fight with his partner that came before the self-harm. He has not yet heard what DBT involves or agreed to take part. What should the therapist mainly do in this session? {
    =Orient him to DBT, link his own goals to its targets and start building his commitment#Right. Before stage 1 begins, the work is orientation, agreeing goals and commitment, so that any agreement he makes is an informed one.
    ~Do a full chain analysis of the self-harm, since it is the highest stage-1 target#Self-harm is the highest stage-1 target, but stage-1 work starts once he has committed. Before that, the session belongs to the tasks of pre-treatment.
    ~Teach him a distress tolerance skill, so that he leaves with something to use#A skill can help, but skills are taught mainly in group, and without orientation he still does not know what he would be agreeing to.
    ~Follow his lead on the relationship, leaving any structure for a later session#Validation matters, but leaving out orientation and commitment leaves the first sessions without their purpose and delays an informed decision.
}

::Commitment lines in pre-treatment::Across three pre-treatment sessions with a hesitant client, a therapist says each of the lines below. Match each line with the commitment strategy it uses. {
    =We've listed what DBT could give you. Now let's list what it would cost you, and what staying as you are costs. -> Pros and cons
    =Honestly, a year of this may be too much. Why would you want to take it on? -> Devil's advocate
    =Two weeks ago you said you want to be at your daughter's graduation. Does that still hold? -> Connecting present to prior commitments
    =Would you fill in the card for just this week, so we can see what it's like? -> Foot-in-the-door
    =It's your decision, and I should be honest that this program has no version without the group. -> Freedom to choose and absence of alternatives
    ####Pros and cons give the client reasons of her own, devil's advocate tests them, foot-in-the-door turns agreement into behavior, and connecting to earlier commitments ties each new step to what she has already said. Stating the freedom to choose alongside the lack of alternatives keeps the choice honest.
}

::A quick yes after four dropouts::In her second pre-treatment session, Ines, 30, who has left four earlier therapies after a few weeks, hears the full demands of DBT and answers at once\: "Fine, whatever, I'll do it all." What should the therapist do next? {
    =Test the commitment, for example by playing devil's advocate about how demanding the year will be, so that Ines argues for it herself#Right. A quick yes from someone with several broken-off therapies is worth little on its own. Arguing against it lets her build the case for change in her own words.
    ~Accept the commitment and move on to a chain analysis of her most recent self-harm#The yes has not been tested, and her history suggests it may not hold. Stage-1 work needs a commitment she can be brought back to later.
    ~Use door-in-the-face by offering a shorter contract of three months instead of a year#Door-in-the-face follows a refusal, and Ines has not refused. The problem is how firm her agreement is, and shrinking the contract would change the treatment itself.
    ~Cheerlead her decision warmly and close the session on that positive note#Cheerleading has its place, but on its own it reinforces a yes that nobody has yet examined.
}

::Group as the optional part::In month three of his contract, Dev tells his individual therapist he will skip skills group "for a while", because the individual sessions are "the real therapy". He has missed one group so far. Which response fits DBT best? {
    =Treat skipping group as therapy-interfering behavior, connect it to his agreement to attend skills training, and solve what makes group hard#Right. Attending skills training is one of the client agreements, and the way to hold it is to understand and solve the problem with him, not to threaten or give way.
    ~Agree to a break from group for now, as long as he keeps coming to individual sessions#Attending the skills group is a client agreement, and standard DBT is not offered without it. Individual attendance would not stop group misses from counting under the four-miss rule either.
    ~Tell him that one more missed group will end his treatment for the year#That misstates the rule, which needs four consecutive scheduled weeks missed, and it sounds like a threat rather than an invitation to solve the problem.
    ~Ask the group leaders to talk him round when he next comes to group#He may not come to the next group, and his individual therapist, who holds primary responsibility, is the one who works on this with him now.
}

::Counting Rosa's group absences::Rosa's program applies the four-miss rule as originally described, with no list of excused absences. She has attended every individual session but missed skills group in weeks 22, 23 and 24\: once with flu, once for her sister's wedding and once without a message. Group meets again tomorrow. Where does she stand? {
    =She has missed three consecutive weeks of group, and missing tomorrow would make four and end her treatment year#Right. In this program the reason does not change the count, and individual attendance does not reset a run of group misses.
    ~She has one miss on the count, because only the absence without a message counts#In this program the reason for a miss does not change the count. A program that counts some absences differently has to say so at the start and apply it to everyone.
    ~Her count has started again, because she attended individual sessions in those weeks#The count runs within each mode. Attending individual sessions does not reset the run of group misses.
    ~She is already out of treatment, because three weeks of missed group in a row ends it#The rule is four consecutive scheduled weeks. She has missed three, so she is still in, and tomorrow's group matters a great deal.
}

::Alternating absences::Over four weeks, Kwame missed his individual session in weeks 9 and 11 and his skills group in weeks 10 and 12, attending all his other sessions. His therapist wonders whether the four-miss rule now applies. What is the accurate view? {
    =It does not apply, since he has not missed four consecutive weeks of either mode, but the pattern is a therapy-interfering behavior to work on now#Right. The count runs within one mode and a single attended session ends a run. The misses still matter and are taken up as a target.
    ~It applies, because he has now missed four sessions in four consecutive weeks#Misses in one mode do not add to the count of the other. He has not missed four consecutive scheduled weeks of individual sessions or of group.
    ~It does not apply, so the misses can wait until they start to add up to a count#Each miss is a therapy-interfering behavior to understand and solve, whether or not the rule is anywhere near.
    ~It is for the therapist to decide, weighing how motivated Kwame seems#The rule takes that judgment out of the therapist's hands. It is a contingency applied the same way to everyone.
}

::Silence after three missed groups::Nadia has missed three consecutive weeks of skills group and has not answered one message from her individual therapist. Her next group is in five days. What should the therapist do? {
    =Keep trying to reach her, check for risk, then treat the misses as therapy-interfering behavior, say plainly where the count stands and ask for a commitment to the next group#Right. The rule makes the therapist more active, not less. Withdrawal can go with rising risk, and the count is named as a fact to solve together.
    ~Wait for Nadia to get in touch, so that coming back is clearly her own choice#Her choice matters, but waiting passively gives up the chance to prevent the fourth miss. The therapist said at orientation that she would get in touch after misses, and silence may hide rising risk.
    ~Write to tell her she is on a final warning and will be discharged after one more miss#The count is right, but framing it as a warning turns a contingency into a threat. The therapist names where things stand as an invitation to problem-solve.
    ~Tell her that, because she is going through a hard time, the rule will not apply this once#An exception made in the moment turns the contingency into a negotiation and weakens it for every client. The therapist's effort goes into preventing the fourth miss instead.
}

::Asking to come straight back::Owen missed four consecutive weeks of individual sessions in month six of his contract and is now out under the four-miss rule. Two weeks later he phones, apologizes and says he is ready to recommit fully. He reports no current suicidal urges. What should the therapist do? {
    =Validate his wish, say clearly that he cannot return this treatment year, explain that return can be negotiated when the contract ends, and make sure he has referrals and crisis contacts#Right. The contingency holds, the door for later re-entry stays open, and he leaves knowing where to get help in the meantime.
    ~Readmit him now, since a renewed commitment is exactly what pre-treatment aims for#Readmitting him during the treatment year undoes the contingency he agreed to. His commitment is valuable and can be the start of a re-entry negotiation at the end of the contract.
    ~Readmit him on probation, on the terms that any further missed session ends treatment#A new rule made up for him is still an exception to the agreed one, and it turns a known contingency into a penalty.
    ~End the call quickly, since he is no longer a client of the program#Being out of treatment does not mean being cut off. He should leave the call knowing about re-entry, what the program offers in the meantime and how to get help in a crisis.
}

::Saved tablets near the end of a session::Near the end of a session in month two, Aiko tells her individual therapist that she has been saving tablets prescribed by her outside psychiatrist, and that her suicidal urges have been high this week. Which response fits DBT best? {
    =Treat it now as life-threatening behavior\: assess her current risk and work with her on means safety before she leaves#Right. The individual therapist holds primary responsibility for managing suicidal behavior, and saved tablets with high urges cannot wait for another appointment.
    ~Coach Aiko to raise the saved tablets with her psychiatrist at her next appointment#Consultation-to-the-patient guides how she deals with her network, but a possible means of suicide during high urges is life-threatening behavior for the individual therapist to address now.
    ~Note it on her diary card and make it the first item of next week's session#Waiting a week leaves the tablets in place while her urges are high. Risk is assessed and managed when it appears.
    ~Leave it to the psychiatrist, since decisions about medication belong to the prescriber#The prescriber decides about medication, but managing suicidal behavior stays with the individual therapist, whatever other services Aiko uses.
}

::Discharge planned from the ward::Bea was admitted to a psychiatric ward after a suicide attempt. On day two her DBT therapist learns the ward plans to discharge her today. On the phone, Bea is too distressed to speak clearly and says she still intends to kill herself, which the ward team has not heard. What should the therapist do? {
    =Contact the ward team directly and tell them what she has learned about Bea's current risk#Right. This is environmental intervention\: Bea cannot act for herself at this moment and a life is at stake, so the therapist steps in.
    ~Coach Bea to tell the ward team herself, in line with consultation-to-the-patient#Consultation-to-the-patient is the default, but Bea cannot speak for herself right now and her life is at risk. That is when the therapist intervenes directly.
    ~See Bea at her next individual session after discharge and do a chain analysis then#A chain analysis of the admission comes later. Imminent risk is dealt with now, before anything else.
    ~Ask the skills group leader to visit the ward and raise the concern with the staff#Passing it to a colleague delays it and turns another clinician into a go-between, while the individual therapist holds primary responsibility.
}

::Two weeks of leave::A DBT individual therapist is about to take two weeks of leave. Her client, Joel, relies on coaching calls when urges run high. Which therapist agreement is most directly at stake, and what does it ask of her? {
    =Availability\: tell Joel in good time and arrange a colleague to cover coaching and crises while she is away#Right. The availability agreement includes arranging cover, with notice, when the therapist is away.
    ~Observing limits\: her leave is her own limit, so arranging cover is not required of her#Observing limits is a consultation-team agreement about keeping one's own limits openly. It does not cancel the therapist agreement to arrange cover.
    ~Confidentiality\: she should keep her plans private and not tell Joel she will be away#She need not share personal details, but telling Joel in advance that she will be away is part of being available and lets him plan.
    ~Reasonable effort\: she should ask Joel to hold any crisis until she is back#Asking him to hold crises for two weeks leaves him without coaching when he may need it most. The agreement is to arrange cover.
}

::Orienting Sam before he commits::Sam is in his second pre-treatment session and will decide next week whether to commit to DBT. Which of these belong in orienting him before he decides? Choose all that apply. {
    ~%25%Explaining the four-miss rule and what happens if it is reached#Yes. The rule is explained before the client commits, so that he is never caught by a rule he has not heard.
    ~%25%Explaining that his therapist discusses his care in a weekly consultation team#Yes. It is one of the limits of confidentiality and part of how DBT works.
    ~%25%Explaining when his therapist is available for coaching, and the limits on it#Yes. Clients are oriented to coaching, including calling before acting on an urge.
    ~%25%Explaining the daily diary card and what it is used for#Yes. It is one of the demands he is agreeing to.
    ~%-50%Agreeing a detailed exposure plan for his trauma memories#No. Exposure work belongs to a later stage, once readiness criteria are met, not to pre-treatment orientation.
    ~%-50%Carrying out a full chain analysis of his most recent self-harm#No. Risk is assessed from the first contact, but chain analysis is stage-1 work, done once he has committed.
    ####Orientation covers the modes, the target hierarchy, the diary card, the agreements including the four-miss rule, coaching and its limits, and confidentiality with its limits.
}
"""

"""Post-test items for module 8: Emotion regulation (demo course content, written for this project)."""

ITEMS = r"""
::ER Bea parts of an emotion::Bea, 29, says she "felt off" all of Saturday. Walking through the parts of the emotion with her therapist, she describes the day. Match each piece of her account with the part of the emotion it belongs to. {
    =Her brother forgot her birthday -> What set the emotion off
    ="He doesn't care whether I exist" -> What she made of the event
    =Her face felt hot and her jaw was clenched -> What happened in her body
    =She wanted to send him a cutting text -> What she felt pushed to do
    =She was still short with coworkers on Monday morning -> What lingered afterward
    ####Looking at an emotion as a set of parts, rather than one block, shows where a skill could step in at each point (for example, checking the facts at the interpretation, or acting opposite to the urge) and makes the emotion itself easier to name.
}

::ER Yusuf guilt as proof::Yusuf, 34, tells his therapist, "Every time I say no to my sister, I feel guilty, so I must be doing something wrong." He has recently turned down her requests to borrow money for the fourth time this year. What is the most helpful response? {
    =Treat the guilt as information, not proof, and check whether he has acted against his own standards#Right. An emotion tells us something about a situation, but a feeling is not a fact. Guilt is on solid ground when a person has acted against standards they genuinely hold, so that is the question to check.
    ~Agree that guilt this persistent shows he has been unfair to his sister over the years#This treats the feeling as proof of the facts, the very pattern the module works to change.
    ~Tell him that guilt in this situation is irrational, so he can set it aside and ignore it#Emotions have functions, and dismissing them is invalidating. The useful question is whether the guilt fits the facts, not whether he should ignore it.
    ~Coach him straight away to act opposite to the guilt, for example by refusing more firmly#Opposite action is for emotions that do not fit the facts; it is too early to know that until the facts are checked.
}

::ER Aisha and the slammed door::Aisha, 41, arrives upset. "My neighbor slammed her door as I walked past. She hates me, and everyone in the building is going to take her side." Her therapist starts checking the facts by separating what could be confirmed from what was added. Which parts of Aisha's account are interpretations added to the event? Choose all that apply. {
    ~%50%That the neighbor hates her#Yes. A motive read into the event; nobody else in the hallway could confirm it.
    ~%50%That everyone in the building will take the neighbor's side#Yes. A prediction added afterward.
    ~%-50%That the neighbor's door closed loudly#No. Someone else in the hallway could have confirmed this; it is part of what happened.
    ~%-50%That the door closed just as Aisha walked past#No. The timing is observable; what it meant is the interpretation.
    ####Check the facts starts by separating what someone else present could have confirmed from what was added afterward, such as motives, predictions and verdicts. Looking for other readings of the same event comes next.
}

::ER Marco and the conference weekend::Marco, 30, is terrified that his partner will leave him because she is going to a weekend conference with colleagues; he rates the fear 9 out of 10. With his therapist he has separated the facts from his interpretations and found two other plausible readings of her trip. Which step of checking the facts comes next? {
    =Weigh how likely it is, on the evidence, that she will leave, and how he would cope if she did#Right. When an emotion is about something that might happen, the skill weighs the likelihood honestly and asks how the client would cope; only then does he decide whether the fear, at this strength, fits.
    ~Act opposite to the fear straight away by encouraging her to go off and enjoy the whole trip#Opposite action may follow, but the decision about whether the fear fits has not been made yet.
    ~Problem solve by asking her to skip the conference, so that the fear has no cause#Problem solving fits emotions that fit the facts, which has not been settled. Asking her to skip the trip would also act on the fear's urge.
    ~Ride the wave of the fear, observing it until his rating drops below 5 out of 10#Mindfulness of current emotion is a useful skill, but it does not complete the check of whether the fear fits the facts.
}

::ER Simone grieving her dog::Simone, 52, is sad most days since her dog of fourteen years died three weeks ago. Her sister has told her she "should be over it by now," and Simone asks her therapist whether her sadness is "too much." She is still working and seeing friends. What is the most accurate conclusion from checking the facts? {
    =Her sadness fits the facts of a real loss, and telling her so is validating#Right. Many emotions fit the facts, and saying so is part of the skill. Check the facts is not a way of showing clients that their feelings are wrong.
    ~Her sadness no longer fits after three weeks, so she should act opposite to it#There is no set date after which grief stops fitting a loss; opposite action is for sadness that does not fit the facts.
    ~Her sadness fits, so problem solving means getting another dog as soon as possible#Problem solving changes situations that can be changed; it is not a way of cancelling out grief for a loss.
    ~Her sadness is a feeling rather than a fact, so she can set it aside#Emotions are information, not proof, but that does not make a fitting emotion something to dismiss.
}

::ER Elena and the lost deposit::Elena, 36, moved out of her apartment two months ago, and her landlord has kept her whole deposit without any explanation. She rates her anger 10 out of 10, has replayed the situation most nights, and has drafted messages threatening to "ruin him online." Her lease and photos show that she left the apartment in good condition. What is the most accurate conclusion? {
    =Anger fits, though perhaps not at this intensity; problem solve the deposit without acting on every urge#Right. The situation is a real problem, so problem solving fits, for example a clear written request or a formal dispute. Wise mind also asks whether acting on an urge, such as a threat, would be effective.
    ~Anger does not fit the facts, so opposite action means dropping the matter and being friendly#The landlord kept her deposit without explanation; some anger fits. Dropping a fair claim is not what opposite action is for.
    ~Anger fits fully, so sending the threatening message is a justified way of responding to him#An emotion can fit while an action it urges is still ineffective; a threat is likely to work against getting the deposit back.
    ~Anger fits, so the next step is radical acceptance that the deposit has been lost for good#Acceptance is for facts that cannot be changed right now; her deposit may still be recovered through problem solving.
}

::ER Rafael half-hearted opposite action::Rafael, 45, was furious with his teenage son "for lying in bed all week." Checking the facts, he learned that his son has had the flu, and agreed that his anger did not fit. He goes into his son's room as planned, but stands with his arms crossed, sighs loudly and silently rehearses a lecture while asking how he is. What is the main problem with his opposite action? {
    =It is only partial\: his posture, tone and thoughts still carry the anger#Right. Opposite action works when the whole body and mind take part, including posture, face, voice and the running commentary in one's head, not only the outward behavior.
    ~Nothing important; going into the room was the opposite action, and his feelings will follow#Going in is only part of it. With his body and thoughts still in attack mode, the anger is likely to keep going.
    ~He should have problem solved instead, for example by setting new household rules#Problem solving fits emotions that fit the facts; here he agreed that the anger did not.
    ~He should have suppressed the anger completely before going in, so it did not show#Opposite action is not suppression. It changes the emotion by acting against its urge, including gently stepping back and trying to see his son's side.
}

::ER Mei after one elevator ride::Mei, 26, has avoided elevators for years since one stalled briefly between floors. Having checked the facts, she agreed that her fear does not fit, and last week she rode an elevator one floor, keeping her shoulders loose and her breathing slow. Her fear was 7 out of 10 before and still 6 afterward, and she says opposite action "doesn't work" for her. What is the best response? {
    =Explain that a well-learned fear shifts only with repetition, and plan frequent short rides#Right. Once is rarely enough. Repeated practice, with the whole body taking part and her fear rated before and after each ride, is what lets a well-learned emotion change.
    ~Agree to switch to problem solving, for example by finding jobs in low-rise buildings#Problem solving is for emotions that fit the facts; avoiding elevators would act on the fear's urge and keep the fear going.
    ~Suggest she take the stairs for a few months until the fear has faded on its own#Continued avoidance is acting on the urge to escape, which tends to keep fear alive rather than letting it fade.
    ~Plan a much longer ride next time, all the way to the top floor, to prove the fear wrong#Making one bigger attempt misses the point the lesson makes\: change usually comes through repetition, in steps she can carry out fully.
}

// dbt: kind=ordering
::ER Nadia roommate problem solving::Nadia, 24, is angry that her roommate keeps eating food she has bought and labeled. Checking the facts confirms it has happened several times this month, so the anger fits. Put the problem-solving steps her therapist coaches in order. {
    =Say precisely what the problem is and what a good-enough outcome would be -> 1
    =List possible options without judging any of them yet -> 2
    =Choose the most promising option and try it, such as a DEAR MAN request -> 3
    =Look honestly at what happened and decide what to do next -> 4
    ####When an emotion fits the facts, the situation is what needs to change. Generating options before judging them keeps good ideas from being dismissed early, and other modules, such as interpersonal effectiveness, often supply the solution that gets tried.
}

::ER Farah life still feels empty::Farah, 43, has added a pleasant activity to each day for a month (coffee in the park, a comedy show before bed) and tracks them on her diary card. She says she enjoys them but that her life "still feels empty." Years ago she gave up painting and volunteering at an animal shelter, both of which she cared about. What should her therapist add? {
    =Work on longer-term changes toward what she values, such as going back to volunteering#Right. Small pleasant events help, but they will not carry a life that lacks what the person cares about; accumulating positive emotions also means building that kind of life.
    ~More daily pleasant activities, since the current number is clearly not yet enough#More of the same is unlikely to fill a gap that comes from missing values-based activities, not from too few pleasant moments.
    ~Cope ahead for the moments of emptiness she expects to feel in the evenings#Cope ahead rehearses handling a specific difficult situation; it does not address the lack of meaningful activity in her life.
    ~Opposite action for sadness, by keeping busy with chores until the emptiness passes#Opposite action for sadness means re-engaging with people and activities that matter, not filling time with chores; and this is a gap in her life, which calls for building it.
}

::ER Greg ten applications a day::Greg, 51, has been out of work for eight months and feels increasingly ashamed. For build mastery he sets himself the goal of sending ten job applications a day. On the first day he sends none, and his shame rises further. What should his therapist suggest? {
    =Pick one task a day he is fairly sure to finish, and make tasks larger only as he keeps succeeding#Right. A task such as updating one section of his résumé is a good start. Build mastery is about the experience of being capable, so early tasks are sized to be done, not to impress, and grow step by step.
    ~Keep the goal of ten a day, so that he learns to push through the discomfort of failing#A goal he cannot meet produces failure rather than mastery, and here it is feeding his shame.
    ~Drop mastery for now and focus only on accumulating pleasant activities each day instead#Pleasant activities help, but they do not give him the sense of competence that a well-sized mastery task would.
    ~Use cope ahead to rehearse, in imagination, the job interviews he hopes to have later#Cope ahead may help later, but it does not fix a mastery goal that is set too high to succeed.
}

::ER Rina telling her parents::Rina, 22, plans to tell her parents in two weeks that she is leaving her engineering degree. She dreads the moment her father asks, "So all that money was wasted?" and she already lies awake over it. Which plan is the best use of cope ahead? {
    =Picture that moment in the first person, rehearse how she would cope, and let it go badly too#Right. Cope ahead pictures the moment most dreaded, in the first person and the present tense, rehearses skillful coping right there, and includes things going badly so she can see herself handle it.
    ~Picture the whole conversation going smoothly, so that she goes in feeling confident#Rehearsing only a smooth version leaves her unprepared for the moment she fears; cope ahead deliberately includes difficulty.
    ~Avoid thinking about the conversation until the day, so that the dread does not build#Avoidance keeps the dread going and gives her no practice; cope ahead rehearses the situation in advance.
    ~Write out the pros and cons of telling them now versus waiting until the summer#Pros and cons can help a decision, but she has decided; cope ahead is the skill for rehearsing how she will handle the conversation.
}

::ER Jonah night shifts and outbursts::Jonah, 37, works night shifts. His chain analyses of angry outbursts at his partner keep showing the same picture\: he had slept four hours, skipped meals on shift, had three beers to "come down" after work, and has put off seeing a dentist about a painful tooth infection. Which of these are PLEASE targets his therapist might suggest he track on his diary card? Choose all that apply. {
    ~%25%Getting the tooth infection treated#Yes. An untreated physical illness raises emotional reactivity.
    ~%25%Eating regular meals on shift days#Yes. Balanced eating is one of the PLEASE skills.
    ~%25%Cutting down the beers he drinks after work#Yes. Avoiding mood-altering substances is one of the PLEASE skills.
    ~%25%Protecting a regular block of sleep after night shifts#Yes. Balanced sleep is one of the PLEASE skills.
    ~%-50%Rehearsing in imagination how he will respond when his partner raises the bills#No. That is cope ahead, part of ABC, not PLEASE.
    ~%-50%Speaking softly to his partner when his anger does not fit the facts#No. That is opposite action, not one of the PLEASE skills.
    ####PLEASE names the physical conditions that raise reactivity and links directly to the vulnerability factors a chain analysis finds. In DBT these are treated as skills and can be tracked on the diary card.
}

::ER Daniela waiting for results::Daniela, 28, is anxious while waiting two weeks for the results of a professional licensing exam. She swings between keeping herself frantically busy so she will not feel anything and lying awake replaying every question she might have gotten wrong. Her therapist introduces mindfulness of current emotion. Which instruction fits the skill? {
    =Turn toward the anxiety, watch its sensations change, and note urges without acting on them#Right. The skill lets the emotion run its course while she watches it, neither pushing it away nor feeding it by rehearsing the situation.
    ~Keep herself busy until the anxiety fades, then come back to it once she feels calmer again#Keeping busy to avoid feeling is the pushing-away half of her pattern; suppression tends to bring the emotion back later.
    ~Go over each exam question until she is sure how she did, so the uncertainty ends#Going over the situation again and again feeds the emotion; it is the rumination half of her pattern.
    ~Remind herself each time the anxiety comes that it is irrational, until it stops#Arguing with the emotion is another way of fighting it; the skill is to allow and observe it, not to prove it wrong.
}

::ER Paolo cannot observe the panic::Paolo, 33, has been practicing mindfulness of current emotion. During a surge of panic at 9 out of 10 he tried to observe the sensations but could not focus at all, and afterward felt ashamed of himself for "panicking like that again." What is the most helpful coaching? {
    =Use a TIP skill such as paced breathing first, to bring the panic down far enough to observe#Right. At extreme arousal a body-based skill may be needed before anything can be observed. His shame about panicking is a secondary emotion, which the practice itself helps reduce.
    ~Keep trying to observe at the peak, since the skill works only when used at full intensity#At extreme arousal observing may be out of reach; the lesson suggests TIP first to bring intensity down.
    ~Check the facts on the panic while it is at its peak, to show him that it does not fit#Thinking-based skills are hard to use at 9 out of 10; checking the facts fits better once arousal is lower.
    ~Drop mindfulness of current emotion for now, since it does not seem to suit him#The skill did not fail; it was tried at a level of arousal where a body-based skill needs to come first.
}
"""

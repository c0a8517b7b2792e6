"""Post-test items for module 9: Interpersonal effectiveness and the middle path (demo course
content, written for this project)."""

ITEMS = r"""
::IE Aiko and the electricity bill::Aiko, 32, has hinted three times that her roommate should pay his share of the electricity bill, which is now overdue. She tells her therapist she will "just drop it" because she does not want him to be upset with her, and says she handles almost every request this way. What is the most useful first intervention? {
    =Help her name which priority should lead here, given her habit of putting the relationship first#Right. Naming the objective, relationship and self-respect priorities before a hard conversation is often the first step; here the objective probably leads, with the relationship still mattering.
    ~Rehearse the GIVE skills with her, since keeping the friendship is what she values most#This follows her default without examining it. GIVE may help, but first she needs to see which priority should lead in this situation.
    ~Coach her to radically accept that her roommate is unlikely ever to pay his share#Acceptance is for facts that cannot be changed; an unpaid bill between roommates is a problem that can be worked on.
    ~Rehearse a high-intensity demand, so that she finally stops letting people take advantage#Jumping to the other extreme skips the question of what she wants from this exchange, and a demand may cost more than she intends.
}

::IE Pedro rewrites his email::Pedro, 40, drafts an email to his manager\: "You clearly don't value my work and always give me the worst shifts." His therapist suggests opening with Describe. Which sentence best fits Describe? {
    =I've been scheduled for the Sunday closing shift on each of the last five weekends.#Right. Describe sticks to facts a neutral observer could confirm, with nothing the manager has reason to argue with.
    ~I feel frustrated and unappreciated when I see the weekend schedule each month.#This is Express\: his own reaction to the situation. Describe comes first and sticks to the facts.
    ~Please rotate the Sunday closing shift among the team starting next month.#This is Assert\: the clear request. It follows Describe and Express.
    ~It seems that fairness hasn't been much of a priority in how shifts are given out lately.#This still carries an interpretation of the manager's motives, which invites argument rather than agreement on the facts.
}

::IE Ines script lines::Ines, 27, plans to ask her brother to repay money she lent him in the spring. With her therapist she writes a DEAR MAN script. Match each line of her script with the DEAR MAN skill it uses. {
    =In March I lent you 600 dollars, and you said you'd pay it back by June. -> Describe
    =I'm worried about my rent, and it's been hard to bring this up with you. -> Express
    =I'm asking you to pay me back by the end of this month. -> Assert
    =If we sort this out, I won't need to keep raising it, and we can relax around each other again. -> Reinforce
    =If the whole amount is too much right now, half this month and half next would work for me. -> Negotiate
    ####Describe gives the checkable facts, Express says how the situation affects her, Assert makes the clear request, Reinforce says what agreeing gives the other person, and Negotiate offers a trade she has prepared in advance. Staying mindful and appearing confident shape how she delivers the script rather than what it says.
}

::IE Lukas and the receptionist::Lukas, 55, phones his doctor's office to ask for an appointment this week about a worsening cough. The receptionist says she is overwhelmed, complains about rude callers, and mentions that Lukas missed an appointment last year. Lukas starts explaining at length why he missed it. Which DEAR MAN skill would most directly keep him on course toward his objective? {
    =Stay mindful, returning to the request for an appointment this week without arguing side points#Right. Staying mindful of the goal means steering back to the request each time the conversation drifts, without taking up every side point or attack.
    ~Describe, giving a full factual account of why last year's appointment was missed#Describe sets out the facts of the current situation. Defending an old appointment is a side point that pulls him off his goal.
    ~Negotiate, offering straight away to take an appointment next month instead of this week#Negotiating is worth preparing, but offering a fallback before holding the request gives up the objective too early, for a cough that is worsening.
    ~Express, telling her how hurtful it is to be reminded of the missed appointment#Expressing feelings has its place in DEAR MAN, but here it would extend the side issue rather than return to the request.
}

::IE Ava and the raise::Ava, 31, used DEAR MAN carefully to ask her manager for a raise\: clear facts, a clear request, a calm tone, and a fallback ready. The manager said no, citing a company-wide budget freeze. In session Ava says, "It was stupid to ask. I'm never asking for anything again." What is the best therapist response? {
    =Reinforce how skillfully she asked, judging the attempt by her skill use, not by the answer#Right, alongside validating her disappointment. DEAR MAN raises the odds of a yes but cannot guarantee one. Clients with a history of invalidation often take a refusal as proof they were wrong to ask, so coaching judges the attempt by how well the skill was used.
    ~Go back through each letter to find the mistake, since the refusal shows the skill was not used well#A refusal does not show a mistake; a budget freeze is outside her control. Looking for an error she did not make would confirm her sense that asking was wrong.
    ~Agree that she should avoid asking for now, to protect her from further rejection#Avoiding requests would reinforce the pattern of never asking, which costs her more over time than an occasional no.
    ~Switch her to FAST, since her self-respect seems to matter more here than the outcome#Her self-respect is shaken by how she is judging the attempt, not by how she asked; FAST does not address her conclusion that asking was stupid.
}

::IE Nikhil and the late guests::Nikhil, 29, asks his housemate to stop having loud guests over after midnight on weeknights. The housemate replies that his job is very stressful and those evenings are his only social life. Which reply uses the Validate skill of GIVE while keeping Nikhil's request? {
    =It sounds like those evenings matter after a hard week, and I still need quiet after midnight.#Right. Validating acknowledges what makes sense in the other person's position without agreeing to give up the request; validating is not approving or conceding.
    ~That's fair, I didn't realize how much it meant to you. I'll get some earplugs instead.#This drops the objective entirely. Recognizing his point does not require giving up the request.
    ~Everyone's job is stressful, and that isn't a good reason to keep the whole house awake.#This dismisses his experience rather than validating it, and is likely to make him less willing to agree.
    ~Maybe you need to find a healthier way to unwind that doesn't involve so many people.#This gives unasked-for advice with a judgment in it; it is neither validating nor gentle.
}

::IE Yara and the wrong order::Yara, 24, wants to return a wrong order at a café counter. Rehearsing with her therapist, she opens with, "I'm so sorry, I'm really sorry to bother you, sorry, it's probably my fault..." She tells her therapist that she leaves such exchanges feeling small and embarrassed. Which skill is the therapist coaching when she helps Yara cut this down to one courteous sentence? {
    =No apologies, from FAST, dropping apologies that are not owed#Right. Reporting a wrong order is not a wrongdoing. Dropping apologies that are not owed protects self-respect, which is what Yara says she loses.
    ~Easy manner, from GIVE, keeping the exchange light and friendly#An easy manner concerns warmth and tone for the sake of the relationship; repeated apologies are not what makes a manner easy.
    ~Appear confident, from DEAR MAN, using a steady voice and posture#Appearing confident helps the objective, but Yara's concern is feeling small afterward, and the specific change is dropping unowed apologies.
    ~Truthful, from FAST, saying only what is accurate about the mistake#"It's probably my fault" is inaccurate, but the main pattern the therapist is targeting is the string of apologies.
}

::IE Beatriz and the neighbor's dog::Beatriz, 35, has looked after her neighbor's dog twice this month. He now asks her to take it again this weekend, which is the weekend before her final exams. He has never offered anything in return, and she likes him well enough but is not close to him. Weighing the factors for how intensely to refuse, what fits best? {
    =A clear, firm no that holds if he presses, said in a friendly way#Right. Her need for the time is high, the timing is bad for her, she owes him nothing, and she has the right to refuse; when the balance favors saying no, a higher intensity fits.
    ~Agreeing this once, since she will keep seeing him as a neighbor#This sets the dial at quiet compliance. The relationship matters, but not enough here to outweigh everything else pointing toward no.
    ~Mentioning that she is quite busy, and seeing whether he takes the hint#A hint is a low setting on the dial; with so much pointing toward no, it leaves the decision to him.
    ~Saying no and listing every favor she has done him this year#That is not a matter of intensity. Listing grievances works against GIVE without making the refusal any clearer.
}

::IE Mira ending a relationship::Mira, 30, has decided to end her relationship with a partner who, during recent arguments, has shouted threats and punched a wall. She asks her therapist how to tell him. What approach fits the module's guidance? {
    =A firm, clear ending, planned with close attention to her safety#Right. Ending a harmful relationship often calls for a firm, clear stance, and where there have been threats the plan needs to attend to safety, for example where and how she tells him and who knows her plan.
    ~A gradual, hinted ending, so that he is less likely to get angry#Hinting leaves him unclear about what she wants and can drag the ending out; the guidance is a clear stance carried out with attention to safety.
    ~A DEAR MAN conversation that includes negotiating about staying friends#Negotiation belongs to requests where a trade is acceptable; with a partner who has made threats, a clear ending and safety come first.
    ~Leading with the GIVE skills, so that the relationship ends on good terms#GIVE serves relationship effectiveness. When ending a harmful relationship, the priorities are a clear stance and her safety, not keeping the relationship warm.
}

::MP Eli's parents swing::Eli, 15, came home two hours after curfew. His parents took his phone and grounded him for two months; a week later, feeling guilty, they lifted every rule, including the curfew itself. In the family session the therapist names the pattern. Which family dilemma are the parents swinging between? {
    =Excessive leniency and authoritarian control#Right. The parents jump from very strict control to no limits at all. The middle path looks for a workable position between the two, such as a proportionate consequence and a curfew that stays in place.
    ~Forcing autonomy and fostering dependence#This dilemma concerns how much independence a teen is pushed toward or kept from, not swinging between strict and lax limits.
    ~Normalizing pathological behavior and pathologizing normal adolescent behavior#This dilemma concerns how serious a behavior is judged to be; the pattern here is the swing between harsh and absent limits.
    ~Emotional vulnerability and self-invalidation#This is one of the dialectical dilemmas described for adult clients in standard DBT, not a family dilemma about limits.
}

::MP Tara and the party::Tara, 16, is furious that her mother will not let her go to a party two towns away on a school night. Her mother has learned about validation in a family skills group but worries that validating will mean giving in. Which response validates while keeping the limit? {
    =It makes sense you're furious; your friends are all going. The answer is still no.#Right. Validation says what makes sense about the other person's feelings given their situation. It is not approval, and the limit can stay.
    ~Fine, you can go this time, as long as you text me when you get there and when you leave.#This changes the decision. Giving in is not validation, and doing it after an outburst can reinforce escalation.
    ~You're overreacting. It's only one party, and there will be plenty of others this year.#This dismisses her feelings; it is the kind of invalidation the middle path skills work to replace.
    ~I'm not discussing how you feel until you've calmed down and can talk properly.#Setting the feeling aside until she is calm misses the chance to validate it now, and can escalate the conflict.
}

::MP Caleb and homework::The parents of Caleb, 14, want him to do an hour of homework each school night; at the moment he does none. In a family session they agree on a plan based on behavior change principles. Which plan uses shaping? {
    =Praise and reward ten focused minutes, then gradually raise the time needed#Right. Shaping reinforces small steps toward the goal rather than waiting for the finished behavior.
    ~Reward him only on the nights when he completes the full hour of homework#Waiting for the finished behavior is what shaping avoids; he may rarely reach the reward at all.
    ~Take away his video games on each night that he does not do his homework#That is punishment, which teaches what not to do but not what to do, and it is not shaping.
    ~Stop mentioning homework altogether until he starts doing it on his own initiative#Withdrawing attention is closer to extinction. It gives him nothing to work toward and is not shaping.
}

::MP Talia's month-long bans::Each time Talia, 15, swears at her father during an argument, he takes her phone away for a month. She now swears less at home, but she has become secretive, and when she is angry she still has no idea what to do instead. What advice fits the middle path behavior change principles? {
    =Keep consequences proportionate and sparing, and praise her for voicing anger without swearing#Right. Punishment can reduce a behavior, but it teaches what not to do rather than what to do, so it is used sparingly and proportionately, alongside reinforcing the behavior wanted instead.
    ~Make the ban longer, since the month-long ban is clearly reducing the swearing at home#It is reducing swearing, but the costs are showing, and harsher punishment still teaches her nothing about what to do instead.
    ~Stop all consequences and ignore the swearing, so that it fades through extinction#Ignoring alone gives her no alternative to learn, and a sudden switch from harsh to no limits repeats the swing the middle path tries to avoid.
    ~Keep the month-long bans, but validate her anger each time before taking the phone away#Validation helps, but it does not fix consequences that are out of proportion or the lack of reinforcement for a better alternative.
}

::MP Adult program asks about the middle path::An adult DBT program is planning its skills curriculum. A new team member says the Walking the Middle Path skills "are for teenagers, so they don't belong in an adult group." Which statement best corrects this? {
    =In the 2015 adult skills manual they are taught as part of interpersonal effectiveness#Right. The skills were developed for adolescents and their families, and the 2015 second edition of the adult skills manual includes them within interpersonal effectiveness; adolescent programs usually keep them as a fifth skills module of their own.
    ~The skills are taught to adults only in stage 2, after exposure work for trauma is complete#The middle path skills are not tied to stage 2 or to exposure work; adults meet them within interpersonal effectiveness.
    ~The skills replace mindfulness as the core module when the group is made up of adults#Mindfulness remains the core module, taught first and between the other modules, in adult and adolescent programs alike.
    ~The skills are taught to adults only when their parents attend the skills group alongside them#Family participation is common in adolescent programs; adults can learn dialectics, validation and behavior change principles for their own relationships.
}
"""

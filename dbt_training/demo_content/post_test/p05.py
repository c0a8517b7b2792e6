"""Post-test items for module 5: Validation and dialectical strategies (demo course content, written for this project)."""

ITEMS = r"""
::Four replies to Kofi::Kofi tells his therapist that at a family dinner he started talking about losing his job, his brother laughed, and Kofi shouted at him and walked out. Match each therapist response with the level of validation it shows. {
    =So when your brother laughed, you shouted at him and left the table. -> Level 2, accurate reflection
    =I wonder if there was hurt under the anger, maybe some embarrassment too? -> Level 3, articulating the unverbalized
    =In your family nobody listened until someone yelled, so it makes sense that shouting came fast. -> Level 4, sufficient causes
    =Being laughed at while you talk about losing your job would sting almost anyone. -> Level 5, reasonable now
    ####Reflection says back what he said; level 3 offers a guess at what he has not said and checks it; level 4 explains the reaction by its causes in his history; level 5 says the reaction fits the present situation, as it would for most people.
}

::Fear that fits this week::Rana tells her therapist she has been jumpy and frightened all week. On Monday her ex-partner, who hurt her in the past, sent her several threatening messages. Which validating response fits best at this moment? {
    =Anyone who got messages like that this week would be frightened. Your fear fits what is happening.#Right. This is level 5. Her fear fits the present facts, so the therapist says so, alongside attention to her safety.
    ~Given what you went through with him before, it makes sense that your body reacts this strongly.#Level 4 is real validation, but resting on history alone can imply her fear is only a symptom of her past, when it fits what is happening now.
    ~So you've been jumpy and frightened all week, ever since the messages came.#This is accurate reflection. It shows she was heard but stops short of saying that her fear makes sense, which here is plainly true.
    ~I wonder if part of you feels you should be over him by now.#A level 3 guess can be useful, but this one turns away from the present danger, which her fear fits.
}

::Typing while she talked::Reviewing a recording of her own session, a therapist sees that while her client described a painful weekend, she was typing notes, glancing at the clock and planning her next intervention. Which level of validation did she most clearly fall short of? {
    =Level 1, listening and observing#Right. Level 1 is staying fully awake to the client, attentive and not planning the next move while she talks. Unhurried attention is itself a message that her experience matters.
    ~Level 2, accurate reflection#Reflection depends on having heard the client. What the recording shows is a lapse in the attention that comes before it.
    ~Level 3, articulating the unverbalized#Naming what is unsaid needs close attention first. The recording shows the more basic level was missing.
    ~Level 6, radical genuineness#Radical genuineness is about relating as one capable equal to another. The gap here is more basic\: attention.
}

::A guess that missed::Ezra describes skipping his cousin's wedding. His therapist says, "I wonder if you were worried people would ask about your hospital stay?" Ezra answers, "No, that's not it at all." What should the therapist do next? {
    =Accept the correction and ask what was going on for him#Right. At level 3 the therapist offers a guess and accepts correction. Finding out what Ezra did experience is the next step.
    ~Gently hold on to the guess, since clients often deny what they feel#Insisting turns a validating guess into telling Ezra what he feels, which is itself invalidating.
    ~Move to level 4 and explain the avoidance by his past experiences#This builds an explanation on a guess he has just rejected. First find out what he actually experienced.
    ~Set validation aside and begin problem solving the avoidance#One missed guess is no reason to drop acceptance. Understanding him first makes change strategies easier to hear.
}

::An honest opinion for Leah::Leah, who has made steady progress in treatment, asks her therapist directly whether moving in with a partner she met three weeks ago is a good idea. The therapist has real doubts. Which response best shows radical genuineness? {
    =Honestly, I have some doubts. I'd like to tell you what they are and hear what you make of them.#Right. Level 6 treats Leah as a capable equal and answers as a real person would, trusting her to handle a direct reply.
    ~That's entirely your decision, so my opinion isn't really relevant here.#It is her decision, but she asked a direct question. This hides behind the professional role instead of responding genuinely.
    ~Let's not get into my view today. It might be upsetting after the week you've had.#This treats her as fragile, the opposite of radical genuineness.
    ~It sounds like you're excited about this and maybe a little nervous too.#This is a lower-level validation, reflecting and guessing at feelings. It sidesteps the direct question she trusted the therapist with.
}

::The kicked door::Bianca says she kicked a hole in her bedroom door after her mother called her lazy. She is still angry as she tells the story. Which response validates without approving? {
    =Being called lazy by your mother hurt and made you furious, and that makes sense. Let's look closely at what led up to the kicking.#Right. The therapist validates the valid part, the hurt and anger, and keeps the behavior on the agenda for analysis.
    ~Your mother was out of line, so it's understandable that you kicked the door.#This takes sides and endorses the kicking as a fitting response. Validation finds what is valid without approving every behavior that followed.
    ~I'll hold off on validating until you commit not to do it again, so I don't reinforce it.#Validating the emotion is not approving the behavior. Withholding it risks repeating the invalidating environment and keeps her arousal high.
    ~It sounds like you were really angry. Let's leave the door for another week.#This validates, but it drops the behavior. Validation and problem solving go together; the kicking still gets analyzed.
}

::Paul feels pushed::Halfway through a solution analysis, Paul raises his voice and says, "You just don't get how hard this is. You keep telling me what to do." What should the therapist do next? {
    =Validate how hard this is for him, then return to the solution analysis once he has settled#Right. Validation lowers arousal enough for him to think, and it makes the change half of the work easier to hear. Sessions move back and forth between the two.
    ~Press on with the solution analysis, since change is what he came to therapy for#Change strategies alone risk repeating the invalidating environment; the client hears "you are the problem" and withdraws or escalates.
    ~Set the solution analysis aside and offer support for the rest of the session#Pure acceptance leaves the problem, and possibly real danger, untouched. The aim is to come back to change once he feels understood.
    ~Explain that DBT balances acceptance and change, so he sees why the questions matter#A lecture while he feels unheard is more of the same. What lowers his arousal is being understood, not an explanation of the method.
}

::Grace's phone::Grace keeps glancing at her phone while her therapist is talking. The therapist says, "I'll be honest. When you check your phone while I'm talking, I find myself speeding up and losing track of what I wanted to say. I'd like us to sort that out." Which strategy is the therapist using? {
    =Reciprocal communication#Right. The reciprocal style is warm and genuine and includes careful self-disclosure, such as telling a client how her behavior affects the therapist in the moment.
    ~Irreverent communication#The irreverent style is unexpected, matter-of-fact or offbeat. This is a direct, warm disclosure of the therapist's own reaction.
    ~Entering the paradox#Entering the paradox highlights a real contradiction and stays with it. No contradiction is being held here.
    ~Extending#Extending takes something the client said more seriously than she meant it. Grace has not said anything to extend.
}

::Irreverence lands badly::Hoping to shift a stuck exchange, a therapist answers Felix's "I'll never get better" with "Great, then we can both relax and stop trying." Felix's face falls and he says, "So you think I'm a joke." What should the therapist do next? {
    =Return to validation, acknowledge that the remark came across as mocking, and repair#Right. Irreverence rests on respect, and the therapist watches its effect closely, returning to validation when the client feels mocked or dismissed.
    ~Keep up the irreverent style, since unsettling him is the point of it#Irreverence aims to jolt a rigid pattern, never to leave the client feeling held in contempt. His reaction calls for validation.
    ~Explain that the remark was a deliberate technique to shift his thinking#Explaining the method does not address the hurt. He needs to hear that his reaction makes sense before anything else.
    ~Move straight on to the diary card so the moment does not grow#Moving on leaves a rupture unrepaired. The relationship carries him through hard change and needs attention now.
}

::Nina threatens to quit::Nina says, "If group makes me do one more role-play, I'm dropping out of DBT." Which therapist response uses extending? {
    =Dropping out of DBT is a big decision. Let's take it seriously and talk about what it would mean for your goals.#Right. Extending takes the client's statement more seriously than she meant it, so the conversation turns to ending treatment rather than to role-plays.
    ~Maybe you're right. Role-plays are hard, and perhaps group just isn't for you.#This is closer to devil's advocate, arguing against her commitment so that she argues for it.
    ~So the role-plays in group have been really hard for you.#This is accurate reflection, a form of validation, not extending.
    ~Role-plays are like rehearsals before opening night, awkward and the reason the show goes well.#This is a metaphor, offering a new way to see role-plays. Extending would take her threat to leave seriously.
}

::Doing his best, or lazy::Yusuf says, "You keep saying I need to try harder. Either I'm already doing my best or I'm just lazy, and you obviously think I'm lazy." Which response enters the paradox? {
    =I think you're doing the best you can, and you also need to do better. Both are true.#Right. The therapist points out a real contradiction and holds both sides, which can free him from the either/or trap.
    ~I don't think you're lazy at all. You're clearly doing your best already.#This reassures him by picking one side of the either/or, which leaves the trap in place for the next time progress stalls.
    ~Let's check the facts on whether you're lazy or not.#Checking the facts is an emotion regulation skill, and this use of it keeps the either/or, treating "lazy" as one of only two answers.
    ~Let's set that question aside and go back to your diary card.#This avoids the tension instead of entering it, and Yusuf is left feeling judged.
}

::Dialectical moves with Marisol::Match each moment from Marisol's sessions with the dialectical strategy it shows. {
    =After a setback, the therapist notes that it has given them a detailed chain to learn from, while acknowledging how painful it is -> Making lemonade out of lemons
    =The therapist compares early skills practice to learning to drive, clumsy at first and later automatic -> Metaphor
    =When Marisol's group moves to a new room with a new co-leader, the therapist lets the change stand and helps her practice adjusting -> Allowing natural change
    =Marisol asks what to do about her job, and the therapist invites her to pause and check what she knows deep down -> Activating wise mind
    ####Each strategy keeps the therapist looking for a synthesis rather than declaring one side right\: the useful side of a difficulty, a new way to see an idea, flexibility in the face of ordinary change, and the client's own wisdom.
}
"""

"""Post-test items for module 6: Mindfulness (demo course content, written for this project)."""

ITEMS = r"""
::Ana's spreadsheet::Ana has a job offer in another state. She tells her therapist, "I made a spreadsheet. The salary is higher, so moving is the logical choice. How I feel about leaving my friends and my sister doesn't come into it." From which state of mind is Ana most likely deciding? {
    =Reasonable mind, because she attends to the facts and leaves out what she feels and values#Right. Reasonable mind is cool and logical. It is useful for weighing a salary, but on its own it is cut off from what matters to her.
    ~Wise mind, because she has weighed the facts calmly and carefully#Wise mind takes in emotions as well as facts. Ana is explicitly setting aside what she feels and values.
    ~Emotion mind, because the decision involves people she loves#In emotion mind the current feeling steers thinking and action. Here her feelings are being shut out, not steering.
    ~A balance of reasonable mind and emotion mind, because she has compared the options#Only one side is present. Her comparison leaves out the emotional side entirely, so nothing is being balanced.
}

::Sure and in a hurry::Zoe tells her therapist, "I just know I have to confront my boss tonight. I've never been so sure of anything." She is talking fast, her hands are shaking, and she says she cannot wait until morning. What is the most useful next step? {
    =Invite her to pause and notice whether this knowing feels calm and settled or urgent and driven#Right. Intense certainty is not the same as wisdom. Wise mind usually feels quiet and settled, while urgency and shaking point toward emotion mind.
    ~Support her plan, since a deep sense of knowing is the mark of wise mind#Wise mind is a calm kind of knowing. A driven certainty with a racing pace and shaking hands suggests emotion mind.
    ~Tell her that her wise mind would wait until morning before acting#The therapist does not supply wise mind. The task is to help Zoe reach her own.
    ~Ask her to set her feelings aside and list only the facts about her boss#This invites reasonable mind alone, cutting off what she feels. Wise mind takes in both facts and emotions.
}

::Kim's housing decision::Kim's landlord is selling her apartment, and she is deciding whether to move in with her mother for a while. Which of her statements sounds most like wise mind? {
    =Living there would be hard, and it would help me save. I'll go for three months and keep looking.#Right. Wise mind takes in both the facts and the feelings and arrives at a settled sense of what is needed.
    ~I can't stand the thought of it. I'll take any place I can find by Friday rather than move in.#Here the feeling is steering the decision with urgency, which is emotion mind.
    ~It's cheaper, so it's obviously correct. How I feel about living with her is irrelevant.#This attends to the facts alone and shuts out her feelings, which is reasonable mind.
    ~I notice my chest tightens whenever I picture her apartment.#This is a describe statement, useful information for her decision, but not yet a decision that brings the facts and feelings together.
}

::Skills in group practice::Match each moment from a skills group with the mindfulness skill it shows most clearly. {
    =Noticing the warmth of a mug in her hands and letting the sensation come and go without putting it into words -> Observe
    =Saying "I notice the thought that everyone is staring at me" -> Describe
    =Joining the group's clapping game fully, without watching herself from the outside -> Participate
    =Replacing "I'm an idiot for forgetting" with "I forgot the appointment and felt embarrassed" -> Nonjudgmentally
    =Putting her phone away and giving her whole attention to eating lunch -> One-mindfully
    =Dropping an argument about whose fault a booking mix-up was and asking what will fix it -> Effectively
    ####The "what" skills (observe, describe, participate) are what a client does, practiced one at a time; the "how" skills (nonjudgmentally, one-mindfully, effectively) are the manner of doing it, applied together.
}

::Lucia's unanswered messages::After her friend did not reply to three messages, Lucia says, "She's dropped me because I'm too needy." Her therapist coaches her to use the describe skill. Which rewrite is a describe statement? {
    =I sent three messages and haven't had a reply. I notice the thought that she's dropped me, and my stomach is tight.#Right. Describing puts words only on what was observed, and labels a thought as a thought and a sensation as a sensation.
    ~She's ignoring me because she's selfish, not because of anything I did.#This swaps one interpretation for another. Describing keeps to what was actually observed.
    ~I shouldn't be so needy. I'm pathetic for caring this much.#This is a judgment of herself, not a description of what happened.
    ~I'm falling apart over this and can't handle it anymore.#This is a sweeping interpretation. A description would name the actual sensations and thoughts.
}

::Twenty wanderings::After a one-minute practice of noticing her breath, Mei says, "I'm terrible at this. My mind wandered about twenty times, so I failed." What is the most accurate reply? {
    =Noticing that your mind wandered and bringing it back is the practice, so each of those times counted#Right. Mindfulness is not emptying the mind. Noticing where attention has gone and bringing it back, again and again, is the practice itself.
    ~With daily practice your mind will learn to stay empty for the whole minute#This repeats the common mistake that mindfulness means an empty mind, and correcting that belief early is the point.
    ~Try a longer practice next time so your mind has more time to settle#This treats the wandering as a problem to fix and leaves her belief that wandering means failure untouched.
    ~Try a relaxation exercise instead, since that may suit you better#DBT mindfulness is not a relaxation exercise, and switching gives up on a core skill because of a misunderstanding.
}

::Judging the judging::While describing her morning in a group practice, Sara notices the thought "I'm so stupid for oversleeping" and then says, "Ugh, I'm hopeless at being nonjudgmental." What should the group leader coach her to do? {
    =Notice that this was another judgment, let it go, and return to describing what happened#Right. Judgments keep appearing. Catching one is not a second failure to scold herself for; she registers it and goes back to describing.
    ~Replace the judgment with a positive one, such as "I'm doing great"#A positive label is still a judgment. The skill is describing facts and consequences instead of labeling things good or bad.
    ~Work harder at stopping judgments from appearing at all#Judgments will keep appearing anyway. The skill lies in noticing them and returning, not in preventing them.
    ~Accept that oversleeping is fine, since being nonjudgmental means approving#Nonjudgmental is not approval. She can want to change her oversleeping without condemning herself.
}

::Credit for Rosa's idea::A coworker presented Rosa's idea as his own in a team meeting. Rosa wants to email the whole department to prove the idea was hers, though her real goal is to be considered for a promotion next month. Coaching her to act effectively, which question fits best? {
    =What outcome do you want here, and what is most likely to get you there?#Right. Acting effectively means keeping the goal in view and doing what works in the actual situation, rather than what proves a point.
    ~Is your anger justified by the facts of what he did?#Checking the facts is an emotion regulation skill. Her anger may well fit, but effectiveness asks what will serve her goal.
    ~What is the fairest way to make sure everyone knows the truth?#Fairness and being right are exactly what effectiveness asks her to look past in favor of what works.
    ~Can you notice the anger in your body without acting on it yet?#Observing the anger is a useful skill, but it does not bring her goal into view.
}

::The therapist's drifting mind::During a session, a therapist notices that while her client talks, she keeps rehearsing what she will say to a colleague later and checking the time. Practicing the one-mindfully skill, what should she do? {
    =Each time she notices the drift, bring her full attention back to the client, as often as it takes#Right. One-mindfully means doing one thing at a time. Attention will drift; the skill is noticing and coming back.
    ~Push the thoughts about her colleague firmly out of her mind so they cannot return#The skill is noticing and returning, not forcing thoughts away. Thoughts will keep arriving whatever she does.
    ~Divide her attention, listening to the client while she finishes planning the conversation#Doing two things at once is the opposite of one-mindfully, and the client gets half her attention.
    ~Stop judging herself for the drift and carry on as before#A nonjudgmental stance helps, but on its own it does not bring her attention back to the client.
}

::Trimming the core module::To make room for more emotion regulation, a program manager proposes teaching mindfulness once as a brief introduction and never returning to it. What is the strongest reason to keep mindfulness as the core module? {
    =Every other module relies on noticing urges, emotions and goals, so it is taught first and repeated between modules#Right. Distress tolerance, emotion regulation and interpersonal effectiveness all lean on mindfulness, so every client meets it more than once.
    ~Mindfulness is mainly a relaxation method, and clients need regular calming between modules#In DBT mindfulness is not a relaxation exercise. It is a set of skills for directing attention and noticing experience.
    ~Skills groups open with a mindfulness practice, and someone has to teach clients how to do it#Groups often open with a practice, but that is a small part of the reason. Every other module relies on these skills, which is why they are taught first and revisited.
    ~Mindfulness has to be mastered completely before any other skill can be taught#The proposal already teaches it first. The point is that the other modules keep relying on it, so it is repeated between them.
}

::Not a meditation person::In his first skills group, Andre says, "I'm not religious, so this meditation stuff isn't for me." Which reply best reflects how DBT presents mindfulness? {
    =In DBT, mindfulness is taught as practical skills for directing attention and noticing experience, not as a religious practice.#Right. DBT drew acceptance practices from Zen and other contemplative traditions, but teaches mindfulness as behavioral skills.
    ~That's fine. Mindfulness is optional, so you can put your energy into the other modules.#Mindfulness is the core module, and the other modules lean on it throughout.
    ~Think of it simply as a relaxation exercise to help you unwind after a long day.#DBT is clear that mindfulness is not a relaxation exercise. It is about attention and awareness, whatever the mood.
    ~Its roots are in Zen, so some spiritual belief does help, but you can try it anyway.#The roots are contemplative, but no belief is needed. DBT teaches the practice as behavioral skills.
}

::Room between urge and act::Raf says his urges to self-harm "just take over", and he is cutting before he realizes what is happening. Which mindfulness skill most directly helps create room between the urge and the action? {
    =Observe, noticing the urge as an urge as it rises, without acting on it#Right. A client who can notice "there is the urge to cut" has more room to choose than one who is swept along by it.
    ~Participate, throwing himself fully into an activity whenever urges come#Participating has its place, but the gap between urge and action comes from noticing the urge itself.
    ~Effectively, keeping his long-term goals in mind when the urge appears#Effectiveness helps him choose, but he can only choose once he has noticed the urge.
    ~One-mindfully, doing only one thing at a time throughout the day#One-mindfulness trains attention, but the skill that directly notices an urge as it rises is observing.
    ####Noticing the urge creates the moment of choice; in a crisis he also needs distress tolerance skills to act on it, which the solution analysis of his chain can plan.
}
"""

"""Post-test items for module 10: Coaching, team and professional practice (demo course content, written for this project)."""

ITEMS = r"""
::Urge and hurt on one call::Mia calls her therapist at 8 p.m. She rates her urge to self-harm at 4 out of 5 after a fight with her sister. She also says she is still hurt by something the therapist said in last week's session and wants to talk about it. What should the therapist focus on first? {
    =Coaching a crisis survival skill to get Mia through the urge without self-harm#Right. Reducing suicidal crisis behavior is the first priority of coaching. The hurt can be acknowledged briefly and repaired once the urge has come down, or in the next session.
    ~Repairing the rupture first, since the hurt may be what is driving the urge#Relationship repair is a real coaching priority, but it comes after reducing crisis behavior when the urge is this strong.
    ~A chain analysis of the fight with her sister, to find the links that led to the urge#Chain analysis belongs to the individual session. A coaching call is brief and practical.
    ~Planning a DEAR MAN for her next conversation with her sister#Generalizing an interpersonal skill can wait. The immediate task is getting through the urge safely.
}

::Call with no crisis::Omar texts his therapist asking for a short call. Tomorrow he has to ask his landlord to fix the heating, he has no urges to self-harm, and he wants help planning what to say. The therapist wonders whether this is a proper use of coaching. What fits DBT coaching best? {
    =Take the brief call and coach him through a DEAR MAN for the conversation#Right. Generalizing skills to the situation where they are needed is one of coaching's priorities, and it applies with or without a crisis.
    ~Decline and explain that coaching calls are kept for suicidal crises#Coaching only in crises is a common trap. Clients then never learn to call for skills generalization or for repair.
    ~Call the landlord on Omar's behalf, since the heating affects his quality of life#That makes the therapist a go-between. Coaching helps the client handle the contact himself.
    ~Ask him to bring it to the next session, where there is time to do it properly#The conversation is tomorrow. Coaching exists to help him use the skill when and where it is needed.
}

::Call that keeps growing::Twenty-five minutes into a coaching call, the client is still going over an argument with her partner from last weekend, and the therapist has started asking what she was thinking at each point. The client's urges are low. What should the therapist do now? {
    =Steer back to one skill for tonight, get a commitment, and save the rest for session#Right. Coaching is brief and asks what skill the client can use next. Anything bigger is noted and taken to the individual session.
    ~Carry on, because the client is distressed and the discussion seems to be helping#Letting a coaching call turn into a full session is a common trap, however well meant.
    ~Turn the discussion into a full chain analysis now, while the details are fresh#Chain analysis belongs to the individual session, not to a brief coaching contact.
    ~End the call at once and tell her to wait for her next session to talk it through#Ending abruptly without coaching a skill or closing warmly leaves her without help for tonight.
}

::Calls after the fact::Over two months a client has called her therapist four times, each time shortly after she has cut herself, and never while the urge was building. How should the therapist work with this pattern? {
    =Re-orient her to calling before acting on an urge, when coaching is readily available#Right. Many clients have learned that help comes only after escalation. Coaching that is available before crisis behavior reinforces reaching out early.
    ~Tell her she can no longer call at all after self-harm, whatever the circumstances#Rules about contact after self-harm vary between programs, and medical safety always comes first. A blanket refusal does nothing to teach her to call earlier.
    ~Offer longer calls after each episode, since these are the moments she is most willing to talk#Longer, warmer contact after self-harm risks reinforcing the behavior instead of reaching out early.
    ~Leave the pattern alone, since calling at all is progress for this client#The timing matters. Calling before acting is what coaching is meant to reinforce.
}

// dbt: kind=ordering
::Coaching call arc::A therapist new to coaching writes a checklist for calls, following the arc this course describes. Put the steps in order. {
    =Find out what is happening now and how intense the emotions and urges are -> 1
    =Ask what the client has already tried -> 2
    =Choose one skill or a short sequence of skills -> 3
    =Troubleshoot what might get in the way in the next hour -> 4
    =Get a commitment to the next step and close warmly -> 5
    ####Orienting comes first, so that imminent risk is spotted at once. Asking what has been tried reinforces skill use and avoids repeating what just failed. After choosing a skill, the therapist troubleshoots and closes with a commitment.
}

::Resentful after hours::A therapist tells every client they can call her at any hour. After three months she notices irritation whenever her phone rings late, and she has started answering one client's calls more slowly. Which team agreement most directly speaks to what she needs to do? {
    =Observing limits, since she needs to set the availability she can sustain and keep it openly#Right. Therapists set their own limits and keep them openly, rather than over-extending and then resenting the client.
    ~Consistency, because all members should offer the same hours of availability#The consistency agreement says members need not match each other. Her problem is her own unsustainable limit.
    ~Consultation to the patient, because the client should learn to solve problems without calling#Coaching calls are a legitimate part of treatment. This agreement is about not acting as a go-between.
    ~Fallibility, because she should accept that feeling irritated is a mistake#Fallibility helps her admit the problem openly, but the change she needs is to set and keep an honest limit.
}

::Team moments and agreements::Match each moment in a team meeting with the agreement it shows. {
    =A colleague asks what a client's repeated late-night texts might be doing for her from her side, after someone calls them attention-seeking -> Phenomenological empathy
    =The group leader lets latecomers join and the individual therapist starts on time regardless, and nobody tries to align them -> Consistency
    =Two members disagree about a client's readiness for a new goal, and the team looks for what each view gets right -> Dialectical
    =A senior member says she misjudged a case last week, and the team moves straight to sorting it out -> Fallibility
    =A member says she does not text clients after 8 p.m., and colleagues who do accept it without comment -> Observing limits
    ####Each agreement shapes how members treat clients and each other. Naming them in real moments helps a team keep them under pressure.
}

::Message for the group leader::Lucas tells his individual therapist that his new work shifts mean he will often arrive late to skills group. He asks her to explain this to the group leader, who sits on the same team. He is not at any risk. What does the consultation-to-the-patient agreement suggest? {
    =Help Lucas plan how he will raise the late arrivals with the group leader himself#Right. The agreement applies to fellow team members as well as outside professionals. The therapist coaches the client to manage his own contacts.
    ~Mention it at the next team meeting so the group leader hears it from her#Passing the message on at team is still acting as a go-between.
    ~Tell Lucas the consistency agreement means the group leader must match her approach to lateness#The consistency agreement means clinicians need not match each other's rules.
    ~Ask the group leader to call Lucas, since she is the one who needs to know#Arranging the contact for him still takes the task out of his hands.
}

::Signs in a colleague::During team, members notice several things about a colleague's recent work. Which of them may signal burnout, in the way this course describes it? Choose all that apply. {
    ~%25%She has arrived late to three of her last four sessions with one particular client#Yes. Lateness or cancellations with one client are a common early sign.
    ~%25%She describes that client as manipulative rather than describing what the client did#Yes. Pejorative labels often appear as a therapist wears down.
    ~%25%She has been taking calls far beyond her stated hours and says she resents it#Yes. Stretching limits and then resenting the client is a classic pattern.
    ~%25%She says she dreads coaching calls and has been slow to answer them#Yes. Dreading calls and slow responses are typical signs.
    ~%-50%She asked the team for help with a case she feels stuck on#No. Asking for help is what the team is for, not a warning sign.
    ~%-50%She told her clients her availability clearly at the start of treatment#No. Stating limits clearly is what helps prevent burnout.
    ####Burnout tends to show up as small changes in behavior, and it leads to therapy-interfering behavior of the therapist, so the team watches for it.
}

::Many calls a day::Over the past month a client has begun calling her therapist eight or nine times a day about small decisions, and becomes angry when calls are not answered within minutes. The therapist is starting to feel worn out. How does DBT view the client's calling pattern? {
    =As the client's therapy-interfering behavior, since it burns out the therapist, raised openly without blame#Right. Behavior that burns out the therapist is named as a client therapy-interfering behavior and worked on in session, alongside the therapist observing her own limits.
    ~As a quality-of-life-interfering behavior, because it reflects problems in her daily life#The pattern interferes with the therapy itself by wearing out the therapist, so it belongs with therapy-interfering behavior.
    ~As the therapist's private matter, to handle by quietly answering fewer of her calls#Quietly withdrawing avoids the problem instead of addressing it openly, and it can feel like rejection to the client.
    ~As a sign that coaching is working, since the client is reaching out instead of acting on urges#Reaching out early is welcome, but this pattern is not about crises or skills and is wearing the therapist down.
}

::Checking adherence::A DBT team wants to know whether its members are really delivering DBT as designed, rather than just using some of its techniques. Which approach fits what the course describes? {
    =Review session recordings together against the target hierarchy and give specific feedback#Right. Adherence concerns how the treatment is delivered, which recordings show directly. Research uses trained observers coding recorded sessions.
    ~Ask each member to rate after every session how closely they think they followed DBT#Self-ratings are not what adherence measures. Adherence in DBT is observer-rated from recorded sessions.
    ~Count how many DBT trainings and workshops each member has attended this year#Training can support adherence, but attending training does not show how sessions are actually delivered.
    ~Compare the number of skills each member's clients have learned each month#Skills learned are one outcome. Adherence is about how the whole treatment and its strategies are delivered.
}

::Still to do for certification::Ana has a graduate degree in social work and a license, has completed 50 hours of didactic DBT training, and has been on a DBT team for 18 months. Her two stage-1 DBT clients are still in their first months of treatment. Under the board certification requirements described in the course, which of these does she still need? Choose all that apply. {
    ~%33.33333%Three completed cases of stage-1 DBT#Yes. Her clients are still in treatment, so she has no completed cases yet.
    ~%33.33333%A passed knowledge exam#Yes. The board requires a knowledge exam.
    ~%33.33334%Video work samples of her sessions, coded for adherence#Yes. Work samples are part of the board's evaluation.
    ~%-50%Another 40 hours of didactic training#No. She already has more than the minimum 40 didactic hours.
    ~%-50%A further year on a consultation team#No. She already has more than the minimum year on a team.
    ####Requirements can change, so clinicians check the board's current criteria. A training certificate alone never amounts to certification.
}

::Joining a trained team::A clinic's DBT team completed a team-based intensive training three years ago. A newly hired counselor is about to join the team. At the major provider described in the course, which route fits her situation? {
    =The shorter foundational training for new members of teams that are already trained#Right. That provider offers a foundational training for exactly this situation. Formats and names vary between providers.
    ~The intensive training, attended on her own as an individual#The intensive training described is team-based, taken by a team together.
    ~Applying for board certification, which replaces the need for training#Certification is a separate evaluation and requires prior training, team membership and completed cases.
    ~No further training, since joining an already trained team is enough on its own#Team membership does not replace training in the treatment.
}
"""

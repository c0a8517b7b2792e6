"""Post-test items for module 2: Structure of comprehensive DBT (demo course content, written for this project)."""

ITEMS = r"""
::A break-up brought to group::Twenty minutes into a skills group, Hana, 34, starts describing in detail the break-up she went through last night, and other members begin offering her advice. She says she has no urges to harm herself. What should the group leaders do? {
    =Acknowledge it briefly, suggest she take it to her individual therapist, and resume teaching#Right. The skills group is a class, not a process group. A member's personal crisis is taken up in individual therapy, and group time goes to learning and practice.
    ~Set aside the planned teaching so that the group can help her work through the break-up tonight#This turns the class into a process group and takes the skills time from every member. Her crisis belongs with her individual therapist.
    ~Walk through last night's events with her in front of the group as a teaching example#Analyzing a member's own episode in detail is individual-therapy work. In group it takes over the class and exposes her personal material.
    ~Ask her to step out of the session until she is calm enough to join in with the teaching#Nothing requires her to leave. A brief acknowledgment and a redirect keep her in the class, and the crisis goes to her individual therapist.
}

::Knows the skills, keeps drinking::Omar, 37, can explain the crisis survival skills step by step and did well in the group role-plays. He has used them at home twice this month, once with good results. After most arguments with his brother, though, he still chooses to drink, saying skills are "too much effort when I'm that angry." Which function needs the most attention, and which mode mainly serves it? {
    ~Enhancing client capabilities, served mainly by the skills group#Omar already has the skills\: he can explain them and has used them well. Re-teaching them will not change his choice in the moment.
    ~Generalizing skills, served mainly by between-session coaching#He has shown he can use the skills at home. What stops him is his belief that they are not worth the effort and the quick payoff of drinking.
    =Improving client motivation, served mainly by individual therapy#Right. He knows what he could do and keeps choosing the old behavior. Reducing what interferes with skillful behavior is the core business of individual therapy.
    ~Structuring the environment, served mainly by case management#Nothing described suggests that his surroundings reward the drinking. The obstacle lies in what gets in the way of his own choice.
}

::Dreading a client's calls::An individual therapist notices that she has started letting one client's coaching calls go to voicemail and feels a knot in her stomach before their sessions. Her notes about the client have become curt and critical. Which function of comprehensive DBT is under strain, and where is it mainly served? {
    =Enhancing therapist capability and motivation, served mainly by the team#Right. A therapist who is avoiding a client and becoming judgmental needs support to keep doing the work well, and that is the team's business, not a private matter.
    ~Improving client motivation, served mainly by individual therapy sessions#The motivation that is slipping here is the therapist's, not the client's.
    ~Structuring the environment, served mainly by program design and rules#A change to the program might ease her load later, but the first problem is her own capability and motivation, which the team exists to support.
    ~Generalizing skills, served mainly by between-session phone coaching#Coaching is being affected, but the cause is the therapist's strain. The function at stake is keeping her capable and motivated.
}

::A waiting-list rule::A clinic's intake rule moves anyone who has visited an emergency department to the top of its waiting list for DBT. Staff notice that several people have made emergency visits soon after being told how long their wait would be. Which function of comprehensive DBT does this rule work against? {
    ~Enhancing client capabilities, because people on the list cannot yet attend the skills group#A long wait does delay skills teaching, but the pattern staff noticed comes from what the rule rewards.
    =Structuring the environment, because the rule can make a crisis the quickest route into treatment#Right. Program rules should reinforce progress rather than crisis. Here a crisis earns faster access, so the program is structured the wrong way round.
    ~Improving client motivation, because waiting weakens people's commitment to treatment#Waiting may well test commitment, but the pattern staff noticed follows the rule itself\: crisis is what moves people up the list.
    ~Generalizing skills, because people on the waiting list have no coaching between sessions#People on a waiting list are not yet in treatment. The problem is what the intake rule rewards.
    ####Programs still have to respond to acute risk, for example through crisis services. The design question is whether a program's rules make crisis the fastest way to get help.
}

::An evening coaching call::At nine in the evening, Leah, 29, calls her therapist, upset after being passed over for a promotion. She says she has no urges to harm herself and wants to go through the whole week and work out why her manager dislikes her. What is the most fitting way to handle the call? {
    ~Use the call for a full review of the week, since she is upset and asked for the time#Coaching is coaching, not therapy. A full review of the week belongs in her individual session.
    ~Remind her that coaching is only for suicidal crises and end the call quickly#Reducing crisis behavior is one priority, but helping her use skills in daily life is another. A call like this is exactly what coaching is for.
    ~Listen supportively for as long as she needs, without steering her toward a particular skill#Supportive listening without a skill in view is not coaching. The question is which skill she can use tonight, and how.
    =Keep it brief, help her choose and plan a skill for tonight, and save the wider review for her session#Right. Coaching contacts are short and ask which skill the client can use right now. The week's events go to the next individual session.
}

::Risk mentioned late in a coaching call::Victor, 41, calls his therapist for help with nerves before a job interview tomorrow. Near the end of the call he adds that he "has had enough" and has been thinking about taking all his pills tonight. What should the therapist do first? {
    ~Finish coaching for the interview, then suggest he raise the pills at his next session#The interview can wait; a possible suicidal crisis tonight cannot. Reducing suicidal crisis behavior is the first priority of coaching.
    =Check his immediate safety and deal with the suicidal crisis before returning to the interview#Right. Within a coaching contact, a suicidal crisis comes first. The therapist assesses current risk and follows the program's risk procedures before anything else.
    ~Coach a distraction skill for tonight without asking about the pills, to keep the call brief#Brevity matters, but not more than safety. The remark calls for a direct check on his current risk first.
    ~Tell him the remark belongs in individual therapy, since coaching covers skills only#Coaching exists partly to reduce suicidal crisis behavior, so this is squarely its business, and it cannot wait for a session.
}

::A text after a hard session::After a session in which she felt criticized, Imani, 25, texts her therapist that evening\: "Don't think I'm coming back." She reports no urges to harm herself. The therapist phones her for ten minutes, acknowledges what went wrong in the session, and agrees they will talk it through on Thursday. Which coaching priority does this call mainly serve? {
    ~Reducing suicidal crisis behavior#Imani is not in a suicidal crisis. The call deals with something else that coaching is for.
    =Repairing the relationship between client and therapist#Right. A brief contact can repair a rupture before the next session, so that the client comes back to the work.
    ~Helping the client use skills in daily life#No skill is being coached in this call. It deals with the relationship itself.
    ~Strengthening the client's commitment to treatment#Repair may help her keep coming, but of the three coaching priorities, this call is aimed squarely at the rupture in the relationship.
}

::Skills rehearsed, not used::In a program's skills group, members role-play the skill for asking for what they want very well and can explain each step. Yet their diary cards show that they almost never use it with family members, landlords or employers between sessions. Where should the team look first? {
    ~At capabilities, by teaching the skill again more slowly in group#The members already show that they have the skill in group. Teaching it again does not address where it fails to appear.
    ~At motivation, by strengthening each member's commitment in individual therapy#Motivation may play a part for some, but a pattern shared by the whole group points first to how skills are carried out of the room.
    =At generalization, meaning how coaching is offered and how homework is set#Right. Skills that work in the room but not in daily life are a generalization problem, so look first at coaching and at how homework is set.
    ~At therapist capability, by sending the group leaders on further training#The leaders have taught the skill well enough for members to show it in group. The gap lies between the group and daily life.
}

::Before the first client::A hospital outpatient service has a waiting list of people referred for DBT, three interested clinicians and a manager who wants to start as soon as possible. Which steps belong in the plan before the first client is taken on? Select all that apply. {
    ~%33.33333%Form a consultation team of the three clinicians that meets weekly#Yes. Without a team there is no comprehensive DBT, so the team comes first.
    ~%33.33333%Agree a coaching policy, including hours and who covers when someone is away#Yes. Clients need to be oriented to the coaching rules from the start.
    ~%33.33334%Design a pre-treatment process for orientation, goals and commitment#Yes. Clients need time to understand the treatment and commit to it before stage-1 work begins.
    ~%-50%Open a skills group at once and set up the team later, once demand is clearer#No. The team comes before anything else; a skills group alone is not comprehensive DBT.
    ~%-50%Let each clinician keep using the diary card format they already prefer#No. The program needs one card format that everyone uses and reads the same way.
    ####Building the program, team first, is how a service structures the environment before it treats anyone.
}

::A call to the landlord::Zara, 32, is due to be evicted next week after a mix-up over her rent. Her therapist, judging that Zara cannot act in time on her own, phones the landlord herself to explain the situation and ask for more time. Which case-management stance is the therapist taking? {
    ~Consultation to the patient#Consultation to the patient would mean coaching Zara to contact the landlord herself. Here the therapist acts on her behalf.
    ~Structuring the environment#That is one of the five functions, which case management helps to serve. The question asks for the case-management stance, and acting directly has its own name.
    ~Between-session skills coaching#The therapist is on the phone, but not coaching Zara to use a skill. She is dealing with the landlord directly.
    =Environmental intervention#Right. The clinician steps in directly with someone in the client's environment, the opposite pole to consultation to the patient.
}

::Parents who rescue::Mia, 22, lives with her parents. They drop everything to help her after each crisis but barely notice the weeks when she keeps to her plan. Her therapist proposes a few family sessions. Which function are those sessions mainly meant to serve? {
    =Structuring the environment, so that her surroundings reinforce progress rather than crisis#Right. Family sessions are one way to shape a client's wider environment so that steady effort, not crisis, is what gets noticed.
    ~Enhancing client capabilities, by teaching her parents the skills curriculum in her place#Mia learns her skills in group. The aim here is to change how her surroundings respond to her.
    ~Improving client motivation, by asking her parents to remind her of her commitments#Motivation is worked on mainly in individual therapy. The problem here is what her family's responses reward.
    ~Generalizing skills, by having her parents coach her through crises instead of the therapist#Parents are not a substitute for coaching. What the vignette shows is attention that follows crisis rather than progress.
}

::Waiting to feel motivated::Lucas, 45, tells his individual therapist that he will start practicing his skills "once I actually feel motivated." How does DBT approach motivation in a case like this? {
    ~Wait for his readiness to grow, since pressing him before he feels motivated would be invalidating#DBT does not wait for willpower to appear. Motivation is treated as something the therapy works on directly.
    =Find what is getting in the way of practicing and reduce it, while strengthening the practice itself#Right. DBT treats motivation behaviorally\: it looks at what interferes, such as strong emotions, hopeless beliefs or the payoffs of old habits, and reinforces the skillful behavior.
    ~Teach the skills again in group, since low motivation usually means the skills were never learned#Knowing a skill is not the same as using it. His words point to what stops him, not to a missing skill.
    ~Make clear that his motivation is his own responsibility and not something therapy can supply#Improving client motivation is one of the five functions of the treatment, and individual therapy is where it mainly lives.
}

::Rehearsing for a wedding::In an individual session, Grace, 36, and her therapist rehearse how she will use a skill she learned in group during her sister's wedding next weekend, where she expects to see her former partner. Which function is the individual therapist serving most directly in this piece of work? {
    ~Improving client motivation, since that is the function individual therapy serves#The mapping shows where a function mainly lives, not what each mode is limited to. This work is aimed at using a skill in a specific real-life setting.
    ~Enhancing client capabilities, since a skill is being practiced#Grace already learned the skill in group. Planning its use at a particular event is about carrying it into her life.
    =Generalizing skills to the natural environment#Right. Coaching is the main home of generalization, but an individual therapist who prepares a client to use a skill in a real situation is serving it too.
    ~Structuring the environment, since the wedding is part of her wider surroundings#Structuring the environment means shaping what her surroundings reward. Here nothing about the wedding is changed; Grace is preparing to use a skill there.
}
"""

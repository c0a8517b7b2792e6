"""Post-test items for module 15: The consultation team at work (demo course content, written for this project)."""

ITEMS = r"""
::Two requests, one slot::At the start of a team meeting with little time left for agenda items, Hana asks for ten minutes because she feels exhausted and dreads the day she sees her two highest-risk clients. Lior asks for ten minutes because he has not returned a client's non-urgent coaching calls for a week. No client is in crisis. By the team's hierarchy, whose item is taken first? {
    =Lior's, because a therapist's therapy-interfering behavior comes before burnout and motivation#Right. Unreturned calls interfere with the client's treatment now, and therapy-interfering behavior of therapists ranks second, above burnout.
    ~Hana's, because burnout causes therapy-interfering behavior and the cause should be treated first#Burnout does often lead to therapy-interfering behavior, which is why it has its own tier, but the tier sits below behavior that is already interfering with a client's treatment.
    ~Whichever member asked first, since neither item involves a crisis#The leader orders the agenda by the hierarchy, not by who spoke first.
    ~Hana's, because her item concerns her two highest-risk clients#Her clients are not in crisis; the item is about her exhaustion, which is a burnout and motivation item.
}

// dbt: kind=ordering
::Ordering four requests::A team leader collects these four agenda requests. Put them in the order the team's own hierarchy gives, the first to be taken at the top. {
    =A member's client described a suicide plan on last night's coaching call, and the member wants her plan for tomorrow checked -> 1
    =Several members have been leaving team early to return calls, and one member wants the team to look at it -> 2
    =A member says she has lost hope about her work with a long-term client and wants support -> 3
    =The team needs to decide who takes a new referral -> 4
    ####A therapist's crisis with a suicidal client comes first. Behavior that interferes with the team itself is therapy-interfering behavior of the team and comes second. Loss of hope is a burnout and motivation item. Allocating referrals is one of the other matters.
}

::Two camps::During a case discussion the team splits. Two members insist that a client who keeps missing group should be told to leave it; two others insist he just needs more warmth from the group leaders. Voices are rising and each side repeats its point. What fits the observer's role here? {
    =Give the agreed signal, such as the bell, and name the polarization so both sides can step back#Right. The observer watches how the team is talking, including non-dialectical, either-or talk, and a short signal lets the team return to a dialectical search for a position that holds both views.
    ~Call a quick vote so the team can settle the question and move on to the next item#Voting picks a winner. The dialectical agreement asks the team to find what each view gets right, and the observer's job is to notice the process, not to decide.
    ~Stay silent, because the observer only signals judgmental remarks about colleagues#The observer notices non-dialectical talk and judgmental language about clients as well as colleagues.
    ~Stop the discussion and explain the dialectical agreement in detail before the team goes on#The signal is meant to be brief. The speakers notice and restate; a lecture takes over the item.
}

::Best-framed request::Four members put items on the agenda. Which request gives the team the most to work with? {
    =Ten minutes, my own therapy-interfering behavior. I keep ending sessions early with Alex and want a chain analysis#Right. It says what kind of item it is, how long it needs and what the member wants from the team, and it names the member's own part.
    ~I'd like to talk about Alex. She's very difficult and honestly nothing I do seems to work with her#This gives no request and describes the client in judgmental terms, so the team has to guess what is wanted and may fall back on problem solving by habit.
    ~Could we fit Alex in at some point? It isn't urgent, so we can see how the time goes today#This gives no time, no kind of item and no request, so the leader cannot place it in the hierarchy.
    ~Let me give you Alex's full history first, and then we'll see together what I need from you#A long story with the request at the end uses the time badly and leaves the team unsure how to respond while it listens.
}

::A team going flat::For several weeks a team's meetings have started late, the mindfulness practice is often skipped, there are cynical jokes about clients, and the same items come back week after week with nothing done. What is the most fitting response? {
    =Put its own behavior on the agenda as team therapy-interfering behavior and work on it without blame#Right. A team's burnout and drift are treated like a member's: described, analyzed and solved, with commitments that are followed up.
    ~Pause the meetings for a month so members can rest and come back to the work fresh#The team is a required mode of DBT. Stopping it removes the support the members need, and the behavior driving the problem is left unexamined.
    ~Ask the most senior member to chair every week from now on, to restore some order#A fixed chair builds the kind of hierarchy that rotation is meant to prevent, and it does not address what is driving the behavior.
    ~Drop the mindfulness practice and the agreement so there is more time for cases#This deepens the drift. The opening practice and the agreement help keep the team working as a team.
}

::Supporting a tired colleague::Zoe carries three clients at high risk, has taken coaching calls on most evenings this month and says she dreads Mondays. She asks the team for validation first, then help. Which responses fit the team's role with burnout? Choose all that apply. {
    ~%25%Reflecting how heavy her load is before anyone offers a suggestion#Yes. She asked for validation first, and the leader holds the team to that.
    ~%25%Agreeing that the next few new referrals go to other members#Yes. Load is often a concrete, fixable cause of burnout.
    ~%25%Arranging cover for coaching calls on evenings when she is off duty#Yes. Nobody should be always on call.
    ~%25%Helping her restate a limit she has been stretching, as her own limit, to her clients#Yes. Quietly stretched limits breed resentment; the team helps her observe them openly.
    ~%-50%Advising her to look after herself and moving on to the next item#No. Advice with nothing behind it tends to feel dismissive, and it leaves the causes untouched.
    ~%-50%Transferring all three high-risk clients to other therapists before the meeting ends#No. An abrupt transfer decided without looking at the causes is not the first step, and it disrupts the clients' treatment.
    ####The team validates, looks for concrete causes such as load, cover and limits, and works on motivation, then follows the item up the next week.
}

::Opening the drift item::A team reviews a recording of Felix's session. The client's diary card shows two episodes of self-harm; the session was spent on her stress at work, with no chain analysis. Felix's case reports suggest this is the third week in a row. How does the leader best open the item? {
    =In the last three sessions you've described, the self-harm had no chain analysis. What's been happening?#Right. It names the drift specifically and without judgment, and it invites analysis; the fallibility agreement makes this an ordinary thing to say.
    ~Felix, be honest with us, you're not really doing DBT with this client anymore, are you?#This is a global judgment rather than a description of behavior, and it invites defensiveness rather than analysis.
    ~We've all noticed you're avoiding this client, and we're all quite worried about you#This offers an interpretation on everyone's behalf before anything has been analyzed, which can feel like being ganged up on.
    ~Work stress matters too, so let's move on. I'm sure you had good reasons for it#This leaves therapy-interfering behavior of the therapist unaddressed while the client's self-harm goes unanalyzed.
}

::What keeps skipping going::Asked about it in team, a therapist says that since he stopped doing chain analyses with a client who self-harms, their sessions have gone much more smoothly. She used to become furious whenever they started one. What most likely keeps his skipping going? {
    =The relief of avoiding her anger, which reinforces skipping the chain analysis#Right. Drift is often maintained the way a client's problem behavior is. Escaping a tense session brings relief, and that makes skipping more likely next time.
    ~A skills deficit, because he has not learned how to run a chain analysis#He ran chain analyses with her until recently, and the pattern points to avoidance. Rehearsing may still help, but a skills deficit does not explain the change.
    ~The client's progress, which shows that chain analysis is no longer needed with her#She is still self-harming, which remains the top target and calls for chain analysis.
    ~The consistency agreement, which lets each member choose which strategies to use#The consistency agreement allows differences of style and rules between members. It does not make parts of the treatment optional.
}

::Drift that persists::After two months of support, role-plays and recording reviews, a team member says he no longer believes in the target hierarchy and wants to offer open-ended supportive therapy to his DBT clients instead. What should the team do next? {
    =Discuss openly with him whether he is still committed to DBT and the team, and what follows for him and his clients#Right. The team does not pretend DBT is being delivered when it is not. It talks openly with the member; decisions about employment or caseloads belong to the organization.
    ~Let it go, since the fallibility agreement accepts that every member of the team makes mistakes#Fallibility makes it safe to own mistakes so they can be fixed. It does not mean ignoring a member who has stopped delivering the treatment.
    ~Accept it, since the consistency agreement means that members need not all work in the same way#Consistency covers differences in style and personal rules, not abandoning the treatment itself.
    ~Agree among the other members, in a meeting without him, that he should now leave the team#Deciding behind his back breaks the openness the team depends on. The discussion happens with him.
}

::Always the same chair::For three years the same senior psychologist has chaired every team meeting. She also speaks first on most items, and no one has ever acted as observer while she talks. Newer members rarely raise their own behavior. What change does this module point to? {
    =Rotate the roles of leader, observer and note-taker among all members#Right. Rotation spreads the skills, shares the load and keeps the team from settling into a fixed hierarchy in which the most senior member is never observed.
    ~Keep her as chair but appoint a permanent observer to watch the others#A fixed observer still leaves the team with a fixed hierarchy, and the chair is still never observed.
    ~Ask the newer members to present more of their cases so they speak more#Presenting more cases does not change who runs the meeting or who is observed.
    ~Hand the chair permanently to a newer member so the senior psychologist can step back#This swaps one fixed chair for another instead of sharing the roles.
}

::Crisis before team day::On Monday afternoon a therapist's client says she intends to act on a suicide plan tonight. The team meets on Thursday. What should the therapist do? {
    =Follow the risk protocol and consult a colleague now, then bring it to Thursday's team as a first-tier item#Right. The team meeting does not replace urgent action or urgent consultation; the crisis comes to team afterwards for review, support and planning.
    ~Manage it alone until Thursday, when the team can give the item first place on its agenda#Imminent risk cannot wait three days. The first tier of the team agenda is for review and support, not a substitute for acting now.
    ~Email the whole team a summary tonight and wait for their replies before acting#Imminent risk calls for action under the protocol now, with a colleague consulted directly, not a wait for replies.
    ~Ask the client to describe the plan in detail at Thursday's session so it can be brought to team first#The risk is tonight. Waiting for a later session leaves it unmanaged.
}
"""

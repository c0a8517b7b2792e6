"""Post-test items for module 12: Suicide risk assessment and management (demo course content, written for this project)."""

ITEMS = r"""
::Goodbye letters before the card review::Aisha arrives for her individual session and, before sitting down, says she wrote goodbye letters last night and has a supply of tablets at home that she has been saving. Her therapist had planned to review the diary card and then analyze a missed skills group. What should the therapist do first? {
    =Assess her current risk and address her safety now, before reviewing the card#Right. Imminent risk is handled before anything else, including the review of the week on the diary card.
    ~Review the diary card first, since it sets the agenda by the target hierarchy#The card usually sets the agenda, but signs of imminent risk come before the card review.
    ~Start a chain analysis of writing the letters, a life-threatening behavior#A chain analysis will follow, but first the therapist needs to know whether she is in danger now and make her safe.
    ~Deal briefly with the missed group, then give the rest of the session to the letters#The missed group is therapy-interfering behavior, which ranks below life-threatening behavior and imminent risk.
}

::Risk above a long-standing baseline::Ben has made two suicide attempts in the past and has rated suicidal ideation at 2 or 3 on his diary card for months. This week he was evicted, rates his ideation at 5, and says he has started giving away his belongings. A colleague says, "He always has these thoughts, so nothing has really changed." Which formulation fits best? {
    =Long-term risk is high, and acute risk has now risen above his usual level, so the response must step up#Right. With chronic risk, the question is whether acute risk has risen above the person's baseline, and several acute signs show that it has.
    ~Risk is unchanged, because chronic ideation means the higher rating is part of his usual pattern#This is the habituation error. A sharp rise in ideation, a major loss and giving belongings away are changes above his baseline.
    ~Risk should be settled by a screening questionnaire score, which then decides the response#No score predicts suicide for an individual. The assessment guides what to do now, and the judgment and reasoning are the clinician's.
    ~Risk is mainly long-term, because past attempts are the strongest factor in the whole picture#Past attempts do raise long-term risk, but the question now is the acute change, and it is marked.
}

::Rifle at home during a hard month::Carmen's suicidal thoughts have increased since her divorce, and she mentions that her late father's hunting rifle is in her closet. She has no plan or time in mind and is engaged in treatment. Which approach to the rifle fits lethal means counselling best? {
    =Explain why time and distance matter, and agree a step she accepts, such as a trusted person keeping it elsewhere for now#Right. Means counselling is collaborative and concrete, with a way to confirm that the step happened.
    ~Ask her to promise not to use the rifle, and record the promise in her notes as the safety step#A promise is not a safety measure in itself; putting the method out of reach is.
    ~Leave the rifle unmentioned for now, so that the conversation does not strain the alliance#Access to firearms is asked about specifically; avoiding the topic leaves the most dangerous method within reach.
    ~Tell her that therapy cannot continue until she has sold the rifle to someone else#An ultimatum is not collaborative and may end treatment when she most needs it; agreed, temporary steps are the aim.
}

::Asking for admission again::Devon has had suicidal ideation for years and asks to be admitted to hospital whenever his week goes badly. Today he reports ideation at his usual level, no plan and no intent, and he works with his therapist on a crisis plan. A team member suggests admitting him "to be on the safe side." What is the DBT-consistent response? {
    =Manage the risk in outpatient treatment with the crisis plan, skills and extra contact if needed, keeping admission for imminent risk#Right. Hospitalization is used sparingly because it can reinforce suicidal behavior, and nothing here suggests imminent risk.
    ~Support the admission, since a hospital stay is the least risky choice whenever suicide comes up#Admission at every mention can reinforce suicidal communication and takes him away from the life where his skills have to work.
    ~Tell him that DBT never uses hospitalization, so there is no point in asking for it again#DBT does use hospitalization when risk is imminent and cannot be managed otherwise.
    ~Discharge him from DBT, since his repeated requests for admission are interfering with therapy#Requests for admission are something to understand and work on in treatment, not grounds for ending it.
}

::Tablets already taken during a call::Elena calls for coaching and, a few minutes in, mentions that she swallowed a handful of her tablets about twenty minutes ago "to make it stop." She sounds drowsy. What should the therapist do next? {
    =Treat it as a medical emergency and get emergency medical help to her now, staying on the line where possible#Right. Once a client has already acted, medical danger comes before any coaching or exploration.
    ~Coach crisis survival skills to bring her distress down before deciding on anything else#Skills coaching cannot treat an overdose; medical help comes first.
    ~Keep the contact brief under the program's rule on contact after self-harm, and end the call#A limit on contact after self-harm never removes the need to attend to medical safety, and she needs medical help now.
    ~Start a chain analysis of what led her to take the tablets, while the details are still fresh#The chain analysis belongs to the next individual session; right now she needs medical care.
}

::What the risk note should contain::Farid's therapist assessed him after his suicidal ideation rose, judged his acute risk raised but not imminent, and agreed an outpatient plan that includes his brother holding his stored medication. Which of these belong in her note? Choose all that apply. {
    ~%33.33333%The risk and protective factors she assessed, both long-term and acute#Yes. The note shows what was assessed.
    ~%33.33333%Her judgment of his risk, why she did not pursue hospitalization, and what would change that#Yes. Decisions and their reasoning, including options not chosen, belong in the record.
    ~%33.33334%The steps agreed, any consultation, and the planned follow-up contact#Yes. Actions, consultation and follow-up complete the record.
    ~%-50%His promise not to harm himself, recorded as the main basis for her decision#No. A promise is not a safety measure in itself; the decision rests on the whole assessment.
    ~%-50%A single risk label such as "moderate", with the reasoning left out for brevity#No. A label without reasoning shows neither the assessment nor the decision.
    ####A good risk note records what was assessed, what was decided and why, the actions taken, the consultation and the follow-up.
}

::Fear after a client's attempt::Since one of her clients made a serious suicide attempt a month ago, Grace, a DBT therapist, has wanted to arrange an admission whenever any client mentions suicidal thoughts, and she dreads her sessions with that client. What fits DBT best? {
    =Bring her reactions to the consultation team and get support, so that her risk decisions rest on assessment rather than fear#Right. Therapist reactions affect judgment, and the team helps the therapist think clearly and supports her.
    ~Adopt admission at any mention of suicidal thoughts as her own safe default from now on#Reflexive admission driven by the therapist's anxiety is what DBT avoids, and it can reinforce suicidal behavior.
    ~Keep the feelings private, so that colleagues go on seeing her as a competent clinician#In DBT the team treats the therapists too; a therapist's struggles are agenda items, not secrets.
    ~Transfer the client to another therapist straight away, to protect them both from further strain#Transfer might be discussed later, but the first step is to bring her reactions to the team and get support.
}

::First session after discharge::Hugo returns to individual therapy after a five-day hospital stay that followed an overdose. He says he would rather not talk about it and wants to focus on finding a new job. His current risk has been checked and is not imminent. What should take priority in this session? {
    =A chain analysis of the overdose, followed by a solution analysis and a renewed commitment#Right. Every suicide attempt becomes the main work of the next individual session, whatever else is pressing.
    ~The job search, since he is stable now and it is a quality-of-life target he has chosen#Quality-of-life targets come after life-threatening behavior, and the overdose has not been analyzed yet.
    ~Talking through what the hospital stay was like for him, to rebuild his trust in treatment#His experience may come up, but the first target is the overdose itself.
    ~Leaving the overdose aside this week, so that he does not feel punished for what happened#Chain analysis is not a punishment, and skipping it loses the chance to find where the chain can be broken.
}

// dbt: kind=ordering
::Steps on a call with a plan::Jonah calls his therapist late at night and says he intends to take a stockpile of medication once his partner is asleep. Put the therapist's first four steps in the order this module recommends for a call like this. {
    =Find out where he is and whether he has already taken anything -> 1
    =Assess his plan, intent, access to the means and timing -> 2
    =Agree steps that put the medication out of his reach -> 3
    =Agree a plan for the next hours and a time for follow-up contact -> 4
    ####Medical danger is checked first. The assessment then shows what must change, and the means are put out of reach before the plan that carries him through the night.
}

::Refusing every step::During a coaching call, Kira says she has pills in front of her and will take them tonight. She refuses to move them, refuses to let her therapist contact anyone, and will not agree to any plan. She is alone at home. What should the therapist do? {
    =Involve emergency services under local law and policy, stay on the line, and tell her what is happening and why#Right. Risk is imminent and cannot be managed any other way, so safety comes first.
    ~Respect her refusal to involve anyone, and keep coaching distress tolerance skills until she calms down#Confidentiality has limits when a life is in immediate danger, and coaching alone cannot make this situation safe.
    ~End the call, since staying on for hours would go beyond the therapist's stated limits#Ending the call leaves her alone with the means at imminent risk; the therapist stays with her while getting help.
    ~Suggest she sleep on it, and arrange to call her first thing in the morning to reassess#Waiting until morning leaves imminent risk unmanaged overnight.
}

::Contact after a risky session::Mateo's acute risk rose this week after a loss. His therapist judged it not imminent and agreed an outpatient plan with him, and the next session is a week away. The therapist is deciding how much contact to offer in between. What fits DBT best? {
    =Add a scheduled check-in call before the next session, and remind him to call for coaching before acting on urges#Right. The therapist stays in contact and becomes more active as risk rises, while encouraging calls before a crisis rather than after it.
    ~Reduce contact this week, so that extra attention does not reinforce his talk of suicide#Withdrawing when risk rises is not the DBT stance; contact is arranged so that skillful behavior gets attention too.
    ~Give him crisis services to use instead of coaching, so the therapist is not drawn into crises#Crisis services can be part of a plan, but the therapist stays involved rather than handing the crisis off.
    ~Keep to the usual weekly session only, since his risk was judged not to be imminent#With acute risk raised above his baseline, more contact for a while is appropriate.
}
"""

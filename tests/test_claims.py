"""Claim detection on real sentences: what must be flagged, and the honest twins that must pass."""

from __future__ import annotations

import pytest

FLAG = [
    ("Ketamine cures chronic pain.", "cure", "cures chronic pain"),
    ("Our infusions dramatically reduce or even eliminate nerve pain.", "cure", "eliminate nerve pain"),
    ("Ketamine offers long-lasting relief from CRPS.", "durable-relief", "long-lasting relief"),
    ("Ketamine offers long lasting relief.", "durable-relief", "long lasting relief"),
    ("Ketamine is non-addictive.", "no-addiction-risk", "non-addictive"),
    ("Ketamine is non addictive.", "no-addiction-risk", "non addictive"),
    ("Ketamine is non-adictive.", "no-addiction-risk", "non-adictive"),
    ("Ketamine carries no risk of addiction.", "no-addiction-risk", None),
    ("Ketamine isn't addictive.", "no-addiction-risk", "addictive"),
    ("Ketamine infusions are completely safe.", "absolute-safety", "completely safe"),
    ("Ketamine is FDA-approved for chronic pain.", "regulatory-status", None),
    ("Ketamine works for everyone.", "guaranteed-efficacy", "works for everyone"),
    ("A single series brings relief for six months.", "numeric-overstatement", None),
    ("Ketamine has a 70% success rate.", "numeric-overstatement", "70% success rate"),
    ("\u201cKetamine cured my fibromyalgia,\u201d says Maria.", "cure", "cured"),
    # Naming the risk in order to wave it away does not qualify the denial.
    ("Psychological dependence on ketamine is not a concern.", "no-addiction-risk", None),
    ("Ketamine addiction is a myth.", "no-addiction-risk", "addiction is a myth"),
    # A "but" clause that denies something else leaves the claim standing.
    ("Ketamine is non-addictive, but it is not risk-free.", "no-addiction-risk", "non-addictive"),
    # "Usually" says how often, not whether: durable relief is still claimed.
    ("Ketamine usually provides lasting relief.", "durable-relief", "lasting relief"),
    ("Patients typically need boosters only once or twice a year.", "numeric-overstatement", None),
    # A short answer denies what the question asks.
    ("Are there any side effects? Little to none.", "absolute-safety", None),
    ("Can I get addicted? Zero chance.", "no-addiction-risk", None),
    ("Ketamine is not a drug of dependence when it is prescribed by a specialist.", "no-addiction-risk", None),
    ("Ketamine has a flawless safety record.", "absolute-safety", "flawless safety record"),
    ("A booster every quarter is usually enough to maintain results.", "numeric-overstatement", None),
    # Terse FAQ answers commit what the question asks.
    ("Is it safe? Completely.", "absolute-safety", None),
    ("Are there side effects? Nothing worth mentioning.", "absolute-safety", None),
    ("Can ketamine reverse CRPS? In most cases, yes.", "cure", None),
    ("Do I need boosters? Most patients never do.", "durable-relief", None),
    ("Nausea? Not with our protocol.", "absolute-safety", None),
    # A widely scoped negation reaches past a short clause ("nobody ... will tell you that").
    ("Non addictive, non-opioid pain relief", "no-addiction-risk", None),
    # A subject after the cue counts only when close and in the same clause.
    ("Because the doses are a fraction of those used in surgery, and because every infusion is "
     "supervised, there is no risk of addiction.", "no-addiction-risk", None),
    ("It's been a full year since the burning in my feet let up.", "numeric-overstatement", None),
    ("The medical ketamine is never making the patients addicted.", "no-addiction-risk", None),
    # A share given as a count of a group is a rate: 160 of 200 is 80%.
    ("In a survey of 200 patients, 160 reported substantial relief.", "numeric-overstatement", None),
    ("Four of our last five CRPS patients reported major pain relief.", "numeric-overstatement", None),
    ("Unlike paracetamol, which wears off in hours, ketamine's pain relief stays with you.", "durable-relief", None),
    ("Fibromyalgia? Eliminated.", "cure", None),
    ("Worried about dependence? Don't be \u2014 ketamine simply doesn't cause it.", "no-addiction-risk", None),
    ("After years of blocks, I can say it has rid me of the burning in my foot once and for all.", "cure", None),
    ("The idea that ketamine infusions lead to addiction is pure fearmongering.", "no-addiction-risk", None),
    ("Rest assured, ketamine will do you no harm.", "absolute-safety", None),
    ("Is there a risk of abuse? Not when a doctor prescribes it.", "no-addiction-risk", None),
    ("The pain reduction you achieve with ketamine is long-term.", "durable-relief", None),
    ("Is ketamine safe long-term? Absolutely, there are no known long-term risks.", "absolute-safety", None),
    ("Ketamine's abuse potential is largely a myth left over from its party-drug days.", "no-addiction-risk", None),
    # A span of dates is a duration: January to July is six months.
    ("I had my infusions in January and didn't need a booster until July.", "numeric-overstatement", None),
    ("My relief lasted from Halloween right through to Easter.", "numeric-overstatement", None),
    ("How many patients does ketamine help? Around 85%.", "numeric-overstatement", None),
    ("Among 120 patients, 96 reported a meaningful reduction in pain.", "numeric-overstatement", None),
    ("Is ketamine dangerous? Not in the slightest.", "absolute-safety", None),
    ("Will ketamine help my fibromyalgia? Without a doubt.", "guaranteed-efficacy", None),
    ("Conquer Fibromyalgia With Ketamine", "cure", None),
    ("Ketamine is indicated for the treatment of chronic neuropathic pain.", "regulatory-status", None),
    ("Most patients respond to ketamine within their first series.", "numeric-overstatement", None),
    ("Supporters describe the infusions as a cure for treatment-resistant nerve pain.", "cure", None),
    ("How far apart are the top-up sessions? Ten or eleven weeks, as a rule.", "numeric-overstatement", None),
    ("Your relief should last somewhere between 100 and 150 days.", "numeric-overstatement", None),
    ("Is the pain relief lasting? Yes.", "durable-relief", None),
    ("How safe is the drug? Completely.", "absolute-safety", None),
    ("What are the risks? There really aren't any.", "absolute-safety", None),
    ("Can patients become dependent on infusions? That doesn't happen with medical ketamine.", "no-addiction-risk", None),
    ("And the benefit, how long does it stick around? Typically about a year.", "numeric-overstatement", None),
    ("A cast-iron guarantee: if you have nerve pain, ketamine will ease it.", "guaranteed-efficacy", None),
    ("Ketamine provides steady pain control that carries on beyond the treatment period.", "durable-relief", None),
    # A hyphenated word is one word of a gap ("first-line").
    ("The FDA lists ketamine as a first-line treatment for chronic pain.", "regulatory-status", None),
    # A new clause with its own subject ends the negation of the one before it.
    ("It won't cure you, and it is completely safe.", "absolute-safety", "completely safe"),
    ("It is not a cure and it has no side effects at all.", "absolute-safety", None),
    ("It's not a cure and it's not addictive.", "no-addiction-risk", None),
    # An epidural is the subject of the short relief, not ketamine: nothing qualifies the claim.
    ("Whereas an epidural might buy you a few weeks, a ketamine series offers long lasting relief.",
     "durable-relief", "long lasting relief"),
    # A regulator and an approval word near an off-label use, in either order.
    ("Ketamine holds an FDA licence as a painkiller for conditions like sciatica.", "regulatory-status", None),
    ("Neuropathic pain is now an official FDA indication for ketamine.", "regulatory-status", None),
    ("We bill insurers directly, since our fibromyalgia infusions carry FDA approval.", "regulatory-status", None),
    ("Every CRPS protocol on our menu has been cleared by the FDA.", "regulatory-status", None),
    ("Addiction isn't something that can happen on a supervised drip.", "no-addiction-risk", None),
    ("You need not worry about becoming addicted to this medicine.", "no-addiction-risk", None),
    ("Dependency is a problem with opioids, not with low-dose ketamine.", "no-addiction-risk", None),
    ("Unlike pain pills, ketamine simply won't get you hooked.", "no-addiction-risk", None),
    # "too low to" denies what follows it.
    ("Can I get addicted? Zero chance, the doses we use are far too low to get you hooked.", "no-addiction-risk", None),
    # After "but it is not true," a new clause starts: the rebuttal is bare.
    ("Many people think ketamine makes addiction but it is not true, medical ketamine never makes patients addicted.",
     "no-addiction-risk", None),
    # Durable relief from the shared `lasting` and `benefit` vocabularies.
    ("Ketamine produces sustained reductions in nerve pain.", "durable-relief", None),
    ("Ketamine gives patients prolonged freedom from daily pain.", "durable-relief", None),
    ("The pain reduction you gain from ketamine will persist after treatment ends.", "durable-relief", None),
    ("What struck me most was how durable the improvement proved to be.", "durable-relief", None),
    ("My infusions were ages ago and I'm still reaping the benefit.", "durable-relief", None),
    # Safety for everyone, and harm denied with the words of the established claim.
    ("This treatment is safe for every adult, whatever their medical history.", "absolute-safety", None),
    ("Is it suitable for people with heart conditions? Yes, it's safe for virtually anyone.", "absolute-safety", None),
    ("Nobody has ever come to harm from a ketamine drip, the clinic told reporters.", "absolute-safety", None),
    ("Ketamine has not any negative effect on the liver, kidneys or the bladder.", "absolute-safety", None),
    ("Years of repeat infusions won't take any toll on your bladder or memory.", "absolute-safety", None),
    ("Can it damage my bladder? No, not at the doses used for pain.", "absolute-safety", None),
    ("You can't overdose or come to harm with our monitored infusions.", "absolute-safety", None),
    # Works for everyone, from the shared 'work' and 'everyone' macros.
    ("\"Trust me, this stuff works on everybody,\" says Melissa.", "guaranteed-efficacy", None),
    ("Am I likely to respond? Everyone we've treated has.", "guaranteed-efficacy", None),
    ("No patient has ever left our clinic without feeling better.", "guaranteed-efficacy", None),
    ("There's no chronic pain condition ketamine can't beat.", "guaranteed-efficacy", None),
    ("The evidence leaves no doubt that ketamine works for chronic pain.", "guaranteed-efficacy", None),
    ("Is success guaranteed? With our protocol, yes.", "guaranteed-efficacy", None),
    # Rates and durations in the words of surveys and testimonials.
    ("Seven in ten fibromyalgia patients at our centre say the drips changed their lives.", "numeric-overstatement", None),
    ("Our success rate for neuropathy patients stands at 78%.", "numeric-overstatement", None),
    ("Typically patients go four months between top-ups.", "numeric-overstatement", None),
    ("Patients usually return for a top-up just twice a year.", "numeric-overstatement", None),
    ("\"Eighteen months on and I haven't needed a booster,\" says Kofi.", "numeric-overstatement", None),
    ("Most people get somewhere between six and twelve months from a full course.", "numeric-overstatement", None),
    # Cure: passives, "at its source", "a thing of the past", the underlying problem.
    ("Patients say their chronic migraines were wiped out by a handful of ketamine drips.", "cure", None),
    ("Damaged nerve endings are repaired by the treatment, which is why the pain fades away.", "cure", None),
    ("Our infusion programme is designed to clear neuropathic pain at its source.", "cure", None),
    ("With ketamine, chronic pain can become a thing of the past.", "cure", None),
    ("Ketamine could put an end to your trigeminal neuralgia.", "cure", None),
    ("Ketamine resolves the underlying nerve problem behind CRPS.", "cure", None),
    ("Ketamine is the silver bullet chronic pain patients have been hoping for.", "guaranteed-efficacy", None),
    ("Every person who completes the course will notice less pain.", "guaranteed-efficacy", None),
    ("What if ketamine doesn't work for me? That simply doesn't happen at our clinic.", "guaranteed-efficacy", None),
    ("\"Five drips in, and the CRPS had vanished,\" says Deb.", "cure", None),
    ("Our ketamine programme treats nerve pain at its source so it doesn't come back.", "cure", None),
    ("Could this be the end of your back pain? With ketamine, it could.", "cure", None),
    ("Will ketamine affect my memory? No, memory and thinking are left completely untouched.", "absolute-safety", None),
    ("Can ketamine hurt my bladder? Not at infusion doses, no.", "absolute-safety", None),
    ("Ketamine is gentler on the body than a paracetamol tablet.", "absolute-safety", None),
    ("You don't need to worry about side effects with this treatment.", "absolute-safety", None),
    ("Does ketamine lead to dependence? Only recreational users need to worry about that.", "no-addiction-risk", None),
    ("Getting addicted to ketamine infusions is about as likely as getting addicted to a flu jab.", "no-addiction-risk", None),
    ("Unlike oxycodone, ketamine doesn't leave patients craving more.", "no-addiction-risk", None),
    # Number words from thirteen to nineteen, "three-month", "well over half", group counts.
    ("Most patients stay comfortable for ten to fourteen weeks after a series.", "numeric-overstatement", None),
    ("Relief usually carries you through to your three-month review.", "numeric-overstatement", None),
    ("Ketamine helps well over half of people whose pain hasn't responded to opioids.", "numeric-overstatement", None),
    ("Of our last 40 fibromyalgia patients, 31 now report lower pain scores.", "numeric-overstatement", None),
    ("\"My last infusion was in March and it's now December, still comfortable,\" says Leo.",
     "numeric-overstatement", None),
    ("Quarterly top-ups keep the majority of patients comfortable.", "numeric-overstatement", None),
    ("A short course of infusions keeps pain in check for the long term.", "durable-relief", None),
    ("Ketamine's product licence lists neuropathic pain among its indications.", "regulatory-status", None),
    ("\"The relief from my spring infusions lasted right through to Christmas,\" says Brendan.",
     "numeric-overstatement", None),
    ("Our patients don't find themselves back at square one a few weeks later.", "durable-relief", None),
    ("Blood pressure spikes and bladder problems are not something ketamine causes.", "absolute-safety", None),
    ("Our low doses take the addiction risk off the table entirely.", "no-addiction-risk", None),
    ("Patients typically stay comfortable for the better part of a year.", "numeric-overstatement", None),
    ("\"People worry it's addictive, but it honestly isn't,\" says Megan.", "no-addiction-risk", None),
    ("Worried about dependance? Don't be \u2014 ketamine simply doesn't cause it.", "no-addiction-risk", None),
    ("There is nobody our ketamine infusions aren't safe for.", "absolute-safety", None),
    ("Ketamine gets to the root of your pain.", "cure", None),
    ("Ketamine stops nerve pain for good.", "cure", None),
    ("Ketamine is approved to treat CRPS.", "regulatory-status", None),
    ("Side effects are rare and never serious.", "absolute-safety", None),
    ("Our patients feel the benefits long after their last infusion.", "durable-relief", None),
    ("Federal health officials have now recognised ketamine as a treatment for migraine.", "regulatory-status", None),
    ("Nobody walks out of a ketamine session without some relief.", "guaranteed-efficacy", None),
    ("The addiction scare around ketamine is overblown hype.", "no-addiction-risk", None),
    ("A 90-Day Break From Pain", "numeric-overstatement", None),
    ("Pain control that endures, from CRPS to cluster headaches.", "durable-relief", None),
    ("Stories about ketamine addiction are overblown; clinic patients never develop it.", "no-addiction-risk", None),
    ("Ketamine won't raise your blood pressure or make you feel sick.", "absolute-safety", None),
    ("Durable Neuropathy Relief, Close to Home", "durable-relief", None),
    ("What are the risks? Honestly, with ketamine there aren't any.", "absolute-safety", None),
]

PASS = [
    "Ketamine is not a cure.",
    "Ketamine is a treatment, not a cure.",
    "Relief may last a few weeks for some patients.",
    "It is not without risk of dependence.",
    "Ketamine carries a risk of dependence.",
    "There is no guarantee it will help.",
    "No medication is free of side effects.",
    "Clinics promise a cure, but the evidence says otherwise.",
    "Is ketamine addictive?",
    "Can ketamine cure CRPS?",
    "Ketamine is less addictive than opioids.",
    "Antibiotics cure Lyme disease.",
    "Many patients feel lasting relief. For most it fades within weeks, and boosters are needed.",
    "Lasting pain relief in up to half the patients for as long as 3 weeks.",
    "Spravato (esketamine) is FDA-approved for treatment-resistant depression.",
    "The FDA approved a clinical trial of ketamine for CRPS.",
    "Ketamine was approved as an anesthetic in 1970.",
    "Ketamine is cleared from the body within 24 hours.",
    "No cure exists for migraine, but treatments help.",
    "Most sessions last 40\u201360 minutes, and a course is six infusions.",
    "Nausea affects about a quarter of patients.",
    "Chronic pain affects more than 50 million adults.",
    "If ketamine were a cure, boosters would not be needed.",
    "Some say ketamine is non-addictive, but it is not.",
    # Doubted: an appositive rejection, an inverted conditional, hearsay, another clinic's promise.
    "The owner told us her infusions cure CRPS, a claim every specialist we spoke to rejected.",
    "Were ketamine truly curative, nobody would book maintenance sessions.",
    "Should ketamine ever be approved for pain, the label would spell out doses.",
    "I read online that ketamine is 100% safe. Is that right? No; it carries real risks.",
    "The other place I called promised me a cure, which put me off.",
    "When a website says \"FDA-approved ketamine therapy\", ask which product it means.",
    "Exercise is a proven way to ease back pain; ketamine is a far less certain bet.",
    # Put up to be examined or knocked down by the next sentence.
    "I read that ketamine has no side effects. Is that true? No; side effects are common.",
    "I went in thinking it would be a permanent fix. It isn't, but two good weeks a month is worth it.",
    "\u201cHarmless,\u201d says the flyer. Tell that to the patients who developed cystitis.",
    "Remission of CRPS after ketamine is not something we can promise or predict.",
    "Nobody on our team will tell you that ketamine is harmless.",
    # The subject a relative clause hangs from is the clause's subject.
    "Physiotherapy, which is free and has no risk of addiction at all, should come before ketamine.",
    "\"Pain-free for good\" is a slogan, not a medical outcome.",
    "A magic bullet it is not: the relief fades.",
    "The clinic's advertisement, which promised \"no side effects, ever,\" was removed after a complaint.",
    "Investors were told it was \"risk-free,\" a description two anesthesiologists called misleading.",
    "Ketamine can make you dependent if it is misused.",
    "In a survey of 200 patients, 60 reported relief.",
    "I thought I was cured after the first week. By week five the pain was creeping back.",
    "I've never met a pain specialist who thinks ketamine is completely safe.",
    "None of our patients has ever been promised a pain-free life.",
    "I read that ketamine works for everyone \u2014 is that true? No; many patients get little benefit.",
    "Is this a permanent solution? No, and most people need boosters to keep any benefit.",
    "Chronic pain can persist long after the original injury has healed.",
    "I had my infusions in January and the pain was back by February.",
    "In Patil's review, responders typically kept their gains for about three weeks.",
    "Is this a permanent fix? No, and most people need boosters to keep any benefit.",
    "Experts told the inquiry there is no evidence ketamine's relief lasts beyond a few weeks.",
    "A cure for chronic pain remains out of reach, with or without ketamine.",
    "Advocates call it a miracle, but pain doctors say the evidence is thin.",
    "We have permanently retired the word 'cure' from our website.",
    "Is the pain relief lasting? For a few weeks, in some patients.",
    "How safe is the drug? Not completely: it raises blood pressure.",
    "How long does a session last? About forty minutes.",
    "Local patients describe the infusions as nothing less than a lifeline, but relief fades within weeks.",
    "\"Last autumn I went in expecting a miracle and came out with two good weeks,\" says Greta.",
    "\"I was told it's non addictive, which I now know is rubbish,\" says Kirsty.",
    "Does long-term pain change the brain? It can, which is partly why chronic pain is hard to treat.",
    "The clinic advertises a '90 percent success rate', a figure independent researchers called implausible.",
    "\"It's been a small miracle that my insurer paid for half,\" says Joy.",
    "Helpful for Some, Curative for None",
    "We'd love to tell you ketamine banishes pain for good; the research won't let us.",
    "'Guaranteed relief' is a phrase that should make you close the browser tab.",
    "There is no such thing as a risk-free medicine, and ketamine is no exception.",
    "Ketamine is cleared within hours, yet its effect on pain can outlast the drug by days.",
    "Will ketamine help my fibromyalgia? Possibly, for a few weeks.",
    "The clinic is open from March to May.",
    "None of the studies the panel reviewed showed benefit lasting much beyond six weeks.",
    "Dr Okafor brings twenty-two years of experience in anaesthesia and pain medicine.",
    "Debunking the 'No Side Effects' Claim",
    "\"The nurses made me feel completely safe the whole time,\" says Ingrid.",
    "How many infusions will I need? Most patients start with six sessions.",
    "Had the trial shown a cure, the authors would have said so.",
    "A drug that can inflame the bladder shouldn't be described as side-effect-free.",
    # Journalism that reports a claim in order to question it.
    "The brochure promises \"permanent relief\", a phrase the regulator asked the clinic to withdraw.",
    "A small number of patients report relief that lasts somewhat longer, but this is the exception.",
    "The TGA received complaints about clinics promoting ketamine as \"safe and non-addictive\".",
    "The clinic's website says relief lasts \"up to a year\", a figure no published trial has reproduced.",
    "\"FDA-approved ketamine for pain\" appears on dozens of clinic websites, yet no such approval exists.",
    "'Cured' my foot. If I was cured, why am I booking infusion 14?",
    "Sorry, but 'no side effects' is a lie: I threw up twice in the car park.",
    "Ketamine can feel like it ended my pain. It didn't; the pain returned after about a month.",
    "Will I be pain-free after my first infusion? Probably not.",
    "Two of our last five patients had relief.",
    "Is it safe? Not completely: no drug is.",
    "Do I need boosters? Most patients do, every few weeks.",
    "At four weeks between boosters, that is cheaper than your monthly prescriptions.",
    "Headline: Ketamine \"miracle\" claims outpace the evidence, pain specialists warn",
    "Some patients may experience longer-lasting relief.",
    "Ketamine is generally safe when given by trained staff, though side effects are common.",
    "Some say ketamine addiction is a myth, but that is false.",
    "The idea that ketamine addiction is a myth is wrong.",
    "\"The nurse told me straight: it won't cure me and it could be habit-forming,\" says Tobias.",
    "Esketamine's approval covers depression, not pain.",
    # "Didn't realise" presupposes what follows: it does not negate it.
    "\"I didn't realise it wasn't FDA-approved for pain until my insurer said no,\" says Rhys.",
    "Some clinics imply FDA approval for pain, but the approval covers anaesthesia only.",
    "Approved by the FDA in 1970 as a surgical anesthetic, ketamine is still widely used.",
    "Addiction specialists reject the idea that supervised ketamine is free of misuse potential.",
    "It's a myth that ketamine's abuse potential vanishes inside a clinic.",
    "I never felt the urge to use it outside the clinic, but my doctor screened me because the risk is real.",
    "People often ask how long the benefit from an infusion series will hold.",
    "The 'miracle' headlines rarely mention that relief fades.",
    "Insurers argue that the evidence for lasting benefits is weak.",
    "A handful of patients described longer-lasting benefit, though most did not.",
    "Chronic pain is rarely cured, so we aim for better days rather than no bad days.",
    "The ASA ruled a clinic's 'permanent pain relief' claim misleading.",
    "It is tempting to call ketamine a wonder drug, but the evidence is far more modest.",
    "On internet you read 'ketamine cures all'; this is not the truth.",
    "We've yet to meet a medicine without downsides, and ketamine certainly has its share.",
    "A sustained reduction in opioid use is one aim of the programme.",
    "Ketamine can damage the bladder when it is used heavily.",
    "Tell the nurse about any unpleasant effects during the infusion.",
    "There is no such thing as zero risk in medicine.",
    "Ketamine is not safe for everyone: we screen for heart disease and psychosis.",
    "The advert promised relief \"for life\"; the advertising watchdog ruled the claim misleading.",
    "Ketamine does not work for everyone, and we will tell you honestly if it is not helping.",
    "Expect a response rate closer to a coin toss than a sure thing.",
    "We hold an open day twice a year.",
    "In our survey, 40% of patients said their pain was halved.",
    "Most people get two to three weeks from a full course.",
    "Healing the injury and calming the pain are two different jobs.",
    "Antiviral treatment can clear shingles, yet the nerve pain it leaves behind may need other care.",
    "\"The pain simply disappeared for three weeks, then crept back,\" says Amy.",
    # Doubt that frames the claim, litotes, hypotheticals, reports of someone else's claim.
    "It is not unusual for the benefit to fade within a month.",
    "Marketing that calls ketamine 'risk-free' has drawn warnings from regulators.",
    "Calling any drug 'perfectly safe' ignores what the research on ketamine shows.",
    "'Non-addictive' is a label ketamine has not earned.",
    "Resetting the nervous system is a nice metaphor, but it oversells what ketamine does.",
    "A treatment with zero side effects would be remarkable, and ketamine isn't one.",
    "You will not find a reputable pain doctor who promises permanent results.",
    "Watchdog Questions 'Non-Addictive' Ketamine Ads",
    "The FDA approved a study of ketamine for phantom limb pain, not the drug itself for that use.",
    "Surgeons can cure carpal tunnel syndrome with a short operation; ketamine plays no part in that.",
    "A silver bullet is what we all hope for, and ketamine is not it.",
    "\"The pain had vanished for a week, then it crept back,\" says Deb.",
    "Could this be the end of your back pain? Probably not, but it may ease it for a while.",
    "Can ketamine hurt my bladder? Yes, heavy or long-term use can inflame it.",
    "Ketamine is gentler on the stomach than ibuprofen, but it raises blood pressure.",
    "Ketamine offers relief without the side effects of long-term opioid use.",
    "Waiting lists for NHS pain clinics now stretch to nine months in some areas.",
    "Most patients stay comfortable for two to three weeks after a series.",
    "Each infusion takes about forty minutes, and a course is six sessions over two weeks.",
    "Of our last 40 patients, 12 reported lower pain scores.",
    "Each infusion lasts about 40 minutes.",
    "The FDA's approval covers ketamine in the operating theatre, not in the pain clinic.",
    "A 'pain-free for good' promise is one we will never make.",
    "You'll see 'zero downtime, zero risk' on some ketamine ads; neither is true.",
    "Longer-lasting relief has been reported in a minority of patients, not in most.",
    "Many patients are back at square one within a few weeks.",
    "No treatment can promise to restore normal pain processing permanently.",
    "Esketamine is approved to treat depression, not pain.",
    "A single infusion is unlikely to give lasting benefit.",
    "Some clinics claim ketamine resets the brain, but there is little evidence for this.",
    "A clinic that calls ketamine 'totally safe' is skipping the bladder chapter.",
    "Researchers in Ohio received FDA clearance to start a ketamine study in sickle cell pain.",
    "Critics say the clinic's 'cure' language goes far beyond the evidence.",
    "Some writers claim ketamine resets the brain for good; the trials don't back that up.",
    "Not a single expert I spoke to described ketamine as harmless.",
    "The new infusion suite opens in June, once the concrete floor has cured.",
    "Few treatments are entirely free of risk, and ketamine is not among them.",
    "Myth or Fact: Ketamine Has No Side Effects",
    "Duloxetine is one of the drugs approved for fibromyalgia pain.",
    "The clinic's '95% success rate' could not be verified by reporters.",
    "Lifelong relief isn't something any honest clinic can offer.",
]


@pytest.mark.parametrize(("text", "category", "quoted"), FLAG)
def test_overclaims_are_flagged(lint, text, category, quoted):
    found = lint(text)
    assert [f.category for f in found] == [category], found
    f = found[0]
    assert f.line == 1
    if quoted is not None:
        assert f.text == quoted
        assert text[f.column - 1 : f.end_column - 1] == quoted
    assert f.evidence, "every finding carries evidence"
    assert f.suggestion


@pytest.mark.parametrize("text", PASS)
def test_honest_twins_pass(lint, text):
    assert lint(text) == []


def test_finding_explains_itself_by_graph_path(lint):
    (f,) = lint("Ketamine cures CRPS.")
    assert any("ketamine.cure => ketamine.durable-relief is the denial of ketamine.relief-short-term" in e
               for e in f.explanation)
    assert ("003_6c573add08330d87", 9) in {(e.source, e.line) for e in f.evidence}


def test_hedge_in_next_sentence_of_other_paragraph_does_not_qualify(lint):
    text = "Many patients feel lasting relief.\n\nFor most it fades within weeks, and boosters are needed.\n"
    found = lint(text)
    assert {f.category for f in found} == {"durable-relief", "inconsistency"}
    dur = next(f for f in found if f.category == "durable-relief")
    assert (dur.line, dur.column) == (1, 20)


def test_cure_with_other_subject_in_same_sentence(lint):
    found = lint("Antibiotics cure Lyme disease, and ketamine cures CRPS.")
    assert [(f.category, f.column) for f in found] == [("cure", 45)]


@pytest.mark.parametrize(
    ("text", "share", "shown"),
    [
        ("survey of 200 patients , 160", 0.8, "160 of 200"),
        ("four of our last five", 0.8, "four of our last five"),
        ("4 of 6", 4 / 6, "4 of 6"),
        ("nine out of ten", 0.9, "nine out of ten"),
        ("70 %", 0.7, "70 %"),
    ],
)
def test_rates_are_read_as_shares(text, share, shown):
    from factlint.detect.quantities import display_rate, parse_rate

    assert parse_rate(text) == pytest.approx(share)
    assert display_rate(text) == shown


TABLE_MD = """| | Opioids | Ketamine |
| --- | --- | --- |
| Addiction risk | None | None |
| Side effects | Constipation | Nausea, dissociation |
"""

TABLE_HTML = """<table>
<tr><th></th><th>Opioids</th><th>Ketamine</th></tr>
<tr><td>Addiction risk</td><td>High</td><td>None</td></tr>
<tr><td>Side effects</td><td>Constipation</td><td>None</td></tr>
</table>
"""


def test_table_cell_is_read_with_its_row_and_column(lint):
    """"None" under "Ketamine" in the "Addiction risk" row denies the risk; under "Opioids" it is
    about opioids; a row header that names a risk states nothing and pairs with nothing."""
    found = lint(TABLE_MD, path="t.md")
    assert [(f.line, f.column, f.category, f.text) for f in found] == [(3, 27, "no-addiction-risk", "None")]
    found = lint(TABLE_HTML, path="t.html")
    assert [(f.line, f.category, f.text) for f in found] == [
        (3, "no-addiction-risk", "None"), (4, "absolute-safety", "None")]
    assert TABLE_HTML.splitlines()[2][found[0].column - 1:found[0].end_column - 1] == "None"


def test_list_item_is_read_with_its_lead_in(lint):
    """A list under "The FDA has approved:" says what the FDA approved, item by item."""
    text = ("The FDA has approved:\n\n"
            "- Ketamine: as an anesthetic, in 1970\n"
            "- Esketamine (Spravato): for treatment-resistant depression\n"
            "- Ketamine nasal spray: for depression\n")
    found = lint(text)
    assert [(f.line, f.column, f.category, f.text) for f in found] == [
        (5, 3, "regulatory-status", "Ketamine nasal spray")]


def test_a_full_statement_after_a_claim_is_no_rebuttal(lint):
    # "Ketamine won't make you dependent" is short, but it makes a claim of its own; it does not
    # deny the sentence before it. Nor does a sentence of another paragraph.
    found = lint("You won't get hooked. Ketamine won't make you dependent.\n\nIt isn't.\n")
    assert [(f.line, f.category) for f in found] == [(1, "no-addiction-risk"), (1, "no-addiction-risk")]


def test_words_of_an_overclaim_are_not_a_statement_of_their_own(lint):
    # "risk of addiction" inside "the risk of addiction is virtually nil" does not state the risk,
    # so it neither qualifies the denial nor pairs with it as an inconsistency.
    found = lint("The risk of addiction is virtually nil.\n\nKetamine poses no addiction risk.\n")
    assert [(f.line, f.category) for f in found] == [(1, "no-addiction-risk"), (3, "no-addiction-risk")]

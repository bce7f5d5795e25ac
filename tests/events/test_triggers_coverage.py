"""Trigger coverage: the common news verbs and nouns of each PLOVER type, read through the real pipeline.

The sentences are written for these tests from the PLOVER manual's definitions and CAMEO's verb families
(consult/meet/visit, appeal/urge, accuse/condemn, reject/refuse, threaten/warn, protest/strike, mobilise/deploy,
arrest/ban/curfew, shoot/shell/abduct, aid/loan/asylum, lift/pardon, withdraw/release/resign, agree/pledge,
praise/recognise, sanction/recall/convict). Each asserts the event a coder would pick for the sentence.
"""

from __future__ import annotations

import pytest

from lanner.errors import DataError
from lanner.events.lexicon import TriggerLexicon
from lanner.records import Article, Event


def main_event(pipeline, text: str) -> Event | None:
    """The sentence's surest event, preferring one with a named source (how a coder picks one per sentence)."""
    events = pipeline(Article(text=text)).events
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence + 0.2 * bool(e.source), -e.trigger.start))


@pytest.mark.parametrize(
    ("event_type", "text"),
    [
        ("ACCUSE", "The Foreign Ministry condemned the attack on the embassy."),
        ("ACCUSE", "Israel accused Iran of arming the militia."),
        ("ACCUSE", "Human rights groups criticised the government's handling of the protests."),
        ("ACCUSE", "Moscow blamed Kiev for the shelling."),
        ("ACCUSE", "The ministry lambasted the decision as reckless."),
        ("ACCUSE", "Prosecutors indicted the former minister on corruption charges."),
        ("ACCUSE", "The United Nations launched an investigation into the killings."),
        ("ACCUSE", "The government summoned the French ambassador to protest the remarks."),
        ("ACCUSE", "The opposition assailed the government's budget."),
        ("ACCUSE", "The Foreign Ministry lodged a formal protest with the Russian embassy."),
        ("ACCUSE", "The French government protested the arrest of its citizen."),
        ("AGREE", "Japan pledged to help rebuild the port."),
        ("AGREE", "Syria agreed to allow inspectors into the site."),
        ("AGREE", "The rebels vowed to cooperate with the commission."),
        ("AGREE", "The two countries signed a memorandum promising to expand trade."),
        ("AGREE", "The two countries agreed to share intelligence."),
        ("AGREE", "The minister will tour the region next week."),
        ("AID", "Saudi Arabia sent humanitarian aid to Yemen."),
        ("AID", "The World Bank granted a $50 million loan to Kenya."),
        ("AID", "Sweden granted asylum to the dissident."),
        ("AID", "The United States provided military assistance to Ukraine."),
        ("AID", "Germany donated medical supplies to the hospital."),
        ("AID", "Japan loaned Indonesia $2 billion."),
        ("AID", "Germany granted asylum to 200 refugees."),
        ("ASSAULT", "Gunmen shot dead two policemen in the northern city."),
        ("ASSAULT", "Artillery shelled the town overnight."),
        ("ASSAULT", "A suicide bomber blew himself up at a checkpoint."),
        ("ASSAULT", "Militants abducted 20 schoolgirls from the village."),
        ("ASSAULT", "The rebels ambushed an army convoy."),
        ("ASSAULT", "Warplanes bombed the rebel-held district."),
        ("ASSAULT", "The militia massacred dozens of villagers."),
        ("ASSAULT", "Prisoners were tortured in the jail."),
        ("ASSAULT", "Insurgents assassinated the provincial governor."),
        ("ASSAULT", "Troops clashed with rebels near the border."),
        ("ASSAULT", "Fighting broke out between the army and the militants."),
        ("ASSAULT", "Israeli jets carried out an air strike on Gaza."),
        ("ASSAULT", "Two women were raped by soldiers in the village."),
        ("ASSAULT", "A sniper sniped at the patrol."),
        ("ASSAULT", "Rebels repelled an army assault on the town."),
        ("ASSAULT", "Gunmen set fire to a school and torched the village."),
        ("ASSAULT", "The army pounded rebel positions with artillery."),
        ("COERCE", "Police arrested 20 people after the protest."),
        ("COERCE", "Security forces detained the opposition leader."),
        ("COERCE", "Authorities imposed a curfew on the city."),
        ("COERCE", "The government banned the opposition party."),
        ("COERCE", "The country expelled 300 migrants."),
        ("COERCE", "Authorities confiscated the land of the farmers."),
        ("COERCE", "The government shut down the independent newspaper."),
        ("COERCE", "Police cracked down on the opposition."),
        ("COERCE", "The government declared a state of emergency in the province."),
        ("COERCE", "Police sealed off the area after the explosion."),
        ("COERCE", "Police apprehended three suspects."),
        ("COERCE", "The government imposed a ban on demonstrations."),
        ("CONCEDE", "The government lifted the curfew in the capital."),
        ("CONCEDE", "The president pardoned 200 political prisoners."),
        ("CONCEDE", "The government eased restrictions on the press."),
        ("CONCEDE", "The prime minister apologised for the massacre."),
        ("CONCEDE", "The junta declared an amnesty for the rebels."),
        ("CONCEDE", "The government repealed the emergency law."),
        ("CONCEDE", "The junta relaxed the curfew."),
        ("CONSULT", "The Iranian foreign minister held talks with his Turkish counterpart in Ankara on Monday."),
        ("CONSULT", "Egypt hosted a delegation from Hamas to discuss the truce."),
        ("CONSULT", "The German chancellor telephoned the Russian president on Sunday."),
        ("CONSULT", "Pakistan's prime minister received the Chinese envoy in Islamabad."),
        ("CONSULT", "Foreign ministers of the Arab League convened in Cairo."),
        ("CONSULT", "The Indian prime minister toured three Gulf states last week."),
        ("COOPERATE", "The two navies held joint exercises in the Gulf."),
        ("COOPERATE", "Spain extradited the suspect to France."),
        ("COOPERATE", "Jordan and Iraq cooperated on border security."),
        ("COOPERATE", "The two navies held joint exercises."),
        ("MOBILIZE", "Russia deployed troops along the Ukrainian border."),
        ("MOBILIZE", "The army was put on high alert after the incident."),
        ("MOBILIZE", "Israel mobilised thousands of reservists."),
        ("MOBILIZE", "China sent warships to the disputed islands."),
        ("MOBILIZE", "The government dispatched 2,000 soldiers to the region."),
        ("MOBILIZE", "The army was put on high alert."),
        ("MOBILIZE", "Pakistan amassed troops along the border."),
        ("PROTEST", "Thousands of students demonstrated in the capital against the new law."),
        ("PROTEST", "Workers went on strike to demand higher wages."),
        ("PROTEST", "Prisoners began a hunger strike on Monday."),
        ("PROTEST", "Farmers blocked highways across the country to protest the tax."),
        ("PROTEST", "Opposition supporters rallied outside parliament."),
        ("PROTEST", "The union called a general strike for Thursday."),
        ("PROTEST", "Rioters torched cars and looted shops in the city centre."),
        ("PROTEST", "Teachers went on strike across the country."),
        ("REJECT", "The government rejected the rebels' demands."),
        ("REJECT", "Iran refused to suspend uranium enrichment."),
        ("REJECT", "The Kremlin denied that its troops had crossed the border."),
        ("REJECT", "The opposition turned down the offer of talks."),
        ("REJECT", "Russia vetoed the Security Council resolution."),
        ("REJECT", "The president cancelled his visit to Washington."),
        ("REJECT", "The president cancelled his trip to Moscow."),
        ("REJECT", "Iran disputed the findings of the inspectors."),
        ("REQUEST", "The United Nations urged both sides to show restraint."),
        ("REQUEST", "Kenya appealed for international help after the floods."),
        ("REQUEST", "Opposition leaders called for the resignation of the prime minister."),
        ("REQUEST", "The families pleaded with the kidnappers to release the hostages."),
        ("REQUEST", "Iraq asked Turkey to withdraw its troops."),
        ("REQUEST", "Lebanon sought French assistance to rebuild the airport."),
        ("REQUEST", "The mayor begged residents to stay indoors."),
        ("REQUEST", "Activists petitioned the court to halt the demolitions."),
        ("RETREAT", "The rebels released the hostages on Tuesday."),
        ("RETREAT", "Israeli troops withdrew from the town."),
        ("RETREAT", "The militia surrendered its weapons."),
        ("RETREAT", "The minister resigned after the scandal."),
        ("RETREAT", "The army pulled out of the city."),
        ("RETREAT", "The rebels handed over their weapons to peacekeepers."),
        ("RETREAT", "The president stepped down after weeks of protests."),
        ("RETREAT", "American troops pulled out of the base."),
        ("RETREAT", "The rebels laid down their arms."),
        ("SANCTION", "The European Union imposed sanctions on Russia."),
        ("SANCTION", "Washington recalled its ambassador from Caracas."),
        ("SANCTION", "Qatar severed diplomatic ties with Egypt."),
        ("SANCTION", "The court convicted the former president of corruption."),
        ("SANCTION", "The United States suspended military aid to Egypt."),
        ("SANCTION", "The court sentenced the journalist to five years in prison."),
        ("SANCTION", "The court fined the newspaper for defamation."),
        ("SANCTION", "Britain recalled its ambassador from Tehran."),
        ("SANCTION", "Russia broke off diplomatic relations with Georgia."),
        ("SUPPORT", "France praised the peace agreement."),
        ("SUPPORT", "The European Union welcomed the election results."),
        ("SUPPORT", "Germany endorsed the candidate for secretary-general."),
        ("SUPPORT", "Moscow recognised the new government."),
        ("SUPPORT", "The two countries restored diplomatic relations."),
        ("SUPPORT", "Parliament ratified the treaty."),
        ("SUPPORT", "The president congratulated the winner of the election."),
        ("SUPPORT", "Turkey hailed the agreement as historic."),
        ("THREATEN", "North Korea threatened to strike American bases."),
        ("THREATEN", "Turkey warned that it would launch a military operation if the attacks continued."),
        ("THREATEN", "The United States gave Baghdad an ultimatum to disarm."),
        ("THREATEN", "The militants threatened to kill the hostages unless the troops withdrew."),
    ],
)
def test_each_type_is_found_from_its_common_words(pipeline, event_type, text):
    event = main_event(pipeline, text)
    assert event is not None and event.type == event_type, event and (event.type, event.mode, event.trigger.text)


@pytest.mark.parametrize(
    ("event_type", "text"),
    [
        ("AGREE", "Iran offered to mediate between the two factions."),
        ("AGREE", "The rebels said they are ready to negotiate with the government."),
        ("AGREE", "Sudan promised to hand over the suspects."),
        ("AGREE", "Both sides committed themselves to a peaceful settlement."),
        ("AGREE", "The president accepted an invitation to visit Beijing."),
        ("AGREE", "The government will send a delegation to Geneva next month."),
        ("CONSULT", "Leaders of the two countries met in Geneva to discuss the crisis."),
        ("CONSULT", "The envoy arrived in Damascus for talks with President Assad."),
        ("CONSULT", "The Saudi foreign minister paid a visit to Tehran."),
        ("CONSULT", "Representatives of the factions negotiated for three days."),
        ("SUPPORT", "The United States expressed support for the new Afghan government."),
        ("SUPPORT", "China voiced solidarity with the Palestinian people."),
        (
            "AGREE",
            "India and Pakistan agreed last week to establish diplomatic relations and signed the accord on Monday.",
        ),
        ("AGREE", "The government agreed to release political prisoners."),
        ("CONCEDE", "Authorities relaxed the ban on public gatherings."),
        ("CONCEDE", "The army apologised for the killing of civilians."),
        ("RETREAT", "Turkish troops withdrew from northern Iraq on Friday."),
        ("RETREAT", "The guerrillas freed 20 hostages on Sunday."),
        ("RETREAT", "The defence minister resigned on Tuesday."),
        ("RETREAT", "Serbia allowed UN inspectors into the site."),
        ("AGREE", "The European Union pledged $100 million in humanitarian aid."),
        ("AID", "Qatar gave Hamas $30 million."),
        ("AID", "Russia supplied weapons to the Syrian army."),
        ("AID", "Pakistan's military rescued 10 hostages from the border region."),
        ("REQUEST", "The opposition demanded the release of its leaders."),
        ("REQUEST", "Washington pressed Islamabad to act against the militants."),
        ("REQUEST", "The Arab League called on Israel to halt settlement building."),
        ("REQUEST", "The UN Secretary-General appealed to both sides to respect the ceasefire."),
        ("ACCUSE", "The army accused the rebels of violating the truce."),
        ("ACCUSE", "Amnesty International denounced the executions."),
        ("ACCUSE", "Pakistan protested to India over the border firing."),
        ("ACCUSE", "The commission is investigating allegations of torture."),
        ("REJECT", "Israel rejected the UN report as biased."),
        ("REJECT", "The rebels refused to lay down their arms."),
        ("REJECT", "Hamas dismissed the proposal."),
        ("REJECT", "The government denied the accusations."),
        ("REJECT", "The president vetoed the bill."),
        ("THREATEN", "Iran threatened to close the Strait of Hormuz."),
        ("THREATEN", "The rebels warned that they would attack the capital."),
        ("THREATEN", "Israel threatened military action against Hezbollah."),
        ("THREATEN", "The court issued an arrest warrant for the former president."),
        ("PROTEST", "Thousands marched through the capital to protest the killings."),
        ("PROTEST", "Truck drivers blocked the main highway for hours."),
        ("PROTEST", "Students boycotted classes in protest."),
        ("PROTEST", "Hundreds of people demonstrated outside the US embassy."),
        ("SANCTION", "The United States imposed an arms embargo on Sudan."),
        ("SANCTION", "The EU froze the assets of ten officials."),
        ("SANCTION", "Nigeria suspended Niger's membership of the bloc."),
        ("SANCTION", "Kuwait expelled the Iraqi ambassador."),
        ("MOBILIZE", "North Korea put its troops on high alert."),
        ("MOBILIZE", "Turkey massed tanks on the Syrian border."),
        ("MOBILIZE", "The army reinforced its positions near the border."),
        ("COERCE", "Police raided the offices of the newspaper."),
        ("COERCE", "The authorities closed down the opposition radio station."),
        ("COERCE", "The junta dissolved parliament."),
        ("COERCE", "Israel demolished the homes of three militants."),
        ("COERCE", "Authorities cut off electricity to the rebel-held town."),
        ("ASSAULT", "Government troops opened fire on the demonstrators."),
        ("ASSAULT", "A car bomb exploded near the ministry, killing 12."),
        ("ASSAULT", "Unidentified gunmen killed a journalist in Mogadishu."),
        ("ASSAULT", "Rebels attacked a military base in the north."),
        ("ASSAULT", "Israeli aircraft struck targets in southern Lebanon."),
        ("ASSAULT", "Fierce fighting erupted between the army and the rebels."),
        ("ASSAULT", "Both armies violated the ceasefire on Sunday."),
        ("ASSAULT", "The gunmen took 30 passengers hostage."),
        ("ASSAULT", "Gunmen held the workers hostage for a week."),
        ("AID", "Bangladesh sent 800 peacekeepers to Sierra Leone."),
        ("AID", "The UN deployed peacekeeping troops in the region."),
        ("MOBILIZE", "The government sent 5,000 troops to the border."),
        ("ASSAULT", "Militias carried out ethnic cleansing in the province."),
        ("MOBILIZE", "Iran held large-scale military exercises in the Gulf."),
        ("COOPERATE", "Russia and China held joint naval exercises."),
        ("MOBILIZE", "The army conducted drills near the border."),
        ("REJECT", "The rebels refused to meet the mediator."),
        ("REJECT", "The government turned down a request for more funding."),
        ("REQUEST", "The opposition called for early elections."),
        ("REQUEST", "The families demanded information about their missing relatives."),
        ("ACCUSE", "Human rights groups complained about the treatment of prisoners."),
        ("ACCUSE", "The government sued the newspaper for libel."),
        ("ACCUSE", "Police charged three men with murder."),
        ("ACCUSE", "The United States blamed North Korea for the cyberattack."),
        ("SANCTION", "The Arab League suspended Syria's membership."),
        ("SANCTION", "Britain cut aid to Rwanda."),
        ("SANCTION", "Washington imposed new sanctions on Iranian banks."),
        ("SANCTION", "The government broke off talks with the rebels."),
        ("COERCE", "Authorities imposed martial law in the region."),
        ("COERCE", "The government expelled foreign journalists."),
        ("COERCE", "Police confiscated the passports of the activists."),
        ("COERCE", "The government blocked access to social media sites."),
        ("ASSAULT", "Terrorists hijacked a plane carrying 150 passengers."),
        ("ASSAULT", "Soldiers beat up the detainees."),
        ("ASSAULT", "The army shelled rebel positions with heavy artillery."),
        ("ASSAULT", "A roadside bomb killed three soldiers."),
        ("ASSAULT", "Warplanes pounded the city for a third day."),
        ("ASSAULT", "The rebels shot down a military helicopter."),
        ("PROTEST", "Lawyers staged a walkout in protest at the ruling."),
        ("PROTEST", "Residents took to the streets to protest the water shortage."),
        ("PROTEST", "Supporters of the cleric held a rally in Baghdad."),
        ("AID", "The UN airlifted food to the besieged city."),
        ("AID", "Japan extended a loan of $500 million to Indonesia."),
        ("AID", "The navy rescued 200 migrants at sea."),
        ("AGREE", "The two countries signed a trade agreement and agreed to exchange intelligence."),
        ("SUPPORT", "Washington recognized the new government in Kabul."),
        ("SUPPORT", "The EU welcomed the release of the journalists."),
        ("CONSULT", "The prime minister spoke by telephone with the Turkish president."),
        ("CONSULT", "Delegations from both sides held a meeting in Oslo."),
        ("CONCEDE", "The junta granted amnesty to political prisoners."),
        ("RETREAT", "The rebels freed two kidnapped aid workers."),
        ("THREATEN", "The United States threatened to impose sanctions on Turkey."),
        ("THREATEN", "China warned Taiwan against declaring independence."),
        ("AGREE", "The two leaders agreed to meet next month."),
        ("AGREE", "The government offered to hold talks with the rebels."),
        ("REJECT", "Israel on Tuesday rejected a US proposal to freeze settlement construction, officials said."),
        ("AID", "The Red Cross said it had delivered food to 10,000 refugees who fled the fighting."),
        ("COERCE", "Police arrested 50 people after clashes erupted during a protest over fuel prices."),
        ("AGREE", "The foreign ministers agreed on Monday to impose sanctions on Iran."),
        ("ACCUSE", "Iraq accused Kuwait of stealing its oil and threatened military action."),
        ("ASSAULT", "The army said it killed 20 rebels in fighting near the border."),
        ("CONSULT", "The president met the opposition leader to discuss the crisis."),
        ("RETREAT", "Rebels released 20 hostages on Sunday after talks with government negotiators."),
        ("THREATEN", "Turkey warned Syria on Monday that it would retaliate if attacked."),
        (
            "ACCUSE",
            "The UN Security Council condemned the coup and demanded the restoration of the elected government.",
        ),
        ("PROTEST", "Thousands of workers went on strike on Monday demanding higher wages."),
        ("REQUEST", "China urged the United States to stop arms sales to Taiwan."),
        ("AGREE", "Japan announced it would provide $1 billion in aid to Indonesia."),
        ("AID", "Japan provided $1 billion in aid to Indonesia last year."),
        ("REJECT", "Pakistan denied that its troops had crossed into Afghanistan."),
        ("SUPPORT", "Iran's supreme leader praised the protesters for their courage."),
        ("CONCEDE", "The European Union lifted its arms embargo on Libya."),
        ("COERCE", "Authorities imposed a curfew after riots broke out in the city."),
        ("SANCTION", "India expelled a Pakistani diplomat for spying."),
        ("COERCE", "The government deported hundreds of migrants."),
        ("AGREE", "The Vatican offered to mediate in the dispute."),
        ("ASSAULT", "NATO warplanes bombed Serbian positions overnight."),
        ("REJECT", "The rebels said they would not lay down their arms until their demands were met."),
        ("MOBILIZE", "Iraq moved two divisions to the Kuwaiti border, US officials said."),
        ("SANCTION", "The United States cut off economic aid to Pakistan after the nuclear tests."),
        ("ACCUSE", "The opposition charged that the election had been rigged."),
        ("REQUEST", "The Palestinians asked the Security Council to send observers to the West Bank."),
        ("THREATEN", "Hamas vowed to avenge the killing of its leader."),
        ("ASSAULT", "Palestinian gunmen ambushed an Israeli patrol, wounding two soldiers."),
        (
            "COOPERATE",
            "Germany and France agreed to share intelligence and signed an extradition treaty last year; "
            "on Monday Germany extradited two suspects to France.",
        ),
    ],
)
def test_cameo_style_constructions(pipeline, event_type, text):
    """Light verbs and clauses: "opened fire", "cut off electricity", "pressed X to act", "warned that they would
    attack", "apologised for the killing", "declared a ceasefire", "allowed inspectors in", an arrest warrant;
    and the manual's own rules (a promise of aid or of a release is AGREE)."""
    event = main_event(pipeline, text)
    assert event is not None and event.type == event_type, event and (event.type, event.mode, event.trigger.text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister told a news conference in Kabul that the economy was growing.",
        "Prices rocketed after the election.",
        "The Israeli settlements in the West Bank are home to 400,000 people.",
        "He received an award from the university.",
    ],
)
def test_words_in_their_other_senses_are_not_events(pipeline, text):
    """ "news conference", "prices rocketed", "Israeli settlements", "received an award": no event."""
    assert pipeline(Article(text=text)).events == []


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Prisoners began a hunger strike on Monday.", "hunger"),
        ("Workers went on strike to demand higher wages.", "strike"),
        ("A suicide bomber blew himself up at a checkpoint.", "suicide-attack"),
        ("Two militants detonated explosives, killing themselves near the station.", "suicide-attack"),
        ("China sent warships to the disputed islands.", "weapons"),
        ("The rebels handed over their weapons to peacekeepers.", "disarm"),
        ("Britain recalled its ambassador from Tehran.", "withdraw"),
    ],
)
def test_modes_drawn_from_the_construction(pipeline, text, mode):
    event = main_event(pipeline, text)
    assert event is not None and event.mode == mode, event and (event.type, event.mode, event.trigger.text)


def test_an_air_strike_is_not_a_labour_strike(pipeline):
    event = main_event(pipeline, "Israeli jets carried out an air strike on Gaza.")
    assert event is not None and (event.type, event.mode) == ("ASSAULT", "aerial")


def test_torched_cars_are_not_car_bombs(pipeline):
    """ "car" names a weapon only as a compound ("car bomb")."""
    events = pipeline(Article(text="Rioters torched cars and looted shops in the city centre.")).events
    assert events and all(e.mode != "explosives" for e in events)
    assert {e.type for e in events} == {"PROTEST"}  # a violent riot, in PLOVER's terms


def test_a_participle_describing_a_thing_is_not_an_event(pipeline):
    """ "banned munitions", "armed men": the participle describes; the drop is the event."""
    events = pipeline(Article(text="Banned chlorine munitions were dropped on a Tunisian city in October.")).events
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "unconventional")]


def test_lemmatiser_slips_are_corrected(pipeline):
    """The English model lemmatises "raped" as "rap"; the lexicon's verb_forms put it right."""
    event = main_event(pipeline, "Four men raped a woman in Delhi, police said.")
    assert event is not None and (event.type, event.mode) == ("ASSAULT", "sexual")


def test_a_request_outranks_what_it_asks_for(pipeline):
    event = main_event(pipeline, "Iraq asked Turkey to withdraw its troops.")
    assert event is not None and event.type == "REQUEST"


def test_an_attempt_is_not_a_request(pipeline):
    event = main_event(pipeline, "The militants sought to capture the town of Tal Afar.")
    assert event is not None and event.type == "ASSAULT"


def test_every_lexicon_preposition_is_a_word():
    """YAML 1.1 reads a bare on/off as a boolean; every preposition in the shipped lexicon is a string."""
    lexicon = TriggerLexicon.load()
    preps = [p for table in (lexicon.verbs, lexicon.nouns) for sense in table.values() for p in sense.requires_prep]
    assert preps and all(isinstance(p, str) for p in preps)
    assert "on" in lexicon.verbs["call"].requires_prep


def test_an_unquoted_boolean_preposition_is_refused():
    text = "types:\n  REQUEST:\n    verbs:\n      call: {requires_prep: [for, on]}\n"
    with pytest.raises(DataError, match="quote its prepositions"):
        TriggerLexicon.from_text(text)


def test_a_refusal_is_an_asserted_rejection(pipeline):
    """ "will not withdraw": CAMEO's "refuse to yield" is a REJECT the text asserts."""
    event = main_event(pipeline, "Israel will not withdraw from the Golan Heights, the prime minister said.")
    assert event is not None and (event.type, event.factuality) == ("REJECT", "asserted")

//! How an event's words, figures, times and places are read, through the whole pipeline:
//! collapses and the people they trap, bans and hearings; what is left of a count, a part of a
//! count, a figure's source; one article at odds with itself.

mod common;

use common::{flags, one_flag_between, run_articles as run, sides_of};

use crosscheck::{Article, Kind, Pipeline, Report};

fn predicates(r: &Report, article: &str) -> Vec<String> {
    r.claims
        .iter()
        .filter(|c| c.kind == "event" && c.article == article)
        .map(|c| c.predicate.clone())
        .collect()
}

#[test]
fn collapses_traps_bans_and_hearings_are_events() {
    let r = run(&[
        (
            "a",
            "2026-03-11",
            "A tunnel collapsed at the Ridgeview mine on Tuesday afternoon. Nineteen miners were \
             trapped underground.",
        ),
        (
            "b",
            "2026-06-18",
            "The tribunal banned the cyclist for three years after a hearing in Lausanne on June 9.",
        ),
    ]);
    let a = predicates(&r, "a");
    assert!(
        a.contains(&"collapse".into()) && a.contains(&"trap".into()),
        "{a:?}"
    );
    let b = predicates(&r, "b");
    assert!(
        b.contains(&"ban".into()) && b.contains(&"hear".into()),
        "{b:?}"
    );
}

#[test]
fn a_noun_in_ing_after_be_is_a_verb_not_the_event() {
    // "has been hearing the dispute" is no hearing, and must not take the talks' Friday.
    let r = run(&[(
        "a",
        "2026-05-18",
        "Talks between the two chief executives are set for Friday in Geneva, where an \
         arbitration tribunal has been hearing the dispute since March.",
    )]);
    assert!(
        !predicates(&r, "a").contains(&"hear".into()),
        "{:#?}",
        r.claims
    );
}

#[test]
fn what_is_left_of_a_count_is_not_the_count() {
    // "20 miners still trapped" is a snapshot of the rescue, not another figure for the 34.
    let r = run(&[
        (
            "a",
            "2026-03-11",
            "Rescuers worked through the night to reach 20 miners still trapped after a tunnel \
             collapsed at the Ridgeview mine on Tuesday.",
        ),
        (
            "b",
            "2026-03-11",
            "Thirty-four miners were trapped when a tunnel collapsed at the Ridgeview mine on \
             Tuesday.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        flags(&r, Kind::Quantity)
    );
}

#[test]
fn a_part_and_the_source_of_a_figure_do_not_hide_a_conflict() {
    // "Twenty-eight of the 34" is a part of the count; "Ridgeview Gold said 43" gives the
    // figure's source, not whose figure it is. 34 against 43 is the conflict.
    let r = run(&[
        (
            "a",
            "2026-03-12",
            "Twenty-eight of the 34 workers trapped when a tunnel roof collapsed on March 10 were \
             brought out alive.",
        ),
        (
            "b",
            "2026-03-11",
            "Ridgeview Gold said 43 miners were trapped when the roof of a tunnel collapsed \
             yesterday afternoon.",
        ),
    ]);
    let q = flags(&r, Kind::Quantity);
    assert_eq!(q.len(), 1, "{q:#?}");
    let mut values: Vec<&str> = q[0].sides.iter().map(|s| s.value.as_str()).collect();
    values.sort();
    assert_eq!(values, ["34", "43"], "{q:#?}");
}

#[test]
fn one_article_at_odds_with_itself_over_a_place_is_not_flagged() {
    // The place of "a medal in Los Angeles" belongs to the relative clause, not the ruling.
    let r = run(&[
        (
            "a",
            "2026-06-19",
            "Ana Silva, one of Portugal's brightest hopes for the 2028 Olympics, was banned for \
             four years yesterday after the Court of Arbitration for Sport in Geneva upheld a \
             doping charge against her. The ruling is a blow to Portugal's team, which had \
             counted on Silva for a medal in Los Angeles.",
        ),
        (
            "b",
            "2026-06-19",
            "Ana Silva was banned for four years on Thursday, the Court of Arbitration for Sport \
             said.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Where).is_empty(),
        "{:#?}",
        flags(&r, Kind::Where)
    );
}

#[test]
fn a_trigger_of_two_words_is_found() {
    // "gave way" (quoted in rules/events.rules) is a collapse, dated like "collapsed".
    let r = run(&[
        (
            "a",
            "2026-03-04",
            "Two people were killed when a footbridge gave way in Porto on Monday, officials said.",
        ),
        (
            "b",
            "2026-03-04",
            "Two people died when a footbridge collapsed in Porto on Tuesday, officials said.",
        ),
    ]);
    assert!(
        predicates(&r, "a").contains(&"collapse".into()),
        "{:#?}",
        r.claims
    );
    let when = flags(&r, Kind::When);
    assert_eq!(when.len(), 1, "{when:#?}");
    assert_eq!(when[0].about, "collapse — Porto");
}

#[test]
fn releases_kidnappings_spills_and_groundings_are_events() {
    let r = run(&[
        (
            "a",
            "2026-09-16",
            "Two engineers kidnapped in March were freed on Tuesday and handed over to diplomats.",
        ),
        (
            "b",
            "2026-10-18",
            "The tanker ran aground on Saturday and spilled about 2,400 tonnes of crude.",
        ),
    ]);
    let a = predicates(&r, "a");
    assert!(
        a.contains(&"release".into()) && a.contains(&"kidnap".into()),
        "{a:?}"
    );
    let b = predicates(&r, "b");
    assert!(
        b.contains(&"crash".into()) && b.contains(&"spill".into()),
        "{b:?}"
    );
}

#[test]
fn since_a_day_is_not_the_day_of_the_event() {
    // "since Monday" dates the pumping, a state that began then, not the spill.
    let r = run(&[
        (
            "a",
            "2026-10-17",
            "The tanker went aground on Saturday and spilled some 2,400 tonnes of crude on \
             Saturday, the coast guard said.",
        ),
        (
            "b",
            "2026-10-20",
            "The tanker ran aground in a gale early on Saturday. The coast guard has kept its \
             estimate of the spill at about 2,400 tonnes, and said on Tuesday that salvors had \
             pumped roughly 9,000 tonnes from the ship's intact tanks since Monday.",
        ),
    ]);
    assert!(
        flags(&r, Kind::When).is_empty(),
        "{:#?}",
        flags(&r, Kind::When)
    );
}

#[test]
fn a_participle_opening_a_headline_before_its_noun_is_an_adjective() {
    // "Freed nurse back in Spain": no release placed in Spain.
    let r = run(&[
        (
            "a",
            "2026-09-16",
            "Freed nurse Arriaga back in Spain: \"What kept me going was my family\"\n\nThe nurse \
             landed at an air base outside Madrid on Wednesday afternoon.",
        ),
        (
            "b",
            "2026-09-15",
            "A Norwegian and a Spanish aid worker who were kidnapped in western Niger in March \
             were freed on Tuesday and handed over to their countries' diplomats in Niamey.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Where).is_empty(),
        "{:#?}",
        flags(&r, Kind::Where)
    );
}

#[test]
fn state_is_not_a_verb_of_saying() {
    // "state media", "the 2027 state budget": a noun; "stated" still reports.
    let r = run(&[(
        "a",
        "2026-12-09",
        "Lawmakers approved the 2027 state budget on Wednesday, state media reported.",
    )]);
    let texts: Vec<&str> = r
        .claims
        .iter()
        .filter(|c| c.predicate == "say")
        .map(|c| c.text.as_str())
        .collect();
    assert!(!texts.iter().any(|t| t.contains("state")), "{texts:?}");
}

#[test]
fn a_day_after_puts_the_clause_on_another_day() {
    // The handover was on Tuesday, "a day after" it the nurse landed on Wednesday: the places of
    // the handover (Agadez against Niamey) are then one event's.
    let r = run(&[
        (
            "a",
            "2026-09-16",
            "The nurse landed outside Madrid on Wednesday afternoon, a day after he and his \
             colleague were handed over to diplomats in Agadez.",
        ),
        (
            "b",
            "2026-09-15",
            "The two aid workers were freed on Tuesday and handed over to diplomats in Niamey.",
        ),
    ]);
    let w = flags(&r, Kind::Where);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].about.starts_with("release"), "{w:#?}");
}

#[test]
fn vote_tallies_compare_side_by_side() {
    // 79 for against 76 for is the conflict; 62 against agrees everywhere.
    let r = run(&[
        (
            "a",
            "2026-12-09",
            "Lawmakers approved the state budget on Wednesday, voting 79 to 62 for the plan.",
        ),
        (
            "b",
            "2026-12-09",
            "The National Council approved the budget bill on Wednesday by 76 votes to 62, with \
             six abstentions.",
        ),
        (
            "c",
            "2026-12-09",
            "The parliament passed the budget on Wednesday by a vote of 79-62.",
        ),
    ]);
    let q = flags(&r, Kind::Quantity);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(q[0].about.ends_with("(votes for)"), "{q:#?}");
    let sides: Vec<(&str, Vec<String>)> = q[0]
        .sides
        .iter()
        .map(|s| (s.value.as_str(), s.articles.clone()))
        .collect();
    assert_eq!(
        sides,
        [
            ("79", vec!["a".to_string(), "c".to_string()]),
            ("76", vec!["b".to_string()])
        ]
    );
}

#[test]
fn scores_and_ranges_are_not_tallies() {
    let r = run(&[
        (
            "a",
            "2026-07-12",
            "Harbour City won the final 3-1 on Sunday, and ticket prices rose from 10 to 12 euros.",
        ),
        (
            "b",
            "2026-07-12",
            "The committee voted on Sunday; turnout among members rose from 10 to 62.",
        ),
    ]);
    let votes = r
        .claims
        .iter()
        .flat_map(|c| &c.quantities)
        .filter(|q| q.unit.as_deref().is_some_and(|u| u.starts_with("votes ")))
        .count();
    assert_eq!(votes, 0, "{:#?}", r.claims);
}

#[test]
fn the_same_act_on_the_same_thing_on_two_days_conflicts() {
    // One council (one participant), one act, one object: a council adopts its zoning plan once.
    let r = run(&[
        (
            "a",
            "2026-09-17",
            "The city council adopted the new zoning plan on Wednesday after a long debate.",
        ),
        (
            "b",
            "2026-09-17",
            "The city council adopted the new zoning plan on Tuesday, officials said.",
        ),
        (
            "c",
            "2026-09-18",
            "The city council adopted the new zoning plan on Wednesday evening.",
        ),
    ]);
    let when = flags(&r, Kind::When);
    assert_eq!(when.len(), 1, "{:#?}", r.discrepancies);
    assert!(
        when[0].sides.iter().any(|s| s.articles == ["b"]),
        "{:#?}",
        when[0]
    );
}

#[test]
fn after_a_noun_and_a_time_is_a_circumstance_not_a_clause() {
    // "after heavy rain on Wednesday": the collapse's day, not another event's.
    let r = run(&[
        (
            "a",
            "2026-04-16",
            "A tunnel at the Kestrel copper mine gave way after heavy rain on Wednesday \
             afternoon, trapping nine workers.",
        ),
        (
            "b",
            "2026-04-16",
            "Nine workers were trapped on Tuesday when part of a tunnel collapsed at Kestrel.",
        ),
    ]);
    assert_eq!(flags(&r, Kind::When).len(), 1, "{:#?}", r.discrepancies);
    // With a verb after it, "after" opens a clause whose time is its own.
    let r = run(&[
        (
            "a",
            "2026-04-16",
            "A tunnel at the Kestrel copper mine gave way after engineers noticed cracks \
             on Wednesday.",
        ),
        (
            "b",
            "2026-04-16",
            "Part of a tunnel collapsed at Kestrel on Thursday.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_break_in_is_a_theft_known_by_its_victim() {
    // "broke into" is a theft, not a dam that broke; one shop is robbed once.
    let r = run(&[
        (
            "a",
            "2026-02-14",
            "Armed men broke into the Maison Vernet jewellery shop in Lyon early on Friday and \
             made off with 40 watches.",
        ),
        (
            "b",
            "2026-02-14",
            "Police in Lyon are hunting three men who robbed the Maison Vernet jewellery shop on \
             Thursday.",
        ),
    ]);
    assert!(
        predicates(&r, "a").contains(&"steal".into()),
        "{:?}",
        predicates(&r, "a")
    );
    assert_eq!(flags(&r, Kind::When).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn an_event_called_off_did_not_happen_that_day() {
    let r = run(&[
        (
            "a",
            "2026-03-03",
            "The launch of the Meridian probe in Kourou, French Guiana, was called off on \
             Monday because of high winds.",
        ),
        (
            "b",
            "2026-03-05",
            "The Meridian probe was launched in Kourou, French Guiana, on Wednesday after a \
             two-day delay.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_time_right_after_the_verb_beats_one_far_before_it() {
    // "spent Tuesday questioning staff at the shop that thieves robbed early yesterday": the
    // robbery was on Monday.
    let r = run(&[
        (
            "a",
            "2026-02-17",
            "Detectives spent Tuesday questioning staff at the Maison Vernet shop, which thieves \
             robbed early yesterday.",
        ),
        (
            "b",
            "2026-02-17",
            "Thieves robbed the Maison Vernet shop in Lyon on Monday, police said.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_year_before_a_noun_names_the_thing_not_the_time() {
    let r = run(&[(
        "a",
        "2026-12-10",
        "A year ago the council passed the 2026 budget by 30 votes to 12.",
    )]);
    let when: Vec<_> = r
        .claims
        .iter()
        .filter_map(|c| c.when.as_ref().map(|w| w.text.clone()))
        .collect();
    assert!(
        !when.is_empty() && when.iter().all(|w| w == "A year ago"),
        "{when:?}"
    );
}

#[test]
fn one_items_share_is_not_the_total() {
    // "value the ring alone at €2 million" against the whole haul's €9 million.
    let r = run(&[
        (
            "a",
            "2026-02-14",
            "Thieves stole jewels valued at about €9 million from the Maison Vernet shop in Lyon \
             on Friday.",
        ),
        (
            "b",
            "2026-02-14",
            "Armed men broke into the Maison Vernet shop in Lyon on Friday. Dealers value the \
             stolen tiara alone at about €2 million.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
}

#[test]
fn a_visit_to_the_same_site_on_two_days_conflicts() {
    // "the crash site" names a place, not a crash; one minister tours it once.
    let r = run(&[
        (
            "a",
            "2026-03-21",
            "Interior Minister Elena Marsh visited the crash site on Friday, walking past the \
             wreckage with firefighters.",
        ),
        (
            "b",
            "2026-03-22",
            "Elena Marsh, the interior minister, who toured the crash site on Saturday, promised \
             a full inquiry.",
        ),
    ]);
    let when = flags(&r, Kind::When);
    assert_eq!(when.len(), 1, "{:#?}", r.discrepancies);
    assert!(when[0].about.starts_with("visit"), "{:#?}", when[0]);
    assert!(
        !predicates(&r, "a").contains(&"crash".into()),
        "a crash site is no crash: {:?}",
        predicates(&r, "a")
    );
    assert!(
        !predicates(&r, "a").contains(&"strike-work".into()),
        "walking past is no walkout: {:?}",
        predicates(&r, "a")
    );
}

#[test]
fn one_article_telling_of_two_days_is_no_side() {
    // A tourist's death on Monday and the heatwave's toll on Tuesday, in one article.
    let r = run(&[
        (
            "a",
            "2026-07-14",
            "A heatwave that has killed at least 14 people tightened its grip on Greece on \
             Tuesday. On Monday, a 68-year-old tourist died after collapsing on a hiking trail on \
             Crete, police said.",
        ),
        (
            "b",
            "2026-07-15",
            "Greece's heatwave had killed 14 people by Tuesday, the health ministry said.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_time_in_a_since_clause_is_not_the_events() {
    // "since it began on Friday": when the count started, not the day of the deaths.
    let r = run(&[(
        "a",
        "2026-07-14",
        "The heatwave has killed 14 people since it began on Friday, officials said.",
    )]);
    let dated: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.predicate == "kill")
        .filter_map(|c| c.when.as_ref().map(|w| w.text.clone()))
        .collect();
    assert!(dated.is_empty(), "{dated:?}");
}

#[test]
fn one_thing_two_sums_of_money() {
    // "a €40 million contract" against "the contract, worth €14 million"; the same sum in
    // another currency, a sum for each item and a sum of another year are not compared.
    let r = run(&[
        (
            "a",
            "2026-05-04",
            "Rail operator Nordbahn signed a €40 million contract for 12 trams with a Polish \
             maker on Monday. Each tram costs about €3.3 million.",
        ),
        (
            "b",
            "2026-05-05",
            "Nordbahn's €40 million contract, worth about $47 million, is its largest yet. In \
             2019 it signed a €90 million contract for buses.",
        ),
        (
            "c",
            "2026-05-05",
            "The contract, worth €14 million, covers 12 trams to be delivered from 2028.",
        ),
    ]);
    let q: Vec<_> = flags(&r, Kind::Quantity);
    assert_eq!(q.len(), 1, "{:#?}", r.discrepancies);
    assert!(q[0].about.contains("contract"), "{:#?}", q[0]);
    let values: Vec<&str> = q[0].sides.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(values, ["€40 million", "€14 million"], "{:#?}", q[0]);
}

#[test]
fn a_market_close_and_a_step_are_not_levels() {
    // A share price at Friday's close against Monday's; "wiped €900 million off" its value
    // against the value itself.
    let r = run(&[
        (
            "a",
            "2026-09-21",
            "The shares closed at €47.72 on Friday, giving the company a market value of about \
             €7.8 billion.",
        ),
        (
            "b",
            "2026-09-22",
            "The stock closed down 11.6% at €42.18 after the board's announcement. The slide \
             wiped about €900 million off the company's market value.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
    assert!(
        predicates(&r, "a").contains(&"trade".into()),
        "{:?}",
        predicates(&r, "a")
    );
}

#[test]
fn a_sum_of_a_thing_after_of() {
    let r = run(&[
        (
            "a",
            "2026-03-09",
            "The gang demanded a ransom of $5.4 million in bitcoin from the hospital operator.",
        ),
        (
            "b",
            "2026-03-09",
            "It threatened to publish patient files unless a ransom of $4.5 million is paid by \
             Wednesday.",
        ),
    ]);
    let q = flags(&r, Kind::Quantity);
    assert_eq!(q.len(), 1, "{:#?}", r.discrepancies);
    assert!(q[0].about.contains("ransom"), "{:#?}", q[0]);
}

#[test]
fn the_end_of_a_lasting_event_is_not_its_day() {
    // The time after "until" or "ended" bounds the strike; it does not date it.
    let p = Pipeline::new();
    for text in [
        "The union said the strike would continue until midnight on Wednesday regardless.",
        "The Taunair strike ended as scheduled at midnight on Wednesday.",
        "The Taunair strike began at midnight on Tuesday.",
    ] {
        let a = Article::new("a", text).with_published("2026-09-23".parse().expect("date"));
        let ex = p.extract(0, &a);
        let strike = ex
            .events
            .iter()
            .find(|e| p.rules().predicates[e.class].name == "strike-work")
            .expect("a strike claim");
        let bound = strike.when.as_ref().is_some_and(|w| w.since);
        assert_eq!(bound, !text.contains("began"), "{text}: {:?}", strike.when);
    }
}

#[test]
fn an_eruption_is_an_event_dated_once() {
    let r = run(&[
        (
            "a",
            "2026-03-15",
            "The Hekla volcano erupted shortly after 2 a.m. on Sunday, forcing farmers to leave.",
        ),
        (
            "b",
            "2026-03-17",
            "Hekla erupted on Saturday afternoon, sending ash high over southern Iceland.",
        ),
    ]);
    assert!(
        predicates(&r, "a").contains(&"erupt".into()),
        "{:?}",
        predicates(&r, "a")
    );
    assert_eq!(flags(&r, Kind::When).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn one_owners_site_in_two_places() {
    // "its Wigan plant" against "the company's plant in Bolton": one plant, two towns. The
    // headquarters in a city and in its country agree; an article naming two plants of the
    // company tells of two plants; "a plant in Preston" and "its plants" name no one site.
    let r = run(&[
        (
            "a",
            "2026-04-14",
            "Kestrel Foods recalled 40,000 jars of baby food on Monday after glass was found in \
             jars filled at its Wigan plant. Kestrel said at its headquarters in Manchester \
             that no child had been hurt.",
        ),
        (
            "b",
            "2026-04-14",
            "Kestrel Foods recalled 40,000 jars of baby food on Monday. The jars were filled at \
             the company's plant in Bolton, an inspector said. A plant in Preston makes the \
             lids. The company's headquarters in England is also its main warehouse.",
        ),
        (
            "c",
            "2026-04-15",
            "Kestrel Foods, which recalled 40,000 jars on Monday, said its plant in Wigan had \
             been closed for cleaning. Production moved to its plant in Preston. All its plants \
             are in England, and its headquarters in Manchester employs 300 people.",
        ),
    ]);
    let w: Vec<_> = r
        .discrepancies
        .iter()
        .filter(|d| d.kind == Kind::Where)
        .collect();
    assert_eq!(w.len(), 1, "{:#?}", r.discrepancies);
    assert!(w[0].about.contains("plant"), "{:#?}", w[0]);
    let sides = sides_of(w[0]);
    assert_eq!(
        sides,
        [("Wigan", vec!["a", "c"]), ("Bolton", vec!["b"])],
        "{sides:#?}"
    );
}

#[test]
fn one_sum_on_two_days_is_one_act_misdated() {
    // The regulator fined the company the same sum (38.6 million, about 39 million) on Tuesday
    // and on Monday: one fine, two days. Its several trigger words ("fined ... penalty") still
    // make a plain statement.
    let r = run(&[
        (
            "a",
            "2026-05-20",
            "Spain's competition watchdog yesterday fined Entradix 38.6 million euros, the \
             heaviest penalty in the sector.",
        ),
        (
            "b",
            "2026-05-20",
            "Entradix said it would appeal after Spain's watchdog announced a fine of about €39 \
             million on Monday.",
        ),
    ]);
    one_flag_between(&r, Kind::When, "yesterday", "on Monday");
}

#[test]
fn a_verb_form_after_a_determiner_is_no_event() {
    // "the burns unit" names no fire; "burns" after an adjective still may.
    let r = run(&[(
        "a",
        "2026-04-15",
        "Nine workers were flown to the burns unit at the regional hospital on Tuesday.",
    )]);
    let a = predicates(&r, "a");
    assert!(!a.contains(&"fire".into()), "{a:?}");
}

#[test]
fn a_time_and_place_right_after_said_are_the_sayings() {
    // "..., the minister said in Santiago on Friday": Santiago and Friday are the saying's, so
    // the same minister speaking in Valparaíso that Friday is one saying in two places.
    let r = run(&[
        (
            "a",
            "2026-06-13",
            "Police arrested 213 people after Thursday's march, Interior Minister Claudia \
             Irarrazaval said in Santiago on Friday.",
        ),
        (
            "b",
            "2026-06-13",
            "Speaking in Valparaíso yesterday, Interior Minister Claudia Irarrázaval said the \
             law would stay.",
        ),
    ]);
    one_flag_between(&r, Kind::Where, "Santiago", "Valparaíso");
}

#[test]
fn a_bodys_meeting_on_one_day_is_one_meeting() {
    // The board met once on Sunday: in Stuttgart with the dismissed chief executive named, in
    // Frankfurt without. "The board" opening a sentence has no owner called "The".
    let r = run(&[
        (
            "a",
            "2026-03-09",
            "The supervisory board removed Anna Berg, the chief executive, at a meeting in \
             Stuttgart on Sunday.",
        ),
        (
            "b",
            "2026-03-09",
            "The board voted to dismiss the 58-year-old at an emergency meeting in Frankfurt on \
             Sunday.",
        ),
    ]);
    one_flag_between(&r, Kind::Where, "Stuttgart", "Frankfurt");
}

#[test]
fn a_storm_coming_ashore_is_an_event_with_a_place() {
    // Landfall near two towns; "Typhoon Haixin" is a storm, not a person.
    let r = run(&[
        (
            "a",
            "2026-09-16",
            "Typhoon Haixin made landfall near the coastal city of Quy Nhon at around 4 a.m. on \
             Wednesday.",
        ),
        (
            "b",
            "2026-09-17",
            "The typhoon came ashore near Tuy Hoa in the early hours of Wednesday.",
        ),
    ]);
    let w = flags(&r, Kind::Where);
    assert_eq!(w.len(), 1, "{:#?}", r.discrepancies);
    assert!(predicates(&r, "a").contains(&"landfall".into()));
    assert!(
        !r.entities
            .iter()
            .any(|e| e.kind == "person" && e.name.contains("Haixin")),
        "{:#?}",
        r.entities
    );
}

#[test]
fn a_part_quoted_of_two_wordings_joins_neither() {
    // b quotes only the end, which both wordings share: a and c still differ.
    let r = run(&[
        (
            "a",
            "2026-09-16",
            "\"This is the strongest storm to hit this stretch of coast in a decade, and the rain \
             that follows will be more dangerous than the wind,\" Nguyen Thi Lan Huong, director \
             of the National Centre for Hydro-Meteorological Forecasting, told a briefing.",
        ),
        (
            "b",
            "2026-09-17",
            "Nguyen Thi Lan Huong, the chief forecaster, warned that the rain \"will be more \
             dangerous than the wind\".",
        ),
        (
            "c",
            "2026-09-17",
            "\"This is the most powerful storm to strike this part of the coast in ten years, and \
             the rain that comes after it will be more dangerous than the wind,\" said Nguyen Thi \
             Lan Huong, the country's chief forecaster.",
        ),
    ]);
    let q = flags(&r, Kind::Quote);
    assert_eq!(q.len(), 1, "{:#?}", r.discrepancies);
    let arts: Vec<Vec<&str>> = q[0]
        .sides
        .iter()
        .map(|s| s.articles.iter().map(String::as_str).collect())
        .collect();
    assert!(
        arts.contains(&vec!["a"]) && arts.contains(&vec!["c"]),
        "{arts:?}"
    );
}

#[test]
fn a_consequence_in_ing_is_no_event_of_its_own() {
    // "sending eleven vehicles plunging": the figure is the collapse's.
    let r = run(&[
        (
            "a",
            "2026-04-24",
            "The bridge in Szeged collapsed on Thursday evening, sending eleven vehicles plunging \
             into the water.",
        ),
        (
            "b",
            "2026-04-24",
            "The bridge in Szeged collapsed on Thursday evening, sending seven vehicles into the \
             river.",
        ),
    ]);
    assert!(!predicates(&r, "a").contains(&"crash".into()));
    assert_eq!(flags(&r, Kind::Quantity).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn a_date_inside_an_events_noun_phrase_dates_it() {
    // "the October 3 parliamentary election": the election's date, not the Monday of the
    // sentence's main verb.
    let r = run(&[(
        "a",
        "2026-10-05",
        "Ieva Kalnina, whose Civic Compass party won the October 3 parliamentary election in \
         Latvia, spent Monday sounding out potential partners ahead of formal coalition talks due \
         to open on Tuesday.",
    )]);
    let when: Vec<String> = r
        .claims
        .iter()
        .filter(|c| c.kind == "event" && c.predicate == "vote")
        .filter_map(|c| c.when.as_ref().map(|w| w.text.clone()))
        .collect();
    assert_eq!(when, ["October 3"], "{:#?}", r.claims);
}

#[test]
fn a_year_before_an_event_noun_dates_it() {
    // "a 2014 outbreak in Lévis" is another outbreak, not this one placed elsewhere.
    let r = run(&[
        (
            "a",
            "2026-07-15",
            "SHERBROOKE, Quebec, July 15 (Laurentian Wire) — Two patients have died and 14 \
             people have fallen ill in an outbreak of Legionnaires' disease at Hôpital \
             Sainte-Famille in Sherbrooke, health officials said on Wednesday.",
        ),
        (
            "b",
            "2026-07-17",
            "The measures go further than those taken after a 2014 outbreak in Lévis, when 40 \
             people fell ill after a cooling tower on an office building was contaminated.",
        ),
    ]);
    assert!(flags(&r, Kind::Where).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_new_subject_after_and_opens_a_clause() {
    // ", and he underwent surgery in Ljubljana on Saturday": not the crash's place or day.
    let r = run(&[
        (
            "a",
            "2026-06-12",
            "The stage was marked by a crash about 40 km from the finish, on a rain-soaked \
             descent near Laško, that brought down about a dozen riders.",
        ),
        (
            "b",
            "2026-06-14",
            "Jens Maes was among about a dozen riders who crashed on a wet descent some 25 miles \
             from the line, and he underwent surgery on a broken collarbone in Ljubljana on \
             Saturday.",
        ),
    ]);
    assert!(flags(&r, Kind::Where).is_empty(), "{:#?}", r.discrepancies);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_measure_before_a_noun_and_a_final_stage_are_no_event_figures() {
    // "the 171 km stage" describes the stage, not the crash; "today's final stage" is no final.
    let r = run(&[
        (
            "a",
            "2026-06-12",
            "The 171 km stage was marked by a crash about 40 km from the finish.",
        ),
        (
            "b",
            "2026-06-13",
            "The day was overshadowed by a crash about 40 km from the finish. Kovacic goes into \
             today's final stage as the favourite.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
    assert!(!predicates(&r, "b").contains(&"match".into()));
}

#[test]
fn embezzled_sums_compare_and_a_cut_sentence_is_a_change() {
    // €4.7 million against €7.4 million embezzled over the same years; a sentence "cut to three
    // years" is a later state of the four years, not a contradiction.
    let r = run(&[
        (
            "a",
            "2026-05-13",
            "Kiril Zhelyazkov was jailed on Tuesday. The Sofia City Court found Zhelyazkov, 58, \
             guilty of embezzling €7.4m between 2019 and 2021, when he was deputy minister.",
        ),
        (
            "b",
            "2026-05-14",
            "Kiril Zhelyazkov was jailed on Tuesday. The Sofia City Court found Zhelyazkov \
             guilty of embezzling €4.7 million from a state programme to repair roads between \
             2019 and 2021. In 2014 a court in Plovdiv jailed a former minister for four years. That sentence \
             was later cut to three years on appeal.",
        ),
    ]);
    one_flag_between(&r, Kind::Quantity, "€7.4m", "€4.7 million");
}

#[test]
fn a_detection_is_an_event_dated_once() {
    let r = run(&[
        (
            "a",
            "2026-07-16",
            "An outbreak of Legionnaires' disease first detected on Saturday at the hospital has \
             infected 19 people.",
        ),
        (
            "b",
            "2026-07-15",
            "The outbreak was detected on Monday evening, when tests confirmed Legionella in two \
             patients.",
        ),
    ]);
    assert_eq!(flags(&r, Kind::When).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn a_named_site_in_two_places() {
    // The Ridgeway hospital in Wigan, and Bolton's; "Hospital Ridgeway" is the same name, and
    // "a hospital in Leeds" is no named site.
    let r = run(&[
        (
            "a",
            "2026-07-14",
            "Two patients died at the Ridgeway hospital in Wigan. A third was moved to a \
             hospital in Leeds.",
        ),
        (
            "b",
            "2026-07-14",
            "Two patients have died at Bolton's Ridgeway hospital, officials said.",
        ),
        (
            "c",
            "2026-07-15",
            "Hospital Ridgeway in Wigan closed a ward.",
        ),
    ]);
    let w: Vec<_> = flags(&r, Kind::Where)
        .into_iter()
        .filter(|d| d.about.contains("Ridgeway"))
        .collect();
    assert_eq!(w.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(w[0]);
    assert_eq!(
        sides,
        [("Wigan", vec!["a", "c"]), ("Bolton", vec!["b"])],
        "{sides:#?}"
    );
}

#[test]
fn headquarters_told_by_based() {
    // "Osaka-based Hoshimura Pharmaceutical" against "Tokyo-based Hoshimura Pharmaceutical";
    // "headquartered in Osaka" agrees; "a London-based investigator" is no one's headquarters.
    let r = run(&[
        (
            "a",
            "2026-06-08",
            "Osaka-based Hoshimura Pharmaceutical said on Monday it would buy Corvana. A \
             London-based investigator welcomed the deal.",
        ),
        (
            "b",
            "2026-06-08",
            "Tokyo-based Hoshimura Pharmaceutical agreed to acquire Corvana on Monday.",
        ),
        (
            "c",
            "2026-06-09",
            "Hoshimura Pharmaceutical, headquartered in Osaka, is paying $46.50 a share.",
        ),
    ]);
    let w: Vec<_> = flags(&r, Kind::Where);
    assert_eq!(w.len(), 1, "{:#?}", r.discrepancies);
    assert_eq!(
        sides_of(w[0]),
        [("Osaka", vec!["a", "c"]), ("Tokyo", vec!["b"])],
        "{:#?}",
        w[0]
    );
}

#[test]
fn hundredths_of_a_second_are_seconds() {
    let r = run(&[
        (
            "a",
            "2026-11-14",
            "Aino Heikkila won the slalom on Saturday, beating Zuzana Kollarova by 0.14 seconds.",
        ),
        (
            "b",
            "2026-11-15",
            "Aino Heikkila won the slalom yesterday, beating Zuzana Kollarova by fourteen \
             hundredths of a second.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
    let seconds: Vec<f64> = r
        .claims
        .iter()
        .filter(|c| c.kind == "event" && c.article == "b")
        .flat_map(|c| c.quantities.iter())
        .filter(|q| q.unit.as_deref() == Some("seconds"))
        .map(|q| q.value)
        .collect();
    assert_eq!(seconds, [0.14], "{:#?}", r.claims);
}

#[test]
fn an_offer_price_and_a_closing_price_are_two_things() {
    // The word before "price" names which price: the closing price is no offer price, and two
    // offer prices disagree.
    let r = run(&[
        (
            "a",
            "2026-06-08",
            "The offer represents a premium of 62% to Corvana's closing price of $28.70 on Friday.",
        ),
        (
            "b",
            "2026-06-09",
            "Corvana's shares rose to trade just below the offer price of $46.50 per share.",
        ),
        (
            "c",
            "2026-06-09",
            "Hoshimura will pay the offer price of $52 per share in cash.",
        ),
    ]);
    one_flag_between(&r, Kind::Quantity, "$46.50", "$52");
    let q = flags(&r, Kind::Quantity);
    assert_eq!(q[0].sides.len(), 2, "{:#?}", q[0]);
}

#[test]
fn final_before_a_noun_is_an_adjective() {
    // "the final whistle", "the final results" name no final; "the final was played" and "the
    // final in Lisbon" do.
    let r = run(&[(
        "a",
        "2026-05-24",
        "Fans stormed the pitch at the final whistle. The final results came on Monday. The final \
         was played in Porto, and the final in Lisbon is next year.",
    )]);
    let finals: Vec<&str> = r
        .claims
        .iter()
        .filter(|c| c.kind == "event" && c.predicate == "match")
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(finals, ["final, final"], "{:#?}", r.claims);
}

#[test]
fn hand_over_is_no_more_than() {
    // "will hand over 37 captive soldiers" is 37, as "will free 37 soldiers" is.
    let r = run(&[
        (
            "a",
            "2026-09-16",
            "The rebels will free 37 soldiers and police officers, and the government will release \
             120 jailed members of the group.",
        ),
        (
            "b",
            "2026-09-17",
            "The rebels will hand over 37 captive soldiers and police officers, and the \
             government will free 120 jailed members.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
}

#[test]
fn review_fixes_owner_plurals_and_particles() {
    // "Kestrel's plant in Bolton" is Kestrel Foods' plant (not a plant named "Kestrel"); "the
    // attacks" after a determiner are still attacks; "took over six hours" is more than six.
    let r = run(&[
        (
            "a",
            "2026-04-14",
            "Kestrel Foods recalled 40,000 jars on Monday. The jars were filled at its plant in \
             Wigan.",
        ),
        (
            "b",
            "2026-04-14",
            "Kestrel Foods recalled 40,000 jars on Monday. The jars came from Kestrel's plant in \
             Bolton. The attacks on its lorries killed no one. The rescue took over six hours.",
        ),
    ]);
    one_flag_between(&r, Kind::Where, "Wigan", "Bolton");
    assert!(
        predicates(&r, "b").contains(&"attack".into()),
        "{:#?}",
        r.claims
    );
    let hours: Vec<&str> = r
        .claims
        .iter()
        .flat_map(|c| c.quantities.iter())
        .filter(|q| q.unit.as_deref() == Some("hours"))
        .map(|q| q.qualifier.as_str())
        .collect();
    assert_eq!(hours, ["atleast"], "{:#?}", r.claims);
}

#[test]
fn a_changed_toll_leaves_the_day_of_the_event_it_counts() {
    // "rose to" tells of the toll, not of the collapse: the collapse's own day still conflicts.
    let r = run(&[
        (
            "a",
            "2026-05-12",
            "A hillside collapsed onto homes in Alba on Sunday, killing four people, officials said.",
        ),
        (
            "b",
            "2026-05-12",
            "The death toll from the collapse of a hillside in Alba on Monday rose to six, \
             officials said.",
        ),
        (
            "c",
            "2026-05-12",
            "A hillside collapsed onto homes in Alba on Sunday, killing four people.",
        ),
    ]);
    one_flag_between(&r, Kind::When, "on Sunday", "on Monday");
    // The day after the cue is the change's: the toll that "rose to five on Thursday" is no
    // collapse on Thursday.
    let r = run(&[
        (
            "a",
            "2026-03-13",
            "A tunnel collapsed at the Ridgeview mine on Tuesday, killing three miners.",
        ),
        (
            "b",
            "2026-03-13",
            "The death toll from the collapse at the Ridgeview mine rose to five on Thursday.",
        ),
        (
            "c",
            "2026-03-13",
            "A tunnel collapsed at the Ridgeview mine on Tuesday, killing three miners.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_verb_of_impact_tells_of_the_disaster_its_subject_names() {
    // "the landslide that struck the village before dawn on Sunday": Sunday is the
    // landslide's own day ("struck" is no earthquake here), against Monday elsewhere.
    let r = run(&[
        (
            "a",
            "2026-02-11",
            "The number of people known to have died in the landslide that struck the village of \
             Yungay before dawn on Sunday rose to 21.",
        ),
        (
            "b",
            "2026-02-11",
            "A landslide set off by days of rain buried the upper part of Yungay shortly after \
             5 a.m. on Monday, officials said.",
        ),
        (
            "c",
            "2026-02-11",
            "A landslide swallowed much of Yungay early on Monday.",
        ),
    ]);
    let f = flags(&r, Kind::When);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(f[0]);
    assert!(sides.contains(&("dawn on Sunday", vec!["a"])), "{sides:?}");
    assert!(sides.iter().any(|(_, a)| a == &vec!["b", "c"]), "{sides:?}");
    assert!(
        !predicates(&r, "a").contains(&"quake".to_string()),
        "{:?}",
        predicates(&r, "a")
    );
    // A count of victims is no event that strikes: "the toll hit 50" stays a count.
    let r = run(&[(
        "a",
        "2026-02-11",
        "The toll hit 50 on Friday when a storm flattened the town.",
    )]);
    let kill: Vec<&str> = r
        .claims
        .iter()
        .filter(|c| c.predicate == "kill")
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(kill, vec!["toll"], "{:?}", r.claims);
}

#[test]
fn homes_buried_are_counted_as_homes_or_houses() {
    let r = run(&[
        (
            "a",
            "2026-02-10",
            "The mudslide buried 73 homes in the upper part of Yungay on Monday.",
        ),
        (
            "b",
            "2026-02-10",
            "The mudslide buried 37 houses in the upper part of Yungay on Monday.",
        ),
        (
            "c",
            "2026-02-10",
            "The mudslide buried 37 homes in the upper part of Yungay on Monday.",
        ),
    ]);
    let f = flags(&r, Kind::Quantity);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(f[0]);
    assert!(sides.iter().any(|(_, a)| a == &vec!["a"]), "{sides:?}");
    assert!(sides.iter().any(|(_, a)| a == &vec!["b", "c"]), "{sides:?}");
}

#[test]
fn a_continuation_elsewhere_in_the_sentence_leaves_a_possessive_day_alone() {
    // "for a second day" is the shares' rise, not a second referendum: Saturday's referendum
    // against Sunday's is a conflict. "The franc was little changed on Monday and Tuesday, and
    // traders said the vote ...": the days are the franc's, not the vote's.
    let r = run(&[
        (
            "a",
            "2026-09-29",
            "Shares in rail makers rose for a second day on Tuesday after voters in Saturday's \
             referendum backed a national travel pass. The franc was little changed on Monday \
             and Tuesday, and traders said the vote had no effect on rates.",
        ),
        (
            "b",
            "2026-09-28",
            "The proposal won 53.4 per cent of the vote in Sunday's referendum.",
        ),
        (
            "c",
            "2026-09-28",
            "Turnout in Sunday's referendum was 49 per cent.",
        ),
    ]);
    let f = flags(&r, Kind::When);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(f[0]);
    assert!(
        sides
            .iter()
            .any(|(v, a)| v.contains("Saturday") && a == &vec!["a"]),
        "{sides:?}"
    );
}

#[test]
fn a_count_up_from_an_earlier_one_leaves_that_one_behind() {
    // "19 people, up from 14 on Wednesday": 14 is the count's earlier level, not in conflict.
    let r = run(&[
        (
            "a",
            "2026-07-15",
            "Two patients have died and 14 people have fallen ill in an outbreak of \
             Legionnaires' disease at a hospital in Sherbrooke, officials said on Wednesday.",
        ),
        (
            "b",
            "2026-07-16",
            "An outbreak of Legionnaires' disease at a hospital in Sherbrooke has now infected \
             19 people, up from 14 on Wednesday, and killed two.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
    // The new level is still compared: 1,200 against 1,500.
    let r = run(&[
        (
            "a",
            "2026-05-12",
            "Nordvik said on Monday it would cut 1,200 jobs, up from the 800 it announced in March.",
        ),
        ("b", "2026-05-12", "Nordvik said on Monday it would cut 1,500 jobs."),
    ]);
    assert_eq!(flags(&r, Kind::Quantity).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn a_race_time_is_a_figure_not_a_time_of_day() {
    let r = run(&[(
        "a",
        "2026-03-23",
        "Tigist Alemayehu won the women's race at the Seoul Marathon in a course record of \
         2:16:42, coming from behind to touch the tape first.",
    )]);
    let events: Vec<_> = r.claims.iter().filter(|c| c.kind == "event").collect();
    assert!(events.iter().all(|c| c.when.is_none()), "{events:?}");
    assert!(
        events
            .iter()
            .flat_map(|c| &c.quantities)
            .any(|q| { q.unit.as_deref() == Some("seconds") && (q.value - 8202.0).abs() < 1e-6 }),
        "{events:?}"
    );
    // "touch" alone is no landing ("touched down" is).
    assert!(
        !predicates(&r, "a").contains(&"land".to_string()),
        "{:?}",
        predicates(&r, "a")
    );
}

#[test]
fn a_gerund_after_a_clause_word_keeps_its_own_time() {
    // "after taking silver ... on Monday": Monday is the silver's, not the win's.
    let r = run(&[
        (
            "a",
            "2026-08-14",
            "Dora Szalai won the 200 metres butterfly title in Belgrade last night.",
        ),
        (
            "b",
            "2026-08-15",
            "Dora Szalai has now won two medals in Belgrade, after taking silver in the 400 \
             metres individual medley on Monday.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn what_is_left_of_a_count_in_one_report_does_not_hide_it_in_others() {
    // "The 23 injured miners were still being treated" is what is left in hospital, in that
    // report only: 23 injured elsewhere still conflicts with 32.
    let r = run(&[
        (
            "a",
            "2026-04-14",
            "A mine flooded near Chingola on Tuesday. Police said 23 miners were injured and \
             taken to hospital.",
        ),
        (
            "b",
            "2026-04-15",
            "A mine flooded near Chingola on Tuesday. In all, 32 miners were injured in the \
             accident.",
        ),
        (
            "c",
            "2026-04-15",
            "A mine flooded near Chingola on Tuesday. The 23 injured miners were still being \
             treated at the hospital.",
        ),
        (
            "d",
            "2026-04-16",
            "A mine flooded near Chingola on Tuesday. Besides the 12 dead, 23 miners were hurt.",
        ),
    ]);
    let f = flags(&r, Kind::Quantity);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(f[0]);
    assert!(sides.iter().any(|(_, a)| a == &vec!["b"]), "{sides:?}");
}

#[test]
fn a_lasting_event_dated_to_a_moment_on_two_days_is_misdated() {
    // A flood lasts, so "flooding on Monday" and "on Tuesday" may both be true; a flood at a
    // moment ("Monday afternoon", "Tuesday afternoon") is one moment told two ways. ", as
    // investors weighed ..." opens a clause: Toronto is where the shares fell, not the flood.
    let r = run(&[
        (
            "a",
            "2026-04-15",
            "Divers recovered three bodies from the copper mine near Chingola, which flooded on \
             Monday afternoon, killing 12 miners.",
        ),
        (
            "b",
            "2026-04-16",
            "Shares in Copperhill fell sharply in Toronto on Wednesday, as investors weighed the \
             cost of the flooding on Tuesday afternoon that killed 12 miners near Chingola.",
        ),
        (
            "c",
            "2026-04-15",
            "Divers recovered three bodies from the copper mine near Chingola, which flooded on \
             Tuesday afternoon, killing 12 miners.",
        ),
    ]);
    let f = flags(&r, Kind::When);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(f[0]);
    assert!(sides.iter().any(|(_, a)| a == &vec!["a"]), "{sides:?}");
    assert!(flags(&r, Kind::Where).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_fire_that_broke_out_is_dated_by_its_onset_verb() {
    let r = run(&[
        (
            "a",
            "2026-02-18",
            "BANSKO, February 18 (Danube Herald) - Candles and ski gloves lay in the snow on \
             Wednesday outside the Hotel Vihren Palace, where the blaze that broke out before \
             dawn on Monday killed eight guests and left the building a blackened shell.",
        ),
        (
            "b",
            "2026-02-17",
            "Eight guests were killed after fire tore through a hotel in Bansko around 2:40 a.m. \
             on Tuesday.",
        ),
        (
            "c",
            "2026-02-19",
            "A fire that broke out early on Tuesday at a hotel in Bansko killed eight guests.",
        ),
    ]);
    let f = flags(&r, Kind::When);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(f[0]);
    assert!(sides.iter().any(|(_, a)| a == &vec!["a"]), "{sides:?}");
    // The fire's days, not a "breach" read into "broke".
    assert!(sides.iter().any(|(_, a)| a == &vec!["b", "c"]), "{sides:?}");
}

#[test]
fn a_verb_form_after_a_preposition_is_a_noun() {
    // "treated for severe burns": burns, not a fire burning.
    let r = run(&[(
        "a",
        "2026-02-18",
        "Of the 27 injured, 11 remained in hospital on Wednesday, including five being treated \
         for severe burns at a specialist unit in Sofia.",
    )]);
    assert!(
        !predicates(&r, "a").contains(&"fire".to_string()),
        "{:?}",
        predicates(&r, "a")
    );
}

#[test]
fn a_ship_struck_off_a_town_is_a_collision_placed_there() {
    // "off" places an event at sea by a coastal town; "struck on its port side by a container
    // ship" is a collision, not an earthquake.
    let r = run(&[
        (
            "a",
            "2026-05-20",
            "Two cargo ships collided in thick fog about 12 nautical miles off Ustka early on \
             Wednesday.",
        ),
        (
            "b",
            "2026-05-21",
            "The Baltic Orion was struck on its port side by the container ship Nordhav Trader \
             about 12 nautical miles off Kolobrzeg early on Wednesday.",
        ),
        (
            "c",
            "2026-05-21",
            "The cargo ship sank off Ustka early on Wednesday after colliding with a container \
             vessel.",
        ),
    ]);
    let f = flags(&r, Kind::Where);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let sides = sides_of(f[0]);
    assert!(sides.iter().any(|(_, a)| a == &vec!["b"]), "{sides:?}");
}

#[test]
fn a_dismissal_is_an_event() {
    let r = run(&[
        (
            "a",
            "2026-11-08",
            "VfR Mittelrhein sacked head coach Bjorn Kastner on Sunday.",
        ),
        (
            "b",
            "2026-11-09",
            "Bjorn Kastner was dismissed on Sunday morning after five defeats.",
        ),
        (
            "c",
            "2026-11-10",
            "VfR Mittelrhein sacked Bjorn Kastner on Monday.",
        ),
    ]);
    assert!(
        predicates(&r, "a").contains(&"dismiss".to_string()),
        "{:?}",
        predicates(&r, "a")
    );
    let f = flags(&r, Kind::When);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    assert!(
        sides_of(f[0]).iter().any(|(_, a)| a == &vec!["c"]),
        "{:?}",
        sides_of(f[0])
    );
}

#[test]
fn review_cases_stay_quiet_or_keep_their_readings() {
    // A race time keeps the day after it; a clock with seconds stays a time.
    let r = run(&[(
        "a",
        "2026-05-12",
        "Kiptoo won the marathon in 2:16:42 on Sunday. The quake struck at 03:12:45 on Monday.",
    )]);
    let whens: Vec<&str> = r
        .claims
        .iter()
        .filter_map(|c| c.when.as_ref().map(|w| w.text.as_str()))
        .collect();
    assert!(whens.contains(&"Sunday"), "{whens:?}");
    assert!(whens.iter().any(|w| w.contains("03:12:45")), "{whens:?}");
    // A disaster's noun after a preposition is no subject of a later verb.
    let r = run(&[
        (
            "a",
            "2026-02-10",
            "After the landslide, the government started a relief programme in Lima on Monday.",
        ),
        (
            "b",
            "2026-02-10",
            "The landslide struck the village of Huaral on Sunday.",
        ),
    ]);
    assert!(r.discrepancies.is_empty(), "{:#?}", r.discrepancies);
    // "hit bus and train services" is no collision.
    let r = run(&[(
        "a",
        "2026-05-12",
        "The walkout hit bus and train services in Paris on Monday.",
    )]);
    assert!(
        !predicates(&r, "a").contains(&"crash".to_string()),
        "{:?}",
        predicates(&r, "a")
    );
    // A fire still burning on Tuesday afternoon is no fire misdated.
    let r = run(&[
        (
            "a",
            "2026-02-18",
            "Firefighters were still fighting the fire at the Hotel Vihren in Bansko on Tuesday \
             afternoon.",
        ),
        (
            "b",
            "2026-02-18",
            "The fire at the Hotel Vihren in Bansko broke out on Monday afternoon.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
    // A continuation right after its own trigger is the event's own.
    let r = run(&[
        (
            "a",
            "2026-05-13",
            "Monday's talks between Serbia and Kosovo in Brussels resumed on Wednesday.",
        ),
        (
            "b",
            "2026-05-13",
            "The talks between Serbia and Kosovo in Brussels took place on Wednesday.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
    // An adjective before a verb form in -s: "a blaze in Bansko kills dozens".
    let r = run(&[(
        "a",
        "2026-02-18",
        "This winter, a blaze in Bansko kills dozens of people.",
    )]);
    assert!(
        predicates(&r, "a").contains(&"kill".to_string()),
        "{:?}",
        predicates(&r, "a")
    );
}

#[test]
fn seizing_a_vehicle_is_a_hijacking_and_seizing_goods_is_not() {
    let r = run(&[
        (
            "a",
            "2026-07-07",
            "Police said Goran Vidak seized a ferry bound for Hvar on Monday morning and held its \
             crew for six hours.",
        ),
        (
            "b",
            "2026-07-07",
            "Goran Vidak hijacked the Hvar ferry on Sunday, police said.",
        ),
        (
            "c",
            "2026-07-07",
            "Customs officers seized 40 kilograms of cocaine at the port of Split on Sunday.",
        ),
    ]);
    assert!(predicates(&r, "a").contains(&"hijack".to_string()));
    assert!(predicates(&r, "b").contains(&"hijack".to_string()));
    assert!(!predicates(&r, "c").contains(&"hijack".to_string()));
    one_flag_between(&r, Kind::When, "on Monday morning", "on Sunday");
}

#[test]
fn a_passive_in_progress_tells_a_moment_of_a_state_not_its_day() {
    // "was being held ... on Tuesday evening" and "ordered held on Wednesday" are both true.
    let r = run(&[
        (
            "a",
            "2026-03-11",
            "Marko Radic was being held at police headquarters in Gospic on Tuesday evening.",
        ),
        (
            "b",
            "2026-03-12",
            "A court in Gospic on Wednesday ordered Marko Radic held in custody for 30 days.",
        ),
        (
            "c",
            "2026-03-12",
            "A court in Gospic on Wednesday ordered Marko Radic held in custody for 30 days.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn seizing_goods_is_an_event_and_a_count_tells_it_apart() {
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Customs officers at the port of Durban have seized 212 rhino horns hidden in a \
             container of timber, officials said on Tuesday.",
        ),
        (
            "b",
            "2026-03-10",
            "South African authorities have seized 221 rhino horns from a container at the port \
             of Durban, officials said on Tuesday.",
        ),
        (
            "c",
            "2026-03-11",
            "Customs officers seized 212 rhino horns at the port of Durban, the revenue service \
             said.",
        ),
    ]);
    assert!(predicates(&r, "a").contains(&"seize".to_string()));
    let f = flags(&r, Kind::Quantity);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    assert!(f[0].sides.iter().any(|s| s.value.contains("221")));
}

#[test]
fn participants_of_an_earlier_act_in_a_clause_of_time_are_not_the_claim_s() {
    // Three arrests: two on Monday night, one on Tuesday evening "a day after" them.
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Police arrested two people on Monday night: Omar Haji, a clearing agent, and Peter \
             Njoroge, who drove the truck.",
        ),
        (
            "b",
            "2026-03-11",
            "Grace Wanjiru, a director of the exporting company, was arrested at her home in \
             Nyali on Tuesday evening, a day after Omar Haji and Peter Njoroge were detained.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn one_winner_of_the_same_count_on_two_days_is_one_win() {
    // "won 71 votes" in the first round, dated Monday by one report and Tuesday by two.
    let r = run(&[
        (
            "a",
            "2026-05-15",
            "In the first round on Tuesday, Ana Horvat won 71 votes, Luka Babic 54 and Ivo Tomic \
             19.",
        ),
        (
            "b",
            "2026-05-15",
            "In the first round on Tuesday, Ana Horvat won 71 votes, well short of a majority.",
        ),
        (
            "c",
            "2026-05-16",
            "In the first round on Monday, Ana Horvat won 71 votes, well short of a majority.",
        ),
    ]);
    one_flag_between(&r, Kind::When, "on Tuesday", "on Monday");
}

#[test]
fn sides_all_from_one_article_are_no_discrepancy() {
    // A part and its whole in one report ("22 injured, four of them seriously" ... "Four
    // children were flown"): not outlets disagreeing.
    let r = run(&[
        (
            "a",
            "2026-04-16",
            "Twenty-two children were injured, four of them seriously, when a school bus left the \
             road near Sinaia on Thursday. Four children with head injuries were flown to \
             Bucharest.",
        ),
        (
            "b",
            "2026-04-16",
            "A school bus left the road near Sinaia on Thursday, officials said.",
        ),
    ]);
    assert!(r.discrepancies.is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn summoning_and_scoring_are_events() {
    // An ambassador summoned on two days; a player's points in one game (a paragraph of its
    // own, so that no day carries over to it).
    let r = run(&[
        (
            "a",
            "2026-04-14",
            "Ambassador Pavel Orlov, who was summoned to the Foreign Ministry on Monday morning, \
             left without comment.\n\nMarta Kowal scored 27 points as Lodz beat Torun on Sunday.",
        ),
        (
            "b",
            "2026-04-14",
            "Ambassador Pavel Orlov was summoned to the Foreign Ministry on Monday morning.\n\nMarta \
             Kowal scored 27 points in the final on Sunday.",
        ),
        (
            "c",
            "2026-04-15",
            "Ambassador Pavel Orlov, who was summoned to the Foreign Ministry on Tuesday, was \
             handed a note.\n\nMarta Kowal scored 24 points in the final.",
        ),
    ]);
    assert!(predicates(&r, "a").contains(&"summon".to_string()));
    assert!(predicates(&r, "a").contains(&"score".to_string()));
    assert_eq!(flags(&r, Kind::When).len(), 1, "{:#?}", r.discrepancies);
    let q = flags(&r, Kind::Quantity);
    assert_eq!(q.len(), 1, "{:#?}", r.discrepancies);
    assert!(q[0].sides.iter().any(|s| s.value.contains("24")));
}

#[test]
fn exceeding_is_more_than_and_an_age_is_no_count() {
    // "exceeding 1,000 degrees" and "above 1,000 degrees" agree.
    let r = run(&[
        (
            "a",
            "2026-03-09",
            "The lorry burned in the Kreuzberg tunnel on Monday in heat exceeding 1,000 degrees \
             Celsius.",
        ),
        (
            "b",
            "2026-03-10",
            "The lorry burned in the Kreuzberg tunnel on Monday in temperatures above 1,000 \
             degrees Celsius.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
    // "Van Dijk, 23," is an age, not the crowd.
    let r = run(&[
        (
            "a",
            "2026-05-17",
            "Pieter van Dijk, 23, the best-placed Dutchman, thanked the crowd at the finish in \
             Breda on Sunday.",
        ),
        (
            "b",
            "2026-05-18",
            "Organisers said the race drew around 60,000 spectators to the finish in Breda on \
             Sunday.",
        ),
    ]);
    assert!(
        flags(&r, Kind::Quantity).is_empty(),
        "{:#?}",
        r.discrepancies
    );
    // ... but "the crowd at Wembley, 87,000," is the crowd.
    let r = run(&[
        (
            "a",
            "2026-05-10",
            "England beat France at Wembley on Saturday. The crowd at Wembley, 87,000, was the \
             largest of the season.",
        ),
        (
            "b",
            "2026-05-10",
            "England beat France at Wembley on Saturday in front of a crowd of 60,000.",
        ),
    ]);
    assert_eq!(flags(&r, Kind::Quantity).len(), 1, "{:#?}", r.discrepancies);
}

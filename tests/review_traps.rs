//! Traps a review of the readings added for blind batches 21–23 found: each of these was a false
//! flag (or a lost one) before its fix.

mod common;

use common::{flags, one_flag_between, run_articles as run};

use crosscheck::Kind;

#[test]
fn a_stock_opening_with_two_endings_is_two_remarks() {
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Interior Minister Rosa Quispe condemned the violence in Arequipa. \"The government \
             will never negotiate with people who burn buses and attack police officers,\" Quispe \
             told reporters on Monday.",
        ),
        (
            "b",
            "2026-03-10",
            "Interior Minister Rosa Quispe visited a hospital in Arequipa. \"The government will \
             never abandon the families of the officers who were hurt,\" Quispe said on Monday.",
        ),
    ]);
    assert!(flags(&r, Kind::Quote).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn made_public_does_not_date_the_event() {
    let r = run(&[
        (
            "a",
            "2026-04-17",
            "Police in Brno arrested businessman Jan Novak on Wednesday on suspicion of fraud.",
        ),
        (
            "b",
            "2026-04-18",
            "Prosecutors made the arrest of Jan Novak public on Friday.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn an_event_named_by_its_noun_is_dated_by_a_passive_in_progress() {
    let r = run(&[
        (
            "a",
            "2026-04-19",
            "As the funeral of former mayor Pawel Adamski was being held in Gdansk on Saturday, \
             thousands of mourners gathered outside.",
        ),
        (
            "b",
            "2026-04-19",
            "The funeral of former mayor Pawel Adamski was held in Gdansk on Friday.",
        ),
    ]);
    assert_eq!(flags(&r, Kind::When).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn seizures_are_one_only_by_their_count_and_goods_seized_from_a_bus_are_no_hijacking() {
    let r = run(&[
        (
            "a",
            "2026-03-12",
            "Customs officers seized 148 elephant tusks at the port of Mombasa on Tuesday.",
        ),
        (
            "b",
            "2026-03-13",
            "Police in Mombasa seized the passports of two suspects on Thursday.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "A gunman hijacked an intercity bus near Split on Monday morning, police said.",
        ),
        (
            "b",
            "2026-03-11",
            "Investigators seized weapons from the bus on Tuesday, police said.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_clause_of_time_ends_at_its_comma() {
    // Novak and Dvorak are the main clause's suspects, named after the time clause.
    let r = run(&[
        (
            "a",
            "2026-04-15",
            "Police in Brno detained two more suspects on Tuesday, a day after two men were \
             arrested at the city's airport, and named them as Petr Novak and Eva Dvorak.",
        ),
        (
            "b",
            "2026-04-15",
            "Police in Brno arrested businessman Jan Kral on Monday on suspicion of fraud.",
        ),
    ]);
    assert!(flags(&r, Kind::When).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_part_of_an_organisation_or_a_past_office_is_not_its_office() {
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Ivo Horvat, chairman of Parliament's Foreign Affairs Committee, said the vote showed \
             the coalition had lost its majority.",
        ),
        (
            "b",
            "2026-03-10",
            "Ana Kos, chairwoman of Parliament's Finance Committee, called the result a warning.",
        ),
    ]);
    assert!(r.discrepancies.is_empty(), "{:#?}", r.discrepancies);
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Marko Ilic, chief executive of Danube Logistics' Serbian unit, said 400 jobs would \
             go. Ivan Petrov, chief executive of Danube Logistics until 2021, criticised the plan.",
        ),
        (
            "b",
            "2026-03-10",
            "Danube Logistics chief executive Anna Berg said on Monday the group would close two \
             plants in Serbia.",
        ),
    ]);
    assert!(flags(&r, Kind::Who).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_compatible_second_title_does_not_decide_who_holds_an_office() {
    // Founder and chief executive can be held together: who is chief executive is the question.
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Danube Textiles chief executive Anna Berg said on Monday the group would close two \
             plants.",
        ),
        (
            "b",
            "2026-03-10",
            "Danube Textiles chief executive Marko Ilic said on Monday the group would close two \
             plants.",
        ),
        (
            "c",
            "2026-03-10",
            "Danube Textiles founder Anna Berg said on Monday the group would shut two plants.",
        ),
    ]);
    assert_eq!(flags(&r, Kind::Who).len(), 1, "{:#?}", r.discrepancies);
    assert!(flags(&r, Kind::Title).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn two_similar_names_in_one_office_are_two_holders() {
    let r = run(&[
        (
            "a",
            "2026-05-13",
            "South Korean Foreign Minister Kim Young-min said on Tuesday that talks with Japan \
             would resume next month.",
        ),
        (
            "b",
            "2026-05-13",
            "South Korean Foreign Minister Kim Young-soo told reporters in Seoul on Tuesday that \
             talks with Japan would resume next month.",
        ),
    ]);
    assert_eq!(flags(&r, Kind::Who).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn an_industry_word_opening_a_sentence_is_no_participant() {
    let r = run(&[
        (
            "a",
            "2026-05-13",
            "Shipping through the Dardanelles was suspended on Monday after a tanker ran aground \
             near Canakkale.",
        ),
        (
            "b",
            "2026-05-13",
            "Turkey suspended shipping through the Dardanelles on Sunday after a tanker ran \
             aground near Canakkale.",
        ),
    ]);
    assert_eq!(flags(&r, Kind::When).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn a_superlative_s_place_is_its_scope_and_a_lowercase_possessive_owns_nothing() {
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "A fire broke out on Monday at Veltra's largest plant in Belgium, near Antwerp.",
        ),
        (
            "b",
            "2026-03-10",
            "Veltra's largest plant in France, at Lyon, will raise output to make up for the loss.",
        ),
    ]);
    assert!(flags(&r, Kind::Where).is_empty(), "{:#?}", r.discrepancies);
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Lusitex Textiles will close its factory in Porto next month, the company said.",
        ),
        (
            "b",
            "2026-03-10",
            "Lusitex Textiles said it would close a factory. Many workers are expected to move to \
             the Ramos brothers' factory in Braga.",
        ),
    ]);
    assert!(flags(&r, Kind::Where).is_empty(), "{:#?}", r.discrepancies);
    // A site of one kind in two cities still conflicts.
    let r = run(&[
        (
            "a",
            "2026-03-10",
            "Regulators demanded the sale of Veltra's resins plant in Antwerp.",
        ),
        (
            "b",
            "2026-03-10",
            "Regulators demanded the sale of Veltra's resins plant in Rotterdam.",
        ),
    ]);
    one_flag_between(&r, Kind::Where, "Antwerp", "Rotterdam");
}

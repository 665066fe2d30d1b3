//! Opposite outcomes of one event (convicted / acquitted, approved / rejected, won / lost) are an
//! `outcome` discrepancy; two charges, two objects, hedged or background statements are not.

mod common;

use crosscheck::{Article, Corpus, Kind, Pipeline, Report};

fn run(texts: &[&str]) -> Report {
    let day = "2026-03-04".parse().unwrap();
    let corpus = Corpus::from_articles(texts.iter().enumerate().map(|(i, t)| {
        Article::new(format!("a{}", i + 1), *t)
            .with_outlet(format!("Outlet {}", i + 1))
            .with_published(day)
    }));
    let r = Pipeline::new().run(&corpus);
    common::check_schema(&r);
    r
}

fn outcomes(r: &Report) -> Vec<&crosscheck::Discrepancy> {
    r.discrepancies
        .iter()
        .filter(|d| d.kind == Kind::Outcome)
        .collect()
}

#[test]
fn convicted_and_acquitted_conflict() {
    let r = run(&[
        "A jury in Leeds convicted Daniel Price of fraud on Tuesday, court officials said.",
        "Daniel Price was acquitted of fraud by a jury in Leeds on Tuesday.",
        "Daniel Price was convicted of fraud at Leeds Crown Court on Tuesday.",
    ]);
    let o = outcomes(&r);
    assert_eq!(o.len(), 1, "{:#?}", r.discrepancies);
    let values: Vec<&str> = o[0].sides.iter().map(|s| s.normalized.as_str()).collect();
    assert_eq!(values, ["convict", "acquit"]);
    assert_eq!(o[0].sides[0].articles, ["a1", "a3"]);
    assert_eq!(o[0].sides[1].articles, ["a2"]);
    assert!(o[0].explanation.contains("opposite outcomes"));
}

#[test]
fn two_charges_are_two_verdicts() {
    let r = run(&[
        "Daniel Price was acquitted of murder but convicted of manslaughter in Leeds on Tuesday.",
        "A jury in Leeds acquitted Daniel Price of murder on Tuesday.",
        "Daniel Price was convicted of manslaughter in Leeds on Tuesday.",
    ]);
    assert!(outcomes(&r).is_empty(), "{:#?}", outcomes(&r));
}

#[test]
fn approving_one_thing_and_rejecting_another_agree() {
    let r = run(&[
        "The Halvorsen board approved the merger on Monday.",
        "The Halvorsen board rejected the pay offer on Monday.",
    ]);
    assert!(outcomes(&r).is_empty(), "{:#?}", outcomes(&r));
    let r = run(&[
        "The Halvorsen board approved the merger on Monday.",
        "The Halvorsen board rejected the merger on Monday.",
    ]);
    assert_eq!(outcomes(&r).len(), 1, "{:#?}", r.discrepancies);
}

#[test]
fn a_hedged_or_background_outcome_is_no_outcome() {
    let r = run(&[
        "Regulators approved the Nordvik merger on Monday.",
        "Regulators could still reject the Nordvik merger, analysts said on Monday.",
        "The merger needs approval, and the law allows regulators to block the Nordvik merger.",
    ]);
    assert!(outcomes(&r).is_empty(), "{:#?}", outcomes(&r));
    let r = run(&[
        "Daniel Price, who had been convicted of fraud in 2019, was acquitted of fraud on appeal in Leeds on Tuesday.",
        "Daniel Price was acquitted of fraud on appeal in Leeds on Tuesday.",
    ]);
    assert!(outcomes(&r).is_empty(), "{:#?}", outcomes(&r));
}

#[test]
fn won_and_lost_conflict_only_for_the_same_side() {
    let r = run(&[
        "Lucie Novotna won the final in Split on Sunday.",
        "Lucie Novotna lost the final in Split on Sunday.",
    ]);
    assert_eq!(outcomes(&r).len(), 1, "{:#?}", r.discrepancies);
    let r = run(&[
        "Lucie Novotna beat Amaia Etxeberria in the final in Split on Sunday.",
        "Amaia Etxeberria lost to Lucie Novotna in the final in Split on Sunday.",
    ]);
    assert!(outcomes(&r).is_empty(), "{:#?}", outcomes(&r));
}

fn whos(r: &Report) -> Vec<&crosscheck::Discrepancy> {
    r.discrepancies
        .iter()
        .filter(|d| d.kind == Kind::Who)
        .collect()
}

#[test]
fn another_agent_for_one_act_is_a_who_discrepancy() {
    let r = run(&[
        "Halvorsen Shipping Group bought Brightwater Foods on Monday for $2 billion.",
        "Nordvik Capital bought Brightwater Foods on Monday for $2 billion.",
        "Brightwater Foods was bought by Halvorsen Shipping Group on Monday.",
    ]);
    let w = whos(&r);
    assert_eq!(w.len(), 1, "{:#?}", r.discrepancies);
    let names: Vec<&str> = w[0].sides.iter().map(|s| s.normalized.as_str()).collect();
    assert_eq!(names, ["Halvorsen Shipping Group", "Nordvik Capital"]);
    assert_eq!(w[0].sides[0].articles, ["a1", "a3"]);
}

#[test]
fn a_court_and_its_judge_or_two_acts_are_no_who_discrepancy() {
    // A body and a person, and a passive without an agent, name no other agent.
    let r = run(&[
        "A jury in Leeds convicted Daniel Price of fraud on Tuesday.",
        "Judge Helen Marsh convicted Daniel Price of fraud in Leeds on Tuesday.",
        "Daniel Price was convicted of fraud in Leeds on Tuesday.",
    ]);
    assert!(whos(&r).is_empty(), "{:#?}", whos(&r));
    // Two takeovers of two companies by two buyers.
    let r = run(&[
        "Halvorsen Shipping Group bought Brightwater Foods on Monday.",
        "Nordvik Capital bought Ostrava Rail on Monday.",
    ]);
    assert!(whos(&r).is_empty(), "{:#?}", whos(&r));
}

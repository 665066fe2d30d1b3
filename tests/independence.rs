//! Independent sources: a reprint, a dateline naming another outlet's agency and a shared wire
//! sentence count once; the majority is counted in independent sources.

mod common;

use crosscheck::{Article, Corpus, Kind, Pipeline, Report};

fn run(articles: Vec<Article>) -> Report {
    let r = Pipeline::new().run(&Corpus::from_articles(articles));
    common::check_schema(&r);
    r
}

fn day() -> jiff::civil::Date {
    "2026-03-04".parse().unwrap()
}

const WIRE: &str =
    "A footbridge collapsed in Porto on Tuesday evening, killing two people and injuring \
    nine, the city's civil protection service said. The bridge, a steel span over the Douro \
    built in 1998, had been closed for inspection twice in the past year, officials said.";

#[test]
fn a_reprint_without_a_credit_is_one_source() {
    let r =
        run(vec![
        Article::new("a", WIRE).with_outlet("Iberia Wire").with_published(day()),
        // The same text, lightly edited, under another outlet's name.
        Article::new("b", format!("PORTO - {WIRE} Repairs will take months."))
            .with_outlet("Douro Daily")
            .with_published(day()),
        Article::new(
            "c",
            "A footbridge collapsed in Porto on Monday evening, killing two people, police said.",
        )
        .with_outlet("Atlantic Times")
        .with_published(day()),
    ]);
    let when = r
        .discrepancies
        .iter()
        .find(|d| d.kind == Kind::When)
        .expect("a when discrepancy");
    let tuesday = &when.sides[0];
    assert_eq!(tuesday.articles, ["a", "b"]);
    assert_eq!(tuesday.independent_sources, 1, "{when:#?}");
}

#[test]
fn a_dateline_agency_and_a_shared_sentence_count_once() {
    let r = run(vec![
        Article::new(
            "a",
            "LISBON, March 3 (Iberia Wire) - Two people died when a footbridge collapsed in Porto on Tuesday, officials said.",
        )
        .with_outlet("Iberia Wire")
        .with_published(day()),
        // Another paper running the wire's copy under its dateline.
        Article::new(
            "b",
            "LISBON, March 3 (Iberia Wire) - Two people were killed when a footbridge gave way in Porto on Tuesday, officials said.",
        )
        .with_outlet("Coimbra Courier")
        .with_published(day()),
        // A third paper with the wire's sentence word for word inside its own story.
        Article::new(
            "c",
            "Rescuers worked through the night. Two people died when a footbridge collapsed in Porto on Tuesday, officials said.",
        )
        .with_outlet("Minho Post")
        .with_published(day()),
        Article::new(
            "d",
            "A footbridge collapsed in Porto on Monday, killing two people, police said.",
        )
        .with_outlet("Atlantic Times")
        .with_published(day()),
        Article::new(
            "e",
            "The old footbridge in Porto collapsed on Monday, killing two pedestrians, the mayor said.",
        )
        .with_outlet("Algarve Herald")
        .with_published(day()),
    ]);
    let when = r
        .discrepancies
        .iter()
        .find(|d| d.kind == Kind::When)
        .expect("a when discrepancy");
    // Three articles say Tuesday but they are one source; two independent ones say Monday:
    // the majority, counted in sources, is Monday.
    let monday = &when.sides[0];
    let tuesday = &when.sides[1];
    assert_eq!(monday.articles, ["d", "e"], "{when:#?}");
    assert_eq!(monday.independent_sources, 2);
    assert_eq!(tuesday.articles, ["a", "b", "c"]);
    assert_eq!(tuesday.independent_sources, 1);
}

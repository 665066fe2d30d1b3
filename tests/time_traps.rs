//! Time traps through the whole pipeline: the same day written differently is never a
//! conflict, a different day is, and a marked change of date is reported as an update.

mod common;

use common::run_articles as run;

use crosscheck::{Article, Corpus, Kind, Pipeline, Report};

fn when_flags(r: &Report) -> Vec<&crosscheck::Discrepancy> {
    r.discrepancies
        .iter()
        .filter(|d| d.kind == Kind::When)
        .collect()
}

#[test]
fn yesterday_equals_the_weekday_named_elsewhere() {
    // Tuesday 3 March 2026 is "yesterday" in a Wednesday edition.
    let r = run(&[
        ("a", "2026-03-03", "A footbridge collapsed in Porto on Tuesday, killing two people, police said."),
        ("b", "2026-03-04", "A footbridge collapsed in Porto yesterday, killing two people, police said."),
        ("c", "2026-03-04", "The footbridge in Porto collapsed shortly after 6 p.m. on Tuesday, killing two people."),
        ("d", "2026-03-05", "The footbridge that collapsed in Porto on March 3 killed two people."),
    ]);
    assert!(when_flags(&r).is_empty(), "{:#?}", when_flags(&r));
}

#[test]
fn a_different_day_is_flagged_with_both_dates_explained() {
    let r = run(&[
        (
            "a",
            "2026-03-04",
            "A footbridge collapsed in Porto yesterday, killing two people, police said.",
        ),
        (
            "b",
            "2026-03-04",
            "The footbridge in Porto collapsed on Tuesday, killing two people, police said.",
        ),
        (
            "c",
            "2026-03-05",
            "A footbridge collapsed in Porto on Monday, killing two people, police said.",
        ),
    ]);
    let flags = when_flags(&r);
    assert_eq!(flags.len(), 1, "{flags:#?}");
    let d = flags[0];
    let days: Vec<&str> = d.sides.iter().map(|s| s.normalized.as_str()).collect();
    assert_eq!(days, ["2026-03-03", "2026-03-02"]);
    assert_eq!(d.sides[0].articles, ["a", "b"]);
    assert_eq!(d.sides[1].articles, ["c"]);
    // Surface forms and resolved dates, with the publication date a relative word counts from.
    assert!(d.explanation.contains("of 2026-03-04"), "{}", d.explanation);
    assert!(
        d.explanation.contains("Tuesday 3 March 2026"),
        "{}",
        d.explanation
    );
    assert!(
        d.explanation
            .contains("'on Monday' in c of 2026-03-05 = Monday 2 March 2026"),
        "{}",
        d.explanation
    );
}

#[test]
fn an_expected_meeting_that_then_happened_agrees() {
    // Monday 18 May 2026: "will meet on Friday" = 22 May; Saturday's "yesterday" = 22 May.
    let r = run(&[
        ("a", "2026-05-18", "Foreign ministers Anna Berg and Tomas Lind are expected to meet in Oslo on Friday to sign the fisheries accord."),
        ("b", "2026-05-20", "Anna Berg and Tomas Lind will meet in Oslo on Friday, officials said."),
        ("c", "2026-05-23", "Anna Berg and Tomas Lind met in Oslo yesterday and signed the fisheries accord."),
        ("d", "2026-05-25", "Anna Berg and Tomas Lind met in Oslo on May 22, officials said."),
    ]);
    assert!(when_flags(&r).is_empty(), "{:#?}", when_flags(&r));
}

#[test]
fn a_marked_change_of_date_is_an_update_not_a_conflict() {
    let r = run(&[
        ("a", "2026-05-18", "The board of Norvik Shipping will meet on Thursday to approve the merger."),
        ("b", "2026-05-23", "The board of Norvik Shipping will meet on Monday to approve the merger after the meeting was postponed."),
        ("c", "2026-05-23", "Norvik Shipping's board meeting, which had been scheduled for Thursday, was postponed to Monday."),
    ]);
    assert!(when_flags(&r).is_empty(), "{:#?}", when_flags(&r));
    assert_eq!(r.updates.len(), 1, "{:#?}", r.updates);
    let u = &r.updates[0];
    assert_eq!(u.kind, Kind::When);
    let days: Vec<&str> = u.sides.iter().map(|s| s.normalized.as_str()).collect();
    // The earlier date first, the changed one last.
    assert_eq!(days, ["2026-05-21", "2026-05-25"]);
    assert!(u.explanation.contains("changed to"), "{}", u.explanation);
}

#[test]
fn an_unmarked_change_is_a_conflict() {
    let r = run(&[
        (
            "a",
            "2026-05-18",
            "The board of Norvik Shipping will meet in Bergen on Thursday to approve the merger.",
        ),
        (
            "b",
            "2026-05-26",
            "The board of Norvik Shipping met in Bergen on Friday and approved the merger.",
        ),
        (
            "c",
            "2026-05-26",
            "The board of Norvik Shipping met in Bergen on Thursday and approved the merger.",
        ),
    ]);
    assert_eq!(when_flags(&r).len(), 1, "{:#?}", r.discrepancies);
    assert!(r.updates.is_empty());
}

#[test]
fn a_dateline_anchors_an_undated_article() {
    let corpus = Corpus::from_articles([
        Article::new(
            "a",
            "Bridge falls\n\nPORTO, March 3 (Iberia Wire) - A footbridge collapsed in Porto on Tuesday, killing two people, police said.",
        ),
        Article::new("b", "A footbridge collapsed in Porto yesterday, killing two people, police said.")
            .with_published("2026-03-04".parse().unwrap()),
        Article::new(
            "c",
            "LISBON, March 4, 2026 - A footbridge collapsed in Porto on Monday, killing two people, police said.",
        ),
        Article::new("d", "A footbridge collapsed in Porto on Tuesday, killing two people."),
    ]);
    let r = Pipeline::new().run(&corpus);
    common::check_schema(&r);
    let info = |id: &str| r.articles.iter().find(|a| a.id == id).unwrap();
    // No year in the dateline: the one nearest the other articles' dates.
    assert_eq!(info("a").published.as_deref(), Some("2026-03-03"));
    assert_eq!(info("a").anchor, "dateline");
    assert_eq!(info("c").published.as_deref(), Some("2026-03-04"));
    assert_eq!(info("c").anchor, "dateline");
    // No date at all: relative expressions stay text.
    assert_eq!(info("d").published, None);
    assert_eq!(info("d").anchor, "none");
    let when_of = |id: &str| {
        r.claims
            .iter()
            .find(|c| c.article == id && c.when.is_some())
            .and_then(|c| c.when.clone())
            .unwrap()
    };
    assert_eq!(when_of("a").normalized, "2026-03-03");
    assert_eq!(when_of("a").anchor, "dateline");
    assert_eq!(when_of("d").granularity, "unresolved");
    // The dated articles resolve and disagree: Monday (c) against Tuesday (a, b).
    let flags = when_flags(&r);
    assert_eq!(flags.len(), 1, "{flags:#?}");
    assert_eq!(flags[0].sides[0].articles, ["a", "b"]);
    assert_eq!(flags[0].sides[1].articles, ["c"]);
}

//! One remark quoted in other words is a `quote` discrepancy; two remarks of one speaker are not.

mod common;

use crosscheck::{Article, Corpus, Kind, Pipeline, Report};

fn run(texts: &[&str]) -> Report {
    let day = "2026-05-15".parse().unwrap();
    let corpus = Corpus::from_articles(texts.iter().enumerate().map(|(i, t)| {
        Article::new(format!("a{}", i + 1), *t)
            .with_outlet(format!("Outlet {}", i + 1))
            .with_published(day)
    }));
    let r = Pipeline::new().run(&corpus);
    common::check_schema(&r);
    r
}

fn quotes(r: &Report) -> Vec<&crosscheck::Discrepancy> {
    r.discrepancies
        .iter()
        .filter(|d| d.kind == Kind::Quote)
        .collect()
}

#[test]
fn one_remark_in_other_words_is_flagged() {
    let r = run(&[
        "\"We are not expecting a deal at the summit tomorrow. Frankly, the only real progress will come when both presidents sit down together in person,\" Foreign Minister Amara Diallo told reporters on Thursday.",
        "\"We don't have big hopes for a deal at tomorrow's summit. Honestly, real progress will only come when both presidents sit down together,\" Foreign Minister Amara Diallo said on Thursday.",
    ]);
    assert_eq!(quotes(&r).len(), 1, "{:#?}", r.discrepancies);
    assert_eq!(quotes(&r)[0].sides.len(), 2);
}

#[test]
fn two_remarks_of_one_speaker_are_not_flagged() {
    let r = run(&[
        "\"We are not expecting a deal at the summit tomorrow, and nobody in our delegation is pretending otherwise,\" Foreign Minister Amara Diallo told reporters on Thursday.",
        "\"Our farmers need the fishing agreement renewed before the rainy season, or whole villages on the coast will lose their income,\" Foreign Minister Amara Diallo said on Thursday.",
        "\"The summit will decide the future of the fishing agreement, and our farmers and villages are watching it closely,\" Foreign Minister Amara Diallo said.",
    ]);
    assert!(quotes(&r).is_empty(), "{:#?}", quotes(&r));
}

#[test]
fn a_number_in_words_or_digits_is_one_word() {
    // "50" and "fifty" are one word: the rest of the wording decides, and here it differs.
    let r = run(&[
        "\"I told myself to swim the last 50 like there was nobody else in the pool,\" Dora Szalai told reporters.",
        "\"I said to myself: swim the last fifty as if nobody else is in the water,\" Dora Szalai told reporters.",
    ]);
    assert_eq!(quotes(&r).len(), 1, "{:#?}", r.discrepancies);
    // ... and the same words but for the number's spelling are one quotation, not two.
    let r = run(&[
        "\"We suffered for ninety minutes but this group never stopped believing,\" coach Luka Baric said.",
        "\"We suffered for 90 minutes but this group never stopped believing,\" coach Luka Baric said.",
    ]);
    assert!(quotes(&r).is_empty(), "{:#?}", r.discrepancies);
}

#[test]
fn a_short_rewording_that_keeps_its_frame_is_flagged() {
    // Under 60% of the shorter's words in order, but 55% and two content words ("time",
    // "weather") kept: one remark reworded.
    let r = run(&[
        "\"We are fighting the clock and the weather at the same time,\" harbour master Tomas Berg told a news conference on Thursday.",
        "\"We are racing against time and against the weather,\" harbour master Tomas Berg told a news conference on Thursday.",
    ]);
    assert_eq!(quotes(&r).len(), 1, "{:#?}", r.discrepancies);
    // The same frame with one content word in common is two remarks.
    let r = run(&[
        "\"We are fighting the clock and the weather at the same time,\" harbour master Tomas Berg told a news conference on Thursday.",
        "\"We are grateful to the crews who came out in this weather,\" harbour master Tomas Berg told a news conference on Thursday.",
    ]);
    assert!(quotes(&r).is_empty(), "{:#?}", quotes(&r));
}

#[test]
fn one_opening_with_two_endings_is_one_remark_reworded() {
    // The same first words ("No one was badly injured"), then two different endings.
    let r = run(&[
        "\"No one was badly injured, and that is what counts tonight,\" fire chief Lena Ostrova said on Thursday.",
        "\"No one was badly injured, but I will not claim this went the way we wanted,\" fire chief Lena Ostrova said on Thursday.",
    ]);
    assert_eq!(quotes(&r).len(), 1, "{:#?}", r.discrepancies);
    // Two remarks that open with the same function words are not one remark.
    let r = run(&[
        "\"We are going to rebuild every house on this street before winter,\" fire chief Lena Ostrova said on Thursday.",
        "\"We are going to ask the ministry why the hydrants were dry,\" fire chief Lena Ostrova said on Thursday.",
    ]);
    assert!(quotes(&r).is_empty(), "{:#?}", quotes(&r));
}

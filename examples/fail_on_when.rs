//! The report used in code: fail (exit status 1) when the sources disagree on when something
//! happened — a gate for a CI job or a newsroom bot that holds a story back for an editor.
//!
//! ```sh
//! cargo run --example fail_on_when -- examples/corpus/bus-crash          # exit 1: a `when` conflict
//! cargo run --example fail_on_when -- examples/corpus/chipmaker-results  # exit 0
//! ```
//!
//! Other discrepancies are listed but do not fail the run; an error (an unreadable folder)
//! exits with status 2, as the `crosscheck` command does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck::{Kind, Pipeline, Report};

/// What the gate says about one report: the `when` conflicts, one line each, and the number
/// of other discrepancies.
fn when_conflicts(report: &Report) -> (Vec<String>, usize) {
    let when: Vec<String> = report
        .discrepancies_of(Kind::When)
        .map(|d| {
            let sides: Vec<String> = d
                .sides
                .iter()
                .map(|s| {
                    let outlets: Vec<String> =
                        s.articles.iter().map(|a| report.outlet_of(a)).collect();
                    format!("{} ({}: {})", s.value, s.normalized, outlets.join(", "))
                })
                .collect();
            format!("{}: {}", d.about, sides.join(" vs "))
        })
        .collect();
    let others = report.discrepancies.len() - when.len();
    (when, others)
}

fn main() -> ExitCode {
    let dir = std::env::args_os().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/bus-crash"),
        PathBuf::from,
    );
    let report = match Pipeline::new().check_dir(&dir) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("fail_on_when: {e}");
            return ExitCode::from(2);
        }
    };
    let (when, others) = when_conflicts(&report);
    if others > 0 {
        println!("{others} other discrepancies (not blocking)");
    }
    if when.is_empty() {
        println!("ok: the sources agree on when");
        return ExitCode::SUCCESS;
    }
    for w in &when {
        println!("when conflict: {w}");
    }
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crosscheck::Pipeline;

    fn gate(story: &str) -> (Vec<String>, usize) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/corpus")
            .join(story);
        super::when_conflicts(&Pipeline::new().check_dir(dir).unwrap())
    }

    #[test]
    fn a_when_conflict_fails() {
        let (when, _) = gate("bus-crash");
        assert_eq!(when.len(), 1, "{when:?}");
        assert!(when[0].contains(" vs "), "{when:?}");
    }

    #[test]
    fn other_discrepancies_pass() {
        let (when, others) = gate("chipmaker-results");
        assert!(when.is_empty(), "{when:?}");
        assert!(others > 0);
    }
}

//! The rule-file parser and compiler on arbitrary text: a rule error names its origin, line
//! and column; rules that build must then drive extraction without a panic.
#![no_main]

use crosscheck::{Article, ErrorKind, Pipeline, RulesBuilder};
use libfuzzer_sys::fuzz_target;

fn check(e: &crosscheck::Error) {
    match e.kind() {
        ErrorKind::Rule { line, col, .. } => {
            assert!(*line >= 1 && *col >= 1);
            assert!(e.to_string().starts_with("fuzz.rules:"), "{e}");
        }
        ErrorKind::Partial(errors) => errors.iter().for_each(check),
        _ => panic!("unexpected error kind: {e}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = crosscheck::rules::syntax::parse_text(&text);
    match RulesBuilder::new().add_str("fuzz.rules", &text).build() {
        Err(e) => check(&e),
        Ok(rules) => {
            let p = Pipeline::with_rules(rules);
            let a = Article::new(
                "a",
                "LISBON, March 4 (Wire) - Minister Ana Costa said on Monday that 12 people \
                 were hurt in Porto. \u{201c}We will rebuild,\u{201d} she said.",
            );
            let _ = p.extract(0, &a);
        }
    }
});

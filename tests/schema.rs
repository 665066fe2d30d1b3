//! `docs/report.schema.json` is the JSON Schema of the report (generated from the report types
//! with schemars; `BLESS=1 cargo test --test schema` rewrites it), and every report validates
//! against it: the example stories, the seed story, and edge cases (no article, a skipped input,
//! hostile text). The other integration tests validate theirs too (`common::check_spans`).

mod common;

use crosscheck::{Article, Corpus, Pipeline, Report};

#[test]
fn the_schema_file_is_current() {
    let generated = serde_json::to_string_pretty(&Report::json_schema()).unwrap() + "\n";
    let path = common::root().join("docs").join("report.schema.json");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).expect("docs/report.schema.json");
    assert!(
        committed == generated,
        "docs/report.schema.json is out of date: run BLESS=1 cargo test --test schema"
    );
}

#[test]
fn every_report_fits_the_schema() {
    let mut dirs: Vec<_> = common::stories()
        .iter()
        .map(|s| common::corpus_dir(s))
        .collect();
    dirs.extend(common::seeds_dir());
    for d in dirs {
        common::run_dir(&d);
    }
    let pipeline = Pipeline::new();
    // No article at all.
    common::check_schema(&pipeline.run(&Corpus::from_articles(Vec::<Article>::new())));
    // Undated articles, odd characters, a skipped input.
    let mut corpus = Corpus::from_articles([
        Article::new(
            "a",
            "\u{feff}\"<b>=1+1</b>\" said nobody.\r\nZero\u{200b}width.",
        ),
        Article::new("b", ""),
    ]);
    corpus.skipped.push(crosscheck::Skipped {
        path: "bad.bin".into(),
        reason: "not text".into(),
    });
    common::check_schema(&pipeline.run(&corpus));
}

#[test]
fn the_schema_rejects_a_broken_report() {
    let corpus = Corpus::from_dir(common::corpus_dir("bus-crash")).unwrap();
    let mut v = serde_json::to_value(Pipeline::new().run(&corpus)).unwrap();
    v["discrepancies"][0]["confidence"] = serde_json::json!("high");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("docs").join("report.schema.json")).unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("s.json", schema).unwrap();
    let idx = compiler.compile("s.json", &mut schemas).unwrap();
    assert!(schemas.validate(&v, idx).is_err());
}

//! Every output format on an example story against a golden file (`BLESS=1 cargo test --test
//! formats` rewrites them), and hostile text rendered inert: HTML escapes it, CSV neutralises
//! formulas.

mod common;

use std::path::Path;

use crosscheck::{Article, Corpus, Format, Pipeline, RenderOptions, Report};

fn story() -> Report {
    // A relative path, so that the report's paths do not depend on the machine.
    let corpus = Corpus::from_dir("examples/corpus/bus-crash").expect("the example story");
    let r = Pipeline::new().run(&corpus);
    common::check_schema(&r);
    r
}

fn golden(name: &str, actual: &str) {
    let path = Path::new("tests/golden").join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1 to create it)", path.display()));
    if let Some((line, golden, output)) = common::first_difference(&expected, actual) {
        panic!(
            "{} differs from the output at line {line} (run with BLESS=1 to accept):\n  golden: {golden:?}\n  output: {output:?}",
            path.display(),
        );
    }
}

#[test]
fn every_format_matches_its_golden_file() {
    let report = story();
    for (format, ext) in [
        (Format::Text, "txt"),
        (Format::Json, "json"),
        (Format::Csv, "csv"),
        (Format::Markdown, "md"),
        (Format::Html, "html"),
        (Format::Dot, "dot"),
    ] {
        let out = report.render_to_string(format).expect("render");
        golden(&format!("bus-crash.{ext}"), &out);
        assert_eq!(
            Format::from_path(Path::new(&format!("r.{ext}"))),
            Some(format)
        );
    }
    let mut colored = Vec::new();
    let opts = RenderOptions {
        color: true,
        ..RenderOptions::default()
    };
    report
        .render_with(Format::Text, &opts, &mut colored)
        .expect("render");
    assert!(String::from_utf8_lossy(&colored).contains("\x1b[1;31mTITLE\x1b[0m"));
}

const HOSTILE: &str = "=HYPERLINK('http://evil.example') <script>alert(1)</script> and '><img src=x onerror=alert(1)> we will rebuild";

fn hostile() -> Report {
    let day = "2026-03-04".parse().unwrap();
    let corpus = Corpus::from_articles([
        Article::new(
            "a",
            format!("\"{HOSTILE} every single home in the valley before the winter,\" Mayor Ana Lima said on Monday."),
        )
        .with_outlet("=cmd|' /C calc'!A0")
        .with_published(day),
        Article::new(
            "b",
            format!("\"{HOSTILE} every home in the whole valley before the winter,\" Mayor Ana Lima said on Monday."),
        )
        .with_outlet("<b>Valley</b> Post")
        .with_published(day),
    ]);
    let r = Pipeline::new().run(&corpus);
    common::check_schema(&r);
    r
}

#[test]
fn hostile_text_is_inert_in_html() {
    let report = hostile();
    assert!(
        !report.discrepancies.is_empty(),
        "the hostile quote must be flagged"
    );
    let html = report.render_to_string(Format::Html).unwrap();
    assert!(!html.contains("<script>alert"), "raw script in HTML");
    assert!(!html.contains("<img"), "raw img in HTML");
    assert!(!html.contains("<b>Valley"), "raw markup in HTML");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;b&gt;Valley&lt;/b&gt; Post"));
    // The page's own markup holds no script at all.
    assert!(!html.to_lowercase().contains("<script"));
}

#[test]
fn hostile_text_is_neutralised_in_csv() {
    let report = hostile();
    let csv_text = report.render_to_string(Format::Csv).unwrap();
    let mut rd = csv::Reader::from_reader(csv_text.as_bytes());
    let mut rows = 0;
    for rec in rd.records() {
        let rec = rec.expect("valid CSV");
        rows += 1;
        for cell in rec.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    assert!(rows >= 2);
    assert!(csv_text.contains("'=HYPERLINK"));
    assert!(csv_text.contains("'=cmd|"));
}

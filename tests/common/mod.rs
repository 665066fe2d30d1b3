//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crosscheck::{Article, Corpus, Discrepancy, Kind, Pipeline, Report};
use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus_dir(name: &str) -> PathBuf {
    root().join("examples").join("corpus").join(name)
}

pub fn stories() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("examples").join("corpus"))
        .expect("examples/corpus")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("gold.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Where two texts first differ: the 1-based line number and that line of each (`None` past
/// the end of one); `None` when they are equal.
pub fn first_difference<'a>(
    a: &'a str,
    b: &'a str,
) -> Option<(usize, Option<&'a str>, Option<&'a str>)> {
    if a == b {
        return None;
    }
    let at = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()));
    Some((at + 1, a.lines().nth(at), b.lines().nth(at)))
}

pub fn seeds_dir() -> Option<PathBuf> {
    let p = root().join("..").join("shared").join("seeds");
    p.join("gold.json").is_file().then_some(p)
}

/// Run the library on a directory and check every span of the report.
pub fn run_dir(dir: &Path) -> (Corpus, Report) {
    let corpus = Corpus::from_dir(dir).expect("corpus");
    let report = Pipeline::new().run(&corpus);
    check_spans(&corpus, &report);
    (corpus, report)
}

/// The report validates against `docs/report.schema.json`.
pub fn check_schema(report: &Report) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs").join("report.schema.json"))
            .expect("docs/report.schema.json"),
    )
    .expect("the schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("report.schema.json", schema)
        .expect("schema resource");
    let idx = compiler
        .compile("report.schema.json", &mut schemas)
        .expect("the schema compiles");
    let instance = serde_json::to_value(report).expect("the report serializes");
    if let Err(e) = schemas.validate(&instance, idx) {
        panic!("the report does not fit docs/report.schema.json: {e:#}");
    }
}

/// Every evidence span's text equals the article's bytes at [start, end).
pub fn check_spans(corpus: &Corpus, report: &Report) {
    check_schema(report);
    let text_of = |id: &str| -> &str {
        &corpus
            .articles
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("unknown article {id}"))
            .text
    };
    let check = |article: &str, start: usize, end: usize, text: &str| {
        let t = text_of(article);
        assert!(
            start <= end && end <= t.len(),
            "span {start}..{end} out of {article}"
        );
        assert!(
            t.is_char_boundary(start) && t.is_char_boundary(end),
            "span {start}..{end} not on char boundaries"
        );
        assert_eq!(
            &t.as_bytes()[start..end],
            text.as_bytes(),
            "evidence text differs from {article}[{start}..{end})"
        );
    };
    for d in &report.discrepancies {
        for s in &d.sides {
            for e in &s.evidence {
                check(&e.article, e.start, e.end, &e.text);
            }
        }
    }
    for u in &report.updates {
        for s in &u.sides {
            for e in &s.evidence {
                check(&e.article, e.start, e.end, &e.text);
            }
        }
    }
    for f in &report.facts {
        for e in &f.evidence {
            check(&e.article, e.start, e.end, &e.text);
        }
    }
    for c in &report.claims {
        check(
            &c.evidence.article,
            c.evidence.start,
            c.evidence.end,
            &c.evidence.text,
        );
    }
    for e in &report.entities {
        for f in &e.forms {
            check(&f.article, f.start, f.end, &f.text);
        }
    }
}

// ---- A port of ../shared/eval/score.py's matching, so `cargo test` checks the gold files. ----

fn fold(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2014}' | '\u{2013}' => '-',
            '\u{00a0}' => ' ',
            c => c,
        })
        .collect::<String>()
        .replace('\u{2026}', "...")
        .to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| " \t\"'.,;:!?()[]".contains(c))
        .to_string()
}

fn value_match(g: &str, t: &str) -> bool {
    let (g, t) = (fold(g), fold(t));
    if g.is_empty() || t.is_empty() {
        return false;
    }
    if g == t {
        return true;
    }
    let (short, long) = if g.chars().count() <= t.chars().count() {
        (&g, &t)
    } else {
        (&t, &g)
    };
    short.chars().count() >= 4 && long.contains(short.as_str())
}

type GoldSide = (Vec<String>, Vec<String>);

fn gold_sides(item: &Value) -> [GoldSide; 2] {
    let strs = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(s) = item.get("sides") {
        [
            (strs(&s[0]["values"]), strs(&s[0]["articles"])),
            (strs(&s[1]["values"]), strs(&s[1]["articles"])),
        ]
    } else {
        let v = strs(&item["values"]);
        let arts = strs(&item["articles"]);
        [
            (vec![v[0].clone()], arts.clone()),
            (vec![v[1].clone()], arts),
        ]
    }
}

fn side_fits(values: &[String], articles: &[String], side: &crosscheck::Side) -> bool {
    let mut tv = vec![side.value.clone()];
    if !side.normalized.trim().is_empty() {
        tv.push(side.normalized.clone());
    }
    if !values.iter().any(|g| tv.iter().any(|t| value_match(g, t))) {
        return false;
    }
    articles.is_empty() || articles.iter().any(|a| side.articles.contains(a))
}

fn flag_matches(gold: &[GoldSide; 2], d: &crosscheck::Discrepancy) -> bool {
    for (i, x) in d.sides.iter().enumerate() {
        for (j, y) in d.sides.iter().enumerate() {
            if i != j
                && side_fits(&gold[0].0, &gold[0].1, x)
                && side_fits(&gold[1].0, &gold[1].1, y)
            {
                return true;
            }
        }
    }
    false
}

/// (must found, must total, must ids missed, must-not ids flagged, flags)
pub struct Score {
    pub must: usize,
    pub must_total: usize,
    pub missed: Vec<String>,
    pub false_flags: Vec<String>,
    pub flags: usize,
}

pub fn score(gold_path: &Path, report: &Report) -> Score {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).expect("gold"))
        .expect("gold json");
    let items = |k: &str| gold[k].as_array().cloned().unwrap_or_default();
    let mut s = Score {
        must: 0,
        must_total: 0,
        missed: vec![],
        false_flags: vec![],
        flags: report.discrepancies.len(),
    };
    for item in items("must_flag") {
        s.must_total += 1;
        let g = gold_sides(&item);
        if report.discrepancies.iter().any(|d| flag_matches(&g, d)) {
            s.must += 1;
        } else {
            s.missed
                .push(item["id"].as_str().unwrap_or("?").to_string());
        }
    }
    for item in items("must_not_flag") {
        let g = gold_sides(&item);
        if report.discrepancies.iter().any(|d| flag_matches(&g, d)) {
            s.false_flags
                .push(item["id"].as_str().unwrap_or("?").to_string());
        }
    }
    s
}

/// Run the pipeline on articles given as (id, publication date, text), checking the schema.
pub fn run_articles(articles: &[(&str, &str, &str)]) -> Report {
    let corpus = Corpus::from_articles(articles.iter().map(|(id, date, text)| {
        Article::new(*id, *text).with_published(date.parse().expect("test date"))
    }));
    let r = Pipeline::new().run(&corpus);
    check_schema(&r);
    r
}

/// The discrepancies of one kind.
pub fn flags(r: &Report, kind: Kind) -> Vec<&Discrepancy> {
    r.discrepancies.iter().filter(|d| d.kind == kind).collect()
}

/// Exactly one discrepancy of `kind`, with sides valued `a` and `b` among them.
pub fn one_flag_between(r: &Report, kind: Kind, a: &str, b: &str) {
    let f = flags(r, kind);
    assert_eq!(f.len(), 1, "{:#?}", r.discrepancies);
    let values: Vec<&str> = f[0].sides.iter().map(|s| s.value.as_str()).collect();
    assert!(values.contains(&a) && values.contains(&b), "{values:?}");
}

/// A discrepancy's sides: each value with its articles.
pub fn sides_of(d: &Discrepancy) -> Vec<(&str, Vec<&str>)> {
    d.sides
        .iter()
        .map(|s| {
            (
                s.value.as_str(),
                s.articles.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

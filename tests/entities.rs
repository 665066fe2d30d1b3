//! Entity, title and place cases through the whole pipeline, read from
//! `tests/entities/cases.txt` (the format is described at the top of that file).
//!
//! Every case must pass, except cases marked `xfail`, which must still fail: a known gap is
//! written down with its reason, and a fix shows up as a case to promote.

mod common;

use crosscheck::{Article, Corpus, Kind, Pipeline, Report};

struct Case {
    name: String,
    line: usize,
    xfail: Option<String>,
    articles: Vec<(String, String, String)>,
    expects: Vec<(usize, String)>,
}

fn parse(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if let Some(rest) = raw.strip_prefix("=== ") {
            let (xfail, name) = match rest.strip_prefix("xfail:") {
                Some(r) => {
                    let (reason, name) = r.split_once('|').expect("xfail: REASON | NAME");
                    (Some(reason.trim().to_string()), name.trim().to_string())
                }
                None => (None, rest.trim().to_string()),
            };
            cases.push(Case {
                name,
                line,
                xfail,
                articles: Vec::new(),
                expects: Vec::new(),
            });
            continue;
        }
        let Some(case) = cases.last_mut() else {
            assert!(
                raw.trim().is_empty() || raw.starts_with('#'),
                "cases.txt:{line}: text before the first case"
            );
            continue;
        };
        if let Some(rest) = raw.strip_prefix("--- ") {
            let mut it = rest.split_whitespace();
            let id = it.next().expect("--- ID DATE").to_string();
            let date = it.next().expect("--- ID DATE").to_string();
            case.articles.push((id, date, String::new()));
        } else if let Some(rest) = raw.strip_prefix("? ") {
            case.expects.push((line, rest.trim().to_string()));
        } else if raw.starts_with('#') && case.articles.is_empty() {
            continue;
        } else if let Some(a) = case.articles.last_mut() {
            a.2.push_str(raw);
            a.2.push('\n');
        } else {
            assert!(
                raw.trim().is_empty(),
                "cases.txt:{line}: text outside an article"
            );
        }
    }
    cases
}

fn kind(s: &str) -> Kind {
    match s {
        "when" => Kind::When,
        "where" => Kind::Where,
        "title" => Kind::Title,
        "quantity" => Kind::Quantity,
        "quote" => Kind::Quote,
        "who" => Kind::Who,
        "outcome" => Kind::Outcome,
        other => panic!("unknown kind {other}"),
    }
}

fn pair(s: &str) -> (&str, &str) {
    let (a, b) = s.split_once('|').expect("X | Y");
    (a.trim(), b.trim())
}

/// `None` when the expectation holds, else what was found instead.
fn check(r: &Report, expect: &str) -> Option<String> {
    let (verb, arg) = expect.split_once(':').expect("VERB: ARGS");
    let arg = arg.trim();
    let entities_with = |s: &str| {
        r.entities
            .iter()
            .filter(|e| e.variants.iter().any(|v| v == s))
            .collect::<Vec<_>>()
    };
    let listing = || {
        r.entities
            .iter()
            .map(|e| format!("{} {} {:?}", e.kind, e.name, e.variants))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let count = |k: Kind| r.discrepancies.iter().filter(|d| d.kind == k).count();
    let flags = || {
        r.discrepancies
            .iter()
            .map(|d| format!("{:?} {}: {}", d.kind, d.about, d.explanation))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let ok = match verb {
        "same" | "org" => {
            let (x, y) = pair(arg);
            let want = if verb == "org" { "org" } else { "" };
            entities_with(x)
                .iter()
                .any(|e| e.variants.iter().any(|v| v == y) && (want.is_empty() || e.kind == want))
        }
        "distinct" => {
            let (x, y) = pair(arg);
            !entities_with(x)
                .iter()
                .any(|e| e.variants.iter().any(|v| v == y))
        }
        "place" => {
            let (surface, name) = arg.split_once("->").expect("place: SURFACE -> NAME");
            entities_with(surface.trim())
                .iter()
                .any(|e| e.kind == "place" && e.name == name.trim())
        }
        "noplace" => !entities_with(arg).iter().any(|e| e.kind == "place"),
        "ref" => {
            let (x, y) = pair(arg);
            entities_with(x)
                .iter()
                .any(|e| e.forms.iter().any(|f| f.text == y))
        }
        "noref" => {
            let (x, y) = pair(arg);
            !entities_with(x)
                .iter()
                .any(|e| e.forms.iter().any(|f| f.text == y))
        }
        "title" => {
            let (person, title) = arg.split_once("->").expect("title: NAME -> TITLE");
            entities_with(person.trim())
                .iter()
                .any(|e| e.kind == "person" && e.titles.iter().any(|t| t.title == title.trim()))
        }
        "flag" => count(kind(arg)) > 0,
        "noflag" => count(kind(arg)) == 0,
        "count" => {
            let (k, n) = arg.split_once(' ').expect("count: KIND N");
            count(kind(k)) == n.trim().parse::<usize>().expect("a count")
        }
        other => panic!("unknown expectation {other}"),
    };
    if ok {
        None
    } else if matches!(verb, "flag" | "noflag" | "count") {
        Some(format!("flags: [{}]", flags()))
    } else {
        Some(format!("entities: [{}]", listing()))
    }
}

#[test]
fn entity_title_and_place_cases() {
    let text = include_str!("entities/cases.txt");
    let cases = parse(text);
    let pipeline = Pipeline::new();
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    let mut checks = 0;
    for case in &cases {
        assert!(
            !case.expects.is_empty(),
            "cases.txt:{}: no expectation",
            case.line
        );
        let corpus = Corpus::from_articles(case.articles.iter().map(|(id, date, text)| {
            Article::new(id.clone(), text.clone())
                .with_published(date.parse().expect("a YYYY-MM-DD date"))
        }));
        let report = pipeline.run(&corpus);
        common::check_schema(&report);
        let mut failed = Vec::new();
        for (line, e) in &case.expects {
            checks += 1;
            if let Some(found) = check(&report, e) {
                failed.push(format!("  cases.txt:{line}: `{e}` does not hold; {found}"));
            }
        }
        match (&case.xfail, failed.is_empty()) {
            (None, false) => failures.push(format!(
                "{} (line {})\n{}",
                case.name,
                case.line,
                failed.join("\n")
            )),
            (Some(_), true) => fixed.push(format!("{} (line {})", case.name, case.line)),
            _ => {}
        }
    }
    let xfail = cases.iter().filter(|c| c.xfail.is_some()).count();
    eprintln!(
        "{} cases ({} checks): {} pass, {} known gaps (xfail), {} failing",
        cases.len(),
        checks,
        cases.len() - xfail - failures.len(),
        xfail,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "xfail cases that now pass (remove their xfail mark):\n{}",
        fixed.join("\n")
    );
    assert!(cases.len() >= 100, "only {} cases", cases.len());
}

//! The public API reproduces the command line byte for byte: every test here uses only items
//! re-exported at the crate root (`crosscheck::X`, no module path) and compares the report it
//! renders with what the `crosscheck` binary prints for the same inputs and flags.
mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crosscheck::{
    AnchorSource, Article, Corpus, DayOrder, Error, ErrorKind, Format, Pipeline, RenderOptions,
    Report, Rules, RulesBuilder,
};

fn story(name: &str) -> PathBuf {
    common::corpus_dir(name)
}

/// The shared seed story, beside the repository as CI has it (`../shared/seeds`).
fn seeds() -> Option<PathBuf> {
    let dir = common::seeds_dir();
    if dir.is_none() {
        eprintln!("../shared/seeds not found: the seed-story comparison is skipped");
    }
    dir
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("crosscheck-api-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// What `crosscheck ARGS...` writes on standard output; it must exit with 0 or 1.
fn cli(args: &[&OsStr]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "crosscheck {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn render(report: &Report, format: Format) -> Vec<u8> {
    let mut buf = Vec::new();
    report.render(format, &mut buf).unwrap();
    buf
}

/// Equal bytes, or a panic that shows the first line where they differ.
fn assert_same(what: &str, api: &[u8], cli: &[u8]) {
    let (a, c) = (String::from_utf8_lossy(api), String::from_utf8_lossy(cli));
    if let Some((line, a, c)) = common::first_difference(&a, &c) {
        panic!("{what}: the API and the CLI differ at line {line}:\napi: {a:?}\ncli: {c:?}");
    }
    assert_eq!(api, cli, "{what}: the API and the CLI differ");
}

/// `crosscheck DIR -f json` and `Pipeline::check_dir` + `Report::render`.
fn same_json_as_cli(dir: &Path) -> Report {
    let report = Pipeline::new().check_dir(dir).unwrap();
    let api = render(&report, Format::Json);
    let cli = cli(&[dir.as_os_str(), OsStr::new("-f"), OsStr::new("json")]);
    assert_same(&dir.display().to_string(), &api, &cli);
    report
}

#[test]
fn seed_story_json_equals_the_cli() {
    let Some(dir) = seeds() else { return };
    let report = same_json_as_cli(&dir);
    assert!(report.has_discrepancies());
    assert!(!report.articles.is_empty());
}

#[test]
fn example_story_in_every_format_equals_the_cli() {
    let dir = story("bus-crash");
    let report = same_json_as_cli(&dir);
    for (flag, format) in [
        ("text", Format::Text),
        ("csv", Format::Csv),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("dot", Format::Dot),
    ] {
        assert_eq!(flag.parse::<Format>(), Ok(format));
        let cli = cli(&[dir.as_os_str(), OsStr::new("-f"), flag.as_ref()]);
        assert_same(flag, &render(&report, format), &cli);
    }
    // --csv-bom and --color always are RenderOptions.
    let opts = RenderOptions {
        color: true,
        csv_bom: true,
    };
    for (flag, format) in [("csv", Format::Csv), ("text", Format::Text)] {
        let mut api = Vec::new();
        report.render_with(format, &opts, &mut api).unwrap();
        let args = ["-f", flag, "--csv-bom", "--color", "always"];
        let mut argv: Vec<&OsStr> = vec![dir.as_os_str()];
        argv.extend(args.iter().map(OsStr::new));
        assert_same(flag, &api, &cli(&argv));
    }
}

#[test]
fn output_file_format_follows_its_extension_as_with_dash_o() {
    let dir = story("summit-talks");
    let report = Pipeline::new().check_dir(&dir).unwrap();
    let out = tmp("save");
    for name in [
        "r.json", "r.csv", "r.md", "r.html", "r.dot", "r.txt", "report",
    ] {
        let (api, via_cli) = (out.join(format!("api-{name}")), out.join(name));
        report.save(&api).unwrap();
        cli(&[dir.as_os_str(), OsStr::new("-o"), via_cli.as_os_str()]);
        assert_same(
            name,
            &std::fs::read(&api).unwrap(),
            &std::fs::read(&via_cli).unwrap(),
        );
    }
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn files_with_a_manifest_equal_the_cli() {
    let dir = story("ferry-rescue");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.truncate(3);
    let manifest = dir.join("manifest.csv");
    let report = Pipeline::new()
        .check_paths(&files, Some(&manifest))
        .unwrap();
    assert_eq!(report.articles.len(), 3);
    assert!(report.articles.iter().all(|a| a.anchor == "manifest"));
    let mut argv: Vec<&OsStr> = files.iter().map(|f| f.as_os_str()).collect();
    argv.extend([OsStr::new("--manifest"), manifest.as_os_str()]);
    argv.extend([OsStr::new("-f"), OsStr::new("json")]);
    assert_same("files", &render(&report, Format::Json), &cli(&argv));
}

#[test]
fn rules_dir_and_month_first_equal_the_cli() {
    // One article per outlet, with a title lexicon of our own and a US-style date.
    let dir = tmp("rules-story");
    for (file, title, date) in [
        ("a.txt", "Harbor Master", "05/06"),
        ("b.txt", "Port Captain", "05/07"),
    ] {
        let text = format!("{title} Ana Ruiz closed the northern basin on {date}/2026 after the tanker ran aground.");
        std::fs::write(dir.join(file), text).unwrap();
    }
    let rules_dir = tmp("rules-dir");
    std::fs::write(
        rules_dir.join("port.rules"),
        "# format: 1\nclass port exclusive\ntitle \"harbor master\" class=port\ntitle \"port captain\" class=port\n",
    )
    .unwrap();

    let pipeline =
        Pipeline::with_rules(Rules::from_dir(&rules_dir).unwrap()).day_order(DayOrder::MonthFirst);
    let report = pipeline.check_dir(&dir).unwrap();
    let kinds: Vec<String> = report
        .discrepancies
        .iter()
        .map(|d| d.kind.to_string())
        .collect();
    assert!(kinds.contains(&"title".to_string()), "{kinds:?}");
    let when = report.claims.iter().find_map(|c| c.when.as_ref()).unwrap();
    assert_eq!(when.normalized, "2026-05-06");

    let cli = cli(&[
        dir.as_os_str(),
        OsStr::new("--rules"),
        rules_dir.as_os_str(),
        OsStr::new("--month-first"),
        OsStr::new("-f"),
        OsStr::new("json"),
    ]);
    assert_same("rules", &render(&report, Format::Json), &cli);

    // The same rules from a string give the same report.
    let from_str = Rules::from_str_with_defaults(
        "port.rules",
        &std::fs::read_to_string(rules_dir.join("port.rules")).unwrap(),
    )
    .unwrap();
    let again = Pipeline::with_rules(from_str)
        .day_order(DayOrder::MonthFirst)
        .check_dir(&dir)
        .unwrap();
    assert_eq!(again, report);
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_dir_all(rules_dir).unwrap();
}

#[test]
fn articles_from_strings_equal_the_same_files() {
    // Articles held as strings, with their outlets and dates, give the report their files
    // give, but for where each was read from and what its dates were resolved against.
    let dir = story("minister-resigns");
    let corpus = Corpus::from_dir(&dir).unwrap();
    let strings: Corpus = corpus
        .articles
        .iter()
        .map(|a| {
            let s = Article::new(a.id.clone(), a.text.clone())
                .with_outlet(a.outlet.clone().unwrap())
                .with_published(a.published.unwrap());
            assert_eq!(s.anchor, AnchorSource::Caller);
            s
        })
        .collect();
    let json = |r: Report| {
        let mut r = r;
        for a in &mut r.articles {
            a.path = None;
        }
        serde_json::to_string_pretty(&r)
            .unwrap()
            .replace(r#""anchor": "caller""#, r#""anchor": "manifest""#)
    };
    let from_strings = json(Pipeline::new().run(&strings));
    let from_files = json(Pipeline::new().check_dir(&dir).unwrap());
    assert!(from_strings.contains(r#""anchor": "manifest""#));
    assert_same("strings", from_strings.as_bytes(), from_files.as_bytes());
}

#[test]
fn errors_have_kinds_to_match() {
    let missing = common::root().join("no-such-folder");
    let e: Error = Pipeline::new().check_dir(&missing).unwrap_err();
    // a missing input is skipped with its reason; with nothing left, there is no article
    assert!(matches!(e.kind(), ErrorKind::NoArticles(_)), "{e}");
    assert!(e.to_string().contains("no-such-folder"), "{e}");

    let empty = tmp("empty");
    let e = Pipeline::new().check_dir(&empty).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::NoArticles(_)), "{e}");
    std::fs::remove_dir_all(empty).unwrap();

    let e = RulesBuilder::new()
        .add_str("bad.rules", "# format: 1\nmonth Smarch 13\n")
        .build()
        .unwrap_err();
    match e.into_kind() {
        ErrorKind::Rule { line, col, .. } => assert_eq!((line, col), (2, 14)),
        other => panic!("{other}"),
    }
}

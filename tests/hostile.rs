//! Hostile input (#9): whatever arrives, crosscheck answers with a report or a clear error,
//! never a panic, never a lost article. Limits, odd encodings and line endings, broken
//! directories, exit codes, the fuzzers' regression inputs and proptest invariants.
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crosscheck::{Article, Corpus, Pipeline, ReadOptions, Report, DEFAULT_MAX_BYTES};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("crosscheck-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const DAY: &str = "2026-03-04";

/// Two articles that disagree on a title: the report has one `title` discrepancy.
const A: &str = "Transport Minister Ana Costa visited Lyon on Monday.\n";
const B: &str = "Interior Minister Ana Costa visited Lyon on Monday.\n";

fn article(id: &str, text: &str) -> Article {
    Article::new(id, text).with_published(DAY.parse().unwrap())
}

/// Run the pipeline on in-memory articles, checking every span of the report and of each
/// article's extraction.
fn run(articles: Vec<Article>) -> (Corpus, Report) {
    let p = Pipeline::new();
    for (i, a) in articles.iter().enumerate() {
        check_extraction(&p, i, a);
    }
    let corpus = Corpus::from_articles(articles);
    let report = p.run(&corpus);
    common::check_spans(&corpus, &report);
    (corpus, report)
}

fn check_extraction(p: &Pipeline, i: usize, a: &Article) {
    for (s, e) in p.extract(i, a).spans() {
        assert!(
            s <= e && e <= a.text.len(),
            "span {s}..{e} outside {}",
            a.id
        );
        assert!(
            a.text.is_char_boundary(s) && a.text.is_char_boundary(e),
            "span {s}..{e} of {} not on char boundaries",
            a.id
        );
    }
}

fn kinds(r: &Report) -> Vec<String> {
    r.discrepancies
        .iter()
        .map(|d| d.kind.as_str().to_string())
        .collect()
}

/// What the report says, without where it says it (offsets move with a BOM or CRLF).
fn findings(r: &Report) -> Vec<(String, String, Vec<String>)> {
    r.discrepancies
        .iter()
        .map(|d| {
            let values = d.sides.iter().map(|s| s.normalized.clone()).collect();
            (d.kind.as_str().to_string(), d.about.clone(), values)
        })
        .collect()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn skipped(v: &serde_json::Value) -> Vec<(String, String)> {
    v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn reason_for<'a>(skipped: &'a [(String, String)], name: &str) -> &'a str {
    skipped
        .iter()
        .find(|(p, _)| p.ends_with(name))
        .map(|(_, r)| r.as_str())
        .unwrap_or_else(|| panic!("{name} is not listed as skipped: {skipped:?}"))
}

fn warnings(v: &serde_json::Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

/// A story directory with the two disagreeing articles.
fn story(name: &str) -> PathBuf {
    let d = tmp(name);
    std::fs::write(d.join("a.txt"), A).unwrap();
    std::fs::write(d.join("b.txt"), B).unwrap();
    d
}

fn check_dir(d: &Path) -> Output {
    bin().arg(d).args(["--format", "json"]).output().unwrap()
}

fn check_paths(paths: &[PathBuf]) -> Output {
    bin()
        .args(paths)
        .args(["--format", "json"])
        .output()
        .unwrap()
}

/// The JSON report on a directory, which must exit with `code`.
fn checked(d: &Path, code: i32) -> serde_json::Value {
    let out = check_dir(d);
    assert_eq!(out.status.code(), Some(code), "{out:?}");
    json(&out)
}

fn article_ids(v: &serde_json::Value) -> Vec<&str> {
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect()
}

// ---- Size cap ----

#[test]
fn default_size_cap_is_ten_mib() {
    assert_eq!(DEFAULT_MAX_BYTES, 10 * 1024 * 1024);
    assert_eq!(ReadOptions::default().max_bytes, DEFAULT_MAX_BYTES);
    let help = bin().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--max-bytes") && help.contains("10485760"),
        "{help}"
    );
}

#[test]
fn a_file_over_the_default_cap_is_skipped_and_the_others_read() {
    let d = story("cap-default");
    let big = std::fs::File::create(d.join("big.txt")).unwrap();
    // Sparse: no 10 MB written to disk, but its size is over the cap.
    big.set_len(DEFAULT_MAX_BYTES + 1).unwrap();
    let out = check_dir(&d);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let s = skipped(&v);
    assert!(
        reason_for(&s, "big.txt").contains("larger than 10485760 bytes"),
        "{s:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped") && err.contains("big.txt"), "{err}");
}

#[test]
fn max_bytes_sets_the_cap_in_the_cli_and_the_library() {
    let d = story("cap-flag");
    std::fs::write(
        d.join("c.txt"),
        format!("{A}{}", "More words here. ".repeat(10)),
    )
    .unwrap();
    let out = bin()
        .arg(&d)
        .args(["--format", "json", "--max-bytes", "100"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    assert!(reason_for(&skipped(&v), "c.txt").contains("larger than 100 bytes"));

    let c = Corpus::read(&[d], None, &ReadOptions::default().max_bytes(100)).unwrap();
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.skipped.len(), 1);
}

#[test]
fn the_only_input_over_the_cap_is_an_error_naming_it() {
    let d = tmp("cap-only");
    std::fs::write(d.join("a.txt"), A).unwrap();
    let out = bin()
        .arg(d.join("a.txt"))
        .args(["--max-bytes", "10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no article to check")
            && err.contains("a.txt")
            && err.contains("larger than 10 bytes"),
        "{err}"
    );
}

#[test]
fn stdin_over_the_cap_is_skipped() {
    use std::io::Write;
    let d = story("cap-stdin");
    let mut child = bin()
        .arg("-")
        .arg(&d)
        .args(["--format", "json", "--max-bytes", "60"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Writing may fail once the reader has stopped at the cap; that is the point.
    let _ = stdin.write_all(A.repeat(100).as_bytes());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert!(reason_for(&skipped(&v), "-").contains("larger than 60 bytes"));
}

// ---- Pathological text ----

#[test]
fn a_one_megabyte_line_without_spaces() {
    let mut line = String::with_capacity(1 << 20);
    while line.len() < 1 << 20 {
        line.push_str("Lyon.Monday,12km\u{201c}Ana-Costa\u{2019}s");
    }
    let (_, r) = run(vec![
        article("a", A),
        article("b", B),
        article("long", &line),
    ]);
    assert!(kinds(&r).contains(&"title".to_string()), "{:?}", kinds(&r));
    let letters = "x".repeat(1 << 20);
    run(vec![article("x", &letters)]);
}

#[test]
fn a_hundred_thousand_quotation_marks() {
    for mark in ["\"", "\u{201c}", "\u{201c}\u{201d}", "\u{201d}", "'"] {
        let text = format!("{A}Ana Costa said {}\n{B}", mark.repeat(100_000));
        let (_, r) = run(vec![article("q", &text), article("a", A)]);
        assert_eq!(r.articles.len(), 2);
    }
    // Quotation marks between words, one sentence with them all.
    let text = format!("Costa said{}.\n", " \"so\" it".repeat(100_000 / 2));
    run(vec![article("words", &text), article("a", A)]);
}

#[test]
fn deeply_nested_quotes_and_brackets() {
    let depth = 50_000;
    let nested = [
        ("(", ")"),
        ("[", "]"),
        ("{", "}"),
        ("\u{201c}\u{2018}", "\u{2019}\u{201d}"),
        ("\u{ab}", "\u{bb}"),
        ("\"'", "'\""),
    ];
    for (open, close) in nested {
        let text = format!(
            "Ana Costa said {}Transport Minister Ana Costa visited Lyon on Monday.{} on Monday.\n",
            open.repeat(depth),
            close.repeat(depth)
        );
        let (_, r) = run(vec![article("n", &text), article("b", B)]);
        assert_eq!(r.articles.len(), 2);
    }
    // A rule file of nested quotes and escapes is a clear error, not a stack overflow.
    let rule = format!("title {}x{}\n", "\"\\\"".repeat(depth), "\"".repeat(depth));
    let e = crosscheck::RulesBuilder::new()
        .add_str("nested.rules", &rule)
        .build()
        .unwrap_err();
    assert!(e.to_string().starts_with("nested.rules:1:"), "{e}");
}

#[test]
fn a_thousand_linking_words_in_an_organisation_name() {
    // The acronym matcher once tried every choice of the linking words: 2^1000.
    let long = format!("{}office", "of ".repeat(1000));
    assert!(!crosscheck::resolve::is_acronym("oooooooooooz", &long));
    assert!(crosscheck::resolve::is_acronym("oooo", &long));
    let text = format!(
        "The Ministry {}Transport said 12 people were hurt. The MOOOT said 14 people were hurt.\n",
        "of ".repeat(2000)
    );
    run(vec![article("a", &text), article("b", A)]);
}

#[test]
fn nul_bytes_are_read_as_spaces_and_a_binary_file_is_skipped() {
    let d = story("nul");
    let mut c = A.replacen(' ', "\0", 2).into_bytes();
    c.extend_from_slice(b"\0\0");
    std::fs::write(d.join("c.txt"), &c).unwrap();
    std::fs::write(d.join("d.txt"), [0u8; 4096]).unwrap();
    let v = checked(&d, 1);
    let ids = article_ids(&v);
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(reason_for(&skipped(&v), "d.txt").contains("not a text file"));
    assert!(
        warnings(&v)
            .iter()
            .any(|w| w.contains("c.txt") && w.contains("NUL")),
        "{v}"
    );
}

#[test]
fn cr_and_crlf_line_endings_read_like_lf() {
    let fm = "Published: 2026-03-04\nOutlet: Harbor Times\n\n";
    let lf_a = format!("{fm}{A}Police said 12 people were hurt.\n");
    let lf_b = format!("{fm}{B}Police said 14 people were hurt.\n");
    let d = tmp("line-ends");
    let mut reports = Vec::new();
    for (name, end) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        let sub = d.join(name);
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join("a.txt"), lf_a.replace('\n', end)).unwrap();
        std::fs::write(sub.join("b.txt"), lf_b.replace('\n', end)).unwrap();
        let (corpus, r) = common::run_dir(&sub);
        for a in &corpus.articles {
            assert_eq!(a.outlet.as_deref(), Some("Harbor Times"), "{name}");
            assert_eq!(a.published, Some(DAY.parse().unwrap()), "{name}");
            assert!(
                a.text[a.body_start..].starts_with("Transport")
                    || a.text[a.body_start..].starts_with("Interior")
            );
        }
        reports.push(findings(&r));
    }
    assert!(!reports[0].is_empty());
    assert_eq!(reports[0], reports[1], "CRLF");
    assert_eq!(reports[0], reports[2], "CR");
    // Paragraphs split at a lone CR too.
    let seg = crosscheck::segment::segment(
        "One line.\rTwo line.\r\nThree.",
        0,
        &crosscheck::Rules::defaults(),
    );
    assert_eq!(seg.paragraphs.len(), 3);
}

#[test]
fn a_byte_order_mark_changes_nothing_but_offsets() {
    let d = tmp("bom");
    for (name, text) in [("a.txt", A), ("b.txt", B)] {
        std::fs::write(d.join(name), format!("\u{feff}{text}")).unwrap();
    }
    let with_fm = d.join("fm");
    std::fs::create_dir_all(&with_fm).unwrap();
    for (name, text) in [("a.txt", A), ("b.txt", B)] {
        std::fs::write(
            with_fm.join(name),
            format!("\u{feff}Published: {DAY}\n\n{text}"),
        )
        .unwrap();
    }
    let (_, plain) = run(vec![article("a", A), article("b", B)]);
    let (corpus, bom) = common::run_dir(&d);
    assert_eq!(corpus.articles[0].body_start, 3);
    let (corpus, fm) = common::run_dir(&with_fm);
    assert_eq!(corpus.articles[0].published, Some(DAY.parse().unwrap()));
    assert!(!findings(&plain).is_empty());
    assert_eq!(findings(&plain), findings(&fm));
    // Without a publication date the title still conflicts.
    assert_eq!(kinds(&bom), ["title"]);
    // A BOM in an in-memory article (no front matter read) is skipped by the segmenter.
    let (_, mem) = run(vec![
        article("a", &format!("\u{feff}{A}")),
        article("b", &format!("\u{feff}{B}")),
    ]);
    assert_eq!(findings(&plain), findings(&mem));
}

#[test]
fn right_to_left_marks_and_mixed_scripts() {
    let texts = [
        "\u{200f}وزير النقل آنا كوستا زار ليون يوم الاثنين.\u{200e} Transport Minister Ana Costa visited Lyon on Monday.\n",
        "\u{202b}Interior Minister Ana Costa\u{202c} visited Lyon on \u{2067}Monday\u{2069}.\n",
        "Министр Анна Коста посетила Lyon в понедельник. 運輸大臣 Ana Costa visited Lyon on Monday 🚌.\n",
        "Ο υπουργός Ana Costa επισκέφθηκε τη Λυών. שר התחבורה Ana Costa visited Lyon on Monday.\n",
        // "İ" lowercases to three bytes from two: offsets into a lowercase copy once broke.
        "İİİ told reporters \u{feff} about 3,000 people were hurt, Transport Minister Ana Costa said.\n",
        "e\u{301}\u{301}\u{301} Z\u{351}\u{35b}\u{34c}a\u{358}\u{353} 12\u{a0}000 people; ½ ⅓ ١٢ ١٤ people were hurt.\n",
    ];
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article(&format!("s{i}"), t))
        .collect();
    let (_, r) = run(articles);
    assert_eq!(r.articles.len(), texts.len());
    // The direction marks around the name do not hide the title conflict.
    let (_, r) = run(vec![article("a", A), article("b", texts[1])]);
    assert_eq!(kinds(&r), ["title"]);
}

#[test]
fn zero_width_characters_inside_names() {
    for zw in [
        "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{ad}", "\u{feff}",
    ] {
        let b = format!("Interior Minister Ana Co{zw}sta visited Lyon on Monday.\n");
        let (_, r) = run(vec![article("a", A), article("b", &b)]);
        assert_eq!(kinds(&r), ["title"], "{zw:?}");
        // One person, spelled two ways at most.
        let people: Vec<_> = r.entities.iter().filter(|e| e.kind == "person").collect();
        assert_eq!(people.len(), 1, "{zw:?}: {:?}", r.entities);
        // A mark at either end of the name: read, spans intact.
        let b = format!("Interior Minister {zw}Ana Costa{zw} visited Lyon on Monday.\n");
        run(vec![article("a", A), article("b", &b)]);
    }
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning() {
    let d = story("utf8");
    let mut c = b"Transport Minister Ana Costa visited Lyon \xff\xfe on Monday.\n".to_vec();
    c.extend_from_slice(&[0xc3, b' ', 0xe2, 0x82]);
    std::fs::write(d.join("c.txt"), &c).unwrap();
    let (corpus, _) = common::run_dir(&d);
    assert_eq!(corpus.articles.len(), 3);
    assert!(corpus
        .warnings
        .iter()
        .any(|w| w.contains("c.txt") && w.contains("UTF-8")));
}

// ---- Directories ----

#[cfg(unix)]
#[test]
fn unreadable_files_dangling_links_and_symlink_loops_are_skipped() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let d = story("links");
    std::fs::write(d.join("locked.txt"), A).unwrap();
    std::fs::set_permissions(d.join("locked.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // Whether this process may still read it (root may).
    let privileged = std::fs::read(d.join("locked.txt")).is_ok();
    symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    symlink(d.join("loop2.txt"), d.join("loop1.txt")).unwrap();
    symlink(d.join("loop1.txt"), d.join("loop2.txt")).unwrap();
    symlink(&d, d.join("self")).unwrap();
    std::fs::create_dir(d.join("folder.txt")).unwrap();
    let v = checked(&d, 1);
    let s = skipped(&v);
    assert!(
        reason_for(&s, "dangling.txt").contains("No such file"),
        "{s:?}"
    );
    for l in ["loop1.txt", "loop2.txt"] {
        assert!(
            reason_for(&s, l).to_lowercase().contains("symbolic links"),
            "{s:?}"
        );
    }
    assert!(reason_for(&s, "folder.txt").contains("directory"), "{s:?}");
    let n = v["articles"].as_array().unwrap().len();
    if privileged {
        assert_eq!(n, 3);
    } else {
        assert_eq!(n, 2);
        assert!(reason_for(&s, "locked.txt").contains("ermission"), "{s:?}");
    }
    // An explicit path that is a loop is skipped too, and the other paths are read.
    let out = check_paths(&[d.join("loop1.txt"), d.join("a.txt"), d.join("b.txt")]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(reason_for(&skipped(&json(&out)), "loop1.txt").contains("symbolic links"));
    let _ = std::fs::set_permissions(d.join("locked.txt"), std::fs::Permissions::from_mode(0o644));
}

#[test]
fn non_text_files_are_skipped_with_their_reason() {
    let d = story("binary");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(d.join("photo.txt"), &png).unwrap();
    std::fs::write(
        d.join("control.md"),
        "\x01\x02\x03\x04\x05\x06\x07\x08".repeat(50),
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "\n \r\n\t\n").unwrap();
    std::fs::write(d.join("photo.png"), &png).unwrap();
    let v = checked(&d, 1);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let s = skipped(&v);
    assert!(reason_for(&s, "photo.txt").contains("not a text file"));
    assert!(reason_for(&s, "control.md").contains("not a text file"));
    assert!(reason_for(&s, "empty.txt").contains("empty"));
    // Files that are not .txt/.md in a directory are not inputs.
    assert!(!s.iter().any(|(p, _)| p.ends_with("photo.png")), "{s:?}");
    // Named on the command line, a binary file is an input and is skipped.
    let out = check_paths(&[d.join("photo.png"), d.clone()]);
    assert!(reason_for(&skipped(&json(&out)), "photo.png").contains("not a text file"));
}

#[test]
fn manifest_rows_and_files_that_do_not_match_are_warnings() {
    let d = story("manifest");
    std::fs::write(
        d.join("manifest.csv"),
        "file,outlet,published\na.txt,Harbor Times,2026-03-04\ngone.txt,Valley Wire,2026-03-04\n",
    )
    .unwrap();
    let out = check_dir(&d);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let w = warnings(&v);
    assert!(
        w.iter()
            .any(|w| w.contains("gone.txt") && w.contains("not there")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|w| w
                .ends_with("b.txt: not in the manifest (no outlet or publication date from it)")),
        "{w:?}"
    );
    assert!(!w.iter().any(|w| w.contains("a.txt")), "{w:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning") && err.contains("gone.txt"), "{err}");
    // A manifest row may name the file by its stem.
    std::fs::write(
        d.join("manifest.csv"),
        "file,outlet,published\na,Harbor Times,2026-03-04\nb.txt,Valley Wire,2026-03-04\n",
    )
    .unwrap();
    assert!(warnings(&json(&check_dir(&d))).is_empty());
    // A manifest given with --manifest warns about the files it does not list.
    let m = d.join("only-a.csv");
    std::fs::write(&m, "file,outlet\na.txt,Harbor Times\n").unwrap();
    let out = bin()
        .arg(d.join("a.txt"))
        .arg(d.join("b.txt"))
        .arg("--manifest")
        .arg(&m)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let w = warnings(&json(&out));
    assert!(
        w.iter()
            .any(|w| w.contains("b.txt") && w.contains("not in the manifest")),
        "{w:?}"
    );
}

#[test]
fn a_missing_path_among_others_is_skipped_not_fatal() {
    let d = story("missing");
    let out = check_paths(&[d.join("a.txt"), d.join("no-such.txt"), d.join("b.txt")]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v = json(&out);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    assert!(reason_for(&skipped(&v), "no-such.txt").contains("No such file"));
}

// ---- Exit codes and errors ----

#[test]
fn exit_codes_are_as_documented() {
    // 0: nothing to disagree on.
    let d = tmp("exit0");
    std::fs::write(d.join("a.txt"), A).unwrap();
    std::fs::write(d.join("b.txt"), A).unwrap();
    assert_eq!(check_dir(&d).status.code(), Some(0));
    // 1: discrepancies found, also with skipped inputs beside them.
    let d = story("exit1");
    std::fs::write(d.join("bad.txt"), [0u8; 100]).unwrap();
    assert_eq!(check_dir(&d).status.code(), Some(1));
    // 2: nothing readable; a bad rule file; a bad manifest; a bad flag.
    let d = tmp("exit2");
    std::fs::write(d.join("bad.txt"), [0u8; 100]).unwrap();
    let out = check_dir(&d);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt") && err.contains("not a text file"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let out = bin()
        .arg(story("exit2-flag"))
        .args(["--max-bytes", "lots"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let d = story("exit2-manifest");
    std::fs::write(d.join("manifest.csv"), "name\nx\n").unwrap();
    let out = check_dir(&d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("manifest.csv"));
}

#[test]
fn hostile_rule_files_name_file_line_and_column() {
    let d = tmp("rules");
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "crlf.rules",
            b"# format: 1\r\nweekday Monday 1\r\ntitle \"open\r\n",
            "crlf.rules:3:",
        ),
        (
            "bom.rules",
            "\u{feff}# format: 1\nbogus-keyword x\n".as_bytes(),
            "bom.rules:2:1",
        ),
        (
            "nul.rules",
            b"# format: 1\nweekday Mon\0day 1\ntitle a=\n",
            "nul.rules:3:",
        ),
        ("utf8.rules", b"# format: 1\ntitle \"\xff\"\n", "utf8.rules"),
    ];
    for (name, text, want) in cases {
        let sub = d.join(name.trim_end_matches(".rules"));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(name), text).unwrap();
        let out = bin()
            .arg(story("rules-story"))
            .arg("--rules")
            .arg(&sub)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
    }
}

#[test]
fn one_bad_article_never_loses_the_others() {
    let d = story("many-bad");
    std::fs::write(d.join("c.txt"), "\"".repeat(50_000)).unwrap();
    std::fs::write(d.join("d.txt"), "(".repeat(50_000)).unwrap();
    std::fs::write(d.join("e.txt"), [0xffu8; 300]).unwrap();
    std::fs::write(d.join("f.txt"), "").unwrap();
    let v = checked(&d, 1);
    let ids = article_ids(&v);
    assert_eq!(ids, ["a", "b", "c", "d"]);
    let s = skipped(&v);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(reason_for(&s, "e.txt").contains("not a text file"));
    assert!(reason_for(&s, "f.txt").contains("empty"));
    assert_eq!(v["discrepancies"][0]["kind"], "title");
}

// ---- Fuzz regression inputs (fuzz/README.md) ----

fn fuzz_inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = common::root().join("tests").join("hostile").join(target);
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| {
                    let p = e.path();
                    (p.display().to_string(), std::fs::read(&p).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn fuzz_regressions_extract() {
    for (name, data) in fuzz_inputs("extract") {
        let text = String::from_utf8_lossy(&data);
        let articles: Vec<Article> = text
            .split('\u{1e}')
            .take(4)
            .enumerate()
            .map(|(i, t)| article(&format!("a{i}"), t))
            .collect();
        let (_, r) = run(articles);
        r.render_to_string(crosscheck::Format::Text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn fuzz_regressions_rules() {
    for (name, data) in fuzz_inputs("rules") {
        let text = String::from_utf8_lossy(&data);
        match crosscheck::RulesBuilder::new()
            .add_str("fuzz.rules", &text)
            .build()
        {
            Err(e) => assert!(e.to_string().starts_with("fuzz.rules:"), "{name}: {e}"),
            Ok(rules) => {
                let p = Pipeline::with_rules(rules);
                check_extraction(&p, 0, &article("a", A));
            }
        }
    }
}

#[test]
fn fuzz_regressions_ingest() {
    for (i, (name, data)) in fuzz_inputs("ingest").into_iter().enumerate() {
        let d = tmp(&format!("fuzz-ingest-{i}"));
        let (manifest, text) = match data.iter().position(|&b| b == 0xff) {
            Some(i) => (&data[..i], &data[i + 1..]),
            None => (&[][..], &data[..]),
        };
        if !manifest.is_empty() {
            std::fs::write(d.join("manifest.csv"), manifest).unwrap();
        }
        std::fs::write(d.join("a.txt"), text).unwrap();
        if let Ok(c) = Corpus::from_dir(&d) {
            assert_eq!(c.articles.len() + c.skipped.len(), 1, "{name}");
            for a in &c.articles {
                assert!(a.text.is_char_boundary(a.body_start), "{name}");
            }
            let r = Pipeline::new().run(&c);
            common::check_spans(&c, &r);
        }
    }
}

// ---- Properties ----

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of news text and of junk, so that arbitrary strings reach the grammars.
    const PIECES: &[&str] = &[
        "Transport Minister",
        "Interior Minister",
        "former",
        "Ana Costa",
        "Costa",
        "Dr.",
        "U.S.",
        "visited",
        "met",
        "said",
        "told reporters",
        "Lyon",
        "Porto",
        "France",
        "on Monday",
        "on Tuesday",
        "March 4",
        "4 March 2026",
        "10 a.m.",
        "yesterday",
        "12",
        "14",
        "at least",
        "about 3,000",
        "people",
        "were hurt",
        "km",
        "$1.5 million",
        "percent",
        "\u{201c}",
        "\u{201d}",
        "\"",
        "'",
        "(",
        ")",
        "[",
        ".",
        ",",
        "?!",
        "\u{2014}",
        "-",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " ",
        "  ",
        "\t",
        "\u{feff}",
        "\u{200b}",
        "\u{200f}",
        "\u{301}",
        "é",
        "Ü",
        "ß",
        "İ",
        "ﬁ",
        "Ǆ",
        "Москва",
        "東京",
        "القاهرة",
        "🚌",
        "\0",
        "Published: 2026-03-04\n\n",
        "LISBON, March 4 (Wire) - ",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(PIECES).prop_map(str::to_string),
                1 => any::<char>().prop_map(String::from),
            ],
            0..40,
        )
        .prop_map(|v| v.join(" "))
    }

    /// Articles built from a few facts: often in conflict, with an id each.
    fn story() -> impl Strategy<Value = Vec<(String, String)>> {
        let one = (
            prop::sample::select(&["Transport", "Interior", "Finance"][..]),
            prop::sample::select(&["Lyon", "Porto", "Geneva"][..]),
            prop::sample::select(&["Monday", "Tuesday"][..]),
            prop::sample::select(&["12", "14", "at least 12", "about 20"][..]),
            text(),
        )
            .prop_map(|(t, p, d, n, junk)| {
                format!(
                    "{t} Minister Ana Costa visited {p} on {d}.\nPolice said {n} people were hurt in {p} on {d}.\n{junk}\n"
                )
            });
        prop::collection::vec(one, 2..5).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, t)| (format!("s{i}"), t))
                .collect()
        })
    }

    /// `cases` cases, or `PROPTEST_CASES` for a longer hunt; a failure prints its minimal
    /// input, which belongs in a regression test here.
    fn config(cases: u32) -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases);
        ProptestConfig {
            cases,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
    }

    fn report_of(story: &[(String, String)]) -> Report {
        let corpus = Corpus::from_articles(story.iter().map(|(id, t)| article(id, t)));
        Pipeline::new().run(&corpus)
    }

    fn json(r: &Report) -> String {
        serde_json::to_string(r).unwrap()
    }

    proptest! {
        #![proptest_config(config(128))]

        #[test]
        fn arbitrary_text_never_panics_and_spans_stay_inside(a in text(), b in text()) {
            run(vec![article("a", &a), article("b", &b)]);
        }

        #[test]
        fn arbitrary_chars_never_panic(s in any::<String>()) {
            run(vec![article("a", &s)]);
        }
    }

    proptest! {
        #![proptest_config(config(48))]

        #[test]
        fn the_report_is_the_same_across_runs_and_thread_counts(story in story()) {
            let once = json(&report_of(&story));
            prop_assert_eq!(&once, &json(&report_of(&story)));
            for threads in [1, 4] {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
                let r = pool.install(|| report_of(&story));
                prop_assert_eq!(&once, &json(&r), "{} threads", threads);
            }
        }

        #[test]
        fn reordering_the_articles_changes_no_discrepancy(story in story(), seed in any::<u64>()) {
            let r1 = report_of(&story);
            let mut shuffled = story.clone();
            // A permutation from the seed (a rotation and a reversal cover the orders).
            let k = (seed as usize) % shuffled.len();
            shuffled.rotate_left(k);
            if seed & 1 == 1 {
                shuffled.reverse();
            }
            let r2 = report_of(&shuffled);
            prop_assert_eq!(
                serde_json::to_value(&r1.discrepancies).unwrap(),
                serde_json::to_value(&r2.discrepancies).unwrap()
            );
            prop_assert_eq!(
                serde_json::to_value(&r1.facts).unwrap(),
                serde_json::to_value(&r2.facts).unwrap()
            );
        }
    }
}

#[test]
fn reordering_the_input_files_changes_nothing() {
    let root = tmp("order");
    let (x, y) = (root.join("x"), root.join("y"));
    for d in [&x, &y] {
        std::fs::create_dir_all(d).unwrap();
    }
    // Two files with one stem in different folders: which one gets `~2` must not depend on
    // the order of the paths.
    std::fs::write(x.join("a.txt"), A).unwrap();
    std::fs::write(y.join("a.txt"), B).unwrap();
    std::fs::write(
        y.join("c.txt"),
        "Police said 12 people were hurt in Lyon on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        x.join("c.txt"),
        "Police said 14 people were hurt in Lyon on Monday.\n",
    )
    .unwrap();
    let forward = check_paths(&[x.clone(), y.clone()]);
    let backward = check_paths(&[y, x]);
    assert_eq!(forward.status.code(), Some(1));
    assert_eq!(forward.stdout, backward.stdout);
}

#[test]
fn a_manifest_and_a_folder_that_disagree_give_warnings_in_name_order() {
    let d = tmp("manifest-mismatch");
    std::fs::write(d.join("a.txt"), A).unwrap();
    std::fs::write(d.join("z.txt"), B).unwrap();
    std::fs::write(
        d.join("manifest.csv"),
        "file,outlet,published\nd.txt,Daily,2026-03-04\na.txt,Alpha,2026-03-04\nc,Cee,2026-03-04\n",
    )
    .unwrap();
    let c = Corpus::from_dir(&d).unwrap();
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.articles[0].outlet.as_deref(), Some("Alpha"));
    let w: Vec<&str> = c.warnings.iter().map(String::as_str).collect();
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].ends_with("z.txt: not in the manifest (no outlet or publication date from it)"));
    assert!(
        w[1].ends_with("manifest lists `c`, which is not there"),
        "{w:?}"
    );
    assert!(
        w[2].ends_with("manifest lists `d.txt`, which is not there"),
        "{w:?}"
    );
}

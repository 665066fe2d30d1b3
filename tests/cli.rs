//! The command line: formats, exit codes, errors naming their file.
mod common;

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn tmp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("crosscheck-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn json_report_follows_the_contract() {
    let dir = common::corpus_dir("bus-crash");
    let out = bin().arg(&dir).args(["--format", "json"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], 1);
    for key in [
        "articles",
        "discrepancies",
        "facts",
        "claims",
        "entities",
        "skipped",
    ] {
        assert!(v[key].is_array(), "{key} missing");
    }
    let a = &v["articles"][0];
    assert!(a["id"].is_string() && a["published"].is_string());
    for d in v["discrepancies"].as_array().unwrap() {
        assert!(d["id"].as_str().unwrap().starts_with('d'));
        assert!(d["confidence"].as_f64().unwrap() <= 1.0);
        assert!(d["explanation"].as_str().unwrap().len() > 10);
        assert!(d["sides"].as_array().unwrap().len() >= 2);
        for s in d["sides"].as_array().unwrap() {
            assert!(
                s["value"].is_string() && s["normalized"].is_string() && s["articles"].is_array()
            );
            let e = &s["evidence"][0];
            assert!(
                e["article"].is_string()
                    && e["start"].is_u64()
                    && e["end"].is_u64()
                    && e["text"].is_string()
            );
        }
    }
    // Every evidence span of the CLI's report equals the article file's bytes at [start, end).
    let articles: std::collections::HashMap<String, Vec<u8>> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                std::fs::read(a["path"].as_str().unwrap()).unwrap(),
            )
        })
        .collect();
    let mut checked = 0;
    for d in v["discrepancies"].as_array().unwrap() {
        for s in d["sides"].as_array().unwrap() {
            for e in s["evidence"].as_array().unwrap() {
                let bytes = &articles[e["article"].as_str().unwrap()];
                let (a, b) = (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&bytes[a..b], e["text"].as_str().unwrap().as_bytes());
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
    // Exit code 1 exactly when there are discrepancies.
    let n = v["discrepancies"].as_array().unwrap().len();
    assert_eq!(out.status.code(), Some(if n > 0 { 1 } else { 0 }));
}

#[test]
fn every_format_renders() {
    let dir = common::corpus_dir("flood-relief");
    for f in ["text", "json", "csv", "markdown"] {
        let out = bin().arg(&dir).args(["--format", f]).output().unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{f}: {:?}", out);
        assert!(!out.stdout.is_empty(), "{f}: empty");
    }
    let out = bin().arg(&dir).args(["--format", "csv"]).output().unwrap();
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id",
            "kind",
            "about",
            "value",
            "normalized",
            "outlets",
            "articles",
            "evidence",
            "confidence",
            "explanation",
            "independent_sources"
        ]
    );
}

#[test]
fn format_follows_output_extension() {
    let d = tmp("ext");
    let out = d.join("r.json");
    let st = bin()
        .arg(common::corpus_dir("steel-merger"))
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(matches!(st.code(), Some(0 | 1)));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["schema"], 1);
}

#[test]
fn no_discrepancy_exits_zero() {
    let d = tmp("agree");
    std::fs::write(
        d.join("a.txt"),
        "The bus crashed near Lyon on Monday, police said.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.txt"),
        "Police said the bus crashed near Lyon on Monday.\n",
    )
    .unwrap();
    let out = bin().arg(&d).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn bad_rule_file_names_file_line_and_column() {
    let d = tmp("rules");
    std::fs::write(
        d.join("extra.rules"),
        "# format: 1\nweekday Monday 1\ntitle \"unterminated class=x\n",
    )
    .unwrap();
    let out = bin()
        .arg(common::corpus_dir("bus-crash"))
        .arg("--rules")
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("extra.rules:3:"), "{err}");
    assert!(err.contains("unterminated"), "{err}");
}

#[test]
fn rules_dir_extends_the_defaults() {
    let d = tmp("rules-ok");
    std::fs::write(
        d.join("mine.rules"),
        "# format: 1\ntitle \"harbour master\" class=office\n",
    )
    .unwrap();
    let out = bin()
        .arg(common::corpus_dir("bus-crash"))
        .arg("--rules")
        .arg(&d)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn missing_path_is_an_error() {
    let out = bin().arg("/nonexistent/crosscheck/dir").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/crosscheck/dir"));
}

#[test]
fn bad_manifest_date_names_the_file() {
    let d = tmp("manifest");
    std::fs::write(d.join("a.txt"), "The bus crashed on Monday.\n").unwrap();
    std::fs::write(
        d.join("manifest.csv"),
        "file,outlet,published\na.txt,X,16/05/2025\n",
    )
    .unwrap();
    let out = bin().arg(&d).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("manifest.csv") && err.contains("line 2"),
        "{err}"
    );
}

#[test]
fn one_bad_article_does_not_lose_the_others() {
    let d = tmp("bad-article");
    std::fs::write(
        d.join("a.txt"),
        "Transport Minister Ana Costa visited Lyon on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.txt"),
        "Interior Minister Ana Costa visited Lyon on Monday.\n",
    )
    .unwrap();
    std::fs::write(d.join("c.txt"), [0u8, 159, 146, 150, 0, 0, 0, 0, 0, 0]).unwrap();
    std::fs::write(d.join("d.txt"), "").unwrap();
    let out = bin().arg(&d).args(["--format", "json"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let skipped: Vec<&str> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert!(
        skipped.iter().any(|p| p.ends_with("c.txt"))
            && skipped.iter().any(|p| p.ends_with("d.txt")),
        "{skipped:?}"
    );
}

#[test]
fn stdin_and_front_matter() {
    use std::io::Write;
    let mut child = bin()
        .args(["-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Published: 2026-03-04\nOutlet: Harbor Times\n\nThe bus crashed near Lyon on Monday.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"][0]["published"], "2026-03-04");
    assert_eq!(v["articles"][0]["outlet"], "Harbor Times");
    assert_eq!(v["articles"][0]["anchor"], "front-matter");
}

#[test]
fn help_shows_examples() {
    let out = bin().arg("--help").output().unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("Examples:") && s.contains("Exit status"));
}

#[test]
fn batch_streams_one_line_per_story_in_order_and_survives_a_bad_one() {
    let root = tmp("batch");
    for s in ["bus-crash", "fraud-trial"] {
        let d = root.join(s);
        std::fs::create_dir_all(&d).unwrap();
        for e in std::fs::read_dir(common::corpus_dir(s)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
        }
    }
    // A story folder with nothing readable in it.
    std::fs::create_dir_all(root.join("empty-story")).unwrap();
    let out_file = root.join("out.jsonl");
    let out = bin()
        .args(["batch"])
        .arg(&root)
        .arg("-o")
        .arg(&out_file)
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = std::fs::read_to_string(&out_file).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let stories: Vec<&str> = lines.iter().map(|l| l["story"].as_str().unwrap()).collect();
    assert_eq!(stories, ["bus-crash", "empty-story", "fraud-trial"]);
    assert!(
        lines[0]["report"]["discrepancies"]
            .as_array()
            .unwrap()
            .len()
            >= 4
    );
    assert!(
        lines[2]["report"]["discrepancies"]
            .as_array()
            .unwrap()
            .len()
            >= 4
    );
    // The empty folder is a story with no article: an error line naming it.
    assert!(lines[1].get("report").is_none());
    assert!(lines[1]["error"].as_str().unwrap().contains("empty-story"));
    // --lean: the same discrepancies and facts, no claims or entities.
    let lean_file = root.join("lean.jsonl");
    let out = bin()
        .args(["batch", "--lean", "-q"])
        .arg(&root)
        .arg("-o")
        .arg(&lean_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let lean: Vec<serde_json::Value> = std::fs::read_to_string(&lean_file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lean.len(), 3);
    for (full, lean) in lines.iter().zip(&lean) {
        assert_eq!(full["story"], lean["story"]);
        assert_eq!(full["error"], lean["error"]);
        if let Some(r) = lean.get("report") {
            assert_eq!(r["claims"], serde_json::json!([]));
            assert_eq!(r["entities"], serde_json::json!([]));
            assert!(!full["report"]["claims"].as_array().unwrap().is_empty());
            for k in ["articles", "discrepancies", "facts", "updates"] {
                assert_eq!(full["report"][k], r[k], "{k}");
            }
        }
    }
    // A full disk: the write error ends the batch (exit 2), it does not hang or panic.
    if Path::new("/dev/full").exists() {
        let out = bin()
            .args(["batch", "-q", "-o", "/dev/full"])
            .arg(&root)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    // Not a directory of stories at all.
    let out = bin().args(["batch", "/no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/dir"));
}

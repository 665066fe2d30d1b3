//! Compiles the default gazetteer (`rules/gazetteer.rules`) into the binary tables that
//! `src/rules/gazdata.rs` reads, so that the binary starts without parsing 2 MB of rules.

#[allow(dead_code)]
#[path = "src/rules/syntax.rs"]
mod syntax;

#[allow(dead_code)]
#[path = "src/rules/gazdata.rs"]
mod gazdata;

use std::path::PathBuf;

fn main() {
    for f in [
        "rules/gazetteer.rules",
        "src/rules/gazdata.rs",
        "src/rules/syntax.rs",
    ] {
        println!("cargo::rerun-if-changed={f}");
    }
    let text = std::fs::read_to_string("rules/gazetteer.rules")
        .unwrap_or_else(|e| panic!("rules/gazetteer.rules: {e}"));
    let (lines, errors) = syntax::parse_text(&text);
    if let Some(e) = errors.first() {
        panic!("rules/gazetteer.rules:{}:{}: {}", e.line, e.col, e.msg);
    }
    if let Some(l) = lines.iter().find(|l| l.keyword.text != "place") {
        panic!(
            "rules/gazetteer.rules:{}:{}: the default gazetteer holds `place` rules only",
            l.line, l.keyword.col
        );
    }
    let refs: Vec<&syntax::RuleLine> = lines.iter().collect();
    let tables = gazdata::compile(&refs).unwrap_or_else(|errors| {
        let e = &errors[0];
        panic!(
            "rules/gazetteer.rules:{}:{}: {}",
            lines[e.rule].line, e.col, e.msg
        )
    });
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.bin"), gazdata::encode(&tables))
        .unwrap_or_else(|e| panic!("writing gazetteer.bin: {e}"));
}

//! The manifest and front-matter reader on arbitrary bytes.
//!
//! The input is split at its first 0xFF byte (never valid UTF-8) into a `manifest.csv` and an
//! article `a.txt`, written to a scratch directory and read with `Corpus::from_dir`: it must
//! answer with a corpus or an error, and every article's body must start on a char boundary.
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use crosscheck::Corpus;
use libfuzzer_sys::fuzz_target;

static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let d = std::env::temp_dir().join(format!("crosscheck-fuzz-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
});

fuzz_target!(|data: &[u8]| {
    let (manifest, article) = match data.iter().position(|&b| b == 0xff) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&[][..], data),
    };
    let dir = &*DIR;
    let m = dir.join("manifest.csv");
    if manifest.is_empty() {
        let _ = std::fs::remove_file(&m);
    } else {
        std::fs::write(&m, manifest).unwrap();
    }
    std::fs::write(dir.join("a.txt"), article).unwrap();
    if let Ok(c) = Corpus::from_dir(dir) {
        for a in &c.articles {
            assert!(a.body_start <= a.text.len() && a.text.is_char_boundary(a.body_start));
        }
        assert!(c.articles.len() + c.skipped.len() == 1, "{c:?}");
    }
});

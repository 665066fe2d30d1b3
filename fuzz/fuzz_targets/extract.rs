//! Segmenter + extractor + the whole pipeline on arbitrary bytes.
//!
//! The input is read lossily as UTF-8 and split at ASCII record separators (0x1E) into up to
//! four articles. Each is extracted alone (every span must lie inside its article on char
//! boundaries), then all of them go through `Pipeline::run` (every evidence span must slice its
//! article's text exactly).
#![no_main]

use crosscheck::{Article, Corpus, Pipeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pipeline = Pipeline::new();
    let articles: Vec<Article> = text
        .split('\u{1e}')
        .take(4)
        .enumerate()
        .map(|(i, t)| {
            Article::new(format!("a{i}"), t).with_published("2026-03-04".parse().unwrap())
        })
        .collect();
    for (i, a) in articles.iter().enumerate() {
        let ex = pipeline.extract(i, a);
        for (s, e) in ex.spans() {
            assert!(
                s <= e && e <= a.text.len(),
                "span {s}..{e} outside {}",
                a.text.len()
            );
            assert!(a.text.is_char_boundary(s) && a.text.is_char_boundary(e));
        }
    }
    let corpus = Corpus::from_articles(articles);
    let report = pipeline.run(&corpus);
    for c in &report.claims {
        let a = corpus
            .articles
            .iter()
            .find(|a| a.id == c.evidence.article)
            .unwrap();
        assert_eq!(
            a.text.get(c.evidence.start..c.evidence.end),
            Some(c.evidence.text.as_str())
        );
    }
    for d in &report.discrepancies {
        for e in d.sides.iter().flat_map(|s| &s.evidence) {
            let a = corpus.articles.iter().find(|a| a.id == e.article).unwrap();
            assert_eq!(a.text.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
    let mut out = Vec::new();
    report.render(crosscheck::Format::Text, &mut out).unwrap();
});

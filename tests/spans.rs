//! Every evidence span of every report equals the article's bytes at [start, end).
mod common;

#[test]
fn example_story_spans_slice_their_articles() {
    for story in common::stories() {
        let (_, report) = common::run_dir(&common::corpus_dir(&story));
        assert!(!report.claims.is_empty(), "{story}: no claims read");
    }
}

#[test]
fn seed_story_spans_slice_their_articles() {
    if let Some(dir) = common::seeds_dir() {
        common::run_dir(&dir);
    }
}

#[test]
fn odd_text_spans_slice_their_articles() {
    use crosscheck::{Article, Corpus, Pipeline};
    let texts = [
        "“Unclosed quote by Mr. Smith said nothing\nNew line. Über—café “x” ‘y’ …",
        "\u{feff}Published: 2025-01-01\n\nThe minister met on Friday in Paris. “Ok,” she said.",
        "A\r\nB\r\n\r\nC. D? E! “F.” G said.",
        "",
        "   \n\n  ",
        "12,000 people, $1.2 billion, 10 a.m. Friday, 2025-05-16, 16/05/2025.",
    ];
    let corpus = Corpus::from_articles(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("t{i}"), *t)),
    );
    let report = Pipeline::new().run(&corpus);
    common::check_spans(&corpus, &report);
}

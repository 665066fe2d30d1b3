//! Benchmarks per stage over the example corpus (`Throughput::Bytes`).
//!
//! `cargo bench` prints MB/s for the time grammar, the quantity grammar, segmentation +
//! extraction of one article, the whole pipeline on one story, and the time to load the rules.
//! For the one-core figures: `RAYON_NUM_THREADS=1 cargo bench`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::extract::time::{find_times, DayOrder};
use crosscheck::{Corpus, Pipeline, Rules, RulesBuilder};

/// The allocator of the `crosscheck` binary, so that the figures are the command's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus_dirs() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("corpus");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("manifest.csv").is_file())
        .collect();
    v.sort();
    v
}

fn all_text() -> String {
    let mut s = String::new();
    for d in corpus_dirs() {
        for a in Corpus::from_dir(&d).unwrap().articles {
            s.push_str(&a.text);
            s.push('\n');
        }
    }
    s
}

fn stages(c: &mut Criterion) {
    let rules = Rules::defaults();
    let text = all_text();
    let sentences: Vec<&str> = text.split_inclusive(['.', '\n']).collect();

    let mut g = c.benchmark_group("grammar");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("time", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sentences {
                n += find_times(black_box(s), &rules.time, DayOrder::DayFirst).len();
            }
            n
        })
    });
    let finder = rules.quantities.as_ref().unwrap();
    g.bench_function("quantity", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sentences {
                n += finder.find(black_box(s)).len();
            }
            n
        })
    });
    g.bench_function("gazetteer", |b| {
        b.iter(|| rules.gazetteer.find(black_box(&text)).len())
    });
    g.finish();

    let corpora: Vec<Corpus> = corpus_dirs()
        .iter()
        .map(|d| Corpus::from_dir(d).unwrap())
        .collect();
    let bytes: usize = corpora
        .iter()
        .flat_map(|c| &c.articles)
        .map(|a| a.text.len())
        .sum();
    let pipeline = Pipeline::new();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for c in &corpora {
                for (i, a) in c.articles.iter().enumerate() {
                    n += pipeline.extract(i, a).events.len();
                }
            }
            n
        })
    });
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            corpora
                .iter()
                .map(|c| pipeline.run(black_box(c)).discrepancies.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("rules");
    g.sample_size(10);
    g.bench_function("load_defaults", |b| {
        b.iter(|| {
            let mut rb = RulesBuilder::new();
            rb.add_defaults();
            rb.build().unwrap()
        })
    });
    // The slow path: a user file adds a place, so the gazetteer is compiled from text.
    g.bench_function("load_defaults_plus_place", |b| {
        b.iter(|| {
            let mut rb = RulesBuilder::new();
            rb.add_defaults();
            rb.add_str("mine.rules", "place X1 city Jumla in=NP pop=9000\n");
            rb.build().unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);

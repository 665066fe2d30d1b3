//! Clustering at scale: time and peak memory of `cluster_events` on N generated claims.
//!
//! The claims are the example stories' real claims, copied: each copy gets its own participants
//! (countries and places stay shared) and is moved 400 days after the previous one, far enough
//! that even its background claims ("in 2017") are not the previous copy's, so N claims form N /
//! (claims per copy) distinct stories whose places, countries and predicate classes recur.
//!
//! ```sh
//! cargo run --release --example cluster_scale -- 100000
//! scripts/cluster-scale          # 10k, 100k and 1M, one process each
//! ```

use std::path::Path;
use std::time::Instant;

use crosscheck::cluster::{cluster_events, Event};
use crosscheck::extract::time::Resolved;
use crosscheck::model::{Actor, EventClaim};
use crosscheck::{Corpus, Pipeline, Rules};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let rules = Rules::defaults();
    let pipeline = Pipeline::new();
    // Template: every claim of every example story, with its story's publication dates.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("examples/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("manifest.csv").exists())
        .collect();
    dirs.sort();
    let mut template: Vec<(EventClaim, Option<jiff::civil::Date>)> = Vec::new();
    for d in &dirs {
        let corpus = Corpus::from_dir(d).expect("an example story");
        for (i, a) in corpus.articles.iter().enumerate() {
            for c in pipeline.extract(i, a).events {
                template.push((c, a.published));
            }
        }
    }
    // Copies, each its own story: participants renamed, dates moved.
    let mut claims: Vec<(EventClaim, Vec<String>, Option<jiff::civil::Date>)> =
        Vec::with_capacity(n);
    let mut copy = 0i64;
    'fill: loop {
        let shift = jiff::Span::new().days(copy * 400);
        for (c, published) in &template {
            if claims.len() == n {
                break 'fill;
            }
            let mut c = c.clone();
            if let Some(w) = &mut c.when {
                if let Resolved::Value(v) = &mut w.value {
                    v.start = v.start.checked_add(shift).unwrap_or(v.start);
                    v.end = v.end.checked_add(shift).unwrap_or(v.end);
                }
            }
            let actors: Vec<String> = c
                .actors
                .iter()
                .map(|a| match a {
                    Actor::Person(p) => format!("p{p}#{copy}"),
                    Actor::Country(k) => format!("c{k}"),
                    Actor::Org(o) => format!("o:{o}#{copy}"),
                })
                .collect();
            let published = published.and_then(|p| p.checked_add(shift).ok());
            claims.push((c, actors, published));
        }
        copy += 1;
    }
    let events: Vec<Event> = claims
        .iter()
        .map(|(c, actors, published)| Event {
            claim: c,
            actors: actors.clone(),
            published: *published,
            holders: vec![None; c.quantities.len()],
            object: None,
            asserted: c.verbal,
            agent: None,
        })
        .collect();
    let before = peak_rss_mib();
    let t = Instant::now();
    let clustering = cluster_events(&rules, &events);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "claims {n:>9}  stories {copy:>6}  compared {:>9} ({:.1}/claim)  joined {:>8}  clusters {:>8}  time {secs:>7.3} s  {:>7.0} claims/s  peak RSS {:>6.0} MiB (before clustering {:.0})",
        clustering.compared,
        clustering.compared as f64 / n as f64,
        clustering.pairs.len(),
        clustering.clusters.len(),
        n as f64 / secs,
        peak_rss_mib(),
        before
    );
}

//! Grouping a flat pile of articles into stories, before each story is checked.
//!
//! An article is known by its *names*: capitalised words and runs of them ("Elena Varga",
//! "Coimbra"), folded as person names are (accents, case), without the words that start any
//! sentence, weekday and month names, countries, regions and demonyms ("Italy", "Italian"),
//! and the words of its own outlet's name. Names found in
//! a large share of the pile (a capital, "President") say little and are dropped.
//!
//! Candidate pairs come from MinHash signatures of those sets, banded for locality-sensitive
//! hashing, so the pile is never compared all against all: two articles are compared only
//! when one band of their signatures agrees. A pair is joined when it was published within
//! [`GroupOptions::max_days`] of each other and shares enough names, weighted by rarity:
//! the weight of the shared names over the smaller article's must reach
//! [`GroupOptions::threshold`]. Pairs are joined strongest first, and a join that would make a
//! group larger than [`GroupOptions::max_group`] is refused, so chains of weak links cannot
//! sweep a day's news into one story.
//!
//! ```
//! use crosscheck::{group, Article, Rules};
//! let day = "2026-05-02".parse().unwrap();
//! let pile = [
//!     Article::new("a", "Firefighters in Tarnow fought a blaze at the Kestrel Paper mill. Mayor Ida Brzeska said no one was hurt.").with_published(day),
//!     Article::new("b", "A fire broke out at the Kestrel Paper mill in Tarnow, said Mayor Ida Brzeska.").with_published(day),
//!     Article::new("c", "Halvard Stene won the Bergen marathon on Sunday in record time.").with_published(day),
//! ];
//! let groups = group::group(&pile, &Rules::defaults(), &group::GroupOptions::default());
//! assert_eq!(groups, vec![vec![0, 1], vec![2]]);
//! ```

use std::hash::{BuildHasher, Hasher};

use foldhash::HashSet;
use petgraph::unionfind::UnionFind;
use rayon::prelude::*;

use crate::model::Article;
use crate::rules::Rules;
use crate::text::name_key;

/// How articles are grouped into stories.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupOptions {
    /// The weight of the shared names over the smaller article's, from 0 to 1, at which two
    /// articles are one story.
    pub threshold: f64,
    /// The most days between two articles' publication dates for them to be one story
    /// (articles without a date are compatible with any).
    pub max_days: i64,
    /// Or the number of names two articles share (names kept: not too common) at which they
    /// are one story whatever else they name.
    pub min_shared: usize,
    /// The most articles in one story.
    pub max_group: usize,
    /// A name in more than this share of the pile (and in more than 8 articles) is dropped.
    pub max_share: f64,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            threshold: 0.3,
            max_days: 3,
            min_shared: 4,
            max_group: 64,
            max_share: 0.01,
        }
    }
}

/// MinHash functions in a signature.
const HASHES: usize = 64;
/// Rows per LSH band: one band's minimum in common makes a candidate pair. One row catches
/// pairs of low resemblance too (long articles that share a few names among many others).
const ROWS: usize = 1;
/// Buckets holding more articles than this are not turned into pairs (a name everyone has).
const MAX_BUCKET: usize = 200;

/// Group `articles` into stories: index lists, each sorted, ordered by their first article.
/// Every article is in exactly one group; an article like no other is a group of its own.
pub fn group(articles: &[Article], rules: &Rules, opts: &GroupOptions) -> Vec<Vec<usize>> {
    let n = articles.len();
    let stop = stop_words(rules);
    let mut sets: Vec<Vec<u64>> = articles
        .par_iter()
        .map(|a| names(a, rules, &stop))
        .collect();

    // Document frequencies; common names are dropped, the others weighted by rarity.
    let mut all: Vec<u64> = sets.iter().flatten().copied().collect();
    all.par_sort_unstable();
    let mut df: Vec<(u64, u32)> = Vec::new();
    for h in all {
        match df.last_mut() {
            Some((x, c)) if *x == h => *c += 1,
            _ => df.push((h, 1)),
        }
    }
    let cap = ((n as f64 * opts.max_share) as u32).max(8);
    let freq = |h: u64| df.binary_search_by_key(&h, |p| p.0).map_or(1, |i| df[i].1);
    for s in &mut sets {
        s.retain(|&h| freq(h) <= cap);
    }
    // Each name's weight, looked up once: candidate pairs only add them.
    let weight = |h: u64| ((n as f64 + 1.0) / freq(h) as f64).ln().max(0.1);
    let weights: Vec<Vec<f64>> = sets
        .par_iter()
        .map(|s| s.iter().map(|&h| weight(h)).collect())
        .collect();
    let totals: Vec<f64> = weights.iter().map(|w| w.iter().sum()).collect();

    // MinHash signatures, banded: (band, band hash, article), sorted, runs are buckets.
    let mut keys: Vec<(u64, u32)> = sets
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, s)| {
            let sig = signature(s);
            let bands: Vec<(u64, u32)> = if s.is_empty() {
                Vec::new()
            } else {
                sig.chunks(ROWS)
                    .enumerate()
                    .map(|(b, rows)| {
                        let mut h = mix(b as u64 + 1);
                        for &r in rows {
                            h = mix(h ^ r);
                        }
                        (h, i as u32)
                    })
                    .collect()
            };
            bands
        })
        .collect();
    keys.par_sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut at = 0;
    while at < keys.len() {
        let end = at + keys[at..].iter().take_while(|k| k.0 == keys[at].0).count();
        if end - at <= MAX_BUCKET {
            for x in at..end {
                for y in x + 1..end {
                    let (a, b) = (keys[x].1, keys[y].1);
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
        at = end;
    }
    pairs.par_sort_unstable();
    pairs.dedup();

    // Verify each candidate: dates, then the weight of the names shared.
    let mut joins: Vec<(f64, u32, u32)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (x, y) = (&articles[a as usize], &articles[b as usize]);
            if let (Some(p), Some(q)) = (x.published, y.published) {
                let days = (p - q).get_days().abs() as i64;
                if days > opts.max_days {
                    return None;
                }
            }
            let (a_, b_) = (a as usize, b as usize);
            let (shared, count) = shared_weight(&sets[a_], &weights[a_], &sets[b_]);
            let smaller = totals[a as usize].min(totals[b as usize]);
            let score = if smaller > 0.0 { shared / smaller } else { 0.0 };
            (score >= opts.threshold || count >= opts.min_shared).then_some((score, a, b))
        })
        .collect();
    joins.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));

    // Strongest joins first; none that would make a group too large.
    let mut uf = UnionFind::<usize>::new(n);
    // the size of each group, kept at its root
    let mut size = vec![1usize; n];
    for (_, a, b) in joins {
        let (ra, rb) = (uf.find_mut(a as usize), uf.find_mut(b as usize));
        if ra != rb && size[ra] + size[rb] <= opts.max_group {
            uf.union(ra, rb);
            size[uf.find_mut(ra)] = size[ra] + size[rb];
        }
    }
    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        let r = uf.find_mut(i);
        by_root[r].push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_iter().filter(|g| !g.is_empty()).collect();
    groups.sort_by_key(|g| g[0]);
    groups
}

/// Pairwise precision and recall of `found` groups against the `truth` (a story label per
/// article): of the pairs put together, the share that belong together, and of the pairs that
/// belong together, the share put together. `(1.0, 1.0)` when there is no pair on a side.
///
/// ```
/// let truth = ["x", "x", "y", "y"];
/// let (p, r) = crosscheck::group::pairwise(&[vec![0, 1, 2], vec![3]], &truth);
/// assert_eq!((p, r), (1.0 / 3.0, 0.5));
/// ```
pub fn pairwise<L: std::hash::Hash + Eq>(found: &[Vec<usize>], truth: &[L]) -> (f64, f64) {
    use std::collections::HashMap;
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut by_truth: HashMap<&L, u64> = HashMap::new();
    for t in truth {
        *by_truth.entry(t).or_default() += 1;
    }
    let mut cells: HashMap<(usize, &L), u64> = HashMap::new();
    let mut together = 0;
    for (g, members) in found.iter().enumerate() {
        together += pairs(members.len() as u64);
        for &i in members {
            *cells.entry((g, &truth[i])).or_default() += 1;
        }
    }
    let belong: u64 = by_truth.values().map(|&n| pairs(n)).sum();
    let both: u64 = cells.values().map(|&n| pairs(n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(both, together), ratio(both, belong))
}

/// Words that are never a story's name: sentence starters, words that are never names,
/// weekdays and months.
fn stop_words(rules: &Rules) -> HashSet<String> {
    let mut stop: HashSet<String> = rules
        .not_names
        .iter()
        .chain(rules.starters.iter())
        .cloned()
        .collect();
    stop.extend(rules.time.weekdays.keys().cloned());
    stop.extend(rules.time.months.keys().cloned());
    stop.extend(rules.time.relative_days.keys().cloned());
    stop
}

/// The article's names: hashes of capitalised words and of runs of two of them, sorted.
fn names(a: &Article, rules: &Rules, stop: &HashSet<String>) -> Vec<u64> {
    let body = &a.text[a.body_start.min(a.text.len())..];
    // Countries, regions and demonyms name too much of the world to tell stories apart.
    let g = &rules.gazetteer;
    let generic: Vec<(usize, usize)> = g
        .find(body)
        .into_iter()
        .filter(|m| {
            m.demonym
                || m.candidates
                    .first()
                    .is_some_and(|&p| g.places[p].kind != crate::rules::PlaceKind::City)
        })
        .map(|m| (m.start, m.end))
        .collect();
    let mut generic = generic.into_iter().peekable();
    let outlet: HashSet<String> = a
        .outlet
        .iter()
        .flat_map(|o| o.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let mut out = Vec::new();
    let mut prev: Option<u64> = None;
    let mut initial = true;
    let mut word_start = None;
    // whether the last word was a short capitalised one ("Dr", "St"): a full stop after it
    // does not end the sentence
    let mut abbrev = false;
    let mut flush = |w: &str, initial: bool, prev: &mut Option<u64>| {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let lower = w.to_lowercase();
        if !capital
            || initial
            || w.chars().count() < 2
            || stop.contains(&lower)
            || outlet.contains(&lower)
        {
            *prev = None;
            return;
        }
        let h = hash_str(&name_key(w));
        out.push(h);
        if let Some(p) = *prev {
            out.push(mix(p.rotate_left(17) ^ h));
        }
        *prev = Some(h);
    };
    for (i, c) in body.char_indices() {
        let in_word =
            c.is_alphanumeric() || (word_start.is_some() && matches!(c, '\'' | '’' | '-'));
        match (in_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                let w = &body[s..i];
                abbrev = w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase);
                while generic.peek().is_some_and(|g| g.1 <= s) {
                    generic.next();
                }
                if generic.peek().is_some_and(|g| g.0 <= s) {
                    prev = None;
                } else {
                    flush(w, initial, &mut prev);
                }
                word_start = None;
                initial = false;
            }
            _ => {}
        }
        if !in_word {
            if c == '.' && abbrev {
                abbrev = false;
            } else if matches!(c, '.' | '!' | '?' | '\n' | ':') {
                initial = true;
                prev = None;
            } else if !c.is_whitespace() && !matches!(c, '"' | '“' | '‘' | '(' | '\'') {
                prev = None;
            }
        }
    }
    if let Some(s) = word_start {
        flush(&body[s..], initial, &mut prev);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The weight and the number of the names two sorted sets share (`wa`: the weights of `a`'s).
fn shared_weight(a: &[u64], wa: &[f64], b: &[u64]) -> (f64, usize) {
    let (mut i, mut j, mut w, mut n) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += wa[i];
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (w, n)
}

/// The MinHash signature of a set: for each of [`HASHES`] hash functions, the smallest value.
fn signature(set: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &h in set {
        for (k, s) in sig.iter_mut().enumerate() {
            let v = mix(h ^ SEEDS[k]);
            if v < *s {
                *s = v;
            }
        }
    }
    sig
}

/// Seeds of the MinHash functions (fixed: groups do not change from run to run).
const SEEDS: [u64; HASHES] = {
    let mut s = [0u64; HASHES];
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut k = 0;
    while k < HASHES {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        s[k] = mix(x);
        k += 1;
    }
    s
};

/// splitmix64's finaliser: a fast, well-mixed 64-bit hash of a 64-bit value.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A fixed (unseeded) hash of a string.
fn hash_str(s: &str) -> u64 {
    let mut h = foldhash::fast::FixedState::with_seed(0x5EED).build_hasher();
    h.write(s.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_skip_sentence_starts_stop_words_and_the_outlet() {
        let rules = Rules::defaults();
        let stop = stop_words(&rules);
        let a = Article::new(
            "a",
            "Police said on Monday that Elena Varga of Kestrel Paper met reporters. Reporters waited (Harbor Times).",
        )
        .with_outlet("Harbor Times");
        let got = names(&a, &rules, &stop);
        let want: Vec<u64> = ["Elena", "Varga", "Kestrel", "Paper"]
            .iter()
            .map(|w| hash_str(&name_key(w)))
            .collect();
        for w in &want {
            assert!(got.contains(w));
        }
        // Elena+Varga and Kestrel+Paper as pairs, nothing else.
        assert_eq!(got.len(), 6, "{got:?}");
    }

    #[test]
    fn pairwise_counts_pairs() {
        let truth = [1, 1, 1, 2];
        assert_eq!(pairwise(&[vec![0, 1, 2], vec![3]], &truth), (1.0, 1.0));
        let (p, r) = pairwise(&[vec![0], vec![1], vec![2], vec![3]], &truth);
        assert_eq!((p, r), (1.0, 0.0));
    }
}

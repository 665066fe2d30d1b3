//! Which articles are independent sources.
//!
//! Two articles are one source when their outlets say so ("Lusitania Post (citing Atlantic
//! Wire)", [`crate::conflict::source_key`]), when an article's dateline names another outlet's
//! agency ("LISBON, March 4 (Atlantic Wire) -" in a paper that is not Atlantic Wire), or when
//! one reprints the other: at least half of the shorter article's word 5-shingles appear in the
//! longer one. A side of a discrepancy then counts its sources once each, and two articles whose
//! evidence sentences for that side are the same words (a shared wire paragraph) count once too.
//!
//! Stories hold a handful of articles, so the shingle sets are compared exactly (sorted hashes,
//! merged), pair by pair within the story; nothing is compared across stories.

use std::collections::BTreeSet;

use crate::conflict::source_key;
use crate::model::{Article, Extraction};

/// Share of the shorter article's shingles found in the other above which it is a reprint.
pub const REPRINT_CONTAINMENT: f64 = 0.5;

/// Word n-gram size of the shingles.
const SHINGLE: usize = 5;

/// Hashed word shingles of a text, sorted and without repeats: words are runs of alphanumeric
/// characters, compared without case (a 64-bit FNV-style hash of each word, combined over the
/// n-gram), with no allocation per word.
pub fn shingles(text: &str, n: usize) -> Vec<u64> {
    let n = n.max(1);
    let mut words: Vec<u64> = Vec::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII (most of a text) without decoding; the hash is the same either way
        let (c, len) = if bytes[i].is_ascii() {
            (bytes[i] as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        i += len;
        if c.is_ascii_alphanumeric() {
            h = (h ^ c.to_ascii_lowercase() as u64).wrapping_mul(0x100_0000_01b3);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h = (h ^ l as u64).wrapping_mul(0x100_0000_01b3);
            }
            in_word = true;
        } else if in_word {
            words.push(h);
            h = 0xcbf2_9ce4_8422_2325;
            in_word = false;
        }
    }
    if in_word {
        words.push(h);
    }
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|w| {
            w.iter().fold(0x9e37_79b9_7f4a_7c15u64, |acc, &x| {
                (acc.rotate_left(23) ^ x).wrapping_mul(0xff51_afd7_ed55_8ccd)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The number of hashes two sorted sets share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Share of the smaller set found in the other (0 when either is empty).
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        0.0
    } else {
        shared(a, b) as f64 / small as f64
    }
}

/// The source of each article: equal strings are one source.
pub fn source_groups(articles: &[Article], extractions: &[Extraction]) -> Vec<String> {
    let mut keys: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let own = source_key(a);
            let agency = extractions
                .get(i)
                .and_then(|ex| ex.agency.as_deref())
                .map(|ag| {
                    let ag = ag.trim().to_lowercase();
                    ag.strip_prefix("the ").unwrap_or(&ag).to_string()
                })
                .filter(|ag| !ag.is_empty());
            match agency {
                // A dateline naming another outlet's agency: that agency's copy.
                Some(ag) if a.outlet.is_some() && ag != own => ag,
                _ => own,
            }
        })
        .collect();
    // Reprints: union the groups of articles whose texts mostly coincide.
    let sets: Vec<Vec<u64>> = articles
        .iter()
        .map(|a| shingles(a.slice(a.body_start, a.text.len()), SHINGLE))
        .collect();
    let n = articles.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            if sets[i].len().min(sets[j].len()) >= 10
                && containment(&sets[i], &sets[j]) >= REPRINT_CONTAINMENT
            {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    // Articles joined by the same outlet key are joined too; every group takes its smallest key.
    let mut by_key: std::collections::BTreeMap<String, usize> = Default::default();
    for (i, key) in keys.iter().enumerate() {
        match by_key.get(key) {
            Some(&j) => {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
            None => {
                by_key.insert(key.clone(), i);
            }
        }
    }
    let mut group_key: Vec<Option<String>> = vec![None; n];
    for (i, k) in keys.iter().enumerate() {
        let r = root(&mut parent, i);
        let slot = &mut group_key[r];
        if slot.as_ref().is_none_or(|s| k < s) {
            *slot = Some(k.clone());
        }
    }
    for (i, key) in keys.iter_mut().enumerate() {
        let r = root(&mut parent, i);
        if let Some(k) = &group_key[r] {
            key.clone_from(k);
        }
    }
    keys
}

/// Count the independent sources among articles with their evidence sentences: one per source
/// group, and articles whose sentences share nine tenths of their word trigrams count once.
pub fn count_independent(groups: &[String], evidence: &[(usize, &str)]) -> usize {
    let shingled: Vec<(usize, Vec<u64>)> = evidence
        .iter()
        .map(|&(article, sentence)| (article, shingles(sentence, EVIDENCE_SHINGLE)))
        .collect();
    let refs: Vec<(usize, &[u64])> = shingled.iter().map(|(a, s)| (*a, &s[..])).collect();
    count_independent_shingled(groups, &refs)
}

/// Word n-grams compared between evidence sentences by [`count_independent`].
pub const EVIDENCE_SHINGLE: usize = 3;

/// [`count_independent`] with each sentence's [`shingles`] (of [`EVIDENCE_SHINGLE`] words)
/// at hand, for a caller that counts the same sentences many times.
pub fn count_independent_shingled(groups: &[String], evidence: &[(usize, &[u64])]) -> usize {
    let mut seen: Vec<(&str, &[u64])> = Vec::new();
    let mut sources: BTreeSet<&str> = BTreeSet::new();
    for &(article, sh) in evidence {
        let key = groups.get(article).map_or("", String::as_str);
        let copy = seen
            .iter()
            .find(|(k, s)| *k != key && sh.len().min(s.len()) >= 4 && containment(sh, s) >= 0.9);
        match copy {
            Some((k, _)) => {
                sources.insert(k);
            }
            None => {
                sources.insert(key);
            }
        }
        seen.push((key, sh));
    }
    sources.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprints_and_shared_sentences() {
        let a = shingles("The ferry capsized off Lavrio on Tuesday night and four people died, the coast guard said.", 5);
        let b = shingles("ATHENS - The ferry capsized off Lavrio on Tuesday night and four people died, the coast guard said on Wednesday.", 5);
        assert!(containment(&a, &b) > 0.9);
        let c = shingles("Rescuers pulled 114 people from the sea after the Kea-bound ferry went down in a gale.", 5);
        assert_eq!(containment(&a, &c), 0.0);
        let groups = vec!["x".to_string(), "y".to_string(), "z".to_string()];
        let s1 = "Four people died when the ferry capsized, the coast guard said.";
        let s2 = "Four people died when the ferry capsized, the coast guard said.";
        let s3 = "The coast guard put the toll at four.";
        assert_eq!(count_independent(&groups, &[(0, s1), (1, s2), (2, s3)]), 2);
        assert_eq!(count_independent(&groups, &[(0, s1), (2, s3)]), 2);
    }
}

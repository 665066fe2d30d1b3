//! The world gazetteer: places with containment, and finding their names in text.
//!
//! Names are looked up in a finite-state transducer ([`fst::Map`]) walked from every
//! capitalised word start, so matching costs a few steps per capitalised word whatever the
//! number of names, and loading the default gazetteer costs no parsing: its tables are compiled
//! by `build.rs` and used in place.

use super::gazdata::{self, Tables};
pub use super::gazdata::{Place, PlaceKind};

/// The default gazetteer, compiled from `rules/gazetteer.rules` by `build.rs`.
static DEFAULT_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// A world gazetteer with containment.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// All places.
    pub places: Vec<Place>,
    tables: Option<Tables>,
}

/// One gazetteer match in a text.
#[derive(Debug, Clone)]
pub struct PlaceMatch {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Candidate places, most populous first (see [`Gazetteer::readings`]).
    pub candidates: Vec<usize>,
    /// The match is a demonym ("Turkish"), standing for its country.
    pub demonym: bool,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub(crate) fn embedded() -> Gazetteer {
        Gazetteer::from_tables(
            gazdata::decode(DEFAULT_BIN).expect("the gazetteer compiled by build.rs decodes"),
        )
    }

    pub(crate) fn from_tables(mut t: Tables) -> Gazetteer {
        Gazetteer {
            places: std::mem::take(&mut t.places),
            tables: Some(t),
        }
    }

    /// The index of the place with this id (`TR`, `US.TX`, `G745044`).
    ///
    /// ```
    /// let rules = crosscheck::Rules::defaults();
    /// let g = &rules.gazetteer;
    /// let tr = g.index_of("TR").unwrap();
    /// assert_eq!(g.places[tr].name, "Turkey");
    /// ```
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let t = self.tables.as_ref()?;
        t.ids
            .get(id)
            .map(|i| i as usize)
            .filter(|&i| i < self.places.len())
    }

    /// The number of names (names, aliases and demonyms, as matched) the gazetteer knows.
    pub fn name_count(&self) -> usize {
        self.tables.as_ref().map_or(0, |t| t.demonym.len())
    }

    /// The plausible readings of a name among its candidates (most populous first): those at
    /// least a tenth as populous as the first. "Manchester" keeps the English city and the one
    /// in New Hampshire and drops the towns of 20,000 in Connecticut and Missouri; the story's
    /// context chooses between what is left ([`crate::resolve::resolve_places`]).
    pub fn readings(&self, candidates: &[usize]) -> Vec<usize> {
        let top = candidates.first().map_or(0, |&c| self.places[c].pop);
        let mut out: Vec<usize> = candidates
            .iter()
            .enumerate()
            .filter(|&(i, &c)| i == 0 || self.places[c].pop.saturating_mul(10) >= top)
            .map(|(_, &c)| c)
            .collect();
        // A city inside a region of its own name ("Zurich", "Odessa", "New York") is named
        // first: both readings stay, the city is what the name usually means.
        if let Some(&first) = out.first() {
            if self.places[first].kind == PlaceKind::Region {
                if let Some(i) = out
                    .iter()
                    .position(|&c| self.places[c].kind == PlaceKind::City && self.within(c, first))
                {
                    let city = out.remove(i);
                    out.insert(0, city);
                }
            }
        }
        out
    }

    /// Whether one reading of `a` and one of `b` are the same place or one contains the other.
    pub fn any_within(&self, a: &[usize], b: &[usize]) -> bool {
        a.iter()
            .any(|&x| b.iter().any(|&y| self.within(x, y) || self.within(y, x)))
    }

    /// Whether place `inner` lies within place `outer` (or is it).
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        let mut cur = Some(inner);
        let mut guard = 0;
        while let Some(c) = cur {
            if c == outer {
                return true;
            }
            guard += 1;
            if guard > 16 {
                break;
            }
            cur = self.places.get(c).and_then(|p| p.parent);
        }
        false
    }

    /// The country a place lies in.
    pub fn country_of(&self, p: usize) -> usize {
        let mut cur = p;
        for _ in 0..16 {
            match self.places[cur].parent {
                Some(parent) => cur = parent,
                None => break,
            }
        }
        cur
    }

    /// Find gazetteer names and demonyms in `text`: whole words, capitalised in the text, the
    /// longest name at each word start.
    ///
    /// ```
    /// let rules = crosscheck::Rules::defaults();
    /// let g = &rules.gazetteer;
    /// let m = g.find("Talks in São Paulo and New York, said a Turkish envoy.");
    /// let names: Vec<&str> = m.iter().map(|m| g.places[m.candidates[0]].name.as_str()).collect();
    /// assert_eq!(names, ["São Paulo", "New York", "Turkey"]);
    /// assert!(m[2].demonym);
    /// ```
    pub fn find(&self, text: &str) -> Vec<PlaceMatch> {
        let Some(t) = &self.tables else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        let mut prev_alnum = false;
        while i < bytes.len() {
            let b = bytes[i];
            let (c, len) = if b.is_ascii() {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            if !prev_alnum && c.is_uppercase() {
                if let Some((end, pat)) = longest_at(t, text, i) {
                    if let Some(m) = self.pattern_match(t, i, end, pat) {
                        out.push(m);
                        prev_alnum = text[..end]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric);
                        i = end;
                        continue;
                    }
                }
            }
            prev_alnum = c.is_alphanumeric();
            i += len;
        }
        out
    }

    fn pattern_match(
        &self,
        t: &Tables,
        start: usize,
        end: usize,
        pat: usize,
    ) -> Option<PlaceMatch> {
        let (lo, hi) = (*t.offsets.get(pat)?, *t.offsets.get(pat + 1)?);
        let candidates: Vec<usize> = t
            .cands
            .get(lo as usize..hi as usize)?
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| c < self.places.len())
            .collect();
        (!candidates.is_empty()).then(|| PlaceMatch {
            start,
            end,
            candidates,
            demonym: t.demonym.get(pat).copied().unwrap_or(false),
        })
    }
}

/// The longest name starting at byte `start` of `text` that ends on a word boundary: its end and
/// pattern index. Names are ASCII-lowercase, so the text's bytes are lowercased as they are read
/// (which keeps every byte offset).
fn longest_at(t: &Tables, text: &str, start: usize) -> Option<(usize, usize)> {
    let fst = t.names.as_fst();
    let mut node = fst.root();
    let mut out = fst::raw::Output::zero();
    let mut best = None;
    for (k, &b) in text.as_bytes()[start..].iter().enumerate() {
        let Some(ti) = node.find_input(b.to_ascii_lowercase()) else {
            break;
        };
        let tr = node.transition(ti);
        out = out.cat(tr.out);
        node = fst.node(tr.addr);
        let end = start + k + 1;
        if node.is_final() && crate::text::is_word_bounded(text, start, end) {
            best = Some((end, out.cat(node.final_output()).value() as usize));
        }
    }
    best
}

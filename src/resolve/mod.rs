//! Resolution across articles: one entity per person, whatever the spelling.
//!
//! Times are resolved during extraction (each against its own article's publication date);
//! places are gazetteer entries already. What remains is linking each article's people to
//! corpus-wide entities: same surname up to transliteration (y/i, -sky/-skyy, kh/h, g/h,
//! Mohammed/Muhammad, diacritics) and a compatible first name (equal up to the same folding,
//! or an initial, or absent).

use std::collections::{BTreeMap, HashMap};

use crate::model::Extraction;
use crate::rules::{Gazetteer, PlaceKind};
use std::rc::Rc;

use crate::text::{compare_forms, name_variants, NameForms};

/// A corpus-wide person.
#[derive(Debug, Clone)]
pub struct PersonEntity {
    /// Display name: the fullest, most frequent form.
    pub name: String,
    /// `(article, local person index)` members.
    pub members: Vec<(usize, usize)>,
}

/// Link the people of every article. Returns the entities and, per article, the entity index of
/// each local person.
pub fn link_people(extractions: &[Extraction]) -> (Vec<PersonEntity>, Vec<Vec<usize>>) {
    let mut entities: Vec<PersonEntity> = Vec::new();
    let mut maps: Vec<Vec<usize>> = Vec::with_capacity(extractions.len());
    // Full names first, so that surname-only mentions elsewhere find them.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (a, ex) in extractions.iter().enumerate() {
        order.extend((0..ex.persons.len()).map(|p| (a, p)));
        maps.push(vec![usize::MAX; ex.persons.len()]);
    }
    order.sort_by_key(|&(a, p)| {
        (
            std::cmp::Reverse(
                extractions[a].persons[p]
                    .name
                    .split_whitespace()
                    .count()
                    .min(2),
            ),
            a,
            p,
        )
    });
    // The entity each name went to: a name seen before goes there again (the entities before
    // it did not match it then and have not changed), so only new names scan the list.
    let mut placed: HashMap<&str, usize> = HashMap::default();
    // Each entity's surname with its forms: a scan compares surnames first (as same_person
    // does), without looking the forms up again for every pair.
    let mut surnames: Vec<Option<(&str, Rc<NameForms>)>> = Vec::new();
    fn surname(name: &str) -> Option<(&str, Rc<NameForms>)> {
        let w = name.split_whitespace().next_back()?;
        Some((w, crate::text::forms(w)))
    }
    for (a, p) in order {
        let name = &extractions[a].persons[p].name;
        let found = match placed.get(name.as_str()) {
            Some(&i) if same_person(&entities[i].name, name) => Some(i),
            _ => {
                let mine = surname(name);
                mine.as_ref().and_then(|(w, f)| {
                    (0..entities.len()).find(|&i| {
                        surnames[i]
                            .as_ref()
                            .is_some_and(|(ew, ef)| compare_forms(ew, ef, w, f).0)
                            && same_person(&entities[i].name, name)
                            || second_surname(&entities[i].name, name)
                    })
                })
            }
        };
        let idx = match found {
            Some(i) => i,
            None => {
                entities.push(PersonEntity {
                    name: name.clone(),
                    members: Vec::new(),
                });
                surnames.push(surname(name));
                entities.len() - 1
            }
        };
        entities[idx].members.push((a, p));
        maps[a][p] = idx;
        placed.insert(name, idx);
    }
    (entities, maps)
}

/// Whether one name is the other with a second surname added ("Rebeca Solís" and "Rebeca Solís
/// Aranda"): the longer has three words or more, one more than the shorter, and begins with it;
/// or the shorter is the first surname alone ("Solís").
fn second_surname(a: &str, b: &str) -> bool {
    let (na, nb) = (a.split_whitespace().count(), b.split_whitespace().count());
    // A surname alone ("Solís") names the person with a second surname ("Rebeca Solís Aranda").
    let first_surname = |full: &str, one: &str| {
        full.split_whitespace()
            .rev()
            .nth(1)
            .is_some_and(|w| crate::text::fold(w) == crate::text::fold(one))
    };
    match (na, nb) {
        (3.., 1) => return first_surname(a, b),
        (1, 3..) => return first_surname(b, a),
        _ => {}
    }
    let (short, long, n) = match na.cmp(&nb) {
        std::cmp::Ordering::Less => (a, b, nb),
        std::cmp::Ordering::Greater => (b, a, na),
        std::cmp::Ordering::Equal => return false,
    };
    n >= 3
        && n == short.split_whitespace().count() + 1
        && short
            .split_whitespace()
            .zip(long.split_whitespace())
            .all(|(x, y)| crate::text::fold(x) == crate::text::fold(y))
}

/// Whether two names can be one person.
pub fn same_person(a: &str, b: &str) -> bool {
    // first and last words, without collecting the words
    fn ends(s: &str) -> (Option<&str>, Option<&str>) {
        let mut w = s.split_whitespace();
        let first = w.next();
        (first, w.next_back())
    }
    let ((Some(a0), a1), (Some(b0), b1)) = (ends(a), ends(b)) else {
        return false;
    };
    if !name_variants(a1.unwrap_or(a0), b1.unwrap_or(b0)) {
        return false;
    }
    if a1.is_some() && b1.is_some() {
        let (fa, fb) = (a0.trim_end_matches('.'), b0.trim_end_matches('.'));
        if fa.chars().count() == 1 || fb.chars().count() == 1 {
            return fa.chars().next().map(|c| c.to_ascii_lowercase())
                == fb.chars().next().map(|c| c.to_ascii_lowercase());
        }
        return name_variants(fa, fb);
    }
    true
}

/// Choose, for every place name with several readings ("Paris": France or Texas; "Georgia":
/// the country or the US state), the reading the story's other places point to.
///
/// Evidence is every other place named in the story, in any article, whose reading is clear
/// (one plausible reading) and whose name differs. A reading gets strong evidence from each
/// such region or city it contains or lies within, and from a place named right after it
/// ("Paris, Texas", counted 100 times); weak evidence from each such place in its country
/// (a country named counts as weak only: "the U.S. envoy in Paris" says nothing about Texas).
/// A plausible reading ([`Gazetteer::readings`]) may win on either; an implausible one (a town
/// of 25,000 against a capital of 2 million) only on strong evidence. The best reading wins when
/// it beats every other; otherwise every plausible reading stays possible, and the name agrees
/// with any place one of them fits ([`crate::cluster::place_rel`]). Event place slots follow
/// their mention.
pub fn resolve_places(g: &Gazetteer, extractions: &mut [Extraction]) {
    choose_readings(g, extractions);
    drop_unsupported_small_places(g, extractions);
}

/// Towns below this population (but capitals) are places only when the story names another
/// place of their country: the gazetteer's small towns share their names with much else ("Atlantic", a town
/// in Iowa, in "Atlantic Wire"; "Bohemia", one in New York).
pub const SMALL_PLACE_POP: u64 = 15_000;

/// Whether place `p` is a town under [`SMALL_PLACE_POP`] people that is not a capital.
pub fn is_small_town(g: &Gazetteer, p: usize) -> bool {
    g.places[p].kind == PlaceKind::City
        && g.places[p].pop < SMALL_PLACE_POP
        && g.places[g.country_of(p)].capital != Some(p)
}

/// Drop the mentions of small towns ([`SMALL_PLACE_POP`]) in a country no other place of the
/// story lies in, and the event places they gave.
fn drop_unsupported_small_places(g: &Gazetteer, extractions: &mut [Extraction]) {
    let mut countries: HashMap<usize, std::collections::BTreeSet<String>> = HashMap::new();
    for m in extractions.iter().flat_map(|ex| ex.places.iter()) {
        countries
            .entry(g.country_of(m.place))
            .or_default()
            .insert(crate::text::fold(&m.text));
    }
    for ex in extractions.iter_mut() {
        let mut dropped: Vec<(usize, usize)> = Vec::new();
        ex.places.retain(|m| {
            let keep = !is_small_town(g, m.place)
                || countries
                    .get(&g.country_of(m.place))
                    .is_some_and(|names| names.len() >= 2);
            if !keep {
                dropped.push((m.span.start, m.span.end));
            }
            keep
        });
        if dropped.is_empty() {
            continue;
        }
        for e in &mut ex.events {
            if e.place
                .as_ref()
                .is_some_and(|w| dropped.contains(&(w.span.start, w.span.end)))
            {
                e.place = None;
            }
        }
    }
}

/// Choose each ambiguous name's reading from the story's unambiguous places.
fn choose_readings(g: &Gazetteer, extractions: &mut [Extraction]) {
    let clear: Vec<(usize, String)> = extractions
        .iter()
        .flat_map(|ex| ex.places.iter())
        .filter(|m| m.candidates.len() == 1)
        .map(|m| (m.place, crate::text::fold(&m.text)))
        .collect();
    for ex in extractions.iter_mut() {
        let mut changed: HashMap<(usize, usize), (usize, Vec<usize>)> = HashMap::new();
        for i in 0..ex.places.len() {
            let m = &ex.places[i];
            if m.all.len() < 2 {
                continue;
            }
            let name = crate::text::fold(&m.text);
            let next = ex.places.get(i + 1).filter(|n| {
                n.span.start >= m.span.end
                    && n.span.start - m.span.end <= 2
                    && n.candidates.len() == 1
            });
            let mut scores: Vec<((u64, u64), usize)> = m
                .all
                .iter()
                .map(|&r| {
                    let country = g.country_of(r);
                    let (mut strong, mut weak) = (0, 0);
                    for (c, other) in &clear {
                        if *other == name {
                            continue;
                        }
                        let c = *c;
                        let is_country = g.places[c].kind == PlaceKind::Country;
                        if !is_country && (g.within(c, r) || g.within(r, c)) {
                            strong += 1;
                        } else if g.country_of(c) == country {
                            weak += 1;
                        }
                    }
                    if next.is_some_and(|n| g.within(r, n.place)) {
                        strong += 100;
                    }
                    ((strong, weak), r)
                })
                .filter(|&((strong, _), r)| strong > 0 || m.candidates.contains(&r))
                .collect();
            scores.sort_by_key(|s| std::cmp::Reverse(s.0));
            let best = match scores.as_slice() {
                [(s, r)] if *s != (0, 0) || m.candidates.len() == 1 => Some(*r),
                [(s, r), (t, _), ..] if s > t => Some(*r),
                _ => None,
            };
            if let Some(best) = best.filter(|&b| m.candidates != [b]) {
                let m = &mut ex.places[i];
                m.place = best;
                m.candidates = vec![best];
                changed.insert((m.span.start, m.span.end), (best, m.candidates.clone()));
            }
        }
        if changed.is_empty() {
            continue;
        }
        for e in &mut ex.events {
            if let Some(w) = &mut e.place {
                if let Some((best, cands)) = changed.get(&(w.span.start, w.span.end)) {
                    w.place = *best;
                    w.candidates = cands.clone();
                }
            }
        }
    }
}

/// Give each loose single name ([`Extraction::loose`]) to what it names elsewhere in the story:
/// the one person named in full whose surname it is ("Lindqvist" and "Sofia Lindqvist" in
/// another article), or the one organisation whose name it begins ("Halvorsen" and "Halvorsen
/// Shipping Group"). A name that could be two people or two organisations stays loose.
pub fn adopt_loose_names(extractions: &mut [Extraction]) {
    let mut surnames: Vec<&str> = Vec::new();
    let mut full: Vec<String> = Vec::new();
    for ex in extractions.iter() {
        for p in &ex.persons {
            if p.name.split_whitespace().count() >= 2 && !full.contains(&p.name) {
                full.push(p.name.clone());
            }
        }
    }
    // The first word of every longest organisation name ("Brightwater Foods" is a short form
    // of "Brightwater Foods Inc", not another organisation).
    let keys: std::collections::BTreeSet<&str> = extractions
        .iter()
        .flat_map(|ex| ex.orgs.iter().map(|o| o.key.as_str()))
        .collect();
    let mut org_heads: BTreeMap<String, usize> = BTreeMap::new();
    for &k in &keys {
        let mut words = k.split(' ');
        if let (Some(head), Some(_)) = (words.next(), words.next()) {
            if !keys.iter().any(|&l| is_short_form(k, l)) {
                *org_heads.entry(head.to_string()).or_default() += 1;
            }
        }
    }
    surnames.extend(full.iter().filter_map(|n| n.split_whitespace().last()));
    surnames.sort_unstable();
    surnames.dedup();
    for ex in extractions.iter_mut() {
        for (surface, span) in std::mem::take(&mut ex.loose) {
            let people: Vec<&&str> = surnames
                .iter()
                .filter(|s| crate::text::name_variants(s, &surface))
                .collect();
            let mut distinct: Vec<String> =
                people.iter().map(|s| crate::text::name_key(s)).collect();
            distinct.sort();
            distinct.dedup();
            let key = surface.to_lowercase();
            let org = org_heads.get(&key).copied().unwrap_or(0);
            if distinct.len() == 1 && org == 0 {
                ex.persons.push(crate::model::LocalPerson {
                    name: surface.clone(),
                    mentions: vec![(surface, span)],
                    references: Vec::new(),
                });
            } else if people.is_empty() && org == 1 {
                ex.orgs
                    .push(crate::model::OrgMention { key, surface, span });
            } else {
                ex.loose.push((surface, span));
            }
        }
    }
}

/// A corpus-wide organisation.
#[derive(Debug, Clone)]
pub struct OrgEntity {
    /// Display name: the longest form seen ("Halden Capital Partners", "United Nations").
    pub name: String,
    /// The participant key every linked form maps to (the display name's key).
    pub key: String,
    /// `(article, org mention index)` members.
    pub members: Vec<(usize, usize)>,
}

/// Words an acronym may skip ("Economic Community of West African States" = ECOWAS).
const ACRONYM_SKIP: &[&str] = &[
    "of", "the", "and", "for", "de", "&", "on", "in", "du", "des",
];

/// Whether `short` (an all-capitals form, dots removed, lowercased) abbreviates the words of
/// `long`: each significant word gives a prefix of one letter or more, in order ("un" = United
/// Nations, "efl" = English Football League, "ecowas" = Economic Community of West African
/// States). Linking words may give nothing.
pub fn is_acronym(short: &str, long: &str) -> bool {
    let words: Vec<&str> = long.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 || short.len() < 2 || short.len() > 12 || short.contains(' ') {
        return false;
    }
    // ok[j][i]: words[j..] can give s[i..]. Filled from the last word back, so that a name of
    // a thousand linking words ("of of of ...", hostile input) costs words x letters², not
    // the 2^words of trying every choice.
    let s = short.as_bytes();
    let mut next = vec![false; s.len() + 1];
    next[s.len()] = true;
    for w in words.iter().rev() {
        let wb = w.as_bytes();
        let skip = ACRONYM_SKIP.contains(w);
        let cur: Vec<bool> = (0..=s.len())
            .map(|i| {
                (skip && next[i])
                    // This word gives its first k letters.
                    || (1..=wb.len().min(s.len() - i))
                        .take_while(|&k| s[i + k - 1] == wb[k - 1])
                        .any(|k| next[i + k])
            })
            .collect();
        next = cur;
    }
    next[0]
}

/// Whether `short` names the organisation `long` by its first words ("halden" of "halden
/// capital partners").
fn is_short_form(short: &str, long: &str) -> bool {
    let (sw, lw): (Vec<&str>, Vec<&str>) = (short.split(' ').collect(), long.split(' ').collect());
    sw.len() < lw.len() && lw.starts_with(&sw)
}

/// Link the organisations of every article: one key for a name, its acronym ("UN", "U.N.",
/// "United Nations") and its short form ("Halden", "Halden Capital Partners"). A short form or
/// acronym that could stand for two longer names stays on its own. Returns the entities and
/// the entity of each normalised name ([`OrgMention::key`](crate::model::OrgMention)).
pub fn link_orgs(extractions: &[Extraction]) -> (Vec<OrgEntity>, BTreeMap<String, usize>) {
    // Distinct keys, longest first, so that a short form finds its long name.
    let mut keys: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (a, ex) in extractions.iter().enumerate() {
        for (i, o) in ex.orgs.iter().enumerate() {
            keys.entry(o.key.as_str()).or_default().push((a, i));
        }
    }
    let mut order: Vec<&str> = keys.keys().copied().collect();
    order.sort_by_key(|k| {
        (
            std::cmp::Reverse(k.split(' ').count()),
            std::cmp::Reverse(k.len()),
        )
    });
    let mut entities: Vec<OrgEntity> = Vec::new();
    let mut entity_of: BTreeMap<&str, usize> = BTreeMap::new();
    for &k in &order {
        let longer: Vec<usize> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.key != k && (is_short_form(k, &e.key) || is_acronym(k, &e.key)))
            .map(|(i, _)| i)
            .collect();
        let idx = match longer[..] {
            [one] => one,
            _ => {
                entities.push(OrgEntity {
                    name: String::new(),
                    key: k.to_string(),
                    members: Vec::new(),
                });
                entities.len() - 1
            }
        };
        entity_of.insert(k, idx);
        entities[idx].members.extend(keys[k].iter().copied());
    }
    // Display names: the most frequent surface of the entity's own key.
    for e in &mut entities {
        e.members.sort_unstable();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &(a, i) in &e.members {
            let o = &extractions[a].orgs[i];
            if o.key == e.key {
                *counts.entry(o.surface.as_str()).or_default() += 1;
            }
        }
        e.name = counts
            .iter()
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
            .map_or_else(|| e.key.clone(), |(s, _)| s.to_string());
    }
    let map = entity_of
        .into_iter()
        .map(|(k, e)| (k.to_string(), e))
        .collect();
    (entities, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_one_person() {
        assert!(same_person("Petro Bilotsky", "Bilotskyy"));
        assert!(same_person("Andriy Horbach", "Andrii Horbakh"));
        assert!(same_person("J. Smith", "John Smith"));
        assert!(!same_person("Anna Weber", "Jonas Weber"));
        assert!(!same_person("Elena Varga", "Elena Vass"));
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("un", "united nations"));
        assert!(is_acronym("efl", "english football league"));
        assert!(is_acronym(
            "ecowas",
            "economic community of west african states"
        ));
        assert!(is_acronym("wfp", "world food programme"));
        assert!(is_acronym("fbi", "federal bureau of investigation"));
        assert!(!is_acronym("eu", "african union"));
        assert!(!is_acronym("un", "union"));
        assert!(!is_acronym("nato", "united nations"));
        assert!(is_short_form("halden", "halden capital partners"));
        assert!(!is_short_form("capital", "halden capital partners"));
    }
}

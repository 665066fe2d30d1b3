//! Resolution across articles: one entity per person, whatever the spelling.
//!
//! Times are resolved during extraction (each against its own article's publication date);
//! places are gazetteer entries already. What remains is linking each article's people to
//! corpus-wide entities: same surname up to transliteration (y/i, -sky/-skyy, kh/h, g/h,
//! Mohammed/Muhammad, diacritics) and a compatible first name (equal up to the same folding,
//! or an initial, or absent).

use crate::model::Extraction;
use crate::text::name_variants;

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
    for (a, p) in order {
        let name = &extractions[a].persons[p].name;
        let found = entities.iter().position(|e| same_person(&e.name, name));
        let idx = match found {
            Some(i) => i,
            None => {
                entities.push(PersonEntity {
                    name: name.clone(),
                    members: Vec::new(),
                });
                entities.len() - 1
            }
        };
        entities[idx].members.push((a, p));
        maps[a][p] = idx;
    }
    (entities, maps)
}

/// Whether two names can be one person.
pub fn same_person(a: &str, b: &str) -> bool {
    let pa: Vec<&str> = a.split_whitespace().collect();
    let pb: Vec<&str> = b.split_whitespace().collect();
    let (Some(la), Some(lb)) = (pa.last(), pb.last()) else {
        return false;
    };
    if !name_variants(la, lb) {
        return false;
    }
    if pa.len() >= 2 && pb.len() >= 2 {
        let (fa, fb) = (pa[0].trim_end_matches('.'), pb[0].trim_end_matches('.'));
        if fa.chars().count() == 1 || fb.chars().count() == 1 {
            return fa.chars().next().map(|c| c.to_ascii_lowercase())
                == fb.chars().next().map(|c| c.to_ascii_lowercase());
        }
        return name_variants(fa, fb);
    }
    true
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
}

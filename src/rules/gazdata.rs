//! Compiling `place` rules into the gazetteer's tables, and their compact binary form.
//!
//! This module is shared with `build.rs`, which compiles the default `rules/gazetteer.rules` at
//! build time so that the binary starts without parsing 2 MB of rules: the tables are embedded
//! as bytes and the two finite-state transducers (names and ids, [`fst::Map`]) are used in
//! place, without copying. It depends on `std`, `fst`, `deunicode` and the rule syntax only.

use std::borrow::Cow;

use super::syntax::RuleLine;

/// Kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A first-level region (state, province).
    Region,
    /// A city or town.
    City,
}

/// A place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    /// Stable id (`TR`, `TR.34`, `G745044`).
    pub id: String,
    /// Kind.
    pub kind: PlaceKind,
    /// Name.
    pub name: String,
    /// Parent place index.
    pub parent: Option<usize>,
    /// Population (for a region without a figure, the sum of its listed cities).
    pub pop: u64,
    /// The name is also a common word or a name shared with other places.
    pub ambiguous: bool,
    /// Capital city index (countries).
    pub capital: Option<usize>,
}

/// The compiled tables of a gazetteer.
#[derive(Debug, Clone)]
pub struct Tables {
    /// All places, in rule order (a later rule with the same id replaces the earlier one).
    pub places: Vec<Place>,
    /// Pattern `i`'s candidate places are `cands[offsets[i]..offsets[i + 1]]`, most populous
    /// first (countries before their regions and cities on a tie).
    pub offsets: Vec<u32>,
    /// Candidate place indices of all patterns.
    pub cands: Vec<u32>,
    /// Whether pattern `i` is a demonym.
    pub demonym: Vec<bool>,
    /// Lowercase name (ASCII-lowercased, and also diacritic-folded) to pattern index.
    pub names: fst::Map<Cow<'static, [u8]>>,
    /// Place id to place index.
    pub ids: fst::Map<Cow<'static, [u8]>>,
}

/// An error in one `place` rule: the index of the rule in the input, a 1-based column, a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceError {
    /// Index into the rules given to [`compile`].
    pub rule: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong.
    pub msg: String,
}

fn fold(s: &str) -> String {
    let mut out = deunicode::deunicode(s);
    out.make_ascii_lowercase();
    out
}

/// Compile `place` rules (`place ID KIND NAME [in=] [capital=] [alias=] [demonym=] [pop=]
/// [ambiguous=]`) into tables.
pub fn compile(lines: &[&RuleLine]) -> Result<Tables, Vec<PlaceError>> {
    use std::collections::{BTreeMap, HashMap};
    let mut errors = Vec::new();
    let mut places: Vec<Place> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let err = |rule, col, msg: String| PlaceError { rule, col, msg };
    // First pass: ids.
    for (r, l) in lines.iter().enumerate() {
        if l.args.len() < 3 {
            errors.push(err(r, l.keyword.col, "`place` needs ID KIND NAME".into()));
            continue;
        }
        let kind = match l.args[1].text.as_str() {
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            "city" => PlaceKind::City,
            other => {
                errors.push(err(
                    r,
                    l.args[1].col,
                    format!("unknown place kind `{other}`"),
                ));
                continue;
            }
        };
        let pop = match l
            .attr1("pop")
            .map(|p| p.text.parse::<u64>().map_err(|_| p.col))
        {
            Some(Ok(p)) => p,
            Some(Err(col)) => {
                errors.push(err(r, col, "pop= needs a whole number".into()));
                0
            }
            None => 0,
        };
        let id = l.args[0].text.as_str();
        let place = Place {
            id: id.to_string(),
            kind,
            name: l.args[2].text.clone(),
            parent: None,
            pop,
            ambiguous: l.attr("ambiguous").is_some(),
            capital: None,
        };
        match by_id.get(id) {
            Some(&i) => places[i] = place,
            None => {
                by_id.insert(id, places.len());
                places.push(place);
            }
        }
    }
    // Second pass: links and names. A name maps to its places and whether it is a demonym.
    let mut names: BTreeMap<String, (Vec<usize>, bool)> = BTreeMap::new();
    for (r, l) in lines.iter().enumerate() {
        if l.args.len() < 3 {
            continue;
        }
        let Some(&idx) = by_id.get(l.args[0].text.as_str()) else {
            continue;
        };
        for (key, is_parent) in [("in", true), ("capital", false)] {
            if let Some(item) = l.attr1(key) {
                match by_id.get(item.text.as_str()) {
                    Some(&p) if is_parent => places[idx].parent = Some(p),
                    Some(&p) => places[idx].capital = Some(p),
                    None => errors.push(err(
                        r,
                        item.col,
                        format!("{key}={} names no place", item.text),
                    )),
                }
            }
        }
        let mut add = |name: &str, demonym: bool| {
            for form in [name.to_ascii_lowercase(), fold(name)] {
                if form.chars().count() < 2 {
                    continue;
                }
                let e = names.entry(form).or_insert_with(|| (Vec::new(), demonym));
                if !e.0.contains(&idx) {
                    e.0.push(idx);
                }
            }
        };
        add(&l.args[2].text, false);
        for a in l.attr("alias").unwrap_or(&[]) {
            add(&a.text, false);
        }
        for a in l.attr("demonym").unwrap_or(&[]) {
            add(&a.text, true);
        }
    }
    // A parent chain must end: a cycle would make containment loop.
    for (i, p) in places.iter().enumerate() {
        let mut cur = p.parent;
        for _ in 0..places.len().min(64) {
            match cur {
                Some(c) if c == i => {
                    let rule = lines
                        .iter()
                        .rposition(|l| l.args.first().is_some_and(|a| a.text == p.id))
                        .unwrap_or(0);
                    errors.push(err(rule, 1, format!("`{}` lies within itself", p.id)));
                    break;
                }
                Some(c) => cur = places[c].parent,
                None => break,
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // A region without a population figure gets the sum of its listed cities (a lower bound),
    // so that readings of an ambiguous name can be weighed ("Manchester": a city of 570,000 or
    // a Jamaican parish).
    let mut sums = vec![0u64; places.len()];
    for p in places.iter().filter(|p| p.kind == PlaceKind::City) {
        if let Some(parent) = p.parent {
            sums[parent] += p.pop;
        }
    }
    for (p, sum) in places.iter_mut().zip(sums) {
        if p.kind == PlaceKind::Region && p.pop == 0 {
            p.pop = sum;
        }
    }
    let mut offsets = Vec::with_capacity(names.len() + 1);
    let mut cands = Vec::new();
    let mut demonym = Vec::with_capacity(names.len());
    let mut name_map = fst::MapBuilder::memory();
    offsets.push(0);
    for (i, (name, (mut c, dem))) in names.into_iter().enumerate() {
        c.sort_by_key(|&a| (std::cmp::Reverse(places[a].pop), places[a].kind));
        cands.extend(c.iter().map(|&x| x as u32));
        offsets.push(cands.len() as u32);
        demonym.push(dem);
        name_map
            .insert(name.as_bytes(), i as u64)
            .expect("names are sorted and unique");
    }
    let mut ids: Vec<(&str, usize)> = by_id.into_iter().collect();
    ids.sort_unstable();
    let mut id_map = fst::MapBuilder::memory();
    for (id, i) in ids {
        id_map
            .insert(id.as_bytes(), i as u64)
            .expect("ids are sorted and unique");
    }
    let names = fst::Map::new(Cow::Owned(name_map.into_inner().expect("in memory")))
        .expect("a freshly built map");
    let ids = fst::Map::new(Cow::Owned(id_map.into_inner().expect("in memory")))
        .expect("a freshly built map");
    Ok(Tables {
        places,
        offsets,
        cands,
        demonym,
        names,
        ids,
    })
}

const MAGIC: &[u8; 8] = b"CCGAZ\x00\x00\x01";
const NONE: u32 = u32::MAX;

#[allow(dead_code)] // used by build.rs and the tests
fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[allow(dead_code)] // used by build.rs and the tests
fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_u32(out, b.len() as u32);
    out.extend_from_slice(b);
}

/// The binary form of compiled tables (little-endian, see [`decode`]).
#[allow(dead_code)] // used by build.rs and the tests
pub fn encode(t: &Tables) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, t.places.len() as u32);
    for p in &t.places {
        put_bytes(&mut out, p.id.as_bytes());
        put_bytes(&mut out, p.name.as_bytes());
        out.push(match p.kind {
            PlaceKind::Country => 0,
            PlaceKind::Region => 1,
            PlaceKind::City => 2,
        });
        out.push(u8::from(p.ambiguous));
        put_u32(&mut out, p.parent.map_or(NONE, |x| x as u32));
        put_u32(&mut out, p.capital.map_or(NONE, |x| x as u32));
        out.extend_from_slice(&p.pop.to_le_bytes());
    }
    put_u32(&mut out, t.demonym.len() as u32);
    for &o in &t.offsets {
        put_u32(&mut out, o);
    }
    put_u32(&mut out, t.cands.len() as u32);
    for &c in &t.cands {
        put_u32(&mut out, c);
    }
    out.extend(t.demonym.iter().map(|&d| u8::from(d)));
    put_bytes(&mut out, t.names.as_fst().as_bytes());
    put_bytes(&mut out, t.ids.as_fst().as_bytes());
    out
}

struct Reader {
    bytes: &'static [u8],
    pos: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("truncated at byte {}", self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn bytes(&mut self) -> Result<&'static [u8], String> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn str(&mut self) -> Result<String, String> {
        let b = self.bytes()?;
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| format!("bad UTF-8 before byte {}", self.pos))
    }
}

/// Read tables written by [`encode`]; the transducers borrow `bytes` without copying.
pub fn decode(bytes: &'static [u8]) -> Result<Tables, String> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err("not a crosscheck gazetteer (bad magic)".into());
    }
    let n = r.u32()? as usize;
    let opt = |v: u32| -> Result<Option<usize>, String> {
        match v {
            NONE => Ok(None),
            v if (v as usize) < n => Ok(Some(v as usize)),
            v => Err(format!("place index {v} out of range")),
        }
    };
    let mut places = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str()?;
        let name = r.str()?;
        let kind = match r.u8()? {
            0 => PlaceKind::Country,
            1 => PlaceKind::Region,
            2 => PlaceKind::City,
            k => return Err(format!("bad place kind {k}")),
        };
        let ambiguous = r.u8()? != 0;
        let parent = opt(r.u32()?)?;
        let capital = opt(r.u32()?)?;
        let pop = r.u64()?;
        places.push(Place {
            id,
            kind,
            name,
            parent,
            pop,
            ambiguous,
            capital,
        });
    }
    let np = r.u32()? as usize;
    let offsets = (0..=np).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?;
    let nc = r.u32()? as usize;
    let cands = (0..nc).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?;
    if offsets.windows(2).any(|w| w[0] > w[1]) || offsets.last() != Some(&(nc as u32)) {
        return Err("bad pattern offsets".into());
    }
    if cands.iter().any(|&c| c as usize >= n) {
        return Err("candidate index out of range".into());
    }
    let demonym = r.take(np)?.iter().map(|&d| d != 0).collect();
    let names = fst::Map::new(Cow::Borrowed(r.bytes()?)).map_err(|e| e.to_string())?;
    let ids = fst::Map::new(Cow::Borrowed(r.bytes()?)).map_err(|e| e.to_string())?;
    Ok(Tables {
        places,
        offsets,
        cands,
        demonym,
        names,
        ids,
    })
}

//! The pipeline: load → segment → extract → resolve → cluster → compare → report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cluster::{cluster_events, Event};
use crate::conflict::Compare;
use crate::error::{Error, ErrorKind, Result};
use crate::extract::time::{self, Resolved};
use crate::extract::{extract, ExtractOptions};
use crate::ingest::Corpus;
use crate::model::{Actor, AnchorSource, Article, Extraction};
use crate::report::{
    ArticleInfo, ClaimInfo, EntityInfo, Evidence, Form, PlaceInfo, QuantityInfo, Report,
    SkippedInfo, TimeInfo, TitleInfo, ToolInfo, SCHEMA_VERSION,
};
use crate::resolve::{adopt_loose_names, link_orgs, link_people, resolve_places};
use crate::rules::Rules;

pub use crate::extract::time::DayOrder;

/// Runs the whole check over a corpus: the rules and the options, built once and used for any
/// number of corpora (it is cheap to clone and can be shared between threads).
///
/// ```
/// use crosscheck::{Article, Corpus, Kind, Pipeline};
///
/// let day = "2026-03-04".parse()?;
/// let corpus = Corpus::from_articles([
///     Article::new("a", "Police said the bus crashed near Lyon on Monday.").with_published(day),
///     Article::new("b", "The bus crashed near Lyon on Tuesday, police said.").with_published(day),
/// ]);
/// let report = Pipeline::new().run(&corpus);
/// assert_eq!(report.articles.len(), 2);
/// let when = report.discrepancies_of(Kind::When).next().expect("a when discrepancy");
/// assert_eq!(when.sides[0].normalized, "2026-03-02");
/// assert_eq!(when.sides[1].normalized, "2026-03-03");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// With rules of your own and US-style numeric dates (`--rules DIR --month-first`):
///
/// ```no_run
/// use crosscheck::{DayOrder, Pipeline, Rules};
///
/// let pipeline = Pipeline::with_rules(Rules::from_dir("my-rules")?).day_order(DayOrder::MonthFirst);
/// let report = pipeline.check_dir("stories/talks")?;
/// # Ok::<(), crosscheck::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Pipeline {
    rules: Arc<Rules>,
    opts: ExtractOptions,
    lean: bool,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline with the embedded default rules ([`Rules::defaults`]).
    pub fn new() -> Pipeline {
        Pipeline {
            rules: Rules::defaults(),
            opts: ExtractOptions::default(),
            lean: false,
        }
    }

    /// A pipeline with the given rules: a [`Rules`] or an `Arc<Rules>` to share.
    ///
    /// ```
    /// use crosscheck::{Pipeline, RulesBuilder};
    ///
    /// let rules = RulesBuilder::new()
    ///     .add_defaults()
    ///     .add_str("harbor.rules", "# format: 1\ntitle \"harbor master\" unique class=official\n")
    ///     .build()?;
    /// let pipeline = Pipeline::with_rules(rules);
    /// assert!(pipeline.rules().titles.get("harbor master").is_some());
    /// # Ok::<(), crosscheck::Error>(())
    /// ```
    pub fn with_rules(rules: impl Into<Arc<Rules>>) -> Pipeline {
        Pipeline {
            rules: rules.into(),
            opts: ExtractOptions::default(),
            lean: false,
        }
    }

    /// How to read numeric dates such as `05/06/2025` (default: day first).
    ///
    /// ```
    /// use crosscheck::{Article, Corpus, DayOrder, Pipeline};
    ///
    /// let corpus = Corpus::from_articles([Article::new("a", "The bus crashed on 05/06/2025.")]);
    /// let report = Pipeline::new().day_order(DayOrder::MonthFirst).run(&corpus);
    /// let when = report.claims[0].when.as_ref().unwrap();
    /// assert_eq!(when.normalized, "2025-05-06");
    /// ```
    pub fn day_order(mut self, order: DayOrder) -> Pipeline {
        self.opts.day_order = order;
        self
    }

    /// Lean reports: without their `claims` and `entities` (the lists are left empty), which
    /// are three quarters of a report's JSON and a tenth of the time to make it. The
    /// discrepancies, facts and updates are the same. For a desk that checks a day's news
    /// (`crosscheck batch --lean`).
    ///
    /// ```
    /// use crosscheck::{Article, Corpus, Pipeline};
    ///
    /// let corpus = Corpus::from_articles([
    ///     Article::new("a", "Transport Minister Ana Costa visited Lyon on Monday."),
    ///     Article::new("b", "Interior Minister Ana Costa visited Lyon on Monday."),
    /// ]);
    /// let full = Pipeline::new().run(&corpus);
    /// let lean = Pipeline::new().lean(true).run(&corpus);
    /// assert!(!full.claims.is_empty() && lean.claims.is_empty() && lean.entities.is_empty());
    /// assert_eq!(full.discrepancies, lean.discrepancies);
    /// ```
    pub fn lean(mut self, lean: bool) -> Pipeline {
        self.lean = lean;
        self
    }

    /// The rules in use.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Extract one article (segmentation and claims), for inspection. Not part of the stable
    /// API: its result is an internal type.
    #[doc(hidden)]
    pub fn extract(&self, index: usize, article: &Article) -> Extraction {
        extract(index, article, &self.rules, self.opts).1
    }

    /// The date a dateline gives an article ("ISTANBUL, May 16 (Reuters) -"). A dateline
    /// without a year takes the year that puts the date nearest to `reference` (the other
    /// articles' publication dates); without a year or a reference there is no date.
    pub fn dateline_date(
        &self,
        article: &Article,
        reference: Option<jiff::civil::Date>,
    ) -> Option<jiff::civil::Date> {
        let seg = crate::segment::segment(&article.text, article.body_start, &self.rules);
        let written = seg.dateline?.date?;
        let mention = time::find_times(&written, &self.rules.time, self.opts.day_order)
            .into_iter()
            .next()?;
        match time::resolve(
            &mention.expr,
            &written,
            reference,
            None,
            time::Tense::Unknown,
        ) {
            Resolved::Value(v) if v.start == v.end => Some(v.start),
            _ => None,
        }
    }

    /// Articles without a publication date take their dateline's, if it has one.
    fn with_dateline_anchors<'c>(
        &self,
        articles: &'c [Article],
    ) -> std::borrow::Cow<'c, [Article]> {
        let mut known: Vec<jiff::civil::Date> =
            articles.iter().filter_map(|a| a.published).collect();
        known.sort();
        let reference = known.get(known.len() / 2).copied();
        let found: Vec<Option<jiff::civil::Date>> =
            if articles.iter().all(|a| a.published.is_some()) {
                vec![None; articles.len()]
            } else {
                crate::par::map(articles, |_, a| {
                    if a.published.is_some() {
                        None
                    } else {
                        self.dateline_date(a, reference)
                    }
                })
            };
        if found.iter().all(Option::is_none) {
            return std::borrow::Cow::Borrowed(articles);
        }
        std::borrow::Cow::Owned(
            articles
                .iter()
                .zip(found)
                .map(|(a, d)| {
                    let mut a = a.clone();
                    if let Some(d) = d {
                        a.published = Some(d);
                        a.anchor = AnchorSource::Dateline;
                    }
                    a
                })
                .collect(),
        )
    }

    /// Read a folder of articles like `crosscheck DIR` does (`.txt` and `.md` files, its
    /// `manifest.csv` if there is one) and check it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Input`] for a bad manifest, and [`ErrorKind::NoArticles`] when not one
    /// article could be read: the folder is missing or unreadable (the message gives the
    /// reason), or none of its files is a readable article.
    ///
    /// ```
    /// use crosscheck::{ErrorKind, Pipeline};
    ///
    /// let story = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/corpus/bus-crash");
    /// let report = Pipeline::new().check_dir(story)?;
    /// assert!(report.has_discrepancies());
    ///
    /// let empty = std::env::temp_dir().join(format!("crosscheck-doc-empty-{}", std::process::id()));
    /// std::fs::create_dir_all(&empty)?;
    /// let err = Pipeline::new().check_dir(&empty).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::NoArticles(_)));
    /// assert_eq!(err.to_string(), "no article to check");
    /// # std::fs::remove_dir(&empty)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_dir(&self, dir: impl AsRef<Path>) -> Result<Report> {
        self.check(&Corpus::from_dir(dir)?)
    }

    /// Read files and folders like `crosscheck PATH... [--manifest FILE]` does (`-` is
    /// standard input) and check them. The manifest, if any, gives outlets and publication
    /// dates for all the paths; a `manifest.csv` inside a folder is read as well.
    ///
    /// # Errors
    ///
    /// As [`Pipeline::check_dir`]; a file that cannot be read is not an error but a
    /// [`skipped`](Report::skipped) input, unless it was the only one.
    ///
    /// ```
    /// use crosscheck::Pipeline;
    ///
    /// let story = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/bus-crash");
    /// let report = Pipeline::new().check_paths(
    ///     [story.join("a1_atlantic-wire.txt"), story.join("a2_tagus-herald.txt")],
    ///     Some(&story.join("manifest.csv")),
    /// )?;
    /// assert_eq!(report.articles.len(), 2);
    /// assert_eq!(report.articles[0].outlet.as_deref(), Some("Atlantic Wire"));
    /// # Ok::<(), crosscheck::Error>(())
    /// ```
    pub fn check_paths<P: AsRef<Path>>(
        &self,
        paths: impl IntoIterator<Item = P>,
        manifest: Option<&Path>,
    ) -> Result<Report> {
        let paths: Vec<PathBuf> = paths.into_iter().map(|p| p.as_ref().into()).collect();
        self.check(&Corpus::from_paths(&paths, manifest)?)
    }

    /// Check a corpus like [`Pipeline::run`], but a corpus without one article is an
    /// [`ErrorKind::NoArticles`] error that names the skipped inputs and why, as the command
    /// line reports it.
    ///
    /// ```
    /// use crosscheck::{Corpus, Pipeline};
    ///
    /// let err = Pipeline::new().check(&Corpus::new()).unwrap_err();
    /// assert_eq!(err.to_string(), "no article to check");
    /// ```
    pub fn check(&self, corpus: &Corpus) -> Result<Report> {
        match corpus.nothing_to_check() {
            Some(msg) => Err(Error::new(ErrorKind::NoArticles(msg))),
            None => Ok(self.run(corpus)),
        }
    }

    /// Check a corpus and build the report. Never fails: an article that cannot be read is
    /// listed in [`Report::skipped`] and one without claims adds nothing; an empty corpus gives
    /// an empty report ([`Pipeline::check`] makes that an error).
    pub fn run(&self, corpus: &Corpus) -> Report {
        let rules = &*self.rules;
        // By id: the order the articles come in changes nothing in the report.
        let by_id = if corpus.articles.is_sorted_by(|a, b| a.id <= b.id) {
            std::borrow::Cow::Borrowed(&corpus.articles[..])
        } else {
            let mut v = corpus.articles.clone();
            v.sort_by(|a, b| a.id.cmp(&b.id));
            std::borrow::Cow::Owned(v)
        };
        let articles = self.with_dateline_anchors(&by_id);
        let articles: &[Article] = &articles;
        let mut skipped: Vec<SkippedInfo> = corpus
            .skipped
            .iter()
            .map(|s| SkippedInfo {
                path: s.path.clone(),
                reason: s.reason.clone(),
            })
            .collect();
        let mut warnings = corpus.warnings.clone();
        // Extract every article independently; a panic in one loses only that one.
        let results: Vec<Option<Extraction>> = crate::par::map(articles, |i, a| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                extract(i, a, rules, self.opts).1
            }))
            .ok()
        });
        let mut extractions = Vec::with_capacity(results.len());
        for (a, r) in articles.iter().zip(results) {
            match r {
                Some(ex) => extractions.push(ex),
                None => {
                    skipped.push(SkippedInfo {
                        path: a
                            .path
                            .as_ref()
                            .map_or_else(|| a.id.clone(), |p| p.display().to_string()),
                        reason: "internal error while reading this article (please report it)"
                            .into(),
                    });
                    extractions.push(Extraction::default());
                }
            }
        }
        for (a, ex) in articles.iter().zip(&extractions) {
            for d in &ex.diagnostics {
                warnings.push(format!("{}: {d}", a.id));
            }
        }
        resolve_places(&rules.gazetteer, &mut extractions);
        adopt_loose_names(&mut extractions);
        let (persons, person_map) = link_people(&extractions);
        let (orgs, org_map) = link_orgs(&extractions);
        // A site's owner is the organisation entity, whatever name the article gave it.
        for ex in &mut extractions {
            for s in &mut ex.sites {
                if let Some(&e) = s.owner.as_ref().and_then(|o| org_map.get(o)) {
                    s.owner = Some(orgs[e].key.clone());
                }
            }
        }
        let actor_key = |article: usize, a: &Actor| -> String {
            match a {
                Actor::Person(p) => format!("p{}", person_map[article][*p]),
                Actor::Country(c) => format!("c:{}", rules.gazetteer.places[*c].id),
                Actor::Org(o) => match org_map.get(o) {
                    Some(&e) => format!("o:{}", orgs[e].key),
                    None => format!("o:{o}"),
                },
            }
        };
        let mut events: Vec<Event> = Vec::new();
        for (ai, ex) in extractions.iter().enumerate() {
            for c in &ex.events {
                // Accidents and disasters are identified by time and place, not participants.
                let mut actors: Vec<String> = if rules.predicates[c.class].impersonal {
                    Vec::new()
                } else {
                    c.actors.iter().map(|x| actor_key(ai, x)).collect()
                };
                actors.sort();
                actors.dedup();
                let holders = c
                    .quantities
                    .iter()
                    .map(|q| q.holder.as_ref().map(|h| actor_key(ai, h)))
                    .collect();
                // What the act is about, from the words after its trigger.
                let sentence = articles[ai].slice(c.span.start, c.span.end);
                // The first of the claim's trigger words ("fined, penalty").
                let first = c.trigger.split(", ").next().unwrap_or_default();
                let at = sentence.find(first);
                let object =
                    at.and_then(|at| crate::cluster::object_of(&sentence[at + first.len()..]));
                let asserted = c.verbal
                    && at.is_some_and(|at| crate::cluster::plainly_stated(&sentence[..at]));
                events.push(Event {
                    claim: c,
                    actors,
                    published: articles[ai].published,
                    holders,
                    object,
                    asserted,
                    agent: c.agent.as_ref().map(|x| actor_key(ai, x)),
                });
            }
        }
        let clustering = cluster_events(rules, &events);
        let updates: Vec<(f64, Option<String>)> = events
            .iter()
            .flat_map(|e| e.claim.quantities.iter())
            .filter(|q| q.update && !q.remaining)
            .map(|q| (q.q.value, q.q.unit.clone()))
            .collect();
        let mut changed_to: Vec<(f64, Option<String>, String)> = Vec::new();
        for e in &events {
            let a = &articles[e.claim.article];
            let mut sentence: Option<String> = None;
            for q in e.claim.quantities.iter().filter(|q| q.update) {
                let cued = a
                    .text
                    .get(e.claim.span.start..q.q.start)
                    .is_some_and(|before| {
                        let before = before.to_lowercase();
                        crate::extract::ends_with_phrase(&before, &rules.figure_update_cues)
                            || crate::extract::ends_with_phrase(&before, &rules.update_cues)
                    });
                if cued {
                    let sentence = sentence.get_or_insert_with(|| {
                        a.slice(e.claim.span.start, e.claim.span.end).to_lowercase()
                    });
                    changed_to.push((q.q.value, q.q.unit.clone(), sentence.clone()));
                }
            }
        }
        let cmp = Compare {
            changed_to,
            sources: crate::sources::source_groups(articles, &extractions),
            org_names: orgs
                .iter()
                .map(|o| (o.key.clone(), o.name.clone()))
                .collect(),
            updates,
            rules,
            articles,
            extractions: &extractions,
            persons: &persons,
            person_map: &person_map,
            shingles: Default::default(),
        };
        let outcome = cmp.run(&events, &clustering);

        let mut discrepancies = outcome.discrepancies;
        discrepancies.sort_by(|a, b| {
            b.confidence
                .total_cmp(&a.confidence)
                .then(a.kind.cmp(&b.kind))
                .then(a.about.cmp(&b.about))
                .then_with(|| {
                    a.sides
                        .first()
                        .map(|s| &s.normalized)
                        .cmp(&b.sides.first().map(|s| &s.normalized))
                })
        });
        for (i, d) in discrepancies.iter_mut().enumerate() {
            d.id = format!("d{}", i + 1);
        }
        let mut facts = outcome.facts;
        facts.sort_by(|a, b| {
            b.independent_sources
                .cmp(&a.independent_sources)
                .then(a.kind.cmp(&b.kind))
                .then(a.about.cmp(&b.about))
                .then(a.normalized.cmp(&b.normalized))
        });
        for (i, f) in facts.iter_mut().enumerate() {
            f.id = format!("f{}", i + 1);
        }
        let mut updates = outcome.updates;
        updates.sort_by(|a, b| {
            a.about
                .cmp(&b.about)
                .then(a.explanation.cmp(&b.explanation))
        });
        for (i, u) in updates.iter_mut().enumerate() {
            u.id = format!("u{}", i + 1);
        }

        // Claims and entities for the report (a lean report has none).
        let (claims, entities) = if self.lean {
            (Vec::new(), Vec::new())
        } else {
            // Claims and entities for the report.
            let evidence = |article: usize, start: usize, end: usize| -> Evidence {
                let a = &articles[article];
                Evidence {
                    article: a.id.clone(),
                    start,
                    end,
                    text: a.slice(start, end).to_string(),
                }
            };
            let mut claims = Vec::new();
            for e in &events {
                let c = e.claim;
                let a = &articles[c.article];
                claims.push(ClaimInfo {
                    id: String::new(),
                    article: a.id.clone(),
                    kind: "event".into(),
                    predicate: rules.predicates[c.class].name.clone(),
                    text: c.trigger.clone(),
                    actors: e.actors.iter().map(|k| cmp.actor_name(k)).collect(),
                    when: c.when.as_ref().map(|w| time_info(w, a)),
                    place: c.place.as_ref().map(|p| PlaceInfo {
                        text: p.text.clone(),
                        id: rules.gazetteer.places[p.place].id.clone(),
                        name: rules.gazetteer.places[p.place].name.clone(),
                    }),
                    quantities: c
                        .quantities
                        .iter()
                        .map(|q| QuantityInfo {
                            text: q.text.clone(),
                            value: q.q.value,
                            unit: q.q.unit.clone(),
                            qualifier: format!("{:?}", q.q.qualifier).to_lowercase(),
                        })
                        .collect(),
                    modality: c.modality.as_str().to_string(),
                    evidence: evidence(c.article, c.span.start, c.span.end),
                });
            }
            for (ai, ex) in extractions.iter().enumerate() {
                for t in &ex.titles {
                    let (s, e) = ex
                        .sentences
                        .get(t.sentence)
                        .copied()
                        .unwrap_or((t.span.start, t.span.end));
                    claims.push(ClaimInfo {
                        id: String::new(),
                        article: articles[ai].id.clone(),
                        kind: "title".into(),
                        predicate: if t.past {
                            format!("former {}", t.canonical)
                        } else {
                            t.canonical.clone()
                        },
                        text: t.surface.clone(),
                        actors: vec![persons[person_map[ai][t.person]].name.clone()],
                        when: None,
                        place: None,
                        quantities: Vec::new(),
                        modality: "asserted".into(),
                        evidence: evidence(ai, s, e),
                    });
                }
                for q in &ex.quotes {
                    claims.push(ClaimInfo {
                        id: String::new(),
                        article: articles[ai].id.clone(),
                        kind: "quote".into(),
                        predicate: q
                            .speaker
                            .map_or_else(String::new, |p| persons[person_map[ai][p]].name.clone()),
                        text: q.text.clone(),
                        actors: q
                            .speaker
                            .map(|p| persons[person_map[ai][p]].name.clone())
                            .into_iter()
                            .collect(),
                        when: None,
                        place: None,
                        quantities: Vec::new(),
                        modality: "asserted".into(),
                        evidence: evidence(ai, q.span.start, q.span.end),
                    });
                }
            }
            for (i, c) in claims.iter_mut().enumerate() {
                c.id = format!("c{}", i + 1);
            }
            let mut entities = Vec::new();
            for p in &persons {
                // The person's mentions (or references), as forms.
                let forms_of = |refs: bool| -> Vec<Form> {
                    p.members
                        .iter()
                        .flat_map(|&(a, lp)| {
                            let lp = &extractions[a].persons[lp];
                            let list = if refs { &lp.references } else { &lp.mentions };
                            list.iter().map(move |(text, span)| Form {
                                text: text.clone(),
                                article: articles[a].id.clone(),
                                start: span.start,
                                end: span.end,
                            })
                        })
                        .collect()
                };
                let mut forms = forms_of(false);
                // Names are the variants; references by title ("the foreign minister") are forms.
                let mut variants: Vec<String> = forms.iter().map(|f| f.text.clone()).collect();
                forms.extend(forms_of(true));
                forms.sort_by(|a, b| (&a.article, a.start).cmp(&(&b.article, b.start)));
                variants.sort();
                variants.dedup();
                let mut titles: Vec<TitleInfo> = Vec::new();
                for &(a, lp) in &p.members {
                    for t in extractions[a].titles.iter().filter(|t| t.person == lp) {
                        titles.push(TitleInfo {
                            title: t.canonical.clone(),
                            text: t.surface.clone(),
                            former: t.past,
                            article: articles[a].id.clone(),
                            start: t.span.start,
                            end: t.span.end,
                        });
                    }
                }
                titles.sort_by(|a, b| (&a.article, a.start).cmp(&(&b.article, b.start)));
                entities.push(EntityInfo {
                    id: String::new(),
                    kind: "person".into(),
                    name: p.name.clone(),
                    variants,
                    forms,
                    titles,
                });
            }
            for o in &orgs {
                let forms: Vec<Form> = o
                    .members
                    .iter()
                    .map(|&(a, i)| {
                        let m = &extractions[a].orgs[i];
                        Form {
                            text: m.surface.clone(),
                            article: articles[a].id.clone(),
                            start: m.span.start,
                            end: m.span.end,
                        }
                    })
                    .collect();
                let mut variants: Vec<String> = forms.iter().map(|f| f.text.clone()).collect();
                variants.sort();
                variants.dedup();
                entities.push(EntityInfo {
                    id: String::new(),
                    kind: "org".into(),
                    name: o.name.clone(),
                    variants,
                    forms,
                    titles: Vec::new(),
                });
            }
            let mut places: BTreeMap<usize, Vec<Form>> = BTreeMap::new();
            for (ai, ex) in extractions.iter().enumerate() {
                for m in &ex.places {
                    places.entry(m.place).or_default().push(Form {
                        text: m.text.clone(),
                        article: articles[ai].id.clone(),
                        start: m.span.start,
                        end: m.span.end,
                    });
                }
            }
            for (place, forms) in places {
                let mut variants: Vec<String> = forms.iter().map(|f| f.text.clone()).collect();
                variants.sort();
                variants.dedup();
                entities.push(EntityInfo {
                    id: String::new(),
                    kind: "place".into(),
                    name: rules.gazetteer.places[place].name.clone(),
                    variants,
                    forms,
                    titles: Vec::new(),
                });
            }
            for (i, e) in entities.iter_mut().enumerate() {
                e.id = format!("e{}", i + 1);
            }
            (claims, entities)
        };

        Report {
            schema: SCHEMA_VERSION,
            tool: ToolInfo {
                name: "crosscheck".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            articles: articles
                .iter()
                .map(|a| ArticleInfo {
                    id: a.id.clone(),
                    path: a.path.as_ref().map(|p| p.display().to_string()),
                    outlet: a.outlet.clone(),
                    published: a.published.map(|d| d.to_string()),
                    anchor: a.anchor.as_str().to_string(),
                })
                .collect(),
            discrepancies,
            facts,
            updates,
            claims,
            entities,
            skipped,
            warnings,
        }
    }
}

fn time_info(w: &crate::model::WhenSlot, a: &Article) -> TimeInfo {
    let anchor = a.anchor.as_str().to_string();
    match &w.value {
        Resolved::Value(v) => TimeInfo {
            text: w.text.clone(),
            normalized: time::normalized(v),
            granularity: format!("{:?}", v.granularity).to_lowercase(),
            anchor,
            inherited: w.inherited,
        },
        Resolved::Unresolved { text, vague } => TimeInfo {
            text: w.text.clone(),
            normalized: text.clone(),
            granularity: if *vague {
                "vague".into()
            } else {
                "unresolved".into()
            },
            anchor: "none".into(),
            inherited: w.inherited,
        },
    }
}

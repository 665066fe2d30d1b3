//! Many stories at once: one folder per story, checked in parallel (rayon), the reports handed
//! over one by one in folder order as they finish, so that a caller can stream them (one JSON
//! line per story) and memory stays flat however many stories there are.
//!
//! ```
//! use crosscheck::{batch, Pipeline};
//! let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
//! let stories = batch::story_dirs(&root).unwrap();
//! let mut flagged = 0;
//! batch::run(&Pipeline::new(), &stories[..2], |_, _, result| {
//!     flagged += result.map_or(0, |r| r.discrepancies.len());
//!     Ok(())
//! })
//! .unwrap();
//! assert!(flagged > 0);
//! ```

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::group::{self, GroupOptions};
use crate::ingest::Corpus;
use crate::model::Article;
use crate::pipeline::Pipeline;
use crate::report::Report;

/// Stories checked in parallel before their reports are handed over.
const CHUNK: usize = 256;
/// Chunks of results that may wait for the sink: a writer stalled by the disk for a moment
/// does not stop the work.
const QUEUE: usize = 3;

/// One story folder's report, or why it could not be checked.
fn check(pipeline: &Pipeline, d: &Path) -> Result<Report> {
    let c = Corpus::from_dir(d)?;
    if let Some(msg) = c.nothing_to_check() {
        return Err(Error::input(d, msg));
    }
    Ok(pipeline.run(&c))
}

/// The story folders of a batch directory: its subdirectories, sorted by name.
pub fn story_dirs(root: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(root).map_err(|e| Error::io(root, e))?;
    let mut dirs: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(Error::input(root, "no story folder in this directory"));
    }
    Ok(dirs)
}

/// Check every story folder, in parallel, and give each report to `sink` in the order of
/// `dirs`: `sink(index, folder, report or the error that stopped the story)`. A story that
/// cannot be read does not stop the others. An error returned by `sink` (a full disk) stops
/// the batch and is returned.
pub fn run<F>(pipeline: &Pipeline, dirs: &[PathBuf], sink: F) -> Result<()>
where
    F: FnMut(usize, &Path, Result<Report>) -> Result<()>,
{
    run_map(pipeline, dirs, |_, r| r, sink)
}

/// [`run`] with a `map` from each story's result to what `sink` gets, run in parallel with the
/// checking: serialising each report there, for instance, keeps the pool busy while `sink`
/// only writes (and waits on a slow disk without stopping the work).
///
/// ```
/// use crosscheck::{batch, Pipeline};
/// let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
/// let stories = batch::story_dirs(&root).unwrap();
/// let mut out = Vec::new();
/// batch::run_map(
///     &Pipeline::new(),
///     &stories[..2],
///     |_, result| serde_json::to_vec(&result.unwrap().discrepancies).unwrap(),
///     |_, _, json| {
///         out.push(json);
///         Ok(())
///     },
/// )
/// .unwrap();
/// assert!(out[0].starts_with(b"[{"));
/// ```
pub fn run_map<T, M, F>(pipeline: &Pipeline, dirs: &[PathBuf], map: M, mut sink: F) -> Result<()>
where
    T: Send,
    M: Fn(&Path, Result<Report>) -> T + Sync,
    F: FnMut(usize, &Path, T) -> Result<()>,
{
    in_order(
        dirs,
        |d| map(d, check(pipeline, d)),
        |i, r| sink(i, &dirs[i], r),
    )
}

/// `work` on every item, in parallel, and `sink` on the results in the items' order.
///
/// Items run a chunk at a time, so memory holds at most [`QUEUE`] + 2 chunks of results
/// whatever the number of items (an indexed parallel iterator over all of them would split them into
/// per-thread ranges and hold half the results back). The chunks are computed on a thread of
/// their own, so that `sink` (serialising, writing) works on chunk k while chunk k + 1 is
/// being computed, rather than leaving the pool idle. An error from `sink` stops the run.
fn in_order<T, R, W, S>(items: &[T], work: W, mut sink: S) -> Result<()>
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    S: FnMut(usize, R) -> Result<()>,
{
    std::thread::scope(|scope| {
        // Up to QUEUE chunks wait while the sink drains the one before them.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<R>>(QUEUE);
        let work = &work;
        scope.spawn(move || {
            for chunk in items.chunks(CHUNK) {
                let results: Vec<R> = chunk.par_iter().map(work).collect();
                if tx.send(results).is_err() {
                    // The sink failed and stopped listening.
                    return;
                }
            }
        });
        let mut next = 0;
        for results in rx {
            for r in results {
                sink(next, r)?;
                next += 1;
            }
        }
        Ok(())
    })
}

/// A story found in a pile of articles by [`run_grouped`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// `group-00001`, ...: the stories numbered in the order of their first article's id.
    pub name: String,
    /// The ids of its articles.
    pub articles: Vec<String>,
}

/// Check a flat pile of articles (a directory of files with a `manifest.csv`): group them into
/// stories ([`group::group`]), then check every story, in parallel, and give each report to
/// `sink` in story order. Inputs that could not be read are given to `sink` first, one by one,
/// as a story of their own name with the reason as its error. An error returned by `sink`
/// stops the batch and is returned.
///
/// ```
/// use crosscheck::{batch, group::GroupOptions, Pipeline};
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/bus-crash");
/// let mut stories = Vec::new();
/// batch::run_grouped(&Pipeline::new(), &dir, &GroupOptions::default(), |story, _| {
///     stories.push(story.articles.len());
///     Ok(())
/// })
/// .unwrap();
/// assert_eq!(stories, [4]); // one story of four articles
/// ```
pub fn run_grouped<F>(pipeline: &Pipeline, pile: &Path, opts: &GroupOptions, sink: F) -> Result<()>
where
    F: FnMut(&Story, Result<Report>) -> Result<()>,
{
    run_grouped_map(pipeline, pile, opts, |_, r| r, sink)
}

/// [`run_grouped`] with a `map` from each story's result to what `sink` gets, run in parallel
/// with the checking (as [`run_map`]).
pub fn run_grouped_map<T, M, F>(
    pipeline: &Pipeline,
    pile: &Path,
    opts: &GroupOptions,
    map: M,
    mut sink: F,
) -> Result<()>
where
    T: Send,
    M: Fn(&Story, Result<Report>) -> T + Sync,
    F: FnMut(&Story, T) -> Result<()>,
{
    let corpus = Corpus::from_dir(pile)?;
    for s in &corpus.skipped {
        let story = Story {
            name: s.path.clone(),
            articles: Vec::new(),
        };
        let failed = Err(Error::input(Path::new(&s.path), s.reason.clone()));
        sink(&story, map(&story, failed))?;
    }
    if let Some(msg) = corpus.nothing_to_check() {
        return Err(Error::input(pile, msg));
    }
    let groups = group::group(&corpus.articles, pipeline.rules(), opts);
    let mut articles: Vec<Option<Article>> = corpus.articles.into_iter().map(Some).collect();
    let stories: Vec<(Story, Corpus)> = groups
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let c = Corpus::from_articles(g.iter().filter_map(|&i| articles[i].take()));
            let ids = c.articles.iter().map(|a| a.id.clone()).collect();
            let story = Story {
                name: format!("group-{:05}", n + 1),
                articles: ids,
            };
            (story, c)
        })
        .collect();
    in_order(
        &stories,
        |(story, c)| map(story, Ok(pipeline.run(c))),
        |i, r| sink(&stories[i].0, r),
    )
}

/// One line of `--format jsonl`: the story folder's name and its report, or why it failed.
#[derive(Debug, Serialize)]
pub struct Line<'a> {
    /// The story folder's name (or, for a grouped pile, the story's `group-NNNNN` name).
    pub story: String,
    /// For a grouped pile, the ids of the story's articles.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub articles: &'a [String],
    /// The report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<&'a Report>,
    /// Why the story could not be checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Line<'_> {
    /// The line for a story.
    pub fn new<'a>(dir: &Path, result: &'a Result<Report>) -> Line<'a> {
        let story = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match result {
            Ok(r) => Line {
                story,
                articles: &[],
                report: Some(r),
                error: None,
            },
            Err(e) => Line {
                story,
                articles: &[],
                report: None,
                error: Some(e.to_string()),
            },
        }
    }

    /// The line for a story found in a pile.
    pub fn grouped<'a>(story: &'a Story, result: &'a Result<Report>) -> Line<'a> {
        Line {
            story: story.name.clone(),
            articles: &story.articles,
            report: result.as_ref().ok(),
            error: result.as_ref().err().map(|e| e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn in_order_hands_results_over_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |&i| i * 2,
            |i, r| {
                seen.push((i, r));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..1000).map(|i| (i, i * 2)).collect::<Vec<_>>());
    }

    #[test]
    fn a_failing_sink_stops_the_work_soon() {
        let items: Vec<usize> = (0..100 * CHUNK).collect();
        let done = AtomicUsize::new(0);
        let r = in_order(
            &items,
            |&i| {
                done.fetch_add(1, Ordering::Relaxed);
                i
            },
            |i, _| {
                if i == CHUNK + 1 {
                    Err(Error::input(Path::new("out"), "disk full"))
                } else {
                    Ok(())
                }
            },
        );
        assert!(r.unwrap_err().to_string().contains("disk full"));
        // The chunks sunk, those waiting and the one computed meanwhile, at most.
        assert!(
            done.load(Ordering::Relaxed) <= (3 + QUEUE) * CHUNK,
            "{done:?}"
        );
    }
}

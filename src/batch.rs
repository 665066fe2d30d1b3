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
use crate::ingest::Corpus;
use crate::pipeline::Pipeline;
use crate::report::Report;

/// Stories checked in parallel before their reports are handed over.
const CHUNK: usize = 256;

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
pub fn run<F>(pipeline: &Pipeline, dirs: &[PathBuf], mut sink: F) -> Result<()>
where
    F: FnMut(usize, &Path, Result<Report>) -> Result<()>,
{
    // Stories run in parallel a chunk at a time and are handed over in order: memory holds one
    // chunk of reports, whatever the size of the batch (an indexed parallel iterator over all
    // the folders would split them into per-thread ranges and hold half the batch back).
    let mut next = 0;
    for chunk in dirs.chunks(CHUNK) {
        let reports: Vec<Result<Report>> = chunk.par_iter().map(|d| check(pipeline, d)).collect();
        for r in reports {
            sink(next, &dirs[next], r)?;
            next += 1;
        }
    }
    Ok(())
}

/// One line of `--format jsonl`: the story folder's name and its report, or why it failed.
#[derive(Debug, Serialize)]
pub struct Line<'a> {
    /// The story folder's name.
    pub story: String,
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
                report: Some(r),
                error: None,
            },
            Err(e) => Line {
                story,
                report: None,
                error: Some(e.to_string()),
            },
        }
    }
}

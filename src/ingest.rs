//! Reading articles: files, directories, stdin, a manifest CSV and front matter.
//!
//! The only stage that touches the file system for articles. An unreadable article is recorded
//! in [`Corpus::skipped`] and the others go on.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{AnchorSource, Article};

/// An input that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The path (or `-` for stdin).
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Articles to check, with what could not be read.
///
/// From a folder, from files with a manifest, or from articles you hold as strings:
///
/// ```
/// use crosscheck::{Article, Corpus};
///
/// let story = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/corpus/bus-crash");
/// let corpus = Corpus::from_dir(story)?;
/// assert_eq!(corpus.articles.len(), 4);
/// assert_eq!(corpus.articles[0].outlet.as_deref(), Some("Atlantic Wire")); // from manifest.csv
///
/// let corpus: Corpus = [("a", "The bus crashed on Monday."), ("b", "The bus crashed on Sunday.")]
///     .into_iter()
///     .map(|(id, text)| Article::new(id, text))
///     .collect();
/// assert_eq!(corpus.articles.len(), 2);
/// # Ok::<(), crosscheck::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The articles, in a stable order (by id).
    pub articles: Vec<Article>,
    /// Inputs skipped with their reason.
    pub skipped: Vec<Skipped>,
    /// Warnings that did not stop an article from being read.
    pub warnings: Vec<String>,
}

/// One row of a manifest.
#[derive(Debug, Clone, Default)]
struct ManifestRow {
    outlet: Option<String>,
    published: Option<Date>,
}

/// Largest article read by default, in bytes (10 MiB); see [`ReadOptions::max_bytes`].
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// How inputs are read.
///
/// ```
/// let opts = crosscheck::ReadOptions::default().max_bytes(1_000_000);
/// assert_eq!(opts.max_bytes, 1_000_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// An article larger than this many bytes is skipped, with the reason in
    /// [`Corpus::skipped`] (default [`DEFAULT_MAX_BYTES`]).
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl ReadOptions {
    /// Set the size cap for one article, in bytes.
    pub fn max_bytes(mut self, max_bytes: u64) -> ReadOptions {
        self.max_bytes = max_bytes;
        self
    }
}

/// How much of a file is looked at to tell text from binary data.
const SNIFF_BYTES: usize = 64 * 1024;

impl Corpus {
    /// Why there is nothing to check, when no article could be read: "no article to check"
    /// with the skipped inputs and their reasons. `None` when there is an article.
    ///
    /// ```
    /// let c = crosscheck::Corpus::from_articles(Vec::<crosscheck::Article>::new());
    /// assert_eq!(c.nothing_to_check().as_deref(), Some("no article to check"));
    /// ```
    pub fn nothing_to_check(&self) -> Option<String> {
        if !self.articles.is_empty() {
            return None;
        }
        let why: Vec<String> = self
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path, s.reason))
            .collect();
        Some(if why.is_empty() {
            "no article to check".to_string()
        } else {
            format!("no article to check ({})", why.join("; "))
        })
    }

    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// A corpus of the given articles, in the given order (the report lists them so).
    pub fn from_articles(articles: impl IntoIterator<Item = Article>) -> Corpus {
        let mut c = Corpus::new();
        for a in articles {
            c.push(a);
        }
        c
    }

    /// Add an article.
    pub fn push(&mut self, article: Article) {
        self.articles.push(article);
    }

    /// Read a directory of `.txt`/`.md` articles (ids are the file stems, sorted); a
    /// `manifest.csv` inside gives outlets and publication dates, front matter at the top of
    /// an article gives them too. An unreadable article goes to [`Corpus::skipped`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the directory cannot be read,
    /// [`ErrorKind::Input`](crate::ErrorKind::Input) for a bad manifest.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Corpus> {
        Corpus::read(&[dir.as_ref().to_path_buf()], None, &ReadOptions::default())
    }

    /// Read the given paths (files, directories, or `-` for stdin), with an optional manifest
    /// file that applies to all of them.
    ///
    /// # Errors
    ///
    /// As [`Corpus::from_dir`], and when a path does not exist.
    pub fn from_paths(paths: &[PathBuf], manifest: Option<&Path>) -> Result<Corpus> {
        Corpus::read(paths, manifest, &ReadOptions::default())
    }

    /// [`Corpus::from_paths`] with options. An input that cannot be used (missing, unreadable,
    /// over the size cap, binary, empty, a symlink loop) is listed in [`Corpus::skipped`] with
    /// its reason and the others are read; only a manifest that cannot be read is an error.
    ///
    /// ```
    /// use crosscheck::{Corpus, ReadOptions};
    /// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/bus-crash");
    /// let c = Corpus::read(&[dir], None, &ReadOptions::default().max_bytes(10)).unwrap();
    /// assert!(c.articles.is_empty());
    /// assert!(c.skipped[0].reason.contains("larger than 10 bytes"));
    /// ```
    pub fn read(paths: &[PathBuf], manifest: Option<&Path>, opts: &ReadOptions) -> Result<Corpus> {
        let mut c = Corpus::new();
        let global = match manifest {
            Some(m) => Some(read_manifest(m)?),
            None => None,
        };
        for p in paths {
            c.add_path(p, global.as_ref(), opts)?;
        }
        c.finish();
        Ok(c)
    }

    fn skip(&mut self, path: impl std::fmt::Display, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            path: path.to_string(),
            reason: reason.into(),
        });
    }

    fn finish(&mut self) {
        // By id, then path: the order of the inputs changes nothing, not even which of two
        // same-named files gets the `~2`.
        self.articles
            .sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
        // Make ids unique (two files with one stem in different directories).
        let mut seen: HashMap<String, usize> = HashMap::new();
        for a in &mut self.articles {
            let n = seen.entry(a.id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                a.id = format!("{}~{}", a.id, n);
            }
        }
    }

    fn add_path(
        &mut self,
        path: &Path,
        global: Option<&HashMap<String, ManifestRow>>,
        opts: &ReadOptions,
    ) -> Result<()> {
        if path.as_os_str() == "-" {
            match read_capped(std::io::stdin().lock(), opts.max_bytes) {
                Ok(Some(buf)) => {
                    let row = global.and_then(|m| m.get("-"));
                    self.add_bytes("stdin", None, buf, row);
                }
                Ok(None) => self.skip("-", too_large(opts.max_bytes)),
                Err(e) => self.skip("-", e.to_string()),
            }
            return Ok(());
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                self.skip(path.display(), e.to_string());
                return Ok(());
            }
        };
        if meta.is_dir() {
            let manifest_path = path.join("manifest.csv");
            let local = if manifest_path.is_file() {
                Some(read_manifest(&manifest_path)?)
            } else {
                None
            };
            let rd = match std::fs::read_dir(path) {
                Ok(rd) => rd,
                Err(e) => {
                    self.skip(path.display(), e.to_string());
                    return Ok(());
                }
            };
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in rd {
                match entry {
                    Ok(e) => files.push(e.path()),
                    Err(e) => self.skip(path.display(), e.to_string()),
                }
            }
            files.sort();
            // The manifest's entries no file has claimed yet (a set: a pile has 100,000).
            let mut listed: HashSet<&str> = local
                .as_ref()
                .map(|m| m.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let mut todo: Vec<(PathBuf, Option<&ManifestRow>)> = Vec::new();
            for f in files {
                let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
                if !(ext == "txt" || ext == "md") {
                    continue;
                }
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
                listed.remove(name);
                if let Some(stem) = f.file_stem().and_then(|s| s.to_str()) {
                    listed.remove(stem);
                }
                let row = local
                    .as_ref()
                    .and_then(|m| lookup(m, &f))
                    .or_else(|| global.and_then(|m| lookup(m, &f)));
                todo.push((f, row));
            }
            // The files are read in parallel (a pile holds thousands), each into a corpus of
            // its own, and those are joined in file order: the same articles, skips and
            // warnings, in the same order, as one file after another.
            let manifest = local.is_some() || global.is_some();
            let read: Vec<Corpus> = crate::par::map(&todo, |_, (f, row)| {
                let mut c = Corpus::new();
                if row.is_none() && manifest {
                    c.warnings.push(format!(
                        "{}: not in the manifest (no outlet or publication date from it)",
                        f.display()
                    ));
                }
                c.add_file(f, row.cloned(), opts);
                c
            });
            for c in read {
                self.articles.extend(c.articles);
                self.skipped.extend(c.skipped);
                self.warnings.extend(c.warnings);
            }
            let mut listed: Vec<&str> = listed.into_iter().collect();
            listed.sort_unstable();
            for missing in listed {
                self.warnings.push(format!(
                    "{}: manifest lists `{missing}`, which is not there",
                    manifest_path.display()
                ));
            }
            return Ok(());
        }
        let row = global.and_then(|m| lookup(m, path)).cloned();
        if row.is_none() && global.is_some() {
            self.warnings.push(format!(
                "{}: not in the manifest (no outlet or publication date from it)",
                path.display()
            ));
        }
        self.add_file(path, row, opts);
        Ok(())
    }

    fn add_file(&mut self, path: &Path, row: Option<ManifestRow>, opts: &ReadOptions) {
        // Follows symlinks: a dangling link or a loop fails here, with the system's reason.
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.skip(path.display(), e.to_string()),
        };
        if !meta.is_file() {
            let what = if meta.is_dir() {
                "a directory"
            } else {
                "not a regular file"
            };
            return self.skip(path.display(), what);
        }
        if meta.len() > opts.max_bytes {
            return self.skip(path.display(), too_large(opts.max_bytes));
        }
        let read = std::fs::File::open(path)
            .and_then(|f| read_capped_sized(f, opts.max_bytes, meta.len()));
        match read {
            Ok(Some(bytes)) => {
                let id = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("article")
                    .to_string();
                self.add_bytes(&id, Some(path.to_path_buf()), bytes, row.as_ref());
            }
            // It grew while being read.
            Ok(None) => self.skip(path.display(), too_large(opts.max_bytes)),
            Err(e) => self.skip(path.display(), e.to_string()),
        }
    }

    fn add_bytes(
        &mut self,
        id: &str,
        path: Option<PathBuf>,
        mut bytes: Vec<u8>,
        row: Option<&ManifestRow>,
    ) {
        let shown = path
            .as_ref()
            .map_or_else(|| "-".to_string(), |p| p.display().to_string());
        if is_binary(&bytes) {
            return self.skip(shown, "not a text file (binary data)");
        }
        let nuls = bytes.iter().filter(|&&b| b == 0).count();
        if nuls > 0 {
            // Same length, so every offset stays put.
            bytes
                .iter_mut()
                .filter(|b| **b == 0)
                .for_each(|b| *b = b' ');
            self.warnings
                .push(format!("{shown}: {nuls} NUL byte(s) read as spaces"));
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                self.warnings
                    .push(format!("{shown}: invalid UTF-8, read lossily"));
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let mut article = Article::new(id, text);
        article.path = path;
        let fm = front_matter(&article.text);
        article.body_start = fm.body_start;
        if let Some(o) = fm.outlet {
            article.outlet = Some(o);
        }
        if let Some(t) = fm.title {
            article.title = Some(t);
        }
        if let Some(d) = fm.published {
            article.published = Some(d);
            article.anchor = AnchorSource::FrontMatter;
        }
        if let Some(bad) = fm.bad_date {
            self.warnings.push(format!(
                "{shown}: front matter date `{bad}` is not YYYY-MM-DD"
            ));
        }
        if let Some(row) = row {
            if let Some(o) = &row.outlet {
                article.outlet = Some(o.clone());
            }
            if let Some(d) = row.published {
                article.published = Some(d);
                article.anchor = AnchorSource::Manifest;
            }
        }
        if article.text[article.body_start..].trim().is_empty() {
            return self.skip(shown, "empty article");
        }
        self.articles.push(article);
    }
}

impl FromIterator<Article> for Corpus {
    fn from_iter<I: IntoIterator<Item = Article>>(articles: I) -> Corpus {
        Corpus::from_articles(articles)
    }
}

impl Extend<Article> for Corpus {
    fn extend<I: IntoIterator<Item = Article>>(&mut self, articles: I) {
        for a in articles {
            self.push(a);
        }
    }
}

fn too_large(max_bytes: u64) -> String {
    format!("larger than {max_bytes} bytes (the cap; see --max-bytes)")
}

/// Read at most `max_bytes`; `None` when there is more.
fn read_capped(r: impl Read, max_bytes: u64) -> std::io::Result<Option<Vec<u8>>> {
    read_capped_sized(r, max_bytes, 0)
}

/// [`read_capped`] into a buffer sized for `expected` bytes (a file's length): one read and the
/// one that finds the end, rather than a probe and a growing buffer.
fn read_capped_sized(
    r: impl Read,
    max_bytes: u64,
    expected: u64,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::with_capacity(expected.min(max_bytes) as usize + 1);
    r.take(max_bytes.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= max_bytes).then_some(buf))
}

/// Binary data rather than text: in the first 64 KiB, more than one byte in ten is a NUL, or
/// more than one character in ten is a control character (other than tab, line and page breaks)
/// or a byte that is not UTF-8.
fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.is_empty() {
        return false;
    }
    // Printable ASCII and line breaks (most articles): nothing odd, no need to decode.
    if head
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
    {
        return false;
    }
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls * 10 > head.len() {
        return true;
    }
    let text = String::from_utf8_lossy(head);
    let (mut odd, mut all) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        if c == char::REPLACEMENT_CHARACTER
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\0'))
        {
            odd += 1;
        }
    }
    // The last character may be cut by the 64 KiB window.
    odd = odd.saturating_sub(usize::from(bytes.len() > SNIFF_BYTES));
    odd * 10 > all
}

fn lookup<'a>(m: &'a HashMap<String, ManifestRow>, path: &Path) -> Option<&'a ManifestRow> {
    let name = path.file_name()?.to_str()?;
    let stem = path.file_stem()?.to_str()?;
    m.get(name).or_else(|| m.get(stem))
}

fn read_manifest(path: &Path) -> Result<HashMap<String, ManifestRow>> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| Error::input(path, format!("cannot read manifest: {e}")))?;
    let headers = rdr
        .headers()
        .map_err(|e| Error::input(path, format!("manifest header: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
    };
    let file_col =
        col("file").ok_or_else(|| Error::input(path, "manifest has no `file` column"))?;
    let (outlet_col, pub_col) = (col("outlet"), col("published"));
    let mut out = HashMap::new();
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| Error::input(path, format!("line {}: {e}", n + 2)))?;
        let Some(file) = rec.get(file_col).filter(|f| !f.is_empty()) else {
            continue;
        };
        let outlet = outlet_col
            .and_then(|c| rec.get(c))
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        let published = match pub_col.and_then(|c| rec.get(c)).filter(|s| !s.is_empty()) {
            Some(s) => Some(s.parse::<Date>().map_err(|_| {
                Error::input(
                    path,
                    format!("line {}: published `{s}` is not a date (YYYY-MM-DD)", n + 2),
                )
            })?),
            None => None,
        };
        out.insert(file.to_string(), ManifestRow { outlet, published });
    }
    Ok(out)
}

#[derive(Debug, Default)]
struct FrontMatter {
    outlet: Option<String>,
    published: Option<Date>,
    title: Option<String>,
    bad_date: Option<String>,
    body_start: usize,
}

/// Front matter: `Key: value` lines at the very top (keys Published/Date, Outlet/Source,
/// Title), ended by a blank line.
fn front_matter(text: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut pos = 0;
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    pos += start;
    let mut any = false;
    for line in crate::text::lines(&text[start..]) {
        let l = line.trim();
        if l.is_empty() {
            if any {
                fm.body_start = pos + line.len();
            }
            return if any {
                fm
            } else {
                FrontMatter {
                    body_start: start,
                    ..Default::default()
                }
            };
        }
        let Some((k, v)) = l.split_once(':') else {
            break;
        };
        let v = v.trim().to_string();
        match k.trim().to_ascii_lowercase().as_str() {
            "published" | "date" => match v.parse::<Date>() {
                Ok(d) => fm.published = Some(d),
                Err(_) => fm.bad_date = Some(v),
            },
            "outlet" | "source" => fm.outlet = Some(v),
            "title" | "headline" => fm.title = Some(v),
            _ => break,
        }
        any = true;
        pos += line.len();
    }
    FrontMatter {
        body_start: start,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read() {
        let t = "Published: 2025-05-16\nOutlet: Harbor Times\n\nThe bus crashed.";
        let fm = front_matter(t);
        assert_eq!(fm.published, Some("2025-05-16".parse().unwrap()));
        assert_eq!(fm.outlet.as_deref(), Some("Harbor Times"));
        assert_eq!(&t[fm.body_start..], "The bus crashed.");
    }

    #[test]
    fn no_front_matter() {
        let t = "Talks: a summary of the day\nMore text.";
        assert_eq!(front_matter(t).body_start, 0);
        let t = "The bus crashed.\n\nMore.";
        assert_eq!(front_matter(t).body_start, 0);
    }
}

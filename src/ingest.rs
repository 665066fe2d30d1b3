//! Reading articles: files, directories, stdin, a manifest CSV and front matter.
//!
//! The only stage that touches the file system for articles. An unreadable article is recorded
//! in [`Corpus::skipped`] and the others go on.

use std::collections::HashMap;
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

/// Largest article read, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

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
        let mut c = Corpus::new();
        c.add_path(dir.as_ref(), None)?;
        c.finish();
        Ok(c)
    }

    /// Read the given paths (files, directories, or `-` for stdin), with an optional manifest
    /// file that applies to all of them.
    ///
    /// # Errors
    ///
    /// As [`Corpus::from_dir`], and when a path does not exist.
    pub fn from_paths(paths: &[PathBuf], manifest: Option<&Path>) -> Result<Corpus> {
        let mut c = Corpus::new();
        let global = match manifest {
            Some(m) => Some(read_manifest(m)?),
            None => None,
        };
        for p in paths {
            c.add_path(p, global.as_ref())?;
        }
        c.finish();
        Ok(c)
    }

    fn finish(&mut self) {
        self.articles.sort_by(|a, b| a.id.cmp(&b.id));
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
    ) -> Result<()> {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::io("-", e))?;
            let row = global.and_then(|m| m.get("-"));
            self.add_bytes("stdin", None, buf, row);
            return Ok(());
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            let manifest_path = path.join("manifest.csv");
            let local = if manifest_path.is_file() {
                Some(read_manifest(&manifest_path)?)
            } else {
                None
            };
            let rd = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in rd {
                match entry {
                    Ok(e) => files.push(e.path()),
                    Err(e) => self.skipped.push(Skipped {
                        path: path.display().to_string(),
                        reason: e.to_string(),
                    }),
                }
            }
            files.sort();
            let mut listed: Vec<String> = local
                .as_ref()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            for f in files {
                let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
                if !(ext == "txt" || ext == "md") || !f.is_file() {
                    continue;
                }
                let name = f
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("")
                    .to_string();
                listed.retain(|l| l != &name);
                let row = local
                    .as_ref()
                    .and_then(|m| lookup(m, &f))
                    .or_else(|| global.and_then(|m| lookup(m, &f)));
                self.add_file(&f, row.cloned());
            }
            for missing in listed {
                self.warnings.push(format!(
                    "{}: manifest lists `{missing}`, which is not there",
                    manifest_path.display()
                ));
            }
            return Ok(());
        }
        let row = global.and_then(|m| lookup(m, path)).cloned();
        self.add_file(path, row);
        Ok(())
    }

    fn add_file(&mut self, path: &Path, row: Option<ManifestRow>) {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > DEFAULT_MAX_BYTES {
            self.skipped.push(Skipped {
                path: path.display().to_string(),
                reason: format!("larger than {DEFAULT_MAX_BYTES} bytes"),
            });
            return;
        }
        match std::fs::read(path) {
            Ok(bytes) => {
                let id = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("article")
                    .to_string();
                self.add_bytes(&id, Some(path.to_path_buf()), bytes, row.as_ref());
            }
            Err(e) => self.skipped.push(Skipped {
                path: path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }

    fn add_bytes(
        &mut self,
        id: &str,
        path: Option<PathBuf>,
        bytes: Vec<u8>,
        row: Option<&ManifestRow>,
    ) {
        let shown = path
            .as_ref()
            .map_or_else(|| "-".to_string(), |p| p.display().to_string());
        if bytes.contains(&0) && bytes.iter().filter(|&&b| b == 0).count() * 10 > bytes.len() {
            self.skipped.push(Skipped {
                path: shown,
                reason: "not a text file (binary data)".into(),
            });
            return;
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
            self.skipped.push(Skipped {
                path: shown,
                reason: "empty article".into(),
            });
            return;
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
    for line in text[start..].split_inclusive('\n') {
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

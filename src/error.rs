//! One error type for the whole crate.

use std::fmt;
use std::path::PathBuf;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in crosscheck. Match on [`Error::kind`].
///
/// The message names what it is about: the file, or `file:line:col` in a rule file. An
/// article that cannot be read is not an error: it is listed in [`Report::skipped`] and the
/// others are checked.
///
/// ```
/// use crosscheck::{ErrorKind, RulesBuilder};
///
/// let err = RulesBuilder::new()
///     .add_defaults()
///     .add_str("mine.rules", "# format: 1\nweekday Funday 9\n")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.to_string(), "mine.rules:2:16: weekday number must be 1-7");
/// match err.kind() {
///     ErrorKind::Rule { line, col, .. } => assert_eq!((*line, *col), (2, 16)),
///     other => panic!("unexpected error {other}"),
/// }
/// ```
///
/// [`Report::skipped`]: crate::Report::skipped
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<ErrorKind>);

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }

    /// The kind of error, to match on.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Unwrap into the kind.
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Io {
            path: path.into(),
            source,
        })
    }

    pub(crate) fn input(path: impl Into<PathBuf>, msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input {
            path: path.into(),
            msg: msg.into(),
        })
    }
}

/// Where a rule came from: an embedded default file or a file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleOrigin {
    /// A rule file compiled into the binary, by file name.
    Embedded(String),
    /// A rule file read from disk.
    File(PathBuf),
    /// A rule given as a string by the caller, with a name for messages.
    Str(String),
}

impl fmt::Display for RuleOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleOrigin::Embedded(name) => write!(f, "embedded:{name}"),
            RuleOrigin::File(path) => write!(f, "{}", path.display()),
            RuleOrigin::Str(name) => write!(f, "{name}"),
        }
    }
}

/// The kinds of [`Error`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An input (article, manifest, front matter) is unusable.
    #[error("{}: {msg}", path.display())]
    Input {
        /// The path concerned.
        path: PathBuf,
        /// What is wrong.
        msg: String,
    },
    /// A rule file has a syntax or meaning error.
    #[error("{origin}:{line}:{col}: {msg}")]
    Rule {
        /// Which rule file.
        origin: RuleOrigin,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        col: usize,
        /// What is wrong.
        msg: String,
    },
    /// Several rule errors at once.
    #[error("{}", join_errors(.0))]
    Partial(Vec<Error>),
    /// Writing a CSV report failed.
    #[error("writing CSV: {0}")]
    Csv(#[source] csv::Error),
    /// Writing a JSON report failed.
    #[error("writing JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// Writing a report to its destination failed.
    #[error("writing report: {0}")]
    Write(#[source] std::io::Error),
    /// No article could be read from the inputs: the message says "no article to check" and
    /// names each skipped input with its reason ([`Corpus::nothing_to_check`]).
    ///
    /// [`Corpus::nothing_to_check`]: crate::Corpus::nothing_to_check
    #[error("{0}")]
    NoArticles(String),
}

fn join_errors(errors: &[Error]) -> String {
    errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Error {
        Error::new(ErrorKind::Csv(e))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::new(ErrorKind::Json(e))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Write(e))
    }
}

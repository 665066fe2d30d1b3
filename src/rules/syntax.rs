//! The rule language: one rule a line, parsed with nom.
//!
//! ```text
//! # a comment
//! KEYWORD ARG ARG ... key=value key=v1,v2,...
//! ```
//! An `ARG` or value is bare (no white space, `"`, `,`, `=` or `#`) or double-quoted with `\"` and
//! `\\` escapes. Every item keeps its 1-based column so that errors point at the spot.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, none_of, space0};
use nom::combinator::{cut, map, opt, value};
use nom::multi::{fold_many0, separated_list1};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

/// A piece of a rule line with its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The text, unquoted and unescaped.
    pub text: String,
    /// 1-based column in characters.
    pub col: usize,
}

/// One parsed rule line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleLine {
    /// 1-based line number.
    pub line: usize,
    /// The first word.
    pub keyword: Item,
    /// Positional arguments.
    pub args: Vec<Item>,
    /// `key=value,...` attributes, in order.
    pub attrs: Vec<(Item, Vec<Item>)>,
}

impl RuleLine {
    /// The values of attribute `key`, if given.
    pub fn attr(&self, key: &str) -> Option<&[Item]> {
        self.attrs
            .iter()
            .find(|(k, _)| k.text == key)
            .map(|(_, v)| v.as_slice())
    }

    /// The single value of attribute `key`, if given.
    pub fn attr1(&self, key: &str) -> Option<&Item> {
        self.attr(key).and_then(|v| v.first())
    }

    /// Whether a bare flag (positional argument) is present.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.args.iter().any(|a| a.text == flag)
    }
}

/// A syntax error: line, column (1-based, characters) and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong.
    pub msg: String,
}

enum Piece {
    Arg(String),
    Attr(String, Vec<String>),
}

fn is_bare(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '"' | ',' | '=' | '#')
}

fn bare(i: &str) -> IResult<&str, String> {
    map(take_while1(is_bare), str::to_string).parse(i)
}

fn quoted(i: &str) -> IResult<&str, String> {
    let escaped = preceded(
        char('\\'),
        cut(alt((value('"', char('"')), value('\\', char('\\'))))),
    );
    let body = fold_many0(alt((escaped, none_of("\"\\"))), String::new, |mut s, c| {
        s.push(c);
        s
    });
    delimited(char('"'), body, cut(char('"'))).parse(i)
}

fn atom(i: &str) -> IResult<&str, String> {
    alt((quoted, bare)).parse(i)
}

fn piece(i: &str) -> IResult<&str, Piece> {
    let (rest, first) = atom(i)?;
    let (rest, values) =
        opt(preceded(tag("="), cut(separated_list1(char(','), atom)))).parse(rest)?;
    Ok((
        rest,
        match values {
            Some(v) => Piece::Attr(first, v),
            None => Piece::Arg(first),
        },
    ))
}

fn col_of(line: &str, rest: &str) -> usize {
    line[..line.len() - rest.len()].chars().count() + 1
}

/// Parse one line; `Ok(None)` for blank and comment lines.
pub fn parse_line(lineno: usize, line: &str) -> Result<Option<RuleLine>, SyntaxError> {
    let err = |rest: &str, msg: &str| SyntaxError {
        line: lineno,
        col: col_of(line, rest),
        msg: msg.to_string(),
    };
    let (mut rest, _) = space0::<&str, ()>
        .parse(line)
        .map_err(|_| err(line, "bad line"))?;
    if rest.is_empty() || rest.starts_with('#') {
        return Ok(None);
    }
    let kw_col = col_of(line, rest);
    let (r, keyword) = bare(rest).map_err(|_| err(rest, "expected a keyword"))?;
    rest = r;
    let keyword = Item {
        text: keyword,
        col: kw_col,
    };
    let mut out = RuleLine {
        line: lineno,
        keyword,
        args: Vec::new(),
        attrs: Vec::new(),
    };
    loop {
        let (r, sp) = space0::<&str, ()>
            .parse(rest)
            .map_err(|_| err(rest, "bad space"))?;
        if r.is_empty() || r.starts_with('#') {
            break;
        }
        if sp.is_empty() {
            return Err(err(r, "expected white space between items"));
        }
        rest = r;
        let col = col_of(line, rest);
        match piece(rest) {
            Ok((r, Piece::Arg(text))) => {
                out.args.push(Item { text, col });
                rest = r;
            }
            Ok((r, Piece::Attr(key, values))) => {
                // Columns of values are approximate (the attribute's column) but stable.
                let values = values.into_iter().map(|text| Item { text, col }).collect();
                out.attrs.push((Item { text: key, col }, values));
                rest = r;
            }
            Err(nom::Err::Failure(e)) | Err(nom::Err::Error(e)) => {
                let msg = if e.input.is_empty() && rest.contains('"') {
                    "unterminated quoted string"
                } else if rest.starts_with('=') || rest.starts_with(',') {
                    "unexpected character"
                } else {
                    "malformed item"
                };
                return Err(err(e.input, msg));
            }
            Err(nom::Err::Incomplete(_)) => return Err(err(rest, "incomplete item")),
        }
    }
    Ok(Some(out))
}

/// Parse a whole file. Strips a BOM; collects every syntax error.
pub fn parse_text(text: &str) -> (Vec<RuleLine>, Vec<SyntaxError>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate() {
        match parse_line(n + 1, line.trim_end_matches('\r')) {
            Ok(Some(l)) => lines.push(l),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    (lines, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_args_and_attrs() {
        let l = parse_line(
            3,
            r#"title "secretary of state" class=us-cabinet alias=a,"b c""#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(l.keyword.text, "title");
        assert_eq!(l.args[0].text, "secretary of state");
        assert_eq!(l.attr1("class").unwrap().text, "us-cabinet");
        let alias: Vec<_> = l
            .attr("alias")
            .unwrap()
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(alias, ["a", "b c"]);
        assert_eq!(l.args[0].col, 7);
    }

    #[test]
    fn comments_and_blanks() {
        assert_eq!(parse_line(1, "   # hi").unwrap(), None);
        assert_eq!(parse_line(1, "").unwrap(), None);
        let l = parse_line(1, "weekday Monday 1 # trailing")
            .unwrap()
            .unwrap();
        assert_eq!(l.args.len(), 2);
    }

    #[test]
    fn escapes() {
        let l = parse_line(1, r#"x "a \"q\" \\ b""#).unwrap().unwrap();
        assert_eq!(l.args[0].text, r#"a "q" \ b"#);
    }

    #[test]
    fn errors_have_columns() {
        let e = parse_line(7, r#"title "unterminated"#).unwrap_err();
        assert_eq!((e.line, e.col), (7, 20));
        assert!(e.msg.contains("unterminated"), "{}", e.msg);
        let e = parse_line(2, "title a= b").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.col, 9);
        let e = parse_line(2, "title a\"b\"").unwrap_err();
        assert_eq!(e.col, 8);
    }
}

//! The little language of a control relation's `check`: two sums of terms joined by one
//! comparison, e.g. `ballots-valid + ballots-invalid == ballots-in-aeu`.
//!
//! Grammar (spaces anywhere between tokens):
//!
//! ```text
//! check      = sum comparison sum
//! comparison = "==" | "<=" | ">=" | "<" | ">"
//! sum        = term { ("+" | "-") term }
//! term       = line-id | "sum(options)" | integer | "(" sum ")"
//! ```
//!
//! A line id is kebab-case, so a minus needs a space before it (`a - b`; `a-b` is one
//! id). Parentheses are only grouping: each side is flattened into signed terms, which is
//! what the checks, the explanations and the printed protocol use.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    Equal,
    AtMost,
    AtLeast,
    Less,
    Greater,
}

impl Comparison {
    pub const ALL: [Comparison; 5] =
        [Comparison::Equal, Comparison::AtMost, Comparison::AtLeast, Comparison::Less, Comparison::Greater];

    /// As written in a `check`.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Equal => "==",
            Comparison::AtMost => "<=",
            Comparison::AtLeast => ">=",
            Comparison::Less => "<",
            Comparison::Greater => ">",
        }
    }

    /// The short key the messages of `locales/*/protocol.ftl` are named by.
    pub fn key(self) -> &'static str {
        match self {
            Comparison::Equal => "eq",
            Comparison::AtMost => "le",
            Comparison::AtLeast => "ge",
            Comparison::Less => "lt",
            Comparison::Greater => "gt",
        }
    }

    pub fn holds(self, left: i128, right: i128) -> bool {
        match self {
            Comparison::Equal => left == right,
            Comparison::AtMost => left <= right,
            Comparison::AtLeast => left >= right,
            Comparison::Less => left < right,
            Comparison::Greater => left > right,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Sign {
    Plus,
    Minus,
}

impl Sign {
    fn flip(self) -> Sign {
        match self {
            Sign::Plus => Sign::Minus,
            Sign::Minus => Sign::Plus,
        }
    }

    pub fn factor(self) -> i128 {
        match self {
            Sign::Plus => 1,
            Sign::Minus => -1,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Sign::Plus => "+",
            Sign::Minus => "−",
        }
    }
}

/// What a relation can name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Term {
    /// A line of the form, by id.
    Line { id: String },
    /// `sum(options)`: the votes of every ballot option of the contest, «against all»
    /// included.
    Options,
    Constant {
        #[ts(type = "number")]
        value: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignedTerm {
    pub sign: Sign,
    pub term: Term,
}

/// A `check` read into its flattened sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCheck {
    pub left: Vec<SignedTerm>,
    pub comparison: Comparison,
    pub right: Vec<SignedTerm>,
    /// Every line id named, with the 1-based character position where it starts.
    pub lines_named: Vec<(String, usize)>,
}

/// Why a `check` could not be read; `position` is the 1-based character where the
/// trouble is (one past the end for a check that stops too early).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError {
    pub kind: CheckErrorKind,
    pub position: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckErrorKind {
    /// A character the language does not have (`*`, `!`, `;` …).
    Character(char),
    /// A lone `=`: equality is written `==`.
    SingleEquals,
    /// A line, a number, `sum(options)` or `(` was expected; found this token.
    ExpectedTerm(String),
    /// The check ends where a term was expected.
    EndsEarly,
    /// Two terms in a row, e.g. `a b` or `a (b)`: a `+`, `-` or comparison is missing.
    ExpectedOperator(String),
    /// A `(` never closed; the position is the `(`'s.
    Unclosed,
    /// A `)` with no `(` before it.
    Unmatched,
    /// Not exactly one comparison.
    ComparisonCount(usize),
    /// A function other than `sum(options)`, as written.
    Function(String),
    /// An integer beyond 64 bits, as written.
    NumberTooLarge(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Name(String),
    Number(String),
    Plus,
    Minus,
    Open,
    Close,
    Compare(Comparison),
    End,
}

impl Token {
    fn text(&self) -> String {
        match self {
            Token::Name(text) | Token::Number(text) => text.clone(),
            Token::Plus => "+".into(),
            Token::Minus => "-".into(),
            Token::Open => "(".into(),
            Token::Close => ")".into(),
            Token::Compare(comparison) => comparison.symbol().into(),
            Token::End => String::new(),
        }
    }
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_part(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Tokens with their 1-based character positions; the last one is `End`.
fn tokenize(text: &str) -> Result<Vec<(Token, usize)>, CheckError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let position = at + 1;
        if c.is_whitespace() {
            at += 1;
            continue;
        }
        if is_name_start(c) {
            let start = at;
            at += 1;
            // A hyphen belongs to the name only between two name characters.
            while at < chars.len()
                && (is_name_part(chars[at])
                    || (chars[at] == '-' && chars.get(at + 1).is_some_and(|next| is_name_part(*next))))
            {
                at += 1;
            }
            tokens.push((Token::Name(chars[start..at].iter().collect()), position));
            continue;
        }
        if c.is_ascii_digit() {
            let start = at;
            while at < chars.len() && chars[at].is_ascii_digit() {
                at += 1;
            }
            tokens.push((Token::Number(chars[start..at].iter().collect()), position));
            continue;
        }
        let next = chars.get(at + 1).copied();
        let (token, width) = match (c, next) {
            ('=', Some('=')) => (Token::Compare(Comparison::Equal), 2),
            ('<', Some('=')) => (Token::Compare(Comparison::AtMost), 2),
            ('>', Some('=')) => (Token::Compare(Comparison::AtLeast), 2),
            ('<', _) => (Token::Compare(Comparison::Less), 1),
            ('>', _) => (Token::Compare(Comparison::Greater), 1),
            ('=', _) => return Err(CheckError { kind: CheckErrorKind::SingleEquals, position }),
            ('+', _) => (Token::Plus, 1),
            // U+2212 MINUS SIGN, as the printed protocol shows it, reads as a minus too.
            ('-' | '−', _) => (Token::Minus, 1),
            ('(', _) => (Token::Open, 1),
            (')', _) => (Token::Close, 1),
            (other, _) => return Err(CheckError { kind: CheckErrorKind::Character(other), position }),
        };
        tokens.push((token, position));
        at += width;
    }
    tokens.push((Token::End, chars.len() + 1));
    Ok(tokens)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    lines_named: Vec<(String, usize)>,
}

impl Parser {
    fn peek(&self) -> &(Token, usize) {
        // `tokenize` always ends with `End` and the parser never moves past it.
        &self.tokens[self.at.min(self.tokens.len() - 1)]
    }

    fn next(&mut self) -> (Token, usize) {
        let token = self.peek().clone();
        if token.0 != Token::End {
            self.at += 1;
        }
        token
    }

    fn sum(&mut self, sign: Sign, out: &mut Vec<SignedTerm>) -> Result<(), CheckError> {
        self.term(sign, out)?;
        loop {
            match self.peek().0 {
                Token::Plus => {
                    self.next();
                    self.term(sign, out)?;
                }
                Token::Minus => {
                    self.next();
                    self.term(sign.flip(), out)?;
                }
                _ => return Ok(()),
            }
        }
    }

    fn term(&mut self, sign: Sign, out: &mut Vec<SignedTerm>) -> Result<(), CheckError> {
        let (token, position) = self.next();
        match token {
            Token::Name(name) => {
                if self.peek().0 == Token::Open {
                    return self.function(name, sign, position, out);
                }
                self.lines_named.push((name.clone(), position));
                out.push(SignedTerm { sign, term: Term::Line { id: name } });
                Ok(())
            }
            Token::Number(digits) => match digits.parse::<u64>() {
                Ok(value) => {
                    out.push(SignedTerm { sign, term: Term::Constant { value } });
                    Ok(())
                }
                Err(_) => Err(CheckError { kind: CheckErrorKind::NumberTooLarge(digits), position }),
            },
            Token::Open => {
                self.sum(sign, out)?;
                match self.peek().0 {
                    Token::Close => {
                        self.next();
                        Ok(())
                    }
                    Token::End | Token::Compare(_) => Err(CheckError { kind: CheckErrorKind::Unclosed, position }),
                    ref other => {
                        let found = other.text();
                        Err(CheckError { kind: CheckErrorKind::ExpectedOperator(found), position: self.peek().1 })
                    }
                }
            }
            Token::End => Err(CheckError { kind: CheckErrorKind::EndsEarly, position }),
            other => Err(CheckError { kind: CheckErrorKind::ExpectedTerm(other.text()), position }),
        }
    }

    /// `name(` has been read up to the `(`: only `sum(options)` exists.
    fn function(
        &mut self,
        name: String,
        sign: Sign,
        position: usize,
        out: &mut Vec<SignedTerm>,
    ) -> Result<(), CheckError> {
        let open_position = self.next().1;
        let argument = self.next().0;
        let close = self.next().0;
        let written = format!("{name}({})", argument.text());
        match (name.as_str(), &argument, &close) {
            ("sum", Token::Name(argument), Token::Close) if argument == "options" => {
                out.push(SignedTerm { sign, term: Term::Options });
                Ok(())
            }
            ("sum", Token::Name(argument), Token::End | Token::Compare(_)) if argument == "options" => {
                Err(CheckError { kind: CheckErrorKind::Unclosed, position: open_position })
            }
            _ => Err(CheckError { kind: CheckErrorKind::Function(written), position }),
        }
    }
}

/// Reads a `check`; the first problem met stops the reading.
pub fn parse_check(text: &str) -> Result<ParsedCheck, CheckError> {
    let mut parser = Parser { tokens: tokenize(text)?, at: 0, lines_named: Vec::new() };
    let mut sides: Vec<Vec<SignedTerm>> = Vec::new();
    let mut comparisons = Vec::new();
    loop {
        let mut side = Vec::new();
        parser.sum(Sign::Plus, &mut side)?;
        sides.push(side);
        let (token, position) = parser.next();
        match token {
            Token::Compare(comparison) => comparisons.push(comparison),
            Token::End => break,
            Token::Close => return Err(CheckError { kind: CheckErrorKind::Unmatched, position }),
            other => return Err(CheckError { kind: CheckErrorKind::ExpectedOperator(other.text()), position }),
        }
    }
    match (comparisons.as_slice(), sides.len()) {
        ([comparison], 2) => {
            let right = sides.pop().unwrap_or_default();
            let left = sides.pop().unwrap_or_default();
            Ok(ParsedCheck { left, comparison: *comparison, right, lines_named: parser.lines_named })
        }
        _ => Err(CheckError { kind: CheckErrorKind::ComparisonCount(comparisons.len()), position: 1 }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(sign: Sign, id: &str) -> SignedTerm {
        SignedTerm { sign, term: Term::Line { id: id.into() } }
    }

    #[test]
    fn parentheses_flatten_into_signed_terms() {
        let parsed = parse_check("a - (b - (c + 2)) <= sum(options)").unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(
            parsed.left,
            vec![
                line(Sign::Plus, "a"),
                line(Sign::Minus, "b"),
                line(Sign::Plus, "c"),
                SignedTerm { sign: Sign::Plus, term: Term::Constant { value: 2 } },
            ]
        );
        assert_eq!(parsed.comparison, Comparison::AtMost);
        assert_eq!(parsed.right, vec![SignedTerm { sign: Sign::Plus, term: Term::Options }]);
        assert_eq!(parsed.lines_named, vec![("a".into(), 1), ("b".into(), 6), ("c".into(), 11)]);
    }

    #[test]
    fn a_hyphen_between_letters_is_part_of_the_id() {
        let parsed = parse_check("ballots-in-aeu-x -y>=0").unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(parsed.left, vec![line(Sign::Plus, "ballots-in-aeu-x"), line(Sign::Minus, "y")]);
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let error = parse_check("бюллетени == а * б").err();
        assert_eq!(error, Some(CheckError { kind: CheckErrorKind::Character('*'), position: 16 }));
    }
}

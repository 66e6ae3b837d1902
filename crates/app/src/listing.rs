//! Cursor pagination: opaque cursors over the stores' keyset queries.

use crate::AppError;
use chrono::NaiveDate;

pub const DEFAULT_LIMIT: u32 = 50;
/// The largest `limit` a list accepts.
pub const MAX_LIMIT: u32 = 200;

/// What a caller asks of a list: where to resume, how many.
#[derive(Debug, Clone, Default)]
pub struct PageRequest {
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

impl PageRequest {
    pub fn first(limit: u32) -> Self {
        PageRequest {
            cursor: None,
            limit: Some(limit),
        }
    }

    pub(crate) fn limit(&self) -> Result<u32, AppError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n @ 1..=MAX_LIMIT) => Ok(n),
            Some(n) => Err(AppError::BadRequest(format!(
                "limit must be between 1 and {MAX_LIMIT}, not {n}"
            ))),
        }
    }
}

/// One page of a list, with the cursor of the next page (`None` on the last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// The position after which a page resumes. The cursor names the list it
/// belongs to, so a cursor from one list is refused by another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Position {
    Slug(String),
    Code(String),
    Dated(NaiveDate, i64),
    Seq(i64),
}

pub(crate) fn encode(list: &str, position: &Position) -> String {
    let text = match position {
        Position::Slug(s) => format!("{list}|s|{s}"),
        Position::Code(c) => format!("{list}|c|{c}"),
        Position::Dated(d, id) => format!("{list}|d|{d}|{id}"),
        Position::Seq(n) => format!("{list}|n|{n}"),
    };
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn decode(list: &str, cursor: &str) -> Result<Position, AppError> {
    let bad = || {
        AppError::BadRequest(
            "invalid cursor: pass back the next_cursor of the previous page unchanged".into(),
        )
    };
    if cursor.len() > 512 || !cursor.len().is_multiple_of(2) {
        return Err(bad());
    }
    let bytes = (0..cursor.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(cursor.get(i..i + 2).ok_or_else(bad)?, 16).map_err(|_| bad()))
        .collect::<Result<Vec<u8>, _>>()?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let mut parts = text.split('|');
    if parts.next() != Some(list) {
        return Err(bad());
    }
    let position = match (parts.next(), parts.next(), parts.next()) {
        (Some("s"), Some(s), None) => Position::Slug(s.to_owned()),
        (Some("c"), Some(c), None) => Position::Code(c.to_owned()),
        (Some("n"), Some(n), None) => Position::Seq(n.parse().map_err(|_| bad())?),
        (Some("d"), Some(d), Some(id)) => Position::Dated(
            d.parse().map_err(|_| bad())?,
            id.parse().map_err(|_| bad())?,
        ),
        _ => return Err(bad()),
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(position)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for p in [
            Position::Slug("gcm".into()),
            Position::Code("MEX".into()),
            Position::Dated("2017-05-08".parse().unwrap(), 12),
        ] {
            assert_eq!(decode("meetings", &encode("meetings", &p)).unwrap(), p);
        }
    }

    #[test]
    fn hostile_cursors_are_refused() {
        let other_list = encode("actors", &Position::Code("MEX".into()));
        let long = "a".repeat(10_000);
        let cases = [
            "",
            "zz",
            "abc",
            "é1",
            other_list.as_str(),
            "6d656574696e67737c647c6e6f742d612d646174657c31", // meetings|d|not-a-date|1
            "6d656574696e67737c787c79",                       // meetings|x|y
            "ff00ff",
            long.as_str(),
            "' OR 1=1 --",
        ];
        for c in cases {
            assert!(
                matches!(decode("meetings", c), Err(AppError::BadRequest(_))),
                "{c:?} accepted"
            );
        }
    }

    #[test]
    fn limits() {
        assert_eq!(PageRequest::default().limit().unwrap(), DEFAULT_LIMIT);
        assert_eq!(PageRequest::first(MAX_LIMIT).limit().unwrap(), MAX_LIMIT);
        assert!(PageRequest::first(0).limit().is_err());
        assert!(PageRequest::first(MAX_LIMIT + 1).limit().is_err());
    }
}

//! The search index's outbox, and the messages between servers sharing one
//! database (issue 19, item 1).
//!
//! A unit of work that changes what the search index holds records, in its
//! own transaction, *what* changed ([`IndexSubject`]); every server follows
//! the numbered changes ([`IndexChange`]) into its own index. The subjects
//! name things, never carry them: the follower reads each as it stands when
//! it applies the change, so applying one twice, or late, is harmless.

use accord_domain::{ActorCode, ItemKind, Slug};
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// What changed, for the search index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexSubject {
    /// A statement, document or input (every language of it).
    Item {
        process: Slug,
        kind: ItemKind,
        id: i64,
    },
    Recommendation {
        process: Slug,
        id: i64,
    },
    Meeting {
        process: Slug,
        id: i64,
    },
    Actor(ActorCode),
    /// Inputs imported in one unit: the ids `first..=last` of the process.
    Inputs {
        process: Slug,
        first: i64,
        last: i64,
    },
    /// Rebuild the whole index from the store (`accord reindex`).
    Rebuild,
}

impl IndexSubject {
    /// The stored form: (subject, process, item).
    pub fn to_row(&self) -> (&'static str, Option<String>, Option<String>) {
        match self {
            IndexSubject::Item { process, kind, id } => (
                kind.as_str(),
                Some(process.to_string()),
                Some(id.to_string()),
            ),
            IndexSubject::Recommendation { process, id } => (
                "recommendation",
                Some(process.to_string()),
                Some(id.to_string()),
            ),
            IndexSubject::Meeting { process, id } => {
                ("meeting", Some(process.to_string()), Some(id.to_string()))
            }
            IndexSubject::Actor(code) => ("actor", None, Some(code.to_string())),
            IndexSubject::Inputs {
                process,
                first,
                last,
            } => (
                "inputs",
                Some(process.to_string()),
                Some(format!("{first}-{last}")),
            ),
            IndexSubject::Rebuild => ("rebuild", None, None),
        }
    }

    /// Reads the stored form back; `None` for a row no Accord version wrote.
    pub fn from_row(subject: &str, process: Option<&str>, item: Option<&str>) -> Option<Self> {
        let process = || process.and_then(|p| p.parse::<Slug>().ok());
        let id = || item.and_then(|i| i.parse::<i64>().ok());
        Some(match subject {
            "rebuild" => IndexSubject::Rebuild,
            "actor" => IndexSubject::Actor(item?.parse().ok()?),
            "recommendation" => IndexSubject::Recommendation {
                process: process()?,
                id: id()?,
            },
            "meeting" => IndexSubject::Meeting {
                process: process()?,
                id: id()?,
            },
            "inputs" => {
                let (first, last) = item?.split_once('-')?;
                IndexSubject::Inputs {
                    process: process()?,
                    first: first.parse().ok()?,
                    last: last.parse().ok()?,
                }
            }
            kind => IndexSubject::Item {
                process: process()?,
                kind: kind.parse().ok()?,
                id: id()?,
            },
        })
    }
}

/// A numbered change of the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexChange {
    /// Numbers grow by one with each change, in the order they committed.
    pub seq: i64,
    /// `None`: a row this build cannot read (skipped, logged).
    pub subject: Option<IndexSubject>,
    pub at: DateTime<Utc>,
}

/// The outbox's counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutboxState {
    /// The number of the last change recorded (0: none yet).
    pub last: i64,
    /// Changes up to this number were pruned: an index that applied less
    /// must rebuild from the store.
    pub pruned_through: i64,
}

/// What a server hears from the others on the same database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerMessage {
    /// Another server committed a unit of work (the store has moved its
    /// generation on already).
    Committed,
    /// Another server said this ([`crate::Store::tell_peers`]).
    Said(String),
    /// The connection that listens was lost and is back: messages may have
    /// been missed (the store has moved its generation on already).
    Reconnected,
}

/// Called with each message heard, on the store's listening task: quick,
/// never blocking.
pub type PeerHandler = Arc<dyn Fn(PeerMessage) + Send + Sync>;

/// The largest message [`crate::Store::tell_peers`] carries (PostgreSQL's
/// NOTIFY takes under 8,000 bytes, with the sender's id in front).
pub const MAX_PEER_MESSAGE: usize = 7_900;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_read_back_as_written() {
        let process: Slug = "gcm".parse().unwrap();
        for s in [
            IndexSubject::Item {
                process: process.clone(),
                kind: ItemKind::Statement,
                id: 7,
            },
            IndexSubject::Item {
                process: process.clone(),
                kind: ItemKind::Input,
                id: 8,
            },
            IndexSubject::Recommendation {
                process: process.clone(),
                id: 3,
            },
            IndexSubject::Meeting {
                process: process.clone(),
                id: 4,
            },
            IndexSubject::Actor("FRA".parse().unwrap()),
            IndexSubject::Inputs {
                process,
                first: 10,
                last: 5000,
            },
            IndexSubject::Rebuild,
        ] {
            let (subject, process, item) = s.to_row();
            assert_eq!(
                IndexSubject::from_row(subject, process.as_deref(), item.as_deref()),
                Some(s)
            );
        }
    }

    #[test]
    fn rows_no_accord_wrote_are_not_guessed() {
        assert_eq!(
            IndexSubject::from_row("planet", Some("gcm"), Some("1")),
            None
        );
        assert_eq!(
            IndexSubject::from_row("statement", Some("gcm"), Some("x")),
            None
        );
        assert_eq!(IndexSubject::from_row("statement", None, Some("1")), None);
        assert_eq!(
            IndexSubject::from_row("inputs", Some("gcm"), Some("12")),
            None
        );
        assert_eq!(IndexSubject::from_row("actor", None, None), None);
    }
}

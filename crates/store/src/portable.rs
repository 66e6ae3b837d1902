//! A store's whole content in a form both backends read and write: the
//! rows of every table, one JSON value per column, for `accord backup`,
//! `accord restore` and `accord copy`.
//!
//! The representation is SQLite's, which PostgreSQL's richer types map onto
//! without loss: integers and booleans as JSON integers (booleans 0 or 1),
//! floating-point numbers as JSON numbers, text as strings, timestamps as
//! RFC 3339 strings with the offset (`2026-01-02T03:04:05.123456+00:00`),
//! dates as `YYYY-MM-DD`, JSON columns as their JSON text (a string), and
//! SQL NULL as `null`. A dump lists tables so that every table comes after
//! the tables its foreign keys name, each table's rows in primary-key order.

use crate::Result;
use async_trait::async_trait;

/// One cell of a row.
pub type Cell = serde_json::Value;

/// A table as dumped: its name and its columns, in order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TableHeader {
    pub name: String,
    pub columns: Vec<String>,
}

/// What a dump yields and a load takes, in this order: one `Schema`, then
/// for each table its `Table` and its `Row`s.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// The migrations applied to the store the rows come from (their
    /// versions, ascending): a load refuses rows of another schema.
    Schema {
        migrations: Vec<i64>,
    },
    Table(TableHeader),
    Row(Vec<Cell>),
}

/// Where a dump sends its items.
#[async_trait]
pub trait DumpSink: Send {
    async fn put(&mut self, item: Item) -> Result<()>;
}

/// Where a load reads its items; `None` ends them (the load then commits).
#[async_trait]
pub trait LoadSource: Send {
    async fn next(&mut self) -> Result<Option<Item>>;
}

/// Tables a fresh, migrated store already holds rows in: the audit chain's
/// head (sequence 0, the zero hash) and the search index outbox's counters.
/// A load replaces them.
pub const SEEDED_BY_MIGRATIONS: &[&str] = &["audit_head", "index_outbox"];

/// The number of rows in each table (every table of the schema but the
/// migrations' own), by name.
pub type TableCounts = std::collections::BTreeMap<String, u64>;

/// Whether the counts are those of a store nothing was written to.
pub fn is_empty(counts: &TableCounts) -> bool {
    counts
        .iter()
        .all(|(t, n)| *n == 0 || SEEDED_BY_MIGRATIONS.contains(&t.as_str()))
}

/// Orders tables so that each comes after those it references (`edges`:
/// table → the tables its foreign keys name; references to itself are
/// ignored). Ties go by name; tables caught in a cycle (the schema has
/// none) come last, by name.
pub fn dependency_order(
    tables: &[String],
    edges: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Vec<String> {
    let mut left: std::collections::BTreeSet<&String> = tables.iter().collect();
    let mut out: Vec<String> = Vec::with_capacity(tables.len());
    loop {
        let ready: Vec<&String> = left
            .iter()
            .copied()
            .filter(|t| {
                edges.get(*t).is_none_or(|deps| {
                    deps.iter()
                        .all(|d| d == *t || !left.contains(d) || !tables.contains(d))
                })
            })
            .collect();
        if ready.is_empty() {
            break;
        }
        for t in ready {
            left.remove(t);
            out.push(t.clone());
        }
    }
    out.extend(left.into_iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn tables_come_after_what_they_reference() {
        let tables: Vec<String> = ["votes", "adoptions", "meetings", "processes", "actors"]
            .map(String::from)
            .to_vec();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut edge = |a: &str, b: &str| {
            edges.entry(a.into()).or_default().insert(b.into());
        };
        edge("votes", "adoptions");
        edge("votes", "actors");
        edge("adoptions", "meetings");
        edge("adoptions", "adoptions");
        edge("meetings", "processes");
        edge("meetings", "not_dumped");
        let order = dependency_order(&tables, &edges);
        let at = |t: &str| order.iter().position(|x| x == t).unwrap();
        assert_eq!(order.len(), 5);
        assert!(at("processes") < at("meetings"));
        assert!(at("meetings") < at("adoptions"));
        assert!(at("adoptions") < at("votes"));
        assert!(at("actors") < at("votes"));
    }

    #[test]
    fn a_cycle_does_not_lose_tables() {
        let tables: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        edges.entry("a".into()).or_default().insert("b".into());
        edges.entry("b".into()).or_default().insert("a".into());
        assert_eq!(dependency_order(&tables, &edges), ["c", "a", "b"]);
    }

    #[test]
    fn the_audit_head_alone_does_not_make_a_store_non_empty() {
        let mut counts = TableCounts::new();
        counts.insert("audit_head".into(), 1);
        counts.insert("accounts".into(), 0);
        assert!(is_empty(&counts));
        counts.insert("accounts".into(), 1);
        assert!(!is_empty(&counts));
    }
}

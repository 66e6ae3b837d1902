//! The audit log's hash chain: each entry carries the hash of the one before,
//! so a changed, removed or inserted entry breaks the chain where it happened.

use crate::{ActorCode, Slug};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened: who, acting for which actor, what, when, the ids touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditRecord {
    /// Microsecond precision, so every store keeps it exactly.
    pub at: DateTime<Utc>,
    /// The account that acted; `None` for the system (CLI, demo loader).
    pub account: Option<i64>,
    /// Who the account is (e-mail), or what part of the system acted.
    pub by: String,
    pub acting_for: Option<ActorCode>,
    /// Dotted name, e.g. `meeting.create`.
    pub action: String,
    pub process: Option<Slug>,
    /// The ids touched, e.g. `meeting:12`.
    pub targets: Vec<String>,
}

/// An entry of the audit log: the record, its place in the chain, its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub seq: i64,
    #[serde(flatten)]
    pub record: AuditRecord,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over an unambiguous rendering of every field.
pub fn entry_hash(seq: i64, r: &AuditRecord, prev_hash: &str) -> String {
    let mut h = Sha256::new();
    let mut field = |s: &str| {
        h.update((s.len() as u64).to_be_bytes());
        h.update(s.as_bytes());
    };
    field(&seq.to_string());
    field(&r.at.to_rfc3339_opts(SecondsFormat::Micros, true));
    field(&r.account.map(|a| a.to_string()).unwrap_or_default());
    field(&r.by);
    field(
        r.acting_for
            .as_ref()
            .map(super::ident::ActorCode::as_str)
            .unwrap_or(""),
    );
    field(&r.action);
    field(
        r.process
            .as_ref()
            .map(super::ident::Slug::as_str)
            .unwrap_or(""),
    );
    field(&r.targets.len().to_string());
    for t in &r.targets {
        field(t);
    }
    field(prev_hash);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The entry that follows `(head_seq, head_hash)`.
pub fn next_entry(head_seq: i64, head_hash: &str, record: AuditRecord) -> AuditEntry {
    let seq = head_seq + 1;
    let hash = entry_hash(seq, &record, head_hash);
    AuditEntry {
        seq,
        record,
        prev_hash: head_hash.to_owned(),
        hash,
    }
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("entry {0} was changed: its contents no longer match its hash")]
    Changed(i64),
    #[error("entry {0} was removed")]
    Removed(i64),
    #[error("entry {0} was inserted: it does not follow the entry before it")]
    Inserted(i64),
}

/// Checks entries (in `seq` order) against each other and against the head
/// the store keeps (`head_seq`, `head_hash`); returns how many were checked.
pub fn verify<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    head_seq: i64,
    head_hash: &str,
) -> Result<i64, ChainBreak> {
    let mut expected_seq = 1;
    let mut prev = GENESIS.to_owned();
    for e in entries {
        if e.hash != entry_hash(e.seq, &e.record, &e.prev_hash) {
            return Err(ChainBreak::Changed(e.seq));
        }
        if e.seq > head_seq {
            return Err(ChainBreak::Inserted(e.seq));
        }
        if e.seq > expected_seq {
            return Err(ChainBreak::Removed(expected_seq));
        }
        if e.seq < expected_seq || e.prev_hash != prev {
            // A self-consistent entry that does not link to its predecessor.
            return Err(ChainBreak::Inserted(e.seq));
        }
        prev = e.hash.clone();
        expected_seq += 1;
    }
    if expected_seq - 1 < head_seq {
        return Err(ChainBreak::Removed(expected_seq));
    }
    if prev != head_hash {
        return Err(ChainBreak::Changed(head_seq));
    }
    Ok(head_seq)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(n: i64) -> AuditRecord {
        AuditRecord {
            at: DateTime::from_timestamp(1_500_000_000 + n, 0).unwrap(),
            account: Some(1),
            by: "sec@example.org".into(),
            acting_for: None,
            action: "meeting.create".into(),
            process: Some(Slug::new("gcm").unwrap()),
            targets: vec![format!("meeting:{n}")],
        }
    }

    fn chain(n: i64) -> (Vec<AuditEntry>, i64, String) {
        let mut entries = vec![];
        let (mut seq, mut hash) = (0, GENESIS.to_owned());
        for i in 0..n {
            let e = next_entry(seq, &hash, record(i));
            seq = e.seq;
            hash = e.hash.clone();
            entries.push(e);
        }
        (entries, seq, hash)
    }

    #[test]
    fn an_intact_chain_verifies() {
        let (entries, seq, hash) = chain(5);
        assert_eq!(verify(&entries, seq, &hash), Ok(5));
        assert_eq!(verify(&[], 0, GENESIS), Ok(0));
    }

    #[test]
    fn each_kind_of_tampering_is_found() {
        let (entries, seq, hash) = chain(5);
        let mut changed = entries.clone();
        changed[2].record.action = "meeting.delete".into();
        assert_eq!(verify(&changed, seq, &hash), Err(ChainBreak::Changed(3)));

        let mut removed = entries.clone();
        removed.remove(1);
        assert_eq!(verify(&removed, seq, &hash), Err(ChainBreak::Removed(2)));

        let mut tail_gone = entries.clone();
        tail_gone.pop();
        assert_eq!(verify(&tail_gone, seq, &hash), Err(ChainBreak::Removed(5)));

        let mut inserted = entries.clone();
        inserted.push(next_entry(seq, &hash, record(99)));
        assert_eq!(verify(&inserted, seq, &hash), Err(ChainBreak::Inserted(6)));

        // Renumbered to slip in the middle: well-formed, but not linked.
        let mut slipped = entries.clone();
        let intruder = next_entry(1, "f".repeat(64).as_str(), record(42));
        slipped.insert(1, intruder);
        for (i, e) in slipped.iter_mut().enumerate().skip(2) {
            e.seq = i as i64 + 1;
        }
        assert!(verify(&slipped, seq + 1, &hash).is_err());
    }
}

//! A meeting's history as its pages show it: each change with the dates
//! before and after it (replayed back from the meeting as it is now, so a
//! change that moved only the end date still shows both dates).

use accord_domain::{Meeting, MeetingChange, RecordChange};
use minijinja::{context, Value};

/// The history, oldest first, for the templates (`meeting_history.html`).
pub(crate) fn view(meeting: &Meeting, history: &[MeetingChange]) -> Vec<Value> {
    let mut now = (meeting.start_date.to_string(), meeting.end_date.to_string());
    let mut items = Vec::with_capacity(history.len());
    for change in history.iter().rev() {
        let after = now.clone();
        let mut before = now.clone();
        for f in &change.changes {
            match f.field.as_str() {
                "start_date" => before.0 = f.before.clone(),
                "end_date" => before.1 = f.before.clone(),
                _ => {}
            }
        }
        items.push(context! {
            kind => change.kind.as_str(),
            reason => &change.reason,
            by => &change.by,
            at => change.at.date_naive().to_string(),
            fields => change.changes.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
            before_start => &before.0,
            before_end => &before.1,
            after_start => &after.0,
            after_end => &after.1,
        });
        now = before;
    }
    items.reverse();
    items
}

/// A document's history (or another record's), oldest first, for the
/// templates (`record_history.html`); each field changed as its message's
/// key, `field_key` and the field (`document-field-title`).
pub(crate) fn records(history: &[RecordChange], field_key: &str) -> Vec<Value> {
    history
        .iter()
        .map(|change| {
            context! {
                kind => change.kind.as_str(),
                reason => &change.reason,
                by => &change.by,
                at => change.at.date_naive().to_string(),
                fields => change.changes.iter().map(|f| format!("{field_key}{}", f.field)).collect::<Vec<_>>(),
            }
        })
        .collect()
}

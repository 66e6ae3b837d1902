//! Feeds for other software: an Atom feed of what a process publishes
//! (documents and statements, as the public sees them) and an iCalendar
//! file of its meetings. Written by hand: both formats are small, and the
//! escaping rules are the whole difficulty (tested with independent parsers
//! by `tests/feeds/check_feeds.py`).

use crate::http::routes::{get, PageRoutes};
use crate::SharedState;
use accord_app::{AppError, PageRequest, Principal};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/feed.atom", get(atom))
        .route("/processes/{slug}/meetings.ics", get(calendar))
}

/// How many entries the feed carries.
const FEED_ENTRIES: usize = 100;

fn xml(s: &str) -> String {
    s.chars()
        .filter(|c| matches!(c, '\t' | '\n' | '\r') || !c.is_control())
        .map(|c| match c {
            '&' => "&amp;".into(),
            '<' => "&lt;".into(),
            '>' => "&gt;".into(),
            '"' => "&quot;".into(),
            '\'' => "&apos;".into(),
            c => c.to_string(),
        })
        .collect()
}

/// The site's own address, from the request (for absolute links and ids).
fn origin(s: &SharedState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost");
    let scheme = if s.secure_cookies { "https" } else { "http" };
    format!("{scheme}://{host}")
}

struct Entry {
    id: String,
    title: String,
    link: String,
    updated: DateTime<Utc>,
    summary: String,
    category: &'static str,
}

fn midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

async fn entries(s: &SharedState, slug: &str, base: &str) -> Result<Vec<Entry>, AppError> {
    let public = Principal::Anonymous;
    let mut out = vec![];
    for d in s.app.all_documents(&public, slug).await? {
        let symbol = d
            .symbol
            .as_ref()
            .map(|s| format!("{s} — "))
            .unwrap_or_default();
        out.push(Entry {
            id: format!("{base}/processes/{slug}/documents#document-{}", d.id),
            title: format!("{symbol}{}", d.title),
            link: format!("{base}/processes/{slug}/documents#document-{}", d.id),
            updated: midnight(d.date),
            summary: format!("{} ({})", d.kind, d.date),
            category: "document",
        });
    }
    let mut page = PageRequest::first(accord_app::MAX_LIMIT);
    loop {
        let listing = s.app.statements(&public, slug, None, &page).await?;
        for st in listing.items {
            out.push(Entry {
                id: format!("{base}/processes/{slug}/statements/{}", st.id),
                title: st.statement.title.clone(),
                link: format!("{base}/processes/{slug}/statements/{}", st.id),
                updated: st
                    .statement
                    .embargo_until
                    .filter(|e| *e > midnight(st.statement.delivered_on))
                    .unwrap_or_else(|| midnight(st.statement.delivered_on)),
                summary: format!(
                    "{}{}",
                    st.statement.actor,
                    if st.statement.synthetic {
                        " (synthetic test data)"
                    } else {
                        ""
                    }
                ),
                category: "statement",
            });
        }
        match listing.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    out.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
    out.truncate(FEED_ENTRIES);
    Ok(out)
}

async fn atom(
    State(s): State<SharedState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Response {
    let result = async {
        let process = s.app.process(&slug).await?.process;
        let base = origin(&s, &headers);
        let entries = entries(&s, &slug, &base).await?;
        let updated = entries
            .first()
            .map(|e| e.updated)
            .unwrap_or_else(|| midnight(s.app.today()));
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        out += &format!("  <id>{}/processes/{}</id>\n", xml(&base), xml(&slug));
        out += &format!("  <title>{}</title>\n", xml(&process.title));
        out += &format!("  <updated>{}</updated>\n", updated.to_rfc3339());
        out += &format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}/processes/{}/feed.atom\"/>\n",
            xml(&base),
            xml(&slug)
        );
        out += &format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}/processes/{}\"/>\n",
            xml(&base),
            xml(&slug)
        );
        out += "  <author><name>Accord</name></author>\n";
        for e in &entries {
            out += "  <entry>\n";
            out += &format!("    <id>{}</id>\n", xml(&e.id));
            out += &format!("    <title>{}</title>\n", xml(&e.title));
            out += &format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml(&e.link));
            out += &format!("    <updated>{}</updated>\n", e.updated.to_rfc3339());
            out += &format!("    <category term=\"{}\"/>\n", e.category);
            out += &format!("    <summary>{}</summary>\n", xml(&e.summary));
            out += "  </entry>\n";
        }
        out += "</feed>\n";
        Ok::<_, AppError>(out)
    }
    .await;
    match result {
        Ok(body) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/atom+xml; charset=utf-8"),
            )],
            body,
        )
            .into_response(),
        Err(e) => crate::http::error::ApiError::from(e).into_response(),
    }
}

/// An iCalendar text value: backslash, semicolon, comma and newlines escaped.
fn ical_text(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .map(|c| match c {
            '\\' => "\\\\".into(),
            ';' => "\\;".into(),
            ',' => "\\,".into(),
            '\n' => "\\n".into(),
            c => c.to_string(),
        })
        .collect()
}

/// Folds a content line at 75 octets, never inside a character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out += "\r\n ";
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out + "\r\n"
}

async fn calendar(
    State(s): State<SharedState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Response {
    let result = async {
        let process = s.app.process(&slug).await?.process;
        let meetings = s.app.all_meetings(&slug, None).await?;
        let base = origin(&s, &headers);
        let host = base.split("://").nth(1).unwrap_or("localhost").to_owned();
        let stamp = s.app.now().format("%Y%m%dT%H%M%SZ").to_string();
        let mut out = String::new();
        for line in [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".into(),
            "PRODID:-//Accord//Intergovernmental processes//EN".into(),
            "CALSCALE:GREGORIAN".into(),
            format!("X-WR-CALNAME:{}", ical_text(&process.title)),
        ] {
            out += &fold(&line);
        }
        for m in &meetings {
            let end = m.end_date.succ_opt().unwrap_or(m.end_date); // DTEND is exclusive
            let location = m.venue.as_ref().map(|v| {
                let mut parts = vec![];
                if let Some(n) = &v.name {
                    parts.push(n.clone());
                }
                parts.push(v.city.clone());
                parts.push(v.country.to_string());
                parts.join(", ")
            });
            let mut lines = vec![
                "BEGIN:VEVENT".to_string(),
                format!("UID:meeting-{}-{}@{}", slug, m.id, host),
                format!("DTSTAMP:{stamp}"),
                format!("DTSTART;VALUE=DATE:{}", m.start_date.format("%Y%m%d")),
                format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
                format!("SUMMARY:{}", ical_text(&m.title)),
                format!("URL:{base}/processes/{slug}/meetings/{}", m.id),
                format!("CATEGORIES:{}", m.kind),
                format!(
                    "STATUS:{}",
                    if m.is_cancelled() {
                        "CANCELLED"
                    } else {
                        "CONFIRMED"
                    }
                ),
            ];
            if let Some(l) = location {
                lines.push(format!("LOCATION:{}", ical_text(&l)));
            }
            if let Some(note) = &m.note {
                lines.push(format!("DESCRIPTION:{}", ical_text(note)));
            }
            lines.push("END:VEVENT".into());
            for line in lines {
                out += &fold(&line);
            }
        }
        out += &fold("END:VCALENDAR");
        Ok::<_, AppError>(out)
    }
    .await;
    match result {
        Ok(body) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/calendar; charset=utf-8"),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_str(&format!("inline; filename=\"{slug}-meetings.ics\""))
                        .unwrap_or_else(|_| HeaderValue::from_static("inline")),
                ),
            ],
            body,
        )
            .into_response(),
        Err(e) => crate::http::error::ApiError::from(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for part in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(part.len() <= 75, "{}", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped_for_each_format() {
        assert_eq!(ical_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            xml("<a href='x'>&\u{1}</a>"),
            "&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;"
        );
    }
}

//! The geometry of a process's timeline: phases and meetings on a time axis,
//! computed here so the template only draws rectangles.

use accord_domain::{Language, Meeting, MeetingKind, Phase, PhaseKind};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::http::i18n::I18n;

pub const WIDTH: f64 = 1000.0;
const PHASE_ROW: f64 = 30.0;
const LANE: f64 = 36.0;
const TOP: f64 = 8.0;

#[derive(Debug, Serialize)]
pub struct Timeline {
    pub width: f64,
    pub height: f64,
    pub phases: Vec<Band>,
    pub lanes: Vec<Lane>,
    pub ticks: Vec<Tick>,
    pub axis_y: f64,
    /// Meetings fall after the axis (an open-ended follow-up phase).
    pub continues: bool,
}

#[derive(Debug, Serialize)]
pub struct Band {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub kind: String,
    pub label: String,
    pub label_x: f64,
    pub anchor: &'static str,
    /// The label does not fit in the band and stands beside it.
    pub outside: bool,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct Lane {
    pub y: f64,
    pub label_x: f64,
    pub anchor: &'static str,
    pub kind: String,
    pub label: String,
    pub marks: Vec<Mark>,
}

#[derive(Debug, Serialize)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub href: String,
    pub title: String,
    /// The meeting was cancelled (drawn hollow, said in its title).
    pub cancelled: bool,
}

#[derive(Debug, Serialize)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

/// Lays out the phases with an end date and the meetings within their span.
/// `None` when there is nothing to draw.
pub fn layout(
    i18n: &I18n,
    lang: Language,
    process: &str,
    phases: &[Phase],
    meetings: &[Meeting],
    current: Option<PhaseKind>,
) -> Option<Timeline> {
    // Each phase as it runs: by the decisions on it, else by its plan.
    let closed: Vec<&Phase> = phases.iter().filter(|p| p.ends().is_some()).collect();
    let first = closed.iter().map(|p| p.starts()).min()?;
    let last = closed.iter().filter_map(|p| p.ends()).max()?;
    let start = first.with_day(1)?;
    let end = last.with_day(1)?.checked_add_months(Months::new(1))?;
    let span = (end - start).num_days().max(1) as f64;
    let rtl = lang.is_rtl();
    // x of a date; in right-to-left languages time runs right to left.
    let pos = |d: NaiveDate| {
        let x = ((d - start).num_days() as f64 / span * WIDTH).clamp(0.0, WIDTH);
        if rtl {
            WIDTH - x
        } else {
            x
        }
    };
    let range = |a: NaiveDate, b: NaiveDate, min: f64| {
        let (x1, x2) = (pos(a), pos(b + chrono::Days::new(1)));
        let (lo, hi) = if x1 <= x2 { (x1, x2) } else { (x2, x1) };
        let w = (hi - lo).max(min);
        (lo.min(WIDTH - w), w)
    };
    // The SVG is laid out left to right in absolute terms (see `.timeline`
    // in the stylesheet). A label sits inside its band from the reading start
    // when it fits, else beside the band, on the side with more room.
    let label_at = |x: f64, w: f64, label: &str| -> (f64, &'static str, bool) {
        let needed = label.chars().count() as f64 * 7.5 + 12.0;
        if w >= needed {
            if rtl {
                (x + w - 6.0, "end", false)
            } else {
                (x + 6.0, "start", false)
            }
        } else if x + w / 2.0 > WIDTH / 2.0 {
            (x - 4.0, "end", true)
        } else {
            (x + w + 4.0, "start", true)
        }
    };

    let bands = closed
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, w) = range(p.starts(), p.ends().unwrap_or(p.starts()), 2.0);
            let label = i18n.text(lang, &format!("phase-{}", p.kind), None);
            let (label_x, anchor, outside) = label_at(x, w, &label);
            Band {
                x,
                y: TOP + (i % 2) as f64 * PHASE_ROW,
                w,
                kind: p.kind.to_string(),
                label,
                label_x,
                anchor,
                outside,
                current: current == Some(p.kind),
            }
        })
        .collect();

    let mut kinds: Vec<MeetingKind> = meetings
        .iter()
        .filter(|m| m.start_date <= last)
        .map(|m| m.kind)
        .collect();
    kinds.sort();
    kinds.dedup();
    let lanes_top = TOP + 2.0 * PHASE_ROW + 12.0;
    let lanes: Vec<Lane> = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let y = lanes_top + i as f64 * LANE;
            let marks = meetings
                .iter()
                .filter(|m| m.kind == *kind && m.start_date <= last)
                .map(|m| {
                    let (x, w) = range(m.start_date, m.end_date, 5.0);
                    Mark {
                        x,
                        y: y + 16.0,
                        w,
                        href: format!("/processes/{process}/meetings/{}", m.id),
                        title: if m.is_cancelled() {
                            format!(
                                "{} — {} ({})",
                                m.title,
                                i18n.date_range(lang, m.start_date, m.end_date),
                                i18n.text(lang, "meeting-cancelled", None)
                            )
                        } else {
                            format!(
                                "{} — {}",
                                m.title,
                                i18n.date_range(lang, m.start_date, m.end_date)
                            )
                        },
                        cancelled: m.is_cancelled(),
                    }
                })
                .collect();
            Lane {
                y: y + 11.0,
                label_x: if rtl { WIDTH } else { 0.0 },
                anchor: if rtl { "end" } else { "start" },
                kind: kind.to_string(),
                label: i18n.text(lang, &format!("meeting-kinds-{kind}"), None),
                marks,
            }
        })
        .collect();

    let axis_y = lanes_top + lanes.len() as f64 * LANE + 4.0;
    let mut ticks = vec![];
    let mut month = start;
    while month <= end {
        if month.month0() % 3 == 0 {
            ticks.push(Tick {
                x: pos(month),
                label: i18n.month_year(lang, month),
            });
        }
        month = month.checked_add_months(Months::new(1))?;
    }
    Some(Timeline {
        width: WIDTH,
        height: axis_y + 24.0,
        phases: bands,
        lanes,
        ticks,
        axis_y,
        continues: meetings.iter().any(|m| m.start_date > last),
    })
}

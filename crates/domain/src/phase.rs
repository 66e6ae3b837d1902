use crate::error::{at_most, required};
use crate::{check_dates, FieldChange, Slug, ValidationError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// The phases an intergovernmental process goes through (DESIGN.md §1).
    PhaseKind, "phase kind" {
        Consultation => "consultation",
        Stocktaking => "stocktaking",
        Negotiation => "negotiation",
        Adoption => "adoption",
        FollowUp => "follow_up",
    }
);

/// A phase of a process: its plan (`start_date`, `end_date`, open for a
/// phase planned to run on) and the facts the secretariat decided on it
/// (opened, extended, closed). Dates are the plan, decisions are the fact:
/// a phase runs on its planned dates until a decision says otherwise, and
/// a decision overrides the plan on its side only (a phase opened early
/// still ends as planned, unless extended or closed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub process: Slug,
    pub kind: PhaseKind,
    pub start_date: NaiveDate,
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// How the dates are known, when it needs saying.
    #[serde(default)]
    pub note: Option<String>,
    /// The day the secretariat opened the phase, by decision.
    #[serde(default)]
    pub opened_on: Option<NaiveDate>,
    /// The day the phase was extended to, by decision.
    #[serde(default)]
    pub extended_to: Option<NaiveDate>,
    /// The day the secretariat closed the phase (its last day), by decision.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
}

impl Phase {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_dates(
            &format!("the {} phase", self.kind),
            self.start_date,
            self.end_date,
        )
    }

    /// A phase as planned, before any decision on it.
    pub fn planned(
        process: Slug,
        kind: PhaseKind,
        start_date: NaiveDate,
        end_date: Option<NaiveDate>,
        note: Option<String>,
    ) -> Phase {
        Phase {
            process,
            kind,
            start_date,
            end_date,
            note,
            opened_on: None,
            extended_to: None,
            closed_on: None,
        }
    }

    /// The first day the phase runs: the day it was opened, or as planned.
    pub fn starts(&self) -> NaiveDate {
        self.opened_on.unwrap_or(self.start_date)
    }

    /// The last day the phase runs: the day it was closed, the day it was
    /// extended to, or as planned; `None` while it runs on with no end.
    pub fn ends(&self) -> Option<NaiveDate> {
        self.closed_on.or(self.extended_to).or(self.end_date)
    }

    /// Whether the phase runs on `date`, the decisions on it taken into account.
    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.starts() && self.ends().is_none_or(|end| date <= end)
    }

    /// The phase after a decision of the secretariat taken on `today`, and
    /// what it changed. Refused when the decision does not fit the phase:
    /// a decision dated in the future, opening an open or closed phase,
    /// extending a closed phase or to a day it already runs to, closing
    /// before it opened.
    pub fn decided(
        &self,
        decision: PhaseDecision,
        reason: Option<&str>,
        today: NaiveDate,
    ) -> Result<(Phase, PhaseChangeKind, Vec<FieldChange>), ValidationError> {
        if let Some(reason) = reason {
            at_most("reason", reason, 2_000)?;
        }
        if let Some(closed) = self.closed_on {
            return Err(ValidationError::PhaseClosed {
                phase: self.kind.to_string(),
                closed,
            });
        }
        let mut next = self.clone();
        let kind = match decision {
            PhaseDecision::Open { on } => {
                not_in_future(on, today)?;
                if let Some(opened) = self.opened_on {
                    return Err(ValidationError::PhaseAlreadyOpened {
                        phase: self.kind.to_string(),
                        opened,
                    });
                }
                if let Some(end) = self.ends().filter(|end| on > *end) {
                    return Err(ValidationError::PhaseEndsBeforeOpening {
                        phase: self.kind.to_string(),
                        end,
                        on,
                    });
                }
                next.opened_on = Some(on);
                PhaseChangeKind::Opened
            }
            PhaseDecision::Extend { until } => {
                required("reason", reason.unwrap_or_default())?;
                match self.ends() {
                    Some(end) if until > end => {}
                    end => {
                        return Err(ValidationError::NotAnExtension {
                            phase: self.kind.to_string(),
                            end,
                            until,
                        })
                    }
                }
                next.extended_to = Some(until);
                PhaseChangeKind::Extended
            }
            PhaseDecision::Close { on } => {
                not_in_future(on, today)?;
                if on < self.starts() {
                    return Err(ValidationError::CloseBeforeOpening {
                        phase: self.kind.to_string(),
                        starts: self.starts(),
                        on,
                    });
                }
                next.closed_on = Some(on);
                PhaseChangeKind::Closed
            }
        };
        let changes = phase_changes(self, &next);
        Ok((next, kind, changes))
    }

    /// The phase with its plan changed (a correction, or a phase moved
    /// before it opens); the decisions taken on it stay. A reason is
    /// required.
    pub fn replanned(
        &self,
        start_date: NaiveDate,
        end_date: Option<NaiveDate>,
        note: Option<String>,
        reason: &str,
    ) -> Result<(Phase, Vec<FieldChange>), ValidationError> {
        required("reason", reason)?;
        at_most("reason", reason, 2_000)?;
        let mut next = self.clone();
        next.start_date = start_date;
        next.end_date = end_date;
        next.note = note.filter(|n| !n.trim().is_empty());
        if let Some(note) = &next.note {
            at_most("note", note, 1_000)?;
        }
        next.validate()?;
        let changes = phase_changes(self, &next);
        if changes.is_empty() {
            return Err(ValidationError::NothingChanged(format!(
                "the {} phase is already planned so",
                self.kind
            )));
        }
        Ok((next, changes))
    }
}

fn not_in_future(on: NaiveDate, today: NaiveDate) -> Result<(), ValidationError> {
    if on > today {
        return Err(ValidationError::DecisionInFuture { on, today });
    }
    Ok(())
}

fn phase_changes(before: &Phase, after: &Phase) -> Vec<FieldChange> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    [
        (
            "start_date",
            day(Some(before.start_date)),
            day(Some(after.start_date)),
        ),
        ("end_date", day(before.end_date), day(after.end_date)),
        (
            "note",
            before.note.clone().unwrap_or_default(),
            after.note.clone().unwrap_or_default(),
        ),
        ("opened_on", day(before.opened_on), day(after.opened_on)),
        (
            "extended_to",
            day(before.extended_to),
            day(after.extended_to),
        ),
        ("closed_on", day(before.closed_on), day(after.closed_on)),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(field, before, after)| FieldChange {
        field: field.into(),
        before,
        after,
    })
    .collect()
}

/// A decision of the secretariat on a phase, with the day it takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseDecision {
    /// The phase opens on `on` (early, late or as planned).
    Open { on: NaiveDate },
    /// The phase runs on to `until`, a day after its present end.
    Extend { until: NaiveDate },
    /// The phase ends on `on`, its last day.
    Close { on: NaiveDate },
}

crate::named_enum!(
    /// What a change to a phase was: a decision, or a change of its plan.
    PhaseChangeKind, "phase change" {
        Opened => "opened",
        Extended => "extended",
        Closed => "closed",
        Replanned => "replanned",
    }
);

/// A change to a phase, kept as its history: who, when, what, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseChange {
    pub process: Slug,
    pub phase: PhaseKind,
    pub kind: PhaseChangeKind,
    pub at: DateTime<Utc>,
    /// Who decided, as the public may see it (a name, never an address).
    pub by: String,
    pub reason: Option<String>,
    pub changes: Vec<FieldChange>,
}

/// The phase a process is in on `date`: of the phases running that day, the
/// one that started last (phases may overlap at their edges). `None` before
/// the process starts, between phases, and after the last one ends.
pub fn current_phase(phases: &[Phase], date: NaiveDate) -> Option<&Phase> {
    phases
        .iter()
        .filter(|p| p.contains(date))
        .max_by_key(|p| (p.start_date, p.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn phase(kind: PhaseKind, start: &str, end: Option<&str>) -> Phase {
        Phase::planned(Slug::new("gcm").unwrap(), kind, d(start), end.map(d), None)
    }

    #[test]
    fn current_phase_from_a_date() {
        let phases = vec![
            phase(PhaseKind::Consultation, "2017-04-01", Some("2017-11-30")),
            phase(PhaseKind::Stocktaking, "2017-11-01", Some("2018-01-31")),
            phase(PhaseKind::Negotiation, "2018-02-01", Some("2018-07-31")),
            phase(PhaseKind::FollowUp, "2018-12-19", None),
        ];
        let kind = |s| current_phase(&phases, d(s)).map(|p| p.kind);
        assert_eq!(kind("2017-03-31"), None);
        assert_eq!(kind("2017-05-08"), Some(PhaseKind::Consultation));
        // Overlap: the later-starting phase is the current one.
        assert_eq!(kind("2017-11-15"), Some(PhaseKind::Stocktaking));
        assert_eq!(kind("2018-07-31"), Some(PhaseKind::Negotiation));
        assert_eq!(kind("2018-09-01"), None);
        assert_eq!(kind("2026-11-28"), Some(PhaseKind::FollowUp));
    }

    #[test]
    fn end_before_start_is_refused() {
        let p = phase(PhaseKind::Negotiation, "2018-07-31", Some("2018-02-01"));
        assert!(matches!(
            p.validate(),
            Err(ValidationError::EndBeforeStart { .. })
        ));
        assert!(
            phase(PhaseKind::Negotiation, "2018-02-01", Some("2018-02-01"))
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn decisions_override_the_plan_on_their_side() {
        let today = d("2018-03-01");
        let planned = phase(PhaseKind::Negotiation, "2018-02-01", Some("2018-07-31"));
        // Opened early: runs from the day it opened, still ends as planned.
        let (opened, kind, changes) = planned
            .decided(
                PhaseDecision::Open {
                    on: d("2018-01-25"),
                },
                None,
                today,
            )
            .unwrap();
        assert_eq!(kind, PhaseChangeKind::Opened);
        assert!(opened.contains(d("2018-01-26")) && !planned.contains(d("2018-01-26")));
        assert_eq!(opened.ends(), Some(d("2018-07-31")));
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "opened_on");
        // Extended, then closed: the close is the last word.
        let (extended, _, _) = opened
            .decided(
                PhaseDecision::Extend {
                    until: d("2018-08-15"),
                },
                Some("more rounds"),
                today,
            )
            .unwrap();
        assert!(extended.contains(d("2018-08-10")));
        let (closed, _, _) = extended
            .decided(
                PhaseDecision::Close {
                    on: d("2018-02-20"),
                },
                None,
                today,
            )
            .unwrap();
        assert!(closed.contains(d("2018-02-20")) && !closed.contains(d("2018-02-21")));
        // A later phase opened the day another closes takes over that day.
        let next = phase(PhaseKind::Adoption, "2018-12-10", Some("2018-12-11"))
            .decided(
                PhaseDecision::Open {
                    on: d("2018-02-20"),
                },
                None,
                today,
            )
            .unwrap()
            .0;
        let phases = vec![closed.clone(), next];
        assert_eq!(
            current_phase(&phases, d("2018-02-20")).map(|p| p.kind),
            Some(PhaseKind::Adoption)
        );
    }

    #[test]
    fn decisions_that_do_not_fit_the_phase_are_refused_by_kind() {
        let today = d("2018-03-01");
        let planned = phase(PhaseKind::Negotiation, "2018-02-01", Some("2018-07-31"));
        let open_ended = phase(PhaseKind::FollowUp, "2018-12-19", None);
        let opened = planned
            .decided(
                PhaseDecision::Open {
                    on: d("2018-02-01"),
                },
                None,
                today,
            )
            .unwrap()
            .0;
        let closed = opened
            .decided(
                PhaseDecision::Close {
                    on: d("2018-02-28"),
                },
                None,
                today,
            )
            .unwrap()
            .0;
        let consultation = phase(PhaseKind::Consultation, "2017-04-01", Some("2017-11-30"));
        let cases: Vec<(&str, &Phase, PhaseDecision, Option<&str>, &str)> = vec![
            (
                "open in the future",
                &planned,
                PhaseDecision::Open {
                    on: d("2018-03-02"),
                },
                None,
                "decision_in_future",
            ),
            (
                "open twice",
                &opened,
                PhaseDecision::Open {
                    on: d("2018-02-02"),
                },
                None,
                "phase_already_opened",
            ),
            (
                "open after its end",
                &consultation,
                PhaseDecision::Open {
                    on: d("2017-12-01"),
                },
                None,
                "phase_ends_before_opening",
            ),
            (
                "open a closed phase",
                &closed,
                PhaseDecision::Open {
                    on: d("2018-02-28"),
                },
                None,
                "phase_closed",
            ),
            (
                "extend without a reason",
                &planned,
                PhaseDecision::Extend {
                    until: d("2018-08-31"),
                },
                None,
                "invalid",
            ),
            (
                "extend to an earlier day",
                &planned,
                PhaseDecision::Extend {
                    until: d("2018-07-31"),
                },
                Some("why"),
                "not_an_extension",
            ),
            (
                "extend what has no end",
                &open_ended,
                PhaseDecision::Extend {
                    until: d("2030-01-01"),
                },
                Some("why"),
                "not_an_extension",
            ),
            (
                "extend a closed phase",
                &closed,
                PhaseDecision::Extend {
                    until: d("2018-08-31"),
                },
                Some("why"),
                "phase_closed",
            ),
            (
                "close in the future",
                &planned,
                PhaseDecision::Close {
                    on: d("2018-03-02"),
                },
                None,
                "decision_in_future",
            ),
            (
                "close before it opened",
                &planned,
                PhaseDecision::Close {
                    on: d("2018-01-31"),
                },
                None,
                "close_before_opening",
            ),
            (
                "close twice",
                &closed,
                PhaseDecision::Close {
                    on: d("2018-03-01"),
                },
                None,
                "phase_closed",
            ),
        ];
        for (case, phase, decision, reason, kind) in cases {
            let err = phase.decided(decision, reason, today).unwrap_err();
            assert_eq!(err.kind(), kind, "{case}: {err}");
        }
        let long = "x".repeat(2_001);
        assert_eq!(
            planned
                .decided(PhaseDecision::Open { on: today }, Some(&long), today)
                .unwrap_err()
                .kind(),
            "too_long"
        );
    }

    #[test]
    fn the_plan_changes_with_a_reason_and_keeps_the_decisions() {
        let planned = phase(PhaseKind::Negotiation, "2018-02-01", Some("2018-07-31"));
        let opened = planned
            .decided(
                PhaseDecision::Open {
                    on: d("2018-02-01"),
                },
                None,
                d("2018-02-01"),
            )
            .unwrap()
            .0;
        let (moved, changes) = opened
            .replanned(
                d("2018-02-01"),
                Some(d("2018-07-13")),
                None,
                "the last round is on 13 July",
            )
            .unwrap();
        assert_eq!(moved.opened_on, Some(d("2018-02-01")));
        assert_eq!(moved.ends(), Some(d("2018-07-13")));
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].before, "2018-07-31");
        let refused = |start: &str, end: Option<&str>, reason: &str| {
            opened
                .replanned(d(start), end.map(d), None, reason)
                .unwrap_err()
                .kind()
        };
        assert_eq!(refused("2018-02-01", Some("2018-07-13"), " "), "invalid");
        assert_eq!(
            refused("2018-02-01", Some("2018-01-13"), "why"),
            "end_before_start"
        );
        assert_eq!(
            refused("2018-02-01", Some("2018-07-31"), "why"),
            "nothing_changed"
        );
    }
}

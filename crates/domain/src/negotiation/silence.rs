//! The silence procedure: a text circulated with a deadline is adopted unless
//! a member state breaks silence in writing before it. A break ends the
//! procedure there and then, so a new one can open at once on a revised text.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a silence procedure has come to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SilenceOutcome {
    /// Before the deadline; `broken_by` lists who has broken silence so far
    /// (the procedure will fail if any has).
    Running { broken_by: Vec<String> },
    /// The deadline passed and nobody broke silence.
    AdoptedUnderSilence,
    /// The deadline passed; these states broke silence, in order.
    Broken { by: Vec<String> },
}

/// A procedure's deadline and the breaks of silence, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SilenceState {
    pub deadline: DateTime<Utc>,
    /// (actor code, when) of each letter breaking silence.
    pub breaks: Vec<(String, DateTime<Utc>)>,
}

impl SilenceState {
    /// The letters that broke silence: those before the deadline (a letter at
    /// or after it does not count; the app refuses it).
    fn counted(&self) -> impl Iterator<Item = &(String, DateTime<Utc>)> {
        self.breaks.iter().filter(|(_, at)| *at < self.deadline)
    }

    /// The outcome at `now`. As in practice, a procedure ends at the first
    /// break of silence: it is broken from that moment, not at its deadline.
    /// With no break it runs until the deadline, and is then adopted.
    pub fn outcome(&self, now: DateTime<Utc>) -> SilenceOutcome {
        let by: Vec<String> = self.counted().map(|(actor, _)| actor.clone()).collect();
        if !by.is_empty() {
            SilenceOutcome::Broken { by }
        } else if now < self.deadline {
            SilenceOutcome::Running { broken_by: vec![] }
        } else {
            SilenceOutcome::AdoptedUnderSilence
        }
    }

    /// When the procedure ended (or will end): at its first break, else at
    /// its deadline.
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.counted()
            .map(|(_, at)| *at)
            .min()
            .unwrap_or(self.deadline)
    }

    /// Whether a letter arriving at `at` may still break silence: before
    /// the deadline, and before anyone has broken it.
    pub fn open_at(&self, at: DateTime<Utc>) -> bool {
        at < self.ends_at()
    }

    /// Whether the procedure still runs at `now` (no new one may open then).
    pub fn running_at(&self, now: DateTime<Utc>) -> bool {
        matches!(self.outcome(now), SilenceOutcome::Running { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn outcome_follows_the_deadline() {
        let deadline = Utc.with_ymd_and_hms(2018, 7, 10, 22, 0, 0).unwrap();
        let before = deadline - chrono::Duration::hours(1);
        let after = deadline + chrono::Duration::seconds(1);
        let quiet = SilenceState {
            deadline,
            breaks: vec![],
        };
        assert_eq!(
            quiet.outcome(before),
            SilenceOutcome::Running { broken_by: vec![] }
        );
        assert_eq!(quiet.outcome(deadline), SilenceOutcome::AdoptedUnderSilence);
        let broken = SilenceState {
            deadline,
            breaks: vec![("HUN".into(), before)],
        };
        // Broken at the break, not at the deadline.
        for now in [before, deadline, after] {
            assert_eq!(
                broken.outcome(now),
                SilenceOutcome::Broken {
                    by: vec!["HUN".into()]
                }
            );
            assert!(!broken.running_at(now));
        }
        assert_eq!(broken.ends_at(), before);
        assert!(!broken.open_at(before));
        assert!(!broken.open_at(deadline));
        assert!(quiet.running_at(before) && !quiet.running_at(deadline));
        assert_eq!(quiet.ends_at(), deadline);
        assert!(quiet.open_at(before) && !quiet.open_at(deadline));
    }
}

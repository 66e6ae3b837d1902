//! Speakers' lists: who asked for the floor, in which order they speak, and
//! for how long.

use crate::{ActorCode, ActorKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// A speaker's place in the order of precedence, first to last: groups,
    /// states at ministerial level, other states, observer states, UN entities
    /// and intergovernmental organisations, stakeholders; rights of reply
    /// come after the list.
    SpeakerCategory, "speaker category" {
        Group => "group",
        Ministerial => "ministerial",
        State => "state",
        ObserverState => "observer_state",
        UnEntity => "un_entity",
        Stakeholder => "stakeholder",
        RightOfReply => "right_of_reply",
    }
);

impl SpeakerCategory {
    /// The category an actor of `kind` speaks in.
    pub fn for_speaker(kind: ActorKind, ministerial: bool, reply: bool) -> Option<Self> {
        if reply {
            return kind.is_state().then_some(SpeakerCategory::RightOfReply);
        }
        Some(match kind {
            ActorKind::Group => SpeakerCategory::Group,
            ActorKind::MemberState if ministerial => SpeakerCategory::Ministerial,
            ActorKind::MemberState => SpeakerCategory::State,
            ActorKind::ObserverState => SpeakerCategory::ObserverState,
            ActorKind::UnEntity | ActorKind::IntergovernmentalOrganisation => {
                SpeakerCategory::UnEntity
            }
            ActorKind::StakeholderOrganisation => SpeakerCategory::Stakeholder,
            ActorKind::Individual | ActorKind::SimulatedDelegation | ActorKind::SimulatedGroup => {
                return None
            }
        })
    }

    /// The usual time limit, in seconds (a chair may announce others).
    pub fn default_time_limit(self) -> u32 {
        match self {
            SpeakerCategory::Group | SpeakerCategory::Ministerial => 300,
            SpeakerCategory::State | SpeakerCategory::ObserverState | SpeakerCategory::UnEntity => {
                180
            }
            SpeakerCategory::Stakeholder | SpeakerCategory::RightOfReply => 120,
        }
    }
}

crate::named_enum!(
    /// Where an inscribed speaker stands.
    SpeakerStatus, "speaker status" {
        Waiting => "waiting",
        Speaking => "speaking",
        Spoken => "spoken",
    }
);

/// A request for the floor at a meeting, under an agenda item (0: none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inscription {
    pub id: i64,
    pub meeting: i64,
    pub agenda_item: u32,
    /// The state, group or organisation that will speak.
    pub actor: ActorCode,
    /// The account that inscribed it.
    pub account: i64,
    pub category: SpeakerCategory,
    pub status: SpeakerStatus,
    pub inscribed_at: DateTime<Utc>,
}

/// The order of speaking: by category, then by time of inscription.
pub fn speaking_order(list: &mut [Inscription]) {
    list.sort_by_key(|i| (i.category, i.inscribed_at, i.id));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mixed_list_is_ordered_by_precedence_then_time() {
        let at = |m: i64| DateTime::<Utc>::from_timestamp(1_500_000_000 + m * 60, 0).unwrap();
        let ins = |id, code: &str, category, minute| Inscription {
            id,
            meeting: 1,
            agenda_item: 0,
            actor: code.parse().unwrap(),
            account: 1,
            category,
            status: SpeakerStatus::Waiting,
            inscribed_at: at(minute),
        };
        let mut list = vec![
            ins(1, "NGO1", SpeakerCategory::Stakeholder, 0),
            ins(2, "MEX", SpeakerCategory::State, 1),
            ins(3, "HUN", SpeakerCategory::RightOfReply, 2),
            ins(4, "IOM", SpeakerCategory::UnEntity, 3),
            ins(5, "PSE", SpeakerCategory::ObserverState, 4),
            ins(6, "CHE", SpeakerCategory::State, 5),
            ins(7, "EU", SpeakerCategory::Group, 6),
            ins(8, "MAR", SpeakerCategory::Ministerial, 7),
            ins(9, "FRA", SpeakerCategory::State, 0),
        ];
        speaking_order(&mut list);
        let order: Vec<&str> = list.iter().map(|i| i.actor.as_str()).collect();
        assert_eq!(
            order,
            ["EU", "MAR", "FRA", "MEX", "CHE", "PSE", "IOM", "NGO1", "HUN"]
        );
    }

    #[test]
    fn categories_follow_the_actor() {
        use SpeakerCategory::*;
        assert_eq!(
            SpeakerCategory::for_speaker(ActorKind::MemberState, true, false),
            Some(Ministerial)
        );
        assert_eq!(
            SpeakerCategory::for_speaker(ActorKind::Group, false, false),
            Some(Group)
        );
        assert_eq!(
            SpeakerCategory::for_speaker(ActorKind::MemberState, false, true),
            Some(RightOfReply)
        );
        assert_eq!(
            SpeakerCategory::for_speaker(ActorKind::UnEntity, false, true),
            None,
            "replies are for states"
        );
        assert!(Group.default_time_limit() > State.default_time_limit());
    }
}

//! One conformance suite for every `Store` backend.
//!
//! A backend's test file calls [`conformance_suite!`] with a fixture function
//! `async fn(&'static str) -> impl Fixture`; the macro expands one
//! `#[tokio::test]` per case, each on a store of its own, so the cases run in
//! parallel and a failure names the case.

pub mod cases;

use accord_store::Store;
use std::future::Future;

/// A fresh, empty, migrated store for one test case.
pub trait Fixture: Send {
    fn store(&self) -> &dyn Store;
    /// Releases what the fixture holds (a schema, a temporary directory).
    fn teardown(self) -> impl Future<Output = ()> + Send;
}

#[macro_export]
macro_rules! conformance_suite {
    ($fixture:path) => {
        $crate::conformance_suite!(@cases $fixture;
            processes_round_trip,
            processes_paginate_by_slug,
            actors_and_groups,
            actors_paginate_by_code,
            group_rules_hold_in_the_schema,
            phases_in_date_order,
            phase_dates_and_duplicates_are_refused,
            phase_decisions_and_their_history,
            meetings_round_trip,
            meeting_changes_and_history,
            documents_edited_and_withdrawn_with_history,
            themes_edited_and_withdrawn_with_history,
            consultation_closing_keeps_its_reason,
            meetings_filter_by_kind_and_paginate_in_date_order,
            meeting_references_are_enforced,
            documents_and_visibility,
            documents_paginate_in_date_order,
            duplicate_symbols_are_refused,
            themes_in_order,
            uncommitted_work_is_rolled_back,
            text_in_six_languages_round_trips,
            accounts_and_grants_round_trip,
            sessions_tokens_and_resets,
            the_audit_log_chains_and_filters,
            delegations_groups_and_speakers_lists,
            meeting_time_limits,
            statements_texts_inputs_and_recommendations,
            other_versions_of_a_text,
            accreditation_and_registration,
            drafts_versions_amendments_and_silence,
            stocktaking_jobs_runs_and_decisions,
            adoptions_ballots_and_pledges,
            paragraph_votes_and_oral_changes,
            whole_stores_dump_and_load,
            jobs_are_leased_claimed_and_finished_once,
            concurrent_claims_take_different_jobs,
            throttle_events_round_trip,
            the_index_outbox_numbers_changes_in_commit_order,
            the_index_outbox_prunes_old_changes
        );
    };
    (@cases $fixture:path; $($case:ident),+) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let fixture = $fixture(stringify!($case)).await;
                $crate::cases::$case($crate::Fixture::store(&fixture)).await;
                $crate::Fixture::teardown(fixture).await;
            }
        )+
    };
}

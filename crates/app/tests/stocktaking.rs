//! The stocktaking through the app layer, on both real stores: imports and
//! analyses as background jobs, campaigns and themes measured against a
//! synthetic consultation's ground truth, the secretariat's labels fed to
//! the next run, dismissed suggestions, and coverage of recommendations.

use accord_analysis::synthetic::{Corpus, CorpusParams, THEMES};
use accord_app::import::InputFormat;
use accord_app::stocktaking::AnalysisOptions;
use accord_app::{App, AppError, Principal};
use accord_domain::stocktaking::{Job, JobStatus};
use accord_domain::*;
use std::collections::HashMap;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    the_analysis_finds_campaigns_and_themes_and_learns_from_labels,
    imports_and_analyses_run_as_jobs,
    suggestions_can_be_dismissed_and_recommendations_covered,
    jobs_a_stopped_server_left_are_taken_again_or_failed,
    an_idle_server_s_periodic_work_keeps_the_generation,
);

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

async fn person(app: &App, email: &str, role: Role, actor: Option<&str>) -> Principal {
    let grant = RoleGrant {
        role,
        process: Some("gcm".parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    };
    Principal::Account(
        app.create_account(&OPERATOR, email, email, PASSWORD, &[grant])
            .await
            .unwrap(),
    )
}

async fn open_call(app: &App, slug: &str) {
    app.open_consultation(
        &OPERATOR,
        Consultation {
            process: "gcm".parse().unwrap(),
            slug: slug.parse().unwrap(),
            title: "Synthetic consultation".into(),
            description: String::new(),
            opens_at: "2017-05-01T00:00:00Z".parse().unwrap(),
            closes_at: None,
            synthetic: true,
        },
    )
    .await
    .unwrap();
}

/// Waits for the job's end (the timeout only stops a test that would hang).
async fn finished(app: &App, job: Job) -> Job {
    tokio::time::timeout(
        std::time::Duration::from_secs(120),
        app.job_ended(&OPERATOR, "gcm", job.id),
    )
    .await
    .expect("the job ends")
    .unwrap()
}

async fn the_analysis_finds_campaigns_and_themes_and_learns_from_labels(db: TestDatabase) {
    let t = TestApp::at(db, "2017-06-01T12:00:00Z").await;
    let app = &t.app;
    open_call(app, "synthetic-test").await;
    let corpus: Vec<_> = Corpus::new(CorpusParams {
        inputs: 3_000,
        seed: 11,
        campaigns: 25,
        campaign_share: 0.6,
    })
    .collect();
    let rows: Vec<(usize, NewInput)> = corpus
        .iter()
        .enumerate()
        .map(|(i, x)| {
            (
                i + 1,
                NewInput {
                    process: "gcm".parse().unwrap(),
                    consultation: "synthetic-test".parse().unwrap(),
                    author: None,
                    organisation: Some(format!("Synthetic organisation {}", i % 40)),
                    country: Some(["MEX", "CHE", "SEN", "PHL"][i % 4].parse().unwrap()),
                    language: Some(x.language.parse().unwrap()),
                    text: x.text.clone(),
                    external_id: Some(x.external_id.clone()),
                    synthetic: true,
                },
            )
        })
        .collect();
    for chunk in rows.chunks(1_000) {
        let done = app
            .import_inputs(&OPERATOR, "gcm", "synthetic-test", chunk.to_vec())
            .await
            .unwrap();
        assert_eq!(done.imported, chunk.len());
    }
    // Inputs are stored in order: input id by corpus index.
    let ids: Vec<i64> = {
        let mut ids = Vec::new();
        let mut page = accord_app::PageRequest::first(200);
        loop {
            let l = app
                .inputs(&OPERATOR, "gcm", Some("synthetic-test"), &page)
                .await
                .unwrap();
            ids.extend(l.items.iter().map(|i| i.id));
            match l.next_cursor {
                Some(c) => page.cursor = Some(c),
                None => break,
            }
        }
        ids.sort();
        ids
    };
    assert_eq!(ids.len(), corpus.len());

    // The secretariat labels 5 inputs per theme and language.
    let secretariat = person(app, "sec@example.org", Role::Secretariat, None).await;
    let code = |theme: usize| THEMES[theme].0;
    let mut labelled: HashMap<usize, usize> = HashMap::new();
    let mut per: HashMap<(usize, &str), usize> = HashMap::new();
    for (i, x) in corpus.iter().enumerate() {
        let n = per.entry((x.theme, x.language)).or_default();
        if *n < 5 {
            *n += 1;
            app.label_theme(&secretariat, "gcm", ItemKind::Input, ids[i], code(x.theme))
                .await
                .unwrap();
            labelled.insert(i, x.theme);
        }
    }
    assert_eq!(
        kind(
            app.label_theme(&secretariat, "gcm", ItemKind::Input, ids[0], "topic-99")
                .await
        ),
        "unknown_theme"
    );
    let delegate = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    assert_eq!(
        kind(
            app.label_theme(&delegate, "gcm", ItemKind::Input, ids[0], "topic-1")
                .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.analyse(
                &secretariat,
                "gcm",
                &AnalysisOptions {
                    threshold: Some(1.5),
                    taxonomy: None
                }
            )
            .await
        ),
        "bad_request"
    );

    let run = app
        .analyse(&secretariat, "gcm", &AnalysisOptions::default())
        .await
        .unwrap();
    assert_eq!(run.inputs, corpus.len() as i64);
    assert_eq!(run.labels, labelled.len() as i64);
    assert_eq!(
        run.stats.languages.values().sum::<i64>(),
        corpus.len() as i64
    );
    assert_eq!(run.stats.regions.values().sum::<i64>(), corpus.len() as i64);
    assert!(
        run.stats.regions.contains_key("Africa"),
        "{:?}",
        run.stats.regions
    );

    // Campaigns against the truth: every input's campaign (or none).
    let mut found: Vec<u32> = Vec::with_capacity(corpus.len());
    let mut themes_right = 0;
    let mut themes_judged = 0;
    for (i, x) in corpus.iter().enumerate() {
        let a = app
            .item_analysis("gcm", ItemKind::Input, ids[i])
            .await
            .unwrap();
        found.push(match &a.campaign {
            Some(c) => c.number as u32,
            None => 1_000_000 + i as u32,
        });
        if let Some(theme) = labelled.get(&i) {
            let l = a.label.expect("the label is shown");
            assert_eq!(l.theme.as_str(), code(*theme));
            let assigned = a.assignment.unwrap();
            assert_eq!(
                assigned.theme.as_ref().map(accord_domain::Slug::as_str),
                Some(code(*theme))
            );
            assert_eq!(assigned.confidence, 1.0);
        } else {
            themes_judged += 1;
            let assigned = a.assignment.expect("every input has an assignment");
            if assigned.theme.as_ref().map(accord_domain::Slug::as_str) == Some(code(x.theme)) {
                themes_right += 1;
            }
        }
    }
    let truth: Vec<u32> = corpus
        .iter()
        .enumerate()
        .map(|(i, x)| x.campaign.unwrap_or(1_000_000 + i as u32))
        .collect();
    let scores = accord_analysis::pair_scores(&found, &truth);
    assert!(
        scores.precision > 0.95 && scores.recall > 0.95,
        "campaigns: {scores:?}"
    );
    let accuracy = themes_right as f64 / themes_judged as f64;
    assert!(accuracy >= 0.85, "theme accuracy {accuracy}");

    let st = app
        .stocktaking(&Principal::Anonymous, "gcm")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(st.themes.len(), 6);
    assert_eq!(
        st.themes.iter().map(|t| t.inputs).sum::<i64>() + st.unassigned,
        corpus.len() as i64
    );
    for th in &st.themes {
        assert!(!th.clusters.is_empty(), "{} has clusters", th.theme.code);
        for c in &th.clusters {
            assert!(!c.cluster.key_phrases.is_empty());
            assert!(!c.representatives.is_empty());
        }
    }
    let (largest, _) = &st.campaigns[0];
    assert!(largest.size >= st.campaigns[1].0.size);
    let detail = app
        .campaign(&Principal::Anonymous, "gcm", largest.number, 0)
        .await
        .unwrap();
    assert_eq!(detail.inputs.len(), largest.size.min(50) as usize);
    assert!(detail.representative.is_some());

    // A correction of one input is learned from, and a second run replaces the first.
    let moved = (0..corpus.len())
        .find(|i| !labelled.contains_key(i) && corpus[*i].campaign.is_none())
        .unwrap();
    let other = code((corpus[moved].theme + 1) % 6);
    app.label_theme(&secretariat, "gcm", ItemKind::Input, ids[moved], other)
        .await
        .unwrap();
    let second = app
        .analyse(&secretariat, "gcm", &AnalysisOptions::default())
        .await
        .unwrap();
    assert!(second.id > run.id);
    assert_eq!(second.labels, run.labels + 1);
    assert_eq!(
        second.campaigns, run.campaigns,
        "the same data, the same campaigns"
    );
    let a = app
        .item_analysis("gcm", ItemKind::Input, ids[moved])
        .await
        .unwrap();
    assert_eq!(a.run.unwrap().id, second.id);
    assert_eq!(a.assignment.unwrap().theme.unwrap().as_str(), other);
}

const FILE: &str = r#"{"external_id": "x-1", "text": "States should protect the rights of migrant workers.", "language": "en"}
{"external_id": "x-2", "text": "Les États devraient garantir l'accès aux services de base.", "language": "fr"}
not json at all
{"external_id": "x-3", "text": "", "language": "en"}
{"external_id": "x-2", "text": "The same external id again, in the same file.", "language": "en"}
"#;

async fn imports_and_analyses_run_as_jobs(db: TestDatabase) {
    let t = TestApp::at(db, "2017-06-01T12:00:00Z").await;
    let app = &t.app;
    open_call(app, "uploads").await;
    let secretariat = person(app, "sec@example.org", Role::Secretariat, None).await;
    let job = app
        .start_input_import(
            &secretariat,
            "gcm",
            "uploads",
            FILE.as_bytes().to_vec(),
            InputFormat::Jsonl,
            true,
        )
        .await
        .unwrap();
    assert_eq!(job.status, JobStatus::Running);
    let job = finished(app, job).await;
    assert_eq!(job.status, JobStatus::Succeeded, "{}", job.message);
    assert!(
        job.message
            .starts_with("5 rows read: 2 imported, 1 unchanged (imported before), 2 refused"),
        "{}",
        job.message
    );
    assert!(
        job.message.contains("line 3: not a JSON object"),
        "{}",
        job.message
    );
    assert!(job.message.contains("line 4:"), "{}", job.message);
    // The imported inputs are in the search index, each under its own id.
    let found = app
        .search(
            &Principal::Anonymous,
            accord_app::SearchRequest {
                text: "migrant workers".into(),
                filters: vec![("kind".into(), "input".into())],
                limit: 10,
                offset: 0,
            },
        )
        .await
        .unwrap();
    assert_eq!(found.total, 1, "{:?}", found.hits);
    let input = app
        .input(&Principal::Anonymous, "gcm", found.hits[0].item_id)
        .await
        .unwrap();
    assert_eq!(
        input.input.text,
        "States should protect the rights of migrant workers."
    );
    // The same file again changes nothing.
    let again = app
        .start_input_import(
            &secretariat,
            "gcm",
            "uploads",
            FILE.as_bytes().to_vec(),
            InputFormat::Jsonl,
            true,
        )
        .await
        .unwrap();
    let again = finished(app, again).await;
    assert!(
        again
            .message
            .starts_with("5 rows read: 0 imported, 3 unchanged"),
        "{}",
        again.message
    );
    // Refused before any job starts.
    assert_eq!(
        kind(
            app.start_input_import(
                &secretariat,
                "gcm",
                "uploads",
                b"id,body\n1,x\n".to_vec(),
                InputFormat::Csv,
                false
            )
            .await
        ),
        "unreadable_file"
    );
    assert_eq!(
        kind(
            app.start_input_import(
                &secretariat,
                "gcm",
                "nowhere",
                FILE.as_bytes().to_vec(),
                InputFormat::Jsonl,
                false
            )
            .await
        ),
        "not_found"
    );
    let delegate = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    assert_eq!(
        kind(
            app.start_input_import(
                &delegate,
                "gcm",
                "uploads",
                FILE.as_bytes().to_vec(),
                InputFormat::Jsonl,
                false
            )
            .await
        ),
        "forbidden"
    );
    assert_eq!(kind(app.jobs(&delegate, "gcm").await), "forbidden");

    let analysis = app
        .start_analysis(&secretariat, "gcm", AnalysisOptions::default())
        .await
        .unwrap();
    let analysis = finished(app, analysis).await;
    assert_eq!(
        analysis.status,
        JobStatus::Succeeded,
        "{}",
        analysis.message
    );
    assert!(
        analysis.message.contains("2 inputs"),
        "{}",
        analysis.message
    );
    let run = app
        .stocktaking(&Principal::Anonymous, "gcm")
        .await
        .unwrap()
        .unwrap()
        .run;
    assert_eq!(run.job, Some(analysis.id));
    let jobs = app.jobs(&secretariat, "gcm").await.unwrap();
    assert_eq!(jobs.len(), 3);
    assert_eq!(jobs[0].id, analysis.id, "latest first");
    // A job another process asks for is not found.
    assert_eq!(
        kind(app.job(&secretariat, "gcm", analysis.id + 100).await),
        "not_found"
    );
}

async fn suggestions_can_be_dismissed_and_recommendations_covered(db: TestDatabase) {
    let t = TestApp::at(db, "2017-06-01T12:00:00Z").await;
    let app = &t.app;
    open_call(app, "ideas").await;
    let text = "We recommend regular pathways for labour migration. The weather was fine. \
                States should abolish recruitment fees charged to workers.";
    let rows = vec![
        (1, input(text, "i-1")),
        (
            2,
            input(
                "States should abolish recruitment fees charged to migrant workers.",
                "i-2",
            ),
        ),
    ];
    app.import_inputs(&OPERATOR, "gcm", "ideas", rows)
        .await
        .unwrap();
    let inputs = app
        .inputs(
            &OPERATOR,
            "gcm",
            Some("ideas"),
            &accord_app::PageRequest::first(10),
        )
        .await
        .unwrap()
        .items;
    let first = inputs
        .iter()
        .find(|i| i.external_id.as_deref() == Some("i-1"))
        .unwrap();
    let second = inputs
        .iter()
        .find(|i| i.external_id.as_deref() == Some("i-2"))
        .unwrap();
    let secretariat = person(app, "sec@example.org", Role::Secretariat, None).await;

    let candidates = accord_app::suggested_recommendations(&first.text, Language::En, &[]);
    assert_eq!(candidates.len(), 2, "{candidates:?}");
    app.dismiss_suggestion(
        &secretariat,
        "gcm",
        ItemKind::Input,
        first.id,
        Language::En,
        candidates[0].start,
    )
    .await
    .unwrap();
    // Again: nothing changes.
    app.dismiss_suggestion(
        &secretariat,
        "gcm",
        ItemKind::Input,
        first.id,
        Language::En,
        candidates[0].start,
    )
    .await
    .unwrap();
    let dismissed = app.dismissals(ItemKind::Input, first.id).await.unwrap();
    assert_eq!(dismissed.len(), 1);
    assert_eq!(dismissed[0].start_char, candidates[0].start as i64);
    assert_eq!(
        kind(
            app.dismiss_suggestion(
                &secretariat,
                "gcm",
                ItemKind::Input,
                first.id,
                Language::En,
                7
            )
            .await
        ),
        "bad_request"
    );
    assert_eq!(
        kind(
            app.dismiss_suggestion(
                &secretariat,
                "gcm",
                ItemKind::Input,
                first.id + 999,
                Language::En,
                0
            )
            .await
        ),
        "not_found"
    );

    // Two recommendations that say much the same: recurring, and unanswered.
    let mut recs = Vec::new();
    for (i, passage) in [
        (
            first,
            "States should abolish recruitment fees charged to workers.",
        ),
        (
            second,
            "States should abolish recruitment fees charged to migrant workers.",
        ),
    ] {
        recs.push(
            app.mark_recommendation(
                &secretariat,
                NewRecommendation {
                    process: "gcm".parse().unwrap(),
                    source: ItemKind::Input,
                    source_id: i.id,
                    language: Language::En,
                    passage: passage.into(),
                    themes: vec!["topic-6".parse().unwrap()],
                },
            )
            .await
            .unwrap(),
        );
    }
    let coverage = app
        .coverage(&Principal::Anonymous, "gcm", None)
        .await
        .unwrap();
    let draft = coverage
        .draft
        .clone()
        .expect("the demo has the compact's draft");
    assert_eq!(coverage.items.len(), 2);
    assert_eq!(coverage.unanswered.len(), 1);
    assert_eq!(coverage.unanswered[0].times, 2);
    let version = coverage.version.clone().unwrap();
    let wid = version.text.placed()[3].wid.clone();

    let delegate = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    assert_eq!(
        kind(
            app.link_coverage(
                &delegate,
                "gcm",
                recs[0],
                draft.slug.as_str(),
                wid.as_str(),
                true
            )
            .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.link_coverage(
                &secretariat,
                "gcm",
                recs[0],
                draft.slug.as_str(),
                "no_such_para",
                true
            )
            .await
        ),
        "not_found"
    );
    assert_eq!(
        kind(
            app.link_coverage(
                &secretariat,
                "gcm",
                recs[0] + 999,
                draft.slug.as_str(),
                wid.as_str(),
                true
            )
            .await
        ),
        "not_found"
    );
    app.link_coverage(
        &secretariat,
        "gcm",
        recs[0],
        draft.slug.as_str(),
        wid.as_str(),
        true,
    )
    .await
    .unwrap();
    let coverage = app
        .coverage(&Principal::Anonymous, "gcm", None)
        .await
        .unwrap();
    let item = coverage
        .items
        .iter()
        .find(|i| i.recommendation.id == recs[0])
        .unwrap();
    assert_eq!(item.linked.len(), 1);
    assert_eq!(item.linked[0].0, wid);
    assert!(
        coverage.unanswered.is_empty(),
        "a linked recommendation answers its like"
    );
    app.link_coverage(
        &secretariat,
        "gcm",
        recs[0],
        draft.slug.as_str(),
        wid.as_str(),
        false,
    )
    .await
    .unwrap();
    assert_eq!(
        kind(
            app.link_coverage(
                &secretariat,
                "gcm",
                recs[0],
                draft.slug.as_str(),
                wid.as_str(),
                false
            )
            .await
        ),
        "not_found"
    );
    let coverage = app
        .coverage(&Principal::Anonymous, "gcm", None)
        .await
        .unwrap();
    assert_eq!(coverage.unanswered.len(), 1);
}

fn input(text: &str, external: &str) -> NewInput {
    NewInput {
        process: "gcm".parse().unwrap(),
        consultation: "ideas".parse().unwrap(),
        author: None,
        organisation: None,
        country: None,
        language: Some(Language::En),
        text: text.into(),
        external_id: Some(external.into()),
        synthetic: true,
    }
}

/// A server looks for jobs every second and for silence procedures to
/// settle every five: when there is nothing to do, the store's generation
/// stays where it is, so the page copies it keys are not all dropped (they
/// were, every second, before); when there is, it moves on.
async fn an_idle_server_s_periodic_work_keeps_the_generation(db: TestDatabase) {
    let t = TestApp::at(db, "2017-06-01T12:00:00Z").await;
    let app = &t.app;
    let before = app.generation();
    assert_eq!(app.run_jobs_once().await.unwrap(), 0);
    assert_eq!(app.settle_silence_periodically().await.unwrap(), 0);
    assert_eq!(
        app.generation(),
        before,
        "nothing was done, nothing changed"
    );

    // A job left by a stopped server whose lease has run out is work: taken,
    // committed, and the generation moves on.
    let store = t.db.store().await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_leased_job(
        &Job {
            id: 0,
            process: "gcm".parse().unwrap(),
            kind: accord_domain::stocktaking::JobKind::Analysis,
            status: JobStatus::Running,
            done: 0,
            total: None,
            message: "clustering".into(),
            created_by: "ops@example.org".into(),
            created_at: app.now(),
            finished_at: None,
        },
        Some(r#"{"taxonomy":null,"threshold":0.8}"#),
        &accord_store::JobLease {
            owner: "a stopped server".into(),
            until: chrono::Utc::now() - chrono::Duration::minutes(1),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let before = app.generation();
    assert_eq!(app.run_jobs_once().await.unwrap(), 1);
    assert!(app.generation() > before, "a job taken is a write");
}

/// Jobs a server left running when it stopped: on SQLite (one server) the
/// next start lets every lease go, so the analysis runs again at once and
/// the import (whose file is gone) is failed; on PostgreSQL other servers
/// may hold theirs, so nothing is touched until a lease runs out.
async fn jobs_a_stopped_server_left_are_taken_again_or_failed(db: TestDatabase) {
    let t = TestApp::at(db, "2017-06-01T12:00:00Z").await;
    let app = &t.app;
    let store = t.db.store().await;
    let left = |kind| Job {
        id: 0,
        process: "gcm".parse().unwrap(),
        kind,
        status: JobStatus::Running,
        done: 0,
        total: None,
        message: "reading inputs".into(),
        created_by: "ops@example.org".into(),
        created_at: app.now(),
        finished_at: None,
    };
    let gone = accord_store::JobLease {
        owner: "a stopped server".into(),
        until: chrono::Utc::now() + chrono::Duration::hours(1),
    };
    let mut tx = store.begin().await.unwrap();
    let analysis = tx
        .insert_leased_job(
            &left(accord_domain::stocktaking::JobKind::Analysis),
            Some(r#"{"taxonomy":null,"threshold":0.8}"#),
            &gone,
        )
        .await
        .unwrap();
    let import = tx
        .insert_leased_job(
            &left(accord_domain::stocktaking::JobKind::ImportInputs),
            None,
            &gone,
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let released = app.recover_jobs_at_start().await.unwrap();
    let taken = app.run_jobs_once().await.unwrap();
    let job = |id| async move { app.job(&OPERATOR, "gcm", id).await.unwrap() };
    if app.backend() == "sqlite" {
        assert_eq!(released, 2);
        assert_eq!(
            taken, 1,
            "the analysis is taken again, the import cannot be"
        );
        let import = job(import).await;
        assert_eq!(import.status, JobStatus::Failed);
        assert!(
            import.message.contains("start it again"),
            "{}",
            import.message
        );
        let analysis = finished(app, job(analysis).await).await;
        assert_eq!(
            analysis.status,
            JobStatus::Succeeded,
            "{}",
            analysis.message
        );
        let run = app
            .stocktaking(&Principal::Anonymous, "gcm")
            .await
            .unwrap()
            .unwrap()
            .run;
        assert_eq!(run.job, Some(analysis.id));
        assert_eq!(run.threshold, 0.8, "started again with its own options");
    } else {
        assert_eq!((released, taken), (0, 0));
        assert_eq!(job(analysis).await.status, JobStatus::Running);
        assert_eq!(job(import).await.status, JobStatus::Running);
    }
}

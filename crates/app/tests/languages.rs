//! A version in the six official languages, on both real stores, with real
//! UN text: the Universal Declaration of Human Rights (`shared/data/udhr`),
//! whose preamble is split differently in each language — so the demo joins
//! it into one paragraph, and the 30 articles align by their place.

use accord_app::negotiation::{DraftRequest, ImportSource};
use accord_app::{App, AppError, Principal};
use accord_domain::negotiation::TranslationStatus;
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    the_udhr_in_six_languages_aligns_node_by_node,
    a_translation_that_does_not_fit_changes_nothing,
);

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

/// The UDHR in one language as a draft in the documented Markdown format:
/// the preamble as paragraph 1, the articles as paragraphs 2–31.
fn udhr_markdown(code: &str, upto: usize) -> Option<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/udhr/");
    let html = std::fs::read_to_string(format!("{path}{code}.html")).ok()?;
    let inner = |s: &str, tag: &str| -> Vec<String> {
        let open = format!("<{tag}");
        s.split(&open)
            .skip(1)
            .filter_map(|part| {
                let start = part.find('>')? + 1;
                let end = part.find(&format!("</{tag}>"))?;
                Some(part[start..end].trim().to_owned())
            })
            .collect()
    };
    let title = inner(&html, "h1").remove(0);
    let header = html.split("<header>").nth(1)?.split("</header>").next()?;
    let preamble_title = inner(header, "h2").remove(0);
    let preamble = inner(header, "p").join(" ");
    let mut md = format!("# {title}\n\n## {preamble_title}\n\n1. {preamble}\n\n## ☐\n\n");
    for (i, article) in html.split("<article").skip(1).take(upto).enumerate() {
        let words = inner(article, "p").join(" ");
        md.push_str(&format!("{}. {words}\n\n", i + 2));
    }
    Some(md)
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

async fn udhr_draft(app: &App) -> Option<()> {
    let en = udhr_markdown("eng", 30)?;
    app.create_draft(
        &OPERATOR,
        "gcm",
        DraftRequest::negotiating_text("udhr", "Universal Declaration of Human Rights", false),
    )
    .await
    .unwrap();
    app.import_version(
        &OPERATOR,
        "gcm",
        "udhr",
        "1948",
        Some("1948-12-10".parse().unwrap()),
        ImportSource::Markdown(en.replace("## ☐", "## Articles {#articles}")),
        true,
    )
    .await
    .unwrap();
    Some(())
}

async fn the_udhr_in_six_languages_aligns_node_by_node(db: TestDatabase) {
    let t = TestApp::at(db, "2018-07-13T12:00:00Z").await;
    let app = &t.app;
    if udhr_draft(app).await.is_none() {
        eprintln!("shared/data/udhr is not here: skipped");
        return;
    }
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    for (code, lang, heading) in [
        ("fra", Language::Fr, "Articles"),
        ("spa", Language::Es, "Artículos"),
        ("rus", Language::Ru, "Статьи"),
        ("arb", Language::Ar, "المواد"),
        ("cmn_hans", Language::Zh, "条款"),
    ] {
        let md = udhr_markdown(code, 30).unwrap().replace("☐", heading);
        let progress = app
            .put_expression(&sec, "gcm", "udhr", 1, lang, ImportSource::Markdown(md))
            .await
            .unwrap();
        assert_eq!(
            progress.total, 33,
            "2 sections, the preamble and 30 articles"
        );
        assert_eq!(progress.translated, 33, "{lang}");
    }
    let view = app
        .languages(
            "gcm",
            "udhr",
            1,
            &[Language::En, Language::Fr, Language::Ar],
        )
        .await
        .unwrap();
    assert_eq!(view.progress.len(), 6);
    assert!(view.progress.iter().all(|p| p.translated == p.total));
    // Article 1 is paragraph 2 in every language.
    let article_1 = view.rows.iter().find(|r| r.num == "2.").unwrap();
    assert!(article_1.cells[0]
        .text
        .starts_with("All human beings are born free"));
    assert!(article_1.cells[1]
        .text
        .starts_with("Tous les êtres humains naissent libres"));
    assert!(article_1.cells[2]
        .text
        .starts_with("يولد جميع الناس أحرارًا"));
    assert!(article_1
        .cells
        .iter()
        .skip(1)
        .all(|c| c.status == TranslationStatus::Translated));
    // The original first, then the others in the UN's order.
    let order: Vec<Language> = view.titles.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        order,
        [
            Language::En,
            Language::Ar,
            Language::Zh,
            Language::Fr,
            Language::Ru,
            Language::Es
        ]
    );
    assert_eq!(
        view.titles[3].1,
        "Déclaration universelle des droits de l’homme"
    );
    // The French text, for exports: every node in French.
    let (_, fr) = app
        .version_in("gcm", "udhr", 1, Language::Fr)
        .await
        .unwrap();
    assert_eq!(
        fr.text.title,
        "Déclaration universelle des droits de l’homme"
    );
    assert!(fr.text.iter().any(|n| n.heading == "Préambule"));

    // A partial Spanish text replaces the whole one: 10 articles.
    let partial = udhr_markdown("spa", 10).unwrap().replace("☐", "Artículos");
    let progress = app
        .put_expression(
            &sec,
            "gcm",
            "udhr",
            1,
            Language::Es,
            ImportSource::Markdown(partial),
        )
        .await
        .unwrap();
    assert_eq!(progress.translated, 13);
    let view = app
        .languages("gcm", "udhr", 1, &[Language::Es])
        .await
        .unwrap();
    let article_30 = view.rows.iter().find(|r| r.num == "31.").unwrap();
    assert_eq!(article_30.cells[0].status, TranslationStatus::Missing);
    assert!(article_30.cells[0].text.is_empty());
    // Its export keeps the English wording where Spanish is missing.
    let (_, es) = app
        .version_in("gcm", "udhr", 1, Language::Es)
        .await
        .unwrap();
    let last = es.text.iter().last().unwrap();
    assert!(
        last.text.starts_with("Nothing in this Declaration"),
        "{}",
        last.text
    );
}

async fn a_translation_that_does_not_fit_changes_nothing(db: TestDatabase) {
    let t = TestApp::at(db, "2018-07-13T12:00:00Z").await;
    let app = &t.app;
    if udhr_draft(app).await.is_none() {
        eprintln!("shared/data/udhr is not here: skipped");
        return;
    }
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let fr = udhr_markdown("fra", 30).unwrap().replace("☐", "Articles");
    app.put_expression(
        &sec,
        "gcm",
        "udhr",
        1,
        Language::Fr,
        ImportSource::Markdown(fr.clone()),
    )
    .await
    .unwrap();
    // An article too many.
    let extra = format!("{fr}32. Un article de plus.\n");
    let err = app
        .put_expression(
            &sec,
            "gcm",
            "udhr",
            1,
            Language::Fr,
            ImportSource::Markdown(extra),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "bad_structure");
    assert!(err.to_string().contains("32."), "{err}");
    // English is the original; a language the process does not have.
    assert_eq!(
        kind(
            app.put_expression(
                &sec,
                "gcm",
                "udhr",
                1,
                Language::En,
                ImportSource::Markdown(fr.clone())
            )
            .await
        ),
        "invalid"
    );
    // Nothing recognisable; a version that does not exist; not the secretariat's.
    assert_eq!(
        kind(
            app.put_expression(
                &sec,
                "gcm",
                "udhr",
                1,
                Language::Ru,
                ImportSource::Markdown("just words".into())
            )
            .await
        ),
        "no_numbering"
    );
    assert_eq!(
        kind(
            app.put_expression(
                &sec,
                "gcm",
                "udhr",
                9,
                Language::Fr,
                ImportSource::Markdown(fr.clone())
            )
            .await
        ),
        "not_found"
    );
    let delegate = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    assert_eq!(
        kind(
            app.put_expression(
                &delegate,
                "gcm",
                "udhr",
                1,
                Language::Fr,
                ImportSource::Markdown(fr)
            )
            .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.put_expression(
                &sec,
                "gcm",
                "udhr",
                1,
                Language::Fr,
                ImportSource::Docx(b"PK\x03\x04not a zip".to_vec())
            )
            .await
        ),
        "unreadable"
    );
    // The French text is as it was.
    let view = app
        .languages("gcm", "udhr", 1, &[Language::Fr])
        .await
        .unwrap();
    let fr_progress = view
        .progress
        .iter()
        .find(|p| p.language == Language::Fr)
        .unwrap();
    assert_eq!(fr_progress.translated, 33);
    assert!(view
        .rows
        .iter()
        .all(|r| !r.cells[0].text.contains("Un article de plus")));
}

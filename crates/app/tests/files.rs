//! Files through the app layer, on both real stores: uploaded to a statement
//! or a document in a language, kept by their hash, read into text (at once
//! or in the background), downloaded byte for byte by those who may see them.

use accord_app::files::Upload;
use accord_app::{App, AppError, Principal};
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    a_file_becomes_the_text_of_a_statement,
    bad_files_get_specific_errors_and_change_nothing,
    large_files_are_read_in_the_background,
);

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

async fn setup(t: &TestApp, distribution: Distribution) -> i64 {
    let m = t
        .app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id;
    t.app
        .add_statement(
            &OPERATOR,
            NewStatement {
                process: "gcm".parse().unwrap(),
                meeting: m,
                agenda_item: 0,
                actor: "MEX".parse().unwrap(),
                on_behalf_of: None,
                title: "Test statement".into(),
                delivered_on: "2017-05-08".parse().unwrap(),
                distribution,
                embargo_until: None,
                synthetic: true,
            },
            vec![],
        )
        .await
        .unwrap()
}

fn upload(name: &str, bytes: &[u8], language: Option<Language>) -> Upload {
    Upload {
        filename: name.into(),
        bytes: bytes.to_vec(),
        language,
    }
}

const MARKDOWN: &str = "# Statement\n\nMr. Chair, all migrants must have access to basic services, whatever their status.\n\nStates should protect the rights of migrant workers and their families.\n";

async fn a_file_becomes_the_text_of_a_statement(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-08T15:00:00Z").await;
    let app = &t.app;
    let id = setup(&t, Distribution::Public).await;
    let done = app
        .upload(
            &OPERATOR,
            "gcm",
            ItemKind::Statement,
            id,
            upload("../statement.md", MARKDOWN.as_bytes(), None),
        )
        .await
        .unwrap();
    assert_eq!(done.language, Language::En, "detected");
    assert_eq!(done.status, TextStatus::Ready);
    assert_eq!(done.file.content_type, "text/markdown; charset=utf-8");
    assert_eq!(done.file.filename, "statement.md");
    let texts = app
        .statement(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap()
        .texts;
    assert_eq!(texts.len(), 1);
    assert!(texts[0].language_detected);
    assert!(texts[0].body.contains("States should protect the rights"));
    assert_eq!(
        texts[0].blocks[0],
        TextBlock::Heading {
            level: 1,
            text: "Statement".into()
        }
    );
    let got = app
        .download(
            &Principal::Anonymous,
            "gcm",
            ItemKind::Statement,
            id,
            Language::En,
        )
        .await
        .unwrap();
    assert_eq!(got.file.size, MARKDOWN.len() as u64);
    assert_eq!(got.file.sha256.len(), 64);
    assert_eq!(
        got.read_all().await.unwrap(),
        MARKDOWN.as_bytes(),
        "byte for byte"
    );

    // An HTML file: its scripts are never text.
    let html = b"<html><head><script>alert('x')</script></head><body><h1>D\xc3\xa9claration</h1><p onclick=\"evil()\">Les \xc3\x89tats doivent prot\xc3\xa9ger les droits de tous les migrants, quel que soit leur statut.</p></body></html>";
    let fr = app
        .upload(
            &OPERATOR,
            "gcm",
            ItemKind::Statement,
            id,
            upload("fr.html", html, Some(Language::Fr)),
        )
        .await
        .unwrap();
    assert_eq!(fr.language, Language::Fr);
    let texts = app
        .statement(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap()
        .texts;
    let french = texts.iter().find(|t| t.language == Language::Fr).unwrap();
    assert!(french.body.contains("Les États doivent protéger"));
    assert!(!french.body.contains("alert"));

    // The same bytes uploaded twice are kept once; a restricted statement's
    // file is not found for the public.
    let hidden = setup(&t, Distribution::Restricted).await;
    let again = app
        .upload(
            &OPERATOR,
            "gcm",
            ItemKind::Statement,
            hidden,
            upload("copy.md", MARKDOWN.as_bytes(), None),
        )
        .await
        .unwrap();
    assert_eq!(again.file.sha256, done.file.sha256);
    assert_eq!(
        kind(
            app.download(
                &Principal::Anonymous,
                "gcm",
                ItemKind::Statement,
                hidden,
                Language::En
            )
            .await
        ),
        "not_found"
    );
    app.download(&OPERATOR, "gcm", ItemKind::Statement, hidden, Language::En)
        .await
        .unwrap();

    // Who may upload: the secretariat for a document; a delegate only for
    // their own state's statement.
    let mex = Principal::Account(
        app.create_account(
            &OPERATOR,
            "mex@example.org",
            "M",
            PASSWORD,
            &[RoleGrant {
                role: Role::Delegate,
                process: Some("gcm".parse().unwrap()),
                actor: Some("MEX".parse().unwrap()),
            }],
        )
        .await
        .unwrap(),
    );
    app.upload(&mex, "gcm", ItemKind::Statement, id, upload("es.txt", "Todos los migrantes deben tener acceso a los servicios básicos, cualquiera que sea su situación.".as_bytes(), None))
        .await
        .unwrap();
    let document = app.all_documents(&OPERATOR, "gcm").await.unwrap()[0].id;
    assert_eq!(
        kind(
            app.upload(
                &mex,
                "gcm",
                ItemKind::Document,
                document,
                upload("d.md", MARKDOWN.as_bytes(), None)
            )
            .await
        ),
        "forbidden"
    );
    app.upload(
        &OPERATOR,
        "gcm",
        ItemKind::Document,
        document,
        upload("d.md", MARKDOWN.as_bytes(), None),
    )
    .await
    .unwrap();
    assert_eq!(
        app.document_texts(&Principal::Anonymous, "gcm", document)
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn bad_files_get_specific_errors_and_change_nothing(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-08T15:00:00Z").await;
    let app = t.app.clone().with_upload_limits(4096, 4096);
    let id = setup(&t, Distribution::Public).await;
    let before = app.verify_audit().await.unwrap().unwrap();
    let png =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00";
    for (file, expected) in [
        (upload("empty.txt", b"", Some(Language::En)), "invalid"),
        (
            upload("big.txt", &vec![b'a'; 5000], Some(Language::En)),
            "too_large",
        ),
        (
            upload("picture.txt", png, Some(Language::En)),
            "unsupported_media_type",
        ),
        (upload("short.txt", b"ok", None), "invalid"),
        (upload("x.md", b"x", Some(Language::En)), "ok"),
    ] {
        let name = file.filename.clone();
        let r = app
            .upload(&OPERATOR, "gcm", ItemKind::Statement, id, file)
            .await;
        if expected == "ok" {
            r.unwrap();
            continue;
        }
        assert_eq!(kind(r), expected, "{name}");
    }
    assert_eq!(
        app.verify_audit().await.unwrap().unwrap(),
        before + 1,
        "only the good upload was recorded"
    );
    assert_eq!(
        kind(
            app.upload(
                &OPERATOR,
                "gcm",
                ItemKind::Statement,
                999_999,
                upload("x.md", b"x", Some(Language::En))
            )
            .await
        ),
        "not_found"
    );
    assert_eq!(
        kind(
            app.upload(
                &Principal::Anonymous,
                "gcm",
                ItemKind::Statement,
                id,
                upload("x.md", b"x", Some(Language::En))
            )
            .await
        ),
        "unauthenticated"
    );
}

async fn large_files_are_read_in_the_background(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-08T15:00:00Z").await;
    let app: App = t.app.clone().with_upload_limits(1 << 20, 64);
    let id = setup(&t, Distribution::Public).await;
    assert_eq!(
        kind(
            app.upload(
                &OPERATOR,
                "gcm",
                ItemKind::Statement,
                id,
                upload("s.md", MARKDOWN.as_bytes(), None)
            )
            .await
        ),
        "bad_request",
        "a file read later needs its language now"
    );
    let out = app
        .upload(
            &OPERATOR,
            "gcm",
            ItemKind::Statement,
            id,
            upload("s.md", MARKDOWN.as_bytes(), Some(Language::En)),
        )
        .await
        .unwrap();
    assert_eq!(out.status, TextStatus::Pending);
    app.finish_extractions().await;
    let text = &app
        .statement(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap()
        .texts[0];
    assert_eq!(text.status, TextStatus::Ready);
    assert!(text.body.contains("migrant workers"));
    // A pending text left by a stopped server is picked up again.
    assert_eq!(app.resume_extractions().await.unwrap(), 0);
}

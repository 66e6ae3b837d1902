//! Writing: replace by key, delete an item, clear, reopen, rebuild an index of
//! an older schema, bulk reindexing.

mod common;

use accord_search::{Language, SearchDoc, SearchError, SearchIndex};
use common::*;

fn statement(id: i64, language: Language, body: &str) -> SearchDoc {
    doc("statement", id, language, "Statement", body)
}

#[test]
fn upserting_a_key_again_replaces_the_document() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(&[statement(1, Language::En, "About remittances.")])
        .unwrap();
    index
        .upsert(&[statement(1, Language::En, "About climate displacement.")])
        .unwrap();
    assert_eq!(index.doc_count(), 1);
    assert_eq!(
        index
            .search(&public(), &query("remittances"))
            .unwrap()
            .total,
        0
    );
    assert_eq!(index.search(&public(), &query("climate")).unwrap().total, 1);
    // Twice in one batch: the last wins.
    index
        .upsert(&[
            statement(2, Language::En, "First draft."),
            statement(2, Language::En, "Second draft."),
        ])
        .unwrap();
    assert_eq!(index.doc_count(), 2);
    let results = index.search(&public(), &query("draft")).unwrap();
    assert_eq!(results.total, 1);
    assert!(results.hits[0].snippet_html.contains("Second"));
    // A republished item that became restricted disappears for the public.
    index
        .upsert(&[SearchDoc {
            distribution: accord_search::Distribution::MemberStates,
            ..statement(2, Language::En, "Second draft.")
        }])
        .unwrap();
    assert_eq!(index.search(&public(), &query("draft")).unwrap().total, 0);
    assert_eq!(
        index
            .search(&member_states(), &query("draft"))
            .unwrap()
            .total,
        1
    );
}

#[test]
fn deleting_an_item_removes_every_language() {
    let index = SearchIndex::in_memory().unwrap();
    let mut docs = Vec::new();
    for &language in Language::ALL {
        docs.push(statement(1, language, "Migration 移民 الهجرة миграция"));
        docs.push(statement(2, language, "Migration 移民 الهجرة миграция"));
    }
    // Same id, other kind: untouched.
    docs.push(doc("document", 1, Language::En, "Doc", "Migration."));
    index.upsert(&docs).unwrap();
    assert_eq!(index.doc_count(), 13);
    index.delete_item("statement", 1).unwrap();
    assert_eq!(index.doc_count(), 7);
    let results = index.search(&public(), &query("")).unwrap();
    assert!(results.hits.iter().all(|h| h.key != "statement:1:en"));
    assert!(results.hits.iter().any(|h| h.key == "document:1:en"));
    assert_eq!(
        results
            .hits
            .iter()
            .filter(|h| h.kind == "statement" && h.item_id == 2)
            .count(),
        6
    );
    // Deleting what is not there is fine.
    index.delete_item("statement", 99).unwrap();
    index.clear().unwrap();
    assert_eq!(index.doc_count(), 0);
    assert_eq!(index.search(&secretariat(), &query("")).unwrap().total, 0);
}

#[test]
fn documents_without_a_key_are_refused() {
    let index = SearchIndex::in_memory().unwrap();
    let mut bad = statement(1, Language::En, "Text.");
    bad.key = " ".into();
    assert!(matches!(index.upsert(&[bad]), Err(SearchError::Index(_))));
    assert_eq!(index.doc_count(), 0);
}

#[test]
fn reopening_the_directory_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    {
        let index = SearchIndex::open(&path).unwrap();
        assert!(!index.was_rebuilt());
        index.upsert(&udhr_docs(Language::Es)).unwrap();
        assert_eq!(index.doc_count(), 30);
    }
    let index = SearchIndex::open(&path).unwrap();
    assert!(!index.was_rebuilt());
    assert_eq!(index.doc_count(), 30);
    let results = index.search(&public(), &query("dignidad")).unwrap();
    assert!(results.hits.iter().any(|h| h.key == "document:1:es"));
    // And it still takes writes.
    index.delete_item("document", 1).unwrap();
    assert_eq!(index.doc_count(), 29);
}

#[test]
fn an_index_with_an_older_schema_is_rebuilt_empty() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut builder = tantivy::schema::Schema::builder();
        let text = builder.add_text_field("text", tantivy::schema::TEXT);
        let index = tantivy::Index::create_in_dir(dir.path(), builder.build()).unwrap();
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        writer
            .add_document(tantivy::doc!(text => "an old document"))
            .unwrap();
        writer.commit().unwrap();
    }
    rebuilt_empty_then_kept(dir.path());
}

/// Opening the index in `dir` rebuilds it empty; once written to, it is kept.
fn rebuilt_empty_then_kept(dir: &std::path::Path) {
    let index = SearchIndex::open(dir).unwrap();
    assert!(index.was_rebuilt());
    assert_eq!(index.doc_count(), 0);
    index
        .upsert(&[statement(2, Language::En, "A new document.")])
        .unwrap();
    drop(index);
    let index = SearchIndex::open(dir).unwrap();
    assert!(!index.was_rebuilt(), "rebuilt once, then kept");
    assert_eq!(index.doc_count(), 1);
}

#[test]
fn an_index_with_other_settings_is_rebuilt_empty() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    index
        .upsert(&[statement(1, Language::En, "An old document.")])
        .unwrap();
    drop(index);
    // As an earlier Accord left it: the same schema, stored fields compressed
    // with LZ4 on a thread of their own (Tantivy's defaults).
    let meta = dir.path().join("meta.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    let settings = json["index_settings"].as_object_mut().unwrap();
    assert_eq!(settings["docstore_compression"], "none");
    settings.insert("docstore_compression".into(), "lz4".into());
    settings.remove("docstore_compress_dedicated_thread");
    std::fs::write(&meta, json.to_string()).unwrap();
    rebuilt_empty_then_kept(dir.path());
}

#[test]
fn an_unreadable_index_is_rebuilt_and_a_foreign_directory_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("meta.json"), "not json").unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    assert!(index.was_rebuilt());
    assert_eq!(index.doc_count(), 0);

    let foreign = tempfile::tempdir().unwrap();
    std::fs::write(foreign.path().join("thesis.txt"), "precious").unwrap();
    assert!(matches!(
        SearchIndex::open(foreign.path()),
        Err(SearchError::Index(_))
    ));
    assert!(foreign.path().join("thesis.txt").exists());
}

#[test]
fn a_second_writer_on_the_same_directory_gets_an_error_while_the_first_writes() {
    let dir = tempfile::tempdir().unwrap();
    let first = SearchIndex::open(dir.path()).unwrap();
    first
        .upsert(&[statement(1, Language::En, "Held.")])
        .unwrap();
    let second = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(second.doc_count(), 1);
    // Between writes the first holds no writer (nor its memory): the second
    // writes, from the first's last commit.
    second
        .upsert(&[statement(2, Language::En, "Accepted between writes.")])
        .unwrap();
    assert_eq!(second.doc_count(), 2);
    // While the first writes, the second is refused, and nothing is lost.
    let bulk = first.bulk().unwrap();
    assert!(matches!(
        second.upsert(&[statement(3, Language::En, "Refused.")]),
        Err(SearchError::Busy(_))
    ));
    drop(bulk);
    second
        .upsert(&[statement(3, Language::En, "Now accepted.")])
        .unwrap();
    assert_eq!(second.doc_count(), 3);
    drop(second);
    first
        .upsert(&[statement(4, Language::En, "The first again.")])
        .unwrap();
    assert_eq!(first.doc_count(), 4);
}

#[test]
fn bulk_writes_many_documents_with_one_commit() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    index
        .upsert(&[statement(1, Language::En, "Already there.")])
        .unwrap();
    let mut bulk = index.bulk().unwrap();
    for &language in Language::ALL {
        for d in udhr_docs(language) {
            bulk.add(&d).unwrap();
        }
    }
    assert_eq!(bulk.added(), 180);
    // Nothing is visible before the commit.
    assert_eq!(index.doc_count(), 1);
    assert_eq!(bulk.commit().unwrap(), 180);
    assert_eq!(index.doc_count(), 181);
    let results = index.search(&public(), &query("尊严")).unwrap();
    assert!(results.hits.iter().any(|h| h.key == "document:1:zh"));
    // Ordinary writes work again afterwards.
    index.delete_item("statement", 1).unwrap();
    assert_eq!(index.doc_count(), 180);
}

#[test]
fn bulk_can_replace_the_whole_index_in_one_step() {
    let index = SearchIndex::in_memory().unwrap();
    index.upsert(&udhr_docs(Language::En)).unwrap();
    let mut bulk = index.bulk().unwrap();
    bulk.delete_all().unwrap();
    for d in udhr_docs(Language::Fr) {
        bulk.add(&d).unwrap();
    }
    // Searches still see the old contents until the commit.
    let before = index.search(&public(), &query("dignity")).unwrap().total;
    assert!(before >= 1);
    bulk.commit().unwrap();
    assert_eq!(index.doc_count(), 30);
    assert_eq!(index.search(&public(), &query("dignity")).unwrap().total, 0);
    assert!(index.search(&public(), &query("dignité")).unwrap().total >= 1);
}

#[test]
fn a_bulk_writer_dropped_without_commit_adds_nothing() {
    let index = SearchIndex::in_memory().unwrap();
    {
        let mut bulk = index.bulk().unwrap();
        bulk.delete_all().unwrap();
        bulk.add(&statement(1, Language::En, "Never committed."))
            .unwrap();
    }
    assert_eq!(index.doc_count(), 0);
    index
        .upsert(&[statement(2, Language::En, "Committed.")])
        .unwrap();
    assert_eq!(index.doc_count(), 1);
}

/// The bulk writer skips deleting keys it has not seen when the index was
/// empty (or emptied by `delete_all`): a key added twice must still end up
/// once, the last version winning, in each of the ways a bulk can start.
#[test]
fn a_key_added_twice_in_one_bulk_ends_up_once() {
    let count =
        |index: &SearchIndex, text: &str| index.search(&public(), &query(text)).unwrap().total;
    // An empty index.
    let empty = SearchIndex::in_memory().unwrap();
    let mut bulk = empty.bulk().unwrap();
    bulk.add(&statement(1, Language::En, "First remittances."))
        .unwrap();
    bulk.add(&statement(2, Language::En, "Another climate."))
        .unwrap();
    bulk.add(&statement(1, Language::En, "Second detention."))
        .unwrap();
    bulk.add(&statement(1, Language::En, "Third pathways."))
        .unwrap();
    bulk.commit().unwrap();
    assert_eq!(empty.doc_count(), 2);
    assert_eq!(count(&empty, "remittances"), 0);
    assert_eq!(count(&empty, "detention"), 0);
    assert_eq!(count(&empty, "pathways"), 1);
    assert_eq!(count(&empty, "climate"), 1);

    // An index emptied in the same bulk, the key there before too.
    let mut bulk = empty.bulk().unwrap();
    bulk.add(&statement(3, Language::En, "Added before the emptying."))
        .unwrap();
    bulk.delete_all().unwrap();
    bulk.add(&statement(1, Language::En, "Fourth labour."))
        .unwrap();
    bulk.add(&statement(1, Language::En, "Fifth smuggling."))
        .unwrap();
    bulk.commit().unwrap();
    assert_eq!(empty.doc_count(), 1);
    assert_eq!(count(&empty, "pathways"), 0);
    assert_eq!(count(&empty, "labour"), 0);
    assert_eq!(count(&empty, "emptying"), 0);
    assert_eq!(count(&empty, "smuggling"), 1);

    // An index that holds the key: replaced, and once more in the bulk.
    let mut bulk = empty.bulk().unwrap();
    bulk.add(&statement(1, Language::En, "Sixth integration."))
        .unwrap();
    bulk.add(&statement(1, Language::En, "Seventh children."))
        .unwrap();
    bulk.commit().unwrap();
    assert_eq!(empty.doc_count(), 1);
    assert_eq!(count(&empty, "smuggling"), 0);
    assert_eq!(count(&empty, "integration"), 0);
    assert_eq!(count(&empty, "children"), 1);

    // An index whose documents were all deleted (segments remain, no live
    // document): fresh again.
    empty.delete_item("statement", 1).unwrap();
    assert_eq!(empty.doc_count(), 0);
    let mut bulk = empty.bulk().unwrap();
    bulk.add(&statement(1, Language::En, "Eighth gender."))
        .unwrap();
    bulk.add(&statement(1, Language::En, "Ninth climate."))
        .unwrap();
    bulk.commit().unwrap();
    assert_eq!(empty.doc_count(), 1);
    assert_eq!(count(&empty, "gender"), 0);
    assert_eq!(count(&empty, "climate"), 1);
}

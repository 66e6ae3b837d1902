//! The index's schema: which fields exist and how each is indexed.

use accord_domain::Language;
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
    STORED, STRING,
};

use crate::analysis::tokenizer_name;

/// Handles on every field of the schema.
#[derive(Clone)]
pub(crate) struct Fields {
    /// Unique key ("statement:12:en"); raw, indexed, stored.
    pub key: Field,
    /// "kind:item_id", to delete every language of an item at once; raw, indexed.
    pub item: Field,
    pub kind: Field,
    pub item_id: Field,
    pub process: Field,
    pub actor: Field,
    pub language: Field,
    pub url: Field,
    pub synthetic: Field,
    /// Fast i64: browsing orders by it.
    pub year: Field,
    /// 0 public, 1 member states, 2 secretariat; indexed and fast (range filter).
    pub distribution: Field,
    /// Unix seconds; `i64::MIN` when there is no embargo; indexed and fast.
    pub embargo_until: Field,
    /// One hierarchical facet field: `/process/gcm`, `/theme/labour`, `/year/2024`…
    pub facets: Field,
    /// `title_ar` … `title_es`, indexed with the language's analyser, stored.
    pub title: Vec<Field>,
    /// `body_ar` … `body_es`, indexed with positions, stored (snippets).
    pub body: Vec<Field>,
}

/// Index of a language in `Language::ALL` (and in `Fields::title`/`body`).
pub(crate) fn slot(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|&l| l == language)
        .unwrap_or_default()
}

impl Fields {
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let stored = || TextOptions::default().set_stored();
        let key = b.add_text_field("key", STRING | STORED);
        let item = b.add_text_field("item", STRING);
        let kind = b.add_text_field("kind", stored());
        let item_id = b.add_i64_field("item_id", STORED);
        let process = b.add_text_field("process", stored());
        let actor = b.add_text_field("actor", stored());
        let language = b.add_text_field("language", stored());
        let url = b.add_text_field("url", stored());
        let synthetic = b.add_bool_field("synthetic", STORED | INDEXED);
        let year = b.add_i64_field("year", STORED | INDEXED | FAST);
        let distribution = b.add_u64_field("distribution", INDEXED | FAST);
        let embargo_until = b.add_i64_field("embargo_until", INDEXED | FAST);
        let facets = b.add_facet_field("facets", FacetOptions::default());
        let text = |language: Language| {
            TextOptions::default().set_stored().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(&tokenizer_name(language))
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
        };
        let mut title = Vec::new();
        let mut body = Vec::new();
        for &l in Language::ALL {
            title.push(b.add_text_field(&format!("title_{}", l.as_str()), text(l)));
        }
        for &l in Language::ALL {
            body.push(b.add_text_field(&format!("body_{}", l.as_str()), text(l)));
        }
        let fields = Fields {
            key,
            item,
            kind,
            item_id,
            process,
            actor,
            language,
            url,
            synthetic,
            year,
            distribution,
            embargo_until,
            facets,
            title,
            body,
        };
        (b.build(), fields)
    }
}

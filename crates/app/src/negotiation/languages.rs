//! A version in the six official languages: the secretariat's translation
//! services give a version's text in another language (Markdown or DOCX, the
//! structure of the original; nodes found by their `{#wid}` or by their
//! place), stored as an `Expression` aligned node by node; readers see each
//! language's translation status per node, two languages side by side, and
//! export any language (the original's wording stands in where a node is not
//! translated yet).

use accord_domain::negotiation::{
    align, translated_text, translation_status, Draft, Expression, NodeKind, TranslationStatus,
    Version,
};
use accord_domain::{Language, ValidationError};
use serde::Serialize;

use crate::negotiation::{nth_version, recognise, ImportSource};
use crate::policy::{authorize, Action, Principal};
use crate::{App, Result};

/// The language a version is written in; the others are translations.
pub const ORIGINAL: Language = Language::En;

/// How far one language is.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LanguageProgress {
    pub language: Language,
    pub original: bool,
    /// Nodes with words in this language, of `total`.
    pub translated: usize,
    pub total: usize,
    pub updated_by: Option<String>,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// One node in one language.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = LanguageCell))]
pub struct Cell {
    pub language: Language,
    pub heading: String,
    pub text: String,
    pub status: TranslationStatus,
}

/// One node of the version, in the languages asked for.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = LanguageRow))]
pub struct Row {
    pub wid: String,
    pub eid: String,
    pub num: String,
    pub kind: NodeKind,
    pub depth: usize,
    pub cells: Vec<Cell>,
}

/// A version's languages: progress in each of the process's languages, and
/// its nodes side by side in `shown`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LanguagesView {
    pub draft: Draft,
    pub version_seq: u32,
    pub version_label: String,
    pub titles: Vec<(Language, String)>,
    pub progress: Vec<LanguageProgress>,
    pub shown: Vec<Language>,
    pub rows: Vec<Row>,
}

impl App {
    async fn version_of(&self, process: &str, draft: &str, seq: u32) -> Result<(Draft, Version)> {
        let draft = self.find_draft(process, draft).await?;
        let versions = self.store.list_versions(draft.id).await?;
        let version = nth_version(&versions, &draft, seq)?.clone();
        Ok((draft, version))
    }

    /// Records a version's text in `language` (the co-facilitators, and the
    /// secretariat for them), replacing what that language had.
    pub async fn put_expression(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
        language: Language,
        source: ImportSource,
    ) -> Result<LanguageProgress> {
        let (draft, version) = self.version_of(process, draft, seq).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let languages = self.store.get_process(&draft.process).await?.languages;
        if language == ORIGINAL || !languages.contains(&language) {
            return Err(ValidationError::Invalid {
                what: "language",
                value: language.to_string(),
                reason: "a translation is into one of the process's official languages other than the original (English)",
            }
            .into());
        }
        let imported = recognise(source, Some(&version.text))?;
        let nodes = align(&version.text, &imported.text).map_err(ValidationError::from)?;
        let mut unit = self.unit(p).await?;
        let expression = Expression {
            version: version.id,
            language,
            title: if imported.text.title == "Untitled draft" {
                String::new()
            } else {
                imported.text.title.clone()
            },
            nodes,
            updated_by: p.name(),
            updated_at: unit.at,
        };
        unit.tx.put_expression(&expression).await?;
        unit.audit(
            "draft.expression",
            Some(&draft.process),
            vec![
                format!("version:{}", version.id),
                format!("language:{language}"),
                format!("nodes:{}", expression.nodes.len()),
            ],
        )
        .await?;
        unit.commit().await?;
        Ok(progress(&version, language, Some(&expression)))
    }

    /// The version's languages, with its nodes side by side in `shown`
    /// (languages of the process; the original when empty).
    pub async fn languages(
        &self,
        process: &str,
        draft: &str,
        seq: u32,
        shown: &[Language],
    ) -> Result<LanguagesView> {
        let (draft, version) = self.version_of(process, draft, seq).await?;
        let languages = self.store.get_process(&draft.process).await?.languages;
        let expressions = self.store.list_expressions(version.id).await?;
        let of = |l: Language| expressions.iter().find(|e| e.language == l);
        let mut order: Vec<Language> = vec![ORIGINAL];
        order.extend(languages.iter().copied().filter(|l| *l != ORIGINAL));
        let progress: Vec<LanguageProgress> = order
            .iter()
            .map(|l| progress(&version, *l, of(*l)))
            .collect();
        let titles = order
            .iter()
            .map(|l| {
                let title = match of(*l) {
                    Some(e) if !e.title.is_empty() => e.title.clone(),
                    _ => version.text.title.clone(),
                };
                (*l, title)
            })
            .collect();
        let mut shown: Vec<Language> = shown
            .iter()
            .copied()
            .filter(|l| order.contains(l))
            .collect();
        shown.dedup();
        if shown.is_empty() {
            shown.push(ORIGINAL);
        }
        let rows = version
            .text
            .placed()
            .into_iter()
            .map(|placed| {
                let node = version.text.find(&placed.wid).expect("a placed node");
                let cells = shown
                    .iter()
                    .map(|l| {
                        if *l == ORIGINAL {
                            return Cell {
                                language: *l,
                                heading: node.heading.clone(),
                                text: node.text.clone(),
                                status: TranslationStatus::Original,
                            };
                        }
                        let words = of(*l).and_then(|e| e.nodes.get(&placed.wid));
                        Cell {
                            language: *l,
                            heading: words.map(|w| w.heading.clone()).unwrap_or_default(),
                            text: words.map(|w| w.text.clone()).unwrap_or_default(),
                            status: translation_status(node, words),
                        }
                    })
                    .collect();
                Row {
                    wid: placed.wid.to_string(),
                    eid: placed.eid,
                    num: placed.num,
                    kind: placed.kind,
                    depth: placed.depth,
                    cells,
                }
            })
            .collect();
        Ok(LanguagesView {
            version_seq: version.seq,
            version_label: version.label.clone(),
            draft,
            titles,
            progress,
            shown,
            rows,
        })
    }

    /// The version with its text in `language` (translated where it is, the
    /// original's wording elsewhere), for exports.
    pub async fn version_in(
        &self,
        process: &str,
        draft: &str,
        seq: u32,
        language: Language,
    ) -> Result<(Draft, Version)> {
        let (draft, mut version) = self.version_of(process, draft, seq).await?;
        if language == ORIGINAL {
            return Ok((draft, version));
        }
        let languages = self.store.get_process(&draft.process).await?.languages;
        if !languages.contains(&language) {
            return Err(crate::AppError::NotFound(format!(
                "'{language}' is not one of the process's languages"
            )));
        }
        if let Some(e) = self
            .store
            .list_expressions(version.id)
            .await?
            .iter()
            .find(|e| e.language == language)
        {
            version.text = translated_text(&version.text, e);
        }
        Ok((draft, version))
    }
}

fn progress(version: &Version, language: Language, e: Option<&Expression>) -> LanguageProgress {
    let total = version.text.iter().count();
    let translated = if language == ORIGINAL {
        total
    } else {
        version
            .text
            .iter()
            .filter(|n| {
                translation_status(n, e.and_then(|e| e.nodes.get(&n.wid)))
                    == TranslationStatus::Translated
            })
            .count()
    };
    LanguageProgress {
        language,
        original: language == ORIGINAL,
        translated,
        total,
        updated_by: e.map(|e| e.updated_by.clone()),
        updated_at: e.map(|e| e.updated_at),
    }
}

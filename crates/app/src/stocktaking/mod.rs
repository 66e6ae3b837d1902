//! The stocktaking: background jobs (importing inputs, analysing them); the
//! analysis of a process's inputs and statements — campaigns, a theme for
//! each item with a confidence, clusters named by key phrases within each
//! theme — stored as a run that can always be computed again; and the
//! secretariat's decisions on top of it: theme labels (which the next run
//! learns from), dismissed recommendation suggestions, and the paragraphs
//! of a draft that answer a recommendation (coverage).

mod commands;
pub mod import;
mod views;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

use accord_analysis as analysis;
use accord_domain::negotiation::{NodeKind, Wid};
use accord_domain::stocktaking::{
    AnalysisRun, Campaign, CoverageLink, Dismissal, Job, JobKind, JobStatus, RunStats,
    ThemeAssignment, ThemeCluster, ThemeLabel, WhoSaidWhat,
};
use accord_domain::{Clearance, Input, ItemKind, Language, Recommendation, Slug, Theme};
use accord_store::{AnalysisText, RecommendationQuery};
use chrono::{DateTime, Datelike, Utc};

use crate::policy::{authorize, clearance, Action, Principal};
use crate::{AppError, Result};
use import::{read_rows, InputFormat};

/// The taxonomy analysed when none is named (the GCM's six thematic sessions).
pub const DEFAULT_TAXONOMY: &str = "thematic-sessions";
/// Items read from the store per query.
const PAGE: u32 = 10_000;
/// Rows written per unit of work.
const WRITE_CHUNK: usize = 50_000;
/// How much a label, a recommendation's theme and a theme's title count
/// when the analysis learns the themes.
const LABEL_WEIGHT: f32 = 5.0;
const RECOMMENDATION_WEIGHT: f32 = 2.0;
const TITLE_WEIGHT: f32 = 1.0;
/// A recommendation is recurring when this many are alike.
pub const RECURRING: usize = 2;

/// What to analyse, and how.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    /// The taxonomy whose themes are assigned (default: `thematic-sessions`,
    /// or the process's first taxonomy).
    pub taxonomy: Option<String>,
    /// The near-duplicate threshold, 0.3–0.99 (default 0.7).
    pub threshold: Option<f64>,
}

impl AnalysisOptions {
    fn threshold(&self) -> Result<f64> {
        let t = self.threshold.unwrap_or(0.7);
        if !(0.3..=0.99).contains(&t) || t.is_nan() {
            return Err(AppError::BadRequest(format!(
                "threshold {t}: give a similarity between 0.3 and 0.99"
            )));
        }
        Ok(t)
    }
}

/// The latest analysis and what the stocktaking page shows of it.
#[derive(Debug, Clone)]
pub struct Stocktaking {
    pub run: AnalysisRun,
    pub themes: Vec<ThemeSummary>,
    /// Items with no theme.
    pub unassigned: i64,
    pub campaigns: Vec<(Campaign, Option<Input>)>,
    pub who: Vec<WhoSaidWhat>,
}

#[derive(Debug, Clone)]
pub struct ThemeSummary {
    pub theme: Theme,
    pub inputs: i64,
    pub statements: i64,
    pub clusters: Vec<ClusterView>,
    pub recommendations: Vec<Recommendation>,
}

/// A cluster with the representative inputs the reader may see.
#[derive(Debug, Clone)]
pub struct ClusterView {
    pub cluster: ThemeCluster,
    pub representatives: Vec<Input>,
}

/// What the analysis says of one input or statement.
#[derive(Debug, Clone, Default)]
pub struct ItemAnalysis {
    pub run: Option<AnalysisRun>,
    pub campaign: Option<Campaign>,
    pub assignment: Option<ThemeAssignment>,
    pub label: Option<ThemeLabel>,
    /// The taxonomy's themes, for the correction form.
    pub themes: Vec<Theme>,
}

/// A campaign and a page of its inputs.
#[derive(Debug, Clone)]
pub struct CampaignDetail {
    pub run: AnalysisRun,
    pub campaign: Campaign,
    pub representative: Option<Input>,
    pub inputs: Vec<Input>,
    /// The last input id on the page, when there may be more.
    pub next_after: Option<i64>,
}

/// Coverage: for each recommendation, the paragraphs that answer it.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub draft: Option<accord_domain::negotiation::Draft>,
    /// The draft's latest version.
    pub version: Option<accord_domain::negotiation::Version>,
    pub items: Vec<CoverageItem>,
    /// Recommendations said more than once that no paragraph answers yet,
    /// most often said first.
    pub unanswered: Vec<RecurringRecommendation>,
}

#[derive(Debug, Clone)]
pub struct CoverageItem {
    pub recommendation: Recommendation,
    /// Linked by the co-facilitators: the paragraph's wId and number.
    pub linked: Vec<(Wid, String)>,
    /// Suggested by similarity (not linked yet): wId, number, score.
    pub suggested: Vec<(Wid, String, f32)>,
}

#[derive(Debug, Clone)]
pub struct RecurringRecommendation {
    pub recommendation: Recommendation,
    /// How many recommendations say much the same (itself included).
    pub times: usize,
    pub alike: Vec<i64>,
}

/// Counts for the report: inputs by language, region and week; statements
/// by the kind of actor.
fn run_stats(
    inputs: &[AnalysisText],
    statements: &[AnalysisText],
    actors: &HashMap<String, Option<accord_domain::Actor>>,
) -> RunStats {
    let mut stats = RunStats {
        synthetic: inputs
            .iter()
            .chain(statements)
            .filter(|x| x.synthetic)
            .count() as i64,
        ..RunStats::default()
    };
    let region = |code: Option<&str>| -> String {
        code.and_then(|c| actors.get(c))
            .and_then(|a| a.as_ref())
            .and_then(|a| a.region.clone())
            .unwrap_or_default()
    };
    for x in inputs {
        *stats
            .languages
            .entry(x.language.as_str().to_owned())
            .or_default() += 1;
        *stats
            .regions
            .entry(region(x.origin.as_deref()))
            .or_default() += 1;
        let day = x.at.date_naive();
        let monday = day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
        *stats.weeks.entry(monday).or_default() += 1;
    }
    for x in statements {
        let kind = x
            .origin
            .as_deref()
            .and_then(|c| actors.get(c))
            .and_then(|a| a.as_ref())
            .map_or("", |a| a.kind.as_str());
        *stats.statement_kinds.entry(kind.to_owned()).or_default() += 1;
    }
    stats
}

/// Items per theme by who said them: statements by their actor (with its
/// kind and, for states, region); inputs by their country.
fn who_said_what(
    assignments: &[ThemeAssignment],
    origins: &[Option<String>],
    actors: &HashMap<String, Option<accord_domain::Actor>>,
) -> Vec<WhoSaidWhat> {
    let mut counts: HashMap<(ItemKind, Option<&str>, Option<&Slug>), i64> = HashMap::new();
    for (a, origin) in assignments.iter().zip(origins) {
        *counts
            .entry((a.item_kind, origin.as_deref(), a.theme.as_ref()))
            .or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts
        .sort_by(|a, b| (a.0 .0.as_str(), a.0 .1, a.0 .2).cmp(&(b.0 .0.as_str(), b.0 .1, b.0 .2)));
    counts
        .into_iter()
        .map(|((kind, origin, theme), items)| {
            let actor = origin.and_then(|c| actors.get(c)).and_then(|a| a.as_ref());
            WhoSaidWhat {
                item_kind: kind,
                actor_kind: match kind {
                    ItemKind::Input => None,
                    _ => actor.map(|a| a.kind.as_str().to_owned()),
                },
                actor: origin.map(str::to_owned),
                region: actor
                    .filter(|a| a.kind.is_state())
                    .and_then(|a| a.region.clone()),
                theme: theme.cloned(),
                items,
            }
        })
        .collect()
}

/// Groups of recommendations that say much the same (TF-IDF cosine ≥ 0.5,
/// joined transitively), each in the order given; singletons included.
fn alike_groups(passages: &[String]) -> Vec<Vec<usize>> {
    let n = passages.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, near) in analysis::most_similar(passages, passages, n, 0.5)
        .into_iter()
        .enumerate()
    {
        for (j, _) in near {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j as usize));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    groups.into_values().collect()
}

/// One line for people about a run.
pub fn describe_run(run: &AnalysisRun) -> String {
    format!(
        "{} inputs and {} statements analysed in {:.1} s: {} campaigns ({} inputs), {} items given a theme",
        run.inputs, run.statements, run.seconds, run.campaigns, run.campaign_inputs, run.assigned
    )
}

/// What a computation found, ready to store.
struct Found {
    inputs: i64,
    statements: i64,
    campaigns: Vec<Campaign>,
    /// (input id, campaign number).
    members: Vec<(i64, i64)>,
    assignments: Vec<ThemeAssignment>,
    clusters: Vec<ThemeCluster>,
}

/// The analysis proper: pure, on the texts read.
fn compute(
    inputs: Vec<AnalysisText>,
    statements: Vec<AnalysisText>,
    themes: &[Theme],
    labels: &[ThemeLabel],
    recommendations: &[Recommendation],
    threshold: f64,
) -> Found {
    let input_texts: Vec<&str> = inputs.iter().map(|x| x.text.as_str()).collect();
    let campaigns = analysis::find_campaigns(
        &input_texts,
        &analysis::CampaignParams {
            threshold,
            ..analysis::CampaignParams::default()
        },
    );
    // Themes: learned from the themes' titles, the recommendations the
    // secretariat gave themes, and its labels.
    let index_of: HashMap<&Slug, u32> = themes
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.code, i as u32))
        .collect();
    let mut seeds: Vec<analysis::ThemeSeed> = themes
        .iter()
        .enumerate()
        .map(|(i, t)| analysis::ThemeSeed {
            theme: i as u32,
            text: t.title.clone(),
            weight: TITLE_WEIGHT,
        })
        .collect();
    for r in recommendations {
        for t in &r.themes {
            if let Some(&i) = index_of.get(t) {
                seeds.push(analysis::ThemeSeed {
                    theme: i,
                    text: r.passage.clone(),
                    weight: RECOMMENDATION_WEIGHT,
                });
            }
        }
    }
    let input_at: HashMap<i64, usize> = inputs.iter().enumerate().map(|(i, x)| (x.id, i)).collect();
    let statement_at: HashMap<i64, usize> = statements
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id, i))
        .collect();
    let mut labelled: HashMap<(ItemKind, i64), u32> = HashMap::new();
    for l in labels {
        let Some(&theme) = index_of.get(&l.theme) else {
            continue;
        };
        let text = match l.item_kind {
            ItemKind::Input => input_at.get(&l.item_id).map(|&i| &inputs[i].text),
            ItemKind::Statement => statement_at.get(&l.item_id).map(|&i| &statements[i].text),
            ItemKind::Document => None,
        };
        if let Some(text) = text {
            seeds.push(analysis::ThemeSeed {
                theme,
                text: text.clone(),
                weight: LABEL_WEIGHT,
            });
            labelled.insert((l.item_kind, l.item_id), theme);
        }
    }
    let all_texts: Vec<&str> = inputs
        .iter()
        .chain(statements.iter())
        .map(|x| x.text.as_str())
        .collect();
    let (assigned, _model) = analysis::assign_themes(
        &all_texts,
        themes.len(),
        &seeds,
        &analysis::ThemeParams::default(),
    );
    let mut theme_of: Vec<Option<u32>> = Vec::with_capacity(all_texts.len());
    let mut assignments = Vec::with_capacity(all_texts.len());
    for (i, a) in assigned.iter().enumerate() {
        let (kind, item) = if i < inputs.len() {
            (ItemKind::Input, &inputs[i])
        } else {
            (ItemKind::Statement, &statements[i - inputs.len()])
        };
        let (theme, confidence) = match labelled.get(&(kind, item.id)) {
            Some(&t) => (Some(t), 1.0),
            None => (a.theme, f64::from(a.confidence)),
        };
        theme_of.push(theme);
        assignments.push(ThemeAssignment {
            item_kind: kind,
            item_id: item.id,
            theme: theme.map(|t| themes[t as usize].code.clone()),
            confidence,
        });
    }
    // Campaigns: size, variants, representative (the earliest copy of the
    // most common variant), first and last seen, and the theme most of it has.
    let mut stored = Vec::new();
    let mut members = Vec::new();
    let mut in_campaign = vec![false; inputs.len()];
    for (n, group) in campaigns.campaigns.iter().enumerate() {
        let number = n as i64 + 1;
        let mut variants: HashMap<u32, (usize, u32)> = HashMap::new();
        let mut themes_count: BTreeMap<u32, usize> = BTreeMap::new();
        let (mut first, mut last) = (DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC);
        for &i in group {
            let x = &inputs[i as usize];
            in_campaign[i as usize] = true;
            let v = variants
                .entry(campaigns.variant[i as usize])
                .or_insert((0, i));
            v.0 += 1;
            if inputs[v.1 as usize].at > x.at {
                v.1 = i;
            }
            first = first.min(x.at);
            last = last.max(x.at);
            if let Some(t) = theme_of[i as usize] {
                *themes_count.entry(t).or_default() += 1;
            }
            members.push((x.id, number));
        }
        let (_, rep) = variants
            .values()
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .copied()
            .unwrap_or((0, group[0]));
        let theme = themes_count
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&t, _)| themes[t as usize].code.clone());
        stored.push(Campaign {
            number,
            size: group.len() as i64,
            variants: variants.len() as i64,
            representative: inputs[rep as usize].id,
            language: inputs[rep as usize].language,
            first_seen: first,
            last_seen: last,
            theme,
        });
    }
    // Clusters within each theme: a campaign counts once, weighted by its size.
    let mut clusters = Vec::new();
    for (t, theme) in themes.iter().enumerate() {
        let mut texts: Vec<&str> = Vec::new();
        let mut weights: Vec<u32> = Vec::new();
        let mut ids: Vec<i64> = Vec::new();
        for c in stored
            .iter()
            .filter(|c| c.theme.as_ref() == Some(&theme.code))
        {
            texts.push(&inputs[input_at[&c.representative]].text);
            weights.push(c.size as u32);
            ids.push(c.representative);
        }
        for (i, x) in inputs.iter().enumerate() {
            if !in_campaign[i] && theme_of[i] == Some(t as u32) {
                texts.push(&x.text);
                weights.push(1);
                ids.push(x.id);
            }
        }
        if texts.is_empty() {
            continue;
        }
        let found = analysis::cluster_texts(
            &texts,
            &weights,
            &analysis::ClusterParams {
                max_clusters: 6,
                key_phrases: 5,
                representatives: 3,
                ..analysis::ClusterParams::default()
            },
        );
        for (n, c) in found.into_iter().enumerate() {
            clusters.push(ThemeCluster {
                theme: theme.code.clone(),
                number: n as i64 + 1,
                inputs: c.weight as i64,
                key_phrases: c.key_phrases,
                representatives: c.representatives.iter().map(|&i| ids[i as usize]).collect(),
            });
        }
    }
    Found {
        inputs: inputs.len() as i64,
        statements: statements.len() as i64,
        campaigns: stored,
        members,
        assignments,
        clusters,
    }
}

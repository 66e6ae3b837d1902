//! Accord's stocktaking analysis: what a secretariat needs to read a million
//! inputs.
//!
//! **Campaigns** — the same letter sent many times, word for word or with
//! small edits — are found so each is read once:
//!
//! 1. every text is normalised ([`normalise`]: lowercase, letters and digits
//!    only, one space between words) and exact duplicates are grouped by the
//!    hash of the normalised text;
//! 2. one text of each exact group gets a MinHash signature over its word
//!    shingles ([`MinHasher`]);
//! 3. locality-sensitive hashing ([`Lsh`], bands and rows chosen for the
//!    Jaccard threshold as datasketch chooses them) proposes pairs, which are
//!    kept when their estimated Jaccard similarity reaches the threshold;
//! 4. connected groups are the campaigns ([`find_campaigns`]).
//!
//! **Themes** ([`assign_themes`]): each text is assigned one of the
//! process's themes, with a confidence, or none. The model is learned from
//! the themes' descriptions and the secretariat's labelled examples and
//! corrections ([`ThemeSeed`]) and from the texts themselves:
//! semi-supervised naive Bayes with EM over words and two-word phrases,
//! keeping only the features concentrated in one theme, near-duplicate
//! texts counted once. What it looks at is shown per theme
//! ([`ThemeModel`]).
//!
//! **Clusters** ([`cluster_texts`]): within a theme, groups of similar texts
//! (TF-IDF and spherical k-means, one text per campaign weighted by its
//! size), each named by its key phrases — words and phrases frequent in it
//! and rare in the others — with its most representative texts.
//!
//! **Similarity** ([`most_similar`]): for coverage, the paragraphs of a draft
//! nearest each recommendation (TF-IDF cosine).
//!
//! **Recommendation candidates** ([`recommendation_candidates`]): sentences
//! that look like recommendations, for the secretariat to confirm.
//!
//! Words are the normalised words less the stop words of the six UN
//! languages ([`is_stop_word`]). Everything is pure and deterministic: the
//! same inputs and parameters give the same results, whatever the number of
//! threads. Results are derived data; they can always be computed again.

mod campaigns;
mod clusters;
mod eval;
mod lsh;
mod minhash;
mod recommend;
mod similarity;
pub mod synthetic;
mod text;
mod themes;
mod words;

pub use campaigns::{find_campaigns, CampaignParams, Campaigns};
pub use clusters::{cluster_texts, Cluster, ClusterParams};
pub use eval::{pair_scores, PairScores};
pub use lsh::{optimal_params, Lsh};
pub use minhash::{MinHasher, Signature};
pub use recommend::{recommendation_candidates, Candidate};
pub use similarity::most_similar;
pub use text::{normalise, normalise_into, shingle_hashes, shingle_hashes_into, text_hash};
pub use themes::{
    assign_themes, ThemeAssignment, ThemeFeature, ThemeModel, ThemeParams, ThemeSeed, ThemeSummary,
};
pub use words::is_stop_word;

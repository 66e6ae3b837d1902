//! Accord's stocktaking analysis: what a secretariat needs to read a million
//! inputs. This first part finds **campaigns** — the same letter sent many
//! times, word for word or with small edits — so each is read once:
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
//! Pure and deterministic: the same inputs and parameters give the same
//! campaigns. Results are derived data; they can always be computed again.

mod campaigns;
mod eval;
mod lsh;
mod minhash;
mod recommend;
pub mod synthetic;
mod text;

pub use campaigns::{find_campaigns, CampaignParams, Campaigns};
pub use eval::{pair_scores, PairScores};
pub use lsh::{optimal_params, Lsh};
pub use minhash::{MinHasher, Signature};
pub use recommend::{recommendation_candidates, Candidate};
pub use text::{normalise, shingle_hashes, text_hash};

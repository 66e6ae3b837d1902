//! World country shapes for an SVG world map, keyed by UN M49 code, so that
//! e.g. a recorded vote can be drawn with each member state coloured by its
//! vote.
//!
//! The shapes are Natural Earth's 1:50m admin-0 boundaries as distributed in
//! the npm package `world-atlas` 2.0.2 (vendored in `data/`, see its
//! README), converted by `build.rs` at build time: projected with the
//! **Equal Earth** projection into a frame [`VIEW_BOX`] 1000 units wide with
//! the North Pole at y = 0 (y grows southwards), rounded to 0.1 unit.
//! Antarctica (010) is left out. Nothing is read or fetched at run time.
//!
//! ```
//! let afghanistan = accord_atlas::country(4).unwrap();
//! let (x, y, w, h) = accord_atlas::VIEW_BOX;
//! let svg = format!(
//!     r#"<svg viewBox="{x} {y} {w} {h}"><path d="{}"/></svg>"#,
//!     afghanistan.path
//! );
//! assert!(svg.contains("<path d=\"M"));
//! ```
//!
//! Names are Natural Earth's short English names ("Dem. Rep. Congo"); show
//! the project's own names instead where it has them.
//!
//! Gaps: Tuvalu (798) is not in the 1:50m data. Features without an M49
//! code — Somaliland, N. Cyprus, Kosovo, Siachen Glacier and Australia's
//! Indian Ocean territories — are left out, so the north of Somalia and of
//! Cyprus are blank on the map.

/// One country (or territory) with a shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Country {
    /// UN M49 / ISO 3166-1 numeric code, e.g. `4` for Afghanistan.
    pub m49: u16,
    /// Natural Earth's short English name, e.g. `"Bosnia and Herz."`.
    pub name: &'static str,
    /// SVG path data (`d` attribute) in [`VIEW_BOX`] coordinates: one
    /// subpath `M x y l dx dy … z` per ring, an absolute start followed by
    /// relative steps. Outer rings run clockwise on screen and holes (e.g.
    /// Lesotho inside South Africa) anticlockwise, so either `fill-rule`
    /// works. A microstate smaller than 0.1 unit (e.g. Vatican City) may be
    /// only a point, `M x yz`, which draws nothing: mark it at
    /// [`centroid`](Self::centroid) instead.
    pub path: &'static str,
    /// The area-weighted centroid of the country's largest outer ring, in
    /// [`VIEW_BOX`] coordinates: where to put a marker for a country too
    /// small to see.
    pub centroid: (f32, f32),
    /// The country's area in square [`VIEW_BOX`] units (outer rings less
    /// holes): below about 1, a state is too small to see on a map of this
    /// frame and wants a marker.
    pub area: f32,
}

include!(concat!(env!("OUT_DIR"), "/countries.rs"));

/// The frame every [`Country::path`] lies in, as an SVG `viewBox`:
/// (min x, min y, width, height). x runs from 180°W (0) to 180°E (1000) at
/// the equator; y from the North Pole (0) down to just past the
/// southernmost point drawn.
pub const VIEW_BOX: (f32, f32, f32, f32) = GEN_VIEW_BOX;

/// Every country with a shape, sorted by [`Country::m49`] (one entry per
/// code; features sharing a code, like Australia and the Ashmore and Cartier
/// Islands, are merged into one).
pub fn countries() -> &'static [Country] {
    &GEN_COUNTRIES
}

/// The country with this M49 code, if it has a shape.
pub fn country(m49: u16) -> Option<&'static Country> {
    GEN_COUNTRIES
        .binary_search_by_key(&m49, |c| c.m49)
        .ok()
        .map(|i| &GEN_COUNTRIES[i])
}

//! Converts the vendored TopoJSON (`data/countries-50m.json`, world-atlas
//! 2.0.2, Natural Earth 1:50m admin-0) into `$OUT_DIR/countries.rs`: one
//! static entry per country with its UN M49 code, name, SVG path data and
//! marker point, projected with Equal Earth into a frame 1000 units wide.
//!
//! Steps: decode the quantized, delta-encoded arcs; stitch each ring from
//! its arcs (`~i` = arc `i` reversed); cut rings that cross the
//! antimeridian (Russia, Fiji); project every point; round to 0.1
//! unit and drop repeated points; orient outer rings clockwise and holes
//! anticlockwise on screen (so `nonzero` and `evenodd` fill agree); write
//! each ring as `M x y l dx dy … z` with minimal separators.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value;

const SOURCE: &str = "data/countries-50m.json";
/// Width of the projected frame; the height follows from the projection.
const WIDTH: f64 = 1000.0;
/// Antarctica: excluded, it would take a fifth of the map for no vote.
const EXCLUDED: &[u16] = &[10];

// Equal Earth (Šavrič, Patterson & Jenny 2018), as d3-geo's geoEqualEarthRaw.
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let t = (m * lat.to_radians().sin()).asin();
    let t2 = t * t;
    let t6 = t2 * t2 * t2;
    let x =
        lon.to_radians() * t.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Lon/lat in degrees to frame coordinates: x in `0..=WIDTH` (180°W to
/// 180°E), y downwards from 0 at the North Pole.
struct Frame {
    k: f64,
    y_top: f64,
}

impl Frame {
    fn new() -> Self {
        let (x_max, _) = equal_earth(180.0, 0.0);
        let (_, y_top) = equal_earth(0.0, 90.0);
        Frame {
            k: WIDTH / (2.0 * x_max),
            y_top,
        }
    }

    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon, lat);
        (WIDTH / 2.0 + self.k * x, self.k * (self.y_top - y))
    }
}

type Pt = (f64, f64);

fn num(v: &Value, what: &str) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("{SOURCE}: {what} is not a number: {v}"))
}

/// The topology's arcs as absolute lon/lat points.
fn decode_arcs(topo: &Value) -> Vec<Vec<Pt>> {
    let transform = topo.get("transform").map(|t| {
        let s = &t["scale"];
        let tr = &t["translate"];
        (
            num(&s[0], "scale"),
            num(&s[1], "scale"),
            num(&tr[0], "translate"),
            num(&tr[1], "translate"),
        )
    });
    let arcs = topo["arcs"]
        .as_array()
        .unwrap_or_else(|| panic!("{SOURCE}: no arcs"));
    arcs.iter()
        .map(|arc| {
            let positions = arc
                .as_array()
                .unwrap_or_else(|| panic!("{SOURCE}: arc is not an array"));
            let (mut qx, mut qy) = (0.0, 0.0);
            positions
                .iter()
                .map(|p| {
                    let (x, y) = (num(&p[0], "position"), num(&p[1], "position"));
                    match transform {
                        // Quantized: positions are deltas from the previous one.
                        Some((sx, sy, tx, ty)) => {
                            qx += x;
                            qy += y;
                            (qx * sx + tx, qy * sy + ty)
                        }
                        None => (x, y),
                    }
                })
                .collect()
        })
        .collect()
}

/// One ring (lon/lat) stitched from its arc indices.
fn stitch(arcs: &[Vec<Pt>], indices: &Value) -> Vec<Pt> {
    let indices = indices
        .as_array()
        .unwrap_or_else(|| panic!("{SOURCE}: ring is not an array"));
    let mut ring: Vec<Pt> = Vec::new();
    for index in indices {
        let i = index
            .as_i64()
            .unwrap_or_else(|| panic!("{SOURCE}: bad arc index {index}"));
        let (arc, reversed) = if i < 0 {
            (!i as usize, true)
        } else {
            (i as usize, false)
        };
        let arc = arcs
            .get(arc)
            .unwrap_or_else(|| panic!("{SOURCE}: arc index {i} out of range"));
        let points: Box<dyn Iterator<Item = &Pt>> = if reversed {
            Box::new(arc.iter().rev())
        } else {
            Box::new(arc.iter())
        };
        // Consecutive arcs share their joining point.
        let skip = usize::from(!ring.is_empty());
        ring.extend(points.skip(skip));
    }
    ring
}

/// A lon/lat ring as rings that each stay within -180..=180° longitude.
///
/// Natural Earth rings that cross the antimeridian (Russia's Chukotka and
/// Wrangel Island, Fiji) step from 179.9° to -180°: a short edge on the
/// sphere, but a line across the whole map once projected. Such a ring is
/// unwrapped into continuous longitudes and clipped to the world's strip,
/// once for each copy (shifted by -360°, 0, +360°) that overlaps it. Clipped
/// edges along ±180° are densified so they follow the curved edge meridian.
fn split_at_antimeridian(ring: Vec<Pt>, id: &str) -> Vec<Vec<Pt>> {
    if !ring.windows(2).any(|w| (w[1].0 - w[0].0).abs() > 180.0) {
        return vec![ring];
    }
    let mut unwrapped: Vec<Pt> = Vec::with_capacity(ring.len());
    let mut offset = 0.0;
    for &(lon, lat) in &ring {
        if let Some(&(previous, _)) = unwrapped.last() {
            let step = lon + offset - previous;
            if step > 180.0 {
                offset -= 360.0;
            } else if step < -180.0 {
                offset += 360.0;
            }
        }
        unwrapped.push((lon + offset, lat));
    }
    let (first, last) = (unwrapped[0], unwrapped[unwrapped.len() - 1]);
    assert!(
        (first.0 - last.0).abs() < 1e-6 && (first.1 - last.1).abs() < 1e-6,
        "{SOURCE}: {id}: a ring encircles a pole; exclude the feature or cut it"
    );
    unwrapped.pop(); // the closing point; the ring is closed implicitly
    let mut pieces = Vec::new();
    for shift in [-360.0, 0.0, 360.0] {
        let shifted: Vec<Pt> = unwrapped
            .iter()
            .map(|&(lon, lat)| (lon + shift, lat))
            .collect();
        let clipped = clip(&clip(&shifted, -180.0, false), 180.0, true);
        // A copy that only touches the strip leaves a sliver without area.
        if clipped.len() >= 3 && area2(&clipped).abs() > 1e-9 {
            pieces.push(densify_edge_meridian(&clipped));
        }
    }
    pieces
}

/// Sutherland–Hodgman: the part of a closed ring on one side of the
/// meridian `lon` (west of it if `keep_west`, else east).
fn clip(ring: &[Pt], lon: f64, keep_west: bool) -> Vec<Pt> {
    let inside = |p: Pt| if keep_west { p.0 <= lon } else { p.0 >= lon };
    let mut out = Vec::with_capacity(ring.len());
    for (i, &b) in ring.iter().enumerate() {
        let a = ring[(i + ring.len() - 1) % ring.len()];
        if inside(b) != inside(a) {
            let t = (lon - a.0) / (b.0 - a.0);
            out.push((lon, a.1 + t * (b.1 - a.1)));
        }
        if inside(b) {
            out.push(b);
        }
    }
    out
}

/// Adds points every half degree along edges that run on the ±180° meridian.
fn densify_edge_meridian(ring: &[Pt]) -> Vec<Pt> {
    let on_edge = |p: Pt| (p.0.abs() - 180.0).abs() < 1e-9;
    let mut out = Vec::with_capacity(ring.len());
    for (i, &a) in ring.iter().enumerate() {
        out.push(a);
        let b = ring[(i + 1) % ring.len()];
        if on_edge(a) && on_edge(b) && a.0 == b.0 {
            let steps = ((b.1 - a.1).abs() / 0.5).ceil() as usize;
            for k in 1..steps {
                out.push((a.0, a.1 + (b.1 - a.1) * k as f64 / steps as f64));
            }
        }
    }
    out
}

/// Twice the signed area (shoelace); positive = clockwise on screen (y down).
fn area2(ring: &[Pt]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

/// Area-weighted centroid of a ring (vertex mean if it has no area).
fn centroid(ring: &[Pt]) -> Pt {
    let a2 = area2(ring);
    let n = ring.len();
    if a2.abs() < 1e-12 {
        let (sx, sy) = ring
            .iter()
            .fold((0.0, 0.0), |(sx, sy), p| (sx + p.0, sy + p.1));
        return (sx / n as f64, sy / n as f64);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let cross = a.0 * b.1 - b.0 * a.1;
        cx += (a.0 + b.0) * cross;
        cy += (a.1 + b.1) * cross;
    }
    (cx / (3.0 * a2), cy / (3.0 * a2))
}

/// Rounds to tenths of a unit and drops repeated points (and the closing
/// point, which `z` restores).
fn round_ring(ring: &[Pt]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(ring.len());
    for p in ring {
        let q = ((p.0 * 10.0).round() as i32, (p.1 * 10.0).round() as i32);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    while out.len() > 1 && out.last() == out.first() {
        out.pop();
    }
    out
}

/// A value in tenths as the shortest SVG number: `12`, `1.5`, `.5`, `-.5`.
fn tenths(t: i32) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let a = t.unsigned_abs();
    match (a / 10, a % 10) {
        (i, 0) => format!("{sign}{i}"),
        (0, f) => format!("{sign}.{f}"),
        (i, f) => format!("{sign}{i}.{f}"),
    }
}

/// Writes path data with only the separators the SVG grammar needs.
#[derive(Default)]
struct PathWriter {
    d: String,
    after_command: bool,
    previous_has_dot: bool,
}

impl PathWriter {
    fn command(&mut self, c: char) {
        self.d.push(c);
        self.after_command = true;
        self.previous_has_dot = false;
    }

    fn number(&mut self, t: i32) {
        let token = tenths(t);
        let self_delimiting =
            token.starts_with('-') || (token.starts_with('.') && self.previous_has_dot);
        if !self.after_command && !self_delimiting {
            self.d.push(' ');
        }
        self.d.push_str(&token);
        self.previous_has_dot = token.contains('.');
        self.after_command = false;
    }

    /// `M x y l dx dy … z`: absolute start, relative (exact, in tenths) steps.
    fn ring(&mut self, ring: &[(i32, i32)]) {
        let Some(&(x0, y0)) = ring.first() else {
            return;
        };
        self.command('M');
        self.number(x0);
        self.number(y0);
        if ring.len() > 1 {
            self.command('l');
            for w in ring.windows(2) {
                self.number(w[1].0 - w[0].0);
                self.number(w[1].1 - w[0].1);
            }
        }
        self.command('z');
    }
}

#[derive(Default)]
struct CountryAcc {
    /// (area of the feature's outer rings, its name), one per feature.
    names: Vec<(f64, String)>,
    /// Rings in frame coordinates, each marked outer (`true`) or hole.
    rings: Vec<(bool, Vec<Pt>)>,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={SOURCE}");

    let manifest_dir =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(manifest_dir.join(SOURCE))
        .unwrap_or_else(|e| panic!("reading {SOURCE}: {e}"));
    let topo: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {SOURCE}: {e}"));
    assert_eq!(
        topo["type"], "Topology",
        "{SOURCE}: not a TopoJSON topology"
    );

    let arcs = decode_arcs(&topo);
    let frame = Frame::new();
    let geometries = topo["objects"]["countries"]["geometries"]
        .as_array()
        .unwrap_or_else(|| panic!("{SOURCE}: no objects.countries.geometries"));

    let mut countries: BTreeMap<u16, CountryAcc> = BTreeMap::new();
    for g in geometries {
        // Features without an M49 code (Somaliland, Kosovo, N. Cyprus, …)
        // cannot be keyed and are skipped.
        let Some(id) = g.get("id").and_then(Value::as_str) else {
            continue;
        };
        let m49: u16 = id
            .parse()
            .unwrap_or_else(|_| panic!("{SOURCE}: id {id:?} is not an M49 code"));
        if EXCLUDED.contains(&m49) {
            continue;
        }
        let name = g["properties"]["name"].as_str().unwrap_or(id).to_owned();
        let polygons: Vec<&Value> = match g["type"].as_str() {
            Some("Polygon") => vec![&g["arcs"]],
            Some("MultiPolygon") => g["arcs"]
                .as_array()
                .map(|p| p.iter().collect())
                .unwrap_or_default(),
            Some(other) => panic!("{SOURCE}: {id}: unsupported geometry type {other}"),
            None => continue, // null geometry
        };
        let acc = countries.entry(m49).or_default();
        let mut outer_area = 0.0;
        for polygon in polygons {
            let rings = polygon
                .as_array()
                .unwrap_or_else(|| panic!("{SOURCE}: {id}: polygon is not an array"));
            for (i, r) in rings.iter().enumerate() {
                // Ring 0 of a polygon is its outer ring, the others holes.
                let outer = i == 0;
                for piece in split_at_antimeridian(stitch(&arcs, r), id) {
                    let ring: Vec<Pt> = piece
                        .into_iter()
                        .map(|(lon, lat)| frame.project(lon, lat))
                        .collect();
                    if outer {
                        outer_area += area2(&ring).abs() / 2.0;
                    }
                    acc.rings.push((outer, ring));
                }
            }
        }
        acc.names.push((outer_area, name));
    }

    let mut out = String::from(
        "// @generated by build.rs from data/countries-50m.json (world-atlas 2.0.2). Do not edit.\n",
    );
    let mut entries = String::new();
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for (m49, acc) in &countries {
        let name = acc
            .names
            .iter()
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, n)| n.as_str())
            .expect("a country has a feature");
        let mut writer = PathWriter::default();
        // The largest outer ring: for the marker point, and as the shape of
        // last resort when every ring collapses at 0.1-unit resolution.
        let mut largest: Option<(f64, &Vec<Pt>)> = None;
        let mut area = 0.0;
        for (outer, ring) in &acc.rings {
            if ring.is_empty() {
                continue;
            }
            let a2 = area2(ring);
            if *outer && largest.is_none_or(|(a, _)| a2.abs() > a) {
                largest = Some((a2.abs(), ring));
            }
            area += if *outer {
                a2.abs() / 2.0
            } else {
                -a2.abs() / 2.0
            };
            let mut rounded = round_ring(ring);
            // Outer rings clockwise on screen, holes anticlockwise.
            if (a2 > 0.0) != *outer {
                rounded.reverse();
            }
            if rounded.len() >= 3 {
                writer.ring(&rounded);
                for &(x, y) in &rounded {
                    (min_x, max_x, min_y, max_y) =
                        (min_x.min(x), max_x.max(x), min_y.min(y), max_y.max(y));
                }
            }
        }
        let (_, largest) = largest.unwrap_or_else(|| panic!("{m49} {name}: no outer ring"));
        if writer.d.is_empty() {
            // A microstate smaller than the resolution: keep its point(s).
            let rounded = round_ring(largest);
            writer.ring(&rounded);
            for &(x, y) in &rounded {
                (min_x, max_x, min_y, max_y) =
                    (min_x.min(x), max_x.max(x), min_y.min(y), max_y.max(y));
            }
        }
        let (cx, cy) = centroid(largest);
        let (cx, cy) = ((cx * 10.0).round() as i32, (cy * 10.0).round() as i32);
        writeln!(
            entries,
            "    Country {{ m49: {m49}, name: {name:?}, path: {:?}, centroid: ({}, {}), area: {:.2} }},",
            writer.d,
            float_tenths(cx),
            float_tenths(cy),
            area.max(0.0)
        )
        .unwrap();
    }

    // The frame: x spans the whole width, y starts at the North Pole and ends
    // at the southernmost point drawn, rounded up to a whole unit.
    let width_t = (WIDTH * 10.0) as i32;
    assert!(
        min_x >= 0 && max_x <= width_t && min_y >= 0,
        "{SOURCE}: points outside the frame (x {min_x}..{max_x}, y from {min_y}, tenths)"
    );
    let height = (max_y + 9) / 10;
    writeln!(
        out,
        "const GEN_VIEW_BOX: (f32, f32, f32, f32) = (0.0, 0.0, {WIDTH:.1}, {height}.0);"
    )
    .unwrap();
    writeln!(
        out,
        "static GEN_COUNTRIES: [Country; {}] = [",
        countries.len()
    )
    .unwrap();
    out.push_str(&entries);
    out.push_str("];\n");

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out_dir.join("countries.rs"), out).expect("writing countries.rs");
}

/// Tenths as an f32 literal (`12.0`, `-0.5`).
fn float_tenths(t: i32) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let a = t.unsigned_abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

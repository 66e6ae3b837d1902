//! Checks the generated shapes: presence, path syntax, frame, projection.

use accord_atlas::{countries, country, Country, VIEW_BOX};

/// Parses path data as SVG does (commands `M m L l H h V v Z z`, numbers
/// with optional sign and fraction, separators optional where the grammar
/// allows) into rings of absolute points. Panics on anything else.
fn rings(d: &str) -> Vec<Vec<(f64, f64)>> {
    let bytes = d.as_bytes();
    let mut i = 0;
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let (mut cur, mut start) = ((0.0, 0.0), (0.0, 0.0));
    let mut command = None;
    let skip_separators = |i: &mut usize| {
        while *i < bytes.len() && matches!(bytes[*i], b' ' | b',' | b'\n' | b'\t') {
            *i += 1;
        }
    };
    let number = |i: &mut usize| -> f64 {
        skip_separators(i);
        let s = *i;
        if *i < bytes.len() && matches!(bytes[*i], b'-' | b'+') {
            *i += 1;
        }
        let mut seen_dot = false;
        let mut digits = 0;
        while *i < bytes.len() {
            match bytes[*i] {
                b'0'..=b'9' => digits += 1,
                b'.' if !seen_dot => seen_dot = true,
                _ => break,
            }
            *i += 1;
        }
        assert!(digits > 0, "no number at byte {s} of {d:.60}…");
        d[s..*i].parse().unwrap()
    };
    loop {
        skip_separators(&mut i);
        if i >= bytes.len() {
            break;
        }
        let c = bytes[i];
        if c.is_ascii_alphabetic() {
            i += 1;
            match c {
                b'Z' | b'z' => {
                    cur = start;
                    command = None;
                    continue;
                }
                b'M' | b'm' | b'L' | b'l' | b'H' | b'h' | b'V' | b'v' => command = Some(c),
                _ => panic!("unexpected command {:?}", c as char),
            }
        }
        let c = command.expect("numbers without a command");
        let relative = c.is_ascii_lowercase();
        let base = if relative { cur } else { (0.0, 0.0) };
        let p = match c.to_ascii_uppercase() {
            b'M' | b'L' => (base.0 + number(&mut i), base.1 + number(&mut i)),
            b'H' => (base.0 + number(&mut i), cur.1),
            b'V' => (cur.0, base.1 + number(&mut i)),
            _ => unreachable!(),
        };
        if c.eq_ignore_ascii_case(&b'M') {
            out.push(Vec::new());
            start = p;
            // Further pairs after a moveto are linetos.
            command = Some(if relative { b'l' } else { b'L' });
        }
        out.last_mut().expect("path starts with a moveto").push(p);
        cur = p;
    }
    out
}

/// Signed area of a ring; positive = clockwise on screen (y down).
fn area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

fn total_area(c: &Country) -> f64 {
    rings(c.path).iter().map(|r| area(r)).sum()
}

fn get(m49: u16) -> &'static Country {
    country(m49).unwrap_or_else(|| panic!("no shape for {m49}"))
}

#[test]
fn the_parser_reads_compact_path_data() {
    assert_eq!(
        rings("M1 2l.5-.5.5.5-1 0zM10,10L11 10 11 11z"),
        vec![
            vec![(1.0, 2.0), (1.5, 1.5), (2.0, 2.0), (1.0, 2.0)],
            vec![(10.0, 10.0), (11.0, 10.0), (11.0, 11.0)],
        ]
    );
}

#[test]
fn named_states_have_drawable_shapes() {
    for (m49, name) in [
        (4, "Afghanistan"),
        (840, "United States"),
        (156, "China"),
        (76, "Brazil"),
        (438, "Liechtenstein"),
        (702, "Singapore"),
        (20, "Andorra"),
    ] {
        let c = get(m49);
        assert!(
            c.name.contains(name) || name.contains(c.name),
            "{m49}: {}",
            c.name
        );
        // Small states too must be a real area, not a point.
        assert!(total_area(c) > 0.0, "{m49} {name} has no area: {}", c.path);
    }
    assert_eq!(get(840).name, "United States of America");
    assert!(country(10).is_none(), "Antarctica is excluded");
    assert!(country(999).is_none());
}

#[test]
fn paths_are_well_formed() {
    for c in countries() {
        assert!(
            c.path.starts_with('M'),
            "{} {}: {:.40}",
            c.m49,
            c.name,
            c.path
        );
        assert!(
            c.path.chars().all(|ch| "Mlz0123456789.- ".contains(ch)),
            "{} {}: unexpected character",
            c.m49,
            c.name
        );
        assert!(c.path.ends_with('z'));
        let rings = rings(c.path);
        assert!(!rings.is_empty() && rings.iter().all(|r| !r.is_empty()));
        assert!(!c.name.is_empty());
    }
}

#[test]
fn countries_are_sorted_unique_and_found_by_code() {
    let all = countries();
    assert!(all.windows(2).all(|w| w[0].m49 < w[1].m49));
    for c in all {
        assert_eq!(country(c.m49), Some(c));
    }
}

#[test]
fn every_coordinate_lies_inside_the_view_box() {
    let (x0, y0, w, h) = VIEW_BOX;
    assert_eq!((x0, y0, w), (0.0, 0.0, 1000.0));
    // Equal Earth is about 2.05 times as wide as high; without Antarctica
    // the frame stops near 56-60°S.
    assert!(h > 380.0 && h < 487.0, "height {h}");
    let (x1, y1) = (f64::from(x0 + w), f64::from(y0 + h));
    let inside = |(x, y): (f64, f64)| x >= x0.into() && x <= x1 && y >= y0.into() && y <= y1;
    let (mut min_x, mut max_x, mut max_y) = (f64::MAX, 0f64, 0f64);
    for c in countries() {
        for p in rings(c.path).into_iter().flatten() {
            assert!(
                inside(p),
                "{} {}: {p:?} outside {VIEW_BOX:?}",
                c.m49,
                c.name
            );
            min_x = min_x.min(p.0);
            max_x = max_x.max(p.0);
            max_y = max_y.max(p.1);
        }
        let (cx, cy) = c.centroid;
        assert!(
            inside((cx.into(), cy.into())),
            "{} centroid {:?}",
            c.m49,
            c.centroid
        );
    }
    // The frame is tight at the bottom; land reaches the 180th meridian,
    // which Equal Earth bends inwards away from the equator (Fiji, 17°S,
    // ends about 10 units short of the frame's edge).
    assert!(y1 - max_y < 1.0, "bottom {max_y} vs {y1}");
    assert!(
        x1 - max_x < 15.0 && min_x < 15.0,
        "x from {min_x} to {max_x}"
    );
}

#[test]
fn the_projection_puts_countries_where_they_belong() {
    let (norway, south_africa) = (get(578), get(710));
    assert!(
        norway.centroid.1 < south_africa.centroid.1,
        "Norway is north of South Africa"
    );
    let (brazil, china) = (get(76), get(156));
    assert!(
        brazil.centroid.0 < china.centroid.0,
        "Brazil is west of China"
    );
    // The equator (Gabon, Ecuador) is below the middle of a pole-to-pole frame.
    assert!(get(266).centroid.1 > 200.0 && get(266).centroid.1 < 290.0);
    // The US is west of the prime meridian, Japan east.
    assert!(get(840).centroid.0 < 500.0 && get(392).centroid.0 > 500.0);
}

#[test]
fn the_projection_is_equal_area() {
    // Natural Earth land areas: Brazil ~8.5, China ~9.4 (incl. islands),
    // Greenland ~2.2, Australia ~7.7 million km². In Mercator Greenland
    // would look larger than Australia.
    let ratio = |a: u16, b: u16| total_area(get(a)) / total_area(get(b));
    let brazil_china = ratio(76, 156);
    assert!(
        (0.8..1.0).contains(&brazil_china),
        "Brazil/China {brazil_china}"
    );
    let greenland_australia = ratio(304, 36);
    assert!(
        (0.24..0.33).contains(&greenland_australia),
        "Greenland/Australia {greenland_australia}"
    );
}

#[test]
fn no_edge_jumps_across_the_map() {
    // Russia and Fiji straddle the antimeridian: their rings must be cut
    // there, not joined by lines across the whole map.
    for c in countries() {
        for ring in rings(c.path) {
            let n = ring.len();
            for i in 0..n {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                assert!(
                    (a.0 - b.0).abs() < 200.0,
                    "{} {}: {a:?} to {b:?}",
                    c.m49,
                    c.name
                );
            }
        }
    }
    // Both keep their parts beyond 180° (Chukotka at about 67°N lies near
    // x = 150-170, Fiji's eastern islands at 17°S near x = 10-20), and each
    // part is a ring of its own.
    for (m49, west_edge, east_edge) in [(643, 200.0, 800.0), (242, 50.0, 950.0)] {
        let rings = rings(get(m49).path);
        let all = |r: &Vec<(f64, f64)>, f: &dyn Fn(f64) -> bool| r.iter().all(|p| f(p.0));
        assert!(
            rings.iter().any(|r| all(r, &|x| x < west_edge)),
            "{m49}: no ring east of 180°"
        );
        assert!(
            rings.iter().any(|r| all(r, &|x| x > east_edge)),
            "{m49}: no ring west of 180°"
        );
    }
}

#[test]
fn holes_run_against_outer_rings() {
    // South Africa surrounds Lesotho: one of its rings is a hole.
    let rings = rings(get(710).path);
    assert!(
        rings.iter().any(|r| area(r) < 0.0),
        "no hole in South Africa"
    );
    assert!(rings.iter().map(|r| area(r)).sum::<f64>() > 0.0);
    // Lesotho's own shape is an ordinary outer ring.
    assert!(total_area(get(426)) > 0.0);
}

#[test]
fn there_are_more_than_200_countries() {
    let n = countries().len();
    assert!(n > 200, "{n}");
    let bytes: usize = countries().iter().map(|c| c.path.len()).sum();
    println!("{n} countries, {bytes} bytes of path data");
}

/// Splits one CSV record (RFC 4180 quoting, no embedded newlines).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

#[test]
fn un_member_states_have_shapes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/un-member-states.csv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: {path} not found");
        return;
    };
    let mut lines = text.lines();
    let header = csv_fields(lines.next().unwrap());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (m49_col, name_col, status_col) = (col("m49"), col("name"), col("status"));
    let mut members = 0;
    let mut missing = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f = csv_fields(line);
        if f[status_col] != "member_state" {
            continue;
        }
        members += 1;
        let m49: u16 = f[m49_col].parse().unwrap();
        if country(m49).is_none() {
            missing.push(format!("{m49:03} {}", f[name_col]));
        }
    }
    println!("{members} member states, without a shape: {missing:?}");
    assert_eq!(members, 193);
    // Only Tuvalu (798) is absent from Natural Earth 1:50m.
    assert!(members - missing.len() >= 192, "missing: {missing:?}");
}

#[test]
fn the_recorded_area_matches_the_drawn_shape() {
    for m49 in [76u16, 156, 840, 250] {
        let c = country(m49).unwrap();
        let drawn = total_area(c);
        assert!(
            ((c.area as f64) - drawn).abs() / drawn < 0.05,
            "{}: area {} but the path draws {drawn}",
            c.name,
            c.area
        );
    }
    // Microstates are below one square unit: they want a marker.
    assert!(country(438).unwrap().area < 1.0, "Liechtenstein");
    assert!(country(76).unwrap().area > 100.0, "Brazil");
}

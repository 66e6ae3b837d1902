//! What the fuzz targets share: limits that keep one run short, the invariants every result
//! must keep, and a zip wrapper so the XML extractors see valid archives.

use std::io::{Cursor, Write};
use std::time::Duration;

use accord_ingest::{extract_as, Block, Format, Limits};

pub fn limits() -> Limits {
    Limits {
        max_bytes: 4 * 1024 * 1024,
        max_uncompressed: 16 * 1024 * 1024,
        max_chars: 1_000_000,
        max_duration: Duration::from_secs(5),
        ..Limits::default()
    }
}

/// Extracts `data` as `format` and checks what must hold of any result.
pub fn check(format: Format, data: &[u8]) {
    let limits = limits();
    if let Ok(out) = extract_as(format, data, &limits) {
        assert_eq!(out.format, format);
        let mut chars = 0;
        for block in &out.blocks {
            let text = block.text();
            assert!(!text.is_empty(), "empty block");
            let edge = [' ', '\n', '\r', '\t'];
            assert!(
                !text.starts_with(edge) && !text.ends_with(edge),
                "untrimmed block {text:?}"
            );
            if let Block::Heading { level, .. } = block {
                assert!((1..=6).contains(level), "heading level {level}");
            }
            chars += text.chars().count();
        }
        assert!(chars <= limits.max_chars, "{chars} characters kept");
        if !out.complete {
            assert!(!out.diagnostics.is_empty(), "incomplete without a diagnostic");
        }
    }
}

/// A stored zip holding `entries`: the fuzzer's bytes become one part of a valid archive.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, content) in entries {
        if writer.start_file(*name, options).is_err() || writer.write_all(content).is_err() {
            return Vec::new();
        }
    }
    writer
        .finish()
        .map(|cursor| cursor.into_inner())
        .unwrap_or_default()
}

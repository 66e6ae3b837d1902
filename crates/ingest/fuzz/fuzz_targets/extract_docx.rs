#![no_main]

use accord_ingest::Format;
use libfuzzer_sys::fuzz_target;

// Odd first byte: the rest is word/document.xml (and styles and list numbering) in a valid
// zip, to reach the XML readers; even: the bytes are the archive itself.
fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((first, rest)) if first % 2 == 1 => {
            let (styles, rest) = rest.split_at(rest.len() / 4);
            let (numbering, document) = rest.split_at(rest.len() / 3);
            let archive = accord_ingest_fuzz::zip(&[
                ("word/styles.xml", styles),
                ("word/numbering.xml", numbering),
                ("word/document.xml", document),
            ]);
            accord_ingest_fuzz::check(Format::Docx, &archive);
        }
        _ => accord_ingest_fuzz::check(Format::Docx, data),
    }
});

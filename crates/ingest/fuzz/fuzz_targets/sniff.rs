#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[Option<&str>] = &[
    None,
    Some("statement.pdf"),
    Some("statement.docx"),
    Some("statement.odt"),
    Some("page.html"),
    Some("notes.md"),
    Some("notes.txt"),
    Some("no-extension"),
];

// The first byte picks a file name; sniffing, then extracting what was sniffed, must not panic.
fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(*first) % NAMES.len()];
    if let Ok((format, _)) = accord_ingest::sniff(rest, name) {
        accord_ingest_fuzz::check(format, rest);
    }
});

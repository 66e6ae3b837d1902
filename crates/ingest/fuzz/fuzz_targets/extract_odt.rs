#![no_main]

use accord_ingest::Format;
use libfuzzer_sys::fuzz_target;

// Odd first byte: the rest is content.xml in a valid zip, to reach the XML reader; even: the
// bytes are the archive itself.
fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((first, rest)) if first % 2 == 1 => {
            let archive = accord_ingest_fuzz::zip(&[
                ("mimetype", b"application/vnd.oasis.opendocument.text".as_slice()),
                ("content.xml", rest),
            ]);
            accord_ingest_fuzz::check(Format::Odt, &archive);
        }
        _ => accord_ingest_fuzz::check(Format::Odt, data),
    }
});

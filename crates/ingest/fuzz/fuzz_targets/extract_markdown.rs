#![no_main]

use accord_ingest::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    accord_ingest_fuzz::check(Format::Markdown, data);
});

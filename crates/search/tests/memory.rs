//! The heap of an index on disk written to again and again: it must not grow
//! with the number of writes. This binary counts every allocation (its own
//! global allocator), so it holds this one test only.

mod common;

use std::alloc::System;

use accord_search::{Language, SearchIndex};
use common::*;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Bytes allocated and not yet freed since `region` began.
fn held(region: &Region<'_, System>) -> i64 {
    // A reallocation counts its growth as allocated, its shrinking as freed.
    let change = region.change();
    change.bytes_allocated as i64 - change.bytes_deallocated as i64
}

#[test]
fn writing_to_an_index_again_and_again_does_not_grow_its_heap() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    // Ten statements written over and over, each write a commit of its own
    // (as a server's writes are), each followed by a search: the index holds
    // ten documents throughout.
    let write = |n: i64| {
        let id = n % 10;
        let body = format!("Statement {id}, version {n}, on the return of migrants.");
        index
            .upsert(&[doc("statement", id, Language::En, "Statement", &body)])
            .unwrap();
        assert_eq!(
            index.search(&public(), &query("migrants")).unwrap().total,
            10.min(n + 1) as usize
        );
    };
    // The first writes settle the caches, the merges and the reader.
    for n in 0..50 {
        write(n);
    }
    let region = Region::new(GLOBAL);
    let mut highest = 0;
    for n in 50..300 {
        write(n);
        highest = highest.max(held(&region));
    }
    let end = held(&region);
    eprintln!("heap after 250 more writes: {end:+} bytes (highest {highest:+})");
    // Tantivy's cache of mapped files kept about 1.4 KB a write (570 KB over
    // 400 writes, measured) until the index asked it to forget closed files;
    // since, the heap after 400 writes was within 8 KB of where it began.
    assert!(
        end < 100_000,
        "the heap grew by {end} bytes over 250 writes"
    );
}

//! Links the release binary's code in the order a server first runs it
//! (`code-order.txt`, made by `bench/code-order/run.sh`): start-up and the
//! first pages then touch a few MB of code instead of most of the 36 MB, since
//! the kernel maps 64 KB around every page of code that faults. Only for
//! release builds on x86_64 Linux, where the linker is rust-lld, the one that
//! reads `--symbol-ordering-file`; symbols the file does not name (new code)
//! are placed after those it does, so a stale file costs memory, never
//! correctness.
fn main() {
    println!("cargo:rerun-if-changed=code-order.txt");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let target = std::env::var("TARGET").unwrap_or_default();
    if !release || target != "x86_64-unknown-linux-gnu" {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let order = std::path::Path::new(&dir).join("code-order.txt");
    if order.exists() {
        println!(
            "cargo:rustc-link-arg-bin=accord=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        println!("cargo:rustc-link-arg-bin=accord=-Wl,--no-warn-symbol-ordering");
    }
}

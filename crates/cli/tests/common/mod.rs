//! What the CLI's test suites share.

use std::io::{BufRead, BufReader};
use std::process::Child;

/// The address an `accord serve --addr 127.0.0.1:0` says it serves on: the
/// first line it writes (its stdout piped), read once it is listening.
pub fn served_address(server: &mut Child) -> String {
    let mut line = String::new();
    BufReader::new(server.stdout.as_mut().expect("stdout piped"))
        .read_line(&mut line)
        .unwrap();
    line.split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned()
}

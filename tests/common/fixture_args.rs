//! The library options a golden fixture's `.args` (CLI arguments, one per
//! line) stand for: shared by the suites that read the fixtures.

use std::fs;
use std::path::Path;

use vendor_errors::{Options, VendorHint};

/// The options `args` (the `.args` file's non-empty lines) stand for.
pub fn options(args: &[String]) -> Options {
    let mut opts = Options::new();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().expect("flag without value");
        opts = match flag.as_str() {
            "--status" => opts.status(value.parse().unwrap()),
            "--vendor" => opts.vendor(value.parse::<VendorHint>().unwrap()),
            "--header" => {
                let (name, value) = value.split_once(':').unwrap();
                opts.header(name, value)
            }
            "--profile" => {
                let toml = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(value)).unwrap();
                opts.profile(toml::from_str::<vendor_errors::Profile>(&toml).unwrap())
            }
            other => panic!("unknown fixture flag {other}"),
        };
    }
    opts
}

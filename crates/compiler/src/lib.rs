//! The recap compiler: reads conference recap posts (Markdown with TOML or YAML front matter)
//! and compiles them into a Recap Viewer bundle ([`recap_bundle::Bundle`]).

pub mod diagnostics;
pub mod front_matter;
pub mod heading;
pub mod mojibake;
pub mod people;
pub mod shortcodes;
pub mod slug;
pub mod days;
pub mod markdown;
pub mod notes;

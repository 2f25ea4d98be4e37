//! The `salient` command's library half: what the local server mounts, shared with the
//! integration tests so they run exactly what `salient serve` runs, and what `salient ingest`
//! prints when nobody watches its progress bar, the table `salient usage` prints, and the
//! report of `salient config check`, and the sign-in link `salient console login` prints.

pub mod config_check;
pub mod console;
pub mod ingest_report;
pub mod serve;
pub mod usage;

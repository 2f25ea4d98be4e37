//! The `salient` command's library half: what the local server mounts, shared with the
//! integration tests so they run exactly what `salient serve` runs.

pub mod serve;

//! The OpenRouter stand-in as a process, for the browser end-to-end tests and the load
//! benchmark: `llm-standin [--port N] [--token-delay-ms N]`. Test scaffolding only.

use std::sync::atomic::Ordering;

use salient_tests::llm_standin::LlmStandin;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut port = 0u16;
    let mut delay = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().unwrap_or_default().parse()?,
            "--token-delay-ms" => delay = args.next().unwrap_or_default().parse()?,
            other => anyhow::bail!(
                "unknown argument {other}; usage: llm-standin [--port N] [--token-delay-ms N]"
            ),
        }
    }
    let standin = LlmStandin::spawn_on(std::net::SocketAddr::from(([127, 0, 0, 1], port))).await?;
    standin.state.token_delay_ms.store(delay, Ordering::Relaxed);
    standin.state.forget.store(true, Ordering::Relaxed);
    println!("llm-standin listening on {}", standin.base_url());
    tokio::signal::ctrl_c().await?;
    Ok(())
}

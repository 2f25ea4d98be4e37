//! `salient`: the whole platform as one local process, plus configuration and admin commands.

mod eval;
mod ingest;

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use salient_core::config::{self, Catalog};
use salient_core::domain::{AccountId, AgentId};

/// mimalloc rather than glibc's malloc: the server's request path allocates small buffers
/// on every worker thread, where glibc's arenas and consolidation cost measurably.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "salient",
    version,
    about = "AI agents that live on a business's website"
)]
struct Cli {
    /// The configuration directory (app.yaml, accounts/).
    #[arg(
        long,
        global = true,
        env = "SALIENT_CONFIG_DIR",
        default_value = "config"
    )]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run every function's routes in one local HTTP server, with the embedded store.
    Serve {
        /// Port on 127.0.0.1 (0 picks a free one); defaults to `server.port` (3000).
        #[arg(long)]
        port: Option<u16>,
    },
    /// Inspect configuration.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Print the table of API error codes (docs/errors.md is generated from it).
    Errors,
    /// Crawl, extract, chunk, embed and index an account's site now (and record the run).
    Ingest {
        /// The account, e.g. `northwind-heating`.
        account: String,
        /// Print one JSON object per page outcome on stdout, then a JSON summary object
        /// (the summary table goes to stderr).
        #[arg(long)]
        json: bool,
    },
    /// Score retrieval on the account's question set: hit@1, hit@k and MRR per question
    /// and overall (run `salient ingest <account>` first).
    Eval {
        /// The account, e.g. `northwind-heating`.
        account: String,
        /// How many chunks each question retrieves.
        #[arg(long, default_value_t = 5)]
        k: usize,
        /// The question file; defaults to `<config>/accounts/<account>/eval.yaml`.
        #[arg(long)]
        questions: Option<PathBuf>,
        /// Also print the extractive answer of every question that misses a fact.
        #[arg(long)]
        answers: bool,
        /// Write one JSON object per question to this file: the question, whether it is
        /// answerable, its expected pages, the verdicts, what the relevance judgement saw
        /// and every chunk the index returned (for calibrating abstention).
        #[arg(long)]
        dump: Option<PathBuf>,
        /// Ask follow-ups (questions with `after:`) without the question before them, to
        /// measure what the conversation adds.
        #[arg(long)]
        alone: bool,
    },
    /// Print what the model has cost today and this month (UTC) for the deployment, the
    /// account and each of its agents, beside their spend caps.
    Usage {
        /// The account, e.g. `northwind-heating`.
        account: String,
    },
    /// The operator console.
    Console {
        #[command(subcommand)]
        command: ConsoleCommand,
    },
    /// Operator tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create the DynamoDB table `storage.table` (with its GSI and TTL) at
    /// `storage.endpoint_url` or in AWS; for DynamoDB Local and first deploys without SAM.
    CreateTable,
    /// Add the inactivity sweep's index `gsi2` to a table made before it existed, and give
    /// the sessions already stored their place in it (once; safe to run again).
    AddSummaryIndex,
    /// Add the console's index `gsi3` to a table made before it existed, and give the
    /// sessions and profiles already stored their place in it (once; safe to run again).
    AddConsoleIndex,
}

#[derive(Debug, Subcommand)]
enum ConsoleCommand {
    /// Print a one-time sign-in link for an operator (no email needed): it works once,
    /// for `console.login_link_ttl_secs`, on the server that shares this store.
    Login {
        /// The operator's address, as listed under `operators:`.
        email: String,
    },
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Print an agent's effective configuration, secrets masked, with each key's source.
    Show {
        /// `<account>/<agent>`, e.g. `northwind-heating/sales`.
        target: String,
    },
    /// Load and validate every account and agent, and each account's directory lists.
    Check,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { port } => salient_cli::serve::run(&cli.config, port).await,
        Command::Config {
            command: ConfigCommand::Show { target },
        } => show_config(&cli.config, &target),
        Command::Config {
            command: ConfigCommand::Check,
        } => {
            let (report, broken) = salient_cli::config_check::report(&cli.config)?;
            print!("{report}");
            if broken > 0 {
                let which = if broken == 1 {
                    "one account's directory".to_owned()
                } else {
                    format!("{broken} accounts' directories")
                };
                anyhow::bail!("{which} cannot be loaded (see ERR above)");
            }
            Ok(())
        }
        Command::Ingest { account, json } => ingest::run(&cli.config, &account, json).await,
        Command::Eval {
            account,
            k,
            questions,
            answers,
            dump,
            alone,
        } => {
            let options = eval::Options {
                k,
                questions,
                show_answers: answers,
                dump,
                alone,
            };
            eval::run(&cli.config, &account, options).await
        }
        Command::Usage { account } => {
            let account = AccountId::parse(&account)?;
            let state = salient_core::build(Catalog::load(&cli.config, &[])?).await?;
            print!(
                "{}",
                salient_cli::usage::report(&state, &account, salient_core::domain::now()).await?
            );
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::CreateTable,
        } => create_table(&cli.config).await,
        Command::Admin {
            command: AdminCommand::AddSummaryIndex,
        } => add_summary_index(&cli.config).await,
        Command::Admin {
            command: AdminCommand::AddConsoleIndex,
        } => add_console_index(&cli.config).await,
        Command::Console {
            command: ConsoleCommand::Login { email },
        } => {
            let state = salient_core::build(Catalog::load(&cli.config, &[])?).await?;
            println!(
                "{}",
                salient_cli::console::login_link(&state, &email).await?
            );
            Ok(())
        }
        Command::Errors => {
            print!("{}", salient_core::api::error_table_markdown());
            Ok(())
        }
    }
}

async fn create_table(root: &std::path::Path) -> anyhow::Result<()> {
    let catalog = Catalog::load(root, &[])?;
    let storage = &catalog.app().storage;
    let client = salient_core::dynamodb_client(storage).await;
    salient_core::dynamodb::create_table(&client, &storage.table)
        .await
        .with_context(|| format!("creating table {}", storage.table))?;
    println!("created table {}", storage.table);
    Ok(())
}

async fn add_summary_index(root: &std::path::Path) -> anyhow::Result<()> {
    let catalog = Catalog::load(root, &[])?;
    let storage = &catalog.app().storage;
    let client = salient_core::dynamodb_client(storage).await;
    let updated = salient_core::dynamodb::add_awaiting_summary_index(&client, &storage.table)
        .await
        .with_context(|| format!("adding the summary index to table {}", storage.table))?;
    println!(
        "table {} has index {}; {updated} sessions awaiting a summary added to it",
        storage.table,
        salient_core::dynamodb::GSI2
    );
    Ok(())
}

async fn add_console_index(root: &std::path::Path) -> anyhow::Result<()> {
    let catalog = Catalog::load(root, &[])?;
    let storage = &catalog.app().storage;
    let client = salient_core::dynamodb_client(storage).await;
    let updated = salient_core::dynamodb::add_console_index(&client, &storage.table)
        .await
        .with_context(|| format!("adding the console index to table {}", storage.table))?;
    println!(
        "table {} has index {}; {updated} sessions and profiles added to it",
        storage.table,
        salient_core::dynamodb::GSI3
    );
    Ok(())
}

fn show_config(root: &std::path::Path, target: &str) -> anyhow::Result<()> {
    let (account, agent) = target
        .split_once('/')
        .context("expected <account>/<agent>, e.g. northwind-heating/sales")?;
    let account = AccountId::parse(account)?;
    let agent = AgentId::parse(agent)?;
    let keys = config::explain(root, &account, &agent, &[])?;
    let width = keys
        .iter()
        .map(|k| k.key.len() + k.value.len() + 3)
        .max()
        .unwrap_or(0)
        .min(64);
    println!("# effective configuration of {account}/{agent}");
    for key in keys {
        let assignment = format!("{} = {}", key.key, key.value);
        println!("{assignment:<width$}  # {}", key.source);
    }
    Ok(())
}

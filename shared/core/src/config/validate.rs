//! Checks a loaded agent's settings once at load: every value that would fail later
//! (URLs, origins, sources, knowledge backends) fails here, naming its key and source.

use secrecy::ExposeSecret as _;

use super::*;

/// Range and shape checks serde cannot express. Errors name the key and its source.
pub(super) fn validate(settings: &Settings, figment: &Figment) -> Result<(), ConfigError> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, key: &str, what: &str| {
        if !ok {
            problems.push(format!("{}: key `{key}`: {what}", source_of(figment, key)));
        }
    };
    for secret in SECRET_KEYS {
        if let Some(metadata) = figment.find_metadata(secret)
            && matches!(metadata.source, Some(Source::File(_)))
        {
            check(
                false,
                secret,
                "secrets must not be written in configuration files; set the environment variable or the SSM parameter",
            );
        }
    }
    let llm = &settings.llm;
    check(
        llm.base_url.starts_with("https://") || llm.base_url.starts_with("http://"),
        "llm.base_url",
        "must be an http(s) URL",
    );
    check(
        !llm.model.trim().is_empty(),
        "llm.model",
        "must not be empty",
    );
    check(
        (0.0..=2.0).contains(&llm.temperature),
        "llm.temperature",
        "must be between 0 and 2",
    );
    check(llm.max_tokens > 0, "llm.max_tokens", "must be positive");
    check(
        llm.first_token_timeout_secs > 0,
        "llm.first_token_timeout_secs",
        "must be positive",
    );
    check(
        llm.total_timeout_secs >= llm.first_token_timeout_secs,
        "llm.total_timeout_secs",
        "must be at least llm.first_token_timeout_secs",
    );
    check(llm.max_retries <= 5, "llm.max_retries", "must be at most 5");
    for name in llm.extra_headers.keys() {
        check(
            http::HeaderName::from_bytes(name.as_bytes()).is_ok(),
            "llm.extra_headers",
            "header names must be valid HTTP header names",
        );
    }
    let limits = &settings.limits;
    check(
        (1..=100_000).contains(&limits.max_message_chars),
        "limits.max_message_chars",
        "must be between 1 and 100000",
    );
    check(
        (1024..=10 * 1024 * 1024).contains(&limits.max_body_bytes),
        "limits.max_body_bytes",
        "must be between 1 KiB and 10 MiB",
    );
    check(
        (4 * 1024..=256 * 1024).contains(&limits.max_header_bytes),
        "limits.max_header_bytes",
        "must be between 4 KiB and 256 KiB",
    );
    check(
        limits.max_session_messages > 0,
        "limits.max_session_messages",
        "must be positive",
    );
    check(
        limits.history_token_budget > 0,
        "limits.history_token_budget",
        "must be positive",
    );
    for origin in &settings.account.allowed_origins {
        check(
            is_origin(origin),
            "account.allowed_origins",
            "each entry must be an origin such as https://shop.example.com (no path)",
        );
    }
    validate_turnstile(&settings.account.turnstile, &mut check);
    if let Some(secret) = &settings.server.origin_secret {
        let secret = secret.expose_secret();
        check(
            secret.len() >= 16 && secret.bytes().all(|b| b.is_ascii_graphic()),
            "server.origin_secret",
            "must be at least 16 printable ASCII characters without spaces (a header value)",
        );
    }
    for recipient in &settings.account.summary_recipients {
        check(
            crate::domain::EmailAddress::parse(recipient).is_ok(),
            "account.summary_recipients",
            "each entry must be an email address",
        );
    }
    check(
        !settings.agent.name.trim().is_empty(),
        "agent.name",
        "must be set",
    );
    check(
        !settings.account.name.trim().is_empty(),
        "account.name",
        "must be set",
    );
    check(
        (1..=100).contains(&settings.tools.max_results),
        "tools.max_results",
        "must be between 1 and 100",
    );
    check(
        settings.tools.max_rounds <= 8,
        "tools.max_rounds",
        "must be at most 8",
    );
    validate_sources(&settings.sources, &mut check);
    validate_knowledge(&settings.knowledge, &mut check);
    crm::validate_crm(
        &settings.email,
        &settings.otp,
        &settings.profile,
        &mut check,
    );
    rate_limits::validate_rate_limits(&settings.rate_limits, &mut check);
    spend::validate_spend(&settings.spend, &mut check);
    widget::validate_widget(&settings.widget, &mut check);
    handoff::validate_handoff(
        &settings.handoff,
        &settings.account.summary_recipients,
        &mut check,
    );
    check(
        settings.retention.days <= MAX_RETENTION_DAYS,
        "retention.days",
        "must be at most 36500 (0 keeps data until it is erased)",
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ConfigError::Invalid(problems.join("; ")))
    }
}

/// Checks of `account.turnstile`: a site key the widget can render, and the secret key
/// siteverify needs whenever there is one.
fn validate_turnstile(turnstile: &TurnstileSettings, check: &mut impl FnMut(bool, &str, &str)) {
    let site_key = turnstile.site_key.trim();
    check(
        site_key.len() <= 128
            && site_key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
        "account.turnstile.site_key",
        "must be a Turnstile site key (letters, digits, _ and -)",
    );
    check(
        site_key.is_empty() || turnstile.secret_key.is_some(),
        "account.turnstile.secret_key",
        "must be set when account.turnstile.site_key is (SSM parameter accounts/<account>/account/turnstile/secret_key or SALIENT__ACCOUNT__TURNSTILE__SECRET_KEY)",
    );
    check(
        is_http_url(&turnstile.verify_url),
        "account.turnstile.verify_url",
        "must be an http(s) URL",
    );
    check(
        (100..=30_000).contains(&turnstile.timeout_ms),
        "account.turnstile.timeout_ms",
        "must be between 100 and 30000",
    );
}

/// Checks of the `sources:` section (the crawler refuses bad values again at run time).
fn validate_sources(sources: &SourcesSettings, check: &mut impl FnMut(bool, &str, &str)) {
    for url in &sources.sitemaps {
        check(
            is_http_url(url),
            "sources.sitemaps",
            "each entry must be an http(s) URL",
        );
    }
    for url in &sources.urls {
        check(
            is_http_url(url),
            "sources.urls",
            "each entry must be an http(s) URL",
        );
    }
    for host in &sources.allowed_hosts {
        check(
            !host.is_empty() && !host.contains(['/', '@', ' ', '?', '#']),
            "sources.allowed_hosts",
            "each entry must be a host name such as example.com (optionally host:port)",
        );
    }
    for pattern in sources.include_paths.iter().chain(&sources.exclude_paths) {
        check(
            pattern.starts_with('/') || pattern.starts_with('*'),
            "sources.include_paths",
            "path patterns must start with / or *",
        );
    }
    check(
        (1..=100_000).contains(&sources.max_pages),
        "sources.max_pages",
        "must be between 1 and 100000",
    );
    check(
        (1024..=50 * 1024 * 1024).contains(&sources.max_page_bytes),
        "sources.max_page_bytes",
        "must be between 1 KiB and 50 MiB",
    );
    check(
        (1..=120).contains(&sources.fetch_timeout_secs),
        "sources.fetch_timeout_secs",
        "must be between 1 and 120",
    );
    check(
        (1..=32).contains(&sources.concurrency),
        "sources.concurrency",
        "must be between 1 and 32",
    );
    check(
        sources.delay_ms <= 60_000,
        "sources.delay_ms",
        "must be at most 60000",
    );
    for host in &sources.allow_private_hosts {
        let port_ok = host
            .rsplit_once(':')
            .is_some_and(|(name, port)| !name.is_empty() && port.parse::<u16>().is_ok());
        check(
            port_ok && !host.contains(['/', '@', ' ']),
            "sources.allow_private_hosts",
            "each entry must be an exact host:port such as 127.0.0.1:3000 (local development only)",
        );
    }
}

/// Checks of the `knowledge:` section.
fn validate_knowledge(knowledge: &KnowledgeSettings, check: &mut impl FnMut(bool, &str, &str)) {
    let embedding = &knowledge.embedding;
    check(
        embedding.base_url.is_empty() || is_http_url(&embedding.base_url),
        "knowledge.embedding.base_url",
        "must be an http(s) URL (or empty for the provider's own)",
    );
    check(
        (1..=2048).contains(&embedding.batch_size),
        "knowledge.embedding.batch_size",
        "must be between 1 and 2048",
    );
    check(
        embedding.dimensions <= 20_000,
        "knowledge.embedding.dimensions",
        "must be at most 20000 (0: the model's default)",
    );
    check(
        (1..=300).contains(&embedding.timeout_secs),
        "knowledge.embedding.timeout_secs",
        "must be between 1 and 300",
    );
    check(
        embedding.provider == EmbeddingProvider::Local || !embedding.model.trim().is_empty(),
        "knowledge.embedding.model",
        "must be set for the openai and pinecone providers",
    );
    check(
        embedding.provider != EmbeddingProvider::Local
            || !embedding.local_model_dir.as_os_str().is_empty(),
        "knowledge.embedding.local_model_dir",
        "must be set for the local provider",
    );
    let store = &knowledge.vector_store;
    check(
        store.backend != VectorBackend::Pinecone || is_http_url(&store.index_host),
        "knowledge.vector_store.index_host",
        "must be the index's http(s) host URL for the pinecone backend",
    );
    check(
        (1..=300).contains(&store.timeout_secs),
        "knowledge.vector_store.timeout_secs",
        "must be between 1 and 300",
    );
    check(
        (0.0..=1.0).contains(&knowledge.gaps.similarity),
        "knowledge.gaps.similarity",
        "must be between 0 and 1",
    );
    check(
        (1..=10_000).contains(&knowledge.gaps.max_open_groups),
        "knowledge.gaps.max_open_groups",
        "must be between 1 and 10000",
    );
    let rag = &knowledge.rag;
    check(
        (1..=50).contains(&rag.top_k),
        "knowledge.rag.top_k",
        "must be between 1 and 50",
    );
    check(
        (1..=50).contains(&rag.max_chunks_per_page),
        "knowledge.rag.max_chunks_per_page",
        "must be between 1 and 50",
    );
    check(
        (-1.0..=1.0).contains(&rag.score_threshold),
        "knowledge.rag.score_threshold",
        "must be between -1 and 1",
    );
    check(
        (100..=32_000).contains(&rag.max_context_tokens),
        "knowledge.rag.max_context_tokens",
        "must be between 100 and 32000",
    );
    check(
        (-1.0..=1.0).contains(&rag.abstain.min_score),
        "knowledge.rag.abstain.min_score",
        "must be between -1 and 1",
    );
    check(
        (-1.0..=1.0).contains(&rag.abstain.min_score_before_model),
        "knowledge.rag.abstain.min_score_before_model",
        "must be between -1 and 1",
    );
    check(
        rag.abstain.agree_within <= 50,
        "knowledge.rag.abstain.agree_within",
        "must be between 0 and 50",
    );
    check(
        (0.0..=1.0).contains(&rag.abstain.max_unknown),
        "knowledge.rag.abstain.max_unknown",
        "must be between 0 and 1",
    );
    check(
        (0.0..=1.0).contains(&rag.abstain.min_kind_cover),
        "knowledge.rag.abstain.min_kind_cover",
        "must be between 0 and 1",
    );
}

fn is_http_url(raw: &str) -> bool {
    url::Url::parse(raw).is_ok_and(|url| {
        matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty())
    })
}

fn is_origin(origin: &str) -> bool {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    rest.is_some_and(|host| {
        !host.is_empty() && !host.contains('/') && !host.contains(['?', '#', ' '])
    })
}

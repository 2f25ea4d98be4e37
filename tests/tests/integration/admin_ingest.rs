//! The on-demand ingestion route (`functions/ingest`) through the real local app: the token
//! in `Authorization: Bearer` or in `X-Salient-Admin-Token` (what the IAM-signed deployment
//! route uses, since SigV4 takes `Authorization`), wrong or missing tokens answered exactly
//! like an unknown route, and a real run over the test site served on loopback
//! (`salient_tests::test_site`) with the local MiniLM embedder into a temporary embedded index.

use std::path::PathBuf;

use salient_tests::app::{AppOptions, setting, spawn_app_with};
use salient_tests::test_site::spawn_site;
use serde_json::Value;

const TOKEN: &str = "admin-token-for-tests-0123456789";

#[tokio::test]
async fn the_admin_route_runs_an_ingestion_only_for_the_right_token() -> anyhow::Result<()> {
    let (_, site) = spawn_site().await;
    let vectors = tempfile::tempdir()?;
    let model = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/models/all-MiniLM-L6-v2");
    let app = spawn_app_with(AppOptions {
        overrides: vec![
            setting("admin.token", TOKEN),
            setting(
                "sources.sitemaps",
                &format!("[\"http://{site}/sitemap.xml\"]"),
            ),
            setting("sources.include_paths", "[]"),
            setting("sources.allow_private_hosts", &format!("[\"{site}\"]")),
            setting("sources.delay_ms", "0"),
            setting(
                "knowledge.embedding.local_model_dir",
                &model.display().to_string(),
            ),
            setting(
                "knowledge.vector_store.path",
                &vectors.path().join("vectors.db").display().to_string(),
            ),
        ],
        ..AppOptions::default()
    })
    .await?;
    let client = reqwest::Client::new();
    let url = app.url("/api/admin/northwind-heating/ingest");

    // No token, a wrong one, a near miss: the same answer as a route that does not exist.
    for request in [
        client.post(&url),
        client.post(&url).bearer_auth("wrong"),
        client
            .post(&url)
            .header("x-salient-admin-token", &TOKEN[..TOKEN.len() - 1]),
    ] {
        let response = request.send().await?;
        assert_eq!(response.status(), 404);
        let body: Value = response.json().await?;
        assert_eq!(body["error"]["code"], "route_not_found");
    }

    // The token in the header the IAM-signed route uses: a real run.
    let response = client
        .post(&url)
        .header("x-salient-admin-token", TOKEN)
        .send()
        .await?;
    assert_eq!(response.status(), 200);
    let run: Value = response.json().await?;
    assert_eq!(run["trigger"], "admin", "{run}");
    let added = run["counts"]["added"].as_u64().unwrap_or(0);
    assert!(added >= 3, "pages added: {run}");

    // Bearer works too; a second run changes nothing.
    let response = client.post(&url).bearer_auth(TOKEN).send().await?;
    assert_eq!(response.status(), 200);
    let again: Value = response.json().await?;
    assert_eq!(again["counts"]["added"], 0, "{again}");
    assert_eq!(
        again["counts"]["unchanged"].as_u64(),
        Some(added),
        "{again}"
    );

    // An account id that is not a slug, and one that does not exist.
    let response = client
        .post(app.url("/api/admin/..%2F..%2Fetc/ingest"))
        .bearer_auth(TOKEN)
        .send()
        .await?;
    assert_eq!(response.status(), 400);
    let response = client
        .post(app.url("/api/admin/no-such-account/ingest"))
        .bearer_auth(TOKEN)
        .send()
        .await?;
    assert_eq!(response.status(), 404);
    Ok(())
}

#[tokio::test]
async fn without_a_configured_token_admin_routes_do_not_exist() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions::default()).await?;
    let response = reqwest::Client::new()
        .post(app.url("/api/admin/northwind-heating/ingest"))
        .bearer_auth("")
        .send()
        .await?;
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["code"], "route_not_found");
    Ok(())
}

//! Cited answers: the real routes, the real local MiniLM embedder and the embedded index,
//! with the OpenRouter stand-in as the model. Chunks are embedded and indexed the way
//! ingestion stores them; the turn retrieves, numbers the sources in the prompt, and the
//! answer carries citations in the JSON turn, as a `citations` SSE event, and as links in
//! its HTML. Without a model the answer is extractive and labelled. One account's pages are
//! never cited to another. A question the site does not cover is answered so, with the next
//! step, without calling the model (`answer_mode: "no_answer"`).

use std::path::PathBuf;
use std::sync::Arc;

use salient_core::Asked;
use salient_core::EmbeddedIndex;
use salient_core::LocalEmbedder;
use salient_core::Retriever;
use salient_core::domain::AccountId;
use salient_core::ports::knowledge::{
    ChunkRecord, EmbedKind, Embedder as _, IndexedChunk, VectorIndex as _,
};
use salient_tests::app::{AppOptions, Backend, TestApp, setting, spawn_app_with};
use salient_tests::sse::joined_deltas;
use serde_json::{Value, json};

const NORTHWIND: &str = "northwind-heating";
const HARBOR: &str = "harbor-books";

pub(crate) fn model_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/models/all-MiniLM-L6-v2")
}

struct Page {
    url: &'static str,
    title: &'static str,
    text: &'static str,
}

const NORTHWIND_PAGES: &[Page] = &[
    Page {
        url: "https://northwind-heating.example/heat-pumps",
        title: "Air-source heat pumps",
        text: "The Aero 7 air-source heat pump costs £7,495 installed, and the Aero 11 costs \
               £9,950. Both qualify for the £7,500 Boiler Upgrade Scheme grant.",
    },
    Page {
        url: "https://northwind-heating.example/survey",
        title: "Free home survey",
        text: "Our home survey is free and takes about 90 minutes. An engineer measures \
               every room and checks your radiators and pipework.",
    },
    Page {
        url: "https://northwind-heating.example/areas",
        title: "Areas we cover",
        text: "We install across Leeds, York, Harrogate and Wakefield.",
    },
    Page {
        url: "https://northwind-heating.example/visit",
        title: "Visit us",
        text: "Our showroom is on the Tyne Valley Trade Park, Hexham. Monday to Friday: \
               8:00 to 18:00; Saturday: 9:00 to 13:00.",
    },
];

const HARBOR_PAGES: &[Page] = &[Page {
    url: "https://harbor-books.example/events",
    title: "Author evenings",
    text: "Secret harbour lighthouse poetry evening with the author of The Tidal Lamp, \
           every second Thursday.",
}];

/// A retriever over a fresh embedded index holding the pages, embedded by the local model.
async fn knowledge_base(dir: &tempfile::TempDir) -> anyhow::Result<Retriever> {
    let embedder = Arc::new(LocalEmbedder::new(&model_dir())?);
    let index = Arc::new(EmbeddedIndex::open(&dir.path().join("vectors.db"))?);
    for (account, pages) in [(NORTHWIND, NORTHWIND_PAGES), (HARBOR, HARBOR_PAGES)] {
        let texts: Vec<String> = pages.iter().map(|p| p.text.to_owned()).collect();
        let vectors = embedder.embed(&texts, EmbedKind::Passage).await?;
        let chunks: Vec<IndexedChunk> = pages
            .iter()
            .zip(vectors)
            .enumerate()
            .map(|(i, (page, vector))| IndexedChunk {
                record: ChunkRecord {
                    id: format!("page{i}#0"),
                    url: page.url.to_owned(),
                    title: page.title.to_owned(),
                    heading_path: vec![page.title.to_owned()],
                    text: page.text.to_owned(),
                    page_hash: format!("hash{i}"),
                    date: None,
                },
                vector,
            })
            .collect();
        index.upsert(&AccountId::parse(account)?, &chunks).await?;
    }
    Ok(Retriever::new(embedder, index))
}

/// The app over a knowledge base of the pages above, RAG on, with or without the model.
pub(crate) async fn app(
    with_llm: bool,
    backend: Backend,
) -> anyhow::Result<(TestApp, tempfile::TempDir)> {
    app_with(with_llm, backend, Vec::new()).await
}

/// [`app`] with extra settings.
pub(crate) async fn app_with(
    with_llm: bool,
    backend: Backend,
    overrides: Vec<salient_core::config::SecretParameter>,
) -> anyhow::Result<(TestApp, tempfile::TempDir)> {
    let dir = tempfile::tempdir()?;
    let retriever = knowledge_base(&dir).await?;
    let app = spawn_app_with(AppOptions {
        backend,
        with_llm,
        overrides: [setting("knowledge.rag.enabled", "true")]
            .into_iter()
            .chain(overrides)
            .collect(),
        retriever: Some(retriever),
        outbox: true,
        ..AppOptions::default()
    })
    .await?;
    Ok((app, dir))
}

fn system_prompt(request: &Value) -> String {
    request["messages"][0]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    { a_buffered_answer_cites_the_page_it_drew_on_with_a_link }
}

async fn a_buffered_answer_cites_the_page_it_drew_on_with_a_link(
    backend: Backend,
) -> anyhow::Result<()> {
    let (app, _dir) = app(true, backend).await?;
    let (body, _) = app
        .turn_in_new_session(
            NORTHWIND,
            "sales",
            "How much does the Aero 7 heat pump cost?",
        )
        .await?;
    assert_eq!(body["answer_mode"], "model");
    let answer = &body["assistant_message"];
    let citations = answer["citations"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        citations.len(),
        1,
        "the answer names [1] only: {citations:?}"
    );
    assert_eq!(citations[0]["n"], 1);
    assert_eq!(
        citations[0]["url"],
        "https://northwind-heating.example/heat-pumps"
    );
    assert_eq!(citations[0]["title"], "Air-source heat pumps");
    assert!(
        citations[0]["snippet"]
            .as_str()
            .unwrap_or("")
            .contains("£7,495")
    );
    assert!(citations[0]["score"].as_f64().unwrap_or(0.0) > 0.2);
    let html = answer["html"].as_str().unwrap_or_default();
    assert!(
        html.contains("href=\"https://northwind-heating.example/heat-pumps\""),
        "{html}"
    );

    // The model saw the sources, numbered, with their URLs, and best first.
    let standin = app.standin.as_ref().expect("stand-in");
    let prompt = system_prompt(&standin.last_request().expect("a request"));
    assert!(
        prompt.contains("[1] Air-source heat pumps <https://northwind-heating.example/heat-pumps>"),
        "{prompt}"
    );
    assert!(prompt.contains("£7,495"), "{prompt}");

    // The stored answer keeps its citations (history shows them after a reload).
    let (_, session) = app
        .turn_in_new_session(NORTHWIND, "sales", "Is the home survey free?")
        .await?;
    let history = app.history(&session).await?;
    let stored = history
        .iter()
        .find(|m| m["role"] == "assistant")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        stored["citations"][0]["url"], "https://northwind-heating.example/survey",
        "{history:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_streamed_answer_sends_a_citations_event_before_done() -> anyhow::Result<()> {
    let (app, _dir) = app(true, Backend::Embedded).await?;
    let session = app.new_session(NORTHWIND, "sales").await?;
    let events = app
        .streamed_turn(&session, "Do you install in York?")
        .await?;
    let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
    let at = |name: &str| names.iter().position(|n| *n == name);
    let (citations_at, done_at) = (at("citations"), at("done"));
    assert!(
        citations_at.is_some() && citations_at < done_at,
        "events: {names:?}"
    );
    let citations = &events[citations_at.unwrap_or_default()].data["citations"];
    assert_eq!(
        citations[0]["url"],
        "https://northwind-heating.example/areas"
    );
    assert!(joined_deltas(&events).contains("[1]"));
    let done = &events[done_at.unwrap_or_default()].data;
    assert!(
        done["html"]
            .as_str()
            .unwrap_or("")
            .contains("href=\"https://northwind-heating.example/areas\""),
        "{done}"
    );
    Ok(())
}

#[tokio::test]
async fn without_a_model_the_answer_quotes_the_site_and_says_so() -> anyhow::Result<()> {
    let (app, _dir) = app(false, Backend::Embedded).await?;
    let (body, _) = app
        .turn_in_new_session(NORTHWIND, "sales", "Is the home survey free?")
        .await?;
    assert_eq!(body["answer_mode"], "extractive");
    let answer = &body["assistant_message"];
    let content = answer["content"].as_str().unwrap_or_default();
    assert!(
        content.starts_with("*No language model is configured"),
        "{content}"
    );
    assert!(content.contains("Our home survey is free"), "{content}");
    assert_eq!(
        answer["citations"][0]["url"],
        "https://northwind-heating.example/survey"
    );
    assert_eq!(answer["status"], "complete");

    // The same over the stream.
    let session = app.new_session(NORTHWIND, "sales").await?;
    let events = app
        .streamed_turn(&session, "Do you install in York?")
        .await?;
    let done = events.iter().find(|e| e.name == "done").expect("done");
    assert_eq!(done.data["answer_mode"], "extractive");
    assert!(events.iter().any(|e| e.name == "citations"));
    Ok(())
}

#[tokio::test]
async fn without_a_model_a_list_question_quotes_the_businesss_list() -> anyhow::Result<()> {
    let (app, _dir) = app(false, Backend::Embedded).await?;
    let (body, _) = app
        .turn_in_new_session(NORTHWIND, "sales", "Which heat pumps do you have?")
        .await?;
    assert_eq!(body["answer_mode"], "extractive");
    let content = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(
        content.starts_with(
            "*No language model is configured for this assistant, so here is what best \
             matches your question in the business's lists and its website"
        ),
        "{content}"
    );
    // The list's items (their fields) come first, labelled, then the site's passages.
    let listed = content
        .find("**From the business's list \"products\"**")
        .unwrap_or(usize::MAX);
    let quoted = content.find("> ").unwrap_or(usize::MAX);
    assert!(listed < quoted && quoted < usize::MAX, "{content}");
    assert!(
        content.contains(
            "- **Aero 5**: sku: NW-AERO5; category: heat pump; price: 4495; in_stock: true; \
             output_kw: 5;"
        ),
        "{content}"
    );
    assert!(content.contains("- **Terra 8**"), "{content}");
    assert!(!content.contains("Combi 30"), "{content}");

    // A question the lists know nothing about gets the site alone.
    let (body, _) = app
        .turn_in_new_session(NORTHWIND, "sales", "Is the home survey free?")
        .await?;
    let content = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(!content.contains("From the business's list"), "{content}");
    assert!(!content.contains("Aero"), "{content}");
    assert!(content.contains("Our home survey is free"), "{content}");
    Ok(())
}

#[tokio::test]
async fn without_a_model_or_knowledge_the_turn_is_a_typed_error() -> anyhow::Result<()> {
    // RAG off: no knowledge base to quote, so the old typed error stands.
    let app = spawn_app_with(AppOptions {
        with_llm: false,
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session(NORTHWIND, "sales").await?;
    let response = session
        .client
        .post(app.session_url(&session, "/turns"))
        .json(&json!({ "message": "hello" }))
        .send()
        .await?;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["code"], "no_model_configured");
    Ok(())
}

#[tokio::test]
async fn another_accounts_pages_are_never_retrieved_or_cited() -> anyhow::Result<()> {
    // Abstention off: the model is called, so its prompt shows what was retrieved.
    let (app, _dir) = app_with(
        true,
        Backend::Embedded,
        vec![setting("knowledge.rag.abstain.enabled", "false")],
    )
    .await?;
    // Harbor's unique words, asked of Northwind's agent.
    let question = "Tell me about the secret harbour lighthouse poetry evening, The Tidal Lamp";
    let (body, _) = app
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    let standin = app.standin.as_ref().expect("stand-in");
    let prompt = system_prompt(&standin.last_request().expect("a request"));
    assert!(!prompt.contains("harbor-books.example"), "{prompt}");
    assert!(!prompt.contains("Tidal Lamp"), "{prompt}");
    let cited = body["assistant_message"]["citations"].to_string();
    assert!(!cited.contains("harbor-books"), "{cited}");

    // Harbor's own agent finds it.
    let (body, _) = app.turn_in_new_session(HARBOR, "info", question).await?;
    assert_eq!(
        body["assistant_message"]["citations"][0]["url"],
        "https://harbor-books.example/events"
    );
    Ok(())
}

#[tokio::test]
async fn a_question_the_site_does_not_cover_gets_no_sources() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let retriever = knowledge_base(&dir).await?;
    let app = spawn_app_with(AppOptions {
        overrides: vec![
            setting("knowledge.rag.enabled", "true"),
            setting("knowledge.rag.score_threshold", "0.5"),
            setting("knowledge.rag.abstain.enabled", "false"),
        ],
        retriever: Some(retriever),
        ..AppOptions::default()
    })
    .await?;
    let (body, _) = app
        .turn_in_new_session(NORTHWIND, "sales", "What is the capital of Peru?")
        .await?;
    let standin = app.standin.as_ref().expect("stand-in");
    let prompt = system_prompt(&standin.last_request().expect("a request"));
    assert!(!prompt.contains("## Sources"), "{prompt}");
    assert_eq!(body["assistant_message"]["citations"], json!([]));
    Ok(())
}

#[tokio::test]
async fn a_question_the_site_does_not_cover_is_answered_so_without_calling_the_model()
-> anyhow::Result<()> {
    let (app, _dir) = app(true, Backend::Embedded).await?;
    let standin = app.standin.as_ref().expect("stand-in");
    let calls = standin.request_count();
    let question = "What is the capital of Peru?";

    let (body, _) = app
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    assert_eq!(body["answer_mode"], "no_answer", "{body}");
    assert_eq!(body["reason"], json!(null));
    let answer = &body["assistant_message"];
    let content = answer["content"].as_str().unwrap_or_default();
    assert!(content.contains("doesn't cover this"), "{content}");
    // The next step: the account's contact and, with the handoff on, a person.
    assert!(content.contains("01434 600 218"), "{content}");
    assert!(content.contains("Talk to a person"), "{content}");
    assert_eq!(answer["citations"], json!([]));
    assert_eq!(answer["status"], "complete");
    assert_eq!(standin.request_count(), calls, "the model was called");

    // The same over the stream.
    let session = app.new_session(NORTHWIND, "sales").await?;
    let events = app.streamed_turn(&session, question).await?;
    let done = events.iter().find(|e| e.name == "done").expect("done");
    assert_eq!(done.data["answer_mode"], "no_answer", "{:?}", done.data);
    assert_eq!(done.data["reason"], json!(null));
    assert!(joined_deltas(&events).contains("doesn't cover this"));
    assert_eq!(standin.request_count(), calls, "the model was called");

    // A question the site answers still reaches the model, with its sources.
    let (body, _) = app
        .turn_in_new_session(NORTHWIND, "sales", "Is the home survey free?")
        .await?;
    assert_eq!(body["answer_mode"], "model", "{body}");
    assert_eq!(standin.request_count(), calls + 1);
    let prompt = system_prompt(&standin.last_request().expect("a request"));
    assert!(
        prompt.contains("Answer only from these numbered sources"),
        "{prompt}"
    );
    assert_eq!(
        body["assistant_message"]["citations"][0]["url"],
        "https://northwind-heating.example/survey"
    );
    Ok(())
}

#[tokio::test]
async fn without_a_model_a_question_the_site_does_not_cover_is_answered_so() -> anyhow::Result<()> {
    let (app, _dir) = app(false, Backend::Embedded).await?;
    let (body, _) = app
        .turn_in_new_session(HARBOR, "info", "What is the capital of Peru?")
        .await?;
    assert_eq!(body["answer_mode"], "no_answer", "{body}");
    assert_eq!(body["reason"], json!(null));
    let content = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(
        content.contains("Harbor Books & Cafe doesn't cover this"),
        "{content}"
    );
    assert!(content.contains("01632 960 414"), "{content}");
    // Harbor's agent hands over to no one: no pointer to a person.
    assert!(!content.contains("Talk to a person"), "{content}");

    // A question the account's lists answer is not abstained, however far the pages are.
    let (body, _) = app
        .turn_in_new_session(
            NORTHWIND,
            "sales",
            "Is the Terra 8 ground source heat pump in stock?",
        )
        .await?;
    assert_eq!(body["answer_mode"], "extractive", "{body}");
    Ok(())
}

#[tokio::test]
async fn a_question_partly_unknown_to_the_pages_is_turned_down_only_without_a_model()
-> anyhow::Result<()> {
    // The survey page is near the question by its scores, but "bungalow" (rare in English)
    // is on no page: with the unknown-share bar lowered to 0.2 the quoted answer abstains,
    // while a model still gets the sources and judges them itself.
    let question = "Is the home survey free for a bungalow?";
    let strict = || vec![setting("knowledge.rag.abstain.max_unknown", "0.2")];

    let (quoting, _dir) = app_with(false, Backend::Embedded, strict()).await?;
    let (body, _) = quoting
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    assert_eq!(body["answer_mode"], "no_answer", "{body}");

    let (with_model, _dir) = app_with(true, Backend::Embedded, strict()).await?;
    let standin = with_model.standin.as_ref().expect("stand-in");
    let calls = standin.request_count();
    let (body, _) = with_model
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    assert_eq!(body["answer_mode"], "model", "{body}");
    assert_eq!(
        standin.request_count(),
        calls + 1,
        "the model was not called"
    );
    let prompt = system_prompt(&standin.last_request().expect("a request"));
    assert!(prompt.contains("Our home survey is free"), "{prompt}");

    // At the default bar (0.6) the quoted answer is given too.
    let (default_bar, _dir) = app(false, Backend::Embedded).await?;
    let (body, _) = default_bar
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    assert_eq!(body["answer_mode"], "extractive", "{body}");
    Ok(())
}

#[tokio::test]
async fn a_time_asked_of_something_the_pages_give_no_time_for_is_turned_down_without_a_model()
-> anyhow::Result<()> {
    // Every word of the question is on Northwind's "Visit us" page, which gives the
    // showroom's address on the trade park and its opening times, but no sentence giving a
    // time names the trade park.
    let question = "What time does the Tyne Valley Trade Park open?";
    let (quoting, _dir) = app(false, Backend::Embedded).await?;
    let (body, _) = quoting
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    assert_eq!(body["answer_mode"], "no_answer", "{body}");
    // A time asked of what a sentence gives one for, and a price likewise ("Our home survey
    // is free"), are quoted.
    for (asked, quoted) in [
        ("What time do you open on Saturday?", "9:00 to 13:00"),
        ("How much is the home survey?", "home survey is free"),
    ] {
        let (body, _) = quoting
            .turn_in_new_session(NORTHWIND, "sales", asked)
            .await?;
        assert_eq!(body["answer_mode"], "extractive", "{body}");
        let content = body["assistant_message"]["content"]
            .as_str()
            .unwrap_or_default();
        assert!(content.contains(quoted), "{content}");
    }

    // With the check off the scores alone decide, and they find the pages near.
    let off = || vec![setting("knowledge.rag.abstain.min_kind_cover", "0")];
    let (unchecked, _dir) = app_with(false, Backend::Embedded, off()).await?;
    let (body, _) = unchecked
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    assert_eq!(body["answer_mode"], "extractive", "{body}");

    // A model reads the sources itself.
    let (with_model, _dir) = app(true, Backend::Embedded).await?;
    let (body, _) = with_model
        .turn_in_new_session(NORTHWIND, "sales", question)
        .await?;
    assert_eq!(body["answer_mode"], "model", "{body}");
    Ok(())
}

#[tokio::test]
async fn asking_how_to_reach_the_business_is_answered_from_its_contact_line() -> anyhow::Result<()>
{
    // None of the test pages gives a phone number; the account's `contact` does.
    let (quoting, _dir) = app(false, Backend::Embedded).await?;
    let (body, _) = quoting
        .turn_in_new_session(NORTHWIND, "sales", "What is your phone number?")
        .await?;
    assert_eq!(body["answer_mode"], "extractive", "{body}");
    let content = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(
        content.starts_with("**How to reach Northwind Heating:** call 01434 600 218 (sales)"),
        "{content}"
    );
    // Asking for someone else's number is a question for the pages.
    let (body, _) = quoting
        .turn_in_new_session(
            NORTHWIND,
            "sales",
            "What is the phone number of the Aero 7 maker?",
        )
        .await?;
    let content = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(!content.contains("How to reach"), "{content}");

    // The model is given the line, and is called even when the pages are far.
    let (with_model, _dir) = app(true, Backend::Embedded).await?;
    let standin = with_model.standin.as_ref().expect("stand-in");
    let (body, _) = with_model
        .turn_in_new_session(NORTHWIND, "sales", "How do I get in touch?")
        .await?;
    assert_eq!(body["answer_mode"], "model", "{body}");
    let prompt = system_prompt(&standin.last_request().expect("a request"));
    assert!(
        prompt.contains("**How to reach Northwind Heating:** call 01434 600 218"),
        "{prompt}"
    );
    Ok(())
}

#[tokio::test]
async fn a_question_asking_two_things_retrieves_the_page_for_each() -> anyhow::Result<()> {
    // Two sources' room: the first part's words ("heat pump", "cost") pull the heat-pump
    // and survey pages up as a whole; the page answering the second part (the towns) is
    // found by asking that part on its own.
    let dir = tempfile::tempdir()?;
    let retriever = knowledge_base(&dir).await?;
    let rag = salient_core::config::RagSettings {
        top_k: 2,
        ..salient_core::config::RagSettings::default()
    };
    let account = AccountId::parse(NORTHWIND)?;
    let question = "How much does the Aero 7 heat pump cost installed, and is Harrogate \
                    somewhere you work?";
    let sources = retriever
        .retrieve(&account, &Asked::alone(question), &rag)
        .await?;
    let urls: Vec<&str> = sources.pages.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://northwind-heating.example/heat-pumps",
            "https://northwind-heating.example/areas"
        ],
        "{urls:?}"
    );
    // One part alone is one query, answered as before.
    let sources = retriever
        .retrieve(
            &account,
            &Asked::alone("How much does the Aero 7 heat pump cost installed?"),
            &rag,
        )
        .await?;
    assert_eq!(
        sources.pages[0].url,
        "https://northwind-heating.example/heat-pumps"
    );
    Ok(())
}

#[tokio::test]
async fn a_follow_up_is_looked_up_with_the_question_before_it() -> anyhow::Result<()> {
    // "How long?" names nothing: on its own it is turned away or meets the wrong page; after
    // "Is the home survey free?" it is about the survey.
    let (quoting, _dir) = app(false, Backend::Embedded).await?;
    let session = quoting.new_session(NORTHWIND, "sales").await?;
    quoting.turn(&session, "Is the home survey free?").await?;
    let body = quoting.turn(&session, "How long?").await?;
    assert_eq!(body["answer_mode"], "extractive", "{body}");
    let answer = &body["assistant_message"];
    assert_eq!(
        answer["citations"][0]["url"], "https://northwind-heating.example/survey",
        "{body}"
    );
    let content = answer["content"].as_str().unwrap_or_default();
    assert!(content.contains("about 90 minutes"), "{content}");

    let (alone, _) = quoting
        .turn_in_new_session(NORTHWIND, "sales", "How long?")
        .await?;
    assert!(
        alone["answer_mode"] == "no_answer"
            || alone["assistant_message"]["citations"][0]["url"]
                != "https://northwind-heating.example/survey",
        "{alone}"
    );

    // A question that stands on its own is asked as it stands, whatever came before.
    let body = quoting.turn(&session, "Do you install in York?").await?;
    assert_eq!(
        body["assistant_message"]["citations"][0]["url"], "https://northwind-heating.example/areas",
        "{body}"
    );

    // With the model: the follow-up's sources in the prompt are the survey's.
    let (writing, _dir) = app(true, Backend::Embedded).await?;
    let session = writing.new_session(NORTHWIND, "sales").await?;
    writing.turn(&session, "Is the home survey free?").await?;
    let body = writing.turn(&session, "How long?").await?;
    assert_eq!(body["answer_mode"], "model", "{body}");
    let standin = writing.standin.as_ref().expect("stand-in");
    let prompt = system_prompt(&standin.last_request().expect("a request"));
    assert!(
        prompt.contains("[1] Free home survey <https://northwind-heating.example/survey>"),
        "{prompt}"
    );
    Ok(())
}

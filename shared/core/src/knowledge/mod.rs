//! Knowledge: ingestion, embeddings, vector indexes, retrieval.

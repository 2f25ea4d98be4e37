//! The HTTP edge shared by every function: error mapping, extractors, the request scope
//! (account and agent from the path), and the layers every router gets.

mod client_ip;
mod error;
mod extract;
mod origin;
mod origin_secret;
mod render;
mod request_metrics;
mod router;
mod scope;
mod security_headers;
mod views;
mod visitor;

pub use client_ip::ClientIp;
pub use error::{
    ApiError, CodedError, ErrorBody, ErrorCode, ErrorDetail, error_table_markdown, id_error,
    status_of,
};
pub use extract::{ApiJson, ApiQuery};
pub use origin_secret::ORIGIN_SECRET_HEADER;
pub use render::{BASIC_TAGS, RawHtml, answer_html};
pub use request_metrics::{REQUEST_ID_HEADER, function_of};
pub use router::{finish, finish_serving_site, healthz};
pub use scope::{AgentScope, SessionPath};
pub use security_headers::{API_CSP, API_REFERRER_POLICY, SITE_CSP, SITE_REFERRER_POLICY};
pub use views::{CitationView, FeedbackView, MessageView, SessionView, citation_views};
pub use visitor::{
    MaybeVisitor, VISITOR_COOKIE, VISITOR_HEADER, Visitor, forget_visitor_cookie, visitor_cookie,
};

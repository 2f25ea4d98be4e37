//! How an AWS SDK error is read by every AWS adapter (DynamoDB, SES): worth retrying or not.

// One type behind every AWS SDK crate's re-export, so SES errors read the same way.
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};

/// Whether a failed call may pass on retry: timeouts, unreadable responses, connection
/// failures, and service errors whose code is one of the service's `transient_codes`.
pub(crate) fn is_retryable<E, R>(err: &SdkError<E, R>, transient_codes: &[&str]) -> bool
where
    E: ProvideErrorMetadata,
{
    match err {
        SdkError::TimeoutError(_) | SdkError::ResponseError(_) => true,
        SdkError::DispatchFailure(failure) => failure.is_io() || failure.is_timeout(),
        SdkError::ServiceError(service) => service
            .err()
            .code()
            .is_some_and(|code| transient_codes.contains(&code)),
        _ => false,
    }
}

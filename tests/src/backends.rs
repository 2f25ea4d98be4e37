//! Running one test case on every backend: [`on_each_backend!`](crate::on_each_backend)
//! makes one test per backend and case, and [`FreshStorage`] is the storage a storage case
//! runs on (a SQLite file in a temporary directory, or a new DynamoDB Local table that is
//! deleted afterwards). DynamoDB cases fail, never skip, without
//! `SALIENT_TEST_DYNAMODB_ENDPOINT`: `scripts/test.sh` starts DynamoDB Local and sets it.

use crate::app::Backend;
use crate::conformance::{EmbeddedFile, StoreFactory};
use crate::dynamodb_local::FreshTable;

/// One test per backend and case: a module per backend, in it a test per case named after
/// the case, so `storage::dynamodb::garbage_cursor_is_invalid` is the case
/// `garbage_cursor_is_invalid` on DynamoDB Local. Each backend gives the expression that
/// runs a case, with the case function bound to the name between the bars; the expression
/// is the body of an `async fn() -> anyhow::Result<()>` and sees the items of the module
/// that invokes the macro. Cases are functions of that module, or of a module it imports
/// when the list is written `module::{...}`. Tests are `#[tokio::test]` (one thread) unless
/// the invocation starts with another test attribute.
///
/// ```text
/// salient_tests::on_each_backend! {
///     embedded: |case| case(Backend::Embedded).await,
///     dynamodb: |case| case(Backend::Dynamodb).await;
///     {
///         buffered_turn_answers_and_stores_both_messages,
///         a_dropped_upstream_connection_stores_the_partial_answer,
///     }
/// }
/// ```
#[macro_export]
macro_rules! on_each_backend {
    (
        $( $backend:ident : |$case_fn:ident| $run:expr ),+ ;
        $( $module:ident :: )? { $( $case:ident ),+ $(,)? }
    ) => {
        $crate::on_each_backend! {
            #[::tokio::test]
            $( $backend: |$case_fn| $run ),+ ;
            $( $module :: )? { $( $case ),+ }
        }
    };
    (
        #$test:tt
        $( $backend:ident : |$case_fn:ident| $run:expr ),+ ;
        $( $module:ident :: )? { $( $case:ident ),+ $(,)? }
    ) => {
        $crate::on_each_backend!(
            @backends $test [super:: $( $module :: )?] [$( $case )+]
            $( $backend |$case_fn| ($run) )+
        );
    };
    (@backends $test:tt $prefix:tt $cases:tt $( $backend:ident |$case_fn:ident| $run:tt )+) => {
        $( $crate::on_each_backend!(@module $test $backend |$case_fn| $run $prefix $cases); )+
    };
    (@module $test:tt $backend:ident |$case_fn:ident| $run:tt $prefix:tt [$( $case:ident )+]) => {
        mod $backend {
            #[allow(unused_imports)]
            use super::*;
            $(
                #$test
                async fn $case() -> ::anyhow::Result<()> {
                    let $case_fn = $crate::on_each_backend!(@path $prefix $case);
                    $run
                }
            )+
        }
    };
    (@path [$( $prefix:tt )*] $case:ident) => {
        $( $prefix )* $case
    };
}

/// Fresh, empty storage on one backend, for one test.
#[derive(Debug)]
pub enum FreshStorage {
    /// A SQLite file in a temporary directory (removed on drop).
    Embedded(EmbeddedFile),
    /// A new table on DynamoDB Local (removed by [`FreshStorage::remove`]).
    Dynamodb(FreshTable),
}

impl FreshStorage {
    /// Creates empty storage on `backend`.
    pub async fn create(backend: Backend) -> anyhow::Result<Self> {
        Ok(match backend {
            Backend::Embedded => {
                let file = EmbeddedFile::new()?;
                println!("embedded store at {}", file.path().display());
                Self::Embedded(file)
            }
            Backend::Dynamodb => Self::Dynamodb(FreshTable::create().await?),
        })
    }

    /// Removes the storage (a DynamoDB table is deleted; a temporary file goes on drop).
    pub async fn remove(self) -> anyhow::Result<()> {
        match self {
            Self::Embedded(_) => Ok(()),
            Self::Dynamodb(table) => table.delete().await,
        }
    }

    /// The storage as a [`StoreFactory`], for the storage conformance cases.
    pub fn factory(&self) -> &dyn StoreFactory {
        match self {
            Self::Embedded(file) => file,
            Self::Dynamodb(table) => table,
        }
    }
}

/// Runs `case` on fresh storage of `backend`, then removes the storage (kept when the case
/// fails, for a look at what it left).
pub async fn with_fresh_storage(
    backend: Backend,
    case: impl AsyncFnOnce(&FreshStorage) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let storage = FreshStorage::create(backend).await?;
    case(&storage).await?;
    storage.remove().await
}

/// Runs a storage conformance case on fresh storage of `backend`.
pub async fn on_fresh_storage(
    backend: Backend,
    case: impl AsyncFnOnce(&dyn StoreFactory) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    with_fresh_storage(backend, async |storage| case(storage.factory()).await).await
}

//! The transport seam: what an endpoint trait's methods call.

use std::future::Future;
use std::sync::Arc;

use crate::error::Result;
use crate::request::Request;
use crate::response::Response;
use crate::stream::ByteStream;

/// Sends requests. Name it as the supertrait of an endpoint trait:
///
/// ```
/// pub trait Training: declarest::Api {
///     #[declarest::endpoint(GET, "/projects/<projectId>/iterations")]
///     async fn get_iterations(&self, project_id: uuid::Uuid) -> declarest::Result<Vec<String>>;
/// }
/// impl Training for declarest::Client {}
/// ```
///
/// [`Client`](crate::Client) sends over HTTP. A test double implements it to answer in memory,
/// without a socket: look at [`Request::endpoint`] to see which operation is being called.
///
/// ```
/// use declarest::{Api, Request, Response, Result};
/// use declarest::http::StatusCode;
///
/// struct AlwaysNotFound;
///
/// impl Api for AlwaysNotFound {
///     async fn send(&self, request: Request) -> Result<Response> {
///         let body = serde_json::json!({"code": "NotFound", "message": request.target()});
///         Ok(Response::json(StatusCode::NOT_FOUND, &body).expect("a JSON value serializes"))
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot send declarest requests",
    label = "`{Self}` does not implement `declarest::Api`",
    note = "an endpoint trait must name the supertrait: `trait MyApi: declarest::Api {{ .. }}`; then implement it for `declarest::Client` or a test double"
)]
pub trait Api: Send + Sync {
    /// Sends one request and reads the whole response. A status outside 2xx is not an error
    /// here: the caller turns it into one, keeping the body.
    fn send(&self, request: Request) -> impl Future<Output = Result<Response>> + Send;

    /// Sends one request and hands back the response once its head arrived, the body left to
    /// read as a stream: what an endpoint that returns [`ByteStream`] calls. A status outside
    /// 2xx is not an error here either.
    ///
    /// The default reads the whole response with [`send`](Self::send) and streams it as one
    /// chunk, so a test double needs only `send`. [`Client`](crate::Client) and
    /// [`Retry`](crate::Retry) stream for real.
    fn send_streaming(&self, request: Request) -> impl Future<Output = Result<ByteStream>> + Send {
        async move { self.send(request).await.map(ByteStream::from) }
    }
}

impl<A: Api + ?Sized> Api for &A {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response>> + Send {
        (**self).send(request)
    }

    fn send_streaming(&self, request: Request) -> impl Future<Output = Result<ByteStream>> + Send {
        (**self).send_streaming(request)
    }
}

impl<A: Api + ?Sized> Api for Arc<A> {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response>> + Send {
        (**self).send(request)
    }

    fn send_streaming(&self, request: Request) -> impl Future<Output = Result<ByteStream>> + Send {
        (**self).send_streaming(request)
    }
}

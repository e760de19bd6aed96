//! The error every v3.3 operation declares: [`CustomVisionError`].

use std::fmt;

use declarest::Model;
use serde::{Deserialize, Serialize};

use super::CustomVisionErrorCode;

/// The body of an error response: `{"code": "NotFoundIteration", "message": "..."}`. Every
/// operation of v3.3 declares it as its `default` response.
///
/// A call that fails with such a response is a [`declarest::Error`] keeping the status and the
/// raw body; [`CustomVisionError::from_error`] reads this shape out of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct CustomVisionError {
    /// The error code (open: a code this client does not know is kept as `Other`).
    #[serde(alias = "Code")]
    pub code: CustomVisionErrorCode,
    /// A message explaining the error.
    #[serde(alias = "Message")]
    pub message: String,
}

impl CustomVisionError {
    /// The service's error, when `error` is an error response whose body has this shape.
    pub fn from_error(error: &declarest::Error) -> Option<Self> {
        error.service_error().map(|service| CustomVisionError {
            code: CustomVisionErrorCode::from(service.code.as_str()),
            message: service.message.clone(),
        })
    }
}

impl fmt::Display for CustomVisionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for CustomVisionError {}

//! Retrying what is safe to send again: when, how long to wait, and how much extra load a
//! failing service may see.
//!
//! The rules:
//! - A request whose connection could not be made (refused, DNS, TLS handshake) was never
//!   sent: it is retried whatever its method.
//! - `429 Too Many Requests` means the service refused the request before processing it: it is
//!   retried whatever its method.
//! - An idempotent request (GET, HEAD, PUT, DELETE, OPTIONS, or an endpoint declared
//!   `idempotent`) is also retried on 408, 500, 502, 503 and 504, on a reset or closed
//!   connection, on a timeout, and on a body cut short.
//! - Anything else is never sent twice: a POST or PATCH whose bytes may have left is not resent.
//!
//! The wait is what the service asks for (`retry-after-ms`, `x-ms-retry-after-ms`, or
//! `Retry-After` in seconds or as an HTTP date), else an exponential backoff with jitter. A
//! wait longer than [`RetryPolicy::max_delay`], or than the time left before the client's
//! deadline, is not waited: the call ends with what arrived. A budget bounds the retries to a
//! fraction of the calls, so that a failing service sees little extra load.

use std::cell::Cell;
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

use crate::description::Endpoint;
use crate::error::{BodyErrorKind, Error, Result};
use crate::request::Request;
use crate::response::Response;
use crate::stream::ByteStream;
use crate::transport::Api;

/// Retries after the first attempt, by default: the Azure SDKs' default.
pub const DEFAULT_MAX_RETRIES: u32 = 3;
/// The first backoff, by default; it doubles with each retry (the Azure SDKs' default).
pub const DEFAULT_INITIAL_BACKOFF: Duration = Duration::from_millis(800);
/// The longest single wait, by default.
pub const DEFAULT_MAX_DELAY: Duration = Duration::from_secs(60);

/// When and how to retry. [`RetryPolicy::default`] retries up to 3 times; [`RetryPolicy::none`]
/// never retries.
///
/// ```
/// use std::time::Duration;
/// let policy = declarest::RetryPolicy::default()
///     .max_retries(5)
///     .initial_backoff(Duration::from_millis(200))
///     .max_delay(Duration::from_secs(10));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_delay: Duration,
    budget_ratio: f64,
    budget_per_second: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: DEFAULT_MAX_RETRIES,
            initial_backoff: DEFAULT_INITIAL_BACKOFF,
            max_delay: DEFAULT_MAX_DELAY,
            budget_ratio: 0.2,
            budget_per_second: 10,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Retries after the first attempt (default 3); 0 turns retrying off.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The backoff before the first retry when the service asks for no delay (default 800 ms);
    /// it doubles with each retry, and each wait is drawn between half of it and all of it.
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The longest single wait (default 60 s). A service that asks for a longer one is not
    /// retried: the call ends with its answer.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The retry budget: retries may add at most `ratio` of the calls made (default 0.2), plus
    /// `per_second` retries a second (default 10) so that a client that calls rarely can still
    /// retry. Past it, a call ends with what arrived instead of retrying.
    pub fn budget(mut self, ratio: f64, per_second: u32) -> Self {
        self.budget_ratio = if ratio.is_finite() {
            ratio.clamp(0.0, 1000.0)
        } else {
            0.0
        };
        self.budget_per_second = per_second;
        self
    }

    /// Whether this policy ever retries.
    pub fn is_enabled(&self) -> bool {
        self.max_retries > 0
    }
}

/// A policy with its budget, shared by the clones of one client.
#[derive(Debug)]
pub(crate) struct Retrier {
    policy: RetryPolicy,
    budget: Budget,
}

impl Retrier {
    pub(crate) fn new(policy: RetryPolicy) -> Self {
        let budget = Budget::new(policy.budget_ratio, policy.budget_per_second);
        Retrier { policy, budget }
    }

    pub(crate) fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    /// Sends `request` through `send` until it succeeds, fails for good, or may not be retried.
    /// `deadline` bounds the waits: none is started that would end after it.
    /// A streamed response (`R` = [`ByteStream`]) is retried on its head alone: once handed
    /// back, what happens to its body is the caller's.
    pub(crate) async fn run<R, F, Fut>(
        &self,
        request: Request,
        deadline: Option<Instant>,
        mut send: F,
    ) -> Result<R>
    where
        R: Answer,
        F: FnMut(Request) -> Fut,
        Fut: Future<Output = Result<R>>,
    {
        if !self.policy.is_enabled() {
            return send(request).await;
        }
        let endpoint = request.endpoint();
        self.budget.deposit();
        let mut attempt: u32 = 1;
        loop {
            let result = send(request.clone()).await;
            let Some(reason) = retry_reason(endpoint, &result) else {
                return with_attempts(result, attempt);
            };
            if attempt > self.policy.max_retries {
                return with_attempts(result, attempt);
            }
            let Some(delay) = self.delay(&result, attempt) else {
                return with_attempts(result, attempt);
            };
            if deadline.is_some_and(|deadline| Instant::now() + delay >= deadline) {
                return with_attempts(result, attempt);
            }
            if !self.budget.withdraw() {
                tracing::debug!(
                    endpoint = endpoint.name(),
                    attempt,
                    %reason,
                    "not retrying: the retry budget is spent"
                );
                return with_attempts(result, attempt);
            }
            tracing::info!(
                endpoint = endpoint.name(),
                attempt,
                %reason,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "retrying"
            );
            // Let the connection of a failed attempt go before waiting.
            drop(result);
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// How long to wait before retry number `attempt`: what the service asked for, else the
    /// backoff. `None` when the service asks for more than the longest wait.
    fn delay<R: Answer>(&self, result: &Result<R>, attempt: u32) -> Option<Duration> {
        let asked = match result {
            Ok(response) => server_delay(response.headers(), SystemTime::now()),
            Err(error) => error
                .headers()
                .and_then(|h| server_delay(h, SystemTime::now())),
        };
        match asked {
            Some(asked) if asked > self.policy.max_delay => None,
            Some(asked) => Some(asked),
            None => Some(backoff(&self.policy, attempt, jitter())),
        }
    }
}

/// What the retry layer reads of an attempt's response: its head.
pub(crate) trait Answer {
    fn status(&self) -> StatusCode;
    fn headers(&self) -> &HeaderMap;
    fn attempts(&self) -> u32;
    fn set_attempts(&mut self, attempts: u32);
}

impl Answer for Response {
    fn status(&self) -> StatusCode {
        self.status()
    }
    fn headers(&self) -> &HeaderMap {
        self.headers()
    }
    fn attempts(&self) -> u32 {
        self.attempts()
    }
    fn set_attempts(&mut self, attempts: u32) {
        self.set_attempts(attempts);
    }
}

impl Answer for ByteStream {
    fn status(&self) -> StatusCode {
        self.status()
    }
    fn headers(&self) -> &HeaderMap {
        self.headers()
    }
    fn attempts(&self) -> u32 {
        self.attempts()
    }
    fn set_attempts(&mut self, attempts: u32) {
        self.set_attempts(attempts);
    }
}

fn with_attempts<R: Answer>(result: Result<R>, attempts: u32) -> Result<R> {
    match result {
        Ok(mut response) => {
            response.set_attempts(attempts);
            Ok(response)
        }
        Err(mut error) => {
            error.set_attempts(attempts);
            Err(error)
        }
    }
}

/// Why an attempt is worth retrying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    Status(StatusCode),
    Connect,
    Transport,
    Timeout,
    BodyInterrupted,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Status(status) => write!(f, "status {}", status.as_u16()),
            Reason::Connect => f.write_str("connection failed"),
            Reason::Transport => f.write_str("connection lost"),
            Reason::Timeout => f.write_str("timed out"),
            Reason::BodyInterrupted => f.write_str("body cut short"),
        }
    }
}

/// Whether the outcome of an attempt may be retried, and why.
pub(crate) fn retry_reason<R: Answer>(endpoint: &Endpoint, result: &Result<R>) -> Option<Reason> {
    let idempotent = endpoint.is_idempotent();
    match result {
        Ok(response) => {
            let status = response.status();
            let retry = match status.as_u16() {
                429 => true,
                408 | 500 | 502 | 503 | 504 => idempotent,
                _ => false,
            };
            retry.then_some(Reason::Status(status))
        }
        Err(Error::Connect { .. }) => Some(Reason::Connect),
        Err(Error::Transport { .. }) if idempotent => Some(Reason::Transport),
        Err(Error::Timeout { .. }) if idempotent => Some(Reason::Timeout),
        Err(Error::Body(body)) if idempotent => match body.kind {
            BodyErrorKind::Interrupted => Some(Reason::BodyInterrupted),
            BodyErrorKind::TimedOut => Some(Reason::Timeout),
            BodyErrorKind::TooLarge { .. } => None,
        },
        Err(_) => None,
    }
}

/// The wait the service asks for: `retry-after-ms` or `x-ms-retry-after-ms` (milliseconds, as
/// Azure sends them), else `Retry-After` in seconds or as an HTTP date (a date in the past is
/// no wait).
pub(crate) fn server_delay(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
        if let Some(ms) = headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
        {
            return Some(Duration::from_millis(ms));
        }
    }
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `initial × 2^(attempt-1)`, capped at the longest wait, scaled by `jitter` (from 0.5 to 1).
pub(crate) fn backoff(policy: &RetryPolicy, attempt: u32, jitter: f64) -> Duration {
    let doublings = attempt.saturating_sub(1).min(31);
    let full = policy
        .initial_backoff
        .saturating_mul(1u32 << doublings)
        .min(policy.max_delay);
    // Through a float, which rounds: never past `full`, and never a panic for huge values.
    Duration::try_from_secs_f64(full.as_secs_f64() * jitter.clamp(0.5, 1.0))
        .map_or(full, |d| d.min(full))
}

/// A number from 0.5 to 1, different for every call: spreads the retries of many clients.
fn jitter() -> f64 {
    thread_local! {
        static STATE: Cell<u64> = Cell::new(
            std::hash::BuildHasher::hash_one(&std::hash::RandomState::new(), 0x5eed_u64) | 1,
        );
    }
    STATE.with(|state| {
        // xorshift64: enough to spread waits, not for anything secret.
        let mut x = state.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        state.set(x);
        0.5 + (x >> 11) as f64 / (1u64 << 53) as f64 / 2.0
    })
}

/// Tokens for retries: every call adds `ratio` of one, every retry takes one, and `per_second`
/// more come back each second, up to ten seconds' worth plus what calls added.
#[derive(Debug)]
struct Budget {
    /// Thousandths of a token.
    deposit: u64,
    refill_per_second: u64,
    cap: u64,
    state: Mutex<BudgetState>,
}

#[derive(Debug)]
struct BudgetState {
    balance: u64,
    refilled: Instant,
}

const TOKEN: u64 = 1000;

impl Budget {
    fn new(ratio: f64, per_second: u32) -> Self {
        let refill_per_second = u64::from(per_second) * TOKEN;
        // Saturating float-to-int conversion: the ratio is clamped when set.
        let deposit = (ratio * TOKEN as f64) as u64;
        let cap = (refill_per_second * 10).max(TOKEN);
        Budget {
            deposit,
            refill_per_second,
            cap,
            state: Mutex::new(BudgetState {
                balance: cap.min(refill_per_second.max(TOKEN)),
                refilled: Instant::now(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BudgetState> {
        // The critical sections cannot panic; a poisoned lock still holds a usable count.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn deposit(&self) {
        if self.deposit == 0 {
            return;
        }
        let mut state = self.lock();
        state.balance = (state.balance + self.deposit).min(self.cap);
    }

    fn withdraw(&self) -> bool {
        let mut state = self.lock();
        let now = Instant::now();
        let elapsed = now.saturating_duration_since(state.refilled);
        let refill = (elapsed.as_millis().min(u128::from(u32::MAX)) as u64)
            .saturating_mul(self.refill_per_second)
            / 1000;
        if refill > 0 {
            state.balance = state.balance.saturating_add(refill).min(self.cap);
            state.refilled = now;
        }
        if state.balance >= TOKEN {
            state.balance -= TOKEN;
            true
        } else {
            false
        }
    }
}

/// Retries around any [`Api`]: a test double, a transport of your own. [`Client`](crate::Client)
/// retries by itself (see [`ClientBuilder::retry`](crate::ClientBuilder::retry)).
///
/// ```
/// use declarest::http::{HeaderMap, StatusCode};
/// use declarest::{Api, Request, Response, Result, Retry, RetryPolicy};
///
/// /// Answers every request with an empty JSON object.
/// struct Double;
///
/// impl Api for Double {
///     async fn send(&self, _: Request) -> Result<Response> {
///         Ok(Response::new(StatusCode::OK, HeaderMap::new(), &b"{}"[..]))
///     }
/// }
///
/// let api = Retry::new(Double, RetryPolicy::default());
/// ```
#[derive(Debug, Clone)]
pub struct Retry<A> {
    inner: A,
    retrier: Arc<Retrier>,
}

impl<A> Retry<A> {
    /// Retries requests sent through `inner` as `policy` says.
    pub fn new(inner: A, policy: RetryPolicy) -> Self {
        Retry {
            inner,
            retrier: Arc::new(Retrier::new(policy)),
        }
    }

    /// The wrapped transport.
    pub fn get_ref(&self) -> &A {
        &self.inner
    }
}

impl<A: Api> Api for Retry<A> {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response>> + Send {
        self.retrier
            .run(request, None, |request| self.inner.send(request))
    }

    /// Retried on the head alone: once a head that is not retried arrives, the stream is handed
    /// back, and a body cut short is the stream's error.
    fn send_streaming(&self, request: Request) -> impl Future<Output = Result<ByteStream>> + Send {
        self.retrier
            .run(request, None, |request| self.inner.send_streaming(request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn server_delays_in_every_form() {
        let now = httpdate::parse_http_date("Sun, 29 Nov 2026 16:00:00 GMT").unwrap();
        let delay = |pairs: &[(&'static str, &str)]| server_delay(&headers(pairs), now);
        assert_eq!(delay(&[("retry-after", "3")]), Some(Duration::from_secs(3)));
        assert_eq!(
            delay(&[("retry-after", "Sun, 29 Nov 2026 16:00:07 GMT")]),
            Some(Duration::from_secs(7))
        );
        assert_eq!(
            delay(&[("retry-after", "Sun, 29 Nov 2026 15:00:00 GMT")]),
            Some(Duration::ZERO),
            "a date in the past is no wait"
        );
        assert_eq!(
            delay(&[("retry-after", "1"), ("retry-after-ms", "250")]),
            Some(Duration::from_millis(250)),
            "milliseconds win"
        );
        assert_eq!(
            delay(&[("x-ms-retry-after-ms", "40")]),
            Some(Duration::from_millis(40))
        );
        assert_eq!(delay(&[("retry-after", "soon")]), None);
        assert_eq!(delay(&[]), None);
    }

    #[test]
    fn backoff_doubles_is_capped_and_jittered() {
        let policy = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_delay(Duration::from_millis(350));
        assert_eq!(backoff(&policy, 1, 1.0), Duration::from_millis(100));
        assert_eq!(backoff(&policy, 2, 1.0), Duration::from_millis(200));
        assert_eq!(backoff(&policy, 3, 1.0), Duration::from_millis(350));
        assert_eq!(backoff(&policy, 3, 0.5), Duration::from_millis(175));
        // Never overflows, whatever the attempt.
        assert_eq!(backoff(&policy, u32::MAX, 1.0), Duration::from_millis(350));
        let huge = RetryPolicy::default()
            .initial_backoff(Duration::MAX)
            .max_delay(Duration::MAX);
        assert_eq!(backoff(&huge, 40, 1.0), Duration::MAX);
        for _ in 0..1000 {
            let j = jitter();
            assert!((0.5..=1.0).contains(&j), "{j}");
        }
    }

    #[test]
    fn the_budget_allows_a_fraction_of_the_calls() {
        // No time-based refill: what the calls deposit, from a start of one token.
        let budget = Budget::new(0.2, 0);
        let mut retries = 0;
        for _ in 0..100 {
            budget.deposit();
            // Every call fails and asks to retry.
            if budget.withdraw() {
                retries += 1;
            }
        }
        assert_eq!(retries, 20, "one retry per five calls");

        // With a refill, a second's worth to start with; more only as time passes (one token
        // per 100 ms: at most one more if this thread is descheduled that long).
        let budget = Budget::new(0.0, 10);
        let retries = (0..1000).filter(|_| budget.withdraw()).count();
        assert!((10..=11).contains(&retries), "{retries}");
    }
}

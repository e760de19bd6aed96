//! What a user of the Training API writes around the operations, written once: waiting for
//! training to finish, and paging through image listings.

use std::collections::VecDeque;
use std::future::Future;
use std::time::{Duration, Instant};

use futures_core::Stream;
use uuid::Uuid;

use crate::api::Training;
use crate::models::{Image, ImageOrderBy, ImagePerformance, Iteration};

/// The page size the service uses when `take` is not given.
pub const DEFAULT_PAGE_SIZE: i32 = 50;
/// The largest page the service serves (`take` is limited to 256).
pub const MAX_PAGE_SIZE: i32 = 256;

/// How to wait for training: exponential backoff between polls, and a deadline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingWait {
    /// The first pause between polls.
    pub initial_delay: Duration,
    /// The longest pause between polls.
    pub max_delay: Duration,
    /// How much each pause grows over the previous one.
    pub backoff: f64,
    /// How long to wait in all before giving up.
    pub deadline: Duration,
}

impl Default for TrainingWait {
    /// Polls after 1 s, backing off by 1.5 up to 15 s between polls, for at most 30 minutes.
    fn default() -> Self {
        TrainingWait {
            initial_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(15),
            backoff: 1.5,
            deadline: Duration::from_secs(30 * 60),
        }
    }
}

/// Why waiting for training did not end with a completed iteration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WaitError {
    /// A call failed.
    #[error(transparent)]
    Api(#[from] declarest::Error),
    /// Training ended, but not with `Completed`.
    #[error("training of iteration {} ended with status {:?}", .0.id, .0.status.as_deref().unwrap_or(""))]
    Failed(Box<Iteration>),
    /// The deadline passed first; `last` is the iteration as last seen.
    #[error("iteration {} was still {:?} after {waited:?}, the deadline", last.id, last.status.as_deref().unwrap_or(""))]
    TimedOut {
        /// The iteration as last seen.
        last: Box<Iteration>,
        /// How long it was waited for.
        waited: Duration,
    },
}

/// What to list, for [`TrainingExt::tagged_images`] and friends.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageQuery {
    /// The iteration whose images to list (default: the current workspace).
    pub iteration_id: Option<Uuid>,
    /// Only images with these tags (at most 20; empty: all).
    pub tag_ids: Vec<Uuid>,
    /// The ordering (default: newest first).
    pub order_by: Option<ImageOrderBy>,
    /// Images per request, from 1 to [`MAX_PAGE_SIZE`].
    pub page_size: i32,
}

impl Default for ImageQuery {
    fn default() -> Self {
        ImageQuery {
            iteration_id: None,
            tag_ids: Vec::new(),
            order_by: None,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

/// Where the lazy listing is: items fetched and not yet yielded, and where the next page starts.
struct Pager<T> {
    buffer: VecDeque<T>,
    skip: i32,
    done: bool,
}

impl<T> Pager<T> {
    fn new() -> Self {
        Pager {
            buffer: VecDeque::new(),
            skip: 0,
            done: false,
        }
    }
}

/// Pages lazily through a take/skip listing: one request per page, when the stream is polled past
/// what it holds. A short page is the last; an error ends the stream after it is yielded.
fn paged<'a, T, F, Fut>(
    page_size: i32,
    mut fetch: F,
) -> impl Stream<Item = declarest::Result<T>> + Send + 'a
where
    T: Send + 'a,
    F: FnMut(i32, i32) -> Fut + Send + 'a,
    Fut: Future<Output = declarest::Result<Vec<T>>> + Send + 'a,
{
    let take = page_size.clamp(1, MAX_PAGE_SIZE);
    futures_util::stream::unfold(Pager::new(), move |mut pager| {
        let page = if pager.buffer.is_empty() && !pager.done {
            Some(fetch(take, pager.skip))
        } else {
            None
        };
        async move {
            if let Some(page) = page {
                match page.await {
                    Ok(items) => {
                        // usize → i32: a page never holds more than `take` items.
                        let count = i32::try_from(items.len()).unwrap_or(i32::MAX);
                        pager.done = count < take;
                        pager.skip = pager.skip.saturating_add(count);
                        pager.buffer.extend(items);
                    }
                    Err(error) => {
                        pager.done = true;
                        return Some((Err(error), pager));
                    }
                }
            }
            let item = pager.buffer.pop_front()?;
            Some((Ok(item), pager))
        }
    })
}

/// The next pause: `delay × backoff` (a backoff under 1, or NaN, keeps it as it is), at most
/// `max`. Any values, the fields being public: a huge or infinite backoff gives `max`.
fn grow(delay: Duration, backoff: f64, max: Duration) -> Duration {
    let factor = backoff.max(1.0);
    Duration::try_from_secs_f64(delay.as_secs_f64() * factor).map_or(max, |next| next.min(max))
}

/// Waiting and paging on top of [`Training`]; implemented for every `Training`.
pub trait TrainingExt: Training {
    /// Polls an iteration until it is `Completed` (returned), ends otherwise (`Failed`), or the
    /// deadline passes (`TimedOut`), with the backoff of `wait` between polls.
    fn wait_for_training(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        wait: TrainingWait,
    ) -> impl Future<Output = Result<Iteration, WaitError>> + Send {
        async move {
            let started = Instant::now();
            let mut delay = wait.initial_delay;
            loop {
                let iteration = self.get_iteration(project_id, iteration_id).await?;
                match training_state(&iteration) {
                    State::Completed => return Ok(iteration),
                    State::Failed => return Err(WaitError::Failed(Box::new(iteration))),
                    State::Running => {}
                }
                let waited = started.elapsed();
                if waited >= wait.deadline {
                    return Err(WaitError::TimedOut {
                        last: Box::new(iteration),
                        waited,
                    });
                }
                tokio::time::sleep(delay.min(wait.deadline - waited)).await;
                delay = grow(delay, wait.backoff, wait.max_delay);
            }
        }
    }

    /// Every tagged image matching the query, fetched a page at a time as the stream is read.
    fn tagged_images(
        &self,
        project_id: Uuid,
        query: ImageQuery,
    ) -> impl Stream<Item = declarest::Result<Image>> + Send + '_ {
        paged(query.page_size, move |take, skip| {
            let query = query.clone();
            async move {
                let tags = (!query.tag_ids.is_empty()).then_some(query.tag_ids.as_slice());
                self.get_tagged_images(
                    project_id,
                    query.iteration_id,
                    tags,
                    query.order_by.clone(),
                    Some(take),
                    Some(skip),
                )
                .await
            }
        })
    }

    /// Every untagged image, fetched a page at a time as the stream is read. `tag_ids` is
    /// ignored.
    fn untagged_images(
        &self,
        project_id: Uuid,
        query: ImageQuery,
    ) -> impl Stream<Item = declarest::Result<Image>> + Send + '_ {
        paged(query.page_size, move |take, skip| {
            let query = query.clone();
            async move {
                self.get_untagged_images(
                    project_id,
                    query.iteration_id,
                    query.order_by.clone(),
                    Some(take),
                    Some(skip),
                )
                .await
            }
        })
    }

    /// Every image performance of an iteration, fetched a page at a time as the stream is read.
    /// `iteration_id` of the query is ignored: the iteration is the argument.
    fn image_performances(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        query: ImageQuery,
    ) -> impl Stream<Item = declarest::Result<ImagePerformance>> + Send + '_ {
        paged(query.page_size, move |take, skip| {
            let query = query.clone();
            async move {
                let tags = (!query.tag_ids.is_empty()).then_some(query.tag_ids.as_slice());
                self.get_image_performances(
                    project_id,
                    iteration_id,
                    tags,
                    query.order_by.clone(),
                    Some(take),
                    Some(skip),
                )
                .await
            }
        })
    }
}

impl<T: Training + ?Sized> TrainingExt for T {}

enum State {
    Running,
    Completed,
    Failed,
}

/// `Iteration.status` is a free string whose set grows: only `Completed` and `Failed` end a wait.
fn training_state(iteration: &Iteration) -> State {
    match iteration.status.as_deref() {
        Some(s) if s.eq_ignore_ascii_case("Completed") => State::Completed,
        Some(s) if s.eq_ignore_ascii_case("Failed") => State::Failed,
        _ => State::Running,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_grows_to_its_cap_whatever_the_values() {
        let second = Duration::from_secs(1);
        let cap = Duration::from_secs(15);
        assert_eq!(grow(second, 1.5, cap), Duration::from_millis(1500));
        assert_eq!(grow(Duration::from_secs(12), 1.5, cap), cap);
        assert_eq!(
            grow(second, 0.5, cap),
            second,
            "a backoff under 1 keeps the pause"
        );
        assert_eq!(grow(second, f64::NAN, cap), second);
        assert_eq!(grow(second, f64::INFINITY, cap), cap);
        assert_eq!(grow(second, f64::MAX, Duration::MAX), Duration::MAX);
        assert_eq!(grow(Duration::MAX, 2.0, Duration::MAX), Duration::MAX);
        assert_eq!(grow(Duration::MAX, 1.0, Duration::MAX), Duration::MAX);
    }
}

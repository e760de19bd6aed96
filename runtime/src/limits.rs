//! Documented limits, checked before a request is sent: `#[max_items(N)]` and `#[max(N)]` on
//! arguments and on the fields of a `#[derive(Model)]` body.

/// How many items a value holds, for `#[max_items(N)]`. `None` holds none.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list, so `#[max_items]` cannot apply to it",
    label = "expected a slice, `Vec`, array, or an `Option` of one"
)]
pub trait Count {
    /// The number of items.
    fn count(&self) -> usize;
}

impl<T> Count for [T] {
    fn count(&self) -> usize {
        self.len()
    }
}

impl<T> Count for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }
}

impl<T, const N: usize> Count for [T; N] {
    fn count(&self) -> usize {
        N
    }
}

impl<T: Count> Count for Option<T> {
    fn count(&self) -> usize {
        self.as_ref().map_or(0, Count::count)
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> usize {
        (**self).count()
    }
}

/// A number, for `#[max(N)]`. `None` is within any limit.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number, so `#[max]` cannot apply to it",
    label = "expected an integer or float, or an `Option` of one"
)]
pub trait Number {
    /// The value, if there is one.
    fn to_f64(&self) -> Option<f64>;
}

macro_rules! number {
    ($($ty:ty),*) => {$(
        impl Number for $ty {
            fn to_f64(&self) -> Option<f64> {
                // Exact for every limit an API documents; only the comparison uses it.
                Some(*self as f64)
            }
        }
    )*};
}

number!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

impl<T: Number> Number for Option<T> {
    fn to_f64(&self) -> Option<f64> {
        self.as_ref().and_then(Number::to_f64)
    }
}

impl<T: Number + ?Sized> Number for &T {
    fn to_f64(&self) -> Option<f64> {
        (**self).to_f64()
    }
}

/// `Err` saying which limit `what` is over, and by how much.
pub fn check_items<V: Count + ?Sized>(what: &str, value: &V, max: usize) -> Result<(), String> {
    let count = value.count();
    if count > max {
        return Err(format!(
            "{what} has {count} items, over its limit of {max} by {}",
            count - max
        ));
    }
    Ok(())
}

/// `Err` saying which limit `what` is over, and by how much.
pub fn check_max<V: Number + ?Sized>(what: &str, value: &V, max: f64) -> Result<(), String> {
    match value.to_f64() {
        Some(v) if v > max || v.is_nan() => Err(format!(
            "{what} is {v}, over its limit of {max} by {}",
            v - max
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_over_the_limit_say_by_how_much() {
        assert_eq!(check_items("`imageIds`", &[1, 2, 3][..], 3), Ok(()));
        assert_eq!(
            check_items("`imageIds`", &vec![0; 300], 256),
            Err("`imageIds` has 300 items, over its limit of 256 by 44".to_owned())
        );
        assert_eq!(check_items("`tagIds`", &None::<Vec<u8>>, 0), Ok(()));
    }

    #[test]
    fn numbers_over_the_limit_say_by_how_much() {
        assert_eq!(check_max("`take`", &Some(256u32), 256.0), Ok(()));
        assert_eq!(check_max("`take`", &None::<u32>, 256.0), Ok(()));
        assert_eq!(
            check_max("`take`", &300u32, 256.0),
            Err("`take` is 300, over its limit of 256 by 44".to_owned())
        );
    }
}

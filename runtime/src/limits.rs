//! Documented limits, checked before a request is sent: `#[max_items(N)]` and `#[max(N)]` on
//! arguments and on the fields of a `#[derive(Model)]` body.

use std::cmp::Ordering;

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
    /// The value, exactly, if there is one.
    fn value(&self) -> Option<NumberValue>;
}

/// A number's value, exactly: integers are never rounded through a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberValue {
    /// A signed integer.
    Signed(i128),
    /// An unsigned integer.
    Unsigned(u128),
    /// A float.
    Float(f64),
}

impl NumberValue {
    /// Whether `self` is over `max` (NaN is over every limit).
    fn exceeds(self, max: NumberValue) -> bool {
        use NumberValue::*;
        match (self, max) {
            (Signed(v), Signed(m)) => v > m,
            (Unsigned(v), Unsigned(m)) => v > m,
            (Signed(v), Unsigned(m)) => u128::try_from(v).is_ok_and(|v| v > m),
            (Unsigned(v), Signed(m)) => i128::try_from(v).map_or(true, |v| v > m),
            (Signed(v), Float(m)) => integer_exceeds((v.is_negative(), v.unsigned_abs()), m),
            (Unsigned(v), Float(m)) => integer_exceeds((false, v), m),
            (Float(v), Float(m)) => v.is_nan() || v > m,
            (Float(v), Signed(m)) => float_exceeds(v, (m.is_negative(), m.unsigned_abs())),
            (Float(v), Unsigned(m)) => float_exceeds(v, (false, m)),
        }
    }

    /// `self - max`, exactly where it can be.
    fn excess(self, max: NumberValue) -> String {
        use NumberValue::*;
        // An integral float limit is an integer: subtract exactly.
        let max = match max {
            Float(m) if m.fract() == 0.0 && !matches!(self, Float(_)) => match integral(m) {
                Ok((false, magnitude)) => Unsigned(magnitude),
                Ok((true, magnitude)) => i128::try_from(magnitude).map_or(max, |m| Signed(-m)),
                Err(_) => max,
            },
            other => other,
        };
        let exact = match (self, max) {
            (Signed(v), Signed(m)) => v.checked_sub(m).map(|d| d.to_string()),
            (Unsigned(v), Unsigned(m)) => v.checked_sub(m).map(|d| d.to_string()),
            (Signed(v), Unsigned(m)) => u128::try_from(v)
                .ok()
                .and_then(|v| v.checked_sub(m))
                .map(|d| d.to_string()),
            (Unsigned(v), Signed(m)) => i128::try_from(v)
                .ok()
                .and_then(|v| v.checked_sub(m))
                .map(|d| d.to_string()),
            _ => None,
        };
        exact.unwrap_or_else(|| (self.as_f64() - max.as_f64()).to_string())
    }

    fn as_f64(self) -> f64 {
        match self {
            NumberValue::Signed(v) => v as f64,
            NumberValue::Unsigned(v) => v as f64,
            NumberValue::Float(v) => v,
        }
    }
}

impl std::fmt::Display for NumberValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NumberValue::Signed(v) => v.fmt(f),
            NumberValue::Unsigned(v) => v.fmt(f),
            NumberValue::Float(v) => v.fmt(f),
        }
    }
}

/// 2^128: no `u128` magnitude reaches it.
const TWO_POW_128: f64 = 340_282_366_920_938_463_463_374_607_431_768_211_456.0;

/// Compares two integers given as sign and magnitude (`-0` is `0`).
fn compare(a: (bool, u128), b: (bool, u128)) -> Ordering {
    let signed = |(negative, magnitude): (bool, u128)| (negative && magnitude > 0, magnitude);
    match (signed(a), signed(b)) {
        ((false, a), (false, b)) => a.cmp(&b),
        ((true, a), (true, b)) => b.cmp(&a),
        ((false, _), (true, _)) => Ordering::Greater,
        ((true, _), (false, _)) => Ordering::Less,
    }
}

/// An integral float as sign and magnitude, or which way it is out of range.
fn integral(value: f64) -> Result<(bool, u128), Ordering> {
    if value >= TWO_POW_128 {
        Err(Ordering::Greater)
    } else if value <= -TWO_POW_128 {
        Err(Ordering::Less)
    } else {
        // Integral and in range, so the conversion is exact.
        Ok((value < 0.0, value.abs() as u128))
    }
}

/// Whether the integer `int` is over the float `max`: an integer is over `max` exactly when it
/// is over `floor(max)`, an integer the float represents exactly.
fn integer_exceeds(int: (bool, u128), max: f64) -> bool {
    if max.is_nan() {
        return true;
    }
    match integral(max.floor()) {
        Ok(floor) => compare(int, floor) == Ordering::Greater,
        Err(out_of_range) => out_of_range == Ordering::Less,
    }
}

/// Whether the float `value` is over the integer `max`: exactly when `ceil(value)` is.
fn float_exceeds(value: f64, max: (bool, u128)) -> bool {
    if value.is_nan() {
        return true;
    }
    match integral(value.ceil()) {
        Ok(ceil) => compare(ceil, max) == Ordering::Greater,
        Err(out_of_range) => out_of_range == Ordering::Greater,
    }
}

macro_rules! number {
    ($variant:ident: $($ty:ty),*) => {$(
        impl Number for $ty {
            fn value(&self) -> Option<NumberValue> {
                Some(NumberValue::$variant((*self).into()))
            }
        }
        impl From<$ty> for NumberValue {
            fn from(value: $ty) -> Self {
                NumberValue::$variant(value.into())
            }
        }
    )*};
}

number!(Signed: i8, i16, i32, i64, i128);
number!(Unsigned: u8, u16, u32, u64, u128);
number!(Float: f32, f64);

impl Number for isize {
    fn value(&self) -> Option<NumberValue> {
        // isize is at most 64 bits on every target Rust supports.
        i128::try_from(*self).ok().map(NumberValue::Signed)
    }
}

impl Number for usize {
    fn value(&self) -> Option<NumberValue> {
        u128::try_from(*self).ok().map(NumberValue::Unsigned)
    }
}

impl<T: Number> Number for Option<T> {
    fn value(&self) -> Option<NumberValue> {
        self.as_ref().and_then(Number::value)
    }
}

impl<T: Number + ?Sized> Number for &T {
    fn value(&self) -> Option<NumberValue> {
        (**self).value()
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

/// `Err` saying which limit `what` is over, and by how much. The comparison is exact: a 64-bit
/// integer is never rounded through a float.
pub fn check_max<V: Number + ?Sized, M: Into<NumberValue>>(
    what: &str,
    value: &V,
    max: M,
) -> Result<(), String> {
    let max = max.into();
    match value.value() {
        Some(v) if v.exceeds(max) => Err(format!(
            "{what} is {v}, over its limit of {max} by {}",
            v.excess(max)
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
        assert_eq!(
            check_max("`take`", &300u32, 256u128),
            Err("`take` is 300, over its limit of 256 by 44".to_owned())
        );
    }

    #[test]
    fn sixty_four_bit_values_compare_exactly() {
        const TWO_53: u64 = 1 << 53;
        // Through f64, 2^53 + 1 rounds to 2^53 and would pass a limit of 2^53.
        assert_eq!(
            check_max("`n`", &(TWO_53 + 1), TWO_53 as f64),
            Err(format!(
                "`n` is {}, over its limit of 9007199254740992 by 1",
                TWO_53 + 1
            ))
        );
        assert_eq!(check_max("`n`", &TWO_53, TWO_53 as f64), Ok(()));
        assert_eq!(
            check_max("`n`", &(TWO_53 + 1), u128::from(TWO_53 + 1)),
            Ok(())
        );
        assert!(check_max("`n`", &u64::MAX, u128::from(u64::MAX - 1)).is_err());
        assert_eq!(check_max("`n`", &u64::MAX, u128::from(u64::MAX)), Ok(()));
        assert!(check_max("`n`", &i64::MAX, (i64::MAX - 1) as i128).is_err());
        assert_eq!(check_max("`n`", &-5i64, 0u128), Ok(()));
        assert_eq!(
            check_max("`n`", &-5i64, -5.5),
            Err("`n` is -5, over its limit of -5.5 by 0.5".to_owned())
        );
        assert_eq!(check_max("`n`", &-6i64, -5.5), Ok(()));
        assert_eq!(check_max("`n`", &5u8, 5.5), Ok(()));
        assert!(check_max("`n`", &6u8, 5.5).is_err());
        // Floats against integer limits, near 2^53 too.
        assert!(check_max("`x`", &(TWO_53 as f64), u128::from(TWO_53 - 1)).is_err());
        assert_eq!(
            check_max("`x`", &(TWO_53 as f64), u128::from(TWO_53)),
            Ok(())
        );
        assert!(check_max("`x`", &256.5f64, 256u128).is_err());
        assert_eq!(check_max("`x`", &255.5f64, 256u128), Ok(()));
        assert!(check_max("`x`", &f64::NAN, 256u128).is_err());
        assert!(check_max("`x`", &f64::NAN, 256.0).is_err());
        assert_eq!(check_max("`x`", &-1.5f64, 0i128), Ok(()));
    }
}

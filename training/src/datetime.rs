//! Timestamps as the service sends them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// A point in time, read the way the service writes it.
///
/// The service writes .NET round-trip values with trailing zeros trimmed (0 to 7 fractional
/// digits: `2018-04-25T20:54:49.53`, `2017-12-19T15:53:07.8782881Z`), usually without an offset;
/// no offset means UTC. RFC 3339 offsets (`+01:00`) are accepted too. It is written back as
/// RFC 3339 in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(OffsetDateTime);

/// Why a timestamp could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateTimeError {
    input: String,
}

impl fmt::Display for ParseDateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a timestamp like `2017-12-19T15:53:07.8782881Z`",
            self.input
        )
    }
}

impl std::error::Error for ParseDateTimeError {}

impl DateTime {
    /// The current time.
    pub fn now() -> Self {
        DateTime(OffsetDateTime::now_utc())
    }

    /// The underlying `time` value, in UTC.
    pub fn to_offset_date_time(self) -> OffsetDateTime {
        self.0
    }

    /// Reads a timestamp: date, `T`, time with 0 to 9 fractional digits, then `Z`, an offset,
    /// or nothing (UTC).
    pub fn parse(text: &str) -> Result<Self, ParseDateTimeError> {
        let error = || ParseDateTimeError {
            input: text.to_owned(),
        };
        let (local, offset) = split_offset(text).ok_or_else(error)?;
        let local = PrimitiveDateTime::parse(
            local,
            format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond digits:1+]]]"
            ),
        )
        .map_err(|_| error())?;
        Ok(DateTime(
            local.assume_offset(offset).to_offset(UtcOffset::UTC),
        ))
    }
}

/// Splits `2018-04-25T20:54:49.53+02:00` into the local part and its offset.
fn split_offset(text: &str) -> Option<(&str, UtcOffset)> {
    if let Some(local) = text.strip_suffix(['Z', 'z']) {
        return Some((local, UtcOffset::UTC));
    }
    // An offset can only follow the time of day, which starts after `T`.
    let time_start = text.find(['T', 't'])?;
    match text[time_start..].rfind(['+', '-']) {
        Some(at) => {
            let at = time_start + at;
            let offset = UtcOffset::parse(
                &text[at..],
                format_description!("[offset_hour sign:mandatory]:[offset_minute]"),
            )
            .ok()?;
            Some((&text[..at], offset))
        }
        None => Some((text, UtcOffset::UTC)),
    }
}

impl From<OffsetDateTime> for DateTime {
    fn from(value: OffsetDateTime) -> Self {
        DateTime(value.to_offset(UtcOffset::UTC))
    }
}

impl From<DateTime> for OffsetDateTime {
    fn from(value: DateTime) -> Self {
        value.0
    }
}

impl FromStr for DateTime {
    type Err = ParseDateTimeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse(text)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(&Rfc3339) {
            Ok(text) => f.write_str(&text),
            // Only years outside 0..=9999 fail; show them rather than fail.
            Err(_) => write!(f, "{:?}", self.0),
        }
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp such as `2017-12-19T15:53:07.8782881Z`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateTime, E> {
                DateTime::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn zero_to_seven_fractional_digits_with_or_without_z() {
        let cases = [
            ("2018-04-25T20:54:49", datetime!(2018-04-25 20:54:49 UTC)),
            ("2018-04-25T20:54:49Z", datetime!(2018-04-25 20:54:49 UTC)),
            (
                "2018-04-25T20:54:49.5",
                datetime!(2018-04-25 20:54:49.5 UTC),
            ),
            (
                "2018-04-25T20:54:49.53",
                datetime!(2018-04-25 20:54:49.53 UTC),
            ),
            (
                "2018-04-25T20:54:57.1985274",
                datetime!(2018-04-25 20:54:57.1985274 UTC),
            ),
            (
                "2017-12-19T15:53:07.8782881Z",
                datetime!(2017-12-19 15:53:07.8782881 UTC),
            ),
            (
                "2017-12-19T17:53:07.8782881+02:00",
                datetime!(2017-12-19 15:53:07.8782881 UTC),
            ),
            (
                "2017-12-19T10:53:07-05:00",
                datetime!(2017-12-19 15:53:07 UTC),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(DateTime::parse(text).map(|d| d.0), Ok(expected), "{text}");
        }
    }

    #[test]
    fn garbage_is_rejected_with_the_input_in_the_message() {
        for text in [
            "",
            "2018-04-25",
            "2018-13-25T00:00:00",
            "2018-04-25T20:54:49.",
            "yesterday",
            "2018-04-25T20:54:49+2",
        ] {
            let error = DateTime::parse(text).unwrap_err();
            assert!(error.to_string().contains(&format!("`{text}`")), "{text}");
        }
    }

    #[test]
    fn serializes_as_rfc3339_utc_and_round_trips() {
        let value = DateTime::parse("2018-04-25T20:54:57.1985274").unwrap();
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(json, "\"2018-04-25T20:54:57.1985274Z\"");
        assert_eq!(serde_json::from_str::<DateTime>(&json).unwrap(), value);
    }
}

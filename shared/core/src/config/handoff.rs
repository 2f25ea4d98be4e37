//! Settings of the handoff to a person (`handoff:`, per agent): whether a visitor may ask
//! for someone from the team, who is emailed, the business hours (in a named time zone,
//! from the IANA database compiled into the binary) and what the visitor is told in and out
//! of them.

use chrono::{DateTime, Utc};
use jiff::civil::{Time, Weekday};
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

/// Longest message shown to the visitor after a handoff, in characters.
pub const MAX_HANDOFF_MESSAGE_CHARS: usize = 500;

/// A day of the week, as written in `handoff.hours.days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Day {
    fn weekday(self) -> Weekday {
        match self {
            Self::Mon => Weekday::Monday,
            Self::Tue => Weekday::Tuesday,
            Self::Wed => Weekday::Wednesday,
            Self::Thu => Weekday::Thursday,
            Self::Fri => Weekday::Friday,
            Self::Sat => Weekday::Saturday,
            Self::Sun => Weekday::Sunday,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Mon => "Mon",
            Self::Tue => "Tue",
            Self::Wed => "Wed",
            Self::Thu => "Thu",
            Self::Fri => "Fri",
            Self::Sat => "Sat",
            Self::Sun => "Sun",
        }
    }
}

/// When someone from the team is there: the same opening and closing time on each of
/// `days`, in `time_zone`'s local time (so the hours follow its daylight-saving changes).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessHours {
    /// An IANA time zone, e.g. `Europe/London`.
    pub time_zone: String,
    /// The open days.
    pub days: Vec<Day>,
    /// Opening time, `HH:MM` (24-hour).
    pub open: String,
    /// Closing time, `HH:MM`, after `open`.
    pub close: String,
}

/// `HH:MM` (24-hour) as a time of day.
fn parse_time(raw: &str) -> Option<Time> {
    let (hours, minutes) = raw.split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    Time::new(hours.parse().ok()?, minutes.parse().ok()?, 0, 0).ok()
}

impl BusinessHours {
    /// The time zone and the opening and closing times, or what is wrong with them.
    fn parsed(&self) -> Result<(TimeZone, Time, Time), String> {
        let zone = TimeZone::get(&self.time_zone)
            .map_err(|_| format!("`{}` is not an IANA time zone", self.time_zone))?;
        let open = parse_time(&self.open)
            .ok_or_else(|| format!("open `{}` is not a time such as 09:00", self.open))?;
        let close = parse_time(&self.close)
            .ok_or_else(|| format!("close `{}` is not a time such as 17:30", self.close))?;
        if close <= open {
            return Err(format!(
                "close ({}) must be after open ({})",
                self.close, self.open
            ));
        }
        Ok((zone, open, close))
    }

    /// Whether `at` falls inside the hours: an open day, at or after the opening time and
    /// before the closing time, in the zone's local time. Hours that do not parse (refused
    /// at load) are never open.
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        let Ok((zone, open, close)) = self.parsed() else {
            return false;
        };
        let Ok(instant) = jiff::Timestamp::from_millisecond(at.timestamp_millis()) else {
            return false;
        };
        let local = instant.to_zoned(zone);
        let time = local.time();
        self.days.iter().any(|d| d.weekday() == local.weekday()) && open <= time && time < close
    }

    /// The hours for people: `Mon-Fri 09:00-17:30 (Europe/London)`.
    pub fn label(&self) -> String {
        let mut days = self.days.clone();
        days.sort();
        days.dedup();
        let mut runs: Vec<(Day, Day)> = Vec::new();
        for day in days {
            match runs.last_mut() {
                Some((_, last)) if (*last as u8) + 1 == day as u8 => *last = day,
                _ => runs.push((day, day)),
            }
        }
        let days = runs
            .iter()
            .map(|(first, last)| {
                if first == last {
                    first.label().to_owned()
                } else {
                    format!("{}-{}", first.label(), last.label())
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        format!("{days} {}-{} ({})", self.open, self.close, self.time_zone)
    }
}

/// The `handoff:` section of an agent.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct HandoffSettings {
    /// Whether the visitor may ask for a person.
    pub enabled: bool,
    /// Who is emailed; empty: the account's `summary_recipients`.
    pub recipients: Vec<String>,
    /// When someone is there; none: always.
    pub hours: Option<BusinessHours>,
    /// What the visitor is told inside the hours.
    pub message_open: String,
    /// What the visitor is told outside them.
    pub message_closed: String,
}

impl Default for HandoffSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            recipients: Vec::new(),
            hours: None,
            message_open: "Thanks! Someone from the team will be in touch soon.".to_owned(),
            message_closed:
                "Thanks! We're closed right now; someone will be in touch when we open.".to_owned(),
        }
    }
}

impl HandoffSettings {
    /// Whether someone is there at `at` (always, without hours).
    pub fn open_at(&self, at: DateTime<Utc>) -> bool {
        self.hours.as_ref().is_none_or(|hours| hours.is_open(at))
    }

    /// What the visitor is told at `at`.
    pub fn message_at(&self, at: DateTime<Utc>) -> &str {
        if self.open_at(at) {
            &self.message_open
        } else {
            &self.message_closed
        }
    }

    /// Who is emailed: `recipients`, or else the account's summary recipients.
    pub fn recipients_or<'a>(&'a self, summary_recipients: &'a [String]) -> &'a [String] {
        if self.recipients.is_empty() {
            summary_recipients
        } else {
            &self.recipients
        }
    }
}

/// Checks of `handoff:`; `summary_recipients` are the account's.
pub(super) fn validate_handoff(
    settings: &HandoffSettings,
    summary_recipients: &[String],
    check: &mut impl FnMut(bool, &str, &str),
) {
    for recipient in &settings.recipients {
        check(
            crate::domain::EmailAddress::parse(recipient).is_ok(),
            "handoff.recipients",
            "each entry must be an email address",
        );
    }
    check(
        !settings.enabled || !settings.recipients_or(summary_recipients).is_empty(),
        "handoff.recipients",
        "must be set when handoff.enabled is true and the account has no summary_recipients",
    );
    if let Some(hours) = &settings.hours {
        if let Err(problem) = hours.parsed() {
            check(false, "handoff.hours", &problem);
        }
        check(
            !hours.days.is_empty(),
            "handoff.hours.days",
            "must name at least one day (mon, tue, wed, thu, fri, sat, sun)",
        );
    }
    for (key, message) in [
        ("handoff.message_open", &settings.message_open),
        ("handoff.message_closed", &settings.message_closed),
    ] {
        check(
            (1..=MAX_HANDOFF_MESSAGE_CHARS).contains(&message.trim().chars().count()),
            key,
            "must be 1 to 500 characters",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(raw: &str) -> DateTime<Utc> {
        raw.parse().expect("an RFC 3339 time")
    }

    fn hours(time_zone: &str, days: &[Day]) -> BusinessHours {
        BusinessHours {
            time_zone: time_zone.to_owned(),
            days: days.to_vec(),
            open: "09:00".to_owned(),
            close: "17:30".to_owned(),
        }
    }

    const WEEKDAYS: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

    #[test]
    fn open_from_the_opening_minute_until_just_before_closing() {
        // London keeps GMT (UTC+0) in January; 2026-01-14 is a Wednesday.
        let london = hours("Europe/London", &WEEKDAYS);
        assert!(!london.is_open(utc("2026-01-14T08:59:59Z")));
        assert!(london.is_open(utc("2026-01-14T09:00:00Z")));
        assert!(london.is_open(utc("2026-01-14T17:29:59Z")));
        assert!(!london.is_open(utc("2026-01-14T17:30:00Z")));
        // Saturday is not an open day.
        assert!(!london.is_open(utc("2026-01-17T12:00:00Z")));
        // New York is UTC-5 in January: 09:00 there is 14:00 UTC.
        let new_york = hours("America/New_York", &WEEKDAYS);
        assert!(!new_york.is_open(utc("2026-01-14T13:59:00Z")));
        assert!(new_york.is_open(utc("2026-01-14T14:00:00Z")));
        // 02:00 UTC on Saturday is Friday 21:00 in New York, after closing.
        assert!(!new_york.is_open(utc("2026-01-17T02:00:00Z")));
    }

    #[test]
    fn the_hours_follow_the_daylight_saving_change() {
        // London moves to BST (UTC+1) at 01:00 UTC on Sunday 2026-03-29.
        let sundays = hours("Europe/London", &[Day::Sun]);
        // 08:30 UTC: 08:30 local the Sunday before, 09:30 local on the day of the change.
        assert!(!sundays.is_open(utc("2026-03-22T08:30:00Z")));
        assert!(sundays.is_open(utc("2026-03-29T08:30:00Z")));
        // 16:45 UTC: 16:45 local the Sunday before (open), 17:45 local after it (closed).
        assert!(sundays.is_open(utc("2026-03-22T16:45:00Z")));
        assert!(!sundays.is_open(utc("2026-03-29T16:45:00Z")));
        // Back to GMT on Sunday 2026-10-25: 08:30 UTC is 08:30 local again.
        assert!(!sundays.is_open(utc("2026-10-25T08:30:00Z")));
        assert!(sundays.is_open(utc("2026-10-25T09:00:00Z")));
    }

    #[test]
    fn the_label_joins_runs_of_days() {
        assert_eq!(
            hours("Europe/London", &WEEKDAYS).label(),
            "Mon-Fri 09:00-17:30 (Europe/London)"
        );
        assert_eq!(
            hours("Europe/London", &[Day::Sat, Day::Mon, Day::Wed, Day::Thu]).label(),
            "Mon, Wed-Thu, Sat 09:00-17:30 (Europe/London)"
        );
    }

    #[test]
    fn bad_hours_and_a_handoff_without_recipients_are_refused() {
        let mut problems = Vec::new();
        let settings = HandoffSettings {
            enabled: true,
            hours: Some(BusinessHours {
                time_zone: "Europe/Atlantis".to_owned(),
                days: vec![],
                open: "9am".to_owned(),
                close: "17:30".to_owned(),
            }),
            ..HandoffSettings::default()
        };
        validate_handoff(&settings, &[], &mut |ok, key, what| {
            if !ok {
                problems.push(format!("{key}: {what}"));
            }
        });
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("handoff.recipients"),
            "{problems:?}"
        );
        assert!(problems[1].contains("Europe/Atlantis"), "{problems:?}");
        for (open, close) in [("17:30", "09:00"), ("24:00", "25:00"), ("9:00", "17:00")] {
            let hours = BusinessHours {
                open: open.to_owned(),
                close: close.to_owned(),
                ..hours("Europe/London", &WEEKDAYS)
            };
            assert!(hours.parsed().is_err(), "{open}-{close}");
            assert!(!hours.is_open(utc("2026-01-14T12:00:00Z")));
        }
        let always = HandoffSettings::default();
        assert!(always.open_at(utc("2026-01-17T03:00:00Z")));
    }
}

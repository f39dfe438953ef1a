//! Calendar dates for conference days: weekday and day arithmetic (proleptic Gregorian, Howard
//! Hinnant's `days_from_civil`), enough to write `## Tuesday: workshops` on the right day.

use std::fmt;

use super::words::{MONTHS, WEEKDAYS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days(self.days() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday_index(self) -> usize {
        // 1970-01-01 was a Thursday (index 3).
        (self.days() + 3).rem_euclid(7) as usize
    }

    pub fn weekday(self) -> &'static str {
        WEEKDAYS[self.weekday_index()]
    }

    pub fn month_name(self) -> &'static str {
        MONTHS[self.month as usize - 1]
    }

    /// `4th`, `21st`, `13th`.
    pub fn ordinal_day(self) -> String {
        let suffix = match (self.day % 10, self.day % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{}{suffix}", self.day)
    }
}

/// ISO 8601: `2019-11-06`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn weekdays_and_arithmetic() {
        assert_eq!(Date::new(2019, 11, 6).weekday(), "Wednesday");
        assert_eq!(Date::new(2024, 2, 29).weekday(), "Thursday");
        assert_eq!(Date::new(2023, 12, 31).plus_days(1), Date::new(2024, 1, 1));
        assert_eq!(
            Date::new(2024, 2, 28).plus_days(1).to_string(),
            "2024-02-29"
        );
        assert_eq!(Date::new(2024, 3, 1).plus_days(-1), Date::new(2024, 2, 29));
        assert_eq!(Date::new(2019, 11, 3).ordinal_day(), "3rd");
        assert_eq!(Date::new(2019, 11, 12).ordinal_day(), "12th");
    }
}

//! Settings of what the chat widget shows (`widget:`): the conversation starters offered
//! before the first message, and the hosts whose images an answer may show.

use serde::{Deserialize, Serialize};

/// Most conversation starters an agent may have.
pub const MAX_STARTERS: usize = 4;

/// Longest conversation starter, in characters.
pub const MAX_STARTER_CHARS: usize = 80;

/// The `widget:` section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WidgetSettings {
    /// Questions the widget offers before the first message (at most [`MAX_STARTERS`], each
    /// at most [`MAX_STARTER_CHARS`] characters).
    pub starters: Vec<String>,
    /// Hosts whose images an answer's markdown may show (e.g.
    /// `images.northwind-heating.example`); an image from any other host is shown as a
    /// link. Usually set once in `account.yaml`.
    pub image_hosts: Vec<String>,
}

/// Checks of `widget:`.
pub(super) fn validate_widget(settings: &WidgetSettings, check: &mut impl FnMut(bool, &str, &str)) {
    check(
        settings.starters.len() <= MAX_STARTERS,
        "widget.starters",
        &format!(
            "at most {MAX_STARTERS} starters (found {})",
            settings.starters.len()
        ),
    );
    for (index, starter) in settings.starters.iter().enumerate() {
        let chars = starter.trim().chars().count();
        check(
            (1..=MAX_STARTER_CHARS).contains(&chars),
            "widget.starters",
            &format!(
                "starter {} must be 1 to {MAX_STARTER_CHARS} characters (it has {chars})",
                index + 1
            ),
        );
    }
    for host in &settings.image_hosts {
        check(
            is_host_name(host),
            "widget.image_hosts",
            &format!(
                "`{host}` is not a host name such as images.example.com (no scheme, port or path)"
            ),
        );
    }
}

/// A DNS host name: dot-separated labels of letters, digits and `-`, none empty or
/// starting or ending with `-`.
fn is_host_name(host: &str) -> bool {
    host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(settings: &WidgetSettings) -> Vec<String> {
        let mut found = Vec::new();
        validate_widget(settings, &mut |ok, key, what| {
            if !ok {
                found.push(format!("{key}: {what}"));
            }
        });
        found
    }

    #[test]
    fn starters_are_few_and_short_and_image_hosts_are_host_names() {
        let mut settings = WidgetSettings {
            starters: vec!["Do you install heat pumps?".to_owned(); 4],
            image_hosts: vec!["images.northwind-heating.example".to_owned()],
        };
        assert!(problems(&settings).is_empty());
        settings.starters.push("One more?".to_owned());
        assert_eq!(
            problems(&settings),
            vec!["widget.starters: at most 4 starters (found 5)"]
        );
        settings.starters = vec!["x".repeat(81), " ".to_owned()];
        assert_eq!(problems(&settings).len(), 2);
        settings.starters.clear();
        for bad in [
            "https://img.example",
            "img.example/x",
            "img.example:443",
            "",
            "-a.example",
        ] {
            settings.image_hosts = vec![bad.to_owned()];
            assert_eq!(problems(&settings).len(), 1, "{bad}");
        }
    }
}

//! The LLM tool through which an agent records what a visitor offers about themselves:
//! its JSON schema (OpenAI `tools` format, limited to the agent's `profile.fields`) and the
//! pure parsing of a call's arguments into a [`ProfileUpdate`]. Storing the update is
//! [`super::save_profile_update`].

use serde_json::{Map, Value, json};

use crate::config::{ProfileField, ProfileFieldSettings};
use crate::domain::{EmailAddress, EmailError};
use crate::error::{CodedError, ErrorCode};

/// The tool's function name.
pub const PROFILE_TOOL_NAME: &str = "save_visitor_profile";

/// What one tool call says about the visitor; `None` and empty mean "not mentioned".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileUpdate {
    /// Name.
    pub name: Option<String>,
    /// Email address, parsed (no header injection gets through).
    pub email: Option<EmailAddress>,
    /// Phone number.
    pub phone: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// New interests.
    pub interests: Vec<String>,
}

impl ProfileUpdate {
    /// Whether the call said nothing.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.email.is_none()
            && self.phone.is_none()
            && self.company.is_none()
            && self.interests.is_empty()
    }
}

/// Why a tool call's arguments were refused. The message is meant to go back to the model
/// as the tool's result, so it can correct itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileToolError {
    /// The arguments are not a JSON object (or a string holding one).
    #[error("the arguments must be a JSON object")]
    NotAnObject,
    /// A key the schema does not have.
    #[error("unknown field `{0}`")]
    UnknownField(String),
    /// A field this agent does not capture.
    #[error("field `{0}` is not captured by this agent")]
    FieldNotEnabled(&'static str),
    /// A value of the wrong JSON type.
    #[error("field `{0}` has the wrong type")]
    WrongType(&'static str),
    /// A value longer than `profile.max_field_chars`.
    #[error("field `{0}` is too long")]
    TooLong(&'static str),
    /// The email is not a plain valid address.
    #[error("field `email` is not a valid address: {0}")]
    InvalidEmail(EmailError),
    /// The phone number is not one.
    #[error("field `phone` is not a phone number")]
    InvalidPhone,
    /// Nothing to save.
    #[error("no field was given")]
    Empty,
}

/// The arguments did not match the tool's schema, as a body can fail to match a route's.
impl CodedError for ProfileToolError {
    fn code(&self) -> ErrorCode {
        ErrorCode::InvalidJson
    }
}

fn field_description(field: ProfileField) -> &'static str {
    match field {
        ProfileField::Name => "The visitor's name, as they gave it.",
        ProfileField::Email => {
            "The visitor's email address, exactly as they typed it. Unverified until they confirm it with a code."
        }
        ProfileField::Phone => "The visitor's phone number, as they gave it.",
        ProfileField::Company => "The visitor's company or organisation.",
        ProfileField::Interests => {
            "Products or services the visitor showed interest in, each a short phrase."
        }
    }
}

/// The tool definition for the chat-completions `tools` array, limited to the agent's
/// fields. `None` when the agent does not capture profiles.
pub fn profile_tool_schema(settings: &ProfileFieldSettings) -> Option<Value> {
    if !settings.capture || settings.fields.is_empty() {
        return None;
    }
    let mut properties = Map::new();
    for field in ProfileField::ALL {
        if !settings.fields.contains(&field) {
            continue;
        }
        let schema = match field {
            ProfileField::Interests => json!({
                "type": "array",
                "items": {"type": "string", "maxLength": settings.max_field_chars},
                "maxItems": settings.max_interests,
                "description": field_description(field),
            }),
            ProfileField::Email => json!({
                "type": "string",
                "format": "email",
                "maxLength": 254,
                "description": field_description(field),
            }),
            _ => json!({
                "type": "string",
                "maxLength": settings.max_field_chars,
                "description": field_description(field),
            }),
        };
        properties.insert(field.as_str().to_owned(), schema);
    }
    Some(json!({
        "type": "function",
        "function": {
            "name": PROFILE_TOOL_NAME,
            "description": "Record details the visitor has volunteered about themselves in this conversation. \
                Call it only with what the visitor actually said; never guess or ask for details just to fill fields.",
            "parameters": {
                "type": "object",
                "properties": Value::Object(properties),
                "additionalProperties": false,
            },
        },
    }))
}

fn text_field(
    value: &Value,
    field: &'static str,
    max: usize,
) -> Result<Option<String>, ProfileToolError> {
    match value {
        Value::Null => Ok(None),
        Value::String(raw) => match one_line(raw) {
            Some(cleaned) if cleaned.chars().count() > max => Err(ProfileToolError::TooLong(field)),
            cleaned => Ok(cleaned),
        },
        _ => Err(ProfileToolError::WrongType(field)),
    }
}

/// A field on one line: control characters and runs of whitespace become one space;
/// `None` when nothing is left.
pub(crate) fn one_line(raw: &str) -> Option<String> {
    let cleaned = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

/// A phone number: digits with the usual separators, 5 to 20 digits, at most 40 characters.
pub(crate) fn valid_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && phone.len() <= 40
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'))
}

/// Parses a tool call's arguments (a JSON object, or the JSON string the provider sends)
/// against the agent's profile settings.
pub fn apply_profile_tool(
    args: &Value,
    settings: &ProfileFieldSettings,
) -> Result<ProfileUpdate, ProfileToolError> {
    let parsed;
    let object = match args {
        Value::Object(object) => object,
        Value::String(raw) => {
            parsed =
                serde_json::from_str::<Value>(raw).map_err(|_| ProfileToolError::NotAnObject)?;
            parsed.as_object().ok_or(ProfileToolError::NotAnObject)?
        }
        _ => return Err(ProfileToolError::NotAnObject),
    };
    let max = settings.max_field_chars;
    let mut update = ProfileUpdate::default();
    for (name, value) in object {
        let field = ProfileField::ALL
            .into_iter()
            .find(|f| f.as_str() == name)
            .ok_or_else(|| ProfileToolError::UnknownField(name.clone()))?;
        if !settings.capture || !settings.fields.contains(&field) {
            return Err(ProfileToolError::FieldNotEnabled(field.as_str()));
        }
        match field {
            ProfileField::Name => update.name = text_field(value, "name", max)?,
            ProfileField::Company => update.company = text_field(value, "company", max)?,
            ProfileField::Phone => {
                update.phone = text_field(value, "phone", max)?;
                if update.phone.as_deref().is_some_and(|p| !valid_phone(p)) {
                    return Err(ProfileToolError::InvalidPhone);
                }
            }
            ProfileField::Email => {
                update.email = match value {
                    Value::Null => None,
                    Value::String(raw) if raw.trim().is_empty() => None,
                    Value::String(raw) => {
                        Some(EmailAddress::parse(raw).map_err(ProfileToolError::InvalidEmail)?)
                    }
                    _ => return Err(ProfileToolError::WrongType("email")),
                };
            }
            ProfileField::Interests => {
                let Value::Array(items) = value else {
                    if value.is_null() {
                        continue;
                    }
                    return Err(ProfileToolError::WrongType("interests"));
                };
                for item in items {
                    if let Some(interest) = text_field(item, "interests", max)?
                        && !update.interests.contains(&interest)
                    {
                        update.interests.push(interest);
                    }
                }
                update.interests.truncate(settings.max_interests);
            }
        }
    }
    if update.is_empty() {
        return Err(ProfileToolError::Empty);
    }
    Ok(update)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_fields() -> ProfileFieldSettings {
        ProfileFieldSettings::default()
    }

    #[test]
    fn the_schema_lists_only_the_agents_fields() {
        let settings = ProfileFieldSettings {
            fields: vec![ProfileField::Name, ProfileField::Interests],
            ..all_fields()
        };
        let schema = profile_tool_schema(&settings).expect("capturing");
        let properties = &schema["function"]["parameters"]["properties"];
        assert_eq!(schema["function"]["name"], PROFILE_TOOL_NAME);
        assert!(properties.get("name").is_some());
        assert!(properties.get("interests").is_some());
        assert!(properties.get("email").is_none());
        let off = ProfileFieldSettings {
            capture: false,
            ..all_fields()
        };
        assert!(profile_tool_schema(&off).is_none());
    }

    #[test]
    fn arguments_parse_from_an_object_or_a_json_string() {
        let args = json!({"name": "  Ann   Lee ", "email": "Ann@Example.COM", "interests": ["heat pumps", "heat pumps", "solar"]});
        let update = apply_profile_tool(&args, &all_fields()).expect("valid");
        assert_eq!(update.name.as_deref(), Some("Ann Lee"));
        assert_eq!(
            update.email.as_ref().map(EmailAddress::as_str),
            Some("Ann@example.com")
        );
        assert_eq!(update.interests, vec!["heat pumps", "solar"]);
        let as_string = Value::String(args.to_string());
        assert_eq!(apply_profile_tool(&as_string, &all_fields()), Ok(update));
    }

    #[test]
    fn bad_arguments_are_refused_with_a_reason() {
        let settings = ProfileFieldSettings {
            fields: vec![ProfileField::Name],
            ..all_fields()
        };
        let cases = [
            (json!([1]), ProfileToolError::NotAnObject),
            (
                json!({"age": 3}),
                ProfileToolError::UnknownField("age".to_owned()),
            ),
            (
                json!({"phone": "123"}),
                ProfileToolError::FieldNotEnabled("phone"),
            ),
            (json!({"name": 3}), ProfileToolError::WrongType("name")),
            (
                json!({"name": "x".repeat(500)}),
                ProfileToolError::TooLong("name"),
            ),
            (json!({}), ProfileToolError::Empty),
        ];
        for (args, expected) in cases {
            assert_eq!(
                apply_profile_tool(&args, &settings),
                Err(expected),
                "{args}"
            );
        }
        assert_eq!(
            apply_profile_tool(&json!({"email": "ann@x.io\r\nBcc: y@z.io"}), &all_fields()),
            Err(ProfileToolError::InvalidEmail(
                EmailError::ControlCharacters
            ))
        );
        assert_eq!(
            apply_profile_tool(&json!({"phone": "call me maybe"}), &all_fields()),
            Err(ProfileToolError::InvalidPhone)
        );
        assert!(
            apply_profile_tool(&json!({"phone": "+44 (0)113 496 0000"}), &all_fields()).is_ok()
        );
    }
}

//! The directory: structured lists per account (products, staff, locations) that the agent
//! searches through an LLM tool call, so "which heat pumps under £5,000 are in stock" is
//! answered from the list, not from prose.
//!
//! Lists live beside the account's configuration, `config/accounts/<account>/directory/`:
//! a `<name>.csv` (header row, one item per row) or a `<name>.yaml`: a list of maps under
//! `items:` or under any one other top-level key (`technicians:`), with an optional
//! `description:` beside it (or a bare list of maps). CSV cells that read as numbers or booleans are typed, so filters
//! compare `price < 5000` numerically (currency signs and thousands separators are ignored).
//!
//! Search is exact (`eq`), substring (`contains`), numeric (`lt`, `lte`, `gt`, `gte`) on named
//! fields, plus full text over every field, ranked with the same BM25 weighting as the
//! lexical half of retrieval. Written here rather than with a search engine crate: lists are
//! hundreds of rows, loaded at start-up, and an index engine would double a Lambda's size
//! for no gain at that scale.
//!
//! Without a model (the extractive answer), the same full-text search runs over the
//! visitor's question and the best few items that clear a bar are quoted
//! ([`Directory::extractive_list`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::domain::AccountId;
use crate::knowledge::vector::lexical::{idf, saturated_tf, tokenize};
use crate::ports::model::ToolSpec;

/// The name of the tool the model calls.
pub(crate) const TOOL_NAME: &str = "search_directory";

/// Why a directory could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    /// A file could not be read or parsed.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// One list.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// Its name (the file stem): `products`.
    pub name: String,
    /// What it holds, for the model.
    pub description: String,
    /// Column names, in file order.
    pub fields: Vec<String>,
    /// The items.
    pub items: Vec<Map<String, Value>>,
}

/// Every list of one account.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    /// Lists by name.
    pub lists: BTreeMap<String, List>,
}

impl Directory {
    /// Loads `<config root>/accounts/<account>/directory/`; no folder is an empty directory.
    pub fn load(config_root: &Path, account: &AccountId) -> Result<Self, DirectoryError> {
        let dir = config_root
            .join("accounts")
            .join(account.as_str())
            .join("directory");
        let mut directory = Self::default();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(directory);
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let list = match path.extension().and_then(|e| e.to_str()) {
                Some("csv") => read_csv(&path, &stem)?,
                Some("yaml" | "yml") => read_yaml(&path, &stem)?,
                _ => continue,
            };
            if directory.lists.insert(stem.clone(), list).is_some() {
                return Err(file_error(&path, format!("a second list named {stem}")));
            }
        }
        Ok(directory)
    }

    /// No lists.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// The tool the model is offered: the lists, their fields, and how to filter.
    pub fn tool(&self) -> ToolSpec {
        let mut described = String::from(
            "Search the business's structured lists (exact facts: products, prices, stock, \
             people, places). Use it whenever the visitor asks about items, prices, \
             availability, staff or locations, and answer from its results. Lists:",
        );
        for list in self.lists.values() {
            described.push_str(&format!(
                "\n- {} ({} items; fields: {}){}",
                list.name,
                list.items.len(),
                list.fields.join(", "),
                if list.description.is_empty() {
                    String::new()
                } else {
                    format!(": {}", list.description)
                }
            ));
        }
        let names: Vec<&str> = self.lists.keys().map(String::as_str).collect();
        ToolSpec::function(
            TOOL_NAME,
            described,
            json!({
                "type": "object",
                "properties": {
                    "list": {"type": "string", "enum": names, "description": "Which list to search."},
                    "query": {"type": "string", "description": "Words to find anywhere in an item (full text). Empty or omitted: every item that passes the filters."},
                    "filters": {
                        "type": "array",
                        "description": "Conditions every returned item meets.",
                        "items": {
                            "type": "object",
                            "properties": {
                                "field": {"type": "string"},
                                "op": {"type": "string", "enum": ["eq", "contains", "lt", "lte", "gt", "gte"], "description": "eq: exact (case-insensitive); contains: substring; lt/lte/gt/gte: numeric."},
                                "value": {"description": "A string, number or boolean."}
                            },
                            "required": ["field", "op", "value"]
                        }
                    },
                    "limit": {"type": "integer", "minimum": 1, "maximum": 50}
                },
                "required": ["list"]
            }),
        )
    }

    /// Runs a tool call's arguments (JSON text as the model wrote it) and returns the JSON
    /// result for the model. Mistakes (unknown list or field, bad JSON) come back as an
    /// `error` the model can read and correct; they never fail the turn.
    pub fn run_tool(&self, arguments: &str, max_results: usize) -> Value {
        match serde_json::from_str::<SearchArgs>(arguments) {
            Ok(args) => match self.search(&args, max_results) {
                Ok(result) => result,
                Err(message) => json!({ "error": message }),
            },
            Err(error) => json!({ "error": format!("the arguments are not valid: {error}") }),
        }
    }

    fn search(&self, args: &SearchArgs, max_results: usize) -> Result<Value, String> {
        let list = self.lists.get(&args.list).ok_or_else(|| {
            format!(
                "no list named {:?}; the lists are: {}",
                args.list,
                self.lists.keys().cloned().collect::<Vec<_>>().join(", ")
            )
        })?;
        for filter in &args.filters {
            if !list
                .fields
                .iter()
                .any(|f| f.eq_ignore_ascii_case(&filter.field))
            {
                return Err(format!(
                    "list {} has no field {:?}; its fields are: {}",
                    list.name,
                    filter.field,
                    list.fields.join(", ")
                ));
            }
        }
        let passing: Vec<&Map<String, Value>> = list
            .items
            .iter()
            .filter(|item| args.filters.iter().all(|f| f.matches(item)))
            .collect();
        let ranked = match args.query.as_deref().map(str::trim) {
            Some(query) if !query.is_empty() => full_text(&passing, query),
            _ => passing,
        };
        let limit = args
            .limit
            .unwrap_or(max_results)
            .clamp(1, max_results.max(1));
        Ok(json!({
            "list": list.name,
            "matches": ranked.len(),
            "returned": ranked.len().min(limit),
            "items": ranked.into_iter().take(limit).collect::<Vec<_>>(),
        }))
    }
}

/// A search as the model asks for it.
#[derive(Debug, Deserialize)]
struct SearchArgs {
    list: String,
    #[serde(default)]
    query: Option<String>,
    #[serde(default)]
    filters: Vec<Filter>,
    #[serde(default)]
    limit: Option<usize>,
}

#[derive(Debug, Deserialize)]
struct Filter {
    field: String,
    op: Op,
    value: Value,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    Eq,
    Contains,
    Lt,
    Lte,
    Gt,
    Gte,
}

impl Filter {
    fn matches(&self, item: &Map<String, Value>) -> bool {
        let Some(cell) = item
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&self.field))
            .map(|(_, v)| v)
        else {
            return false;
        };
        match self.op {
            Op::Eq => match (number(cell), number(&self.value)) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                _ => text(cell).eq_ignore_ascii_case(&text(&self.value)),
            },
            Op::Contains => text(cell)
                .to_lowercase()
                .contains(&text(&self.value).to_lowercase()),
            Op::Lt | Op::Lte | Op::Gt | Op::Gte => match (number(cell), number(&self.value)) {
                (Some(a), Some(b)) => match self.op {
                    Op::Lt => a < b,
                    Op::Lte => a <= b,
                    Op::Gt => a > b,
                    _ => a >= b,
                },
                _ => false,
            },
        }
    }
}

/// A cell as text (booleans `true`/`false`, numbers as written).
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A cell as a number: numbers, and strings like "£4,995" or "4 995.00"; booleans are not.
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let cleaned: String = s
                .trim()
                .trim_start_matches(['£', '$', '€', '¥'])
                .chars()
                .filter(|c| *c != ',' && !c.is_whitespace())
                .collect();
            cleaned.parse().ok()
        }
        _ => None,
    }
}

/// Items ranked by BM25 over all their fields; items matching no query word are dropped,
/// items matching every word rank before the rest.
fn full_text<'a>(items: &[&'a Map<String, Value>], query: &str) -> Vec<&'a Map<String, Value>> {
    ranked(items, &query_terms(query))
        .into_iter()
        .map(|hit| items[hit.index])
        .collect()
}

/// The distinct words of a query, as [`item_terms`] spells them.
fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = tokenize(query).iter().map(|t| fold_plural(t)).collect();
    terms.sort();
    terms.dedup();
    terms
}

/// The words of an item: every field's value, tokenized as retrieval does, plurals folded.
fn item_terms(item: &Map<String, Value>) -> Vec<String> {
    tokenize(&item.values().map(text).collect::<Vec<_>>().join(" "))
        .iter()
        .map(|t| fold_plural(t))
        .collect()
}

/// "pumps" → "pump", so a question's plural finds a list's singular (and back); "glass",
/// "gas" and short words stay.
fn fold_plural(token: &str) -> String {
    match token.strip_suffix('s') {
        Some(stem)
            if stem.chars().count() >= 3
                && !stem.ends_with('s')
                && stem.chars().all(char::is_alphabetic) =>
        {
            stem.to_owned()
        }
        _ => token.to_owned(),
    }
}

/// One item's BM25 result for a query.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// How many distinct query words the item holds.
    words: usize,
    score: f32,
    index: usize,
}

/// Items holding at least one of `terms`, best first: more query words, then BM25 score,
/// then file order.
fn ranked(items: &[&Map<String, Value>], terms: &[String]) -> Vec<Hit> {
    let docs: Vec<Vec<String>> = items.iter().map(|item| item_terms(item)).collect();
    let avg = docs.iter().map(Vec::len).sum::<usize>() as f32 / docs.len().max(1) as f32;
    let df: Vec<usize> = terms
        .iter()
        .map(|t| docs.iter().filter(|d| d.contains(t)).count())
        .collect();
    let mut hits: Vec<Hit> = docs
        .iter()
        .enumerate()
        .filter_map(|(index, doc)| {
            let mut score = 0.0;
            let mut words = 0;
            for (term, df) in terms.iter().zip(&df) {
                let tf = doc.iter().filter(|t| *t == term).count();
                if tf > 0 {
                    words += 1;
                    score += idf(docs.len(), *df) * saturated_tf(tf as f32, doc.len() as f32, avg);
                }
            }
            (words > 0).then_some(Hit {
                words,
                score,
                index,
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.words
            .cmp(&a.words)
            .then(b.score.total_cmp(&a.score))
            .then(a.index.cmp(&b.index))
    });
    hits
}

/// Words that carry no meaning in a question to a list, beyond retrieval's stopwords.
const QUESTION_WORDS: &[&str] = &[
    "about", "any", "anything", "could", "get", "got", "have", "has", "hello", "hi", "know",
    "like", "many", "much", "need", "please", "should", "tell", "thank", "thanks", "there", "want",
    "where", "would",
];

/// Most items an extractive answer quotes from the lists.
pub(crate) const EXTRACTIVE_ITEMS: usize = 5;

impl Directory {
    /// The items that answer a question well enough to quote without a model, as a markdown
    /// section labelled with the list they come from; `None` when nothing clears the bar.
    ///
    /// The bar: an item must hold two or more of the question's words, or at least half of
    /// them (one of a two-word question). Only the items holding the most words are kept, best
    /// BM25 score first, at most `max`, so a question about one thing is not answered with
    /// everything that shares a common word with it.
    pub(crate) fn extractive_list(&self, question: &str, max: usize) -> Option<String> {
        let terms: Vec<String> = query_terms(question)
            .into_iter()
            .filter(|t| !QUESTION_WORDS.contains(&t.as_str()))
            .collect();
        if terms.is_empty() || max == 0 {
            return None;
        }
        let mut found: Vec<(&List, Hit)> = Vec::new();
        for list in self.lists.values() {
            let items: Vec<&Map<String, Value>> = list.items.iter().collect();
            found.extend(
                ranked(&items, &terms)
                    .into_iter()
                    .filter(|hit| hit.words >= 2 || hit.words * 2 >= terms.len())
                    .map(|hit| (list, hit)),
            );
        }
        let most = found.iter().map(|(_, hit)| hit.words).max()?;
        found.retain(|(_, hit)| hit.words == most);
        found.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
        found.truncate(max);
        let mut out = String::new();
        for list in self.lists.values() {
            let mut items = found
                .iter()
                .filter(|(l, _)| l.name == list.name)
                .map(|(_, hit)| &list.items[hit.index])
                .peekable();
            if items.peek().is_none() {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!(
                "**From the business's list \"{}\"**\n\n",
                list.name
            ));
            for item in items {
                out.push_str(&format!("- {}\n", item_line(list, item)));
            }
        }
        Some(out)
    }
}

/// An item on one markdown line: its name (the `name` or `title` field, else the first) in
/// bold, then every other field that has a value.
fn item_line(list: &List, item: &Map<String, Value>) -> String {
    let cell = |field: &str| item.get(field).map(text).unwrap_or_default();
    let title_field = list
        .fields
        .iter()
        .find(|f| f.eq_ignore_ascii_case("name") || f.eq_ignore_ascii_case("title"))
        .or(list.fields.first());
    let title = title_field.map(|f| cell(f)).unwrap_or_default();
    let rest: Vec<String> = list
        .fields
        .iter()
        .filter(|f| Some(*f) != title_field)
        .filter_map(|f| {
            let value = cell(f);
            (!value.trim().is_empty()).then(|| format!("{f}: {}", value.replace('\n', " ")))
        })
        .collect();
    if rest.is_empty() {
        format!("**{title}**")
    } else {
        format!("**{title}**: {}", rest.join("; "))
    }
}

fn file_error(path: &Path, message: impl Into<String>) -> DirectoryError {
    DirectoryError::File {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// A CSV cell, typed: integers and decimals become numbers, true/false/yes/no booleans. A
/// decimal that would not print back as written (`18.50`, `14.00`) stays text, so a price
/// reads as the business wrote it; filters still compare it as a number.
fn typed(cell: &str) -> Value {
    let trimmed = cell.trim();
    match trimmed.to_ascii_lowercase().as_str() {
        "true" | "yes" => return Value::Bool(true),
        "false" | "no" => return Value::Bool(false),
        "" => return Value::Null,
        _ => {}
    }
    if let Ok(n) = trimmed.parse::<i64>() {
        return Value::from(n);
    }
    if let Ok(n) = trimmed.parse::<f64>()
        && n.is_finite()
        && n.to_string() == trimmed
    {
        return Value::from(n);
    }
    Value::String(trimmed.to_owned())
}

fn read_csv(path: &Path, name: &str) -> Result<List, DirectoryError> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| file_error(path, e.to_string()))?;
    let fields: Vec<String> = reader
        .headers()
        .map_err(|e| file_error(path, e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if fields.iter().any(String::is_empty) {
        return Err(file_error(path, "a column has no name in the header row"));
    }
    let mut items = Vec::new();
    for (line, record) in reader.records().enumerate() {
        let record = record.map_err(|e| file_error(path, format!("row {}: {e}", line + 2)))?;
        items.push(
            fields
                .iter()
                .zip(record.iter())
                .map(|(field, cell)| (field.clone(), typed(cell)))
                .collect(),
        );
    }
    Ok(List {
        name: name.to_owned(),
        description: String::new(),
        fields,
        items,
    })
}

fn read_yaml(path: &Path, name: &str) -> Result<List, DirectoryError> {
    let text = std::fs::read_to_string(path).map_err(|e| file_error(path, e.to_string()))?;
    let parsed: serde_norway::Value =
        serde_norway::from_str(&text).map_err(|e| file_error(path, e.to_string()))?;
    let (description, items) = yaml_list(parsed).map_err(|message| file_error(path, message))?;
    let items: Vec<Map<String, Value>> = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| serde_norway::from_value(item).map_err(|e| format!("item {}: {e}", i + 1)))
        .collect::<Result<_, _>>()
        .map_err(|message| file_error(path, message))?;
    let mut fields: Vec<String> = Vec::new();
    for item in &items {
        for key in item.keys() {
            if !fields.contains(key) {
                fields.push(key.clone());
            }
        }
    }
    Ok(List {
        name: name.to_owned(),
        description,
        fields,
        items,
    })
}

/// The description and items of a parsed YAML list file: the one top-level key holding a
/// list of maps (`items:` or any other name) and an optional `description:` string. Anything
/// else is refused with what was found, so a typo never silently empties a list.
fn yaml_list(parsed: serde_norway::Value) -> Result<(String, Vec<serde_norway::Value>), String> {
    use serde_norway::Value as Yaml;
    const EXPECTED: &str = "a list file holds one list of maps under `items:` (or one other \
                            top-level key, e.g. `technicians:`) and an optional `description:`";
    let mapping = match parsed {
        Yaml::Mapping(mapping) => mapping,
        // A bare list of maps is unambiguous too.
        Yaml::Sequence(items) if items.iter().all(Yaml::is_mapping) => {
            return Ok((String::new(), items));
        }
        Yaml::Null => return Err(format!("the file is empty; {EXPECTED}")),
        other => {
            return Err(format!(
                "the file holds {} at the top; {EXPECTED}",
                yaml_kind(&other)
            ));
        }
    };
    let mut description = String::new();
    let mut lists = Vec::new();
    let mut others = Vec::new();
    for (key, value) in mapping {
        let key = match key {
            Yaml::String(key) => key,
            other => {
                others.push(format!("a key that is {}", yaml_kind(&other)));
                continue;
            }
        };
        match (key.as_str(), value) {
            ("description", Yaml::String(text)) => description = text,
            ("description", Yaml::Null) => {}
            ("description", other) => {
                others.push(format!("`description:` holding {}", yaml_kind(&other)));
            }
            (_, Yaml::Sequence(items)) if items.iter().all(Yaml::is_mapping) => {
                lists.push((key, items));
            }
            (_, other) => others.push(format!("`{key}:` holding {}", yaml_kind(&other))),
        }
    }
    match (lists.len(), others.is_empty()) {
        (1, true) => Ok((description, lists.remove(0).1)),
        (0, _) => Err(format!(
            "no list of maps found{}; {EXPECTED}",
            if others.is_empty() {
                String::new()
            } else {
                format!(" (found {})", others.join(", "))
            }
        )),
        (1, false) => Err(format!(
            "besides the list `{}:` the file has {}; {EXPECTED}",
            lists[0].0,
            others.join(", ")
        )),
        _ => Err(format!(
            "{} lists found ({}), which one is meant is unclear; {EXPECTED}",
            lists.len(),
            lists
                .iter()
                .map(|(key, _)| format!("`{key}:`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// What a YAML value is, for error messages.
fn yaml_kind(value: &serde_norway::Value) -> &'static str {
    use serde_norway::Value as Yaml;
    match value {
        Yaml::Null => "nothing",
        Yaml::Bool(_) => "a boolean",
        Yaml::Number(_) => "a number",
        Yaml::String(_) => "a string",
        Yaml::Sequence(items) if items.is_empty() => "an empty list",
        Yaml::Sequence(_) => "a list that is not all maps",
        Yaml::Mapping(_) => "a map",
        Yaml::Tagged(_) => "a tagged value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn products() -> Directory {
        let rows = [
            ("Aero 5", "heat pump", "£4,495", true),
            ("Aero 7", "heat pump", "£4,995", false),
            ("Aero 11", "heat pump", "£9,950", true),
            ("Combi 30", "boiler", "£2,100", true),
        ];
        let items = rows
            .iter()
            .map(|(name, kind, price, stock)| {
                let mut m = Map::new();
                m.insert("name".into(), json!(name));
                m.insert("category".into(), json!(kind));
                m.insert("price".into(), json!(price));
                m.insert("in_stock".into(), json!(stock));
                m
            })
            .collect();
        Directory {
            lists: BTreeMap::from([(
                "products".to_owned(),
                List {
                    name: "products".into(),
                    description: "What we sell".into(),
                    fields: vec![
                        "name".into(),
                        "category".into(),
                        "price".into(),
                        "in_stock".into(),
                    ],
                    items,
                },
            )]),
        }
    }

    fn names(result: &Value) -> Vec<String> {
        result["items"]
            .as_array()
            .map(|items| items.iter().map(|i| text(&i["name"])).collect())
            .unwrap_or_default()
    }

    #[test]
    fn heat_pumps_under_5000_in_stock_are_filtered_numerically() {
        let result = products().run_tool(
            r#"{"list":"products","filters":[{"field":"category","op":"eq","value":"Heat Pump"},
                {"field":"price","op":"lt","value":5000},{"field":"in_stock","op":"eq","value":true}]}"#,
            20,
        );
        assert_eq!(names(&result), ["Aero 5"], "{result}");
        assert_eq!(result["matches"], 1);
    }

    #[test]
    fn substring_and_full_text_find_items() {
        let d = products();
        let result = d.run_tool(
            r#"{"list":"products","filters":[{"field":"name","op":"contains","value":"aero"}]}"#,
            20,
        );
        assert_eq!(names(&result).len(), 3);
        let result = d.run_tool(r#"{"list":"products","query":"combi boiler"}"#, 20);
        assert_eq!(names(&result)[0], "Combi 30", "{result}");
        let result = d.run_tool(r#"{"list":"products","query":"aero 11"}"#, 20);
        assert_eq!(names(&result)[0], "Aero 11", "{result}");
    }

    #[test]
    fn mistakes_come_back_as_errors_the_model_can_read() {
        let d = products();
        assert!(d.run_tool("not json", 20)["error"].is_string());
        let unknown = d.run_tool(r#"{"list":"staff"}"#, 20);
        assert!(
            unknown["error"].as_str().unwrap_or("").contains("products"),
            "{unknown}"
        );
        let field = d.run_tool(
            r#"{"list":"products","filters":[{"field":"colour","op":"eq","value":"red"}]}"#,
            20,
        );
        assert!(
            field["error"].as_str().unwrap_or("").contains("in_stock"),
            "{field}"
        );
    }

    #[test]
    fn results_are_capped() {
        let result = products().run_tool(r#"{"list":"products","limit":100}"#, 2);
        assert_eq!(result["matches"], 4);
        assert_eq!(result["returned"], 2);
    }

    #[test]
    fn csv_cells_are_typed() {
        assert_eq!(typed(" 4995 "), json!(4995));
        assert_eq!(typed("4.5"), json!(4.5));
        assert_eq!(typed("18.50"), json!("18.50"));
        assert_eq!(number(&typed("18.50")), Some(18.5));
        assert_eq!(typed("Yes"), json!(true));
        assert_eq!(typed("£4,995"), json!("£4,995"));
        assert_eq!(number(&json!("£4,995")), Some(4995.0));
        assert_eq!(typed(""), Value::Null);
    }

    #[test]
    fn the_tool_names_every_list_and_field() {
        let spec = serde_json::to_value(products().tool()).unwrap_or_default();
        assert_eq!(spec["function"]["name"], TOOL_NAME);
        let description = spec["function"]["description"].as_str().unwrap_or("");
        assert!(
            description.contains("products (4 items; fields: name, category, price, in_stock)")
        );
        assert_eq!(
            spec["function"]["parameters"]["properties"]["list"]["enum"],
            json!(["products"])
        );
    }

    fn yaml(text: &str) -> Result<List, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().join("technicians.yaml");
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        read_yaml(&path, "technicians").map_err(|e| e.to_string())
    }

    #[test]
    fn a_yaml_list_may_sit_under_items_or_any_one_key() {
        let under_items =
            yaml("description: Who fits what\nitems:\n  - name: Ann\n    skill: heat pumps\n")
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(under_items.description, "Who fits what");
        assert_eq!(under_items.fields, ["name", "skill"]);
        let under_own_name =
            yaml("technicians:\n  - name: Ann\n  - name: Bo\n    area: York\ndescription: Staff\n")
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(under_own_name.items.len(), 2);
        assert_eq!(under_own_name.fields, ["name", "area"]);
        assert_eq!(under_own_name.description, "Staff");
        let bare = yaml("- name: Ann\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bare.items.len(), 1);
    }

    #[test]
    fn an_ambiguous_yaml_list_is_refused_with_what_was_found() {
        let two =
            yaml("engineers:\n  - name: Ann\nplumbers:\n  - name: Bo\n").expect_err("two lists");
        assert!(two.contains("technicians.yaml"), "{two}");
        assert!(
            two.contains("2 lists found (`engineers:`, `plumbers:`)"),
            "{two}"
        );
        let none = yaml("description: Staff\ncount: 3\n").expect_err("no list");
        assert!(
            none.contains("no list of maps found (found `count:` holding a number)"),
            "{none}"
        );
        let names = yaml("names:\n  - Ann\n  - Bo\n").expect_err("not maps");
        assert!(
            names.contains("`names:` holding a list that is not all maps"),
            "{names}"
        );
        let extra = yaml("items:\n  - name: Ann\ntitle: Staff\n").expect_err("an extra key");
        assert!(
            extra.contains("besides the list `items:` the file has `title:` holding a string"),
            "{extra}"
        );
        let broken = yaml("items: [\n").expect_err("not YAML");
        assert!(broken.contains("technicians.yaml"), "{broken}");
    }

    #[test]
    fn a_list_question_is_answered_with_the_best_matching_items() {
        let d = products();
        let answer = d
            .extractive_list("Which boilers do you have?", EXTRACTIVE_ITEMS)
            .unwrap_or_default();
        assert!(
            answer.starts_with("**From the business's list \"products\"**"),
            "{answer}"
        );
        assert!(
            answer.contains("- **Combi 30**: category: boiler; price: £2,100; in_stock: true"),
            "{answer}"
        );
        assert!(!answer.contains("Aero"), "{answer}");
        let pumps = d
            .extractive_list("Tell me about your heat pumps", EXTRACTIVE_ITEMS)
            .unwrap_or_default();
        assert_eq!(pumps.matches("- **Aero").count(), 3, "{pumps}");
        assert!(
            d.extractive_list("heat pumps", 2)
                .unwrap_or_default()
                .matches("- **")
                .count()
                == 2
        );
    }

    #[test]
    fn an_unrelated_question_quotes_no_items() {
        let d = products();
        assert_eq!(d.extractive_list("Is the home survey free?", 5), None);
        assert_eq!(d.extractive_list("What are your opening hours?", 5), None);
        assert_eq!(d.extractive_list("Hello there!", 5), None);
    }
}

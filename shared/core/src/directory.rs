//! The directory: structured lists per account (products, staff, locations) that the agent
//! searches through an LLM tool call, so "which heat pumps under £5,000 are in stock" is
//! answered from the list, not from prose.
//!
//! Lists live beside the account's configuration, `config/accounts/<account>/directory/`:
//! a `<name>.csv` (header row, one item per row) or a `<name>.yaml` (`description:` and
//! `items:`, a list of maps). Cells that read as numbers or booleans are typed, so filters
//! compare `price < 5000` numerically (currency signs and thousands separators are ignored).
//!
//! Search is exact (`eq`), substring (`contains`), numeric (`lt`, `lte`, `gt`, `gte`) on named
//! fields, plus full text over every field, ranked with the same BM25 weighting as the
//! lexical half of retrieval. Written here rather than with a search engine crate: lists are
//! hundreds of rows, loaded at start-up, and an index engine would double a Lambda's size
//! for no gain at that scale.

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YamlList {
    #[serde(default)]
    description: String,
    items: Vec<Map<String, Value>>,
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
    let terms = {
        let mut t = tokenize(query);
        t.sort();
        t.dedup();
        t
    };
    let docs: Vec<Vec<String>> = items
        .iter()
        .map(|item| tokenize(&item.values().map(text).collect::<Vec<_>>().join(" ")))
        .collect();
    let avg = docs.iter().map(Vec::len).sum::<usize>() as f32 / docs.len().max(1) as f32;
    let df: Vec<usize> = terms
        .iter()
        .map(|t| docs.iter().filter(|d| d.contains(t)).count())
        .collect();
    let mut scored: Vec<(usize, f32, usize)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            let mut score = 0.0;
            let mut hit = 0;
            for (term, df) in terms.iter().zip(&df) {
                let tf = doc.iter().filter(|t| *t == term).count();
                if tf > 0 {
                    hit += 1;
                    score += idf(docs.len(), *df) * saturated_tf(tf as f32, doc.len() as f32, avg);
                }
            }
            (hit > 0).then_some((hit, score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(_, _, i)| items[i]).collect()
}

fn file_error(path: &Path, message: impl Into<String>) -> DirectoryError {
    DirectoryError::File {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// A CSV cell, typed: integers and decimals become numbers, true/false/yes/no booleans.
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
    let parsed: YamlList =
        serde_norway::from_str(&text).map_err(|e| file_error(path, e.to_string()))?;
    let mut fields: Vec<String> = Vec::new();
    for item in &parsed.items {
        for key in item.keys() {
            if !fields.contains(key) {
                fields.push(key.clone());
            }
        }
    }
    Ok(List {
        name: name.to_owned(),
        description: parsed.description,
        fields,
        items: parsed.items,
    })
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
}

//! The OpenAPI 3.1 document of the JSON API: written by hand (`static/openapi.json`), with the
//! parts that must agree with the library and the served catalogue filled in when the server
//! starts: every vocabulary's words (states, degree levels, criteria …) from the library's
//! lists, the ZIP codes each state's students may give, and the examples' program ids from the catalogue, so that a client driven by the
//! document (a test generator, say) sends what the server accepts.

use himkit::select::{BoundsMode, Constraint, Criterion, Method, MissingPolicy, UnknownPolicy};
use himkit::value::ZipCode;
use himkit::{Catalog, Credential, DegreeLevel, DeliveryMode, Skill, UsState};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The hand-written document, before [`document`] fills it in.
pub const DOCUMENT: &str = include_str!("../static/openapi.json");

fn words<T>(all: impl Iterator<Item = T>, name: impl Fn(T) -> &'static str) -> Value {
    Value::Array(all.map(|item| Value::from(name(item))).collect())
}

/// Sets the value at `pointer`, which must exist.
fn set(document: &mut Value, pointer: &str, value: Value) -> Result<(), String> {
    let slot = document
        .pointer_mut(pointer)
        .ok_or_else(|| format!("the OpenAPI document has no {pointer}"))?;
    *slot = value;
    Ok(())
}

/// Fills in the ZIP codes the library accepts, by state: a schema `Zip{state}` of each state's,
/// and `Zip` as any of them, so that a client drawing requests from the document sends ZIP
/// codes the API accepts. That a ZIP code given with a home state must be one of that state's
/// is said in the profile's description: as a schema (a branch per state tying the two fields)
/// it is beyond what test generators such as schemathesis read.
fn zip_codes(document: &mut Value) -> Result<(), String> {
    let mut by_state: BTreeMap<UsState, Vec<String>> = BTreeMap::new();
    for zip in ZipCode::all() {
        for state in zip.states() {
            by_state.entry(state).or_default().push(zip.to_string());
        }
    }
    let schemas = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
        .ok_or("the document has no /components/schemas")?;
    for (state, zips) in &by_state {
        schemas.insert(
            format!("Zip{}", state.code()),
            json!({"type": "string", "description": format!("A ZIP code of {}.", state.name()), "enum": zips}),
        );
    }
    let reference = |state: &UsState| format!("#/components/schemas/Zip{}", state.code());
    let any_zip: Vec<Value> = by_state
        .keys()
        .map(|state| json!({"$ref": reference(state)}))
        .collect();
    set(document, "/components/schemas/Zip/anyOf", Value::Array(any_zip))?;
    Ok(())
}

/// The document as the server serves it for `catalog`.
///
/// # Errors
/// If the hand-written document lacks a part to fill in (a test holds it to that).
pub fn document(catalog: &Catalog) -> Result<String, String> {
    let mut document: Value = serde_json::from_str(DOCUMENT).map_err(|error| error.to_string())?;
    let vocabularies = [
        ("State", words(UsState::all(), UsState::code)),
        ("DegreeLevel", words(DegreeLevel::all(), DegreeLevel::as_str)),
        ("DeliveryMode", words(DeliveryMode::all(), DeliveryMode::as_str)),
        ("Credential", words(Credential::all(), Credential::as_str)),
        ("Skill", words(Skill::all(), Skill::as_str)),
        ("Criterion", words(Criterion::all(), Criterion::as_str)),
        (
            "MissingPolicy",
            words(MissingPolicy::all(), MissingPolicy::as_str),
        ),
        ("Constraint", words(Constraint::all(), Constraint::as_str)),
        (
            "UnknownPolicy",
            words(UnknownPolicy::all(), UnknownPolicy::as_str),
        ),
        ("Method", words(Method::all(), Method::as_str)),
        ("Bounds", words(BoundsMode::all(), BoundsMode::as_str)),
    ];
    for (name, words) in vocabularies {
        set(&mut document, &format!("/components/schemas/{name}/enum"), words)?;
    }
    // Explicit weights give at least one criterion a positive weight.
    let positive: Vec<Value> = Criterion::all()
        .map(|criterion| {
            json!({
                "required": [criterion.as_str()],
                "properties": {criterion.as_str(): {"exclusiveMinimum": 0}}
            })
        })
        .collect();
    set(
        &mut document,
        "/components/schemas/Profile/properties/weights/anyOf",
        Value::Array(positive),
    )?;
    set(
        &mut document,
        "/components/schemas/Profile/properties/weights/additionalProperties/maximum",
        json!(crate::limits::MAX_WEIGHT),
    )?;
    zip_codes(&mut document)?;
    let ids: Vec<&str> = catalog
        .programs()
        .iter()
        .take(2)
        .map(|program| program.id().as_str())
        .collect();
    set(
        &mut document,
        "/paths/~1api~1compare/post/requestBody/content/application~1json/example/ids",
        json!(ids),
    )?;
    set(
        &mut document,
        "/paths/~1api~1programs~1{id}/get/parameters/0/example",
        json!(ids.first().copied().unwrap_or("")),
    )?;
    serde_json::to_string_pretty(&document).map_err(|error| error.to_string())
}

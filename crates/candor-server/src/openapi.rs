//! The OpenAPI 3.1 document, built from the API route table so it cannot drift from the real
//! routes (a test also compares it with the router's table), with every request, query and
//! response schema generated from the Rust types the handlers really read and write.
//!
//! Why `schemars` and not `utoipa`: the route table already exists (it also drives the router,
//! the guard and the role tests), so all we lack is a JSON Schema per type. `schemars` gives
//! exactly that with one small derive crate, while `utoipa` would bring its own path macros and
//! a second, parallel route description (and more proc-macro code to compile in CI). The link
//! between a route and its types is made by the compiler: `describe::Describe` reads them off
//! the handler's signature.

use crate::api::api_routes;
use crate::auth::Access;
use crate::error::ErrorEnvelope;
use schemars::SchemaGenerator;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

fn generator(serialize: bool) -> SchemaGenerator {
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = "/components/schemas".into();
        s.meta_schema = None;
    });
    if serialize {
        settings.for_serialize().into_generator()
    } else {
        settings.for_deserialize().into_generator()
    }
}

fn path_params(path: &str) -> Vec<String> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
        .map(str::to_owned)
        .collect()
}

/// The whole document.
pub fn openapi_document() -> Value {
    // Responses are described as they serialise, request bodies as they deserialise.
    let mut out = generator(true);
    let mut inp = generator(false);
    let error = out.subschema_for::<ErrorEnvelope>();
    let mut paths = Map::new();
    for r in api_routes() {
        let d = (r.describe)(&mut out, &mut inp);
        let path_schema = d
            .path
            .map_or_else(|| json!({"type": "string"}), Value::from);
        let mut params: Vec<Value> = path_params(r.path)
            .into_iter()
            .map(|p| json!({"name": p, "in": "path", "required": true, "schema": path_schema}))
            .collect();
        let fields = d
            .query
            .as_ref()
            .and_then(|q| q.get("properties"))
            .cloned()
            .unwrap_or_default();
        params.extend(r.query.iter().map(|q| {
            // A listed parameter its query type lacks gets an empty schema (a test fails on it).
            let field = fields.get(*q).cloned().unwrap_or_else(|| json!({}));
            let description = field.get("description").cloned().unwrap_or(Value::Null);
            json!({"name": q, "in": "query", "required": false, "description": description,
                   "schema": field})
        }));
        let ok = d.status.to_string();
        let mut op = json!({
            "summary": r.summary,
            "operationId": format!("{} {}", r.method.to_lowercase(), r.path),
            "parameters": params,
            "x-candor-access": r.access,
            "responses": {
                ok: {"description": "OK", "content": {"application/json": {"schema": d.response}}},
                "default": {"description": "Error envelope with a stable code", "content": {"application/json": {"schema": error}}}
            }
        });
        if r.access == Access::Public {
            op["security"] = json!([]);
        }
        if let Some(req) = d.request {
            op["requestBody"] =
                json!({"required": true, "content": {"application/json": {"schema": req}}});
        }
        let entry = paths
            .entry(r.path.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        entry[r.method.to_lowercase()] = op;
    }
    let mut schemas = out.take_definitions(true);
    for (name, schema) in inp.take_definitions(true) {
        // Types read and written alike (enums, mostly) must agree; a test checks none differ.
        match schemas.get(&name) {
            Some(existing) if *existing != schema => {
                schemas.insert(format!("{name}.conflict"), schema);
            }
            _ => {
                schemas.insert(name, schema);
            }
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "candor API", "version": env!("CARGO_PKG_VERSION")},
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                "session": {"type": "apiKey", "in": "cookie", "name": "candor_session"}}
        },
        "security": [{"bearer": []}, {"session": []}]
    })
}

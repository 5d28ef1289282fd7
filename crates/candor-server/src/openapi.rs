//! The OpenAPI 3.1 document, built from the API route table so it cannot drift from the real
//! routes (a test also compares it with the router's table). Written by hand rather than with a
//! derive framework to keep the build small; schemas name the application-layer types.

use crate::api::api_routes;
use crate::auth::Access;
use serde_json::{Map, Value, json};

fn schema_ref(name: &str) -> Value {
    match name.strip_suffix("[]") {
        Some(item) => {
            json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{item}")}})
        }
        None => json!({"$ref": format!("#/components/schemas/{name}")}),
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
    let mut paths = Map::new();
    let mut names: Vec<String> = vec!["Error".into()];
    for r in api_routes() {
        let mut params: Vec<Value> = path_params(r.path)
            .into_iter()
            .map(|p| json!({"name": p, "in": "path", "required": true, "schema": {"type": "string"}}))
            .collect();
        params.extend(r.query.iter().map(
            |q| json!({"name": q, "in": "query", "required": false, "schema": {"type": "string"}}),
        ));
        let ok = if r.method == "POST" && r.request.is_some() && r.path != "/api/v1/check" {
            "201"
        } else {
            "200"
        };
        let mut op = json!({
            "summary": r.summary,
            "operationId": format!("{} {}", r.method.to_lowercase(), r.path),
            "parameters": params,
            "x-candor-access": r.access,
            "responses": {
                ok: {"description": "OK", "content": {"application/json": {"schema": schema_ref(r.response)}}},
                "default": {"description": "Error envelope with a stable code", "content": {"application/json": {"schema": schema_ref("Error")}}}
            }
        });
        if r.access == Access::Public {
            op["security"] = json!([]);
        }
        if let Some(req) = r.request {
            op["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": schema_ref(req)}}});
            names.push(req.to_owned());
        }
        names.push(r.response.trim_end_matches("[]").to_owned());
        let entry = paths
            .entry(r.path.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        entry[r.method.to_lowercase()] = op;
    }
    names.sort();
    names.dedup();
    let mut schemas = Map::new();
    for n in names {
        let s = if n == "Error" {
            json!({"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
                "required": ["code", "message"], "properties": {
                    "code": {"type": "string", "enum": ["invalid_input", "not_found", "conflict", "check_failed", "internal", "unauthorized", "forbidden", "csrf_failed", "bad_request"]},
                    "message": {"type": "string"}, "field": {"type": "string"}}}}})
        } else {
            json!({"type": "object", "description": format!("candor's `{n}` (see the Rust docs of candor-app)")})
        };
        schemas.insert(n, s);
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "candor API", "version": env!("CARGO_PKG_VERSION")},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                "session": {"type": "apiKey", "in": "cookie", "name": "candor_session"}}
        },
        "security": [{"bearer": []}, {"session": []}]
    })
}

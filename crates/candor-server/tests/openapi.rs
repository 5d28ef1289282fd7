//! The OpenAPI document against the real server: every API route in the router is documented
//! and nothing else is; every schema it references exists; and real responses (successes and
//! errors) of a running server over the demo workspace validate against the schemas the
//! document gives for them, on SQLite and (with CANDOR_TEST_POSTGRES_URL) PostgreSQL.

#[expect(
    dead_code,
    reason = "the shared support module has helpers this file does not use"
)]
mod support;

use candor_server::{RouteInfo, openapi_document, route_table};
use serde_json::{Value, json};
use support::{Server, start};

/// An error case: token, method, path, body, expected status and expected error code.
type ErrorCase<'a> = (&'a str, &'a str, &'a str, Option<Value>, u16, &'a str);

/// A validator for `schema` (usually a `$ref`) with the document's components beside it, so
/// `#/components/schemas/...` references resolve inside one root.
fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    if let Some(obj) = root.as_object_mut() {
        obj.insert("components".into(), doc["components"].clone());
    } else {
        root = json!({"allOf": [schema], "components": doc["components"]});
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema {schema} compiles: {e}"))
}

fn assert_valid(doc: &Value, schema: &Value, value: &Value, what: &str) {
    let v = validator(doc, schema);
    let errors: Vec<String> = v
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: the response does not match its documented schema {schema}:\n{}\nbody: {}",
        errors.join("\n"),
        &value.to_string()[..value.to_string().len().min(2000)]
    );
}

fn op<'a>(doc: &'a Value, method: &str, path: &str) -> &'a Value {
    let op = &doc["paths"][path][method.to_lowercase()];
    assert!(op.is_object(), "{method} {path} is documented");
    op
}

/// The documented schema of a route's success response (200 or 201, whichever it documents).
fn ok_schema<'a>(doc: &'a Value, method: &str, path: &str) -> (u16, &'a Value) {
    let responses = op(doc, method, path)["responses"].as_object().unwrap();
    let (code, r) = responses
        .iter()
        .find(|(k, _)| k.starts_with('2'))
        .unwrap_or_else(|| panic!("{method} {path} documents a success"));
    (
        code.parse().unwrap(),
        &r["content"]["application/json"]["schema"],
    )
}

fn refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|x| refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[test]
fn every_api_route_is_documented_and_nothing_else() {
    let doc = openapi_document();
    let mut documented: Vec<(String, String)> = Vec::new();
    for (p, ops) in doc["paths"].as_object().unwrap() {
        for m in ops.as_object().unwrap().keys() {
            documented.push((m.to_uppercase(), p.clone()));
        }
    }
    let mut real: Vec<(String, String)> = route_table()
        .into_iter()
        .filter(RouteInfo::is_api)
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    documented.sort();
    real.sort();
    assert_eq!(documented, real);
    assert!(real.len() >= 20, "{}", real.len());
}

#[test]
fn every_route_has_typed_schemas_that_resolve() {
    let doc = openapi_document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in schemas.keys() {
        assert!(
            !name.ends_with(".conflict"),
            "{name}: one type is read and written with different shapes"
        );
    }
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (m, op) in ops.as_object().unwrap() {
            let (code, schema) = ok_schema(&doc, m, path);
            if path != "/api/openapi.json" {
                assert!(
                    schema.get("$ref").is_some() || schema.get("type").is_some(),
                    "{m} {path}: the response has a real schema, not {schema}"
                );
            }
            // Creations answer 201 and read a body; the checker reads one and answers 200.
            let has_body = op.get("requestBody").is_some();
            assert_eq!(
                m == "post",
                has_body,
                "{m} {path} documents its request body"
            );
            assert_eq!(
                code == 201,
                m == "post" && path != "/api/v1/check",
                "{m} {path}: {code}"
            );
            for p in op["parameters"].as_array().unwrap() {
                assert!(
                    p["schema"].get("type").is_some() || p["schema"].get("$ref").is_some(),
                    "{m} {path}: parameter {} has a typed schema: {}",
                    p["name"],
                    p["schema"]
                );
            }
            assert_eq!(
                op["responses"]["default"]["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/Error",
                "{m} {path} documents the error envelope"
            );
        }
    }
    let mut all = Vec::new();
    refs(&doc, &mut all);
    assert!(all.len() > 50, "{}", all.len());
    for r in all {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{r} points into components"));
        assert!(schemas.contains_key(name), "{r} resolves");
    }
    // The error envelope's codes are a closed list.
    let codes = &schemas["ErrorCode"]["enum"];
    for code in [
        "invalid_input",
        "not_found",
        "unauthorized",
        "forbidden",
        "csrf_failed",
    ] {
        assert!(
            codes.as_array().unwrap().iter().any(|c| c == code),
            "{code}"
        );
    }
    // Request bodies are described field by field, from the input types.
    let client_input = &schemas["ClientInput"];
    assert_eq!(client_input["type"], "object");
    assert!(
        client_input["required"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "time_zone")
    );
    // Dates are strings with a format, not opaque objects.
    assert_eq!(
        schemas["Project"]["properties"]["deadline"]["$ref"],
        "#/components/schemas/Date"
    );
    assert_eq!(schemas["Date"]["format"], "date");
}

/// Calls the API with a bearer token; returns status and JSON body.
async fn call(
    s: &Server,
    token: &str,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let c = reqwest::Client::new();
    let mut req = if method == "GET" {
        c.get(s.url(path))
    } else {
        c.post(s.url(path))
    };
    if !token.is_empty() {
        req = req.bearer_auth(token);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    let value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{method} {path} answers JSON ({e}): {text}"));
    (status, value)
}

async fn token_for(s: &Server, email: &str) -> String {
    let user = s
        .app
        .users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.email == email)
        .unwrap();
    s.app
        .create_api_token(user.id, "openapi test")
        .await
        .unwrap()
        .secret
}

async fn responses_match_for(db: candor_testkit::TestDb) {
    let s = start(db, false).await;
    let doc = openapi_document();
    let admin = token_for(&s, "admin@test.example").await;
    let viewer = token_for(&s, "viewer@test.example").await;
    let client = s.app.clients().await.unwrap()[0].clone();
    let project = s.app.projects(None).await.unwrap()[0].project.clone();
    let incident = s
        .app
        .open_incident(&candor_app::OpenIncidentInput {
            kind: "delay".into(),
            client: client.id.to_string(),
            project: Some(project.id.to_string()),
            ..Default::default()
        })
        .await
        .unwrap();

    // Every GET route, with real ids for its path parameter.
    let mut checked = 0;
    for r in route_table().into_iter().filter(RouteInfo::is_api) {
        if r.method != "GET" || r.path == "/api/openapi.json" {
            continue;
        }
        let path = r
            .path
            .replace(
                "{key}",
                &if r.path.contains("clients") {
                    client.id.to_string()
                } else {
                    project.id.to_string()
                },
            )
            .replace("{id}", &incident.id.to_string());
        let (status, body) = call(&s, &admin, "GET", &path, None).await;
        let (code, schema) = ok_schema(&doc, "GET", r.path);
        assert_eq!(status, code, "GET {path}: {body}");
        assert_valid(&doc, schema, &body, &format!("GET {path}"));
        checked += 1;
    }
    assert!(checked >= 13, "{checked}");
    // The dashboard has something in its lists, so its item schemas were exercised.
    let (_, dash) = call(&s, &admin, "GET", "/api/v1/dashboard", None).await;
    assert!(!dash["incidents"].as_array().unwrap().is_empty(), "{dash}");
    // And the check has teeth: a body that drifted from the type fails it.
    let mut drifted = dash.clone();
    drifted["today"] = json!(20261125);
    drifted.as_object_mut().unwrap().remove("totals");
    let (_, schema) = ok_schema(&doc, "GET", "/api/v1/dashboard");
    assert_eq!(validator(&doc, schema).iter_errors(&drifted).count(), 2);

    // Writes: the documented request body is what the server accepts, and the 201 body matches.
    let writes: Vec<(&str, Value)> = vec![
        (
            "/api/v1/clients",
            json!({"name": "Schema Check BV", "language": "nl", "country": "NL",
                   "time_zone": "Europe/Amsterdam", "goals": "Valid JSON", "key_dates": [],
                   "domains": ["schema.example"]}),
        ),
        (
            "/api/v1/records",
            json!({"client": "Schema Check BV", "kind": "call", "direction": "out",
                   "author": "Ana", "participants": ["Ana"], "subject": "Kick-off",
                   "body": "We agreed on the plan."}),
        ),
        (
            "/api/v1/check",
            json!({"text": "Hi Anna, the launch moves to 12 March. Sorry.", "lang": "en"}),
        ),
    ];
    for (path, body) in &writes {
        let req_schema =
            &op(&doc, "POST", path)["requestBody"]["content"]["application/json"]["schema"];
        assert_valid(
            &doc,
            req_schema,
            body,
            &format!("request body of POST {path}"),
        );
        let (status, answer) = call(&s, &admin, "POST", path, Some(body)).await;
        let (code, schema) = ok_schema(&doc, "POST", path);
        assert_eq!(status, code, "POST {path}: {answer}");
        assert_valid(&doc, schema, &answer, &format!("POST {path}"));
    }

    // Errors: each answers the envelope with its documented code.
    let error = &op(&doc, "GET", "/api/v1/clients")["responses"]["default"]["content"]["application/json"]
        ["schema"];
    let cases: Vec<ErrorCase> = vec![
        (
            &admin,
            "GET",
            "/api/v1/clients/no-such-client",
            None,
            404,
            "not_found",
        ),
        ("", "GET", "/api/v1/me", None, 401, "unauthorized"),
        (&viewer, "GET", "/api/v1/users", None, 403, "forbidden"),
        (
            &admin,
            "POST",
            "/api/v1/clients",
            Some(json!({"name": "", "language": "xx", "country": "NL",
                        "time_zone": "Europe/Amsterdam", "goals": "", "key_dates": [],
                        "domains": []})),
            422,
            "invalid_input",
        ),
        (
            &admin,
            "POST",
            "/api/v1/records",
            Some(json!({"oops": 1})),
            400,
            "bad_request",
        ),
    ];
    for (token, method, path, body, want_status, want_code) in cases {
        let (status, answer) = call(&s, token, method, path, body.as_ref()).await;
        assert_eq!(status, want_status, "{method} {path}: {answer}");
        assert_eq!(answer["error"]["code"], want_code, "{method} {path}");
        assert_valid(&doc, error, &answer, &format!("error of {method} {path}"));
    }
}

#[tokio::test]
async fn real_responses_match_their_schemas_sqlite() {
    responses_match_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn real_responses_match_their_schemas_postgres() {
    if let Some(db) = candor_testkit::postgres() {
        responses_match_for(db).await;
    }
}

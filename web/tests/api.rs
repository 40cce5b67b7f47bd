//! The JSON API over a real listener on a random loopback port: every route, every error status,
//! the limits, a slow client, concurrent requests, a panicking handler, start-up and shutdown.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::format_push_string
)] // Test code.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use common::{CUYAHOGA, start, start_router, start_with_accreditation_list};
use himkit::{StudentProfile, UsState};
use himkit_web::api::ApiRoute;
use himkit_web::{Config, harden};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn default_profile() -> Value {
    serde_json::to_value(StudentProfile::example(UsState::Ohio)).unwrap()
}

async fn error_of(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/json"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["status"], json!(status.as_u16()), "{body}");
    body["error"]["message"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn rank_returns_the_library_ranking_with_a_default_and_a_maximum_top() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    let response = client
        .post(server.url("/api/rank"))
        .json(&default_profile())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let ranking: Value = response.json().await.unwrap();
    let entries = ranking["entries"].as_array().unwrap();
    assert!(!entries.is_empty() && entries.len() <= 20);
    assert_eq!(ranking["out_of"], json!(17));
    assert_eq!(entries[0]["rank"], json!(1));
    assert!(!ranking["exclusions"].as_array().unwrap().is_empty());

    // The same as the library's answer.
    let dataset = himkit::Dataset::embedded().unwrap();
    let selector = himkit::Selector::new(dataset.catalog(), dataset.wages());
    let expected = selector
        .rank_top(&StudentProfile::example(UsState::Ohio), 20)
        .unwrap();
    assert_eq!(ranking, serde_json::to_value(&expected).unwrap());

    let one: Value = client
        .post(server.url("/api/rank?top=1"))
        .json(&json!({"home_state": "OH", "require_accreditation": false}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(one["entries"].as_array().unwrap().len(), 1);

    for bad in ["0", "201", "ten", "-1"] {
        let response = client
            .post(server.url(&format!("/api/rank?top={bad}")))
            .json(&default_profile())
            .send()
            .await
            .unwrap();
        let message = error_of(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(
            message,
            format!("top: {bad:?} is not a whole number from 1 to 200")
        );
    }
}

#[tokio::test]
async fn programs_one_program_compare_wages_and_openapi() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    let programs: Value = client
        .get(server.url("/api/programs"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let programs = programs.as_array().unwrap();
    assert_eq!(programs.len(), 17);
    let id = programs[0]["id"].as_str().unwrap();

    let program: Value = client
        .get(server.url(&format!("/api/programs/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(&program, &programs[0]);

    let comparison: Value = client
        .post(server.url("/api/compare"))
        .json(&json!({"ids": [programs[0]["id"], programs[1]["id"]], "profile": default_profile()}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(comparison["ids"], json!([programs[0]["id"], programs[1]["id"]]));
    // Every criterion but distance, which has a row only with a home ZIP code.
    assert_eq!(
        comparison["rows"].as_array().unwrap().len(),
        himkit::select::Criterion::all().count() - 1
    );
    // Without a profile, the documented example profile.
    let response = client
        .post(server.url("/api/compare"))
        .json(&json!({"ids": [programs[0]["id"], programs[1]["id"]]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let wages: Value = client
        .get(server.url("/api/wages"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let wages = wages.as_array().unwrap();
    assert!(wages.len() > 4);
    assert!(wages.iter().any(|row| row["occupation"] == json!("11-9111")));

    let openapi: Value = client
        .get(server.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(openapi["openapi"], json!("3.1.0"));
}

/// Every route of the router is in the OpenAPI document and every operation of the document is
/// served (neither 404 nor 405 on its method).
#[tokio::test]
async fn the_openapi_document_matches_the_router() {
    let document: Value = serde_json::from_str(himkit_web::openapi::DOCUMENT).unwrap();
    let mut documented = BTreeSet::new();
    for (path, operations) in document["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    let routed: BTreeSet<(String, String)> = ApiRoute::ALL
        .iter()
        .map(|route| (route.method().to_owned(), route.path().to_owned()))
        .collect();
    assert_eq!(documented, routed);

    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    for (method, path) in &documented {
        let url = server.url(&path.replace("{id}", "lakeside-cc-hit-aas"));
        let request = match method.as_str() {
            "get" => client.get(&url),
            "post" => client
                .post(&url)
                .header("content-type", "application/json")
                .body("{}"),
            other => panic!("unexpected method {other}"),
        };
        let status = request.send().await.unwrap().status();
        assert!(
            status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}: {status}"
        );
    }
}

#[tokio::test]
async fn every_error_status_has_a_json_body_with_the_library_message() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    let post = |path: &str, body: &str| {
        client
            .post(server.url(path))
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
    };

    // 400: malformed JSON, truncated, trailing characters.
    let message = error_of(
        post("/api/rank", "{\"home_state\": ").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(message.starts_with("profile line 1, column 15"), "{message}");
    error_of(post("/api/rank", "").await.unwrap(), StatusCode::BAD_REQUEST).await;
    let message = error_of(
        post("/api/rank", "{\"home_state\": \"OH\"} x").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(message.contains("trailing characters"), "{message}");
    error_of(post("/api/compare", "[").await.unwrap(), StatusCode::BAD_REQUEST).await;

    // 422: the library's message names the field, the value and the rule.
    let message = error_of(
        post(
            "/api/rank",
            r#"{"home_state": "OH", "weights": {"total-cost": -1}}"#,
        )
        .await
        .unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        message,
        "profile: weights.total-cost: -1 is not a finite, non-negative weight"
    );
    let message = error_of(
        post(
            "/api/rank",
            r#"{"home_state": "OH", "degree_levels": ["bachelors"]}"#,
        )
        .await
        .unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(
        message.contains("field degree_levels[0]")
            && message.contains("\"bachelors\" is not a known degree_level"),
        "{message}"
    );
    let message = error_of(
        post("/api/rank", r#"{"home": "OH"}"#).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(message.contains("unknown field `home`"), "{message}");
    let message = error_of(
        post("/api/compare", r#"{"ids": ["lakeside-cc-hit-aas"]}"#)
            .await
            .unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(message, "ids: 1 programs cannot be compared: give 2 to 10 ids");

    // 404: an unknown id, in a path or in a comparison, and an unknown route.
    let message = error_of(
        client
            .get(server.url("/api/programs/no-such-program"))
            .send()
            .await
            .unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(message, "no program with id \"no-such-program\" in the catalogue");
    let message = error_of(
        post("/api/compare", r#"{"ids": ["lakeside-cc-hit-aas", "nope"]}"#)
            .await
            .unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(message, "no program with id \"nope\" in the catalogue");
    let message = error_of(
        client.get(server.url("/api/nothing")).send().await.unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(message, "no route /api/nothing");

    // 405, with the Allow header.
    let response = client.delete(server.url("/api/rank")).send().await.unwrap();
    assert_eq!(response.headers()["allow"], "POST");
    error_of(response, StatusCode::METHOD_NOT_ALLOWED).await;
}

#[tokio::test]
async fn a_body_past_the_limit_is_413_whether_its_length_is_announced_or_not() {
    let config = Config {
        body_limit: 1024,
        ..Config::default()
    };
    let server = start(config).await;
    let client = reqwest::Client::new();
    let big = format!(
        "{{\"home_state\": \"OH\", \"relocation_states\": [{}\"KY\"]}}",
        "\"IN\", ".repeat(300)
    );
    let message = error_of(
        client
            .post(server.url("/api/rank"))
            .body(big.clone())
            .send()
            .await
            .unwrap(),
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert_eq!(message, "request body too large: the limit is 1024 bytes");

    // Chunked, without Content-Length: the limit applies while reading.
    let mut request = String::from(
        "POST /api/rank HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    );
    for chunk in big.as_bytes().chunks(100) {
        request.push_str(&format!(
            "{:x}\r\n{}\r\n",
            chunk.len(),
            std::str::from_utf8(chunk).unwrap()
        ));
    }
    request.push_str("0\r\n\r\n");
    let answer = raw(server.address, request.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("\"status\":413"), "{answer}");

    // Just under the limit is read.
    let response = client
        .post(server.url("/api/rank"))
        .json(&json!({"home_state": "OH"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// Sends `request` over a raw connection and reads the answer until the server closes it.
async fn raw(address: std::net::SocketAddr, request: &[u8]) -> String {
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_slow_client_gets_408_and_one_that_never_finishes_its_headers_is_disconnected() {
    let config = Config {
        body_timeout: Duration::from_millis(500),
        header_timeout: Duration::from_millis(500),
        ..Config::default()
    };
    let server = start(config).await;

    // Headers sent, the body trickles: the request timeout answers 408.
    let body = r#"{"home_state": "OH"}"#;
    let request = format!(
        "POST /api/rank HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let started = Instant::now();
    let mut stream = tokio::net::TcpStream::connect(server.address).await.unwrap();
    stream
        .write_all(&request.as_bytes()[..request.len() - 10])
        .await
        .unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.contains("request timeout: the request body was not received within 0.5 s"),
        "{answer}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );

    // Headers never finished: the connection is closed.
    let started = Instant::now();
    let mut stream = tokio::net::TcpStream::connect(server.address).await.unwrap();
    stream
        .write_all(b"GET /api/wages HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the connection stayed open");
    assert!(started.elapsed() < Duration::from_secs(3));

    // The server goes on.
    let response = reqwest::get(server.url("/api/wages")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_rankings_all_succeed() {
    let config = Config {
        concurrency: 8,
        ..Config::default()
    };
    let server = start(config).await;
    let client = reqwest::Client::new();
    let profile = default_profile();
    let dataset = himkit::Dataset::embedded().unwrap();
    let eligible = himkit::Selector::new(dataset.catalog(), dataset.wages())
        .rank(&StudentProfile::example(UsState::Ohio))
        .unwrap()
        .entries()
        .len();
    assert!(eligible >= 2);
    let requests = (0..50).map(|index| {
        let request = client
            .post(server.url(&format!("/api/rank?top={}", index % 10 + 1)))
            .json(&profile)
            .send();
        async move {
            let response = request.await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let ranking: Value = response.json().await.unwrap();
            assert_eq!(
                ranking["entries"].as_array().unwrap().len(),
                (index % 10 + 1).min(eligible)
            );
        }
    });
    let tasks: Vec<_> = requests.map(tokio::spawn).collect();
    for task in tasks {
        task.await.unwrap();
    }
}

async fn boom() -> &'static str {
    panic!("handler bug")
}

#[tokio::test]
async fn a_panicking_handler_is_a_500_and_the_server_goes_on() {
    let config = Config::default();
    let router = Router::new()
        .route("/boom", get(boom))
        .route("/fine", get(|| async { "fine" }));
    let server = start_router(harden(router, &config), config).await;
    let response = reqwest::get(server.url("/boom")).await.unwrap();
    // The security headers are on the 500 too.
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert!(
        response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert_eq!(response.headers()["referrer-policy"], "no-referrer");
    let message = error_of(response, StatusCode::INTERNAL_SERVER_ERROR).await;
    assert!(message.starts_with("internal error"), "{message}");
    let response = reqwest::get(server.url("/fine")).await.unwrap();
    assert_eq!(response.text().await.unwrap(), "fine");
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_millis(600)).await;
    "finished"
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_requests_in_flight_finish_and_refuses_new_connections() {
    let config = Config::default();
    let router = Router::new().route("/slow", get(slow));
    let server = start_router(harden(router, &config), config).await;
    let url = server.url("/slow");
    let address = server.address;
    let in_flight = tokio::spawn(async move { reqwest::get(url).await.unwrap().text().await.unwrap() });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    server.stop().await;
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "stopped before the request finished"
    );
    assert_eq!(in_flight.await.unwrap(), "finished");
    assert!(
        tokio::net::TcpStream::connect(address).await.is_err(),
        "still accepting"
    );
}

#[tokio::test]
async fn without_files_the_server_ranks_the_national_catalogue() {
    let server = common::start_default(Config::default()).await;
    let client = reqwest::Client::new();
    let programs: Value = client
        .get(server.url("/api/programs"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let national = himkit::Dataset::national().unwrap();
    assert_eq!(programs.as_array().unwrap().len(), national.catalog().len());
    let ranking: Value = client
        .post(server.url("/api/rank?top=5"))
        .json(&default_profile())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entries = ranking["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 5);
    // Real programs: nobody has verified their accreditation, and the page and API say so.
    let first = national
        .catalog()
        .get(entries[0]["id"].as_str().unwrap())
        .unwrap();
    assert!(first.institution().unitid().is_some());
    assert!(
        entries[0]["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|flag| flag["constraint"] == "accreditation"),
        "{}",
        entries[0]
    );
}

#[tokio::test]
async fn exclusions_can_be_counted_instead_of_listed() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    let rank = |query: &'static str| {
        let client = client.clone();
        let url = server.url(&format!("/api/rank{query}"));
        async move {
            let response = client.post(url).json(&default_profile()).send().await.unwrap();
            (response.status(), response.json::<Value>().await.unwrap())
        }
    };
    let (status, listed) = rank("?exclusions=all").await;
    assert_eq!(status, StatusCode::OK);
    let (_, default) = rank("").await;
    assert_eq!(listed, default);
    let (status, counted) = rank("?exclusions=none&top=3").await;
    assert_eq!(status, StatusCode::OK);
    assert!(counted.get("exclusions").is_none());
    assert_eq!(
        counted["excluded"],
        json!(listed["exclusions"].as_array().unwrap().len())
    );
    assert_eq!(
        counted["entries"].as_array().unwrap()[..],
        listed["entries"].as_array().unwrap()[..3]
    );
    // Every other field of the full answer, whatever fields it gains, and nothing else.
    let full = listed.as_object().unwrap();
    let short = counted.as_object().unwrap();
    for (key, value) in full {
        if key != "exclusions" && key != "entries" {
            assert_eq!(short.get(key), Some(value), "{key}");
        }
    }
    assert_eq!(short.len(), full.len(), "{:?}", short.keys().collect::<Vec<_>>());
    let (status, error) = rank("?exclusions=some").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error["error"]["message"],
        json!("exclusions: \"some\" is not \"all\" or \"none\"")
    );
}

/// The document the server serves is filled in from the library and the catalogue, so that a
/// client generating requests from it sends what the server accepts.
#[tokio::test]
async fn the_served_document_names_the_library_s_words_and_the_catalogue_s_ids() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    let document: Value = client
        .get(server.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let words = |name: &str| -> Vec<String> {
        serde_json::from_value(document["components"]["schemas"][name]["enum"].clone()).unwrap()
    };
    assert_eq!(
        words("State"),
        UsState::all()
            .map(|state| state.code().to_owned())
            .collect::<Vec<_>>()
    );
    assert!(
        !words("State").contains(&String::new()),
        "an empty home_state is refused"
    );
    assert_eq!(
        words("Criterion"),
        himkit::select::Criterion::all()
            .map(|criterion| criterion.as_str().to_owned())
            .collect::<Vec<_>>()
    );
    assert_eq!(words("Skill").len(), himkit::Skill::all().count());
    for name in [
        "DegreeLevel",
        "DeliveryMode",
        "Credential",
        "MissingPolicy",
        "Constraint",
        "UnknownPolicy",
        "Method",
        "Bounds",
    ] {
        assert!(!words(name).is_empty(), "{name}");
    }
    let weights = &document["components"]["schemas"]["Profile"]["properties"]["weights"];
    assert_eq!(weights["type"], json!(["object", "null"]));
    assert_eq!(
        weights["anyOf"].as_array().unwrap().len(),
        himkit::select::Criterion::all().count()
    );
    assert_eq!(
        weights["additionalProperties"]["maximum"],
        json!(himkit_web::limits::MAX_WEIGHT),
        "the placeholder filled with the bound the form and the API enforce"
    );

    // The examples name programs of the served catalogue, and answer 200.
    let example =
        document["paths"]["/api/compare"]["post"]["requestBody"]["content"]["application/json"]["example"]
            .clone();
    let dataset = himkit::Dataset::embedded().unwrap();
    let first_two: Vec<&str> = dataset
        .catalog()
        .programs()
        .iter()
        .take(2)
        .map(|p| p.id().as_str())
        .collect();
    assert_eq!(example["ids"], json!(first_two));
    let response = client
        .post(server.url("/api/compare"))
        .json(&example)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let id = document["paths"]["/api/programs/{id}"]["get"]["parameters"][0]["example"]
        .as_str()
        .unwrap();
    assert_eq!(
        reqwest::get(server.url(&format!("/api/programs/{id}")))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    // Every operation documents the refusals any request can get.
    for (path, operations) in document["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            for status in ["408", "500", "503"] {
                assert!(
                    operation["responses"].get(status).is_some(),
                    "{method} {path}: {status}"
                );
            }
            if method == "post" {
                assert!(operation["responses"].get("415").is_some(), "{method} {path}");
            }
        }
    }
}

#[tokio::test]
async fn what_the_document_allows_is_accepted_and_what_it_refuses_is_refused() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    let rank = |body: &'static str| {
        client
            .post(server.url("/api/rank?exclusions=none&top=1"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    // Allowed: null weights (the defaults), a whole number written with a fraction.
    for body in [
        r#"{"home_state": "OH", "weights": null}"#,
        r#"{"home_state": "OH", "max_total_cost": 60000.0, "max_length_months": 24.0}"#,
        r#"{"home_state": "OH", "weights": {"total-cost": 1000000}}"#,
    ] {
        assert_eq!(rank(body).await.unwrap().status(), StatusCode::OK, "{body}");
    }
    // Refused: an empty state, a true fraction, a weight above the maximum.
    for (body, message) in [
        (
            r#"{"home_state": ""}"#,
            "field home_state: state: \"\" is not a known state",
        ),
        (
            r#"{"home_state": "OH", "max_total_cost": 60000.5}"#,
            "invalid type: floating point `60000.5`",
        ),
        (
            r#"{"home_state": "OH", "weights": {"total-cost": 1000001}}"#,
            "profile: weights.total-cost: 1000001 is above 1000000, the largest weight accepted (only their proportions count)",
        ),
    ] {
        let response = rank(body).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let error: Value = response.json().await.unwrap();
        let text = error["error"]["message"].as_str().unwrap();
        assert!(text.contains(message), "{body}: {text}");
    }
    let response = client
        .post(server.url("/api/compare"))
        .header("content-type", "application/json")
        .body(r#"{"ids": ["lakeside-cc-hit-aas", "summit-online-him-bs"], "profile": {"home_state": "OH", "weights": {"length": 2e6}}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = client
        .post(server.url("/api/compare"))
        .header("content-type", "application/json")
        .body(r#"{"ids": ["lakeside-cc-hit-aas", "summit-online-him-bs"], "profile": null}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "a null profile is the example profile"
    );
}

#[tokio::test]
async fn weights_print_without_float_noise_and_a_sum_that_is_not_finite_is_422() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    let text = client
        .post(server.url("/api/rank?exclusions=none"))
        .json(&default_profile())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            r#""criteria":{"total-cost":0.2,"length":0.05,"graduation-rate":0.2,"employment-rate":0.1,"#
        ),
        "{}",
        &text[..300]
    );
    // The contributions still sum to the score.
    let ranking: Value = serde_json::from_str(&text).unwrap();
    for entry in ranking["entries"].as_array().unwrap() {
        let sum: f64 = entry["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|part| part["contribution"].as_f64().unwrap())
            .sum();
        assert!((sum - entry["score"].as_f64().unwrap()).abs() < 1e-12, "{entry}");
    }

    // Weights that the API takes (each at most 1,000,000) always have a finite sum; the page,
    // which has no such maximum, refuses a sum that is not finite with the library's message.
    let response = client
        .post(server.url("/api/rank"))
        .header("content-type", "application/json")
        .body(r#"{"home_state": "OH", "weights": {"total-cost": 1e308, "length": 1e308}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = client
        .get(server.url(
            "/?submitted=1&state=OH&method=weighted-sum&unknown=keep-and-flag&w-total-cost=1e308&w-length=1e308",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains(
            "weights: their sum is not finite: give smaller weights (only their proportions count)"
        ),
        "the library's message"
    );
}

/// A home ZIP code and a distance limit through the API: the ranking of the library, with each
/// campus's distance, and every bad ZIP code or limit a 422 naming the field and the value.
#[tokio::test]
async fn a_home_zip_code_ranks_by_distance_and_bad_ones_are_422() {
    let server = common::start_default(Config::default()).await;
    let client = reqwest::Client::new();
    let profile =
        json!({"home_zip": "45202", "delivery_modes": ["on-campus", "hybrid"], "max_distance_miles": 30});
    let ranking: Value = client
        .post(server.url("/api/rank?exclusions=none"))
        .json(&profile)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let national = himkit::Dataset::national().unwrap();
    let selector = himkit::Selector::new(national.catalog(), national.wages());
    let library = selector
        .rank(&serde_json::from_value::<StudentProfile>(profile).unwrap())
        .unwrap();
    let entries = ranking["entries"].as_array().unwrap();
    assert_eq!(entries.len(), library.entries().len());
    for (entry, want) in entries.iter().zip(library.entries()) {
        assert_eq!(entry["id"], json!(want.id().as_str()));
        assert_eq!(entry["distance_miles"], json!(want.distance().unwrap().miles()));
        assert_eq!(entry["distance_from"], json!("45202"));
    }
    assert!(entries.iter().any(|entry| {
        national
            .catalog()
            .get(entry["id"].as_str().unwrap())
            .unwrap()
            .institution()
            .state()
            == UsState::Kentucky
            && entry["residency"] == json!("out-of-state")
    }));
    for (body, message) in [
        (
            json!({"home_zip": "4521"}),
            "field home_zip: zip: \"4521\" is not a five-digit ZIP code",
        ),
        (
            json!({"home_zip": "45999"}),
            "\"45999\" is not a ZIP Code Tabulation Area",
        ),
        (
            json!({"home_state": "KY", "home_zip": "45202"}),
            "home_zip: 45202 is a ZIP code of Ohio, not of home_state KY",
        ),
        (
            json!({"home_zip": "45202", "max_distance_miles": -1}),
            "max_distance_miles: -1 is not a number of miles above 0",
        ),
        (
            json!({"home_zip": "45202", "max_distance_miles": 1e9}),
            "max_distance_miles: 1000000000 is not a number of miles above 0 and at most 5,000",
        ),
        (
            json!({"home_state": "OH", "max_distance_miles": 10}),
            "max_distance_miles: 10 needs home_zip",
        ),
        (
            json!({"degree_levels": ["associate"]}),
            "home_state: missing: give home_state, home_zip or both",
        ),
    ] {
        let response = client
            .post(server.url("/api/rank"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let text = error_of(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(text.contains(message), "{body}: {text}");
    }
}

/// The document lists exactly the ZIP codes the library accepts, by state.
#[tokio::test]
async fn the_served_document_lists_the_zip_codes_by_state() {
    let server = start(Config::default()).await;
    let document: Value = reqwest::get(server.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let schemas = &document["components"]["schemas"];
    let mut listed = BTreeSet::new();
    for reference in schemas["Zip"]["anyOf"].as_array().unwrap() {
        let name = reference["$ref"].as_str().unwrap().rsplit('/').next().unwrap();
        for zip in schemas[name]["enum"].as_array().unwrap() {
            listed.insert(zip.as_str().unwrap().to_owned());
        }
    }
    let accepted: BTreeSet<String> = himkit::value::ZipCode::all().map(|zip| zip.to_string()).collect();
    assert_eq!(listed, accepted);
    assert_eq!(
        schemas["ZipOH"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|zip| *zip == "45202")
            .count(),
        1
    );
    assert!(
        !schemas["ZipKY"]["enum"]
            .as_array()
            .unwrap()
            .contains(&json!("45202"))
    );
    // The rule across the two fields is stated in words (see benches/schemathesis_hooks.py).
    assert!(
        schemas["Profile"]["description"]
            .as_str()
            .unwrap()
            .contains("a ZIP code given with a state is one of that state's")
    );
}

/// A status read from an accreditation list says where it came from in every answer: the
/// program, a ranking's entries and a comparison; the list is named by its file name only.
#[tokio::test]
async fn the_api_says_where_each_status_came_from() {
    let server = start_with_accreditation_list(Config::default()).await;
    let client = reqwest::Client::new();
    let source = json!({"list": "cahiim_directory_variants.csv", "line": 2});
    let program: Value = client
        .get(server.url(&format!("/api/programs/{CUYAHOGA}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(program["accreditation"]["source"], source, "{program}");

    // Only verified accreditation: every program ranked is one the list gave a status.
    let mut profile = default_profile();
    profile["unknown"] = json!({"accreditation": "exclude"});
    let ranking: Value = client
        .post(server.url("/api/rank?exclusions=none"))
        .json(&profile)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entries = ranking["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    for entry in entries {
        assert_eq!(
            entry["accreditation"]["source"]["list"], "cahiim_directory_variants.csv",
            "{entry}"
        );
    }
    let entry = entries.iter().find(|entry| entry["id"] == CUYAHOGA).unwrap();
    assert_eq!(entry["accreditation"], program["accreditation"]);

    let other = "southwest-wisconsin-technical-college-239910-510707-aw3";
    let comparison: Value = client
        .post(server.url("/api/compare"))
        .json(&json!({"ids": [CUYAHOGA, other]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(comparison["accreditation"][0]["source"], source, "{comparison}");
    assert_eq!(comparison["accreditation"][1], "not-verified", "{comparison}");

    // The OpenAPI document describes the field.
    let document: Value = serde_json::from_str(himkit_web::openapi::DOCUMENT).unwrap();
    let schemas = &document["components"]["schemas"];
    let entry_schema = &schemas["Ranking"]["properties"]["entries"]["items"];
    assert_eq!(
        entry_schema["properties"]["accreditation"]["$ref"],
        "#/components/schemas/Accreditation"
    );
    assert!(
        entry_schema["required"]
            .as_array()
            .unwrap()
            .contains(&json!("accreditation"))
    );
    assert_eq!(
        schemas["Accreditation"]["oneOf"][1]["properties"]["source"]["required"],
        json!(["list"])
    );
}

//! Hostile and greedy clients over a real listener: a body that is not JSON, bodies sent
//! slowly, a full set of request slots, a saturated CPU pool, the connection cap, and the
//! compression every text answer negotiates.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // Test code.

mod common;

use std::io::Read;
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use common::{start, start_default, start_router};
use himkit::{StudentProfile, UsState};
use himkit_web::{Config, harden};
use reqwest::StatusCode;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn profile_text() -> String {
    serde_json::to_string(&StudentProfile::example(UsState::Ohio)).unwrap()
}

async fn message_of(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["error"]["message"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    for path in ["/api/rank", "/api/compare"] {
        for content_type in [
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            None,
        ] {
            let mut request = client.post(server.url(path)).body(profile_text());
            if let Some(content_type) = content_type {
                request = request.header("content-type", content_type);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{path} {content_type:?}"
            );
            assert_eq!(response.headers()["content-type"], "application/json");
            let message = message_of(response).await;
            assert!(
                message.starts_with("the body must be JSON with Content-Type: application/json; it was "),
                "{message}"
            );
        }
    }
    let response = client
        .post(server.url("/api/rank"))
        .header("content-type", "Application/JSON; charset=utf-8")
        .body(profile_text())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_millis(800)).await;
    "finished"
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_gets_no_slot_in_time_is_503_with_retry_after() {
    let config = Config {
        concurrency: 1,
        queue_timeout: Duration::from_millis(100),
        ..Config::default()
    };
    let router = Router::new()
        .route("/slow", get(slow))
        .route("/fine", get(|| async { "fine" }));
    let server = start_router(harden(router, &config), config).await;
    let url = server.url("/slow");
    let holder = tokio::spawn(async move { reqwest::get(url).await.unwrap().text().await.unwrap() });
    tokio::time::sleep(Duration::from_millis(200)).await;

    let started = Instant::now();
    let response = reqwest::get(server.url("/fine")).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(90),
        "refused before the bound: {waited:?}"
    );
    let message = message_of(response).await;
    assert_eq!(
        message,
        "the server is busy: every request slot is taken and none was free within 100 ms; try again in 1 s"
    );

    assert_eq!(holder.await.unwrap(), "finished");
    let response = reqwest::get(server.url("/fine")).await.unwrap();
    assert_eq!(response.text().await.unwrap(), "fine");

    // With no room to wait at all, the refusal is immediate.
    let config = Config {
        concurrency: 1,
        queue_limit: 0,
        ..Config::default()
    };
    let router = Router::new().route("/slow", get(slow));
    let server = start_router(harden(router, &config), config).await;
    let url = server.url("/slow");
    let holder = tokio::spawn(async move { reqwest::get(url).await.unwrap().status() });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let response = reqwest::get(server.url("/slow")).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(message_of(response).await.contains("the queue is full"));
    assert_eq!(holder.await.unwrap(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_past_the_cpu_workers_and_their_queue_are_refused_with_503_and_retry_after() {
    // One worker and no queue: of pages asked for at once, those that find the worker busy are
    // refused at once; the others are made.
    let config = Config {
        cpu_workers: 1,
        queue_limit: 0,
        ..Config::default()
    };
    let server = start_default(config).await;
    let client = reqwest::Client::new();
    let asks = (0..16).map(|index| {
        let request = client
            .get(server.url(&format!(
                "/?submitted=1&state=OH&method=weighted-sum&unknown=keep-and-flag&w-total-cost={}&w-length=1",
                index + 1
            )))
            .send();
        tokio::spawn(async move {
            let response = request.await.unwrap();
            let status = response.status();
            let retry = response.headers().get("retry-after").cloned();
            let text = response.text().await.unwrap();
            (status, retry, text)
        })
    });
    let tasks: Vec<_> = asks.collect();
    let (mut made, mut refused) = (0, 0);
    for task in tasks {
        let (status, retry, text) = task.await.unwrap();
        match status {
            StatusCode::OK => {
                made += 1;
                assert!(text.contains("Ranked programs"));
            }
            StatusCode::SERVICE_UNAVAILABLE => {
                refused += 1;
                assert_eq!(retry.unwrap(), "1");
                assert!(text.contains("every CPU worker is taken"), "{text}");
            }
            other => panic!("unexpected {other}: {text}"),
        }
    }
    assert!(made >= 1 && refused >= 1, "{made} made, {refused} refused");
}

/// Opens a connection and sends a request's headers and the start of its body, then nothing.
async fn dribbler(address: std::net::SocketAddr) -> TcpStream {
    let body = profile_text();
    let mut stream = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /api/rank HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{}",
        body.len(),
        &body[..10]
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_hold_no_slot_and_are_cut_at_their_own_deadline() {
    let config = Config {
        concurrency: 2,
        body_timeout: Duration::from_millis(1500),
        queue_timeout: Duration::from_millis(200),
        ..Config::default()
    };
    let server = start(config).await;
    let mut dribblers = Vec::new();
    for _ in 0..8 {
        dribblers.push(dribbler(server.address).await);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    // More slow senders than slots, and a normal request still answers at once.
    let started = Instant::now();
    let response = reqwest::Client::new()
        .post(server.url("/api/rank?exclusions=none"))
        .header("content-type", "application/json")
        .body(profile_text())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );

    // Each slow sender gets 408 at its deadline, and its connection is closed.
    for mut stream in dribblers {
        let mut answer = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
        assert!(read.is_ok(), "the connection stayed open");
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(
            answer.contains("the request body was not received within 1.5 s"),
            "{answer}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_connection_cap_a_connection_waits_until_one_closes() {
    let config = Config {
        max_connections: 2,
        ..Config::default()
    };
    let server = start(config).await;
    let held_a = TcpStream::connect(server.address).await.unwrap();
    let held_b = TcpStream::connect(server.address).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;

    // The third connection is left in the backlog: no answer while the two are open.
    let address = server.address;
    let third = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        std::io::Write::write_all(
            &mut stream,
            b"GET /api/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        (Instant::now(), answer)
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!third.is_finished(), "answered past the cap");
    let closed = Instant::now();
    drop(held_a);
    let (answered, answer) = tokio::time::timeout(Duration::from_secs(5), third)
        .await
        .expect("the waiting connection was never served")
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answered >= closed);
    drop(held_b);
}

fn decode(coding: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match coding {
        "br" => {
            brotli::Decompressor::new(bytes, 4096)
                .read_to_end(&mut out)
                .unwrap();
        }
        "gzip" => {
            flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        }
        other => panic!("unexpected coding {other}"),
    }
    out
}

/// Asks for `path` (`body` posted as JSON when given) with each `Accept-Encoding`, and checks
/// that each compressed answer decodes to the uncompressed one.
async fn negotiates(server: &common::Server, path: &str, body: Option<&str>) -> usize {
    let client = reqwest::Client::new();
    let ask = |accept: &'static str| {
        let request = match body {
            Some(body) => client
                .post(server.url(path))
                .header("content-type", "application/json")
                .body(body.to_owned()),
            None => client.get(server.url(path)),
        };
        request.header("accept-encoding", accept).send()
    };
    let plain = ask("identity").await.unwrap();
    assert_eq!(plain.status(), StatusCode::OK, "{path}");
    assert!(plain.headers().get("content-encoding").is_none(), "{path}");
    let plain = plain.bytes().await.unwrap();
    for (accept, coding) in [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0.5, gzip", "gzip"),
    ] {
        let response = ask(accept).await.unwrap();
        assert_eq!(response.headers()["content-encoding"], coding, "{path} {accept}");
        assert!(
            response.headers()["vary"]
                .to_str()
                .unwrap()
                .contains("accept-encoding"),
            "{path}"
        );
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.len() < plain.len(), "{path} {accept}");
        assert_eq!(decode(coding, &bytes), plain, "{path} {accept}");
    }
    plain.len()
}

#[tokio::test]
async fn every_text_answer_negotiates_br_or_gzip() {
    let server = start_default(Config::default()).await;
    let profile = profile_text();
    let page = negotiates(&server, "/", None).await;
    assert!(page > 10_000);
    negotiates(
        &server,
        "/?submitted=1&state=PA&method=topsis&unknown=exclude&w-total-cost=1",
        None,
    )
    .await;
    negotiates(&server, "/api/programs", None).await;
    negotiates(&server, "/api/wages", None).await;
    negotiates(&server, "/api/openapi.json", None).await;
    negotiates(&server, "/api/rank", Some(&profile)).await;
    negotiates(&server, "/api/rank?exclusions=none", Some(&profile)).await;

    // The page without a query, compressed, is well under 60 KB on the wire.
    let response = reqwest::Client::new()
        .get(server.url("/"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    let wire = response.bytes().await.unwrap().len();
    assert!(wire < 60 * 1024, "{wire} bytes");
}

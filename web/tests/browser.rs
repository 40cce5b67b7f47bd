//! End to end in a real browser: headless Chromium driven through WebDriver (`chromedriver`) with
//! fantoccini. Fills the form, submits it, sees ranked programs, opens an explanation, compares
//! two programs and saves screenshots (to `HIMKIT_WEB_SCREENSHOTS`, else `target/himkit-web-screenshots`).
//!
//! Without `/usr/bin/chromium` and `chromedriver` on the machine the test says that it did not
//! run and passes; `.ci/run` installs both (Debian's `chromium` and `chromium-driver`).
//!
//! The server is the application in the test's process, or the binary `HIMKIT_WEB_BINARY` names
//! (`.ci/run` names the release build): moving a slider must redraw the table within 100 ms at
//! the 95th percentile on an optimized server (400 ms on the unoptimized one of a debug test).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use himkit_web::Config;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const CHROMIUM: &str = "/usr/bin/chromium";

/// chromedriver, stopped when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn screenshot_directory() -> PathBuf {
    std::env::var_os("HIMKIT_WEB_SCREENSHOTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/himkit-web-screenshots"),
        PathBuf::from,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_student_ranks_explains_and_compares_in_a_real_browser() {
    let Some(driver_path) = chromedriver().filter(|_| Path::new(CHROMIUM).exists()) else {
        println!(
            "browser test did not run: {CHROMIUM} or chromedriver is missing (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let started = Instant::now();
    let server = Server::start().await;
    let port = free_port();
    let driver = Driver(
        Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // Wait for chromedriver to listen.
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let profile = std::env::temp_dir().join(format!("himkit-web-chromium-{}-{port}", std::process::id()));
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,1400",
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .unwrap();
    let result = drive(&client, &server.url(), server.optimized()).await;
    let _ = client.close().await;
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
    result.unwrap();
    println!("browser test ran in {:?}", started.elapsed());
}

/// The server the browser talks to: the binary named by `HIMKIT_WEB_BINARY` (`.ci/run` names the
/// release build, as users run it), else the application in this test's process.
enum Server {
    Process(Child, String),
    InProcess(common::Server),
}

impl Server {
    async fn start() -> Self {
        match std::env::var_os("HIMKIT_WEB_BINARY") {
            Some(binary) => {
                // A relative path is the workspace's, where .ci/run runs.
                let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(binary);
                let (child, _stdout, address) = common::spawn_binary(&binary, &["--listen", "127.0.0.1:0"]);
                Server::Process(child, format!("http://{address}/"))
            }
            None => Server::InProcess(common::start_default(Config::default()).await),
        }
    }

    fn url(&self) -> String {
        match self {
            Server::Process(_, url) => url.clone(),
            Server::InProcess(server) => server.url("/"),
        }
    }

    /// Whether the server is an optimized build: the one the latency bound is for.
    fn optimized(&self) -> bool {
        matches!(self, Server::Process(..)) || !cfg!(debug_assertions)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Server::Process(child, _) = self {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The ids of the table's rows, in order.
async fn order(client: &fantoccini::Client) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let ids = client
        .execute(
            "return Array.from(document.querySelectorAll('#ranking tbody.entry')).map(r => r.id);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(ids)?)
}

/// The rows' rank, score and cost text, in order, to compare a redrawn table with the server's.
async fn rows(client: &fantoccini::Client) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let rows = client
        .execute(
            "return Array.from(document.querySelectorAll('#ranking tbody.entry')).map(r => [r.id, \
             r.querySelector('.rank-number').textContent, r.querySelector('.score-number').textContent, \
             r.querySelector('td.program').textContent, r.querySelector('td.cost').textContent, \
             r.querySelector('td.payback').textContent, r.querySelector('svg.score-bar').outerHTML].join(' | '));",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(rows)?)
}

/// Sets slider `id` to `value` as a user's drag does (an `input` event), and returns the
/// milliseconds until the table is redrawn (-1 if it was not within 5 s).
async fn move_slider(
    client: &fantoccini::Client,
    id: &str,
    value: &str,
) -> Result<f64, Box<dyn std::error::Error>> {
    let elapsed = client
        .execute_async(
            "const [id, value, done] = arguments;
             const table = document.getElementById('ranking');
             const slider = document.getElementById(id);
             const started = performance.now();
             const timeout = setTimeout(() => { observer.disconnect(); done(-1); }, 5000);
             const observer = new MutationObserver(() => {
               observer.disconnect(); clearTimeout(timeout); done(performance.now() - started);
             });
             observer.observe(table, { childList: true });
             slider.value = value;
             slider.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(id), json!(value)],
        )
        .await?;
    Ok(elapsed.as_f64().unwrap_or(-1.0))
}

/// "What if cost mattered less?": the table re-ranks as a slider moves, without a reload; each
/// row says how many places it moved; the address bar holds the profile as a GET query, and the
/// server's page at that address shows the same table; then the time from a slider's move to
/// the redrawn table, over many moves on the national catalogue.
async fn live_what_if(
    client: &fantoccini::Client,
    shots: &Path,
    optimized: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    // A mark on the window that a page load would wipe.
    client.execute("window.himkitNotReloaded = true;", vec![]).await?;
    let before = order(client).await?;
    let elapsed = move_slider(client, "w-total-cost", "0").await?;
    assert!(elapsed >= 0.0, "the table was not redrawn");
    let after = order(client).await?;
    assert_ne!(before, after, "cost weighing nothing reorders the table");
    assert_eq!(
        client
            .execute("return window.himkitNotReloaded === true;", vec![])
            .await?,
        json!(true),
        "the page was reloaded"
    );
    let url = client.current_url().await?;
    let query = url.query().unwrap_or("");
    assert_eq!(url.path(), "/");
    assert!(
        query.contains("w-total-cost=0&") && query.contains("state=PA") && query.contains("max_cost=60000"),
        "{url}"
    );
    let moved = client.find_all(Locator::Css("#ranking .moved")).await?;
    assert!(!moved.is_empty(), "no row says how it moved");
    let live = rows(client).await?;
    client
        .execute(
            "document.getElementById('results-heading').scrollIntoView(true);",
            vec![],
        )
        .await?;
    std::fs::write(shots.join("live.png"), client.screenshot().await?)?;

    // The same address, loaded afresh: the server's table is the one the script drew.
    client.goto(url.as_str()).await?;
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("table.ranking"))
        .await?;
    assert_eq!(rows(client).await?, live);

    // How long a move takes to show, the debounce included.
    let mut samples = Vec::new();
    for index in 0..40 {
        let value = ["0.05", "0.6", "0.2", "0.9"][index % 4];
        let elapsed = move_slider(client, "w-total-cost", value).await?;
        assert!(elapsed >= 0.0, "move {index}: the table was not redrawn");
        samples.push(elapsed);
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    samples.sort_by(f64::total_cmp);
    let percentile = |p: usize| samples[(samples.len() * p).div_ceil(100) - 1];
    let (p50, p95, max) = (percentile(50), percentile(95), samples[samples.len() - 1]);
    println!(
        "slider move to redrawn table, {} moves over the national catalogue: p50 {p50:.1} ms, p95 {p95:.1} ms, max {max:.1} ms",
        samples.len()
    );
    if optimized {
        assert!(p95 < 100.0, "p95 {p95:.1} ms: {samples:?}");
    } else {
        // An unoptimized server takes several times longer to rank; the bound here still
        // catches a redraw or a debounce gone wrong, and .ci/run checks 100 ms on the release
        // build.
        println!(
            "the 100 ms bound is checked against an optimized server: HIMKIT_WEB_BINARY=target/release/himkit-web \
             cargo test -p himkit-web --test browser (after cargo build --release -p himkit-web)"
        );
        assert!(
            p95 < 400.0,
            "p95 {p95:.1} ms with an unoptimized server: {samples:?}"
        );
    }
    Ok(())
}

#[allow(clippy::too_many_lines)] // One user's path, step by step.
async fn drive(
    client: &fantoccini::Client,
    base: &str,
    optimized: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let shots = screenshot_directory();
    std::fs::create_dir_all(&shots)?;
    client.goto(base).await?;
    assert_eq!(
        client.find(Locator::Css("h1")).await?.text().await?,
        "HIM program finder"
    );
    // The first screenful, as a person on a desktop sees it.
    std::fs::write(shots.join("page.png"), client.screenshot().await?)?;

    // Fill the form: a student in Pennsylvania, bachelor's or associate, at most $60,000,
    // who also wants revenue-cycle skills and weighs cost more; then submit.
    client
        .find(Locator::Id("state"))
        .await?
        .select_by_value("PA")
        .await?;
    let cost = client.find(Locator::Id("max_cost")).await?;
    cost.send_keys("60000").await?;
    client
        .find(Locator::Id("skill-revenue-cycle"))
        .await?
        .click()
        .await?;
    client
        .execute(
            "const s = document.getElementById('w-total-cost'); s.value = '0.4'; \
             s.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await?;
    assert_eq!(
        client
            .find(Locator::Id("w-total-cost-value"))
            .await?
            .text()
            .await?,
        "0.4",
        "the slider shows its value"
    );
    client
        .find(Locator::Css("form#profile button[type=submit]"))
        .await?
        .click()
        .await?;
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("table.ranking"))
        .await?;
    let url = client.current_url().await?;
    let query = url.query().unwrap_or("");
    assert!(
        query.contains("state=PA") && query.contains("max_cost=60000"),
        "{url}"
    );
    assert!(
        query.contains("skill=revenue-cycle") && query.contains("w-total-cost=0.4"),
        "{url}"
    );
    // The form keeps what was entered.
    assert_eq!(
        client
            .find(Locator::Id("max_cost"))
            .await?
            .prop("value")
            .await?
            .as_deref(),
        Some("60000")
    );

    // Ranked programs, each with a score bar.
    let entries = client.find_all(Locator::Css("tbody.entry")).await?;
    assert!(entries.len() >= 2, "{} ranked", entries.len());
    let first_rank = entries[0].find(Locator::Css("td.rank")).await?.text().await?;
    assert_eq!(first_rank, "1");
    assert!(
        !client
            .find_all(Locator::Css("svg.score-bar rect"))
            .await?
            .is_empty()
    );

    // Open the first explanation: the script loads it into the row.
    let explanation = entries[0].find(Locator::Css("details.explain")).await?;
    explanation.find(Locator::Css("summary")).await?.click().await?;
    assert!(explanation.attr("open").await?.is_some());
    let table = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(
            "tbody.entry details.explain[open] table.contributions",
        ))
        .await?;
    assert!(table.is_displayed().await?);
    assert!(table.text().await?.contains("Total cost"));
    client
        .execute(
            "document.getElementById('results-heading').scrollIntoView(true);",
            vec![],
        )
        .await?;
    std::fs::write(shots.join("ranking.png"), client.screenshot().await?)?;

    // Open the first reason of the exclusions: its list is loaded in place.
    client
        .find(Locator::Css("details.reason summary"))
        .await?
        .click()
        .await?;
    let listed = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("details.reason[open] ul.excluded-list li"))
        .await?;
    assert!(listed.text().await?.contains(": "));

    live_what_if(client, &shots, optimized).await?;

    // The comparison button is enabled by the script once two programs are ticked.
    let button = client.find(Locator::Id("compare-button")).await?;
    assert!(!button.is_enabled().await?);
    let boxes = client
        .find_all(Locator::Css("input[type=checkbox][form=compare]"))
        .await?;
    boxes[0].click().await?;
    boxes[1].click().await?;
    assert!(button.is_enabled().await?);
    assert_eq!(
        client
            .find(Locator::Id("compare-status"))
            .await?
            .text()
            .await?
            .trim(),
        "2 chosen."
    );
    button.click().await?;
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("table.comparison"))
        .await?;
    let columns = client.find_all(Locator::Css("table.comparison thead th")).await?;
    assert_eq!(columns.len(), 3, "a label column and two programs");
    let url = client.current_url().await?;
    assert!(
        url.query().unwrap_or("").contains("state=PA"),
        "the profile is carried: {url}"
    );
    std::fs::write(shots.join("compare.png"), client.screenshot().await?)?;

    // Keyboard: the back link is reachable and leads to the same ranking.
    client
        .find(Locator::LinkText("← Back to the ranking"))
        .await?
        .click()
        .await?;
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("table.ranking"))
        .await?;
    assert_eq!(
        client
            .find(Locator::Id("state"))
            .await?
            .prop("value")
            .await?
            .as_deref(),
        Some("PA")
    );

    where_the_student_lives(client, base, &shots).await?;
    results_first_on_a_phone(client, base, &shots).await?;
    println!("screenshots in {}", shots.display());
    Ok(())
}

/// The texts of the rows' distances (`12.2 miles from 45202`).
async fn distances(client: &fantoccini::Client) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut texts = Vec::new();
    for cell in client.find_all(Locator::Css("#ranking span.distance")).await? {
        texts.push(cell.text().await?);
    }
    Ok(texts)
}

/// A ZIP code typed and the distance slider moved re-rank the table live: every row says how
/// far its campus is, none beyond the limit, and the map draws the ring around home.
async fn where_the_student_lives(
    client: &fantoccini::Client,
    base: &str,
    shots: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    client.goto(base).await?;
    client
        .find(Locator::Id("state"))
        .await?
        .select_by_value("")
        .await?;
    client.find(Locator::Id("delivery-online")).await?.click().await?;
    client
        .find(Locator::Id("delivery-on-campus"))
        .await?
        .click()
        .await?;
    client.find(Locator::Id("zip")).await?.send_keys("45202").await?;
    // The ZIP code typed re-ranks the table: each campus's distance, no reload.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while distances(client).await?.is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "no distance after the ZIP code was typed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        distances(client)
            .await?
            .iter()
            .all(|text| text.ends_with(" miles from 45202"))
    );
    let elapsed = move_slider(client, "max_miles", "30").await?;
    assert!(elapsed >= 0.0, "the distance slider did not redraw the table");
    let shown = distances(client).await?;
    assert!(!shown.is_empty());
    for text in &shown {
        let miles: f64 = text.split(' ').next().unwrap_or("").parse()?;
        assert!(miles <= 30.0, "{text}");
    }
    let places = rows(client).await?.join("\n");
    assert!(
        places.contains(", KY"),
        "Kentucky campuses within 30 miles: {places}"
    );
    let map = client.find(Locator::Id("map")).await?;
    assert!(!client.find_all(Locator::Css("#map path.ring")).await?.is_empty());
    assert!(!client.find_all(Locator::Css("#map circle.dot")).await?.is_empty());
    assert!(map.text().await?.contains("the ring the 30-mile limit"));
    client
        .execute("document.getElementById('map').scrollIntoView(true);", vec![])
        .await?;
    std::fs::write(shots.join("map.png"), client.screenshot().await?)?;
    Ok(())
}

/// On a phone (390 x 844, an iPhone's screen) the first screen shows the top of the ranking;
/// the profile is a panel the student opens, and its sliders re-rank the table as on a desktop.
async fn results_first_on_a_phone(
    client: &fantoccini::Client,
    base: &str,
    shots: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    // A window whose page area (the viewport) is 390 x 844, whatever the browser's own bars take.
    client.set_window_size(390, 844).await?;
    let bars = client
        .execute("return window.outerHeight - window.innerHeight;", vec![])
        .await?
        .as_u64()
        .unwrap_or(0);
    client
        .set_window_size(390, 844 + u32::try_from(bars).unwrap_or(0))
        .await?;
    client.goto(base).await?;
    assert_eq!(
        client.execute("return window.innerHeight;", vec![]).await?,
        json!(844)
    );
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("table.ranking"))
        .await?;
    let first_row_bottom = client
        .execute(
            "const name = document.querySelector('tbody.entry td.program strong');
             return name.getBoundingClientRect().bottom <= window.innerHeight
               ? window.innerHeight : name.getBoundingClientRect().bottom;",
            vec![],
        )
        .await?;
    let height = client.execute("return window.innerHeight;", vec![]).await?;
    assert_eq!(
        first_row_bottom, height,
        "the first program's name is on the first screen"
    );
    std::fs::write(shots.join("phone.png"), client.screenshot().await?)?;
    // The map fits the phone's width.
    let fits = client
        .execute(
            "const map = document.querySelector('#map svg');
             map.scrollIntoView(true);
             return map.getBoundingClientRect().width <= window.innerWidth;",
            vec![],
        )
        .await?;
    assert_eq!(fits, json!(true), "the map is as wide as the phone at most");
    std::fs::write(shots.join("phone-map.png"), client.screenshot().await?)?;
    client.execute("window.scrollTo(0, 0);", vec![]).await?;
    let state = client.find(Locator::Id("state")).await?;
    assert!(
        !state.is_displayed().await?,
        "the profile starts closed on a phone"
    );
    client
        .find(Locator::Css("#profile-panel > summary"))
        .await?
        .click()
        .await?;
    assert!(
        state.is_displayed().await?,
        "opened, the profile shows its fields"
    );
    let before = order(client).await?;
    let elapsed = move_slider(client, "w-total-cost", "0").await?;
    assert!(elapsed >= 0.0, "a slider in the opened panel re-ranks the table");
    assert_ne!(before, order(client).await?);
    std::fs::write(shots.join("phone-profile-open.png"), client.screenshot().await?)?;
    // A wider screen shows the form without opening anything.
    client.set_window_size(1100, 1400).await?;
    client.goto(base).await?;
    assert!(client.find(Locator::Id("state")).await?.is_displayed().await?);
    Ok(())
}

//! End to end in a real browser: headless Chromium driven through WebDriver (`chromedriver`) with
//! fantoccini. Fills the form, submits it, sees ranked programs, opens an explanation, compares
//! two programs and saves screenshots (to `HIMKIT_WEB_SCREENSHOTS`, else `target/himkit-web-screenshots`).
//!
//! Without `/usr/bin/chromium` and `chromedriver` on the machine the test says that it did not
//! run and passes; `.ci/run` installs both (Debian's `chromium` and `chromium-driver`).
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
    let server = common::start_default(Config::default()).await;
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
    let result = drive(&client, &server.url("/")).await;
    let _ = client.close().await;
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
    result.unwrap();
    println!("browser test ran in {:?}", started.elapsed());
}

#[allow(clippy::too_many_lines)] // One user's path, step by step.
async fn drive(client: &fantoccini::Client, base: &str) -> Result<(), Box<dyn std::error::Error>> {
    let shots = screenshot_directory();
    std::fs::create_dir_all(&shots)?;
    client.goto(base).await?;
    assert_eq!(
        client.find(Locator::Css("h1")).await?.text().await?,
        "HIM program finder"
    );

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
    let weight = client.find(Locator::Id("w-total-cost")).await?;
    weight.clear().await?;
    weight.send_keys("0.4").await?;
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

    // Open the first explanation.
    let explanation = entries[0].find(Locator::Css("details.explain")).await?;
    let table = explanation.find(Locator::Css("table.contributions")).await?;
    assert!(!table.is_displayed().await?);
    explanation.find(Locator::Css("summary")).await?.click().await?;
    assert!(explanation.attr("open").await?.is_some());
    assert!(table.is_displayed().await?);
    assert!(table.text().await?.contains("Total cost"));
    client
        .execute(
            "document.getElementById('results-heading').scrollIntoView(true);",
            vec![],
        )
        .await?;
    std::fs::write(shots.join("ranking.png"), client.screenshot().await?)?;

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

    // Phone width.
    client.set_window_size(390, 1400).await?;
    client.goto(base).await?;
    std::fs::write(shots.join("phone.png"), client.screenshot().await?)?;
    println!("screenshots in {}", shots.display());
    Ok(())
}

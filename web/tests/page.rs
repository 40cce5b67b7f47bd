//! The page over a real listener: the form, the ranking with its explanations, exclusions,
//! stability, the wage chart, the comparison, escaping, labels and the Content-Security-Policy.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::case_sensitive_file_extension_comparisons
)]

mod common;

use common::{CUYAHOGA, start, start_default, start_router, start_with_accreditation_list};
use himkit::Catalog;
use himkit_web::data::Data;
use himkit_web::{Config, app};
use reqwest::StatusCode;

async fn get(url: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

/// Every `id` that an `<input>`, `<select>` or `<button>` of the form has, in document order.
fn control_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for tag in ["<input ", "<select "] {
        for (start, _) in html.match_indices(tag) {
            let end = start + html[start..].find('>').unwrap();
            let element = &html[start..end];
            if element.contains("type=\"hidden\"") {
                continue;
            }
            let id = element
                .split(" id=\"")
                .nth(1)
                .unwrap_or_else(|| panic!("a control without an id: {element}"));
            ids.push(id[..id.find('"').unwrap()].to_owned());
        }
    }
    ids
}

#[tokio::test]
async fn the_page_ranks_explains_excludes_and_charts_with_labels_and_a_policy() {
    let server = start(Config::default()).await;
    let (status, headers, html) = get(&server.url("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"));
    let policy = headers["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(html.contains("<meta name=\"viewport\""));

    // Ranked programs, their bars, explanations, exclusions, stability and wages.
    assert!(html.contains("Ranked programs"));
    assert!(
        html.contains("id=\"entry-lakeside-cc-hit-aas\""),
        "the example profile's leader"
    );
    assert!(html.contains("class=\"score-bar\""));
    assert!(html.contains("Excluded programs ("));
    assert!(html.contains("<details class=\"explain\"><summary>Why rank 1? Full explanation of "));
    assert!(html.contains("How stable is the top?"));
    assert!(html.contains("What HIM jobs pay"));
    assert!(html.contains("Medical and Health Services Managers (11-9111)"));

    // Every control has a label; no inline style or script (the policy forbids them).
    for id in control_ids(&html) {
        assert!(html.contains(&format!("for=\"{id}\"")), "no label for #{id}");
    }
    assert!(!html.contains(" style="));
    for (start, _) in html.match_indices("<script") {
        assert!(
            html[start..start + 40].contains("src=\"/static/"),
            "inline script"
        );
    }

    // A description for search engines, and an icon.
    assert!(
        html.contains("<meta name=\"description\" content=\"Health Information Management programs ranked")
    );
    let icon = attribute_after(&html, "<link rel=\"icon\" href=\"");
    assert!(
        icon.starts_with("/static/icon.") && icon.ends_with(".svg"),
        "{icon}"
    );

    // The assets come from the binary, under names with a fingerprint, cached for a year.
    let css = attribute_after(&html, "<link rel=\"stylesheet\" href=\"");
    let js = attribute_after(&html, "<script src=\"");
    for (path, content_type, holds) in [
        (&css, "text/css", ".score-bar"),
        (&js, "text/javascript", "use strict"),
        (&icon, "image/svg+xml", "<svg"),
    ] {
        let (status, headers, text) = get(&server.url(path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with(content_type),
            "{path}"
        );
        assert_eq!(
            headers["cache-control"], "public, max-age=31536000, immutable",
            "{path}"
        );
        assert!(text.contains(holds), "{path}");
    }
    assert!(
        css.starts_with("/static/app.")
            && css.ends_with(".css")
            && css.len() == "/static/app.".len() + 16 + 4
    );
    // Names without a fingerprint, or with another one (a page from an older build), are 404s.
    let stale = format!("/static/app.{}.css", "0".repeat(16));
    for path in [
        "/static/app.css",
        "/static/app.js",
        stale.as_str(),
        "/static/../Cargo.toml",
    ] {
        let (status, _, _) = get(&server.url(path)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    // Browsers ask for /favicon.ico on their own.
    let (status, headers, text) = get(&server.url("/favicon.ico")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/svg+xml");
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age=86400")
    );
    assert!(text.starts_with("<svg"));
}

/// The value of the attribute that starts right after `before` in `html`.
fn attribute_after(html: &str, before: &str) -> String {
    let start = html.find(before).unwrap_or_else(|| panic!("no {before}")) + before.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

/// The page's ampersands as the address has them.
fn unescape(href: &str) -> String {
    href.replace("&amp;", "&")
}

#[tokio::test]
async fn exclusions_are_counted_by_reason_and_each_list_is_a_link_away() {
    let server = start(Config::default()).await;
    let (_, _, html) = get(&server.url(
        "/?submitted=1&state=OH&level=associate&delivery=online&accredited=yes&method=weighted-sum&unknown=exclude&w-total-cost=1",
    ))
    .await;
    let start = html
        .find("<section class=\"exclusions\" id=\"exclusions\"")
        .unwrap();
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    let total: usize = section
        .split("Excluded programs (")
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(total > 3, "{section}");
    // One closed section per reason, with its count and a link to its list; no program is
    // listed on the ranking page itself.
    assert!(
        section.contains("Degree level not among those wanted: <strong>"),
        "{section}"
    );
    assert!(
        section.contains("Delivery not among those accepted: <strong>"),
        "{section}"
    );
    assert!(!section.contains("<code>"), "{section}");
    let mut listed = 0;
    for (start, _) in section.match_indices("<details class=\"reason\">") {
        let part = &section[start..];
        let count: usize = part
            .split("<strong>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let href = unescape(&attribute_after(part, "<a href=\""));
        assert!(href.starts_with("/excluded?submitted=1&state=OH&"), "{href}");
        let (status, _, list) = get(&server.url(&href)).await;
        assert_eq!(status, StatusCode::OK, "{href}");
        assert_eq!(list.matches("<li><strong>").count(), count, "{href}");
        assert!(list.contains(&format!(" ({count})</h2>")), "{href}");
        listed += count;
    }
    assert!(
        listed >= total,
        "every excluded program is under at least one reason"
    );

    let (status, _, page) = get(&server.url("/excluded?reason=no-such-reason")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        page.contains("reason: &quot;no-such-reason&quot; is not a reason the page groups exclusions by"),
        "{page}"
    );
    // The reason is checked before the profile is ranked: a refused profile (a 422 on a page
    // that ranks it) does not hide it.
    let (status, _, _) = get(&server.url("/excluded?submitted=1&max_cost=lots&reason=unknown")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, _) = get(&server.url("/excluded?submitted=1&max_cost=lots&reason=no-such-reason")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_submitted_form_ranks_its_profile_and_a_bad_one_is_422_with_every_problem() {
    let server = start(Config::default()).await;
    let (status, _, html) = get(&server.url(
        "/?submitted=1&state=CA&level=baccalaureate&level=masters&delivery=online&accredited=yes&credential=rhia\
         &w-total-cost=1&w-exam-pass-rate=1&method=topsis&unknown=exclude",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Method: topsis"), "{html}");
    assert!(html.contains("<option value=\"CA\" selected>"));

    let (status, _, html) = get(&server.url(
        "/?submitted=1&state=%3Cb%3Ex&max_cost=lots&method=weighted-sum&unknown=keep-and-flag&w-total-cost=1",
    ))
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("The profile cannot be used"));
    assert!(html.contains("&lt;b&gt;x"), "the value is shown escaped");
    assert!(!html.contains("<b>x"));
    assert!(html.contains("max_total_cost: &quot;lots&quot; is not a whole number of dollars"));

    let (status, _, html) =
        get(&server.url("/?submitted=1&state=OH&method=weighted-sum&unknown=keep-and-flag&w-total-cost=0"))
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("weights: all zero"), "the library's message");
}

#[tokio::test]
async fn the_comparison_page_shows_the_chosen_programs_or_says_why_not() {
    let server = start(Config::default()).await;
    let (status, _, html) =
        get(&server.url("/compare?id=lakeside-cc-hit-aas&id=summit-online-him-bs&id=bayou-him-bs")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Side by side"));
    assert!(html.contains("rank 1, score"));
    assert!(html.contains("excluded: "));
    assert!(html.contains("n/a: not reported"));

    let (status, _, html) = get(&server.url("/compare?id=lakeside-cc-hit-aas")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("give 2 to 10 ids"));
    let (status, _, html) = get(&server.url("/compare?id=lakeside-cc-hit-aas&id=nope")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("no program with id &quot;nope&quot;"));
}

#[tokio::test]
async fn every_data_string_is_escaped() {
    let dataset = himkit::Dataset::embedded().unwrap();
    let mut programs: serde_json::Value =
        serde_json::from_str(&dataset.catalog().to_json().unwrap()).unwrap();
    for program in programs.as_array_mut().unwrap() {
        program["name"] = serde_json::json!("<script>alert(1)</script> & \"more\"");
    }
    let catalog = Catalog::from_json_str("hostile.json", &programs.to_string()).unwrap();
    let data = Data::new(catalog, dataset.wages().to_vec(), "<i>hostile</i>".to_owned());
    let config = Config::default();
    let server = start_router(app(data, config).unwrap(), config).await;
    for path in ["/", "/compare?id=lakeside-cc-hit-aas&id=summit-online-him-bs"] {
        let (status, _, html) = get(&server.url(path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!html.contains("<script>alert"), "{path}");
        assert!(!html.contains("<i>hostile"), "{path}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn unknown_accreditation_and_estimated_costs_are_marked() {
    let dataset = himkit::Dataset::embedded().unwrap();
    let mut programs: serde_json::Value =
        serde_json::from_str(&dataset.catalog().to_json().unwrap()).unwrap();
    programs.as_array_mut().unwrap().push(serde_json::json!({
        "id": "ohio-state-college-hit-associate",
        "name": "Health Information/Medical Records Technology/Technician",
        "institution": {"name": "Ohio State College", "state": "OH", "city": "Columbus"},
        "degree_level": "associate",
        "discipline": "health-information-technology",
        "delivery": "institution-offers-distance-programs",
        "accreditation": "not-verified",
        "cost": {"basis": "estimate", "annual_in_state": 5000, "annual_out_of_state": 9000, "months": 24,
                 "source": "IPEDS IC2022_AY", "academic_year": "2022-23"},
        "length_months": 24,
        "length_basis": "typical-for-level",
        "professional_practice_experience": "unknown"
    }));
    let catalog = Catalog::from_json_str("unknowns.json", &programs.to_string()).unwrap();
    let data = Data::new(catalog, dataset.wages().to_vec(), "test".to_owned());
    let config = Config::default();
    let server = start_router(app(data, config).unwrap(), config).await;
    let (status, _, html) = get(&server.url("/")).await;
    assert_eq!(status, StatusCode::OK);
    let start = html
        .find("id=\"entry-ohio-state-college-hit-associate\"")
        .expect("ranked, flagged");
    let entry = &html[start..start + html[start..].find("</details>").unwrap()];
    assert!(
        entry.contains("not verified — check the CAHIIM directory"),
        "{entry}"
    );
    assert!(
        entry.contains("$10,000 <span class=\"estimate\">(estimate)</span>"),
        "{entry}"
    );
    assert!(entry.contains("RHIT: unknown"), "{entry}");
    // The explanation is a link away (the script loads it into the row when opened).
    let href = unescape(&attribute_after(entry, "<div class=\"explain-body\"><a href=\""));
    // Before a submission the profile is the example one: the link names only the program.
    assert_eq!(href, "/explain?id=ohio-state-college-hit-associate");
    let (status, _, explanation) = get(&server.url(&href)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(explanation.contains("Unknown answers to check"), "{explanation}");
    assert!(explanation.contains("<table class=\"contributions\">"));
    assert!(explanation.contains("Each criterion's part of the score (they sum to "));

    // Leaving unknowns out excludes it, with the reason.
    let query = "submitted=1&state=OH&level=associate&accredited=yes&method=weighted-sum&unknown=exclude&w-total-cost=1";
    let (_, _, html) = get(&server.url(&format!("/?{query}"))).await;
    assert!(!html.contains("id=\"entry-ohio-state-college-hit-associate\""));
    assert!(html.contains("An unknown answer, which the profile leaves out: <strong>"));
    let (_, _, list) = get(&server.url(&format!("/excluded?{query}&reason=unknown"))).await;
    assert!(
        list.contains("<code>ohio-state-college-hit-associate</code>: "),
        "{list}"
    );
    // Its explanation page says why it is not ranked.
    let (status, _, page) =
        get(&server.url(&format!("/explain?{query}&id=ohio-state-college-hit-associate"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(" is not ranked</h2>") && page.contains("This profile excludes it: "),
        "{page}"
    );
    let (status, _, _) = get(&server.url(&format!("/explain?{query}&id=no-such-program"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn weights_are_sliders_that_keep_any_value_a_query_gives() {
    let server = start(Config::default()).await;
    let (_, _, html) = get(&server.url("/")).await;
    assert!(
        html.contains(
            "<input id=\"w-total-cost\" name=\"w-total-cost\" type=\"range\" min=\"0\" max=\"1\" step=\"0.01\" value=\"0.2\">"
        ),
        "the example profile's weight"
    );
    assert!(html.contains("<output id=\"w-total-cost-value\" for=\"w-total-cost\">0.2</output>"));

    // A weight above 1 (a hand-made link) widens every slider and is kept as it is.
    let (status, _, html) = get(&server.url(
        "/?submitted=1&state=OH&method=weighted-sum&unknown=keep-and-flag&w-total-cost=2.5&w-length=0.333",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("type=\"range\" min=\"0\" max=\"3\" step=\"any\" value=\"2.5\">"),
        "{html}"
    );
    assert!(html.contains(
        "id=\"w-length\" name=\"w-length\" type=\"range\" min=\"0\" max=\"3\" step=\"any\" value=\"0.333\">"
    ));
    assert!(html.contains("id=\"w-graduation-rate\" name=\"w-graduation-rate\" type=\"range\" min=\"0\" max=\"3\" step=\"any\" value=\"0\">"));
}

/// The inner HTML of the element with id `id` in `html` (an element without another of its
/// tag inside).
fn inner(html: &str, tag: &str, id: &str) -> String {
    let start = html.find(&format!(" id=\"{id}\"")).unwrap();
    let start = start + html[start..].find('>').unwrap() + 1;
    let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
    html[start..end].to_owned()
}

#[tokio::test]
async fn the_script_gets_the_rows_summary_and_legend_as_the_page_renders_them() {
    let server = start(Config::default()).await;
    let query = "submitted=1&state=PA&level=associate&level=baccalaureate&max_cost=60000&skill=coding-and-classification\
                 &w-total-cost=0.4&w-graduation-rate=0.3&w-skill-coverage=0.2&method=topsis&unknown=keep-and-flag&shown=2";
    let (status, _, html) = get(&server.url(&format!("/?{query}"))).await;
    assert_eq!(status, StatusCode::OK);
    let response = reqwest::get(server.url(&format!("/fragments/ranking?{query}")))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let answer: serde_json::Value = response.json().await.unwrap();
    let rows = answer["rows"].as_str().unwrap();
    assert!(rows.starts_with("<tbody class=\"entry\" id=\"entry-"), "{rows}");
    assert!(html.contains(rows), "the page's rows, exactly");
    let ids = answer["ids"].as_array().unwrap();
    assert_eq!(ids.len(), 2, "as many as the form shows");
    assert_eq!(rows.matches("<tbody").count(), 2);
    assert_eq!(answer["summary"].as_str().unwrap(), inner(&html, "p", "summary"));
    assert_eq!(answer["legend"].as_str().unwrap(), inner(&html, "ul", "legend"));
    // The bands' thresholds are the library's.
    let bands = himkit::select::Band::ALL;
    assert!(
        answer["summary"].as_str().unwrap().contains(&format!(
            "Bands: strong ≥ {}, good ≥ {}, weaker below.",
            bands[0].lowest_score(),
            bands[1].lowest_score()
        )),
        "{answer}"
    );

    // A refused form: its problems, as the page lists them.
    let query =
        "submitted=1&state=OH&max_cost=lots&w-skill-coverage=1&method=weighted-sum&unknown=keep-and-flag";
    let response = reqwest::get(server.url(&format!("/fragments/ranking?{query}")))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        answer["problems"],
        serde_json::json!(["max_total_cost: \"lots\" is not a whole number of dollars"])
    );
    let (status, _, html) = get(&server.url(&format!("/?{query}"))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("max_total_cost: &quot;lots&quot; is not a whole number of dollars"));
}

/// One profile as the form sends it and as the API's JSON: the same weights, skills and
/// preferred delivery, everything else fixed alike.
struct Profile {
    weights: &'static [(&'static str, &'static str)],
    skills: &'static [&'static str],
    preferred: Option<&'static str>,
    /// The home state (empty: left out), the ZIP code and the distance limit.
    state: &'static str,
    zip: Option<&'static str>,
    miles: Option<&'static str>,
}

impl Profile {
    /// Weights without desired skills or a preferred delivery, for a student in Ohio.
    fn weighing(weights: &'static [(&'static str, &'static str)]) -> Self {
        Self {
            weights,
            skills: &[],
            preferred: None,
            state: "OH",
            zip: None,
            miles: None,
        }
    }

    /// A student at `state` (empty: from the ZIP code), `zip`, with a distance limit.
    fn living(state: &'static str, zip: &'static str, miles: Option<&'static str>) -> Self {
        Self {
            state,
            zip: Some(zip),
            miles,
            ..Self::weighing(&[("total-cost", "1")])
        }
    }

    fn query(&self) -> String {
        let mut parts = vec![format!(
            "submitted=1&state={}&level=associate&delivery=online&method=weighted-sum&unknown=keep-and-flag",
            self.state
        )];
        parts.extend(self.zip.map(|zip| format!("zip={zip}")));
        parts.extend(self.miles.map(|miles| format!("max_miles={miles}")));
        parts.extend(
            self.weights
                .iter()
                .map(|(criterion, weight)| format!("w-{criterion}={weight}")),
        );
        parts.extend(self.skills.iter().map(|skill| format!("skill={skill}")));
        parts.extend(self.preferred.map(|mode| format!("preferred={mode}")));
        parts.join("&")
    }

    fn json(&self) -> String {
        let weights: Vec<String> = self
            .weights
            .iter()
            .map(|(criterion, weight)| format!("\"{criterion}\": {weight}"))
            .collect();
        let unknown: Vec<String> = himkit::select::Constraint::all()
            .map(|constraint| format!("\"{constraint}\": \"keep-and-flag\""))
            .collect();
        let skills: Vec<String> = self.skills.iter().map(|skill| format!("\"{skill}\"")).collect();
        let mut place = Vec::new();
        if !self.state.is_empty() {
            place.push(format!("\"home_state\": \"{}\"", self.state));
        }
        place.extend(self.zip.map(|zip| format!("\"home_zip\": \"{zip}\"")));
        place.extend(self.miles.map(|miles| format!("\"max_distance_miles\": {miles}")));
        format!(
            "{{{}, \"degree_levels\": [\"associate\"], \"delivery_modes\": [\"online\"], \
             \"require_accreditation\": false, \"method\": \"weighted-sum\", \"unknown\": {{{}}}, \
             \"desired_skills\": [{}], \"preferred_delivery\": {}, \"weights\": {{{}}}}}",
            place.join(", "),
            unknown.join(", "),
            skills.join(", "),
            self.preferred
                .map_or_else(|| "null".to_owned(), |mode| format!("\"{mode}\"")),
            weights.join(", ")
        )
    }
}

/// Profiles the form and the API must answer alike, with the start of the refusal (`None` for
/// a profile both accept).
fn profiles_both_answer_alike() -> Vec<(Profile, Option<&'static str>)> {
    const SKILL: &[(&str, &str)] = &[("total-cost", "1"), ("skill-coverage", "0.5")];
    const DELIVERY: &[(&str, &str)] = &[("total-cost", "1"), ("delivery-preference", "0.5")];
    vec![
        (Profile::weighing(&[("total-cost", "1")]), None),
        (
            Profile::weighing(&[("total-cost", "1000000"), ("length", "1")]),
            None,
        ),
        (
            Profile::weighing(&[("total-cost", "1000001")]),
            Some(
                "weights.total-cost: 1000001 is above 1000000, the largest weight accepted (only their proportions count)",
            ),
        ),
        (
            Profile::weighing(&[("total-cost", "1"), ("length", "2e6")]),
            Some("weights.length: 2000000 is above 1000000"),
        ),
        (
            Profile::weighing(&[("total-cost", "1e308"), ("length", "1e308")]),
            Some("weights: their sum is not finite"),
        ),
        (
            Profile::weighing(SKILL),
            Some("weights.skill-coverage: 0.5 needs desired_skills"),
        ),
        (
            Profile {
                skills: &["coding-and-classification"],
                ..Profile::weighing(SKILL)
            },
            None,
        ),
        (
            Profile::weighing(DELIVERY),
            Some("weights.delivery-preference: 0.5 needs preferred_delivery"),
        ),
        (
            Profile {
                preferred: Some("online"),
                ..Profile::weighing(DELIVERY)
            },
            None,
        ),
        (
            Profile::weighing(&[("skill-coverage", "0"), ("total-cost", "0")]),
            Some("weights: all zero leave nothing to score"),
        ),
        (
            Profile::weighing(&[("total-cost", "-1")]),
            Some("weights.total-cost: -1 is not a finite, non-negative weight"),
        ),
        (
            Profile::weighing(&[("skill-coverage", "0"), ("graduation-rate", "3")]),
            None,
        ),
        (Profile::living("", "43215", None), None),
        (Profile::living("OH", "45202", Some("30")), None),
        (
            Profile::living("KY", "45202", None),
            Some("home_zip: 45202 is a ZIP code of Ohio, not of home_state KY"),
        ),
        (
            Profile::living("OH", "4521", None),
            Some("zip: \"4521\" is not a five-digit ZIP code"),
        ),
        (
            Profile::living("OH", "45202", Some("-5")),
            Some("max_distance_miles: -5 is not a number of miles above 0"),
        ),
        (
            Profile {
                miles: Some("10"),
                ..Profile::weighing(&[("total-cost", "1")])
            },
            Some("max_distance_miles: 10 needs home_zip"),
        ),
        (
            Profile::weighing(&[("distance", "1")]),
            Some("weights.distance: 1 needs home_zip"),
        ),
    ]
}

/// The form and the API accept the same profiles, ranking them alike, and refuse the same
/// profiles with the same problem: the weight ceiling and the library's rules on skill and
/// delivery weights hold for both, and nothing is dropped.
#[tokio::test]
async fn the_form_and_the_api_accept_and_refuse_the_same_profiles() {
    let server = start(Config::default()).await;
    let client = reqwest::Client::new();
    for (profile, refusal) in profiles_both_answer_alike() {
        let query = profile.query();
        let form = reqwest::get(server.url(&format!("/fragments/ranking?{query}&shown=20")))
            .await
            .unwrap();
        let form_status = form.status();
        let form: serde_json::Value = form.json().await.unwrap();
        let (page_status, _, _) = get(&server.url(&format!("/?{query}"))).await;
        assert_eq!(page_status, form_status, "{query}");
        let api = client
            .post(server.url("/api/rank?exclusions=none&top=20"))
            .header("content-type", "application/json")
            .body(profile.json())
            .send()
            .await
            .unwrap();
        let api_status = api.status();
        let api: serde_json::Value = api.json().await.unwrap();
        assert_eq!(form_status, api_status, "{query}: {form} / {api}");
        if let Some(refusal) = refusal {
            assert_eq!(form_status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
            let problems = form["problems"].as_array().unwrap();
            assert_eq!(problems.len(), 1, "{query}: {problems:?}");
            let problem = problems[0].as_str().unwrap();
            assert!(problem.starts_with(refusal), "{query}: {problem}");
            let message = api["error"]["message"].as_str().unwrap();
            assert!(
                message.ends_with(problem),
                "{query}: the API's {message:?}, the form's {problem:?}"
            );
        } else {
            assert_eq!(form_status, StatusCode::OK, "{query}: {form}");
            let ranked: Vec<&serde_json::Value> = api["entries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|entry| &entry["id"])
                .collect();
            let shown: Vec<&serde_json::Value> = form["ids"].as_array().unwrap().iter().collect();
            assert_eq!(shown, ranked, "{query}: the same ranking");
        }
    }
}

#[tokio::test]
async fn the_reader_chooses_how_many_programs_are_shown() {
    let server = start(Config::default()).await;
    let (_, _, html) = get(&server.url("/")).await;
    assert!(
        html.contains("<option value=\"20\" selected>20</option>"),
        "20 by default"
    );
    let rows = |html: &str| html.matches("<tbody class=\"entry\"").count();
    let (status, _, html) = get(&server.url("/?shown=3")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(rows(&html), 3);
    assert!(
        html.contains("<option value=\"3\" selected>3</option>"),
        "a value the list lacks is kept"
    );
    assert!(html.contains("3 shown of "));
    let (status, _, html) = get(&server
        .url("/?submitted=1&state=OH&method=weighted-sum&unknown=keep-and-flag&w-total-cost=1&shown=lots"))
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("shown: &quot;lots&quot; is not a whole number from 1 to 100"));
}

#[tokio::test]
async fn an_explanation_shows_the_institutions_figures_as_institution_wide() {
    let server = start_default(Config::default()).await;
    let id = "columbus-state-community-college-202222-510706-aw3";
    let (status, _, page) = get(&server.url(&format!("/explain?id={id}"))).await;
    assert_eq!(status, StatusCode::OK);
    // Columbus State (UNITID 202222): no rate of the program's own, so the institution's
    // Outcome Measures rate; and the institution's median earnings, a criterion of their own.
    assert!(
        page.contains(
            "27.0% of every student who entered in 2015-16 earned an award within 6 years; \
             institution-wide, IPEDS Outcome Measures 2023"
        ),
        "{page}"
    );
    assert!(
        page.contains("$39,435 (median 10 years after entry; institution-wide, College Scorecard 2025)"),
        "{page}"
    );
}

/// A ZIP code and a distance limit on the page: each campus's distance in its row and in its
/// explanation, Kentucky campuses across the river for a Cincinnati student, and the form
/// keeping what was typed.
#[tokio::test]
async fn a_zip_code_and_a_distance_limit_show_each_campus_s_distance() {
    let server = start_default(Config::default()).await;
    let query = "submitted=1&state=&zip=45202&max_miles=30&delivery=on-campus&delivery=hybrid\
                 &w-total-cost=1&w-distance=1&method=weighted-sum&unknown=keep-and-flag&shown=50";
    let (status, _, html) = get(&server.url(&format!("/?{query}"))).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("<span class=\"distance\">") && html.contains("miles from 45202"),
        "every row says how far"
    );
    assert!(html.contains(", KY"), "Kentucky campuses within 30 miles");
    assert!(html.contains("id=\"zip\"") && html.contains("value=\"45202\""));
    assert!(html.contains("id=\"max_miles\"") && html.contains("type=\"range\""));
    assert!(
        html.contains("Distance from home"),
        "the criterion's slider and its part"
    );
    // Without a ZIP code, no distance anywhere.
    let (_, _, html) = get(&server.url("/")).await;
    assert!(!html.contains("<span class=\"distance\">"));
}

/// The map: a dot per campus of the programs shown, the home ZIP code and the limit's ring,
/// a caption and the same places as a table; what it cannot draw (Puerto Rico) is listed under
/// it; the fragments the script places carry it too; the outlines are a cached static file.
#[tokio::test]
async fn the_map_draws_the_programs_shown_and_lists_what_it_cannot_draw() {
    let server = start_default(Config::default()).await;
    let query = "submitted=1&state=&zip=45202&max_miles=30&delivery=on-campus&delivery=hybrid\
                 &w-total-cost=1&w-distance=1&method=weighted-sum&unknown=keep-and-flag&shown=50";
    let (_, _, html) = get(&server.url(&format!("/?{query}"))).await;
    let map = &html[html.find("<figure class=\"map\" id=\"map\"").unwrap()..];
    let map = &map[..map.find("</figure>").unwrap()];
    // Cincinnati's and Florence's campuses, each one dot, with its programs in its title.
    let dots = map.matches("<circle class=\"dot band-").count();
    assert!((4..=6).contains(&dots), "{dots} dots: {map}");
    assert!(
        map.contains("Gateway Community and Technical College, Florence, KY: "),
        "{map}"
    );
    assert!(map.contains("<path class=\"ring\""), "the 30-mile ring");
    assert!(map.contains("<title>Home: ZIP code 45202</title>"));
    assert!(
        map.contains("the ring the 30-mile limit. The map is zoomed to the ring."),
        "{map}"
    );
    assert!(map.contains("<summary>The map as a table</summary>"));
    assert_eq!(map.matches("<tr><td>").count(), dots, "a row per dot");
    let outlines = map
        .split("<use href=\"")
        .nth(1)
        .unwrap()
        .split('#')
        .next()
        .unwrap();
    let response = reqwest::get(server.url(outlines)).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    assert!(response.text().await.unwrap().contains("<g id=\"outline\">"));

    // The fragments carry the same map.
    let fragments: serde_json::Value = reqwest::get(server.url(&format!("/fragments/ranking?{query}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(fragments["map"].as_str().unwrap(), format!("{map}</figure>"));

    // Puerto Rico is outside the layout: listed, not dropped.
    let query = "submitted=1&state=PR&delivery=on-campus&delivery=hybrid&w-total-cost=1\
                 &method=weighted-sum&unknown=keep-and-flag&shown=10";
    let (_, _, html) = get(&server.url(&format!("/?{query}"))).await;
    assert!(
        html.contains("<p class=\"not-drawn\">Not on the map: 1. "),
        "{html}"
    );
    assert!(
        html.contains(", PR (outside the map&#39;s states)")
            || html.contains(", PR (outside the map's states)")
    );
}

/// A status read from an accreditation list says where it came from wherever the page shows
/// it: the ranking's cell, the explanation (RHIT eligibility citing the same list and line)
/// and the comparison.
#[tokio::test]
async fn the_page_says_where_each_status_came_from() {
    let server = start_with_accreditation_list(Config::default()).await;
    let query = "submitted=1&state=OH&level=associate&level=baccalaureate&accredited=yes&method=weighted-sum\
                 &unknown=exclude&w-total-cost=1";
    let (status, _, html) = get(&server.url(&format!("/?{query}"))).await;
    assert_eq!(status, StatusCode::OK);
    let start = html.find(&format!("id=\"entry-{CUYAHOGA}\"")).expect("ranked");
    let entry = &html[start..start + html[start..].find("</details>").unwrap()];
    assert!(
        entry.contains(
            "<span class=\"accredited\" title=\"CAHIIM continuing accreditation — from \
             cahiim_directory_variants.csv line 2, last confirmed 2025-06-30, next review 2029\">CAHIIM: \
             continuing accreditation</span><br><span class=\"meta accreditation-source\">from \
             cahiim_directory_variants.csv line 2</span>"
        ),
        "{entry}"
    );
    assert!(
        entry.contains(
            "title=\"eligible through CAHIIM continuing accreditation (from cahiim_directory_variants.csv \
             line 2)\">RHIT: eligible</li>"
        ),
        "{entry}"
    );

    let (status, _, explanation) = get(&server.url(&format!("/explain?{query}&id={CUYAHOGA}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        explanation.contains(
            "<h4>Accreditation</h4><p class=\"accreditation-detail\">CAHIIM continuing accreditation — from \
             cahiim_directory_variants.csv line 2, last confirmed 2025-06-30, next review 2029</p>"
        ),
        "{explanation}"
    );
    assert!(
        explanation.contains(
            "<li><strong>RHIT</strong>: eligible through CAHIIM continuing accreditation (from \
             cahiim_directory_variants.csv line 2)</li>"
        ),
        "{explanation}"
    );
    // Not the server's directories.
    assert!(!explanation.contains("tests/fixtures"), "{explanation}");

    let other = "southwest-wisconsin-technical-college-239910-510707-aw3";
    let (status, _, comparison) = get(&server.url(&format!("/compare?id={CUYAHOGA}&id={other}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        comparison.contains(
            "<th scope=\"row\">Accreditation</th><td class=\"accreditation-detail\">CAHIIM continuing \
             accreditation — from cahiim_directory_variants.csv line 2, last confirmed 2025-06-30, next review \
             2029</td><td class=\"accreditation-detail\">not verified (check the CAHIIM program directory)</td>"
        ),
        "{comparison}"
    );
}

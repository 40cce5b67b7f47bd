//! The static files, served from the binary under names that carry a fingerprint of their
//! content (`/static/app.3f2a….css`), so that a browser may keep them for a year: a new build
//! with other content gives other names, and an old name is a 404.

use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;

use crate::encoding::{Coding, Encoded};

const CSS: &str = include_str!("../static/app.css");
const JS: &str = include_str!("../static/app.js");
const ICON: &str = include_str!("../static/favicon.svg");
const MAP: &str = include_str!("../static/states.svg");

/// A year, the longest lifetime caches are asked to keep a response for.
const FOR_A_YEAR: &str = "public, max-age=31536000, immutable";
/// `/favicon.ico` has no fingerprint: browsers ask for it by that name.
const FOR_A_DAY: &str = "public, max-age=86400";

/// One static file.
#[derive(Debug)]
pub(crate) struct Asset {
    /// Its path, fingerprint included (`/static/app.3f2a….css`).
    pub path: String,
    body: Encoded,
}

/// The page's static files.
#[derive(Debug)]
pub(crate) struct Assets {
    /// The stylesheet.
    pub css: Asset,
    /// The script.
    pub js: Asset,
    /// The icon (SVG).
    pub icon: Asset,
    /// The map's state outlines (SVG; `scripts/geo/states_svg.mjs` writes it).
    pub map: Asset,
}

/// FNV-1a over the bytes: enough to tell two versions of a file apart (it names a cache entry,
/// it guards nothing).
fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

impl Asset {
    fn new(stem: &str, extension: &str, content_type: &'static str, text: &'static str) -> Self {
        Self {
            path: format!("/static/{stem}.{}.{extension}", fingerprint(text.as_bytes())),
            body: Encoded::new(content_type, text.as_bytes()),
        }
    }

    fn response(&self, coding: Coding, cache: &'static str) -> Response {
        let mut response = self.body.response(StatusCode::OK, coding);
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(cache));
        response
    }
}

impl Assets {
    /// Fingerprints and compresses the files.
    pub(crate) fn new() -> Self {
        Self {
            css: Asset::new("app", "css", "text/css; charset=utf-8", CSS),
            js: Asset::new("app", "js", "text/javascript; charset=utf-8", JS),
            icon: Asset::new("icon", "svg", "image/svg+xml", ICON),
            map: Asset::new("states", "svg", "image/svg+xml", MAP),
        }
    }

    /// The file at `path` (fingerprint included), cached for a year; `None` for any other path,
    /// an older fingerprint among them.
    pub(crate) fn get(&self, path: &str, coding: Coding) -> Option<Response> {
        [&self.css, &self.js, &self.icon, &self.map]
            .into_iter()
            .find(|asset| asset.path == path)
            .map(|asset| asset.response(coding, FOR_A_YEAR))
    }

    /// The icon under the name browsers ask for on their own.
    pub(crate) fn favicon(&self, coding: Coding) -> Response {
        self.icon.response(coding, FOR_A_DAY)
    }
}

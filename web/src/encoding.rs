//! Compression of the answers the server makes itself: `Accept-Encoding` negotiation, answers
//! compressed once at start-up (the page without a query, the static files, the catalogue) and
//! answers compressed on a CPU worker (pages, full rankings). Answers made on the async workers
//! are compressed by tower-http's layer, which leaves alone an answer that already says its
//! `Content-Encoding`.

use std::io::Write;

use axum::body::{Body, Bytes};
use axum::http::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use axum::http::{HeaderMap, HeaderValue, Response, StatusCode};

/// A content coding the server sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coding {
    /// Brotli (`br`).
    Brotli,
    /// `gzip`.
    Gzip,
    /// No compression.
    Identity,
}

impl Coding {
    /// The coding to answer `headers` with: brotli when the client accepts it at least as much as
    /// gzip, else gzip, else none. A quality of 0 refuses a coding; `*` stands for codings not
    /// named.
    #[must_use]
    pub(crate) fn negotiate(headers: &HeaderMap) -> Coding {
        let (mut brotli, mut gzip, mut any) = (None, None, None);
        for value in headers.get_all(ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
                let quality = parts
                    .find_map(|parameter| {
                        let (key, value) = parameter.split_once('=')?;
                        (key.trim().eq_ignore_ascii_case("q")).then(|| value.trim().parse::<f32>().ok())?
                    })
                    .filter(|quality| quality.is_finite())
                    .unwrap_or(1.0);
                match name.as_str() {
                    "br" => brotli = Some(quality),
                    "gzip" | "x-gzip" => gzip = Some(quality),
                    "*" => any = Some(quality),
                    _ => {}
                }
            }
        }
        let brotli = brotli.or(any).unwrap_or(0.0);
        let gzip = gzip.or(any).unwrap_or(0.0);
        if brotli > 0.0 && brotli >= gzip {
            Coding::Brotli
        } else if gzip > 0.0 {
            Coding::Gzip
        } else {
            Coding::Identity
        }
    }

    fn header(self) -> Option<HeaderValue> {
        match self {
            Coding::Brotli => Some(HeaderValue::from_static("br")),
            Coding::Gzip => Some(HeaderValue::from_static("gzip")),
            Coding::Identity => None,
        }
    }
}

/// How hard to compress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effort {
    /// Once at start-up: the smallest answer.
    Once,
    /// Per request, on a CPU worker: most of the gain for a few percent of a page's time.
    PerRequest,
}

/// Answers under this size are sent as they are: the coding's headers would eat the gain.
const SMALLEST_WORTH_COMPRESSING: usize = 512;

fn brotli(bytes: &[u8], effort: Effort) -> Option<Vec<u8>> {
    let quality = match effort {
        // Quality 10 and 11 run ten times slower for a few percent less: every test server
        // starts by compressing its answers.
        Effort::Once => 9,
        Effort::PerRequest => 4,
    };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    let mut writer = brotli::CompressorWriter::new(&mut out, 16 * 1024, quality, 22);
    writer.write_all(bytes).ok()?;
    writer.flush().ok()?;
    drop(writer);
    Some(out)
}

fn gzip(bytes: &[u8], effort: Effort) -> Option<Vec<u8>> {
    let level = match effort {
        Effort::Once => flate2::Compression::best(),
        Effort::PerRequest => flate2::Compression::new(5),
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 4), level);
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// An answer's body in each coding, compressed once.
#[derive(Debug, Clone)]
pub(crate) struct Encoded {
    content_type: HeaderValue,
    identity: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

impl Encoded {
    /// `bytes` of `content_type`, compressed in both codings (when that makes them smaller).
    pub(crate) fn new(content_type: &'static str, bytes: impl Into<Bytes>) -> Self {
        let identity: Bytes = bytes.into();
        let worth = identity.len() >= SMALLEST_WORTH_COMPRESSING;
        let smaller = |compressed: Option<Vec<u8>>| {
            compressed
                .filter(|compressed| compressed.len() < identity.len())
                .map(Bytes::from)
        };
        let brotli = if worth {
            smaller(brotli(&identity, Effort::Once))
        } else {
            None
        };
        let gzip = if worth {
            smaller(gzip(&identity, Effort::Once))
        } else {
            None
        };
        Self {
            content_type: HeaderValue::from_static(content_type),
            identity,
            brotli,
            gzip,
        }
    }

    /// The answer in `coding` (uncompressed when that coding did not make it smaller).
    pub(crate) fn response(&self, status: StatusCode, coding: Coding) -> Response<Body> {
        let (body, coding) = match coding {
            Coding::Brotli => self
                .brotli
                .as_ref()
                .map_or((&self.identity, Coding::Identity), |body| (body, Coding::Brotli)),
            Coding::Gzip => self
                .gzip
                .as_ref()
                .map_or((&self.identity, Coding::Identity), |body| (body, Coding::Gzip)),
            Coding::Identity => (&self.identity, Coding::Identity),
        };
        respond(status, self.content_type.clone(), body.clone(), coding)
    }
}

/// `bytes` of `content_type` in `coding`, compressed now: for answers made on a CPU worker.
pub(crate) fn compress_now(
    status: StatusCode,
    content_type: &'static str,
    bytes: Vec<u8>,
    coding: Coding,
) -> Response<Body> {
    let compressed = if bytes.len() < SMALLEST_WORTH_COMPRESSING {
        None
    } else {
        match coding {
            Coding::Brotli => brotli(&bytes, Effort::PerRequest).map(|body| (body, Coding::Brotli)),
            Coding::Gzip => gzip(&bytes, Effort::PerRequest).map(|body| (body, Coding::Gzip)),
            Coding::Identity => None,
        }
    };
    let content_type = HeaderValue::from_static(content_type);
    match compressed {
        Some((body, coding)) => respond(status, content_type, Bytes::from(body), coding),
        None => respond(status, content_type, Bytes::from(bytes), Coding::Identity),
    }
}

fn respond(status: StatusCode, content_type: HeaderValue, body: Bytes, coding: Coding) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, content_type);
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(value) = coding.header() {
        headers.insert(CONTENT_ENCODING, value);
    }
    // Tells the compression layer that the coding was chosen already, whichever it was.
    response.extensions_mut().insert(Negotiated);
    response
}

/// Marks an answer whose coding the server chose itself; the compression layer leaves it alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Negotiated;

#[cfg(test)]
mod tests {
    use super::*;

    fn negotiate(value: &str) -> Coding {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap_or(HeaderValue::from_static("")),
        );
        Coding::negotiate(&headers)
    }

    #[test]
    fn the_client_s_preferences_decide_and_brotli_wins_a_tie() {
        assert_eq!(negotiate("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(negotiate("gzip"), Coding::Gzip);
        assert_eq!(negotiate("br;q=0.5, gzip;q=0.8"), Coding::Gzip);
        assert_eq!(negotiate("br;q=0, gzip;q=0"), Coding::Identity);
        assert_eq!(negotiate("*"), Coding::Brotli);
        assert_eq!(negotiate("*;q=0.5, br;q=0"), Coding::Gzip);
        assert_eq!(negotiate("identity"), Coding::Identity);
        assert_eq!(negotiate(""), Coding::Identity);
        assert_eq!(negotiate("br;q=nonsense"), Coding::Brotli);
        assert_eq!(Coding::negotiate(&HeaderMap::new()), Coding::Identity);
    }
}

//! Inline SVG: the score bar split into per-criterion contributions, and the wage spread of the
//! HIM occupations. Geometry is in SVG attributes and colours in the stylesheet's classes, so
//! the page needs no inline style under its Content-Security-Policy.

use himkit::select::{Contribution, RankedProgram};
use himkit::wage::{Area, Percentile};
use himkit::{HimOccupation, Money, Wage, WageStatistics};
use maud::{Markup, html};

use super::labels;

/// A horizontal bar, 100 units wide, with one segment per contribution in criterion colours.
#[must_use]
pub(super) fn score_bar(entry: &RankedProgram) -> Markup {
    let mut x = 0.0_f64;
    let segments: Vec<(f64, f64, &Contribution)> = entry
        .contributions()
        .iter()
        .map(|part| {
            let width = (part.contribution * 100.0).clamp(0.0, (100.0 - x).max(0.0));
            let segment = (x, width, part);
            x += width;
            segment
        })
        .collect();
    // One description for the whole bar (its label, and its tooltip), rather than a title per
    // segment: a fifth of the page's elements fewer.
    let parts: Vec<String> = entry
        .contributions()
        .iter()
        .map(|part| format!("{} +{:.3}", labels::criterion(part.criterion), part.contribution))
        .collect();
    let description = if parts.is_empty() {
        format!("score {:.3} of 1", entry.score())
    } else {
        format!("score {:.3} of 1: {}", entry.score(), parts.join(", "))
    };
    html! {
        svg.score-bar viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label=(description) {
            title { (description) }
            rect.bar-rest x="0" y="0" width="100" height="8" {}
            @for (x, width, part) in segments {
                rect class=(format!("c-{}", part.criterion.as_str())) x=(format!("{x:.3}")) y="0"
                    width=(format!("{width:.3}")) height="8" {}
            }
        }
    }
}

/// The statistics the chart shows for `occupation`: national all-industry figures where there
/// are any, else another area's; the most recent with the most percentiles.
fn chart_row(wages: &[WageStatistics], occupation: HimOccupation) -> Option<&WageStatistics> {
    let soc = occupation.soc();
    let known = |row: &WageStatistics| {
        row.percentiles()
            .iter()
            .filter(|(_, wage)| wage.lower_bound().is_some())
            .count()
    };
    wages
        .iter()
        .filter(|row| row.occupation() == soc && row.industry().is_none())
        .max_by_key(|row| (*row.area() == Area::National, known(row), row.period()))
}

fn dollars(wage: Wage) -> Option<(f64, String)> {
    wage.lower_bound().map(|money| (money.as_f64(), wage.to_string()))
}

/// Left margin and plot width of the wage chart, in SVG units.
const LEFT: f64 = 70.0;
const WIDTH: f64 = 600.0;
const ROW: f64 = 72.0;

/// The wage spread of the HIM occupations: a line from the 10th to the 90th percentile, a box
/// from the 25th to the 75th, a mark at the median, with each row's period, area and source
/// in a table below the chart.
#[must_use]
pub(super) fn wage_chart(wages: &[WageStatistics]) -> Markup {
    let rows: Vec<(HimOccupation, &WageStatistics)> = HimOccupation::all()
        .filter_map(|occupation| chart_row(wages, occupation).map(|row| (occupation, row)))
        .collect();
    if rows.is_empty() {
        return html! { p { "No wage figures for the HIM occupations are loaded." } };
    }
    let top = rows
        .iter()
        .filter_map(|(_, row)| {
            row.percentiles()
                .iter()
                .filter_map(|(_, wage)| wage.lower_bound())
                .max()
        })
        .max()
        .unwrap_or(Money::ZERO)
        .as_f64();
    // A scale in $50,000 steps past the highest figure.
    let step = 50_000.0;
    let scale = ((top / step).ceil() * step).max(step);
    let at = |dollars: f64| LEFT + dollars / scale * WIDTH;
    let height = ROW * rows.len() as f64 + 30.0;
    let ticks: Vec<f64> = (0..=((scale / step) as u32))
        .map(|index| f64::from(index) * step)
        .collect();
    html! {
        figure.wage-chart {
            svg viewBox=(format!("0 0 {} {height}", LEFT + WIDTH + 80.0)) role="img"
                aria-labelledby="wage-chart-caption" {
                @for tick in &ticks {
                    line.grid x1=(at(*tick)) x2=(at(*tick)) y1="0" y2=(height - 20.0) {}
                    text.tick x=(at(*tick)) y=(height - 6.0) text-anchor="middle" {
                        (format!("${}k", (*tick / 1000.0) as u64))
                    }
                }
                @for (index, (occupation, row)) in rows.iter().enumerate() {
                    @let y = ROW * index as f64;
                    @let p = row.percentiles();
                    text.row-label x="4" y=(y + 14.0) {
                        (format!("{} ({}) — {}, {}", occupation.title(), occupation.soc(), row.area(), row.period().label()))
                    }
                    @if let (Some((p10, p10_text)), Some((p90, p90_text))) = (dollars(p.get(Percentile::P10)), dollars(p.get(Percentile::P90))) {
                        line.whisker x1=(at(p10)) x2=(at(p90)) y1=(y + 34.0) y2=(y + 34.0) {}
                        text.value x=(at(p10) - 5.0) y=(y + 38.0) text-anchor="end" { (p10_text) }
                        text.value x=(at(p90) + 5.0) y=(y + 38.0) text-anchor="start" { (p90_text) }
                    }
                    @if let (Some((p25, _)), Some((p75, _))) = (dollars(p.get(Percentile::P25)), dollars(p.get(Percentile::P75))) {
                        rect.iqr x=(at(p25)) y=(y + 24.0) width=((at(p75) - at(p25)).max(1.0)) height="20" {
                            title { "25th to 75th percentile" }
                        }
                    }
                    @if let Some((median, median_text)) = dollars(p.get(Percentile::Median)) {
                        line.median x1=(at(median)) x2=(at(median)) y1=(y + 20.0) y2=(y + 48.0) {
                            title { (format!("median {median_text}")) }
                        }
                        text.value.median-value x=(at(median)) y=(y + 62.0) text-anchor="middle" { (median_text) }
                    }
                }
            }
            figcaption #wage-chart-caption {
                "Annual wages of the HIM occupations: the line spans the 10th to the 90th percentile, \
                 the box the 25th to the 75th, the mark is the median. ≥ marks a top-coded figure."
            }
            table.wage-sources {
                caption { "Figures and sources" }
                thead { tr { th scope="col" { "Occupation" } th scope="col" { "Area, period" }
                    th scope="col" { "10th" } th scope="col" { "Median" } th scope="col" { "90th" } th scope="col" { "Source" } } }
                tbody {
                    @for (occupation, row) in &rows {
                        @let p = row.percentiles();
                        tr {
                            td data-label="Occupation" { (occupation.title()) " (" (occupation.soc()) ")" }
                            td data-label="Area, period" { (row.area()) ", " (row.period().label()) }
                            td data-label="10th" { (dollars(p.get(Percentile::P10)).map_or_else(|| "–".to_owned(), |(_, text)| text)) }
                            td data-label="Median" { (dollars(p.get(Percentile::Median)).map_or_else(|| "–".to_owned(), |(_, text)| text)) }
                            td data-label="90th" { (dollars(p.get(Percentile::P90)).map_or_else(|| "–".to_owned(), |(_, text)| text)) }
                            td.source data-label="Source" { (row.provenance().source.as_str()) " (" (row.provenance().confidence) ")" }
                        }
                    }
                }
            }
        }
    }
}

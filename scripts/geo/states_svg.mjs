// Writes the page's map of the United States (web/static/states.svg): the state outlines of the
// Census Bureau's cartographic boundaries at 1:10,000,000 (the npm package us-atlas), simplified,
// drawn with d3's Albers USA projection (the lower 48 states, with Alaska and Hawaii as insets)
// in a 975 x 610 box. The server places campuses and the student's ZIP code on it with the same
// projection (himkit-web's map module); the points this script also writes
// (web/tests/fixtures/albers_usa_points.csv) are d3's answers, which a test holds it to.
//
//   node states_svg.mjs REPOSITORY_ROOT
import fs from 'node:fs';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { geoAlbersUsa, geoPath } from 'd3-geo';

const root = process.argv[2];
const atlas = JSON.parse(fs.readFileSync(new URL('./node_modules/us-atlas/states-10m.json', import.meta.url)));
// Territories (FIPS 60 and above) have no place in the Albers USA layout.
atlas.objects.states.geometries = atlas.objects.states.geometries.filter((state) => Number(state.id) < 60);
const weighted = presimplify(atlas);
// About the fifth of the points that shape the outlines most are kept: the states stay
// recognisable at the page's size, and the file small.
const simplified = simplify(weighted, quantile(weighted, 0.2));
// d3's own Albers USA, scaled to the box.
const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);
const path = geoPath(projection).digits(1);
const outline = path(mesh(simplified, simplified.objects.states, (a, b) => a === b));
const borders = path(mesh(simplified, simplified.objects.states, (a, b) => a !== b));
// The page uses the group by reference (`<use href="states.svg#outline">`) inside its own
// map, zoomed or not: non-scaling strokes keep the lines as thin at any zoom.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 975 610"><g id="outline">`
  + `<path d="${outline}" fill="#f4f6f9" stroke="#8a94a6" stroke-width="1" vector-effect="non-scaling-stroke"/>`
  + `<path d="${borders}" fill="none" stroke="#b8c0cc" stroke-width="1" vector-effect="non-scaling-stroke"/></g></svg>\n`;
fs.writeFileSync(`${root}/web/static/states.svg`, svg);

// Points to hold the server's projection to: campuses and ZIP codes in every part of the layout.
const points = [
  ['Columbus OH', -83.000706, 39.962260], ['Cincinnati OH', -84.5120, 39.1031], ['Seattle WA', -122.3321, 47.6062],
  ['Miami FL', -80.1918, 25.7617], ['Bangor ME', -68.7778, 44.8012], ['San Diego CA', -117.1611, 32.7157],
  ['Brownsville TX', -97.4975, 25.9017], ['Anchorage AK', -149.85784, 61.219998], ['Juneau AK', -134.4197, 58.3019],
  ['Honolulu HI', -157.8583, 21.3069], ['Hilo HI', -155.0868, 19.7241], ['San Juan PR', -66.1057, 18.4655],
  ['Hagatna GU', 144.7937, 13.4443],
];
const rows = points.map(([name, longitude, latitude]) => {
  const xy = projection([longitude, latitude]);
  return `${name},${longitude},${latitude},${xy ? xy[0].toFixed(4) : ''},${xy ? xy[1].toFixed(4) : ''}`;
});
fs.mkdirSync(`${root}/web/tests/fixtures`, { recursive: true });
fs.writeFileSync(`${root}/web/tests/fixtures/albers_usa_points.csv`, `name,longitude,latitude,x,y\n${rows.join('\n')}\n`);
console.error(`states.svg: ${svg.length} bytes`);

// Lists the ZIP Code Tabulation Areas whose internal point lies in another state's outline than
// the state their ZIP prefix is mailed in (data/geo/zip_prefix_states.csv): Alta, Wyoming has an
// Idaho prefix (83414), Fort Campbell's 42223 is a Kentucky ZIP whose point is in Tennessee. A
// student there may give either state. The outlines are the Census Bureau's cartographic
// boundaries at 1:10,000,000 as the npm package us-atlas publishes them, so a ZCTA on a border
// river can be listed although it is not split (accepting one more state is harmless); points
// outside every outline (small islands, coasts) keep their prefix state.
//
//   node other_states.mjs DATA_GEO_DIRECTORY > zcta_other_states.csv
import fs from 'node:fs';
import { feature } from 'topojson-client';
import { geoContains } from 'd3-geo';

const directory = process.argv[2];
const atlas = JSON.parse(fs.readFileSync(new URL('./node_modules/us-atlas/states-10m.json', import.meta.url)));
const outlines = feature(atlas, atlas.objects.states).features;
// us-atlas names states by FIPS code; the crate's tables by USPS code.
const uspsOfFips = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC',
  '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY',
  '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT',
  '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH',
  '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT',
  '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP',
  '72': 'PR', '78': 'VI',
};
const rows = (file) => fs.readFileSync(`${directory}/${file}`, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const prefixes = rows('zip_prefix_states.csv');
const prefixState = (zip) => prefixes.find(([first, last]) => first <= zip && zip <= last)?.[2];

const listed = [];
let outside = 0;
for (const [zip, latitude, longitude] of rows('zcta_centroids_2021.csv')) {
  const mailed = prefixState(zip);
  if (mailed === undefined) throw new Error(`${zip}: no state in zip_prefix_states.csv`);
  const within = outlines.filter((outline) => geoContains(outline, [Number(longitude), Number(latitude)]));
  if (within.length === 0) {
    outside += 1;
    continue;
  }
  const states = within.map((outline) => uspsOfFips[outline.id]);
  if (!states.includes(mailed)) listed.push(`${zip},${states[0]}`);
}
process.stdout.write(`zip,state\n${listed.join('\n')}\n`);
console.error(`${listed.length} ZCTAs lie in another state than their prefix's; ${outside} points outside every outline keep their prefix state`);

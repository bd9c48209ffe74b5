// Reads a `configspec sweep --format arrow` file with Apache Arrow's JavaScript implementation (a
// reader other than the Arrow Java library that wrote it) and, with --csv, checks it cell for cell
// against `sweep --format csv` of the same scenario (issue 21, acceptance 3).
//
//   mkdir -p /tmp/arrowjs && (cd /tmp/arrowjs && npm install apache-arrow@21.2.0)
//   NODE_PATH=/tmp/arrowjs/node_modules node app/bench/arrow-read-check.mjs sweep.arrow [--csv sweep.csv]
//
// Prints the rows, columns and record batches, the time to read the file and every value of every
// column, the time to read the CSV (when given) and whether every cell agrees. Exit 1 on a mismatch.
import { createRequire } from 'node:module';
import { readFileSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const { tableFromIPC } = require('apache-arrow'); // found through NODE_PATH

const args = process.argv.slice(2);
const arrowFile = args[0];
const csvAt = args.indexOf('--csv');
const csvFile = csvAt >= 0 ? args[csvAt + 1] : null;
if (!arrowFile) {
  console.error('usage: arrow-read-check.mjs FILE.arrow [--csv FILE.csv]');
  process.exit(2);
}

// 1. the Arrow file: every value of every column read once
let start = process.hrtime.bigint();
const table = tableFromIPC(readFileSync(arrowFile));
const names = table.schema.fields.map((f) => f.name);
const columns = table.batches.map((b) => ({ rows: b.numRows, vectors: names.map((n) => b.getChild(n)) }));
let nonNull = 0;
for (const { rows, vectors } of columns) {
  for (const v of vectors) {
    for (let r = 0; r < rows; r++) {
      if (v.get(r) !== null) nonNull++;
    }
  }
}
const arrowMs = Number(process.hrtime.bigint() - start) / 1e6;
console.log(
  `arrow: ${arrowFile}: ${table.numRows} rows, ${names.length} columns, ${table.batches.length} record batches, ` +
    `${nonNull} non-null values, read in ${arrowMs.toFixed(0)} ms (apache-arrow JS)`,
);
console.log(`arrow: scenario ${table.schema.metadata.get('configspec.scenario')}, ` +
  `goodputTokensPerSecond unit ${table.schema.fields.find((f) => f.name === 'goodputTokensPerSecond').metadata.get('unit')}`);

if (!csvFile) process.exit(0);

// 2. the CSV, cell for cell (RFC 4180: quoted cells may hold commas and doubled quotes)
function split(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cell); cell = ''; }
    else cell += ch;
  }
  out.push(cell);
  return out;
}

function same(cell, value) {
  if (value === null) return cell === '';
  switch (typeof value) {
    case 'string': return cell === value;
    case 'bigint': return BigInt(cell) === value;
    case 'boolean': return cell === String(value);
    default: return Number(cell) === value; // full-precision digits give back the same double
  }
}

start = process.hrtime.bigint();
const lines = createInterface({ input: createReadStream(csvFile), crlfDelay: Infinity });
let header = null;
let batch = 0;
let inBatch = 0;
let rows = 0;
let mismatches = 0;
for await (const line of lines) {
  if (header === null) {
    header = split(line);
    if (header.join(',') !== names.join(',')) {
      console.error(`CSV header differs from the Arrow schema:\n${header}\n${names}`);
      process.exit(1);
    }
    continue;
  }
  while (batch < columns.length && inBatch === columns[batch].rows) { batch++; inBatch = 0; }
  if (batch === columns.length) { mismatches++; break; }
  const cells = split(line);
  for (let c = 0; c < names.length; c++) {
    const value = columns[batch].vectors[c].get(inBatch);
    if (!same(cells[c], value)) {
      if (mismatches++ < 10) console.error(`row ${rows}, ${names[c]}: CSV '${cells[c]}', Arrow ${value}`);
    }
  }
  inBatch++;
  rows++;
}
const csvMs = Number(process.hrtime.bigint() - start) / 1e6;
const equal = mismatches === 0 && rows === table.numRows;
console.log(`csv: ${csvFile}: ${rows} rows read and compared in ${csvMs.toFixed(0)} ms; every cell equal: ${equal}`);
process.exit(equal ? 0 : 1);

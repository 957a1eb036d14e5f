#!/usr/bin/env node
// Peer benchmark: Microsoft Recognizers-Text (npm @microsoft/recognizers-text-suite, culture
// en-us) on the English text that `treaty extract` reads.
//
// Counts, on data/agreements/lv-ua-2024/en.txt:
//   money     recognizeCurrency results (typeName "currency") that have an amount; a currency
//             named without one ("Euro" of "Euro-Atlantic") is shown but not counted
//   date      recognizeDateTime results with typeName "datetimeV2.date" or "datetimeV2.daterange"
//   duration  recognizeDateTime results with typeName "datetimeV2.duration"
// Other datetime types (time, datetime, timerange, datetimerange, set) are not counted.
//
// Throughput: recognizeCurrency + recognizeDateTime over the English corpus (every
// tests/data/corpus/*.en.txt in name order, then en.txt, each followed by a blank line, repeated
// to >= 50 MiB), median of --runs runs, in MB/s (10^6 bytes per second of UTF-8 input). The
// library takes ~100 s per MB, so only a prefix of whole lines of --mb MB is timed (default 1).
// The median CPU time of the process is printed too: on a busy machine it is nearer than the
// wall-clock time to the time an idle machine gives.
//
// The text is passed one line at a time (the texts hold one paragraph per line); blank lines are
// skipped. The reference date for relative expressions is 11 April 2024.
//
// Usage: node recognizers_bench.js [--repo DIR] [--mb N] [--runs N] [--list]
//   --list  also lists what was found on en.txt (with currencies named without an amount).
'use strict';

const fs = require('fs');
const path = require('path');
const Recognizers = require('@microsoft/recognizers-text-suite');

const CULTURE = Recognizers.Culture.English;
const REFERENCE_DATE = new Date(2024, 3, 11);
const LARGE_INPUT_BYTES = 50 * 1024 * 1024;

function parseArgs(argv) {
  const args = { repo: path.resolve(__dirname, '..', '..'), mb: 1, runs: 5, list: false };
  for (let i = 0; i < argv.length; ++i) {
    const name = argv[i];
    if (name === '--list') { args.list = true; continue; }
    const value = argv[++i];
    if (name === '--repo' && value) args.repo = path.resolve(value);
    else if (name === '--mb' && Number(value) > 0) args.mb = Number(value);
    else if (name === '--runs' && Number.isInteger(Number(value)) && Number(value) > 0) {
      args.runs = Number(value);
    }
    else {
      console.error('usage: node recognizers_bench.js [--repo DIR] [--mb N] [--runs N] [--list]');
      process.exit(2);
    }
  }
  return args;
}

// The kind a result is counted as ('no amount' is reported, not counted), or null.
function kindOf(result) {
  switch (result.typeName) {
    case 'currency': return result.resolution.value === null ? 'no amount' : 'money';
    case 'datetimeV2.date': case 'datetimeV2.daterange': return 'date';
    case 'datetimeV2.duration': return 'duration';
    default: return null;
  }
}

// The resolved value, for --list: amount and currency, or the first TIMEX.
function valueOf(result) {
  const resolution = result.resolution;
  if (result.typeName === 'currency') return `${resolution.value} ${resolution.isoCurrency}`;
  return resolution.values[0].timex;
}

function recognize(line) {
  return Recognizers.recognizeCurrency(line, CULTURE)
    .concat(Recognizers.recognizeDateTime(line, CULTURE, Recognizers.DateTimeOptions.None, REFERENCE_DATE));
}

// Every corpus and bundled English text, each ending in a blank line, repeated to >= 50 MiB.
function largeInput(repo, enFile) {
  const corpus = path.join(repo, 'tests/data/corpus');
  const files = fs.readdirSync(corpus).filter((name) => name.endsWith('.en.txt')).sort()
    .map((name) => path.join(corpus, name)).concat([enFile]);
  const round = files.map((file) => fs.readFileSync(file, 'utf8').replace(/\n?$/, '\n\n')).join('');
  const repeats = Math.ceil(LARGE_INPUT_BYTES / Buffer.byteLength(round));
  return { text: round.repeat(repeats), files: files.length };
}

// Whole lines from the start of `text` until they hold >= `bytes` bytes.
function prefixLines(text, bytes) {
  const lines = [];
  let size = 0;
  for (const line of text.split('\n')) {
    if (size >= bytes) break;
    size += Buffer.byteLength(line) + 1;
    lines.push(line);
  }
  return { lines: lines.filter((line) => line.trim() !== ''), bytes: size };
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const enFile = path.join(args.repo, 'data/agreements/lv-ua-2024/en.txt');
  const version = require('@microsoft/recognizers-text-suite/package.json').version;
  console.log(`@microsoft/recognizers-text-suite ${version}, culture ${CULTURE}, Node ${process.version}`);

  // Counts on en.txt; this pass also loads the models and warms up the JIT before timing.
  const counts = { money: 0, 'no amount': 0, date: 0, duration: 0 };
  const types = {};
  const surfaces = [];
  fs.readFileSync(enFile, 'utf8').split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    for (const result of recognize(line)) {
      const kind = kindOf(result);
      if (!kind) continue;
      counts[kind] += 1;
      types[result.typeName] = (types[result.typeName] || 0) + 1;
      surfaces.push(`  ${String(index + 1).padStart(4)}  ${kind.padEnd(9)}  ${result.typeName.padEnd(20)}  ` +
        `${valueOf(result).padEnd(16)}  ${line.slice(result.start, result.end + 1)}`);
    }
  });
  console.log(`counts on ${path.relative(args.repo, enFile)}, one call per line:`);
  console.log(`  money     ${String(counts.money).padStart(4)}  recognizeCurrency: currency with an amount ` +
    `(${counts['no amount']} more without one, not counted)`);
  const typeCount = (type) => `${type} (${types[type] || 0})`;
  console.log(`  date      ${String(counts.date).padStart(4)}  recognizeDateTime: ` +
    `${typeCount('datetimeV2.date')} + ${typeCount('datetimeV2.daterange')}`);
  console.log(`  duration  ${String(counts.duration).padStart(4)}  recognizeDateTime: datetimeV2.duration`);
  if (args.list) {
    console.log('  line  kind       type                  value             surface');
    surfaces.forEach((surface) => console.log(surface));
  }

  const large = largeInput(args.repo, enFile);
  const largeBytes = Buffer.byteLength(large.text);
  const prefix = prefixLines(large.text, args.mb * 1e6);
  const times = [];
  const cpuTimes = [];
  for (let run = 0; run < args.runs; ++run) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const line of prefix.lines) recognize(line);
    times.push(seconds(start));
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1e6);
  }
  const time = median(times);
  const mb = (bytes) => (bytes / 1e6).toPrecision(3);
  const range = `${Math.min(...times).toFixed(2)}-${Math.max(...times).toFixed(2)}`;
  console.log(`throughput, recognizeCurrency + recognizeDateTime per line, ${args.runs} runs; measured on ` +
    `the first ${mb(prefix.bytes)} MB of the ${mb(largeBytes)} MB corpus (${large.files} English texts repeated):`);
  console.log(`  recognizers/en/${args.mb}MB  ${prefix.bytes} bytes  median ${time.toFixed(2)} s (${range}), ` +
    `CPU ${median(cpuTimes).toFixed(2)} s  ${(prefix.bytes / 1e6 / time).toFixed(4)} MB/s`);
}

main();

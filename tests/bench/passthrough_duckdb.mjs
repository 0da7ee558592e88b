// DuckDB's pass-through of a JSON Lines file: the peer of jsonl-pass in tests/bench/run.sh.
//
//   node passthrough_duckdb.mjs FILE            records as DuckDB rows, written back as JSON
//   node passthrough_duckdb.mjs --objects FILE  records as validated JSON text, written unchanged
//   node passthrough_duckdb.mjs --version
//
// Both write JSON Lines on standard output, in the input order, and fail on a malformed record.
// The whole job runs inside DuckDB (COPY ... TO '/dev/stdout'): no row crosses into JavaScript,
// so the figure is DuckDB's, not Node's. DuckDB uses every core (its default threads setting).
//
// - Default: read_json_auto infers a schema from a sample, parses each record into columns and
//   COPY ... (FORMAT JSON) serialises them again. This is what a DuckDB user writes, but it does
//   more than jsonl-pass: the output is not byte-identical (a field a record lacks comes back
//   as null, so it is larger than the input).
// - --objects: read_json_objects parses each record (it rejects malformed JSON) and hands over
//   its original text, which a one-column CSV without quoting writes out unchanged: the same job
//   as jsonl-pass, byte for byte, and DuckDB's fastest way to do it.
//
// run.sh installs @duckdb/node-api under the build directory and runs a copy of this file from
// there, so that the import resolves.
import duckdb from '@duckdb/node-api';

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  console.log(duckdb.version());
  process.exit(0);
}
const objects = args[0] === '--objects';
const files = objects ? args.slice(1) : args;
if (files.length !== 1 || files[0].startsWith('-')) {
  console.error('usage: node passthrough_duckdb.mjs [--objects] FILE | --version');
  process.exit(2);
}

const file = `'${files[0].replaceAll("'", "''")}'`;
const sql = objects
  ? `COPY (SELECT json FROM read_json_objects(${file}, format = 'newline_delimited') AS t(json))
     TO '/dev/stdout' (FORMAT CSV, HEADER false, QUOTE '', ESCAPE '')`
  : `COPY (SELECT * FROM read_json_auto(${file}, format = 'newline_delimited'))
     TO '/dev/stdout' (FORMAT JSON)`;

const instance = await duckdb.DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  await connection.run(sql);
} catch (error) {
  console.error(`passthrough_duckdb: ${error.message}`);
  process.exitCode = 1;
} finally {
  connection.closeSync();
  instance.closeSync();
}

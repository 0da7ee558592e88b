// DuckDB's inner join of two JSON Lines files: the peer of entity-join in
// tests/bench/entity_join_speed.sh.
//
//   node join_duckdb.mjs LEFT REF LEFT_KEY RIGHT_KEY   the records of LEFT whose LEFT_KEY equals
//                                                      some row's RIGHT_KEY in REF, one line per
//                                                      pair: the record's fields, then the row
//                                                      under "match"
//   node join_duckdb.mjs --version
//
// What a DuckDB user writes: read_json_auto infers both schemas from a sample and parses each
// file into columns, the join is DuckDB's hash join, and COPY ... (FORMAT JSON) writes the
// pairs as JSON Lines on standard output (in no particular order). The whole job runs inside
// DuckDB: no row crosses into JavaScript, so the figure is DuckDB's, not Node's. DuckDB uses
// every core (its default threads setting).
//
// entity_join_speed.sh installs @duckdb/node-api under the build directory (with run.sh's
// package.json) and runs a copy of this file from there, so that the import resolves.
import duckdb from '@duckdb/node-api';

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  console.log(duckdb.version());
  process.exit(0);
}
if (args.length !== 4 || args.some((arg) => arg.startsWith('-'))) {
  console.error('usage: node join_duckdb.mjs LEFT REF LEFT_KEY RIGHT_KEY | --version');
  process.exit(2);
}

const literal = (text) => `'${text.replaceAll("'", "''")}'`;
const column = (name) => `"${name.replaceAll('"', '""')}"`;
const [left, ref, leftKey, rightKey] = args;
const sql = `COPY (
    SELECT l.*, r AS match
    FROM read_json_auto(${literal(left)}, format = 'newline_delimited') AS l
    JOIN read_json_auto(${literal(ref)}, format = 'newline_delimited') AS r
      ON l.${column(leftKey)} = r.${column(rightKey)})
  TO '/dev/stdout' (FORMAT JSON)`;

const instance = await duckdb.DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  await connection.run(sql);
} catch (error) {
  console.error(`join_duckdb: ${error.message}`);
  process.exitCode = 1;
} finally {
  connection.closeSync();
  instance.closeSync();
}

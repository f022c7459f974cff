import pg from "pg";
import { closeDatabase, openDatabase } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";
import { seedId } from "@/server/seed/random";
import { seed, SEED_YEARS } from "@/server/seed/seed";

// `npm run bench:data -- --districts 100 --years 3`: a province-scale database for `npm run bench`.
//
// It (re)creates a dedicated database (bpm_bench, or BENCH_DB starting with "bpm_bench") on the server
// DATABASE_URL names, migrates it and loads the demo district (about 1,300 projects a year with their
// target sheets, monitoring reports, self-evaluations, sampled reviews, rectification items …). Then
// it copies that district into districts 2‥N with one INSERT … SELECT per table over
// generate_series(2, N): ids are remapped by md5(id, district), codes and user names get the
// district's prefix, so every district holds the demo's data in the demo's proportions, with its own
// self-evaluation and monitoring rounds, sampling batches, expert groups and summary plans (each
// district runs its own). Year-level settings (fiscal years, indicator library, evaluation templates)
// stay shared by the province. A province finance bureau (no district) with `province_admin` and
// `province_leader` reads all districts.

/** Rows shared by the whole province (year-level settings) or tied to one process: never copied. */
const SHARED = new Set([
  "districts",
  "fiscal_years",
  "library_indicators",
  "evaluation_templates",
  "evaluation_template_items",
  "payment_imports",
  "audit_log",
  "audit_chain",
  "user_sessions",
  "user_recovery_codes",
  "attachments",
  // The aggregate cache's version counters (one row per slot, not per district).
  "cache_epoch",
]);

/** Text columns that must stay unique: each copy gets its district's prefix or suffix. */
const UNIQUE_TEXT: Record<string, Record<string, (k: string) => string>> = {
  organisations: { code: (k) => `'D' || ${k} || '-' || code` },
  users: { username: (k) => `'d' || ${k} || '_' || username` },
  projects: { code: (k) => `'D' || ${k} || '-' || code` },
};

const districtIdOf = (k: string) => `md5('district:' || ${k})::uuid`;

function parseArgs(argv: string[]) {
  const out: { districts: number; years: number } = { districts: 100, years: SEED_YEARS.length };
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    if (argv[i] === "--districts") out.districts = value;
    else if (argv[i] === "--years") out.years = value;
    else continue;
    i++;
  }
  if (!Number.isInteger(out.districts) || out.districts < 1 || out.districts > 999)
    throw new Error("--districts must be a whole number from 1 to 999");
  if (out.years !== SEED_YEARS.length)
    throw new Error(
      `--years: the district template holds the demo's ${SEED_YEARS.length} years (${SEED_YEARS.join(", ")})`,
    );
  return out;
}

type Column = { name: string; type: string; fkShared: boolean };

async function tableColumns(client: pg.Client): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table: string; column: string; type: string; ref: string | null }>(`
    select c.table_name as table, c.column_name as column, c.udt_name as type,
      (select cl.relname from pg_constraint k join pg_class cl on cl.oid = k.confrelid
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
        where k.contype = 'f' and k.conrelid = (quote_ident(c.table_name))::regclass
          and a.attname = c.column_name and array_length(k.conkey, 1) = 1 limit 1) as ref
    from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.is_generated = 'NEVER'
    order by c.table_name, c.ordinal_position`);
  const out = new Map<string, Column[]>();
  for (const r of rows) {
    const list = out.get(r.table) ?? [];
    list.push({ name: r.column, type: r.type, fkShared: r.ref !== null && SHARED.has(r.ref) });
    out.set(r.table, list);
  }
  return out;
}

/** The SELECT list that turns a demo row into district k's copy. */
function copyExpression(table: string, col: Column, k: string): string {
  const q = `"${col.name}"`;
  const text = UNIQUE_TEXT[table]?.[col.name];
  if (text) return text(k);
  if (col.name === "district_id") return `case when ${q} is null then null else ${districtIdOf(k)} end`;
  // Ids of copied rows (own id, references to copied tables, polymorphic entity ids) are remapped;
  // references to shared rows (fiscal years' templates, the indicator library) stay.
  if (col.type === "uuid" && !col.fkShared) return `md5(${q}::text || ':' || ${k})::uuid`;
  return q;
}

async function main() {
  const { districts, years } = parseArgs(process.argv.slice(2));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error(
      "[bench:data] DATABASE_URL must name a PostgreSQL server (the embedded database is not for this)",
    );
    process.exit(2);
  }
  const dbName = process.env.BENCH_DB ?? "bpm_bench";
  if (!/^bpm_bench\w*$/.test(dbName)) throw new Error("BENCH_DB must start with bpm_bench");
  const started = Date.now();
  const lap = (label: string, since: number) =>
    console.log(`[bench:data] ${label} (${((Date.now() - since) / 1000).toFixed(1)} s)`);

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;

  let t = Date.now();
  const handle = openDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  const demo = await seed(handle.db);
  await handle.close();
  await closeDatabase();
  lap(`demo district: ${demo.projects} projects over ${years} years`, t);

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  // The copy is consistent by construction: skip foreign-key checks and row triggers while it runs.
  await client.query("set session_replication_role = replica");
  await client.query("set maintenance_work_mem = '256MB'");
  await client.query("set work_mem = '64MB'");
  const N = districts;

  t = Date.now();
  await client.query("begin");
  await client.query(
    `insert into districts (id, code, name, sort_order)
     select ${districtIdOf("k")}, (330000 + k)::text, '第' || k || '区', k from generate_series(2, $1::int) k`,
    [N],
  );
  const columns = await tableColumns(client);
  for (const table of columns.keys()) {
    if (SHARED.has(table) || table.startsWith("__")) continue;
    const cols = columns.get(table);
    if (!cols) continue;
    const [{ n }] = (await client.query<{ n: string }>(`select count(*) n from "${table}"`)).rows as [
      { n: string },
    ];
    if (Number(n) === 0 || N < 2) continue;
    const tt = Date.now();
    // Secondary indexes are dropped for the bulk copy and built again afterwards: far cheaper than
    // maintaining them row by row.
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(x.indexrelid) as def from pg_index x
       join pg_class i on i.oid = x.indexrelid
       where x.indrelid = $1::regclass and not x.indisprimary
         and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
      [table],
    );
    for (const ix of indexes) await client.query(`drop index "${ix.name}"`);
    const names = cols.map((c) => `"${c.name}"`).join(", ");
    const select = cols.map((c) => copyExpression(table, c, "k")).join(", ");
    await client.query(
      `insert into "${table}" (${names}) select ${select} from "${table}" cross join generate_series(2, $1::int) k`,
      [N],
    );
    for (const ix of indexes) await client.query(ix.def);
    if (Date.now() - tt > 2000) lap(`${table}: ${(Number(n) * N).toLocaleString("en")} rows`, tt);
  }
  // The province: a finance bureau without a district, its performance division, an administrator and a leader.
  await client.query(`
    insert into organisations (id, kind, code, name, district_id)
      values (md5('org:province')::uuid, 'FINANCE_BUREAU', 'PROV-CZT', '省财政厅', null);
    insert into organisations (id, kind, code, name, parent_id, district_id)
      values (md5('org:province:jx')::uuid, 'FINANCE_DIVISION', 'PROV-CZT-JX', '预算绩效管理处', md5('org:province')::uuid, null);
    insert into users (id, username, display_name, password_hash, role, org_id)
      select md5('user:province_admin')::uuid, 'province_admin', '省厅绩效管理员', password_hash, 'FINANCE_ADMIN'::role, md5('org:province:jx')::uuid
        from users where id = '${seedId("user:finance_admin")}'
      union all
      select md5('user:province_leader')::uuid, 'province_leader', '省厅领导', password_hash, 'LEADER'::role, md5('org:province')::uuid
        from users where id = '${seedId("user:finance_admin")}';`);
  await client.query("commit");
  lap(`copied the demo district into ${N - 1} more`, t);

  t = Date.now();
  await client.query("analyze");
  lap("analyze", t);
  const { rows: sizes } = await client.query<{ table: string; rows: string }>(
    `select relname as table, n_live_tup::text as rows from pg_stat_user_tables where schemaname = 'public' and n_live_tup > 0 order by n_live_tup desc`,
  );
  const total = sizes.reduce((s, r) => s + Number(r.rows), 0);
  const [{ size }] = (
    await client.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) size`)
  ).rows as [{ size: string }];
  await client.end();
  console.log(
    `[bench:data] ${dbName}: ${N} districts × ${years} years, ${total.toLocaleString("en")} rows, ${size}`,
  );
  for (const r of sizes.slice(0, 15))
    console.log(`  ${r.table.padEnd(32)} ${Number(r.rows).toLocaleString("en").padStart(12)}`);
  console.log(`[bench:data] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { newPglite } from "./pglite";
import pg from "pg";

// No "server-only" guard: `npm run backup` and `npm run restore` run this outside Next.

const run = promisify(execFile);

export class BackupError extends Error {}

/** 20261127-073512: sorts by time, safe in any file system. */
export function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(
    d.getUTCMinutes(),
  )}${p(d.getUTCSeconds())}`;
}

/**
 * A connection URL split for the PostgreSQL tools: the password goes in PGPASSWORD, never on the
 * command line, where any local user could read it in the process list.
 */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv; name: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return {
    dbname: u.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env },
    name: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') v");
    return Math.floor(Number(rows[0]!.v) / 10000);
  } finally {
    await client.end();
  }
}

async function toolMajor(bin: string): Promise<number | null> {
  try {
    const { stdout } = await run(bin, ["--version"]);
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The pg_dump or pg_restore to use with a server of the given major version: PG_BIN_DIR if set, else
 * the Debian per-version folder of the server's own version, else the one on the PATH. A tool older
 * than the server cannot read it and is refused; a newer pg_dump can dump an older server, but its
 * archive may hold statements an older server does not know, so the matching version is preferred.
 */
export async function findTool(
  tool: "pg_dump" | "pg_restore",
  major: number,
): Promise<{ bin: string; major: number; warning?: string }> {
  const candidates = [
    process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, tool) : null,
    `/usr/lib/postgresql/${major}/bin/${tool}`,
    tool,
  ].filter((c): c is string => c !== null);
  let newer: { bin: string; major: number } | null = null;
  let older: number | null = null;
  for (const bin of candidates) {
    if (bin.includes("/") && !fs.existsSync(bin)) continue;
    const v = await toolMajor(bin);
    if (v === null) continue;
    if (v === major) return { bin, major: v };
    if (v > major) newer ??= { bin, major: v };
    else older ??= v;
  }
  if (newer)
    return {
      ...newer,
      warning: `${tool} ${newer.major} is newer than the server (${major}); the matching version is preferred (set PG_BIN_DIR)`,
    };
  throw new BackupError(
    older === null
      ? `${tool} was not found: install the PostgreSQL client tools (version ${major}) or set PG_BIN_DIR`
      : `${tool} ${older} is older than the server (${major}) and cannot read it: install the version ${major} client tools or set PG_BIN_DIR`,
  );
}

export type BackupResult = { file: string; kind: "pg" | "pglite"; bytes: number; warning?: string };

/** pg_dump in custom format (compressed, restorable table by table) of the database at `url`. */
export async function backupServer(url: string, backupDir: string): Promise<BackupResult> {
  const major = await serverMajor(url);
  const tool = await findTool("pg_dump", major);
  const conn = toolConnection(url);
  fs.mkdirSync(backupDir, { recursive: true });
  const file = path.resolve(backupDir, `bpm-pg-${conn.name}-${timestamp()}.dump`);
  const partial = `${file}.partial`;
  try {
    // One snapshot for the whole dump (pg_dump's own transaction): the audit chain and the records it
    // describes are consistent with each other, even while the app keeps writing.
    await run(
      tool.bin,
      ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${conn.dbname}`],
      {
        env: conn.env,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(
      `pg_dump failed: ${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}`,
    );
  }
  // Only a finished dump gets its final name: a file named .dump is never a cut-off one.
  fs.renameSync(partial, file);
  return { file, kind: "pg", bytes: fs.statSync(file).size, warning: tool.warning };
}

/**
 * The embedded database's folder as one gzipped tar, written by PGlite itself (dumpDataDir), so the
 * copy is of a cleanly opened database. The app must not be running on the same folder: PGlite is one
 * process's database and two processes on one folder would corrupt it.
 */
export async function backupEmbedded(dataDir: string, backupDir: string): Promise<BackupResult> {
  const dir = path.resolve(dataDir);
  if (!fs.existsSync(path.join(dir, "PG_VERSION")))
    throw new BackupError(`no embedded database in ${dir} (PGLITE_DIR)`);
  const client = newPglite(dir);
  let data: Blob;
  try {
    await client.waitReady;
    // A checkpoint first, so every committed change is in the data files the tar holds.
    await client.exec("checkpoint");
    data = await client.dumpDataDir("gzip");
  } finally {
    await client.close();
  }
  fs.mkdirSync(backupDir, { recursive: true });
  const file = path.resolve(backupDir, `bpm-pglite-${timestamp()}.tar.gz`);
  fs.writeFileSync(`${file}.partial`, Buffer.from(await data.arrayBuffer()));
  fs.renameSync(`${file}.partial`, file);
  return { file, kind: "pglite", bytes: fs.statSync(file).size };
}

export type RestoreResult = { kind: "pg" | "pglite"; target: string; movedAside?: string; warning?: string };

async function userTableCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select count(*) n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
  );
  return Number(rows[0]!.n);
}

/**
 * pg_restore a custom-format dump into the database at `url`. A database that already holds tables is
 * refused unless `force`, which drops its public and drizzle schemas first (the whole application).
 */
export async function restoreServer(url: string, file: string, force: boolean): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`backup file not found: ${file}`);
  const conn = toolConnection(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await userTableCount(client)) > 0) {
      if (!force)
        throw new BackupError(
          `database ${conn.name} is not empty: restore into a new, empty database, or add --force to replace its contents`,
        );
      await client.query("drop schema if exists drizzle cascade");
      await client.query("drop schema if exists public cascade");
      await client.query("create schema public");
    }
  } finally {
    await client.end();
  }
  const tool = await findTool("pg_restore", await serverMajor(url));
  try {
    // One transaction: a restore that fails part-way leaves the database as it was (empty).
    await run(
      tool.bin,
      [
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        `--dbname=${conn.dbname}`,
        file,
      ],
      { env: conn.env, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (e) {
    throw new BackupError(
      `pg_restore failed: ${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}`,
    );
  }
  return { kind: "pg", target: conn.name, warning: tool.warning };
}

/**
 * Unpack an embedded backup into `dataDir`. A folder that already holds files is refused unless
 * `force`, which moves it aside (never deletes it) to `<folder>.replaced-<time>`.
 */
export async function restoreEmbedded(dataDir: string, file: string, force: boolean): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`backup file not found: ${file}`);
  const dir = path.resolve(dataDir);
  let movedAside: string | undefined;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    if (!force)
      throw new BackupError(
        `${dir} is not empty: restore into an empty folder (PGLITE_DIR), or add --force to move the current one aside`,
      );
    movedAside = `${dir}.replaced-${timestamp()}`;
    fs.renameSync(dir, movedAside);
  }
  fs.mkdirSync(dir, { recursive: true });
  const client = newPglite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  try {
    await client.waitReady;
    await client.query("select 1");
  } finally {
    await client.close();
  }
  return { kind: "pglite", target: dir, movedAside };
}

export type AttachmentStorageSettings = {
  STORAGE: "local" | "s3";
  UPLOAD_DIR: string;
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION: string;
};

/**
 * What a backup of the database leaves out: the attachments' bytes, wherever the STORAGE setting
 * keeps them. `npm run backup` and `npm run restore` print it, so nobody takes the dump for the whole.
 */
export function attachmentsNote(settings: AttachmentStorageSettings): string {
  if (settings.STORAGE === "s3") {
    const where = settings.S3_ENDPOINT ?? `AWS S3 (${settings.S3_REGION})`;
    return (
      `attachments are not in this file: they are in the bucket "${settings.S3_BUCKET}" at ${where}. ` +
      `Back the bucket up with the store's own tools (versioning, replication, or a mirror such as ` +
      `"mc mirror" / "aws s3 sync" to a second store) / 附件不在此备份中：附件在对象存储桶 ` +
      `${settings.S3_BUCKET} 中，请用对象存储自身的版本控制、复制或镜像备份`
    );
  }
  return (
    `attachments are not in this file: copy the folder ${path.resolve(settings.UPLOAD_DIR)} (UPLOAD_DIR) ` +
    `right after the dump / 附件不在此备份中：请紧接着备份附件文件夹 UPLOAD_DIR`
  );
}

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/env";

let cached: string | undefined;

/**
 * The key that signs session tokens: NEXTAUTH_SECRET when set, otherwise a random key made on first
 * start and kept beside the data, so a demo install needs no configuration and no secret is committed.
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.AUTH_SECRET_FILE ?? "./data/auth-secret");
  try {
    cached = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  } catch {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32).toString("base64url");
    // Written aside, then linked into place: instances starting together on a shared folder never read
    // a half-written key, and the first link wins.
    const tmp = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(/*turbopackIgnore: true*/ tmp, fresh, { flag: "wx", mode: 0o600 });
    try {
      fs.linkSync(/*turbopackIgnore: true*/ tmp, file);
      cached = fresh;
    } catch {
      cached = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim(); // another process wrote it first
    } finally {
      fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
    }
  }
  return cached!;
}

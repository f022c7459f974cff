import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";

// Two-factor sign-in with time-based one-time passwords (RFC 6238): SHA-1, 6 digits, 30-second
// steps, the settings every authenticator app reads from the enrolment QR code.
export const TOTP_ISSUER = "预算绩效管理系统";
const PERIOD = 30;
/** Steps either side of now that are accepted, for a phone clock a little off. */
export const TOTP_WINDOW = 1;

function totp(secret: string, label = "user"): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret (160 bits), base32 as the apps show it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address the enrolment QR code carries. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The time step a moment falls in. */
export const totpStep = (at: Date) => Math.floor(at.getTime() / 1000 / PERIOD);

/**
 * The time step a code belongs to, if it is right for `now` within the window and newer than the
 * last step already used (a code, once accepted, cannot be replayed); otherwise null.
 */
export function matchTotp(
  secret: string,
  code: string,
  { now = new Date(), lastStep = null }: { now?: Date; lastStep?: number | null } = {},
): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

// Recovery codes: ten random codes of 10 base32 characters (50 bits), shown once, stored as hashes.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** Case, spaces and the dash do not matter when a recovery code is typed. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return crypto
    .createHash("sha256")
    .update(`recovery:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

export const looksLikeRecoveryCode = (code: string) => normalizeRecoveryCode(code).length === 10;

// The secret is stored encrypted (AES-256-GCM) under a key derived from the deployment's secret,
// so a copy of the database alone does not give away anyone's second factor.
function key(appSecret: string): Buffer {
  return crypto.createHash("sha256").update(`totp-secret:${appSecret}`).digest();
}

export function sealSecret(secret: string, appSecret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(appSecret), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

export function openSecret(sealed: string, appSecret: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("unreadable two-factor secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(appSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

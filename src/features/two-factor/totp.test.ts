import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  sealSecret,
  totpStep,
  totpUri,
} from "./totp";

const secret = newTotpSecret();
const at = new Date("2026-11-27T04:00:10Z"); // 10 s into its 30-second step
const codeAt = (when: Date, s = secret) =>
  new TOTP({ secret: Secret.fromBase32(s), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: when.getTime(),
  });
const shift = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe("TOTP verification (RFC 6238)", () => {
  it("matches the RFC 6238 SHA-1 test vector", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082.
    const rfcSecret = new Secret({ buffer: new TextEncoder().encode("12345678901234567890").buffer }).base32;
    expect(matchTotp(rfcSecret, "287082", { now: new Date(59_000) })).toBe(1);
  });

  it("accepts the current code and the codes one step either side, nothing further", () => {
    expect(matchTotp(secret, codeAt(at), { now: at })).toBe(totpStep(at));
    expect(matchTotp(secret, codeAt(shift(-30)), { now: at })).toBe(totpStep(at) - 1);
    expect(matchTotp(secret, codeAt(shift(30)), { now: at })).toBe(totpStep(at) + 1);
    expect(matchTotp(secret, codeAt(shift(-60)), { now: at })).toBeNull();
    expect(matchTotp(secret, codeAt(shift(60)), { now: at })).toBeNull();
  });

  it("refuses a code already used, or older than the last one used", () => {
    const step = matchTotp(secret, codeAt(at), { now: at })!;
    expect(matchTotp(secret, codeAt(at), { now: at, lastStep: step })).toBeNull();
    expect(matchTotp(secret, codeAt(shift(-30)), { now: at, lastStep: step })).toBeNull();
    expect(matchTotp(secret, codeAt(shift(30)), { now: at, lastStep: step })).toBe(step + 1);
  });

  it("refuses another secret's code and anything that is not six digits", () => {
    expect(matchTotp(secret, codeAt(at, newTotpSecret()), { now: at })).toBeNull();
    expect(matchTotp(secret, "", { now: at })).toBeNull();
    expect(matchTotp(secret, "12345", { now: at })).toBeNull();
    expect(matchTotp(secret, `${codeAt(at)}0`, { now: at })).toBeNull();
    expect(matchTotp(secret, "abcdef", { now: at })).toBeNull();
    const spaced = codeAt(at).replace(/^(\d{3})/, "$1 ");
    expect(matchTotp(secret, spaced, { now: at })).toBe(totpStep(at));
  });

  it("puts the issuer, account and secret in the enrolment address", () => {
    const uri = new URL(totpUri(secret, "finance_admin"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain("finance_admin");
    expect(uri.searchParams.get("issuer")).toBe("预算绩效管理系统");
  });
});

describe("recovery codes and the stored secret", () => {
  it("makes ten different codes whose hash ignores case, spaces and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(codes[0]!));
    expect(hashRecoveryCode(codes[0]!)).not.toBe(hashRecoveryCode(codes[1]!));
  });

  it("seals the secret so only the deployment's key opens it, and a changed byte is refused", () => {
    const sealed = sealSecret(secret, "key-one-0123456789");
    expect(sealed).not.toContain(secret);
    expect(openSecret(sealed, "key-one-0123456789")).toBe(secret);
    expect(() => openSecret(sealed, "key-two-0123456789")).toThrow();
    const parts = sealed.split(".");
    parts[3] = parts[3]!.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    expect(() => openSecret(parts.join("."), "key-one-0123456789")).toThrow();
  });
});

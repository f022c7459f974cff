import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, refusesServerAction, securityHeaders } from "./headers";

describe("security headers", () => {
  it("allows scripts only with the response's nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("sends nosniff, a strict referrer policy and DENY framing; HSTS only over HTTPS", () => {
    const plain = securityHeaders({ nonce: "n", https: false });
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(plain["X-Frame-Options"]).toBe("DENY");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });

  it("refuses a server action without an Origin header, not one with it nor an ordinary post", () => {
    const action = new Headers({ "next-action": "abc" });
    expect(refusesServerAction("POST", action)).toBe(true);
    action.set("origin", "http://localhost:3000");
    expect(refusesServerAction("POST", action)).toBe(false);
    expect(refusesServerAction("POST", new Headers())).toBe(false);
    expect(refusesServerAction("GET", new Headers({ "next-action": "abc" }))).toBe(false);
  });

  it("makes a fresh nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

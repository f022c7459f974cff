import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.describe("web hardening", () => {
  test("every page carries a nonce-based CSP and the hardening headers, and nothing is blocked", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    const login = await page.goto("/login");
    const h = login!.headers();
    expect(h["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
    );
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-powered-by"]).toBeUndefined();
    // The nonce changes with every response, and Next's scripts carry it.
    const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"]!)![1]!;
    const again = (await page.request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toContain(nonce);
    const stamped = await page.locator("script[nonce]").count();
    expect(stamped).toBeGreaterThan(0);

    // Signing in, the dashboard with its charts and a list page all run under the policy.
    await signIn(page, "finance_admin");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/projects");
    await expect(page.getByRole("table").first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a server action posted without an Origin header is refused", async ({ request, baseURL }) => {
    const bare = await request.post("/dashboard", {
      headers: { "Next-Action": "0".repeat(40), "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(bare.status()).toBe(403);
    const withOrigin = await request.post("/dashboard", {
      headers: {
        "Next-Action": "0".repeat(40),
        Origin: baseURL!,
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(withOrigin.status()).not.toBe(403);
  });
});

import { NextResponse, type NextRequest } from "next/server";
import { newNonce, refusesServerAction, securityHeaders } from "./server/security/headers";

// Runs before every request: refuses a server action posted without an Origin header, and gives
// each response its CSP nonce and the hardening headers. The nonce travels to Next on the request's
// CSP header, from which Next stamps its own scripts.
export function proxy(request: NextRequest) {
  if (refusesServerAction(request.method, request.headers)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const nonce = newNonce();
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = securityHeaders({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Static assets need no nonce; everything else (pages, actions, route handlers) gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};

import { NextResponse, type NextRequest } from "next/server";
import { DOCUMENT_PATH_HEADER } from "@/features/account/paths";

// Layouts are not told the path they render. The (app) layout needs it for one decision: an account
// that must change its password is redirected to /account/password from any other page
// (features/account/password-change-gate.tsx). Passed as a request header set here, for full page
// loads only: client-side navigation and server actions are left to the browser half of the gate.
// A value the browser sends under the same name is always dropped.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(DOCUMENT_PATH_HEADER);
  if (isDocumentLoad(request)) headers.set(DOCUMENT_PATH_HEADER, request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}

// Next hides its own navigation headers (RSC, _rsc) from the proxy, so tell a page load by what the
// browser says it fetches: a document (Fetch Metadata), or, from browsers without it, HTML.
function isDocumentLoad(request: NextRequest): boolean {
  if (request.method !== "GET") return false;
  const dest = request.headers.get("sec-fetch-dest");
  if (dest) return dest === "document";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

export const config = {
  // Pages only: not the static files, images or the auth API.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};

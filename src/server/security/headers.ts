// Security headers for every response (等保 2.0 web hardening): a Content-Security-Policy whose scripts
// run only with this response's nonce, no framing, no MIME sniffing, a strict referrer policy, and HSTS
// when the request came over HTTPS. Pure functions, so the rules are unit-tested without a server.

export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // Next's bootstrap and page scripts carry the nonce; 'strict-dynamic' lets them load the chunks.
    // Development needs eval for React's debugging tools.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles: React and recharts set style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(args: {
  nonce: string;
  https: boolean;
  dev?: boolean;
}): Record<string, string> {
  const h: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(args.nonce, args.dev),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (args.https) h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return h;
}

/**
 * A server action is a POST carrying a Next-Action header. Next refuses one whose Origin differs from
 * the host (or the allowed origins); one without an Origin header at all is refused here, since every
 * browser sends it on a POST.
 */
export function refusesServerAction(method: string, headers: Headers): boolean {
  return method === "POST" && headers.has("next-action") && !headers.get("origin");
}

/** A nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

import { createHash, createHmac } from "node:crypto";

// AWS Signature Version 4, header form, as S3 and S3-compatible stores (MinIO, Ceph RGW, OSS, COS…)
// read it. Pure functions, no I/O: the S3 store signs with them and the tests check them against
// AWS's published examples. No "server-only" guard: the in-test S3 server verifies with them too.

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export type SigV4Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export type SigV4Request = {
  method: string;
  /** The path as sent, already in canonical form (each segment URI-encoded once: see `encodeKey`). */
  path: string;
  /** Query parameters, decoded; sorted and encoded here. */
  query?: Record<string, string>;
  /** Every header to sign, including host and x-amz-date; names in any case. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body, or "UNSIGNED-PAYLOAD". */
  payloadHash: string;
  /** 20130524T000000Z: the same value as the x-amz-date header. */
  amzDate: string;
  region: string;
  service: string;
};

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - . _ ~ stay as they are. */
export function uriEncode(value: string, keepSlash = false): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === "/")) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** An object key as it appears in the path: every segment encoded, the slashes kept. */
export const encodeKey = (key: string) => uriEncode(key, true);

export function canonicalQuery(query: Record<string, string> = {}): string {
  return Object.entries(query)
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** The date in the compact form of x-amz-date. */
export const amzDateOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
}

export type SigV4Result = {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  authorization: string;
};

export function signRequest(request: SigV4Request, credentials: SigV4Credentials): SigV4Result {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, " ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(";");
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.path,
    canonicalQuery(request.query),
    headers.map(([name, value]) => `${name}:${value}\n`).join(""),
    signedHeaders,
    request.payloadHash,
  ].join("\n");
  const date = request.amzDate.slice(0, 8);
  const scope = `${date}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", request.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signature = createHmac(
    "sha256",
    signingKey(credentials.secretAccessKey, date, request.region, request.service),
  )
    .update(stringToSign, "utf8")
    .digest("hex");
  return {
    canonicalRequest,
    stringToSign,
    signedHeaders,
    signature,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** The parts of an Authorization header, for a server that checks one; null when it is not SigV4. */
export function parseAuthorization(header: string): {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
} | null {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (!m) return null;
  return {
    accessKeyId: m[1]!,
    date: m[2]!,
    region: m[3]!,
    service: m[4]!,
    signedHeaders: m[5]!.split(";"),
    signature: m[6]!,
  };
}

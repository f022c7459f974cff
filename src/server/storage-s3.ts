import "server-only";
import type { FileStorage } from "./storage";
import { checkedKey } from "./storage-key";
import { amzDateOf, EMPTY_SHA256, encodeKey, sha256Hex, signRequest, type SigV4Credentials } from "./sigv4";

export type S3Settings = {
  /** https://minio.example:9000; without it, AWS's regional endpoint. */
  endpoint?: string;
  bucket: string;
  region: string;
  credentials: SigV4Credentials;
  /** Bucket in the path (MinIO, Ceph and most private stores) rather than in the host name. */
  forcePathStyle: boolean;
  /** How long to wait for the store's answer (the headers; a download's body streams on). */
  timeoutMs?: number;
};

/** The object's address: https://host/bucket/key (path style) or https://bucket.host/key. */
export function objectUrl(settings: S3Settings, key: string): URL {
  const endpoint = new URL(settings.endpoint ?? `https://s3.${settings.region}.amazonaws.com`);
  const base = endpoint.pathname.replace(/\/+$/, "");
  if (settings.forcePathStyle) {
    return new URL(
      `${endpoint.protocol}//${endpoint.host}${base}/${encodeKey(settings.bucket)}/${encodeKey(key)}`,
    );
  }
  return new URL(`${endpoint.protocol}//${settings.bucket}.${endpoint.host}${base}/${encodeKey(key)}`);
}

export class S3Error extends Error {
  constructor(
    readonly method: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(`S3 ${method} answered ${status}${code ? ` ${code}` : ""}`);
  }
}

/** The <Code> of an S3 error body (never the whole body: it may echo the request). */
async function errorOf(method: string, response: Response): Promise<S3Error> {
  const text = method === "HEAD" ? "" : await response.text().catch(() => "");
  return new S3Error(method, response.status, /<Code>([^<]{1,64})<\/Code>/.exec(text)?.[1] ?? null);
}

/**
 * Evidence files in an S3-compatible bucket, through the store's REST API signed with SigV4. Each
 * call is one request: PUT stores the whole object at once (a reader sees it complete or not at all),
 * GET hands the response body on as a stream, so a download never sits in memory whole.
 */
export function s3Storage(settings: S3Settings): FileStorage {
  const timeoutMs = settings.timeoutMs ?? 30_000;

  async function send(method: string, key: string, body?: Uint8Array): Promise<Response> {
    const url = objectUrl(settings, checkedKey(key));
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const amzDate = amzDateOf(new Date());
    const signed: Record<string, string> = {
      host: url.host,
      "x-amz-content-sha256": payloadHash,
      "x-amz-date": amzDate,
    };
    if (settings.credentials.sessionToken) signed["x-amz-security-token"] = settings.credentials.sessionToken;
    const { authorization } = signRequest(
      {
        method,
        path: url.pathname,
        headers: signed,
        payloadHash,
        amzDate,
        region: settings.region,
        service: "s3",
      },
      settings.credentials,
    );
    const headers: Record<string, string> = { ...signed, authorization };
    delete headers.host; // fetch sets it from the URL, to the same value
    if (body) headers["content-type"] = "application/octet-stream";
    // The timeout covers the wait for the answer's headers only; a streaming body is not cut off.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`S3 ${method} timed out`)), timeoutMs);
    try {
      return await fetch(url, {
        method,
        headers,
        body: body as Uint8Array<ArrayBuffer> | undefined,
        signal: abort.signal,
        redirect: "manual",
      });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async put(key, data) {
      const response = await send("PUT", key, data);
      if (!response.ok) throw await errorOf("PUT", response);
      await response.body?.cancel();
    },
    async get(key) {
      const response = await send("GET", key);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) throw await errorOf("GET", response);
      return response.body;
    },
    async exists(key) {
      const response = await send("HEAD", key);
      if (response.status === 404) return false;
      if (!response.ok) throw await errorOf("HEAD", response);
      return true;
    },
    async remove(key) {
      const response = await send("DELETE", key);
      // S3 answers 204 for a key that was never there; some compatible stores answer 404.
      if (!response.ok && response.status !== 404) throw await errorOf("DELETE", response);
      await response.body?.cancel();
    },
  };
}

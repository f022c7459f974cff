import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseAuthorization, sha256Hex, signRequest } from "@/server/sigv4";

export type FakeS3 = {
  endpoint: string;
  /** Objects by "/bucket/key", as the path-style requests name them. */
  objects: Map<string, Buffer>;
  /** Every request, with the answer it got. */
  log: { method: string; path: string; status: number }[];
  /** Objects served a chunk at a time: the next chunk goes out when the test calls `release`. */
  slow: Map<string, { chunks: Buffer[]; release: () => void; sent: number }>;
  close: () => Promise<void>;
};

const xmlError = (code: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`;

/**
 * A small S3-compatible server for tests (path style only): it checks each request's SigV4
 * Authorization header against the one secret it knows, recomputed from the request as received,
 * and the body against its signed hash, then PUTs, GETs, HEADs and DELETEs objects in memory.
 */
export async function startFakeS3(credentials: {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}) {
  const objects = new Map<string, Buffer>();
  const log: FakeS3["log"] = [];
  const slow: FakeS3["slow"] = new Map();

  function verify(req: http.IncomingMessage, body: Buffer): string | null {
    const auth = parseAuthorization(req.headers.authorization ?? "");
    if (!auth) return "AccessDenied";
    if (auth.accessKeyId !== credentials.accessKeyId) return "InvalidAccessKeyId";
    if (auth.region !== credentials.region || auth.service !== "s3") return "AuthorizationHeaderMalformed";
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
    for (const required of ["host", "x-amz-date", "x-amz-content-sha256"])
      if (!auth.signedHeaders.includes(required)) return "AccessDenied";
    const skew = Math.abs(
      Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z")) -
        Date.now(),
    );
    if (!(skew < 15 * 60_000)) return "RequestTimeTooSkewed";
    if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256Hex(body))
      return "XAmzContentSHA256Mismatch";
    const [path = "/", rawQuery = ""] = (req.url ?? "/").split("?");
    const headers = Object.fromEntries(auth.signedHeaders.map((h) => [h, String(req.headers[h] ?? "")]));
    const expected = signRequest(
      {
        method: req.method ?? "GET",
        path,
        query: Object.fromEntries(new URLSearchParams(rawQuery)),
        headers,
        payloadHash,
        amzDate,
        region: auth.region,
        service: "s3",
      },
      credentials,
    ).signature;
    const ok = timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature));
    return ok ? null : "SignatureDoesNotMatch";
  }

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const body = Buffer.concat(parts);
      const path = (req.url ?? "/").split("?")[0]!;
      const answer = (status: number, data?: Buffer | string) => {
        log.push({ method: req.method ?? "", path, status });
        res.statusCode = status;
        res.end(req.method === "HEAD" ? undefined : data);
      };
      const refused = verify(req, body);
      if (refused) return answer(403, xmlError(refused));
      const stored = objects.get(path);
      switch (req.method) {
        case "PUT":
          objects.set(path, body);
          return answer(200);
        case "HEAD":
          return answer(stored ? 200 : 404);
        case "DELETE":
          objects.delete(path);
          return answer(204);
        case "GET": {
          if (!stored) return answer(404, xmlError("NoSuchKey"));
          const drip = slow.get(path);
          if (!drip) return answer(200, stored);
          log.push({ method: "GET", path, status: 200 });
          res.writeHead(200, { "content-length": stored.length });
          const next = () => {
            const chunk = drip.chunks[drip.sent++];
            if (chunk) res.write(chunk);
            if (drip.sent >= drip.chunks.length) res.end();
          };
          drip.release = next;
          return next();
        }
        default:
          return answer(405, xmlError("MethodNotAllowed"));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeS3 = {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    log,
    slow,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

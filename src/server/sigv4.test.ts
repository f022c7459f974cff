import { describe, expect, it } from "vitest";
import {
  amzDateOf,
  canonicalQuery,
  EMPTY_SHA256,
  encodeKey,
  parseAuthorization,
  sha256Hex,
  signRequest,
  uriEncode,
} from "./sigv4";

// The expected values are AWS's published ones: the Signature Version 4 test suite (get-vanilla,
// get-vanilla-query-order-key-case, post-vanilla) and the S3 API reference's "Examples: signature
// calculations" (GET object with a range, PUT object, GET bucket with a query).

describe("AWS SigV4 test suite (service 'service', 2015-08-30)", () => {
  const credentials = {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  };
  const base = {
    path: "/",
    headers: { Host: "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z" },
    payloadHash: EMPTY_SHA256,
    amzDate: "20150830T123600Z",
    region: "us-east-1",
    service: "service",
  };

  it("get-vanilla: canonical request, string to sign, signature and header", () => {
    const r = signRequest({ ...base, method: "GET" }, credentials);
    expect(r.canonicalRequest).toBe(
      "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EMPTY_SHA256,
    );
    expect(r.stringToSign).toBe(
      "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
    );
    expect(r.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, " +
        "SignedHeaders=host;x-amz-date, " +
        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("get-vanilla-query-order-key-case: the query is sorted before signing", () => {
    const r = signRequest(
      { ...base, method: "GET", query: { Param2: "value2", Param1: "value1" } },
      credentials,
    );
    expect(r.signature).toBe("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
  });

  it("post-vanilla", () => {
    const r = signRequest({ ...base, method: "POST" }, credentials);
    expect(r.signature).toBe("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
  });
});

describe("S3 API reference examples (examplebucket, 2013-05-24)", () => {
  const credentials = {
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  };
  const base = { amzDate: "20130524T000000Z", region: "us-east-1", service: "s3" };
  const host = "examplebucket.s3.amazonaws.com";

  it("GET object with a range", () => {
    const r = signRequest(
      {
        ...base,
        method: "GET",
        path: `/${encodeKey("test.txt")}`,
        headers: {
          host,
          range: "bytes=0-9",
          "x-amz-content-sha256": EMPTY_SHA256,
          "x-amz-date": base.amzDate,
        },
        payloadHash: EMPTY_SHA256,
      },
      credentials,
    );
    expect(r.stringToSign.split("\n")[3]).toBe(
      "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
    );
    expect(r.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });

  it("PUT object: the key's $ is encoded and the body's hash is signed", () => {
    const payloadHash = sha256Hex("Welcome to Amazon S3.");
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const r = signRequest(
      {
        ...base,
        method: "PUT",
        path: `/${encodeKey("test$file.text")}`,
        headers: {
          Host: host,
          Date: "Fri, 24 May 2013 00:00:00 GMT",
          "x-amz-content-sha256": payloadHash,
          "x-amz-date": base.amzDate,
          "x-amz-storage-class": "REDUCED_REDUNDANCY",
        },
        payloadHash,
      },
      credentials,
    );
    expect(r.canonicalRequest.split("\n").slice(0, 2)).toEqual(["PUT", "/test%24file.text"]);
    expect(r.signedHeaders).toBe("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
    expect(r.stringToSign.split("\n")[3]).toBe(
      "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d",
    );
    expect(r.signature).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("GET bucket with a query", () => {
    const r = signRequest(
      {
        ...base,
        method: "GET",
        path: "/",
        query: { prefix: "J", "max-keys": "2" },
        headers: { host, "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": base.amzDate },
        payloadHash: EMPTY_SHA256,
      },
      credentials,
    );
    expect(r.canonicalRequest.split("\n")[2]).toBe("max-keys=2&prefix=J");
    expect(r.signature).toBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  });
});

describe("encoding and parsing", () => {
  it("encodes everything but the unreserved characters, and slashes only in values", () => {
    expect(uriEncode("a b+c/d!'()*~")).toBe("a%20b%2Bc%2Fd%21%27%28%29%2A~");
    expect(encodeKey("2026/05/绩效 报告")).toBe("2026/05/%E7%BB%A9%E6%95%88%20%E6%8A%A5%E5%91%8A");
    expect(canonicalQuery({ b: "2", a: "x y", A: "/" })).toBe("A=%2F&a=x%20y&b=2");
  });

  it("writes x-amz-date in the compact form", () => {
    expect(amzDateOf(new Date("2013-05-24T00:00:00.123Z"))).toBe("20130524T000000Z");
  });

  it("reads back the parts of a header it wrote, and refuses another scheme", () => {
    const r = signRequest(
      {
        method: "GET",
        path: "/b/k",
        headers: { host: "h", "x-amz-date": "20150830T123600Z" },
        payloadHash: EMPTY_SHA256,
        amzDate: "20150830T123600Z",
        region: "cn-north-1",
        service: "s3",
      },
      { accessKeyId: "AK", secretAccessKey: "SK" },
    );
    expect(parseAuthorization(r.authorization)).toEqual({
      accessKeyId: "AK",
      date: "20150830",
      region: "cn-north-1",
      service: "s3",
      signedHeaders: ["host", "x-amz-date"],
      signature: r.signature,
    });
    expect(parseAuthorization("AWS AK:abc")).toBeNull();
  });
});

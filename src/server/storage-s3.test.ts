import { describe, expect, it } from "vitest";
import { envSchema } from "@/env";
import { objectUrl, type S3Settings } from "./storage-s3";

const base: S3Settings = {
  bucket: "bpm-evidence",
  region: "cn-east-1",
  credentials: { accessKeyId: "AK", secretAccessKey: "SK" },
  forcePathStyle: false,
};
const key = "2026/05/0f8fad5b-d9cb-469f-a165-70867728950e";

describe("S3 object addresses", () => {
  it("puts the bucket in the path when asked (MinIO, Ceph), keeping the endpoint's port and path", () => {
    const settings = { ...base, endpoint: "http://minio.czj.local:9000/", forcePathStyle: true };
    expect(objectUrl(settings, key).href).toBe(`http://minio.czj.local:9000/bpm-evidence/${key}`);
    expect(objectUrl({ ...settings, endpoint: "https://gw.czj.local/s3" }, key).href).toBe(
      `https://gw.czj.local/s3/bpm-evidence/${key}`,
    );
  });

  it("puts the bucket in the host name otherwise, on AWS's regional endpoint by default", () => {
    expect(objectUrl(base, key).href).toBe(`https://bpm-evidence.s3.cn-east-1.amazonaws.com/${key}`);
    expect(objectUrl({ ...base, endpoint: "https://oss-cn-hangzhou.aliyuncs.com" }, key).href).toBe(
      `https://bpm-evidence.oss-cn-hangzhou.aliyuncs.com/${key}`,
    );
  });
});

describe("the storage setting", () => {
  it("defaults to the local folder", () => {
    const parsed = envSchema.parse({});
    expect(parsed).toMatchObject({
      STORAGE: "local",
      UPLOAD_DIR: "./data/uploads",
      S3_FORCE_PATH_STYLE: "false",
    });
  });

  it("requires the bucket and the keys for STORAGE=s3", () => {
    const parsed = envSchema.safeParse({ STORAGE: "s3", S3_ENDPOINT: "http://minio:9000" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual([
      "S3_BUCKET",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
    ]);
    const full = { STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "a", S3_SECRET_ACCESS_KEY: "s" };
    expect(envSchema.safeParse(full).success).toBe(true);
    expect(envSchema.safeParse({ ...full, S3_ENDPOINT: "minio:9000" }).success).toBe(false);
  });
});

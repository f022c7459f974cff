import path from "node:path";
import { describe, expect, it } from "vitest";
import { attachmentsNote } from "./backup";

describe("what a backup leaves out", () => {
  it("names the local attachments folder to copy", () => {
    const note = attachmentsNote({ STORAGE: "local", UPLOAD_DIR: "./data/uploads", S3_REGION: "us-east-1" });
    expect(note).toContain(path.resolve("./data/uploads"));
    expect(note).toContain("附件不在此备份中");
  });

  it("names the bucket and its store, not a local folder, with STORAGE=s3", () => {
    const note = attachmentsNote({
      STORAGE: "s3",
      UPLOAD_DIR: "./data/uploads",
      S3_ENDPOINT: "https://minio.czj.local:9000",
      S3_BUCKET: "bpm-evidence",
      S3_REGION: "us-east-1",
    });
    expect(note).toContain(`bucket "bpm-evidence" at https://minio.czj.local:9000`);
    expect(note).not.toContain("uploads");
  });
});

"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/server/action-client";
import { ALLOWED_EXTENSIONS, formatFileSize } from "../rules";

type Props = { entityType: string; entityId: string; maxFileMb: number };

type Status =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "done"; name: string }
  | { kind: "failed"; message: string; fieldError?: string };

const ACCEPT = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(",");

/** Send the form with XMLHttpRequest: fetch cannot report upload progress. */
function send(form: FormData, onProgress: (percent: number) => void): Promise<ActionResult<unknown>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/attachments/upload");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => (xhr.response ? resolve(xhr.response as ActionResult<unknown>) : reject(new Error()));
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

export function UploaderForm({ entityType, entityId, maxFileMb }: Props) {
  const t = useTranslations("attachments.uploader");
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const uploading = status.kind === "uploading";
  const fieldError = status.kind === "failed" ? status.fieldError : undefined;

  function choose(next: File | null) {
    setFile(next);
    // A file over the limit is refused here at once; the server checks again in any case.
    if (next && next.size > maxFileMb * 1024 * 1024) {
      setStatus({ kind: "failed", message: "", fieldError: t("tooLarge", { maxMb: maxFileMb }) });
    } else setStatus({ kind: "idle" });
  }

  function onDrop(e: DragEvent<HTMLLabelElement>) {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files;
    if (!dropped.length || uploading) return;
    if (inputRef.current) inputRef.current.files = dropped;
    choose(dropped[0] ?? null);
  }

  async function upload() {
    if (!file) return setStatus({ kind: "failed", message: "", fieldError: t("required") });
    if (fieldError) return;
    const form = new FormData();
    form.set("entityType", entityType);
    form.set("entityId", entityId);
    form.set("file", file);
    setStatus({ kind: "uploading", percent: 0 });
    try {
      const result = await send(form, (percent) => setStatus({ kind: "uploading", percent }));
      if (result.ok) {
        setStatus({ kind: "done", name: file.name });
        setFile(null);
        if (inputRef.current) inputRef.current.value = "";
        router.refresh();
      } else {
        const own = result.fieldErrors?.file?.join("；");
        setStatus({ kind: "failed", message: own ? "" : result.message, fieldError: own });
      }
    } catch {
      setStatus({ kind: "failed", message: t("networkError") });
    }
  }

  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className="space-y-3">
      {status.kind === "failed" && status.message && <Alert tone="error">{status.message}</Alert>}
      {status.kind === "done" && <Alert tone="success">{t("uploaded", { name: status.name })}</Alert>}
      <div className="flex flex-col gap-3 md:flex-row md:items-start">
        <label
          htmlFor={inputId}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex min-w-0 flex-1 cursor-pointer flex-col gap-1 rounded-lg border-2 border-dashed px-4 py-4 text-sm transition-colors has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-brand-600 ${
            dragging
              ? "border-brand-500 bg-brand-50"
              : fieldError
                ? "border-red-300 bg-red-50/40"
                : "border-slate-300 bg-slate-50 hover:border-brand-400"
          }`}
        >
          <span className="font-medium text-slate-700">{t("label")}</span>
          <span className="text-slate-500">{t("dropHint")}</span>
          {/* The browser's own file button speaks the browser's language: ours is drawn instead,
              over an input kept for keyboards, screen readers and forms. */}
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            name="file"
            accept={ACCEPT}
            disabled={uploading}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${errorId} ${hintId}` : hintId}
            onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
            className="sr-only"
          />
          <span className="mt-1 flex min-w-0 items-center gap-3">
            <span className={buttonClass("secondary", "sm")} aria-hidden="true">
              {t("choose")}
            </span>
            <span className="min-w-0 truncate text-xs text-slate-600">
              {file ? t("selected", { name: file.name, size: formatFileSize(file.size) }) : t("noFile")}
            </span>
          </span>
        </label>
        <Button type="button" onClick={upload} disabled={uploading} className="md:mt-1">
          {uploading ? t("uploading") : t("upload")}
        </Button>
      </div>
      {uploading && (
        <div
          role="progressbar"
          aria-label={t("progress", { percent: status.percent })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={status.percent}
          className="h-1.5 overflow-hidden rounded-full bg-slate-100"
        >
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${status.percent}%` }} />
        </div>
      )}
      {fieldError && (
        <p id={errorId} role="alert" className="text-xs text-red-600">
          {fieldError}
        </p>
      )}
      <p id={hintId} className="text-xs text-slate-500">
        {t("accepted", { maxMb: maxFileMb })}
      </p>
    </div>
  );
}

import { handleUploadRequest } from "@/features/attachments/upload-request";

export async function POST(request: Request) {
  return handleUploadRequest(request);
}

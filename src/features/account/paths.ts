// Shared by src/proxy.ts (which sets the header) and the password-change gate (which reads it).
/** The path of a full page load (GET of a document); absent on client-side navigation and actions. */
export const DOCUMENT_PATH_HEADER = "x-document-path";
export const CHANGE_PASSWORD_PATH = "/account/password";

// Every record type that takes attachments, imported for its registration. A feature adds one line
// here for its policy module; the attachments service imports this file, so each route bundle that
// lists, stores or serves files knows every policy.
import "./project-policy";
import "@/features/targets/attachment-policy";
import "@/features/pre-assessment/attachment-policy";
import "@/features/self-evaluation/attachment-policy";
import "@/features/third-party/attachment-policy";
import "@/features/rectification/attachment-policy";

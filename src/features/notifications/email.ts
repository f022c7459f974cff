import type { NotificationKind } from "@/server/schema";

// The place for e-mail: a sender receives each notification after the hand-off committed. None is
// configured; a deployment that wants mail registers one (SMTP, a gateway) with setEmailSender.

export type OutgoingNotification = {
  recipientId: string;
  kind: NotificationKind;
  titleKey: string;
  params: Record<string, string>;
  link: string;
};

export type EmailSender = { send: (n: OutgoingNotification) => Promise<void> };

let sender: EmailSender | null = null;

export function setEmailSender(s: EmailSender | null): void {
  sender = s;
}

export function emailSender(): EmailSender | null {
  return sender;
}

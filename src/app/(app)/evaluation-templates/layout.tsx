import { ClientMessages } from "@/i18n/client-messages";

// The texts this section's client components read (the rest of the catalogue stays on the server).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["evaluationTemplates", "evaluations"]}>{children}</ClientMessages>;
}

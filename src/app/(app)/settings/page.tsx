import { redirect } from "next/navigation";

// The settings area has one page so far.
export default function SettingsPage() {
  redirect("/settings/years");
}

import type { Permission } from "@/server/permissions";

// The navigation. Each entry shows to the roles that hold its permission; the pages check again.
export type NavItem = { href: string; key: string; permission: Permission; icon: string };

export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", key: "dashboard", permission: "dashboard.view", icon: "M3 12l9-9 9 9M5 10v10h14V10" },
  {
    href: "/todos",
    key: "todos",
    permission: "todos.read",
    icon: "M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01",
  },
  { href: "/projects", key: "projects", permission: "projects.read", icon: "M4 6h16M4 12h16M4 18h10" },
  {
    href: "/pre-assessments",
    key: "preAssessment",
    permission: "preAssessment.read",
    icon: "M9 5h6M9 3h6a1 1 0 011 1v1h2a1 1 0 011 1v14a1 1 0 01-1 1H6a1 1 0 01-1-1V6a1 1 0 011-1h2V4a1 1 0 011-1zm0 9l2 2 4-4",
  },
  {
    href: "/targets",
    key: "targets",
    permission: "targets.read",
    icon: "M12 3a9 9 0 100 18 9 9 0 000-18zm0 4a5 5 0 100 10 5 5 0 000-10zm0 4a1 1 0 100 2 1 1 0 000-2z",
  },
  {
    href: "/indicators",
    key: "indicators",
    permission: "indicators.manage",
    icon: "M4 5h16M4 10h16M4 15h10M4 20h6",
  },
  {
    href: "/monitoring",
    key: "monitoring",
    permission: "monitoring.read",
    icon: "M3 3v18h18M7 15l4-4 3 3 5-6",
  },
  {
    href: "/self-evaluations",
    key: "selfEvaluation",
    permission: "selfEvaluation.read",
    icon: "M9 11l3 3 8-8M20 12v7a1 1 0 01-1 1H5a1 1 0 01-1-1V5a1 1 0 011-1h11",
  },
  {
    href: "/sampling",
    key: "sampling",
    permission: "sampling.read",
    icon: "M4 4h16v4H4zM4 10h10v4H4zM4 16h6v4H4zM17 13l2 2 3-4",
  },
  {
    href: "/sampling/feedback",
    key: "samplingFeedback",
    permission: "sampling.feedbackRead",
    icon: "M4 5h16v11H8l-4 4zM8 9h8M8 12h5",
  },
  {
    href: "/key-evaluations",
    key: "keyEvaluation",
    permission: "keyEvaluation.read",
    icon: "M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8-4.3-4.1 5.9-.9z",
  },
  {
    href: "/third-party",
    key: "thirdParty",
    permission: "thirdParty.read",
    icon: "M8 7V5a2 2 0 012-2h4a2 2 0 012 2v2M4 7h16v12H4zM4 12h16M11 12v2h2v-2",
  },
  {
    href: "/dept-evaluations",
    key: "deptOverall",
    permission: "deptOverall.read",
    icon: "M4 21V8l8-5 8 5v13M9 21v-5h6v5M8 11h2M14 11h2",
  },
  {
    href: "/township-evaluations",
    key: "townshipEvaluation",
    permission: "townshipEvaluation.read",
    icon: "M3 20h18M5 20V10l4-3 4 3v10M13 20V6l3-2 3 2v14M8 13h2M16 9h.01M16 13h.01",
  },
  {
    href: "/rectification",
    key: "rectification",
    permission: "rectification.read",
    icon: "M9 12l2 2 4-4M5 4h14v16H5zM9 4v2h6V4",
  },
  {
    href: "/results",
    key: "results",
    permission: "results.read",
    icon: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  },
  {
    href: "/assessment",
    key: "assessment",
    permission: "assessment.read",
    icon: "M8 4h8v3H8zM6 6H4v15h16V6h-2M8 12l2 2 4-4M8 17h8",
  },
  {
    href: "/evaluation-templates",
    key: "evaluationTemplates",
    permission: "evaluationTemplates.read",
    icon: "M4 4h16v16H4zM4 9h16M9 9v11",
  },
  {
    href: "/agencies",
    key: "agencies",
    permission: "agencies.read",
    icon: "M3 21h18M5 21V7l7-4 7 4v14M9 21v-6h6v6M9 10h.01M15 10h.01",
  },
  {
    href: "/reports/annual-summary",
    key: "annualSummary",
    permission: "reports.read",
    icon: "M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6",
  },
  {
    href: "/settings/years",
    key: "years",
    permission: "years.configure",
    icon: "M12 8v4l3 3M12 3a9 9 0 100 18 9 9 0 000-18z",
  },
  {
    href: "/admin/users",
    key: "users",
    permission: "users.manage",
    icon: "M16 11a4 4 0 10-8 0 4 4 0 008 0zM4 21a8 8 0 0116 0",
  },
  {
    href: "/audit",
    key: "audit",
    permission: "audit.read",
    icon: "M9 12l2 2 4-4M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7z",
  },
];

// Chart colours chosen to stay apart in grey-scale print: a dark and a light series, a dark line.
export const CHART = {
  primary: "#1f5bc4",
  light: "#9dbbee",
  line: "#1e293b",
  reference: "#b91c1c",
  grid: "#e2e8f0",
  tick: "#475569",
} as const;

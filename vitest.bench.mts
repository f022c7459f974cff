import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run bench` runs this part in-process against the bench database (BENCH_DATABASE_URL): the
// dashboards' aggregate SQL alone, and the server actions through runAction (what a POST runs).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      "server-only": path.resolve(import.meta.dirname, "tests/setup/empty.ts"),
    },
  },
  test: {
    name: "bench",
    environment: "node",
    include: ["tests/bench/**/*.run.ts"],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

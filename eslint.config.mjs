import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "drizzle/**",
      "data/**",
      "playwright-report/**",
      "test-results/**",
      "reports/**",
      "next-env.d.ts",
    ],
  },
];

export default config;

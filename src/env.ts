import { z } from "zod";
import { ROLES } from "@/server/schema/enums";

// Read the environment once, validated, so a mistyped setting fails at start-up, not mid-request.
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    PGLITE_DIR: z.string().min(1).default("./data/pglite"),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    SEED_ON_START: z.enum(["true", "false"]).default("true"),
    ALLOW_SEED: z.enum(["true", "false"]).default("false"),
    // With the demo data, also a second district and the province's accounts (province_admin,
    // province_leader), to show the province's view of several districts (src/server/seed/province.ts).
    SEED_PROVINCE: z.enum(["true", "false"]).default("false"),
    // Evidence files (attachments): a folder outside the web root, and the size limits in megabytes.
    UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
    // Where the files are kept: "local" (UPLOAD_DIR) or "s3" (an S3-compatible bucket: MinIO, Ceph,
    // AWS, a cloud's object store), for several instances that share no folder. See docs/deployment.md.
    STORAGE: z.enum(["local", "s3"]).default("local"),
    S3_ENDPOINT: z
      .string()
      .regex(/^https?:\/\/[^/]/, "S3_ENDPOINT must be an http(s):// address")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_SESSION_TOKEN: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
    // Where `npm run backup` writes its timestamped files (keep a copy off this machine too).
    BACKUP_DIR: z.string().min(1).default("./data/backups"),
    // Account lock after repeated failed sign-ins, and the session's idle and absolute limits.
    LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
    // Slowing of one client address's failed sign-ins (any accounts): after this many failures within
    // the window, each further failure makes the address wait twice as long (5 s, 10 s, … at most 5 min).
    SIGNIN_ADDRESS_ATTEMPTS: z.coerce.number().int().min(1).default(10),
    SIGNIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    // How many reverse proxies in front of the app add to X-Forwarded-For. The client address is taken
    // that many entries from the right (0 and 1: the last entry, which `next start` fills with the
    // connecting address when the request brings none).
    TRUSTED_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(8),
    // A password older than this many days must be changed at the next sign-in (0: never expires).
    PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(90),
    // Roles that must sign in with a second factor (TOTP), comma-separated, e.g.
    // "SYS_ADMIN,AUDITOR,FINANCE_ADMIN,FINANCE_REVIEWER". Empty: two-factor is offered, not required.
    TOTP_REQUIRED_ROLES: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((r) => r.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(ROLES))),
    MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
    MAX_RECORD_UPLOAD_MB: z.coerce.number().positive().default(100),
    // How many dashboard aggregates each instance keeps in memory (src/server/aggregate-cache.ts), the
    // least recently read dropped first. 0: none (every dashboard runs its SQL; the bench's "SQL alone").
    AGGREGATE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(5000),
  })
  .superRefine((v, ctx) => {
    if (v.STORAGE !== "s3") return;
    for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const)
      if (!v[name])
        ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when STORAGE=s3` });
  });

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(
    `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
  );
}

export const env = parsed.data;

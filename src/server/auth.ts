import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/env";
import { SIGN_IN_BAD_CODE, SIGN_IN_NEEDS_CODE, SIGN_IN_THROTTLED } from "@/features/auth/sign-in-errors";
import { recordSignOut, revokeSession, verifyCredentials } from "@/features/auth/service";
import { authSecret } from "./auth-secret";
import { db } from "./db";
import { clientAddress, requestMeta } from "./request-context";
import { ensureDatabaseReady } from "./startup";

const credentialsSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  code: z.string().max(32).optional(),
});

// The token lives as long as the server-side session may (SESSION_MAX_HOURS); the server decides sooner.
export const SESSION_MAX_AGE_SECONDS = env.SESSION_MAX_HOURS * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        username: { label: "username", type: "text" },
        password: { label: "password", type: "password" },
        code: { label: "code", type: "text" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        await ensureDatabaseReady();
        const headers = new Map(
          Object.entries(req?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
        );
        const meta = {
          ip: clientAddress({ get: (n) => headers.get(n) }),
          userAgent: headers.get("user-agent") ?? null,
        };
        const result = await verifyCredentials(parsed.data, meta, { db });
        if (!result.ok) {
          // Only once the password was right: ask for the second factor, or say the code was wrong.
          if (result.needCode) throw new Error(SIGN_IN_NEEDS_CODE);
          if (result.badCode) throw new Error(SIGN_IN_BAD_CODE);
          if (result.throttled) throw new Error(SIGN_IN_THROTTLED);
          return null;
        }
        return { id: result.userId, sv: result.sessionVersion, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    async session({ session, token }) {
      // Only the id and session version travel; everything else is re-read from the database per request.
      return { expires: session.expires, uid: token.uid, sv: token.sv, sid: token.sid } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.uid) return;
      if (typeof token.sid === "string") await revokeSession(token.sid, { db });
      await recordSignOut(String(token.uid), await requestMeta(), { db });
    },
  },
};

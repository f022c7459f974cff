import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PasswordChangeRedirect } from "./password-change-redirect";
import { CHANGE_PASSWORD_PATH, DOCUMENT_PATH_HEADER } from "./paths";

/**
 * Keeps an account that must change its password (first sign-in, after an administrator's reset) on
 * /account/password. Rendered by the (app) layout, in two halves:
 * - a full page load of any other page is answered with a redirect before anything is sent, from the
 *   path src/proxy.ts passes on (a layout is not told its path);
 * - client-side navigation is followed in the browser (PasswordChangeRedirect). A layout does not
 *   render again on client-side navigation, and a redirect thrown while rendering one for such a
 *   request would be kept with the layout in the client's cache and replayed on the password page
 *   itself, in a loop; so the server never redirects those.
 */
export async function PasswordChangeGate({ required }: { required: boolean }) {
  if (!required) return null;
  const path = (await headers()).get(DOCUMENT_PATH_HEADER);
  if (path && path !== CHANGE_PASSWORD_PATH) redirect(CHANGE_PASSWORD_PATH);
  return <PasswordChangeRedirect to={CHANGE_PASSWORD_PATH} />;
}

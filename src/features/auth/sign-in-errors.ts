// What the sign-in form is told beyond "wrong name or password" (next-auth passes the message on).
// Shared by the server's authorize step and the form, so it holds no server code.
export const SIGN_IN_NEEDS_CODE = "TOTP_REQUIRED";
export const SIGN_IN_BAD_CODE = "TOTP_INVALID";
/** Too many failed sign-ins from this address: wait a little. */
export const SIGN_IN_THROTTLED = "ADDRESS_THROTTLED";

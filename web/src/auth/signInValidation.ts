/** The sign-in form's own checks, per field, before any round trip: only the field that is wrong says so. */

/**
 * What the API accepts as an email (loginRequestSchema: trimmed, zod's email pattern, at most 320 characters), written
 * out so the sign-in screen need not carry zod; signInValidation.test.ts holds it to the schema.
 */
const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_EMAIL_LENGTH = 320;

export function isAcceptedEmail(email: string): boolean {
  const trimmed = email.trim();
  return trimmed.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(trimmed);
}

export interface SignInFieldErrors {
  email?: string;
  password?: string;
}

export function signInFieldErrors(email: string, password: string): SignInFieldErrors {
  const errors: SignInFieldErrors = {};
  if (email.trim() === '') errors.email = 'Enter your email address.';
  else if (!isAcceptedEmail(email)) errors.email = 'Enter a valid email address, like name@example.com.';
  if (password === '') errors.password = 'Enter your password.';
  return errors;
}

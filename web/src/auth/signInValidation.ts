/** The sign-in form's own checks, per field, before any round trip: only the field that is wrong says so. */
import { loginRequestSchema } from '../../../shared/api/schemas';

export interface SignInFieldErrors {
  email?: string;
  password?: string;
}

export function signInFieldErrors(email: string, password: string): SignInFieldErrors {
  const errors: SignInFieldErrors = {};
  if (email.trim() === '') errors.email = 'Enter your email address.';
  else if (!loginRequestSchema.shape.email.safeParse(email).success) errors.email = 'Enter a valid email address, like name@example.com.';
  if (password === '') errors.password = 'Enter your password.';
  return errors;
}

import { describe, expect, it } from 'vitest';
import { loginRequestSchema } from '../../../shared/api/schemas';
import { isAcceptedEmail, signInFieldErrors } from './signInValidation';

const accepts = (email: string) => loginRequestSchema.shape.email.safeParse(email).success;

describe('the sign-in form’s email check', () => {
  it('accepts exactly what the API’s schema accepts', () => {
    const samples = [
      'demo@pitwatch.local',
      ' demo@pitwatch.local ',
      'first.last+tag@sub.example.com',
      "o'brien@example.ie",
      'a@b.c',
      'no-at-sign',
      'two@@example.com',
      '.dot@example.com',
      'dot.@example.com',
      'a..b@example.com',
      'name@-example.com',
      'name@example',
      'name@exa mple.com',
      '',
      `${'a'.repeat(310)}@example.com`,
      `${'a'.repeat(300)}@example.com`,
    ];
    for (const email of samples) expect([email, isAcceptedEmail(email)]).toEqual([email, accepts(email)]);
  });

  it('names only the field that is wrong', () => {
    expect(signInFieldErrors('demo@pitwatch.local', '')).toEqual({ password: 'Enter your password.' });
    expect(signInFieldErrors('demo', 'x')).toEqual({ email: 'Enter a valid email address, like name@example.com.' });
    expect(signInFieldErrors(' ', 'x')).toEqual({ email: 'Enter your email address.' });
  });
});

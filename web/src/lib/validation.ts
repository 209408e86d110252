export const MIN_PASSWORD_LENGTH = 12;

export type FieldErrorMap = Record<string, string[]>;

export function validateSignup(v: { email: string; password: string; displayName: string }): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (!v.displayName.trim()) errors.displayName = ['Enter a display name.'];
  if (!v.email.trim()) errors.email = ['Enter your email address.'];
  else if (!/^[^\s@]+@[^\s@]+$/.test(v.email.trim())) errors.email = ['Enter a valid email address.'];
  if (v.password.length < MIN_PASSWORD_LENGTH) errors.password = [`Use at least ${MIN_PASSWORD_LENGTH} characters.`];
  return errors;
}

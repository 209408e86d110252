import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { ProblemError, toProblem } from '../api/problem';
import type { RegisteredUser } from '../api/types';
import { Field, ProblemAlert, usePageTitle } from '../components/ui';
import { MIN_PASSWORD_LENGTH, validateSignup } from '../lib/validation';

export function SignupPage() {
  usePageTitle('Sign up');
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fieldErrors = validateSignup({ email, password, displayName });
    if (Object.keys(fieldErrors).length) {
      setProblem(new ProblemError({ status: 400, title: 'Please fix the highlighted fields.', fieldErrors }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const user = await api.post<RegisteredUser>(
        '/api/auth/register',
        { email: email.trim(), password, displayName: displayName.trim() },
        { auth: false },
      );
      navigate('/login', { state: { registered: user?.email ?? email.trim() } });
    } catch (err) {
      setProblem(toProblem(err));
      setBusy(false);
    }
  };

  return (
    <div className="auth-card">
      <div className="auth-card__head">
        <h1>Create your account</h1>
        <p className="muted">Start weaving worlds on your own server.</p>
      </div>
      <ProblemAlert problem={problem} knownFields={['displayName', 'email', 'password']} />
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign up">
        <Field
          label="Display name"
          name="displayName"
          autoComplete="nickname"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          errors={problem?.forField('displayName')}
          maxLength={100}
          required
          autoFocus
        />
        <Field
          label="Email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={problem?.forField('email')}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short phrase is easy to remember.`}
          errors={problem?.forField('password')}
          required
        />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-card__foot">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { ProblemError, toProblem } from '../api/problem';
import { Field, Notice, ProblemAlert, usePageTitle } from '../components/ui';

interface LoginState {
  from?: string;
  registered?: string;
}

export function LoginPage() {
  usePageTitle('Log in');
  const { login, notice, clearNotice } = useAuth();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [email, setEmail] = useState(state.registered ?? '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fieldErrors: Record<string, string[]> = {};
    if (!email.trim()) fieldErrors.email = ['Enter your email address.'];
    if (!password) fieldErrors.password = ['Enter your password.'];
    if (Object.keys(fieldErrors).length) {
      setProblem(new ProblemError({ status: 400, title: 'Please fix the highlighted fields.', fieldErrors }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      // On success the guest-only route redirects to `state.from` (or the dashboard).
      await login(email.trim(), password);
    } catch (err) {
      setProblem(toProblem(err));
      setBusy(false);
    }
  };

  return (
    <div className="auth-card">
      <div className="auth-card__head">
        <h1>Log in</h1>
        <p className="muted">Welcome back. Pick up the threads of your worlds.</p>
      </div>
      {state.registered && !problem && (
        <Notice tone="success">
          Account created for <strong>{state.registered}</strong>. Log in to continue.
        </Notice>
      )}
      {notice && !state.registered && !problem && <Notice onDismiss={clearNotice}>{notice}</Notice>}
      <ProblemAlert problem={problem} knownFields={['email', 'password']} />
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Log in">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={problem?.forField('email')}
          required
          autoFocus={!state.registered}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={problem?.forField('password')}
          required
          autoFocus={!!state.registered}
        />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p className="auth-card__foot">
        New to Worldloom? <Link to="/signup">Create an account</Link>
      </p>
    </div>
  );
}

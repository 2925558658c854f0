import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { RoleNotForConsoleError, useSession } from './session';

/** Sign in with an API token. The token is sent in a header only and kept in this tab's session storage. */
export function SignInPage() {
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const target = (location.state as { from?: string } | null)?.from ?? '/';

  if (me !== undefined) return <Navigate to={target} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await signIn(token.trim());
      void navigate(target, { replace: true });
    } catch (error) {
      if (error instanceof RoleNotForConsoleError) setProblem(error.message);
      else setProblem(error instanceof ApiError && error.status === 401 ? 'This token is unknown or revoked.' : 'The server could not be reached. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title" className="card sign-in-card">
        <h1 id="sign-in-title">Sentra Console</h1>
        <p>Sign in with your API token. It is kept only in this browser tab.</p>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          autoFocus
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : 'sign-in-problem'}
        />
        {problem !== undefined && (
          <p id="sign-in-problem" role="alert" className="problem">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

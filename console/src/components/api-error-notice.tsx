import { problemsOf } from '../api/client';
import { ProblemList } from './problem-list';

/**
 * What a failed call says: its problems by field path when the server located them, otherwise its
 * message, announced as an alert. Nothing when there is no error.
 */
export function ApiErrorNotice({ id, error, title }: { id: string; error: Error | null; title: string }) {
  if (error === null) return null;
  const problems = problemsOf(error);
  if (problems.length > 0) return <ProblemList id={id} title={`${title}: ${error.message}`} problems={problems} />;
  return (
    <p id={id} role="alert" className="problem">
      {error.message}
    </p>
  );
}

/** A located problem: a JSON pointer or a line and column, and what is wrong there. */
export interface Problem {
  path: string;
  message: string;
}

/** Problems listed with where they are; announced politely to screen readers as they change. */
export function ProblemList({ id, title, problems }: { id: string; title: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div id={id} className="problems" aria-live="polite">
      <h3>{title}</h3>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>
            <code>{problem.path}</code> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

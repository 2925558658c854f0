import type { ReactNode } from 'react';

/** A newly issued secret, shown in this answer only (the server keeps a hash): what it is, and the secret to copy. */
export function SecretShownOnce({ label, secret, children, kept = 'Sentra keeps only its hash' }: { label: string; secret: string; children: ReactNode; kept?: string }) {
  return (
    <div className="issued" role="status">
      <p>
        {children} — copy the secret now; it is not shown again and {kept}:
      </p>
      <code className="secret" aria-label={label}>
        {secret}
      </code>
    </div>
  );
}

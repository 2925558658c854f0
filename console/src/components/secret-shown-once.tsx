import type { ReactNode } from 'react';

/** A newly issued secret, shown in this answer only (the server keeps a hash): what it is, and the secret to copy. */
export function SecretShownOnce({ label, secret, children }: { label: string; secret: string; children: ReactNode }) {
  return (
    <div className="issued" role="status">
      <p>{children} — copy the secret now; it is not shown again and Sentra keeps only its hash:</p>
      <code className="secret" aria-label={label}>
        {secret}
      </code>
    </div>
  );
}

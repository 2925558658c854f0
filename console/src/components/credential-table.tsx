import type { ReactNode } from 'react';
import { expiryLabel } from './credential-expiry';

/** What every credential row shows: who, last use, expiry, revocation. */
export interface CredentialRow {
  readonly id: string;
  readonly name: string;
  readonly last_used_at: string | null;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
}

/** A column of one kind of credential (a token's role, a key's creation time), after its name. */
export interface CredentialColumn<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
}

/**
 * A list of credentials (API tokens, merchant keys): name and id, the kind's own columns, last use,
 * expiry, and a state that is the revocation time or a button that revokes after a confirmation.
 * `ownState` replaces the button for a row the viewer must not revoke (its own session).
 */
export function CredentialTable<Row extends CredentialRow>({
  caption,
  rows,
  columns,
  revokeWarning,
  revoking,
  onRevoke,
  ownState,
}: {
  caption: string;
  rows: readonly Row[];
  columns: readonly CredentialColumn<Row>[];
  /** What the confirmation says happens to calls with the credential. */
  revokeWarning: string;
  revoking: boolean;
  onRevoke: (row: Row) => void;
  ownState?: (row: Row) => ReactNode | undefined;
}) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {columns.map((column) => (
            <th scope="col" key={column.header}>
              {column.header}
            </th>
          ))}
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              {row.name} <span className="muted">{row.id}</span>
            </th>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(row)}</td>
            ))}
            <td>{row.last_used_at === null ? 'never' : new Date(row.last_used_at).toLocaleString()}</td>
            <td>{expiryLabel(row.expires_at)}</td>
            <td>
              {row.revoked_at !== null
                ? `revoked ${new Date(row.revoked_at).toLocaleString()}`
                : (ownState?.(row) ?? (
                    <button type="button" disabled={revoking} onClick={() => window.confirm(`Revoke “${row.name}”? ${revokeWarning}`) && onRevoke(row)}>
                      Revoke {row.name}
                    </button>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

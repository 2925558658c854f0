import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';

type Upload = { csv: string } | { values: string[]; note: string; expiresAt: string };

async function send(name: string, upload: Upload) {
  const params = { path: { name } };
  if ('csv' in upload) {
    // The file goes as it is: the server parses text/csv and answers problems by row (/entries/N/…).
    return unwrap(await api.POST('/v1/lists/{name}/entries', { params, body: upload.csv as never, bodySerializer: (body: unknown) => body as string, headers: { 'content-type': 'text/csv' } }));
  }
  const extra = { ...(upload.note === '' ? {} : { note: upload.note }), ...(upload.expiresAt === '' ? {} : { expires_at: new Date(upload.expiresAt).toISOString() }) };
  return unwrap(await api.POST('/v1/lists/{name}/entries', { params, body: { entries: upload.values.map((value) => ({ value, ...extra })) } }));
}

/**
 * Adds entries to a list: typed values (one per line, with one note and expiry for all) or a CSV
 * file with a `value,note,expires_at` header. All or nothing: a refusal lists each bad entry by its
 * position (`/entries/0/value` is the first value) and writes nothing.
 */
export function ListEntriesUpload({ name, kind, onAdded }: { name: string; kind: string; onAdded: () => Promise<unknown> }) {
  const [values, setValues] = useState('');
  const [note, setNote] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  // A new key clears the file input after an upload (a file input cannot be set from state).
  const [fileInput, setFileInput] = useState(0);
  const add = useMutation({
    mutationFn: (upload: Upload) => send(name, upload),
    onSuccess: async () => {
      setValues('');
      setFile(undefined);
      setFileInput((count) => count + 1);
      await onAdded();
    },
  });
  const lines = values.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    add.mutate(file === undefined ? { values: lines, note, expiresAt } : { csv: await file.text() });
  };
  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="add-entries-title" aria-busy={add.isPending}>
      <h2 id="add-entries-title">Add entries</h2>
      <div className="field">
        <label htmlFor="entry-values">Values, one per line</label>
        <textarea id="entry-values" className="json-editor expression-editor" spellCheck={false} value={values} disabled={file !== undefined} onChange={(event) => setValues(event.target.value)} aria-describedby="entry-values-help" />
        <span id="entry-values-help" className="help">
          {kind} values; line 1 is <code>/entries/0</code> in an error.
        </span>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="entry-note">Note for these values</label>
          <input id="entry-note" className="wide" maxLength={500} value={note} disabled={file !== undefined} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="entry-expires">Expires</label>
          <input id="entry-expires" type="datetime-local" value={expiresAt} disabled={file !== undefined} onChange={(event) => setExpiresAt(event.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="entry-file">Or a CSV file</label>
        <input key={fileInput} id="entry-file" type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0])} aria-describedby="entry-file-help" />
        <span id="entry-file-help" className="help">
          A header line <code>value,note,expires_at</code>, then one entry per line; up to 1,000,000.
        </span>
      </div>
      <ApiErrorNotice id="entry-problems" error={add.error} title="Nothing added" />
      {add.isSuccess && (
        <p role="status" className="status-ok">
          Received {add.data.received}, written {add.data.written}; list version {add.data.list_version}.
        </p>
      )}
      <button type="submit" className="primary" disabled={add.isPending || (file === undefined && lines.length === 0)}>
        {file === undefined ? `Add ${lines.length} ${lines.length === 1 ? 'entry' : 'entries'}` : `Upload ${file.name}`}
      </button>
    </form>
  );
}

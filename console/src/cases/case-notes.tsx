import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { CaseDetail } from './case-types';

/** The case's notes, newest last, and a form to add one (notes never conflict, so no version). */
export function CaseNotes({ caseId, notes }: { caseId: string; notes: CaseDetail['notes'] }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/cases/{case_id}/notes', { params: { path: { case_id: caseId } }, body: { text } })),
    onSuccess: () => {
      setText('');
      return queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes ({notes.length})</h2>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((note, index) => (
            <li key={`${note.at}:${index}`}>
              <span className="muted">
                {new Date(note.at).toLocaleString()} · {note.actor}
              </span>
              <p>{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="note-text">New note</label>
          <textarea id="note-text" rows={3} maxLength={10_000} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        {add.isError && <p role="alert">{add.error.message}</p>}
        <button type="submit" disabled={add.isPending || text.trim() === ''}>
          Add note
        </button>
      </form>
    </section>
  );
}

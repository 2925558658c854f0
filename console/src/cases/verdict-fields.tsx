import type { Ref } from 'react';

/** A verdict on a case: fraud or legit, and why. */
export interface Verdict {
  label: 'fraud' | 'legit';
  reason: string;
}

export const emptyVerdict: Verdict = { label: 'fraud', reason: '' };

/** Whether a verdict can be sent: the server refuses a blank reason. */
export const verdictReady = (verdict: Verdict) => verdict.reason.trim() !== '';

/** The verdict and reason fields of every resolve form (one case or many). */
export function VerdictFields({ verdict, onChange, reasonRef }: { verdict: Verdict; onChange(verdict: Verdict): void; reasonRef?: Ref<HTMLInputElement> }) {
  return (
    <>
      <label>
        Verdict{' '}
        <select value={verdict.label} onChange={(event) => onChange({ ...verdict, label: event.target.value as Verdict['label'] })}>
          <option value="fraud">fraud</option>
          <option value="legit">legit</option>
        </select>
      </label>
      <label>
        Reason <input ref={reasonRef} required value={verdict.reason} maxLength={2048} onChange={(event) => onChange({ ...verdict, reason: event.target.value })} />
      </label>
    </>
  );
}

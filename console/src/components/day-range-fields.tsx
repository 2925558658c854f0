/** A window of days as the date inputs give them: `from` included, `to` not (yyyy-mm-dd). */
export interface DayRange {
  from: string;
  to: string;
}

/** The "From" and "To (not included)" date fields of a window of days, each required. */
export function DayRangeFields({ value, onChange }: { value: DayRange; onChange: (next: DayRange) => void }) {
  return (
    <>
      <label>
        From <input type="date" required value={value.from} onChange={(event) => onChange({ ...value, from: event.target.value })} />
      </label>
      <label>
        To (not included) <input type="date" required value={value.to} onChange={(event) => onChange({ ...value, to: event.target.value })} />
      </label>
    </>
  );
}

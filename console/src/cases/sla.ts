/** How far a case's SLA due time is from now, in words, and whether it has passed. */
export interface SlaState {
  text: string;
  overdue: boolean;
}

/** "due in 3 h 20 min", "overdue by 45 min"; minutes are rounded down, days shown past 48 hours. */
export function slaState(dueAt: string, now: number): SlaState {
  const difference = Date.parse(dueAt) - now;
  const overdue = difference < 0;
  const minutes = Math.floor(Math.abs(difference) / 60_000);
  const span =
    minutes >= 48 * 60 ? `${Math.floor(minutes / (24 * 60))} d` : minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return { text: overdue ? `overdue by ${span}` : `due in ${span}`, overdue };
}

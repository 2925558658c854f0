/** Milliseconds in a day. */
export const day = 86_400_000;

/** A time as the value of an `<input type="date">` (its UTC day). */
export const dateInput = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The start (00:00 UTC) of a `<input type="date">` day, as the API's ISO time. */
export const isoDay = (date: string) => new Date(`${date}T00:00:00Z`).toISOString();

/** The last 30 days, up to the end of today: the range the admin reports start from. */
export const lastThirtyDays = () => ({ from: dateInput(Date.now() - 30 * day), to: dateInput(Date.now() + day) });

/** A duration as .NET's TimeSpan prints it (`[d.]hh:mm:ss.fffffff`), the format of seed 004's deviceAge. */
export function timeSpan(milliseconds: number): string {
  const total = Math.max(0, Math.round(milliseconds));
  const days = Math.floor(total / 86_400_000);
  const hours = Math.floor((total % 86_400_000) / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const ticks = (total % 1000) * 10_000;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${days > 0 ? `${days}.` : ''}${two(hours)}:${two(minutes)}:${two(seconds)}.${String(ticks).padStart(7, '0')}`;
}

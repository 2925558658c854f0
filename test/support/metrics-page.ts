/** The value of one series (its name and labels as printed) in a Prometheus text page, or undefined when it is absent. */
export function seriesValue(page: string, series: string): number | undefined {
  const line = page.split('\n').find((row) => row.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * Dates as precise as a source gives them (`2024`, `2024-05`, `2024-05-17`) as calendar days,
 * so that `YYYY-MM-DD` strings compare in order.
 */

/** The first day a partial date can mean: `2024` is 2024-01-01. */
export function firstDay(date: string): string {
  const [year, month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}`;
}

/** The last day a partial date can mean: `2024` is 2024-12-31, `2024-02` is 2024-02-29. */
export function lastDay(date: string): string {
  const [year = "", month, day] = date.split("-");
  if (day !== undefined) return date;
  if (month === undefined) return `${year}-12-31`;
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(days).padStart(2, "0")}`;
}

/** Today as `YYYY-MM-DD`, in UTC. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

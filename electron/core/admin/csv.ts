// Runs: node (core). RFC 4180 CSV for exports, with spreadsheet formula injection defused: a
// shopper who types "=HYPERLINK(...)" at the kiosk must not get a live formula on a manager's PC.
export function csvCell(value: unknown, text = true): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: Array<{ v: unknown; text?: boolean }>): string {
  return cells.map((c) => csvCell(c.v, c.text ?? true)).join(',');
}

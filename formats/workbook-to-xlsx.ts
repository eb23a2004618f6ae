import writeXlsxFile, { type Cell, type Sheet } from "write-excel-file/universal";
import type { WorkbookCell, WorkbookSheet } from "./graph-to-workbook";

/** Excel takes at most this many characters in a cell; longer text is cut with a mark rather than refused. */
const CELL_MAX = 32_767;

function xlsxCell(value: WorkbookCell, header: boolean): Cell {
  if (value === null) return null;
  if (typeof value === "number") return { value, type: Number };
  if (typeof value === "boolean") return { value, type: Boolean };
  const text = value.length > CELL_MAX ? `${value.slice(0, CELL_MAX - 1)}…` : value;
  // Typed as text: a leading "=" or "+" stays the words it was, never a formula.
  return header ? { value: text, type: String, fontWeight: "bold" } : { value: text, type: String, wrap: false };
}

/** The workbook as an .xlsx file (Office Open XML), written by write-excel-file (MIT). */
export function workbookToXlsx(sheets: readonly WorkbookSheet[]): Promise<Blob> {
  const written: Sheet<never>[] = sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row, index) => row.map((value) => xlsxCell(value, index === 0))),
    columns: sheet.widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }));
  return writeXlsxFile(written).toBlob();
}

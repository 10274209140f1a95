/** Shapes shared by every file import (werkagenda, measurements). */

/**
 * One problem in an uploaded file: the spreadsheet row (1 is the header row; 0 means the file as a
 * whole), the column, the value as written and what is wrong in plain Dutch.
 */
export type CellProblem = { row: number; column: string; value: string; message: string };

/** The spreadsheet commands' ids, apart from their Node implementation (export-records.ts) so the browser build can name them. */
export const EXPORT_RECORDS_COMMAND = 'fragments.exportRecords';
export const IMPORT_RECORDS_COMMAND = 'fragments.importRecords';

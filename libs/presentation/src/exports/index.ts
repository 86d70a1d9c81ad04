export * from './export-sheet';
export { csvField, csvOf, UTF8_BOM } from './csv.export';
export { xlsxOf } from './xlsx.export';
export { fenToWan } from './export-money';

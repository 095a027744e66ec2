// arquero's tables and table expressions (`table`, `from`, `op`), for the code that runs in the pages.
// Imported from arquero's own modules rather than its package entry: the entry also exports the file
// loaders (loadCSV and co.), whose byte-stream module imports node:fs. Node ignores that until a loader
// is called, and arquero's "browser" field swaps the module out, but Framework's page bundler does not
// apply that swap, so a page importing the entry fails to load.
export {from, table} from "arquero/src/table/index.js";
export {opApi as op} from "arquero/src/op/op-api.js";
export type {ColumnTable} from "arquero";

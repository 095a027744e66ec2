// Types for the two arquero modules lib/core/table.ts imports directly: arquero ships types for its
// package entry only, which re-exports these.
declare module "arquero/src/table/index.js" {
  export {from, table} from "arquero";
}
declare module "arquero/src/op/op-api.js" {
  export {op as opApi} from "arquero";
}

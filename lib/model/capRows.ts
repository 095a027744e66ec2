// A cap on the rows a model is fitted on: past ~100 k invoices the learners only get slower, not better.
import {selectDataset} from "./learners/types.js";
import type {Dataset} from "./learners/types.js";
import type {Random} from "../core/random.js";
import {sampleIndices} from "../segments/sampling.js";

/** `data` itself when it has at most `cap` rows, else a uniform, seeded sample of `cap` rows in their order. */
export function capRows(data: Dataset, cap: number, random: Random): Dataset {
  return data.x.rows <= cap ? data : selectDataset(data, sampleIndices(data.x.rows, cap, random));
}

// The "Replayed as of …" note every page carries. It loads replay.json itself, so a page needs one import
// and one line — `${replayNote()}` — and every page says the same thing in the same words
// (lib/views/replay.ts `replayNote`).
import {FileAttachment} from "npm:@observablehq/stdlib";
import {replayNote as replayNoteText} from "../lib/views/replay.js";
import type {ReplayFile} from "../lib/pipeline/contract.js";

// Not awaited here: a top-level await would hold back every cell of the page that imports this module
// until replay.json has arrived; only the note waits for it.
const replay = FileAttachment("../data/report/replay.json").json() as Promise<ReplayFile>;

/**
 * A note linking to the Backtest page, or an empty fragment when the report is dated on its last day of
 * data (an inline expression would print a null).
 */
export async function replayNote(): Promise<HTMLParagraphElement | DocumentFragment> {
  const text = replayNoteText(await replay);
  if (!text) return document.createDocumentFragment();
  const note = document.createElement("p");
  note.className = "replay-note";
  const link = document.createElement("a");
  link.href = "./backtest";
  link.textContent = "How right was it?";
  note.append(`${text} `, link);
  return note;
}

// The "Replayed as of …" note every page carries. It loads replay.json itself, so a page needs one import
// and one line — `${replayNote()}` — and every page says the same thing in the same words
// (lib/views/backtest.ts `replayNote`).
import {FileAttachment} from "npm:@observablehq/stdlib";
import {replayNote as replayNoteText} from "../lib/views/backtest.js";
import type {ReplayFile} from "../lib/views/backtest.js";

const replay = (await FileAttachment("../data/report/replay.json").json()) as ReplayFile;
const text = replayNoteText(replay);

/**
 * A note linking to the Backtest page, or an empty fragment when the report is dated on its last day of
 * data (an inline expression would print a null).
 */
export function replayNote(): HTMLParagraphElement | DocumentFragment {
  if (!text) return document.createDocumentFragment();
  const note = document.createElement("p");
  note.className = "replay-note";
  const link = document.createElement("a");
  link.href = "./backtest";
  link.textContent = "How right was it?";
  note.append(`${text} `, link);
  return note;
}

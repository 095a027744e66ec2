import { FileAttachment } from "../../_observablehq/stdlib.4a4e7fee.js";
import { replayNote as replayNoteText } from "../lib/views/backtest.61d771aa.js";
const replay = await FileAttachment({"name":"../../data/report/replay.json","mimeType":"application/json","path":"../../_file/data/report/replay.f6c62ea4.json","lastModified":1796294442886,"size":394}, import.meta.url).json();
const text = replayNoteText(replay);
export function replayNote() {
  if (!text) return null;
  const note = document.createElement("p");
  note.className = "replay-note";
  const link = document.createElement("a");
  link.href = "./backtest";
  link.textContent = "How right was it?";
  note.append(`${text} `, link);
  return note;
}

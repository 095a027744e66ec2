// A scenario in the URL hash, so that a link reproduces it: `#riskyCustomersDelayed=20&costOfCapital=0.1`.
// Only inputs that differ from their defaults are written (the opening scenario has no hash at all), in
// model units (shares as fractions), with the spec keys as names so that a reader can edit a link by hand.
// Reading is forgiving: unknown names and unreadable numbers are skipped, values are clamped to the
// slider's range and snapped to its step, so a hand-edited or stale link still opens a valid scenario.
import {scenarioInputSpecs} from "../portfolio/scenario.js";
import type {ScenarioInputSpec, ScenarioInputs} from "../portfolio/scenario.js";

type Spec = Pick<ScenarioInputSpec, "key" | "min" | "max" | "step" | "value">;

/** Decimals of a step (0.005 → 3), so that values print without binary noise (0.30000000000000004). */
function stepDecimals(step: number): number {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The nearest value on the slider's grid (min + k × step), within [min, max]. */
export function snapToSpec(value: number, spec: Spec): number {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const steps = spec.step > 0 ? Math.round((clamped - spec.min) / spec.step) : 0;
  const snapped = Math.min(spec.max, spec.min + steps * spec.step);
  return Number(snapped.toFixed(stepDecimals(spec.step)));
}

/** The hash (without "#") of a scenario; "" when every input is at its default. */
export function encodeScenarioHash(inputs: Partial<ScenarioInputs>, specs: readonly Spec[] = scenarioInputSpecs): string {
  const params = new URLSearchParams();
  for (const spec of specs) {
    const value = inputs[spec.key];
    if (value === undefined || !Number.isFinite(value)) continue;
    const snapped = snapToSpec(value, spec);
    if (snapped !== snapToSpec(spec.value, spec)) params.set(spec.key, String(snapped));
  }
  return params.toString();
}

export interface DecodedScenario {
  /** The inputs the hash sets (the others keep their defaults). */
  inputs: Partial<ScenarioInputs>;
  /** Names in the hash that were skipped: unknown, or not a number. */
  ignored: string[];
}

/** The inputs of a hash (with or without its "#"); anything unreadable is skipped and listed. */
export function decodeScenarioHash(hash: string, specs: readonly Spec[] = scenarioInputSpecs): DecodedScenario {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const byKey = new Map<string, Spec>(specs.map((s) => [s.key, s]));
  const inputs: Partial<ScenarioInputs> = {};
  const ignored: string[] = [];
  for (const [name, text] of params) {
    const spec = byKey.get(name);
    const value = text.trim() === "" ? NaN : Number(text);
    if (!spec || !Number.isFinite(value)) ignored.push(name);
    else inputs[spec.key] = snapToSpec(value, spec);
  }
  return {inputs, ignored};
}

/** Every input: the one the hash sets, or else its default. */
export function scenarioFromHash(hash: string, specs: readonly Spec[] = scenarioInputSpecs): ScenarioInputs {
  const {inputs} = decodeScenarioHash(hash, specs);
  return Object.fromEntries(specs.map((s) => [s.key, inputs[s.key] ?? s.value])) as unknown as ScenarioInputs;
}

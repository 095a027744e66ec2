import { scenarioInputSpecs } from "../portfolio/scenario.9b939c79.js";
function stepDecimals(step) {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
export function snapToSpec(value, spec) {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const steps = spec.step > 0 ? Math.round((clamped - spec.min) / spec.step) : 0;
  const snapped = Math.min(spec.max, spec.min + steps * spec.step);
  return Number(snapped.toFixed(stepDecimals(spec.step)));
}
export function encodeScenarioHash(inputs, specs = scenarioInputSpecs) {
  const params = new URLSearchParams();
  for (const spec of specs) {
    const value = inputs[spec.key];
    if (value === void 0 || !Number.isFinite(value)) continue;
    const snapped = snapToSpec(value, spec);
    if (snapped !== snapToSpec(spec.value, spec)) params.set(spec.key, String(snapped));
  }
  return params.toString();
}
export function decodeScenarioHash(hash, specs = scenarioInputSpecs) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const byKey = new Map(specs.map((s) => [s.key, s]));
  const inputs = {};
  const ignored = [];
  for (const [name, text] of params) {
    const spec = byKey.get(name);
    const value = text.trim() === "" ? NaN : Number(text);
    if (!spec || !Number.isFinite(value)) ignored.push(name);
    else inputs[spec.key] = snapToSpec(value, spec);
  }
  return { inputs, ignored };
}
export function scenarioFromHash(hash, specs = scenarioInputSpecs) {
  const { inputs } = decodeScenarioHash(hash, specs);
  return Object.fromEntries(specs.map((s) => [s.key, inputs[s.key] ?? s.value]));
}

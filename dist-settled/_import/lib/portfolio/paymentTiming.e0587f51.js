import { checkRiskCutoffs, defaultRiskCutoffs, riskBand, riskBands } from "./riskBands.a7d9b5eb.js";
export function settlementRecords(invoices, pLateOf = () => void 0) {
  const records = [];
  for (const invoice of invoices) {
    if (invoice.settledDate === null || invoice.daysLate === null) continue;
    records.push({ pLate: pLateOf(invoice) ?? NaN, daysLate: invoice.daysLate, writtenOff: invoice.status === "written_off" });
  }
  return records;
}
function emptyTally() {
  return { onTime: /* @__PURE__ */ new Map(), latePaid: /* @__PURE__ */ new Map(), lateWrittenOff: /* @__PURE__ */ new Map(), onTimeCount: 0, lateCount: 0, writtenOffCount: 0 };
}
function increment(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}
function addRecord(tally, record, earliest, latest) {
  const offset = Math.round(record.daysLate);
  if (record.writtenOff || offset > 0) {
    const clamped = Math.min(latest, Math.max(1, offset));
    increment(record.writtenOff ? tally.lateWrittenOff : tally.latePaid, clamped);
    ++tally.lateCount;
    if (record.writtenOff) ++tally.writtenOffCount;
  } else {
    increment(tally.onTime, Math.max(earliest, offset));
    ++tally.onTimeCount;
  }
}
function shares(map, from, length, total) {
  const out = new Array(length).fill(0);
  if (total > 0) for (const [offset, count] of map) out[offset - from] = count / total;
  return out;
}
export function fitPaymentTiming(records, options = {}) {
  const {
    cutoffs = defaultRiskCutoffs,
    maxDaysEarly = 120,
    maxDaysLate = 365,
    minObservations = 30,
    minTail = 20,
    fallbackDaysLate = 30
  } = options;
  checkRiskCutoffs(cutoffs);
  let earliest = 0, latest = 1;
  for (const { daysLate, writtenOff } of records) {
    const offset = Math.round(daysLate);
    if (writtenOff || offset > 0) latest = Math.max(latest, Math.min(maxDaysLate, offset));
    else earliest = Math.min(earliest, Math.max(-maxDaysEarly, offset));
  }
  const pooled = emptyTally();
  const byBand = new Map(riskBands.map((band) => [band, emptyTally()]));
  for (const record of records) {
    addRecord(pooled, record, earliest, latest);
    if (Number.isFinite(record.pLate)) addRecord(byBand.get(riskBand(record.pLate, cutoffs)), record, earliest, latest);
  }
  if (pooled.lateCount === 0) latest = Math.max(latest, fallbackDaysLate);
  const onTimeLength = 1 - earliest;
  const bands = riskBands.map((band) => {
    const own = byBand.get(band);
    const borrowOnTime = own.onTimeCount < minObservations;
    const borrowLate = own.lateCount < minObservations;
    const onTimeSource = borrowOnTime ? pooled : own;
    const lateSource = borrowLate ? pooled : own;
    const onTime = shares(onTimeSource.onTime, earliest, onTimeLength, onTimeSource.onTimeCount);
    if (onTimeSource.onTimeCount === 0) onTime[onTimeLength - 1] = 1;
    const latePaid = shares(lateSource.latePaid, 1, latest, lateSource.lateCount);
    const lateWrittenOff = shares(lateSource.lateWrittenOff, 1, latest, lateSource.lateCount);
    if (lateSource.lateCount === 0) latePaid[fallbackDaysLate - 1] = 1;
    return {
      band,
      onTime,
      latePaid,
      lateWrittenOff,
      observations: { onTime: onTimeSource.onTimeCount, late: lateSource.lateCount, writtenOff: lateSource.writtenOffCount },
      borrowed: { onTime: borrowOnTime, late: borrowLate }
    };
  });
  return { cutoffs: { ...cutoffs }, earliestOffset: earliest, latestOffset: latest, minTail, bands };
}
export function summarizeTiming(model) {
  return model.bands.map((b) => {
    let mean = 0, writeOff = 0, cumulative = 0, medianDaysLate = NaN, early = 0;
    for (let i = 0; i < b.latePaid.length; ++i) {
      const mass = b.latePaid[i] + b.lateWrittenOff[i];
      mean += (i + 1) * mass;
      writeOff += b.lateWrittenOff[i];
      cumulative += mass;
      if (Number.isNaN(medianDaysLate) && cumulative >= 0.5 - 1e-12) medianDaysLate = i + 1;
    }
    for (let i = 0; i < b.onTime.length; ++i) early -= (model.earliestOffset + i) * b.onTime[i];
    return { band: b.band, meanDaysLate: mean, medianDaysLate, writeOffShare: writeOff, meanDaysEarly: early + 0, observations: b.observations, borrowed: b.borrowed };
  });
}
function cumulate(values, start, earliest, length) {
  const mass = new Float64Array(length);
  const moment = new Float64Array(length);
  let m = 0, g = 0;
  for (let k = 0; k < length; ++k) {
    const offset = earliest + k;
    const i = offset - start;
    if (i >= 0 && i < values.length) {
      m += values[i];
      g += offset * values[i];
    }
    mass[k] = m;
    moment[k] = g;
  }
  return { mass, moment };
}
export function compileTiming(model) {
  const { earliestOffset, latestOffset, minTail } = model;
  const length = latestOffset - earliestOffset + 1;
  const bands = {};
  for (const b of model.bands) {
    const onTime = cumulate(b.onTime, earliestOffset, earliestOffset, length);
    const paid = cumulate(b.latePaid, 1, earliestOffset, length);
    const writtenOff = cumulate(b.lateWrittenOff, 1, earliestOffset, length);
    let tailCap = 0;
    for (let t = 1; t < latestOffset; ++t) {
      const k = t - earliestOffset;
      const beyond = (1 - paid.mass[k] - writtenOff.mass[k]) * b.observations.late;
      if (beyond >= minTail - 1e-9) tailCap = t;
      else break;
    }
    bands[b.band] = {
      band: b.band,
      earliestOffset,
      onTimeMass: onTime.mass,
      onTimeMoment: onTime.moment,
      paidMass: paid.mass,
      paidMoment: paid.moment,
      writtenOffMass: writtenOff.mass,
      writtenOffMoment: writtenOff.moment,
      tailCap
    };
  }
  return { cutoffs: model.cutoffs, bands };
}
function at(cumulative, earliest, x) {
  const k = Math.floor(x) - earliest;
  if (k < 0) return 0;
  return cumulative[k < cumulative.length ? k : cumulative.length - 1];
}
function between(cumulative, earliest, from, to) {
  return to > from ? at(cumulative, earliest, to) - at(cumulative, earliest, from) : 0;
}
export function invoiceTiming(compiled, invoice, asOf) {
  const p = Math.min(1, Math.max(0, Number.isFinite(invoice.pLate) ? invoice.pLate : 0));
  const band = compiled.bands[riskBand(p, compiled.cutoffs)];
  const { earliestOffset: e } = band;
  const age = asOf - invoice.dueDate;
  if (age < 0) {
    const onTimeLeft = 1 - at(band.onTimeMass, e, age);
    const hasOnTime = onTimeLeft > 1e-12;
    return {
      band,
      asOf,
      dueDate: invoice.dueDate,
      anchor: invoice.dueDate,
      after: age,
      onTimeWeight: hasOnTime ? (1 - p) / onTimeLeft : 0,
      dueDateMass: hasOnTime ? 0 : 1 - p,
      lateWeight: p
    };
  }
  const conditionedAge = Math.min(age, band.tailCap);
  const lateLeft = 1 - at(band.paidMass, e, conditionedAge) - at(band.writtenOffMass, e, conditionedAge);
  return {
    band,
    asOf,
    dueDate: invoice.dueDate,
    anchor: invoice.dueDate + (age - conditionedAge),
    after: conditionedAge,
    onTimeWeight: 0,
    dueDateMass: 0,
    lateWeight: lateLeft > 1e-12 ? 1 / lateLeft : 0
  };
}
export const noShift = Object.freeze({ delayDays: 0, pivot: Infinity, compression: 0, writeOffPrevention: 0 });
function offsetBound(t, day, shift) {
  const c = t.anchor + shift.delayDays;
  const { pivot, compression } = shift;
  if (day < pivot || compression <= 0) return day - c;
  if (compression >= 1) return Infinity;
  return pivot + (day - pivot) / (1 - compression) - c;
}
export function paidBy(t, day, shift = noShift) {
  const x = offsetBound(t, day, shift);
  const { band: b, after } = t;
  const e = b.earliestOffset;
  let p = t.onTimeWeight * between(b.onTimeMass, e, after, x);
  if (t.dueDateMass > 0 && x >= 0) p += t.dueDateMass;
  const late = between(b.paidMass, e, after, x) + shift.writeOffPrevention * between(b.writtenOffMass, e, after, x);
  return p + t.lateWeight * late;
}
export function writtenOffBy(t, day, shift = noShift) {
  const x = offsetBound(t, day, shift);
  return (1 - shift.writeOffPrevention) * t.lateWeight * between(t.band.writtenOffMass, t.band.earliestOffset, t.after, x);
}
export function collectionShare(t, shift = noShift) {
  return paidBy(t, Infinity, shift);
}
export function writeOffProbability(t) {
  return t.lateWeight * between(t.band.writtenOffMass, t.band.earliestOffset, t.after, Infinity);
}
function compressedMoment(mass, moment, e, after, c, split, pivot, compression) {
  const lowTo = Math.max(after, split);
  let sum = c * between(mass, e, after, lowTo) + between(moment, e, after, lowTo);
  const upMass = between(mass, e, lowTo, Infinity);
  if (upMass > 0) sum += compression * pivot * upMass + (1 - compression) * (c * upMass + between(moment, e, lowTo, Infinity));
  return sum;
}
export function paidDaysMoment(t, shift = noShift) {
  const { band: b, after } = t;
  const e = b.earliestOffset;
  const c = t.anchor + shift.delayDays - t.asOf;
  const compression = shift.compression > 0 ? shift.compression : 0;
  const pivot = compression > 0 ? shift.pivot - t.asOf : Infinity;
  const split = pivot - c;
  let sum = t.onTimeWeight * compressedMoment(b.onTimeMass, b.onTimeMoment, e, after, c, split, pivot, compression);
  sum += t.lateWeight * compressedMoment(b.paidMass, b.paidMoment, e, after, c, split, pivot, compression);
  if (t.dueDateMass > 0) sum += t.dueDateMass * (c <= pivot ? c : compression * pivot + (1 - compression) * c);
  return sum;
}
export function expectedDaysLate(t) {
  const { band: b, after } = t;
  const e = b.earliestOffset;
  const lag = t.anchor - t.dueDate;
  const mass = between(b.paidMass, e, after, Infinity) + between(b.writtenOffMass, e, after, Infinity);
  const moment = between(b.paidMoment, e, after, Infinity) + between(b.writtenOffMoment, e, after, Infinity);
  return t.lateWeight * (lag * mass + moment);
}

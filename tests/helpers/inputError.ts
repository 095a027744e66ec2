import {InputError} from "../../lib/core/errors.js";

/** The InputError `run` throws (fails the test if it throws something else or nothing). */
export function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

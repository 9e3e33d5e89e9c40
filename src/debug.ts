/**
 * `--debug` (or `PLAN_DEBUG`): internal errors carry their stack. Set once per run of the
 * command line, by `main`, for whichever command runs; tiny, so `cli.ts` loads nothing with it.
 */
let on = false;

export function setDebug(value: boolean): void {
  on = value;
}

export function debugging(): boolean {
  return on;
}

/** The matching module's one error class: a stable code for callers (CLI exit message, API problem kind) and a message naming the key or record. */

export type MatchErrorCode = "bad-key-file" | "unknown-key" | "retired-key" | "bad-upload" | "bad-input";

export class MatchError extends Error {
  override name = "MatchError";
  constructor(
    readonly code: MatchErrorCode,
    message: string,
  ) {
    super(`match: ${message}`);
  }
}

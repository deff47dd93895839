/** Excel's errors (OfficeExtension.Error codes) → the port's WorkbookError codes the catalogue words. */
import { isWorkbookError, WorkbookError } from "../port";

/** The `code` of an OfficeExtension.Error, or undefined for anything else. No Office global is needed. */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || isWorkbookError(e)) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export const PAYLOAD_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** A change that met another person's (co-authoring): trying again is safe for what the adapter retries. */
export const CONFLICT = "Conflict";

/**
 * Maps a failure of `context.sync()`; `sheet` names the sheet the failed batch was about, when there was one.
 * Unknown errors pass through unchanged, so a bug keeps its stack.
 */
export function toWorkbookError(e: unknown, sheet?: string): unknown {
  if (isWorkbookError(e)) return e;
  const code = officeErrorCode(e);
  const detail = (e as { message?: string } | undefined)?.message;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new WorkbookError("cell-edit-mode", detail);
    case "AccessDenied":
    // A sheet's password, when one was needed and not given.
    case "BadPassword":
      return new WorkbookError("protected-sheet", detail, sheet);
    case "ItemNotFound":
      return new WorkbookError("sheet-missing", detail, sheet);
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return new WorkbookError("unsupported-host", detail);
    // Co-authoring: another person's change met this one (the adapter has already tried again).
    case "Conflict":
      return new WorkbookError("conflict", detail, sheet);
    // What a shared workbook of the old kind (共有ブック) refuses: tables, merges, charts …
    case "UnsupportedOperation":
      return new WorkbookError("unsupported-operation", detail, sheet);
    case "InvalidOperation":
      return new WorkbookError("invalid-operation", detail, sheet);
    // Left over after the adapter cut its requests and responses as small as it goes.
    case "RequestPayloadSizeLimitExceeded":
    case PAYLOAD_TOO_LARGE:
      return new WorkbookError("payload-too-large", detail, sheet);
    case "ActivityLimitReached":
    case "ServiceNotAvailable":
    case "Timeout":
    case "RequestAborted":
      return new WorkbookError("excel-busy", detail);
    default:
      return e;
  }
}

/** Runs `chosahyo` in-process with fake output streams, and collects what a user would see. */
import { type Io, main } from "../../src/cli/main";

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function collector(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = {
    isTTY: false,
    write(chunk: string | Uint8Array): boolean {
      text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    },
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

export async function cli(argv: readonly string[]): Promise<Run> {
  const out = collector();
  const err = collector();
  const io: Io = { stdout: out.stream, stderr: err.stream };
  const code = await main(argv, io);
  return { code, stdout: out.text(), stderr: err.text() };
}

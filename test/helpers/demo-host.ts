/**
 * The demo's worker host (src/taskpane/demo/book-host.ts) behind a structured-clone boundary, as the page talks to
 * it: every call and every reply is cloned, so what cannot cross a worker message fails here too. A test that uses
 * it mocks the demo's sample asset first (`jest.mock("../../seeds/kodaira-h29.xlsx", …)`).
 */
import { createBookHost } from "../../src/taskpane/demo/book-host";
import type { Args, FromHost, Method } from "../../src/taskpane/demo/book-rpc";

export function structuredHost() {
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const send = createBookHost((m: FromHost) => {
    const msg = structuredClone(m);
    if (msg.kind === "reply") waiting.get(msg.id)?.resolve(msg.value);
    if (msg.kind === "error") waiting.get(msg.id)?.reject(new Error(`${msg.error.code ?? msg.error.name}: ${msg.error.message}`));
  });
  return <M extends Method>(method: M, ...args: Args<M>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      send(structuredClone({ kind: "call", id, method, args }) as Parameters<typeof send>[0]);
    });
}

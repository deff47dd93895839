import type { Server } from "node:http";

export function serveStatic(
  root: string,
  options?: { port?: number; tries?: number; index?: string },
): Promise<{ server: Server; port: number; url: string }>;
